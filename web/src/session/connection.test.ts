import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { FakeSocket, SESSION, jsonResponse, mockFetch } from "../test/fakes";
import { VoiceConnection, type ConnectionState } from "./connection";
import type { ServerMessage } from "./protocol";

const BASE = "http://shop.test";

function connection(options: { graceMs?: number } = {}) {
  const states: Array<[ConnectionState, string | undefined]> = [];
  const messages: ServerMessage[] = [];
  const conn = new VoiceConnection(
    { onMessage: (m) => messages.push(m), onState: (s, d) => states.push([s, d]) },
    {
      base: BASE,
      delaysMs: [100, 200],
      graceMs: options.graceMs ?? 1000,
      createSocket: (url, protocols) => new FakeSocket(url, protocols) as unknown as WebSocket,
    },
  );
  return { conn, states, messages };
}

beforeEach(() => {
  FakeSocket.instances = [];
  vi.stubGlobal("WebSocket", { OPEN: 1 });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("VoiceConnection", () => {
  it("creates the session and opens its socket with the token as a subprotocol, never in the URL", async () => {
    const calls = mockFetch({ "POST /sessions": () => jsonResponse(SESSION) });
    const { conn, states } = connection();
    await conn.start();
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual(["POST /sessions"]);
    const socket = FakeSocket.last;
    expect(socket.url).toBe(`ws://shop.test${SESSION.ws_path}`);
    expect(socket.url).not.toContain("tok-secret");
    expect(socket.protocols).toEqual(["voicecart", "voicecart.token.tok-secret"]);
    expect(states.at(-1)?.[0]).toBe("connecting");
    socket.accept();
    socket.deliver({ type: "session_ready", session_id: SESSION.session_id, call_id: SESSION.call_id, resumed: false });
    expect(states.at(-1)?.[0]).toBe("open");
  });

  it("sends audio as base64 PCM16 chunks at the session's rate", async () => {
    mockFetch({ "POST /sessions": () => jsonResponse(SESSION) });
    const { conn } = connection();
    await conn.start();
    FakeSocket.last.accept();
    FakeSocket.last.deliver({ type: "session_ready", resumed: false });
    expect(conn.sendAudio(new Int16Array([1, -1]))).toBe(true);
    expect(FakeSocket.last.sentMessages()).toEqual([
      { type: "audio_chunk", data: "AQD//w==", encoding: "pcm16", sample_rate: 24000 },
    ]);
  });

  it("reconnects to the same session after a drop and reports the resume", async () => {
    vi.useFakeTimers();
    mockFetch({ "POST /sessions": () => jsonResponse(SESSION) });
    const { conn, states, messages } = connection();
    await conn.start();
    const first = FakeSocket.last;
    first.accept();
    first.deliver({ type: "session_ready", resumed: false });
    first.drop();
    expect(states.at(-1)?.[0]).toBe("reconnecting");
    expect(conn.sendAudio(new Int16Array(4))).toBe(false); // audio is not queued while away
    await vi.advanceTimersByTimeAsync(100);
    const second = FakeSocket.last;
    expect(second).not.toBe(first);
    expect(second.url).toBe(first.url);
    expect(second.protocols).toEqual(first.protocols);
    second.accept();
    second.deliver({ type: "session_ready", resumed: true });
    expect(states.at(-1)?.[0]).toBe("open");
    expect(messages.at(-1)).toMatchObject({ type: "session_ready", resumed: true });
  });

  it("gives up after the grace window with a message a person understands", async () => {
    vi.useFakeTimers();
    mockFetch({ "POST /sessions": () => jsonResponse(SESSION) });
    const { conn, states } = connection({ graceMs: 250 });
    await conn.start();
    FakeSocket.last.accept();
    FakeSocket.last.deliver({ type: "session_ready", resumed: false });
    FakeSocket.last.drop();
    await vi.advanceTimersByTimeAsync(100);
    FakeSocket.last.drop(); // the retry fails too
    await vi.advanceTimersByTimeAsync(200);
    FakeSocket.last.drop();
    const [state, detail] = states.at(-1) ?? [];
    expect(state).toBe("failed");
    expect(detail).toMatch(/connection to the store was lost/);
    const opened = FakeSocket.instances.length;
    await vi.advanceTimersByTimeAsync(5000);
    expect(FakeSocket.instances.length).toBe(opened); // no more attempts
  });

  it("stops when the server closes the session", async () => {
    mockFetch({ "POST /sessions": () => jsonResponse(SESSION) });
    const { conn, states } = connection();
    await conn.start();
    FakeSocket.last.accept();
    FakeSocket.last.deliver({ type: "session_closed", reason: "idle" });
    expect(states.at(-1)).toEqual(["closed", "idle"]);
  });

  it("explains a busy or unreachable backend", async () => {
    mockFetch({ "POST /sessions": () => jsonResponse({ detail: "busy", code: "unavailable" }, 503) });
    let { conn, states } = connection();
    await expect(conn.start()).rejects.toThrow();
    expect(states.at(-1)).toEqual(["failed", "The store is busy right now. Please try again in a moment."]);

    vi.stubGlobal("fetch", vi.fn(async () => Promise.reject(new TypeError("Failed to fetch"))));
    ({ conn, states } = connection());
    await expect(conn.start()).rejects.toThrow();
    expect(states.at(-1)?.[1]).toMatch(/cannot be reached/);
  });

  it("sends typed turns over HTTP with the token while the socket is away", async () => {
    vi.useFakeTimers();
    const calls = mockFetch({
      "POST /sessions": () => jsonResponse(SESSION),
      [`POST /sessions/${SESSION.session_id}/text`]: () => jsonResponse({ ok: true }),
    });
    const { conn } = connection();
    await conn.start();
    FakeSocket.last.accept();
    FakeSocket.last.drop();
    await conn.sendText("hello");
    const call = calls.at(-1);
    expect(call?.path).toBe(`/sessions/${SESSION.session_id}/text`);
    expect((call?.init?.headers as Record<string, string>).Authorization).toBe("Bearer tok-secret");
    expect(call?.init?.body).toBe('{"text":"hello"}');
  });

  it("posts the avatar offer with the token and returns the answer", async () => {
    const calls = mockFetch({
      "POST /sessions": () => jsonResponse(SESSION),
      [`POST /sessions/${SESSION.session_id}/avatar-offer`]: () => jsonResponse({ sdp: "v=0 answer" }),
    });
    const { conn } = connection();
    await conn.start();
    expect(await conn.avatarOffer("v=0 offer")).toBe("v=0 answer");
    expect(calls.at(-1)?.init?.body).toBe('{"sdp":"v=0 offer"}');
  });

  it("ends the session with DELETE", async () => {
    const calls = mockFetch({
      "POST /sessions": () => jsonResponse(SESSION),
      [`DELETE /sessions/${SESSION.session_id}`]: () => jsonResponse({ ok: true }),
    });
    const { conn, states } = connection();
    await conn.start();
    FakeSocket.last.accept();
    await conn.close();
    expect(calls.at(-1)?.method).toBe("DELETE");
    expect(states.at(-1)?.[0]).toBe("closed");
    expect(FakeSocket.last.readyState).toBe(3);
  });
});
