import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { LIVE_SCRIPT, shellPage } from './preview-pages.js';
import { listenOnLoopback } from './listen-loopback.js';

/** The report page allows nothing but its own inline styles and data: fonts and images. */
const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";
const SHELL_CSP = "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; connect-src 'self'; frame-src 'self'; base-uri 'none'; form-action 'none'";

export interface PreviewServer {
  url: string;
  /** Tells every open page to reload its report. */
  reload(): void;
  close(): Promise<void>;
}

/**
 * Serves the preview on 127.0.0.1 only. A request whose Host is not this address is refused, so a
 * web page the user visits cannot reach the preview through a DNS name pointed at 127.0.0.1.
 */
export async function startPreviewServer(port: number, title: string, report: () => Promise<string>): Promise<PreviewServer> {
  const clients = new Set<ServerResponse>();
  let actualPort = port;
  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('lexgap could not render the preview\n');
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const allowed = [`127.0.0.1:${actualPort}`, `localhost:${actualPort}`];
    if (!allowed.includes(req.headers.host ?? '')) {
      res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' }).end('lexgap preview answers only on 127.0.0.1\n');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const common = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' };
    if (path === '/') {
      res.writeHead(200, { ...common, 'content-type': 'text/html; charset=utf-8', 'content-security-policy': SHELL_CSP, 'x-frame-options': 'DENY' }).end(shellPage(title));
    } else if (path === '/report') {
      const html = await report();
      res.writeHead(200, { ...common, 'content-type': 'text/html; charset=utf-8', 'content-security-policy': REPORT_CSP }).end(html);
    } else if (path === '/live.js') {
      res.writeHead(200, { ...common, 'content-type': 'text/javascript; charset=utf-8' }).end(LIVE_SCRIPT);
    } else if (path === '/events') {
      res.writeHead(200, { ...common, 'content-type': 'text/event-stream', connection: 'keep-alive' });
      res.write(': lexgap preview\n\n');
      clients.add(res);
      req.on('close', () => clients.delete(res));
    } else {
      res.writeHead(404, { ...common, 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
    }
  }

  actualPort = await listenOnLoopback(server, port);
  return {
    url: `http://127.0.0.1:${actualPort}/`,
    reload() {
      for (const client of clients) client.write('event: reload\ndata: changed\n\n');
    },
    async close() {
      for (const client of clients) client.end();
      clients.clear();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
    },
  };
}
