/**
 * lexgap prints with puppeteer-core and a Chromium that is already installed (PUPPETEER_EXECUTABLE_PATH,
 * else /usr/bin/chromium and the other usual paths), so nothing is downloaded at install. This file
 * keeps it that way should the full `puppeteer` package ever be installed alongside.
 */
module.exports = {
  skipDownload: true,
  chrome: { skipDownload: true },
  'chrome-headless-shell': { skipDownload: true },
};
