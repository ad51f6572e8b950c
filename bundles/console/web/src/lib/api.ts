// The appliance's REST API as the console calls it: bearer token, JSON in and out, problem+json errors.

/** An RFC 7807 problem report from the appliance; `field` names the input at fault when there is one. */
export interface Problem {
  status: number;
  title?: string;
  detail?: string;
  field?: string;
}

/** A failed call: the HTTP status and the server's problem report. */
export class ApiError extends Error {
  readonly status: number;
  readonly field?: string;

  constructor(problem: Problem) {
    super(problem.detail || problem.title || `HTTP ${problem.status}`);
    this.status = problem.status;
    this.field = problem.field;
  }
}

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/** Calls the API under `/api` with the session's token; a 401 tells the session it has expired. */
export class Api {
  constructor(
    private readonly token: () => string | null,
    private readonly onUnauthorized: () => void,
    private readonly fetchImpl: Fetch = (input, init) => fetch(input, init),
    private readonly base = '/api',
  ) {}

  get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }

  post<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('POST', path, body ?? {});
  }

  put<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>('PUT', path, body);
  }

  delete<T>(path: string): Promise<T> {
    return this.request<T>('DELETE', path);
  }

  /** Headers that authenticate a request, for streams opened outside `request`. */
  authHeaders(): Record<string, string> {
    const token = this.token();
    return token ? { Authorization: `Bearer ${token}` } : {};
  }

  url(path: string): string {
    return this.base + path;
  }

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json', ...this.authHeaders() };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    let response: Response;
    try {
      response = await this.fetchImpl(this.url(path), {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (e) {
      throw new ApiError({ status: 0, detail: String(e) });
    }
    if (response.status === 401 && this.token()) {
      this.onUnauthorized();
    }
    if (!response.ok) {
      throw new ApiError(await problemOf(response));
    }
    if (response.status === 204) {
      return undefined as T;
    }
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }
}

async function problemOf(response: Response): Promise<Problem> {
  try {
    const body = await response.json();
    return { status: response.status, title: body.title, detail: body.detail, field: body.field ?? undefined };
  } catch {
    return { status: response.status, title: response.statusText };
  }
}

/** A path segment made safe for a URL. */
export function seg(value: string): string {
  return encodeURIComponent(value);
}
