/**
 * One realtime session: `POST /sessions`, then `WS /ws/sessions/{id}` with the token as a
 * subprotocol. When the socket drops it reconnects to the same session (the gateway keeps
 * it for a grace period and replays what was missed) with growing delays.
 */
import { ApiError, backendBase, request, wsUrl } from "../backend";
import { encodePcm16Base64 } from "../audio/pcm";
import { parseServerMessage, type ClientMessage, type ServerMessage, type SessionInfo } from "./protocol";

export type ConnectionState = "connecting" | "open" | "reconnecting" | "closed" | "failed";

export interface ConnectionHandlers {
  onMessage: (message: ServerMessage) => void;
  onState: (state: ConnectionState, detail?: string) => void;
}

export interface ConnectionOptions {
  base?: string;
  graceMs?: number; // how long the gateway keeps a dropped session
  delaysMs?: number[]; // reconnect back-off
  createSocket?: (url: string, protocols: string[]) => WebSocket;
}

const DEFAULT_DELAYS = [250, 500, 1000, 2000, 4000];

export class VoiceConnection {
  info: SessionInfo | null = null;
  state: ConnectionState = "closed";
  private socket: WebSocket | null = null;
  private stopped = false;
  private droppedAt = 0;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly base: string;
  private readonly graceMs: number;
  private readonly delays: number[];
  private readonly createSocket: (url: string, protocols: string[]) => WebSocket;

  constructor(
    private readonly handlers: ConnectionHandlers,
    options: ConnectionOptions = {},
  ) {
    this.base = options.base ?? backendBase();
    this.graceMs = options.graceMs ?? 30_000;
    this.delays = options.delaysMs ?? DEFAULT_DELAYS;
    this.createSocket = options.createSocket ?? ((url, protocols) => new WebSocket(url, protocols));
  }

  /** Creates the session and opens its socket. */
  async start(): Promise<SessionInfo> {
    this.stopped = false;
    this.setState("connecting");
    let info: SessionInfo;
    try {
      const response = await request("/sessions", { method: "POST" }, this.base);
      info = (await response.json()) as SessionInfo;
    } catch (error) {
      const message =
        error instanceof ApiError && error.status === 503
          ? "The store is busy right now. Please try again in a moment."
          : error instanceof ApiError && error.status === 502
            ? "The voice service is unavailable. Please try again later."
            : error instanceof ApiError
              ? error.message
              : "The store's server cannot be reached.";
      this.setState("failed", message);
      throw error;
    }
    this.info = info;
    this.open();
    return info;
  }

  private setState(state: ConnectionState, detail?: string): void {
    this.state = state;
    this.handlers.onState(state, detail);
  }

  private open(): void {
    const info = this.info;
    if (!info || this.stopped) return;
    const socket = this.createSocket(wsUrl(info.ws_path, this.base), ["voicecart", info.ws_subprotocol]);
    this.socket = socket;
    socket.onmessage = (event: MessageEvent) => {
      const message = parseServerMessage(event.data);
      if (!message) return;
      if (message.type === "session_ready") {
        this.attempt = 0;
        this.setState("open");
      }
      this.handlers.onMessage(message);
      if (message.type === "session_closed") this.finish("closed", message.reason);
    };
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      if (this.stopped) return;
      this.scheduleReconnect();
    };
  }

  private scheduleReconnect(): void {
    const now = Date.now();
    if (this.state !== "reconnecting") {
      this.droppedAt = now;
      this.attempt = 0;
    }
    if (now - this.droppedAt >= this.graceMs) {
      this.finish("failed", "The connection to the store was lost. Start a new conversation to continue.");
      return;
    }
    this.setState("reconnecting");
    const delay = this.delays[Math.min(this.attempt, this.delays.length - 1)] ?? 1000;
    this.attempt += 1;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.open();
    }, delay);
  }

  private finish(state: "closed" | "failed", detail: string): void {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const socket = this.socket;
    this.socket = null;
    socket?.close();
    this.setState(state, detail);
  }

  get isOpen(): boolean {
    return this.socket?.readyState === WebSocket.OPEN && this.state === "open";
  }

  send(message: ClientMessage): boolean {
    if (!this.isOpen || !this.socket) return false;
    this.socket.send(JSON.stringify(message));
    return true;
  }

  sendAudio(pcm: Int16Array): boolean {
    return this.send({
      type: "audio_chunk",
      data: encodePcm16Base64(pcm),
      encoding: "pcm16",
      sample_rate: this.info?.sample_rate ?? 24_000,
    });
  }

  /** A typed turn: over the socket, or over HTTP while the socket is reconnecting. */
  async sendText(text: string): Promise<void> {
    if (this.send({ type: "user_text", text })) return;
    if (!this.info) throw new ApiError(0, "no_session", "There is no conversation yet.");
    await request(
      `/sessions/${this.info.session_id}/text`,
      { method: "POST", headers: this.authHeaders({ "Content-Type": "application/json" }), body: JSON.stringify({ text }) },
      this.base,
    );
  }

  /** Exchanges the avatar's WebRTC offer for the answer. */
  async avatarOffer(sdp: string, signal?: AbortSignal): Promise<string> {
    if (!this.info) throw new ApiError(0, "no_session", "There is no conversation yet.");
    const response = await request(
      `/sessions/${this.info.session_id}/avatar-offer`,
      {
        method: "POST",
        headers: this.authHeaders({ "Content-Type": "application/json" }),
        body: JSON.stringify({ sdp }),
        ...(signal ? { signal } : {}),
      },
      this.base,
    );
    const body = (await response.json()) as { sdp?: unknown };
    if (typeof body.sdp !== "string") throw new ApiError(502, "bad_answer", "The avatar answer was malformed.");
    return body.sdp;
  }

  authHeaders(extra: Record<string, string> = {}): Record<string, string> {
    return { ...extra, Authorization: `Bearer ${this.info?.token ?? ""}` };
  }

  /** Ends the session for good (the call is then analysed). */
  async close(): Promise<void> {
    const info = this.info;
    this.finish("closed", "ended_by_client");
    if (info) {
      await request(`/sessions/${info.session_id}`, { method: "DELETE", headers: this.authHeaders() }, this.base).catch(
        () => undefined,
      );
    }
  }
}
