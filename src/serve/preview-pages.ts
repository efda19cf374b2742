import type { Finding } from '../findings/finding.js';
import { codeFrame } from '../findings/format-findings.js';

/** Everything a profile says reaches the page as text, never as markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * The page the browser opens: the report in a sandboxed frame (no scripts, no same-origin), and a
 * small script of ours that reloads the frame when lexgap says the inputs changed.
 */
export function shellPage(title: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)} — lexgap preview</title>
<style>
  html, body { margin: 0; height: 100%; font-family: system-ui, sans-serif; }
  body { display: flex; flex-direction: column; }
  header { padding: 6px 12px; background: #1f3a5f; color: #fff; font-size: 13px; }
  iframe { flex: 1; border: 0; width: 100%; }
</style>
<script src="/live.js" defer></script>
</head>
<body>
<header><span id="status">lexgap preview — ${escapeHtml(title)} — reloads when the profile, its framework or the templates change</span></header>
<iframe id="report" src="/report" sandbox title="report"></iframe>
</body>
</html>
`;
}

/** Reloads the frame on each `reload` event; says so when lexgap has stopped. */
export const LIVE_SCRIPT = `'use strict';
const events = new EventSource('/events');
events.addEventListener('reload', () => {
  document.getElementById('report').src = '/report?' + Date.now();
});
events.onerror = () => {
  document.getElementById('status').textContent = 'lexgap preview has stopped: run lexgap serve again to go on previewing.';
};
`;

/** In place of a stale report: what is wrong, where, as \`lexgap validate\` says it. */
export function findingsPage(title: string, findings: readonly Finding[], sources: ReadonlyMap<string, string>): string {
  const items = findings
    .map((f) => {
      const frame = sources.has(f.file) ? codeFrame(sources.get(f.file)!, f) : '';
      return `<li class="${f.severity}"><p><b>${escapeHtml(`${f.file}:${f.line}:${f.col}`)}</b> ${escapeHtml(f.severity)} — ${escapeHtml(f.message)}${f.hint ? ` <i>(${escapeHtml(f.hint)})</i>` : ''}</p>${frame ? `<pre>${escapeHtml(frame)}</pre>` : ''}</li>`;
    })
    .join('\n');
  const errors = findings.filter((f) => f.severity === 'error').length;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}: ${errors} error${errors === 1 ? '' : 's'}</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 24px; color: #222; }
  h1 { font-size: 20px; color: #8b1a1a; }
  li { margin-bottom: 14px; } li.warning b { color: #7a5b00; } li.error b { color: #8b1a1a; }
  pre { background: #f5f5f5; padding: 8px; overflow-x: auto; font-size: 13px; }
</style>
</head>
<body>
<h1>${escapeHtml(title)}: the report cannot be shown — ${errors} error${errors === 1 ? '' : 's'}</h1>
<p>Fix these in the file and save: the report comes back by itself.</p>
<ul>
${items}
</ul>
</body>
</html>
`;
}
