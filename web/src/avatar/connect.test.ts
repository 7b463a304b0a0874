import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AvatarError, connectAvatar } from "./connect";

class FakeTrack {
  stopped = false;
  constructor(readonly kind: string) {}
  stop() {
    this.stopped = true;
  }
}

class FakeMediaStream {
  tracks: FakeTrack[] = [];
  addTrack(t: FakeTrack) {
    this.tracks.push(t);
  }
  getTracks() {
    return this.tracks;
  }
}

/** Enough of RTCPeerConnection to see what the client offers and to play the remote side. */
class FakePeer extends EventTarget {
  transceivers: Array<[string, RTCRtpTransceiverInit | undefined]> = [];
  iceGatheringState: RTCIceGatheringState = "new";
  connectionState: RTCPeerConnectionState = "new";
  localDescription: { sdp: string } | null = null;
  remote: RTCSessionDescriptionInit | null = null;
  closed = false;
  constructor(readonly config: RTCConfiguration) {
    super();
  }
  addTransceiver(kind: string, init?: RTCRtpTransceiverInit) {
    this.transceivers.push([kind, init]);
  }
  async createOffer() {
    return { type: "offer", sdp: "v=0 offer" };
  }
  async setLocalDescription(d: { sdp: string }) {
    this.localDescription = d;
    queueMicrotask(() => {
      this.iceGatheringState = "complete";
      this.dispatchEvent(new Event("icegatheringstatechange"));
    });
  }
  async setRemoteDescription(d: RTCSessionDescriptionInit) {
    this.remote = d;
  }
  close() {
    this.closed = true;
  }
  emitTrack(kind: string) {
    const event = new Event("track") as Event & { track: FakeTrack };
    event.track = new FakeTrack(kind);
    this.dispatchEvent(event);
  }
}

let peer: FakePeer;
const createPeer = (config: RTCConfiguration) => {
  peer = new FakePeer(config);
  return peer as unknown as RTCPeerConnection;
};

beforeEach(() => vi.stubGlobal("MediaStream", FakeMediaStream));
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("connectAvatar", () => {
  it("offers recvonly audio and video with the session's ICE servers and resolves once video arrives", async () => {
    const postOffer = vi.fn(async (sdp: string) => {
      expect(sdp).toBe("v=0 offer");
      queueMicrotask(() => {
        peer.emitTrack("audio");
        peer.emitTrack("video");
      });
      return "v=0 answer";
    });
    const link = await connectAvatar({ iceServers: [{ urls: "turn:relay.test" }], postOffer, createPeer, gatherMs: 50 });
    expect(peer.config).toMatchObject({ bundlePolicy: "max-bundle", iceServers: [{ urls: "turn:relay.test" }] });
    expect(peer.transceivers).toEqual([
      ["audio", { direction: "recvonly" }],
      ["video", { direction: "recvonly" }],
    ]);
    expect(peer.remote).toEqual({ type: "answer", sdp: "v=0 answer" });
    expect(link.stream.getTracks().map((t) => t.kind)).toEqual(["audio", "video"]);
    link.close();
    expect(peer.closed).toBe(true);
  });

  it("fails with AvatarError and cleans up when the backend refuses", async () => {
    const postOffer = vi.fn(async () => {
      throw new Error("the avatar service refused the connection");
    });
    await expect(connectAvatar({ iceServers: [], postOffer, createPeer, gatherMs: 10 })).rejects.toThrow(AvatarError);
    expect(peer.closed).toBe(true);
  });

  it("gives up when media is too slow, so the conversation can go on audio-only", async () => {
    vi.useFakeTimers();
    const postOffer = vi.fn(async () => "v=0 answer"); // answered, but no video ever comes
    const pending = connectAvatar({ iceServers: [], postOffer, createPeer, gatherMs: 10, timeoutMs: 1000 });
    const outcome = expect(pending).rejects.toThrow(/took too long/);
    await vi.advanceTimersByTimeAsync(1000);
    await outcome;
    expect(peer.closed).toBe(true);
  });
});
