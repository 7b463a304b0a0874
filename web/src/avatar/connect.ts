/**
 * The avatar over WebRTC: a recvonly audio+video offer (non-trickle: candidates gathered
 * first, at most `gatherMs`), exchanged through the backend, then the stream once media
 * arrives. Anything slower than `timeoutMs` counts as a failure so the conversation can
 * carry on audio-only.
 */
import type { IceServer } from "../session/protocol";

export interface AvatarLink {
  stream: MediaStream;
  peer: RTCPeerConnection;
  close: () => void;
}

export interface AvatarOptions {
  iceServers: IceServer[];
  postOffer: (sdp: string, signal: AbortSignal) => Promise<string>;
  timeoutMs?: number;
  gatherMs?: number;
  createPeer?: (config: RTCConfiguration) => RTCPeerConnection;
}

export class AvatarError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AvatarError";
  }
}

function gathered(peer: RTCPeerConnection, withinMs: number): Promise<void> {
  return new Promise((resolve) => {
    if (peer.iceGatheringState === "complete") return resolve();
    const timer = setTimeout(resolve, withinMs);
    peer.addEventListener("icegatheringstatechange", () => {
      if (peer.iceGatheringState === "complete") {
        clearTimeout(timer);
        resolve();
      }
    });
  });
}

export async function connectAvatar(options: AvatarOptions): Promise<AvatarLink> {
  const { timeoutMs = 20_000, gatherMs = 2_000 } = options;
  const create = options.createPeer ?? ((config) => new RTCPeerConnection(config));
  const peer = create({ bundlePolicy: "max-bundle", iceServers: options.iceServers as RTCIceServer[] });
  const abort = new AbortController();
  const stream = new MediaStream();
  const close = () => {
    abort.abort();
    for (const track of stream.getTracks()) track.stop();
    peer.close();
  };

  const media = new Promise<void>((resolve, reject) => {
    peer.addEventListener("track", (event: RTCTrackEvent) => {
      stream.addTrack(event.track);
      if (event.track.kind === "video") resolve();
    });
    peer.addEventListener("connectionstatechange", () => {
      if (peer.connectionState === "failed") reject(new AvatarError("The avatar's video connection failed."));
    });
  });
  media.catch(() => undefined); // a failure after we gave up is not an error of anyone's
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AvatarError("The avatar took too long to connect.")), timeoutMs);
  });
  deadline.catch(() => undefined);

  try {
    peer.addTransceiver("audio", { direction: "recvonly" });
    peer.addTransceiver("video", { direction: "recvonly" });
    await peer.setLocalDescription(await peer.createOffer());
    await gathered(peer, gatherMs);
    const offer = peer.localDescription?.sdp;
    if (!offer) throw new AvatarError("The browser produced no WebRTC offer.");
    const answer = await Promise.race([options.postOffer(offer, abort.signal), deadline]);
    await peer.setRemoteDescription({ type: "answer", sdp: answer });
    await Promise.race([media, deadline]);
    return { stream, peer, close };
  } catch (error) {
    close();
    throw error instanceof AvatarError ? error : new AvatarError(error instanceof Error ? error.message : String(error));
  } finally {
    clearTimeout(timer);
  }
}
