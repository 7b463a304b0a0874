import { describe, expect, it } from "vitest";
import { iceServersFrom, parseServerMessage } from "./protocol";

describe("parseServerMessage", () => {
  it("accepts known messages and rejects everything else", () => {
    expect(parseServerMessage('{"type":"pong","id":"1"}')).toEqual({ type: "pong", id: "1" });
    expect(parseServerMessage('{"type":"response.audio.delta"}')).toBeNull(); // raw upstream events never reach the UI
    expect(parseServerMessage("not json")).toBeNull();
    expect(parseServerMessage("[1,2]")).toBeNull();
    expect(parseServerMessage(new ArrayBuffer(2))).toBeNull();
  });
});

describe("iceServersFrom", () => {
  it("reads the dedicated message and session_ready", () => {
    expect(iceServersFrom({ type: "ice_servers", ice_servers: [{ urls: "turn:t.example", username: "u", credential: "c" }] })).toEqual([
      { urls: "turn:t.example", username: "u", credential: "c" },
    ]);
    expect(iceServersFrom({ type: "session_ready", session_id: "s", call_id: "c", resumed: false, ice_servers: [] })).toEqual([]);
  });

  it("reads the places the seed looked in a sanitised session.updated, and normalises entries", () => {
    const message = {
      type: "event" as const,
      payload: { type: "session.updated", session: { rtc: { ice_servers: ["stun:a", { urls: ["turn:b"], credential: 5 }, { nope: 1 }] } } },
    };
    expect(iceServersFrom(message)).toEqual([{ urls: "stun:a" }, { urls: ["turn:b"] }]);
  });

  it("returns null when a message carries none", () => {
    expect(iceServersFrom({ type: "pong" })).toBeNull();
    expect(iceServersFrom({ type: "event", payload: { type: "session.updated", session: {} } })).toBeNull();
  });
});
