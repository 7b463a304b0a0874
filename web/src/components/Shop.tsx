/** The shopper's page: talk (or type) to Contoso, see what it says and what it did. */
import { useEffect } from "react";
import { ACTIVITY_LABEL } from "../session/conversation";
import { useVoiceSession } from "../session/useVoiceSession";
import { AvatarPanel } from "./AvatarPanel";
import { Composer } from "./Composer";
import { LevelMeter } from "./LevelMeter";
import { Transcript } from "./Transcript";

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === "INPUT" || el.tagName === "TEXTAREA" || el.tagName === "SELECT" || el.isContentEditable);
}

export function Shop() {
  const s = useVoiceSession();
  const connected = s.connection === "open" || s.connection === "reconnecting";
  const live = connected || s.connection === "connecting";

  // Push-to-talk on the space bar (outside text fields).
  useEffect(() => {
    if (s.mode !== "push-to-talk" || !connected) return;
    const down = (e: KeyboardEvent) => {
      if (e.code === "Space" && !e.repeat && !isTyping(e.target)) {
        e.preventDefault();
        s.pressTalk();
      }
    };
    const up = (e: KeyboardEvent) => {
      if (e.code === "Space" && !isTyping(e.target)) {
        e.preventDefault();
        s.releaseTalk();
      }
    };
    window.addEventListener("keydown", down);
    window.addEventListener("keyup", up);
    return () => {
      window.removeEventListener("keydown", down);
      window.removeEventListener("keyup", up);
    };
  }, [s.mode, connected, s.pressTalk, s.releaseTalk]);

  const lastAssistant = [...s.conversation.entries].reverse().find((e) => e.kind === "assistant");
  const caption = lastAssistant && lastAssistant.kind === "assistant" && !lastAssistant.final ? lastAssistant.text : "";

  return (
    <div className="shop">
      <div className="status-bar" data-activity={s.activity}>
        <p role="status" aria-live="polite" className={`status status-${s.activity}`}>
          <span className="status-dot" aria-hidden="true" />
          {ACTIVITY_LABEL[s.activity]}
        </p>
        <LevelMeter level={s.level} active={s.micOn} />
      </div>

      {s.connectionDetail && (s.connection === "failed" || (s.connection === "closed" && s.connectionDetail !== "ended_by_client")) && (
        <p className="banner banner-error" role="alert">
          {s.connection === "closed" ? `The conversation ended (${s.connectionDetail.replace(/_/g, " ")}).` : s.connectionDetail}
        </p>
      )}
      {s.micError && (
        <p className="banner banner-error" role="alert">
          {s.micError}
        </p>
      )}

      <div className="shop-layout">
        <AvatarPanel
          state={s.avatar}
          stream={s.avatarStream}
          notice={s.avatarNotice}
          caption={caption}
          available={s.info?.avatar.enabled ?? true}
          canStart={s.connection === "open"}
          onStart={() => void s.startAvatar()}
          onStop={s.stopAvatar}
        />
        <main className="conversation" id="main">
          <h1 className="visually-hidden">Contoso voice shop</h1>
          <Transcript entries={s.conversation.entries} />
          <div className="controls">
            {!live ? (
              <button type="button" className="primary" onClick={() => void s.start()}>
                {s.connection === "idle" ? "Start conversation" : "Start a new conversation"}
              </button>
            ) : (
              <>
                <fieldset className="mode" disabled={!connected}>
                  <legend className="visually-hidden">Microphone mode</legend>
                  <label>
                    <input
                      type="radio"
                      name="mode"
                      checked={s.mode === "hands-free"}
                      onChange={() => s.setMode("hands-free")}
                    />
                    Hands-free
                  </label>
                  <label>
                    <input
                      type="radio"
                      name="mode"
                      checked={s.mode === "push-to-talk"}
                      onChange={() => s.setMode("push-to-talk")}
                    />
                    Push to talk
                  </label>
                </fieldset>
                {s.mode === "hands-free" ? (
                  <button
                    type="button"
                    className={s.micOn ? "mic on" : "mic"}
                    aria-pressed={s.micOn}
                    onClick={() => void s.toggleMic()}
                    disabled={!connected}
                  >
                    {s.micOn ? "Turn microphone off" : "Turn microphone on"}
                  </button>
                ) : (
                  <button
                    type="button"
                    className={s.talking ? "mic on" : "mic"}
                    aria-pressed={s.talking}
                    aria-describedby="ptt-hint"
                    disabled={!connected}
                    onPointerDown={s.pressTalk}
                    onPointerUp={s.releaseTalk}
                    onPointerLeave={s.releaseTalk}
                    onKeyDown={(e) => {
                      if ((e.key === "Enter" || e.key === " ") && !e.repeat) {
                        e.preventDefault();
                        s.pressTalk();
                      }
                    }}
                    onKeyUp={(e) => {
                      if (e.key === "Enter" || e.key === " ") {
                        e.preventDefault();
                        s.releaseTalk();
                      }
                    }}
                  >
                    {s.talking ? "Release to send" : "Hold to talk"}
                  </button>
                )}
                {s.mode === "push-to-talk" && (
                  <span id="ptt-hint" className="muted small">
                    Hold the button or the space bar while you speak.
                  </span>
                )}
                <button type="button" className="secondary" onClick={() => void s.end()}>
                  End conversation
                </button>
              </>
            )}
          </div>
          <Composer disabled={!connected} onSend={(text) => void s.sendText(text)} />
        </main>
      </div>
    </div>
  );
}
