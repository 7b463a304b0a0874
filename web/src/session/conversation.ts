/**
 * What the shopper sees of the conversation, as a pure reducer over gateway messages:
 * the transcript of both sides (user partials, assistant text as it is spoken), cards from
 * tool results in the order they happened, and the activity shown in the status bar.
 */
import type { Card, ServerMessage } from "./protocol";

export type Entry =
  | { kind: "user"; key: string; text: string; final: boolean; typed?: boolean }
  | { kind: "assistant"; key: string; text: string; final: boolean }
  | { kind: "card"; key: string; tool: string; card: Card | null; ok: boolean; error: string | null }
  | { kind: "notice"; key: string; text: string; tone: "info" | "error" };

export interface Conversation {
  entries: Entry[];
  userSpeaking: boolean;
  awaitingAnswer: boolean; // the user finished a turn; no answer has started yet
  responding: boolean; // a response is in progress
  lastError: string | null;
  seq: number; // for keys of entries without ids
}

export const initialConversation: Conversation = {
  entries: [],
  userSpeaking: false,
  awaitingAnswer: false,
  responding: false,
  lastError: null,
  seq: 0,
};

export type ConversationAction =
  | { type: "server"; message: ServerMessage }
  | { type: "typed"; text: string }
  | { type: "notice"; text: string; tone: "info" | "error" }
  | { type: "reset" };

function upsert(entries: Entry[], key: string, make: () => Entry, change: (e: Entry) => Entry): Entry[] {
  const index = entries.findIndex((e) => e.key === key);
  if (index < 0) return [...entries, make()];
  const next = entries.slice();
  next[index] = change(entries[index] as Entry);
  return next;
}

const userKey = (itemId: string | undefined, seq: number) => `user:${itemId ?? `n${seq}`}`;
const assistantKey = (m: { item_id?: string; response_id?: string }, seq: number) =>
  `assistant:${m.item_id ?? m.response_id ?? `n${seq}`}`;

function onServer(state: Conversation, m: ServerMessage): Conversation {
  switch (m.type) {
    case "speech_started": {
      // A placeholder keeps the user's line above the answer even if transcription is slow.
      const key = userKey(m.item_id, state.seq);
      const entries = upsert(
        state.entries,
        key,
        () => ({ kind: "user", key, text: "", final: false }),
        (e) => e,
      );
      return { ...state, entries, userSpeaking: true, seq: state.seq + 1 };
    }
    case "speech_stopped":
      return { ...state, userSpeaking: false, awaitingAnswer: true };
    case "user_transcript_delta": {
      const key = userKey(m.item_id, state.seq);
      const entries = upsert(
        state.entries,
        key,
        () => ({ kind: "user", key, text: m.delta, final: false }),
        (e) => (e.kind === "user" ? { ...e, text: e.text + m.delta } : e),
      );
      return { ...state, entries };
    }
    case "user_transcript_completed": {
      const key = userKey(m.item_id, state.seq);
      const text = m.transcript.trim();
      if (!text) return { ...state, entries: state.entries.filter((e) => e.key !== key) };
      const entries = upsert(
        state.entries,
        key,
        () => ({ kind: "user", key, text, final: true }),
        (e) => (e.kind === "user" ? { ...e, text, final: true } : e),
      );
      return { ...state, entries };
    }
    case "assistant_transcript_delta":
    case "assistant_text_delta": {
      const key = assistantKey(m, state.seq);
      const entries = upsert(
        state.entries,
        key,
        () => ({ kind: "assistant", key, text: m.delta, final: false }),
        (e) => (e.kind === "assistant" ? { ...e, text: e.text + m.delta } : e),
      );
      return { ...state, entries, awaitingAnswer: false };
    }
    case "assistant_transcript_done":
    case "assistant_text_done": {
      const key = assistantKey(m, state.seq);
      const text = m.type === "assistant_transcript_done" ? m.transcript : m.text;
      const entries = upsert(
        state.entries,
        key,
        () => ({ kind: "assistant", key, text, final: true }),
        (e) => (e.kind === "assistant" ? { ...e, text: text || e.text, final: true } : e),
      );
      return { ...state, entries, awaitingAnswer: false };
    }
    case "tool_result": {
      const key = `card:${m.call_id}`;
      const entries = upsert(
        state.entries,
        key,
        () => ({ kind: "card", key, tool: m.name, card: m.card, ok: m.ok, error: m.error }),
        (e) => e,
      );
      return { ...state, entries };
    }
    case "response_status": {
      const responding = m.status === "in_progress";
      return {
        ...state,
        responding,
        awaitingAnswer: responding ? state.awaitingAnswer : false,
      };
    }
    case "error":
      return { ...state, lastError: m.message };
    case "session_ready":
      return m.resumed ? state : { ...state, lastError: null };
    default:
      return state;
  }
}

export function conversationReducer(state: Conversation, action: ConversationAction): Conversation {
  switch (action.type) {
    case "server":
      return onServer(state, action.message);
    case "typed": {
      const key = `typed:${state.seq}`;
      return {
        ...state,
        entries: [...state.entries, { kind: "user", key, text: action.text, final: true, typed: true }],
        awaitingAnswer: true,
        seq: state.seq + 1,
      };
    }
    case "notice": {
      const key = `notice:${state.seq}`;
      return {
        ...state,
        entries: [...state.entries, { kind: "notice", key, text: action.text, tone: action.tone }],
        seq: state.seq + 1,
      };
    }
    case "reset":
      return initialConversation;
  }
}

export type Activity =
  | "offline"
  | "connecting"
  | "reconnecting"
  | "ready"
  | "listening"
  | "hearing"
  | "thinking"
  | "speaking"
  | "ended"
  | "failed";

export interface ActivityInputs {
  connection: "idle" | "connecting" | "open" | "reconnecting" | "closed" | "failed";
  micOn: boolean;
  playing: boolean;
  conversation: Conversation;
}

/** The single word for the status bar, most important first. */
export function activityOf({ connection, micOn, playing, conversation }: ActivityInputs): Activity {
  if (connection === "idle") return "offline";
  if (connection === "connecting") return "connecting";
  if (connection === "reconnecting") return "reconnecting";
  if (connection === "failed") return "failed";
  if (connection === "closed") return "ended";
  if (conversation.userSpeaking) return "hearing";
  if (playing) return "speaking";
  if (conversation.awaitingAnswer) return "thinking";
  // Answering, its words on screen (its voice may come through the avatar's stream).
  if (conversation.responding) return "speaking";
  return micOn ? "listening" : "ready";
}

export const ACTIVITY_LABEL: Record<Activity, string> = {
  offline: "Not connected",
  connecting: "Connecting…",
  reconnecting: "Connection lost — reconnecting…",
  ready: "Ready — type, or turn on the microphone",
  listening: "Listening",
  hearing: "Hearing you…",
  thinking: "Thinking…",
  speaking: "Speaking",
  ended: "Conversation ended",
  failed: "Disconnected",
};
