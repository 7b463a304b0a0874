import { describe, expect, it } from "vitest";
import { activityOf, conversationReducer, initialConversation, type Conversation } from "./conversation";
import type { ServerMessage } from "./protocol";

const run = (...messages: ServerMessage[]): Conversation =>
  messages.reduce((state, message) => conversationReducer(state, { type: "server", message }), initialConversation);

describe("conversationReducer", () => {
  it("keeps the user's line above the answer even when the transcript arrives late", () => {
    const state = run(
      { type: "speech_started", item_id: "u1" },
      { type: "speech_stopped", item_id: "u1" },
      { type: "assistant_transcript_delta", delta: "Sure", item_id: "a1", response_id: "r1" },
      { type: "user_transcript_completed", transcript: "Running shoes please", item_id: "u1" },
    );
    expect(state.entries.map((e) => [e.kind, "text" in e ? e.text : ""])).toEqual([
      ["user", "Running shoes please"],
      ["assistant", "Sure"],
    ]);
  });

  it("shows user partials as they come and replaces them with the final transcript", () => {
    let state = run(
      { type: "speech_started", item_id: "u1" },
      { type: "user_transcript_delta", delta: "show me ", item_id: "u1" },
      { type: "user_transcript_delta", delta: "shoes", item_id: "u1" },
    );
    expect(state.entries[0]).toMatchObject({ kind: "user", text: "show me shoes", final: false });
    state = conversationReducer(state, {
      type: "server",
      message: { type: "user_transcript_completed", transcript: "Show me shoes.", item_id: "u1" },
    });
    expect(state.entries[0]).toMatchObject({ kind: "user", text: "Show me shoes.", final: true });
  });

  it("drops a user line whose transcript came back empty (a cough, a noise)", () => {
    const state = run(
      { type: "speech_started", item_id: "u1" },
      { type: "user_transcript_completed", transcript: "  ", item_id: "u1" },
    );
    expect(state.entries).toEqual([]);
  });

  it("builds the assistant's line from deltas as it is spoken, then finalises it", () => {
    const partial = run(
      { type: "assistant_transcript_delta", delta: "I found ", item_id: "a1" },
      { type: "assistant_transcript_delta", delta: "three shoes", item_id: "a1" },
    );
    expect(partial.entries).toEqual([{ kind: "assistant", key: "assistant:a1", text: "I found three shoes", final: false }]);
    const done = conversationReducer(partial, {
      type: "server",
      message: { type: "assistant_transcript_done", transcript: "I found three shoes.", item_id: "a1" },
    });
    expect(done.entries[0]).toMatchObject({ text: "I found three shoes.", final: true });
  });

  it("places tool cards in conversation order, once per call", () => {
    const card = { kind: "order", id: "12345678" };
    const state = run(
      { type: "user_transcript_completed", transcript: "Yes", item_id: "u1" },
      { type: "tool_result", name: "create_order", call_id: "c1", ok: true, card, error: null },
      { type: "tool_result", name: "create_order", call_id: "c1", ok: true, card, error: null }, // replayed on resume
      { type: "assistant_transcript_done", transcript: "Your order is placed.", item_id: "a1" },
    );
    expect(state.entries.map((e) => e.kind)).toEqual(["user", "card", "assistant"]);
    expect(state.entries[1]).toMatchObject({ tool: "create_order", card });
  });

  it("adds typed turns at once and expects an answer", () => {
    const state = conversationReducer(initialConversation, { type: "typed", text: "Where is my order?" });
    expect(state.entries[0]).toMatchObject({ kind: "user", text: "Where is my order?", typed: true, final: true });
    expect(state.awaitingAnswer).toBe(true);
  });

  it("remembers the last error message", () => {
    expect(run({ type: "error", code: "bad", message: "text must not be empty" }).lastError).toBe("text must not be empty");
  });
});

describe("activityOf", () => {
  const base = { connection: "open" as const, micOn: true, playing: false, conversation: initialConversation };

  it("follows the turn: listening, hearing, thinking, speaking, listening", () => {
    expect(activityOf(base)).toBe("listening");
    let c = run({ type: "speech_started", item_id: "u" });
    expect(activityOf({ ...base, conversation: c })).toBe("hearing");
    c = conversationReducer(c, { type: "server", message: { type: "speech_stopped", item_id: "u" } });
    expect(activityOf({ ...base, conversation: c })).toBe("thinking");
    c = conversationReducer(c, { type: "server", message: { type: "response_status", status: "in_progress", response_id: "r" } });
    expect(activityOf({ ...base, conversation: c })).toBe("thinking");
    c = conversationReducer(c, { type: "server", message: { type: "assistant_transcript_delta", delta: "Hi", item_id: "a" } });
    expect(activityOf({ ...base, conversation: c })).toBe("speaking");
    expect(activityOf({ ...base, playing: true, conversation: c })).toBe("speaking");
    c = conversationReducer(c, { type: "server", message: { type: "response_status", status: "completed", response_id: "r" } });
    expect(activityOf({ ...base, conversation: c })).toBe("listening");
    expect(activityOf({ ...base, micOn: false, conversation: c })).toBe("ready");
  });

  it("puts the connection first", () => {
    const speaking = { ...base, playing: true };
    expect(activityOf({ ...speaking, connection: "reconnecting" })).toBe("reconnecting");
    expect(activityOf({ ...speaking, connection: "connecting" })).toBe("connecting");
    expect(activityOf({ ...speaking, connection: "failed" })).toBe("failed");
    expect(activityOf({ ...speaking, connection: "closed" })).toBe("ended");
    expect(activityOf({ ...speaking, connection: "idle" })).toBe("offline");
  });
});
