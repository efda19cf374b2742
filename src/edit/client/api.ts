import type { FieldEdit } from '../field-edit.js';
import type { WireSave, WireStart, WireState } from '../wire.js';

const token = new URLSearchParams(location.search).get('token') ?? '';
export const tokenParam = `token=${encodeURIComponent(token)}`;

async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method,
    headers: { 'x-lexgap-token': token, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
    cache: 'no-store',
  });
  if (!response.ok) throw new Error((await response.text()).trim() || `${response.status}`);
  return (await response.json()) as T;
}

export const api = {
  start: () => call<WireStart>('GET', '/api/start'),
  edits: (edits: FieldEdit[]) => call<WireState>('POST', '/api/edits', edits),
  save: () => call<WireSave>('POST', '/api/save', {}),
  resolve: (choice: 'mine' | 'theirs' | 'reload') => call<WireState>('POST', '/api/resolve', { choice }),
};
