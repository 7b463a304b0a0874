/** The talking avatar (when on) with captions of what the assistant is saying. */
import { useEffect, useRef } from "react";
import type { AvatarState } from "../session/useVoiceSession";

interface Props {
  state: AvatarState;
  stream: MediaStream | null;
  notice: string | null;
  caption: string;
  available: boolean;
  canStart: boolean;
  onStart: () => void;
  onStop: () => void;
}

export function AvatarPanel({ state, stream, notice, caption, available, canStart, onStart, onStop }: Props) {
  const video = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const element = video.current;
    if (!element) return;
    element.srcObject = stream;
    if (!stream) return;
    // The avatar's voice plays through Web Audio, not through the <video> element: remote
    // WebRTC audio rendered by a media element is the reference of Chromium's echo
    // canceller, which then keeps suppressing the shopper's voice between answers.
    element.muted = true;
    void element.play?.().catch(() => undefined);
    if (stream.getAudioTracks?.().length && typeof AudioContext !== "undefined") {
      const context = new AudioContext({ latencyHint: "interactive" });
      context.createMediaStreamSource(stream).connect(context.destination);
      void context.resume().catch(() => undefined);
      return () => void context.close().catch(() => undefined);
    }
  }, [stream]);
  return (
    <section className="avatar" aria-label="Assistant">
      <div className={`avatar-stage ${state === "on" ? "live" : ""}`}>
        {state === "on" ? (
          <video ref={video} className="avatar-video" autoPlay playsInline muted aria-label="Avatar video" />
        ) : (
          <div className="avatar-placeholder" aria-hidden="true">
            <span>C</span>
          </div>
        )}
        {caption && (
          <p className="caption" aria-hidden="true">
            {caption}
          </p>
        )}
      </div>
      <div className="avatar-controls">
        {state === "on" || state === "connecting" ? (
          <button type="button" className="secondary" onClick={onStop} disabled={state === "connecting"}>
            {state === "connecting" ? "Starting avatar…" : "Stop avatar"}
          </button>
        ) : (
          <button type="button" className="secondary" onClick={onStart} disabled={!canStart || !available}>
            Start avatar
          </button>
        )}
        {!available && <p className="muted small">The avatar is turned off on this server.</p>}
      </div>
      {notice && (
        <p className="notice notice-info" role="status">
          {notice}
        </p>
      )}
    </section>
  );
}
