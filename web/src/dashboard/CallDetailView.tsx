/** One call: transcript with tool calls, what it created, and its analysis. */
import { useState, type FormEvent } from "react";
import { httpUrl } from "../backend";
import { dateTime, humanize } from "../format";
import { timeline, type CallDetail } from "./api";

/** Follow-up of an escalated or unresolved call: mark it done with a note, or reopen it. */
function FollowUpPanel({ call, onFollowUp }: { call: CallDetail; onFollowUp: (done: boolean, note: string) => Promise<void> }) {
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (done: boolean, text: string) => {
    setBusy(true);
    setError(null);
    try {
      await onFollowUp(done, text);
      setNote("");
    } catch (e) {
      setError(e instanceof Error ? e.message : "The follow-up could not be saved.");
    } finally {
      setBusy(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(true, note);
  };
  return (
    <div className="follow-up-panel" role="group" aria-label="Follow-up">
      {call.follow_up ? (
        <p>
          Followed up {dateTime(call.follow_up.done_at)}
          {call.follow_up.note ? `: ${call.follow_up.note}` : ""}{" "}
          <button type="button" className="secondary" disabled={busy} onClick={() => void run(false, "")}>
            Reopen
          </button>
        </p>
      ) : (
        <form onSubmit={submit}>
          <label htmlFor="follow-up-note">What was done</label>
          <textarea id="follow-up-note" maxLength={500} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
          <button type="submit" disabled={busy}>
            Mark as followed up
          </button>
        </form>
      )}
      {error && (
        <p className="banner banner-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

export function CallDetailView({
  call,
  onClose,
  onFollowUp,
}: {
  call: CallDetail;
  onClose: () => void;
  onFollowUp?: (done: boolean, note: string) => Promise<void>;
}) {
  const doc = call.analysis_document;
  return (
    <section className="panel call-detail" aria-labelledby="call-detail-title">
      <div className="panel-head">
        <h2 id="call-detail-title">
          Call <span className="mono">{call.id}</span>
        </h2>
        <button type="button" className="secondary" onClick={onClose}>
          Close
        </button>
      </div>
      <p className="muted">
        {dateTime(call.started_at)} · {humanize(call.channel)} · {humanize(call.status)}
        {call.duration_ms !== null ? ` · ${Math.round(call.duration_ms / 1000)} s` : ""}
      </p>

      <h3>Analysis</h3>
      {doc ? (
        <div className="analysis">
          <dl className="facts">
            <dt>Reason</dt>
            <dd>
              {doc.call_reason} <span className="muted">({humanize(doc.reason_category)})</span>
            </dd>
            <dt>Sentiment</dt>
            <dd className={`sentiment-${doc.customer_sentiment}`}>{humanize(doc.customer_sentiment)}</dd>
            <dt>Satisfaction</dt>
            <dd>{humanize(doc.customer_satisfaction)}</dd>
            <dt>Rating</dt>
            <dd aria-label={`${doc.rating} out of 5`}>
              {"★".repeat(doc.rating)}
              {"☆".repeat(Math.max(0, 5 - doc.rating))}
            </dd>
            <dt>Resolution</dt>
            <dd>{humanize(doc.resolution)}</dd>
            <dt>Analyser</dt>
            <dd>{doc.analyser}</dd>
          </dl>
          <p>{doc.rating_justification}</p>
          {doc.key_moments.length > 0 && (
            <>
              <h4>Key moments</h4>
              <ul>
                {doc.key_moments.map((m) => (
                  <li key={`${m.turn}-${m.note}`}>
                    Turn {m.turn} ({m.speaker}): “{m.quote}” — {m.note}
                  </li>
                ))}
              </ul>
            </>
          )}
          {(doc.follow_up_actions.length > 0 || call.needs_follow_up) && (
            <>
              <h4>Follow-up</h4>
              <ul>
                {doc.follow_up_actions.map((a) => (
                  <li key={a}>{a}</li>
                ))}
              </ul>
              {call.needs_follow_up && onFollowUp && <FollowUpPanel call={call} onFollowUp={onFollowUp} />}
            </>
          )}
        </div>
      ) : (
        <p className="muted">Not analysed yet.</p>
      )}

      {call.links.length > 0 && (
        <>
          <h3>Created in this call</h3>
          <ul>
            {call.links.map((link) => (
              <li key={`${link.kind}:${link.ref}`}>
                {humanize(link.kind)} <span className="mono">{link.ref}</span>
                {link.kind === "shipment" && (
                  <>
                    {" "}
                    · <a href={httpUrl(`/api/shipments/${link.ref}/label.pdf`)}>label</a>
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      )}

      <h3>Transcript</h3>
      <ol className="call-transcript">
        {timeline(call).map((item, i) =>
          item.kind === "turn" ? (
            <li key={`t${i}`} className={`turn turn-${item.turn.speaker}`}>
              <span className="who">{item.turn.speaker === "user" ? "Customer" : humanize(item.turn.speaker)}:</span>{" "}
              {item.turn.text}
              {item.turn.interrupted && <span className="muted"> (interrupted)</span>}
            </li>
          ) : (
            <li key={`f${i}`} className={`tool ${item.tool.ok ? "" : "tool-failed"}`}>
              <span className="mono">
                {item.tool.name}({JSON.stringify(item.tool.arguments)})
              </span>{" "}
              {item.tool.ok ? <span className="muted">ok, {item.tool.duration_ms} ms</span> : <strong>failed: {item.tool.error}</strong>}
            </li>
          ),
        )}
      </ol>
    </section>
  );
}
