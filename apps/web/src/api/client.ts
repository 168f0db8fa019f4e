/**
 * The one way the web app talks to the server: same-origin JSON under /api/v1, with the session in
 * an http-only cookie. Any non-2xx answer becomes an ApiError carrying the RFC 9457 problem body
 * (`{ type, title, status, code, detail, errors?, requestId }`) so pages can show `detail` and put
 * each `errors[].message` next to its field.
 */
export const API_BASE = '/api/v1';

export interface FieldError {
  path: string;
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  errors?: FieldError[];
  requestId?: string;
  /** Extension members (for example `refused` on an import). */
  [extension: string]: unknown;
}

/** `status` 0 means the server was not reached at all (offline, DNS, connection refused). */
export class ApiError extends Error {
  readonly problem: Problem;
  readonly retryAfterSeconds: number | null;

  constructor(problem: Problem, retryAfterSeconds: number | null = null) {
    super(problem.detail || problem.title || `HTTP ${problem.status}`);
    this.name = 'ApiError';
    this.problem = problem;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  get status(): number {
    return this.problem.status;
  }

  get isNetworkError(): boolean {
    return this.problem.status === 0;
  }

  /** Field errors keyed by the last meaningful segment of their path ("/body/login" → "login"). */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.problem.errors ?? []) {
      const key = normaliseFieldPath(e.path);
      if (!(key in out)) out[key] = e.message;
    }
    return out;
  }

  /**
   * The first error about `field` or anything inside it: "boundary" takes "boundary" and
   * "boundary.coordinates[0]", "overlapOverride.reason" takes only that path.
   */
  errorFor(field: string): string | null {
    for (const e of this.problem.errors ?? []) {
      const key = normaliseFieldPath(e.path);
      if (key === field || key.startsWith(`${field}.`) || key.startsWith(`${field}[`)) return e.message;
    }
    return null;
  }

  /** Field errors about none of `fields`: shown with the form's general message so none is lost. */
  otherErrors(fields: readonly string[]): FieldError[] {
    return (this.problem.errors ?? []).filter((e) => {
      const key = normaliseFieldPath(e.path);
      return !fields.some((f) => key === f || key.startsWith(`${f}.`) || key.startsWith(`${f}[`));
    });
  }
}

/** Any thrown value as an ApiError, so pages handle one kind of failure. */
export function asApiError(err: unknown): ApiError {
  return err instanceof ApiError ? err : new ApiError(networkProblem(err instanceof Error ? err.message : String(err)));
}

export function normaliseFieldPath(path: string): string {
  return path
    .replace(/^[#/]+/, '')
    .replace(/^(body|query|params)[./]/, '')
    .replace(/\//g, '.');
}

let onUnauthorized: (() => void) | null = null;

/**
 * The UI's language, sent as Accept-Language on every call so the server's refusals (`detail`,
 * `errors[].message`) come in it. Read from where i18n/index.tsx keeps the choice (localStorage
 * 'dongxanh.lang', Vietnamese by default) at each call, so a switch applies to the next request.
 */
const LANGUAGE_STORAGE_KEY = 'dongxanh.lang';

export function requestLanguage(): 'vi' | 'en' {
  try {
    return globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

/** The session registers here to learn that a protected call found the session gone (401). */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function toFieldErrors(v: unknown): FieldError[] | undefined {
  if (!Array.isArray(v)) return undefined;
  const out: FieldError[] = [];
  for (const item of v) {
    if (isRecord(item) && typeof item.message === 'string') {
      out.push({ path: typeof item.path === 'string' ? item.path : String(item.path ?? ''), message: item.message });
    }
  }
  return out;
}

/** Builds a Problem from whatever the server sent, even when it was not problem+json. */
export function readProblem(status: number, statusText: string, body: unknown): Problem {
  const o = isRecord(body) ? body : {};
  const errors = toFieldErrors(o.errors);
  const problem: Problem = {
    ...o,
    type: typeof o.type === 'string' ? o.type : 'about:blank',
    title: typeof o.title === 'string' ? o.title : statusText || `HTTP ${status}`,
    status: typeof o.status === 'number' ? o.status : status,
    code: typeof o.code === 'string' ? o.code : `http_${status}`,
    detail: typeof o.detail === 'string' ? o.detail : typeof o.title === 'string' ? o.title : statusText || `HTTP ${status}`,
  };
  if (errors) problem.errors = errors;
  else delete problem.errors;
  if (typeof o.requestId === 'string') problem.requestId = o.requestId;
  return problem;
}

function parseRetryAfter(value: string | null): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.round(seconds));
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.round((date - Date.now()) / 1000));
}

function parseJson(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

export const networkProblem = (detail: string): Problem => ({
  type: 'about:blank',
  title: 'Network error',
  status: 0,
  code: 'network_error',
  detail,
});

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as is, with `contentType`. */
  body?: string;
  contentType?: string;
  signal?: AbortSignal;
  /** Set false for calls where 401 is an expected answer (login, who-am-i). */
  reportUnauthorized?: boolean;
}

/** Calls `API_BASE + path` and returns the parsed JSON body (typed by the caller's contract). */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json', 'accept-language': requestLanguage() };
  let body: string | undefined;
  if (options.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.body !== undefined) {
    headers['content-type'] = options.contentType ?? 'text/plain';
    body = options.body;
  }
  let res: Response;
  try {
    res = await fetch(`${API_BASE}${path}`, {
      method: options.method ?? (body === undefined ? 'GET' : 'POST'),
      headers,
      credentials: 'same-origin',
      ...(body !== undefined && { body }),
      ...(options.signal && { signal: options.signal }),
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(networkProblem(err instanceof Error ? err.message : String(err)));
  }
  const text = await res.text();
  const parsed = parseJson(text);
  if (!res.ok) {
    if (res.status === 401 && options.reportUnauthorized !== false) onUnauthorized?.();
    throw new ApiError(readProblem(res.status, res.statusText, parsed), parseRetryAfter(res.headers.get('retry-after')));
  }
  if (parsed === null && text !== '') {
    // A 2xx that is not JSON (an HTML fallback page, a proxy's page): treat it as a server fault.
    throw new ApiError(readProblem(502, 'Bad Gateway', { detail: 'The server did not answer with JSON' }));
  }
  return parsed as T;
}

export interface UploadOptions {
  contentType: string;
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

/**
 * POSTs a file (or text) as the raw request body, with upload progress (fetch cannot report it).
 * Same error contract as apiRequest. Cookies go with same-origin XHR by default.
 */
export function uploadBody<T>(path: string, body: Blob | string, options: UploadOptions): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${API_BASE}${path}`);
    xhr.setRequestHeader('content-type', options.contentType);
    xhr.setRequestHeader('accept', 'application/json, application/problem+json');
    xhr.setRequestHeader('accept-language', requestLanguage());
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) options.onProgress?.(e.loaded / e.total);
    };
    xhr.upload.onload = () => options.onProgress?.(1);
    xhr.onerror = () => reject(new ApiError(networkProblem('upload failed')));
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    xhr.onload = () => {
      const parsed = parseJson(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(parsed as T);
        return;
      }
      if (xhr.status === 401) onUnauthorized?.();
      reject(new ApiError(readProblem(xhr.status, xhr.statusText, parsed), parseRetryAfter(xhr.getResponseHeader('retry-after'))));
    };
    options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(body);
  });
}
