/**
 * The browser <-> gateway protocol (docs/browser-protocol.md). These messages travel over
 * the WebSocket, which OpenAPI does not describe, so their types are written here.
 */

export interface SessionInfo {
  session_id: string;
  token: string;
  call_id: string;
  ws_path: string;
  ws_subprotocol: string;
  sample_rate: number;
  chunk_ms: number;
  chunk_samples: number;
  input_encodings: string[];
  avatar: { enabled: boolean; character: string | null; style: string | null };
}

export interface IceServer {
  urls: string | string[];
  username?: string;
  credential?: string;
}

export type Card = { kind: string } & Record<string, unknown>;

export type ServerMessage =
  | { type: "session_ready"; session_id: string; call_id: string; resumed: boolean; ice_servers?: IceServer[] }
  | { type: "assistant_audio_delta"; delta: string; response_id?: string; item_id?: string }
  | { type: "assistant_audio_done"; response_id?: string; item_id?: string }
  // The avatar's stream really plays (started) or has gone quiet (stopped): the answer's
  // audio arrives faster than it is spoken, so only this says when the avatar is talking.
  | { type: "assistant_playback"; status: "started" | "stopped"; response_id?: string }
  | { type: "assistant_transcript_delta"; delta: string; response_id?: string; item_id?: string }
  | { type: "assistant_transcript_done"; transcript: string; response_id?: string; item_id?: string }
  | { type: "assistant_text_delta"; delta: string; response_id?: string; item_id?: string }
  | { type: "assistant_text_done"; text: string; response_id?: string; item_id?: string }
  | { type: "user_transcript_delta"; delta: string; item_id?: string }
  | { type: "user_transcript_completed"; transcript: string; item_id?: string }
  | { type: "speech_started"; audio_start_ms?: number; item_id?: string }
  | { type: "speech_stopped"; audio_end_ms?: number; item_id?: string }
  | { type: "input_audio_committed"; item_id?: string }
  | { type: "avatar_connecting" }
  | { type: "response_status"; status: string; response_id?: string }
  | { type: "function_call_completed"; name: string; call_id: string }
  | { type: "tool_result"; name: string; call_id: string; ok: boolean; card: Card | null; error: string | null }
  | { type: "viseme"; viseme_id: number; audio_offset_ms: number }
  | { type: "event"; payload: Record<string, unknown> }
  | { type: "ice_servers"; ice_servers: IceServer[] }
  | { type: "upstream_reconnecting"; attempt: number; delay_s: number }
  | { type: "upstream_restored"; attempt: number; replayed_items: number; response_regenerated: boolean }
  | { type: "error"; code: string; message: string; field?: string; source?: string }
  | { type: "pong"; id?: string }
  | { type: "session_closed"; reason: string };

export type ClientMessage =
  | { type: "audio_chunk"; data: string; encoding: "pcm16"; sample_rate: number }
  | { type: "commit_audio" }
  | { type: "clear_audio" }
  | { type: "user_text"; text: string }
  | { type: "request_response" }
  | { type: "cancel_response" }
  | { type: "ping"; id?: string };

const KNOWN = new Set([
  "session_ready", "assistant_audio_delta", "assistant_audio_done", "assistant_playback", "assistant_transcript_delta",
  "assistant_transcript_done", "assistant_text_delta", "assistant_text_done", "user_transcript_delta",
  "user_transcript_completed", "speech_started", "speech_stopped", "input_audio_committed",
  "avatar_connecting", "response_status", "function_call_completed", "tool_result", "viseme", "event",
  "ice_servers", "upstream_reconnecting", "upstream_restored", "error", "pong", "session_closed",
]);

/** Parses one text frame; null for anything that is not a known message. */
export function parseServerMessage(raw: unknown): ServerMessage | null {
  if (typeof raw !== "string") return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  const type = (value as { type?: unknown }).type;
  return typeof type === "string" && KNOWN.has(type) ? (value as ServerMessage) : null;
}

/** ICE servers from `session_ready`, `ice_servers` or a sanitised `session.updated` event. */
export function iceServersFrom(message: ServerMessage): IceServer[] | null {
  let list: unknown = null;
  if (message.type === "ice_servers" || message.type === "session_ready") list = message.ice_servers;
  else if (message.type === "event" && message.payload.type === "session.updated") {
    const session = (message.payload.session ?? {}) as Record<string, unknown>;
    const avatar = (session.avatar ?? {}) as Record<string, unknown>;
    const rtc = (session.rtc ?? {}) as Record<string, unknown>;
    list = [avatar.ice_servers, rtc.ice_servers, session.ice_servers].find(Array.isArray) ?? null;
  }
  if (!Array.isArray(list)) return null;
  const servers: IceServer[] = [];
  for (const entry of list) {
    if (typeof entry === "string") servers.push({ urls: entry });
    else if (entry && typeof entry === "object" && "urls" in entry) {
      const { urls, username, credential } = entry as IceServer;
      if (typeof urls === "string" || Array.isArray(urls)) {
        servers.push({
          urls,
          ...(typeof username === "string" ? { username } : {}),
          ...(typeof credential === "string" ? { credential } : {}),
        });
      }
    }
  }
  return servers;
}
