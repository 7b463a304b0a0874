/** Where the backend is: the page's own origin, or VITE_BACKEND_BASE (as in the seed). */

export function backendBase(configured = import.meta.env.VITE_BACKEND_BASE ?? ""): string {
  const base = configured.trim().replace(/\/+$/, "");
  return base || window.location.origin;
}

export function httpUrl(path: string, base = backendBase()): string {
  return new URL(path, base + "/").toString();
}

/** The WebSocket URL for a path: ws:// for http backends, wss:// for https ones. */
export function wsUrl(path: string, base = backendBase()): string {
  const url = new URL(path, base + "/");
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  return url.toString();
}

/** An HTTP failure with the backend's `{detail, code}` body when it sent one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export async function apiError(response: Response): Promise<ApiError> {
  let code = `http_${response.status}`;
  let message = response.statusText || `HTTP ${response.status}`;
  try {
    const body = (await response.json()) as { detail?: unknown; code?: unknown };
    if (typeof body.code === "string") code = body.code;
    if (typeof body.detail === "string") message = body.detail;
    else if (Array.isArray(body.detail) && body.detail.length > 0) {
      const first = body.detail[0] as { msg?: unknown; loc?: unknown };
      if (typeof first.msg === "string") message = first.msg;
    }
  } catch {
    // not JSON: keep the status text
  }
  return new ApiError(response.status, code, message);
}

/** fetch that turns network failures and error statuses into ApiError (status 0 = unreachable). */
export async function request(path: string, init: RequestInit = {}, base = backendBase()): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(httpUrl(path, base), init);
  } catch {
    throw new ApiError(0, "unreachable", "The store's server cannot be reached. Check your connection and try again.");
  }
  if (!response.ok) throw await apiError(response);
  return response;
}
