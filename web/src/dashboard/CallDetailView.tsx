/** One call: transcript with tool calls, what it created, and its analysis. */
import { httpUrl } from "../backend";
import { dateTime, humanize } from "../format";
import { timeline, type CallDetail } from "./api";

export function CallDetailView({ call, onClose }: { call: CallDetail; onClose: () => void }) {
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
          {doc.follow_up_actions.length > 0 && (
            <>
              <h4>Follow-up</h4>
              <ul>
                {doc.follow_up_actions.map((a) => (
                  <li key={a}>{a}</li>
                ))}
              </ul>
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
