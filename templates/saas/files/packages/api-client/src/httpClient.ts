import type { ApiErrorBody } from "@{{ project.name }}/shared-types";

/** Where the client keeps the session token between requests. */
export interface TokenStore {
  get(): string | null;
  set(token: string | null): void;
}

export interface HttpClientOptions {
  /** Prefix of every path, e.g. `https://api.example.com`. @default "" (same origin) */
  baseUrl?: string;
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
  /** Sent as `Authorization: Bearer <token>` when it holds a token. */
  tokens?: TokenStore;
}

/** Thrown for every non-2xx response; `code` is the API's stable error code. */
export class ApiClientError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "ApiClientError";
  }
}

export interface HttpClient {
  readonly tokens: TokenStore | undefined;
  request<T>(method: string, path: string, body?: unknown): Promise<T>;
}

async function toError(response: Response): Promise<ApiClientError> {
  const text = await response.text();
  try {
    const body = JSON.parse(text) as Partial<ApiErrorBody>;
    if (body.error) return new ApiClientError(response.status, body.error.code, body.error.message);
  } catch {
    // not JSON: fall through to the status text
  }
  return new ApiClientError(response.status, "http_error", text || response.statusText);
}

export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  const baseUrl = options.baseUrl ?? "";
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  return {
    tokens: options.tokens,
    async request<T>(method: string, path: string, body?: unknown): Promise<T> {
      const headers: Record<string, string> = { accept: "application/json" };
      if (body !== undefined) headers["content-type"] = "application/json";
      const token = options.tokens?.get();
      if (token) headers.authorization = `Bearer ${token}`;
      const response = await doFetch(`${baseUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok) throw await toError(response);
      if (response.status === 204) return undefined as T;
      return (await response.json()) as T;
    },
  };
}
