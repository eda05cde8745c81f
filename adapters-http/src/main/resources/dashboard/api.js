// The /v1 API with the bearer token. The token lives in sessionStorage only: gone with the tab.
const TOKEN_KEY = 'accessgate.apiToken';

// The page is /dashboard/, the API /v1/: relative, so a path prefix in front of both still works.
const API_BASE = new URL('../v1/', document.baseURI);

export function storedToken() {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function storeToken(token) {
  sessionStorage.setItem(TOKEN_KEY, token);
}

export function forgetToken() {
  sessionStorage.removeItem(TOKEN_KEY);
}

/** A non-2xx answer; {@code detail} is the problem+json detail (or title) when there is one. */
export class ApiError extends Error {
  constructor(status, detail) {
    super(`HTTP ${status}: ${detail}`);
    this.status = status;
    this.detail = detail;
  }
}

async function call(method, path) {
  const response = await fetch(new URL(path, API_BASE), {
    method,
    headers: { Accept: 'application/json', Authorization: `Bearer ${storedToken() ?? ''}` },
    cache: 'no-store',
    credentials: 'omit',
  });
  const type = response.headers.get('Content-Type') ?? '';
  const body = type.includes('json') ? await response.json() : null;
  if (!response.ok) {
    throw new ApiError(response.status, body?.detail ?? body?.title ?? response.statusText);
  }
  return body;
}

export const get = (path) => call('GET', path);
export const post = (path) => call('POST', path);

/** One path segment, for ids that are attacker-controlled text. */
export const segment = (value) => encodeURIComponent(value);
