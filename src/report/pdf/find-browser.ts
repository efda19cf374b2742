import { accessSync, constants, statSync } from 'node:fs';

/** Where Chromium or Chrome is usually installed, in the order they are tried after PUPPETEER_EXECUTABLE_PATH. */
export const BROWSER_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

export interface BrowserSearch {
  path: string | null;
  /** Every place looked at, for the error message. */
  tried: string[];
  /** Set when PUPPETEER_EXECUTABLE_PATH names something that is not an executable. */
  badEnv: string | null;
}

/** The browser to print with: PUPPETEER_EXECUTABLE_PATH if set, else the first usual path that is an executable file. */
export function findBrowser(env: NodeJS.ProcessEnv = process.env, candidates: readonly string[] = BROWSER_PATHS): BrowserSearch {
  const fromEnv = env.PUPPETEER_EXECUTABLE_PATH?.trim();
  if (fromEnv) {
    if (isExecutable(fromEnv)) return { path: fromEnv, tried: [fromEnv], badEnv: null };
    return { path: null, tried: [fromEnv], badEnv: fromEnv };
  }
  for (const path of candidates) if (isExecutable(path)) return { path, tried: candidates.slice(0, candidates.indexOf(path) + 1), badEnv: null };
  return { path: null, tried: [...candidates], badEnv: null };
}

function isExecutable(path: string): boolean {
  try {
    const info = statSync(path);
    // access(X_OK) says yes to root for any file, so the mode's execute bits are checked too.
    if (!info.isFile() || (info.mode & 0o111) === 0) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** What the user can do when no browser is found. */
export function noBrowserMessage(search: BrowserSearch): { message: string; hint: string } {
  const message = search.badEnv
    ? `PUPPETEER_EXECUTABLE_PATH is set to ${search.badEnv}, which is not an executable file, so no PDF was made`
    : 'no Chromium or Chrome found to make the PDF with';
  const hint =
    'install one: `apt-get install chromium` (Debian/Ubuntu), or `npx puppeteer browsers install chrome` and set PUPPETEER_EXECUTABLE_PATH to the path it prints; ' +
    'or point PUPPETEER_EXECUTABLE_PATH at an installed Chrome. The HTML report was written: a browser can print it too';
  return { message, hint };
}
