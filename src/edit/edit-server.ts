import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { escapeHtml } from '../serve/preview-pages.js';
import { parseEdits } from './field-edit.js';
import { listenOnLoopback } from '../serve/listen-loopback.js';
import { EDIT_CLIENT } from '../ground/paths.js';

/** The page runs only our own script and styles, talks only to this server, and frames only the report. */
export const PAGE_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; font-src data:; connect-src 'self'; frame-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
/** The report in the side panel: as in `serve`, nothing but its inline styles and data: fonts and images. */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

/** The client bundled at build (esbuild), in dist/edit/client/. */
const CLIENT_JS = join(EDIT_CLIENT, 'workbench.js');
const CLIENT_CSS = join(EDIT_CLIENT, 'workbench.css');

export interface EditHandlers {
  title: string;
  lang: string;
  start(): Promise<unknown>;
  edits(edits: NonNullable<ReturnType<typeof parseEdits>>): Promise<unknown>;
  save(): Promise<unknown>;
  resolve(choice: 'mine' | 'theirs' | 'reload'): Promise<unknown>;
  report(template: 'country' | 'brief'): Promise<string>;
  /** @font-face rules with the fonts inlined, so every ASEAN script shows without system fonts. */
  fonts(): Promise<string>;
}

export interface EditServer {
  url: string;
  close(): Promise<void>;
}

const MAX_BODY = 2 * 1024 * 1024;

/**
 * The workbench's server, on 127.0.0.1 only. Every request must name this address as its Host (no
 * DNS rebinding), come from this origin when it says where it comes from (no other site can post to
 * it), and carry the run's secret token (no other program or page on the machine can read or write).
 */
export async function startEditServer(port: number, handlers: EditHandlers): Promise<EditServer> {
  const token = randomBytes(24).toString('base64url');
  let actualPort = port;
  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: Error) => send(res, 500, 'text/plain', `lexgap could not do that: ${err.message}\n`));
  });

  const send = (res: ServerResponse, status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}) => {
    if (res.headersSent) return void res.end();
    res.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer', 'cross-origin-resource-policy': 'same-origin', ...headers }).end(body);
  };
  const json = (res: ServerResponse, value: unknown) => send(res, 200, 'application/json', JSON.stringify(value));

  function allowed(req: IncomingMessage, url: URL): string | undefined {
    const origins = [`127.0.0.1:${actualPort}`, `localhost:${actualPort}`];
    if (!origins.includes(req.headers.host ?? '')) return 'lexgap edit answers only requests addressed to 127.0.0.1';
    const origin = req.headers.origin;
    if (origin !== undefined && !origins.map((o) => `http://${o}`).includes(origin)) return 'lexgap edit answers only its own page';
    if (req.method === 'POST' && origin === undefined) return 'lexgap edit answers only its own page';
    if (req.headers['sec-fetch-site'] === 'cross-site') return 'lexgap edit answers only its own page';
    const given = String(req.headers['x-lexgap-token'] ?? url.searchParams.get('token') ?? '');
    const a = Buffer.from(given);
    const b = Buffer.from(token);
    if (a.length !== b.length || !timingSafeEqual(a, b)) return 'this address needs the token lexgap edit printed: open the whole address it printed';
    return undefined;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const refused = allowed(req, url);
    if (refused) return send(res, 403, 'text/plain', refused + '\n');
    const route = `${req.method} ${url.pathname}`;
    switch (route) {
      case 'GET /':
        return send(res, 200, 'text/html', page(handlers.title, handlers.lang, token), { 'content-security-policy': PAGE_CSP, 'x-frame-options': 'DENY' });
      case 'GET /workbench.js':
        return send(res, 200, 'text/javascript', await readFile(CLIENT_JS));
      case 'GET /workbench.css':
        return send(res, 200, 'text/css', await readFile(CLIENT_CSS));
      case 'GET /fonts.css':
        return send(res, 200, 'text/css', await handlers.fonts());
      case 'GET /report': {
        const template = url.searchParams.get('template') === 'brief' ? 'brief' : 'country';
        return send(res, 200, 'text/html', await handlers.report(template), { 'content-security-policy': REPORT_CSP });
      }
      case 'GET /api/start':
        return json(res, await handlers.start());
      case 'POST /api/edits': {
        const edits = parseEdits((await body(req)) as unknown);
        if (!edits) return send(res, 400, 'text/plain', 'not a list of edits\n');
        return json(res, await handlers.edits(edits));
      }
      case 'POST /api/save':
        return json(res, await handlers.save());
      case 'POST /api/resolve': {
        const choice = ((await body(req)) as { choice?: unknown } | null)?.choice;
        if (choice !== 'mine' && choice !== 'theirs' && choice !== 'reload') return send(res, 400, 'text/plain', 'choose mine, theirs or reload\n');
        return json(res, await handlers.resolve(choice));
      }
      default:
        return send(res, route.startsWith('GET ') || route.startsWith('POST ') ? 404 : 405, 'text/plain', 'not found\n');
    }
  }

  actualPort = await listenOnLoopback(server, port);
  return {
    url: `http://127.0.0.1:${actualPort}/?token=${token}`,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

async function body(req: IncomingMessage): Promise<unknown> {
  if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) return undefined;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) return undefined;
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** The page: our stylesheet and script, nothing else; the token rides in the address, never in markup a profile could reach. */
function page(title: string, lang: string, token: string): string {
  const t = encodeURIComponent(token);
  return `<!doctype html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} — lexgap workbench</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/fonts.css?token=${t}">
<link rel="stylesheet" href="/workbench.css?token=${t}">
<script src="/workbench.js?token=${t}" defer></script>
</head>
<body>
<noscript>The lexgap workbench needs JavaScript. Edit the YAML file in a text editor instead, and check it with lexgap validate.</noscript>
<div id="app" aria-live="polite">Loading…</div>
</body>
</html>
`;
}
