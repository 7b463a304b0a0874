/** The conversation as captions: both sides, live, with cards where the tools ran. */
import { useEffect, useRef } from "react";
import { ToolCard } from "../cards/Cards";
import type { Entry } from "../session/conversation";

export function Transcript({ entries }: { entries: Entry[] }) {
  const end = useRef<HTMLDivElement>(null);
  useEffect(() => {
    end.current?.scrollIntoView?.({ block: "end", behavior: "smooth" });
  }, [entries]);
  return (
    <div className="transcript" role="log" aria-label="Conversation" aria-live="polite" aria-relevant="additions text">
      {entries.length === 0 && (
        <p className="muted empty">
          Say hello, or try “Show me running shoes under fifty dollars”. What you and the assistant say appears here.
        </p>
      )}
      {entries.map((entry) => {
        switch (entry.kind) {
          case "user":
            return (
              <p key={entry.key} className={`line line-user ${entry.final ? "" : "partial"}`} data-final={entry.final}>
                <span className="who">You{entry.typed ? " (typed)" : ""}:</span>{" "}
                {entry.text || <span className="muted">…</span>}
              </p>
            );
          case "assistant":
            return (
              <p key={entry.key} className={`line line-assistant ${entry.final ? "" : "partial"}`} data-final={entry.final}>
                <span className="who">Contoso:</span> {entry.text}
              </p>
            );
          case "card":
            return (
              <div key={entry.key} className="line line-card" data-tool={entry.tool}>
                <ToolCard tool={entry.tool} card={entry.card} ok={entry.ok} error={entry.error} />
              </div>
            );
          case "notice":
            return (
              <p key={entry.key} className={`line notice notice-${entry.tone}`} role={entry.tone === "error" ? "alert" : undefined}>
                {entry.text}
              </p>
            );
        }
      })}
      <div ref={end} />
    </div>
  );
}
