/** Test doubles for browser APIs jsdom lacks or that would need a network. */
import { vi } from "vitest";

/** A WebSocket stand-in: records what was sent; the test plays the server. */
export class FakeSocket {
  static instances: FakeSocket[] = [];
  readyState = 0;
  sent: string[] = [];
  onmessage: ((e: MessageEvent) => void) | null = null;
  onclose: ((e: CloseEvent) => void) | null = null;
  onopen: (() => void) | null = null;

  constructor(
    readonly url: string,
    readonly protocols: string[],
  ) {
    FakeSocket.instances.push(this);
  }

  send(data: string): void {
    if (this.readyState !== 1) throw new Error("socket not open");
    this.sent.push(data);
  }

  close(): void {
    if (this.readyState === 3) return;
    this.readyState = 3;
    this.onclose?.({ code: 1000 } as CloseEvent);
  }

  /** The server's side. */
  accept(): void {
    this.readyState = 1;
    this.onopen?.();
  }

  deliver(message: object): void {
    this.onmessage?.({ data: JSON.stringify(message) } as MessageEvent);
  }

  drop(): void {
    this.readyState = 3;
    this.onclose?.({ code: 1006 } as CloseEvent);
  }

  sentMessages(): Array<Record<string, unknown>> {
    return this.sent.map((s) => JSON.parse(s) as Record<string, unknown>);
  }

  static get last(): FakeSocket {
    const socket = FakeSocket.instances[FakeSocket.instances.length - 1];
    if (!socket) throw new Error("no socket was opened");
    return socket;
  }
}

export const SESSION = {
  session_id: "sess_0123456789abcdef01234567",
  token: "tok-secret",
  call_id: "call_0123456789abcdef01234567",
  ws_path: "/ws/sessions/sess_0123456789abcdef01234567",
  ws_subprotocol: "voicecart.token.tok-secret",
  sample_rate: 24000,
  chunk_ms: 40,
  chunk_samples: 960,
  input_encodings: ["pcm16", "float32"],
  avatar: { enabled: true, character: "lisa", style: null },
};

export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
}

/** fetch answered by `routes` ("METHOD /path" -> response); records every call. */
export function mockFetch(routes: Record<string, () => Response | Promise<Response>>) {
  const calls: Array<{ method: string; path: string; init: RequestInit | undefined }> = [];
  const fn = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    const method = (init?.method ?? "GET").toUpperCase();
    calls.push({ method, path: url.pathname + url.search, init });
    const route = routes[`${method} ${url.pathname}`];
    if (!route) return jsonResponse({ detail: `no route ${method} ${url.pathname}`, code: "not_found" }, 404);
    return route();
  });
  vi.stubGlobal("fetch", fn);
  return calls;
}
