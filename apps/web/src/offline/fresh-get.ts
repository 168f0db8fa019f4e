/**
 * A GET that must come from the server, not from the service worker's saved copy. public/sw.js
 * answers API reads with the last good response when the network fails and marks it with
 * `x-dongxanh-cache: fallback`; here such an answer counts as "no connection", so a caller that keeps
 * its own copy on the phone (use-cached.ts, the sync engine's refresh) never mistakes an old answer
 * for a fresh one. Same error contract as api/client.ts (RFC 9457 problems as ApiError).
 */
import { API_BASE, ApiError, networkProblem, readProblem, requestLanguage } from '../api/client.ts';

export const FALLBACK_HEADER = 'x-dongxanh-cache';

export async function freshGet<T>(path: string, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`${API_BASE}${path}`, { headers: { accept: 'application/json, application/problem+json', 'accept-language': requestLanguage() }, credentials: 'same-origin', ...(signal ? { signal } : {}) });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(networkProblem(err instanceof Error ? err.message : String(err)));
  }
  if (res.headers.get(FALLBACK_HEADER) === 'fallback') throw new ApiError(networkProblem('no connection: the answer is the copy saved on this phone'));
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? (JSON.parse(text) as unknown) : null;
  } catch {
    body = null;
  }
  if (!res.ok) throw new ApiError(readProblem(res.status, res.statusText, body));
  if (body === null) throw new ApiError(readProblem(502, 'Bad Gateway', { detail: 'The server did not answer with JSON' }));
  return body as T;
}
