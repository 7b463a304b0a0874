import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { App } from "../App";
import { Player } from "../audio/player";
import { FakeSocket, SESSION, jsonResponse, mockFetch } from "../test/fakes";

class SocketWithConstants extends FakeSocket {
  static OPEN = 1;
}

beforeEach(() => {
  FakeSocket.instances = [];
  vi.stubGlobal("WebSocket", SocketWithConstants);
  mockFetch({ "POST /sessions": () => jsonResponse(SESSION) });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

async function startConversation() {
  const user = userEvent.setup();
  render(<App path="/" />);
  await user.click(screen.getByRole("button", { name: "Start conversation" }));
  const socket = FakeSocket.last;
  act(() => {
    socket.accept();
    socket.deliver({ type: "session_ready", session_id: SESSION.session_id, call_id: SESSION.call_id, resumed: false });
  });
  return { user, socket };
}

const serverSays = (socket: FakeSocket, ...messages: object[]) =>
  act(() => {
    for (const m of messages) socket.deliver(m);
  });

describe("Shop page", () => {
  it("connects and tells the shopper it is ready", async () => {
    await startConversation();
    expect(screen.getByRole("status", { name: "" })).toHaveTextContent("Ready");
    expect(screen.getByRole("button", { name: "Turn microphone on" })).toBeEnabled();
    expect(screen.getByLabelText("Message to the assistant")).toBeEnabled();
  });

  it("sends a typed turn and shows the live answer with its product card", async () => {
    const { user, socket } = await startConversation();
    await user.type(screen.getByLabelText("Message to the assistant"), "running shoes under fifty{Enter}");
    expect(socket.sentMessages()).toContainEqual({ type: "user_text", text: "running shoes under fifty" });
    const log = screen.getByRole("log", { name: "Conversation" });
    expect(within(log).getByText("running shoes under fifty")).toBeInTheDocument();
    expect(screen.getByRole("status", { name: "" })).toHaveTextContent("Thinking");

    serverSays(
      socket,
      { type: "response_status", status: "in_progress", response_id: "r1" },
      {
        type: "tool_result",
        name: "search_products",
        call_id: "c1",
        ok: true,
        error: null,
        card: { kind: "products", query: "running shoes", total: 1, items: [{ id: 13, name: "Trailblazer Running Shoe", price: 44.99, stock: 5 }] },
      },
      { type: "assistant_transcript_delta", delta: "I found the Trailblazer", item_id: "a1", response_id: "r1" },
    );
    expect(within(log).getByText("Trailblazer Running Shoe")).toBeInTheDocument();
    expect(within(log).getByText(/I found the Trailblazer/)).toBeInTheDocument();
    expect(screen.getByRole("status", { name: "" })).toHaveTextContent("Speaking");

    serverSays(
      socket,
      { type: "assistant_transcript_done", transcript: "I found the Trailblazer Running Shoe.", item_id: "a1", response_id: "r1" },
      { type: "response_status", status: "completed", response_id: "r1" },
    );
    expect(within(log).getByText(/I found the Trailblazer Running Shoe\./).closest("p")).toHaveAttribute("data-final", "true");
    expect(screen.getByRole("status", { name: "" })).toHaveTextContent("Ready");
  });

  it("shows the user's speech as it is recognised", async () => {
    const { socket } = await startConversation();
    serverSays(socket, { type: "speech_started", item_id: "u1" });
    expect(screen.getByRole("status", { name: "" })).toHaveTextContent("Hearing you");
    serverSays(socket, { type: "user_transcript_delta", delta: "where is", item_id: "u1" });
    const line = within(screen.getByRole("log")).getByText(/where is/).closest("p");
    expect(line).toHaveAttribute("data-final", "false");
  });

  it("explains a denied microphone and keeps the text box usable", async () => {
    vi.stubGlobal("AudioWorkletNode", class {});
    Object.defineProperty(navigator, "mediaDevices", {
      configurable: true,
      value: { getUserMedia: vi.fn(async () => Promise.reject(new DOMException("denied", "NotAllowedError"))) },
    });
    const { user } = await startConversation();
    await user.click(screen.getByRole("button", { name: "Turn microphone on" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Microphone access was denied");
    expect(screen.getByLabelText("Message to the assistant")).toBeEnabled();
    expect(screen.getByRole("button", { name: "Turn microphone on" })).toHaveAttribute("aria-pressed", "false");
  });

  it("shows reconnecting when the socket drops and resumes the same session", async () => {
    const { socket } = await startConversation();
    act(() => socket.drop());
    expect(screen.getByRole("status", { name: "" })).toHaveTextContent("reconnecting");
    await vi.waitFor(() => expect(FakeSocket.instances.length).toBe(2), { timeout: 2000 });
    const again = FakeSocket.last;
    expect(again.url).toBe(socket.url);
    act(() => {
      again.accept();
      again.deliver({ type: "session_ready", session_id: SESSION.session_id, call_id: SESSION.call_id, resumed: true });
    });
    expect(screen.getByRole("status", { name: "" })).toHaveTextContent("Ready");
    expect(within(screen.getByRole("log")).getByText(/Reconnected/)).toBeInTheDocument();
  });

  it("says so when the backend cannot be reached", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => Promise.reject(new TypeError("Failed to fetch"))));
    const user = userEvent.setup();
    render(<App path="/" />);
    await user.click(screen.getByRole("button", { name: "Start conversation" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("cannot be reached");
    expect(screen.getByRole("button", { name: "Start a new conversation" })).toBeInTheDocument();
  });

  it("falls back to voice only, with a notice, when the avatar is unavailable", async () => {
    const { user } = await startConversation();
    await user.click(screen.getByRole("button", { name: "Start avatar" }));
    expect(await screen.findByText(/The conversation continues with voice only/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Start avatar" })).toBeInTheDocument();
  });

  it("stays 'Speaking' while the avatar's stream plays, after the answer's events are over", async () => {
    vi.spyOn(HTMLMediaElement.prototype, "play").mockResolvedValue(undefined); // jsdom has no media
    const link = { stream: {} as MediaStream, close: vi.fn() };
    const connect = await import("../avatar/connect");
    vi.spyOn(connect, "connectAvatar").mockResolvedValue(link as unknown as Awaited<ReturnType<typeof connect.connectAvatar>>);
    const { user, socket } = await startConversation();
    await user.click(screen.getByRole("button", { name: "Start avatar" }));
    expect(await screen.findByRole("button", { name: "Stop avatar" })).toBeInTheDocument();
    const status = () => screen.getByRole("status", { name: "" });
    serverSays(
      socket,
      { type: "response_status", status: "in_progress", response_id: "r1" },
      { type: "assistant_playback", status: "started", response_id: "r1" },
      { type: "assistant_transcript_done", transcript: "Hello there.", item_id: "a1", response_id: "r1" },
      { type: "response_status", status: "completed", response_id: "r1" },
    );
    expect(status()).toHaveTextContent("Speaking"); // the avatar is still talking
    serverSays(socket, { type: "assistant_playback", status: "stopped", response_id: "r1" });
    expect(status()).toHaveTextContent("Ready");
  });

  it("push to talk: holding the button interrupts the assistant, releasing commits and asks for the answer", async () => {
    const { user, socket } = await startConversation();
    await user.click(screen.getByRole("radio", { name: "Push to talk" }));
    const talk = screen.getByRole("button", { name: "Hold to talk" });
    await user.pointer({ keys: "[MouseLeft>]", target: talk });
    expect(screen.getByRole("button", { name: "Release to send" })).toHaveAttribute("aria-pressed", "true");
    expect(socket.sentMessages()).toContainEqual({ type: "cancel_response" });
    await user.pointer({ keys: "[/MouseLeft]", target: talk });
    expect(socket.sentMessages().at(-1)).toEqual({ type: "commit_audio" });
    serverSays(socket, { type: "input_audio_committed", item_id: "u1" });
    expect(socket.sentMessages().at(-1)).toEqual({ type: "request_response" });
    serverSays(socket, { type: "input_audio_committed", item_id: "u2" }); // a VAD commit later: no extra request
    expect(socket.sentMessages().filter((m) => m.type === "request_response")).toHaveLength(1);
  });

  it("barge-in: the assistant's voice is flushed the moment the shopper starts speaking", async () => {
    const flush = vi.spyOn(Player.prototype, "flush");
    const { socket } = await startConversation();
    flush.mockClear();
    serverSays(socket, { type: "speech_started", item_id: "u1" });
    expect(flush).toHaveBeenCalledTimes(1);
    serverSays(socket, { type: "response_status", status: "cancelled", response_id: "r1" });
    expect(flush).toHaveBeenCalledTimes(2);
  });
});
