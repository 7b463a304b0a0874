/** The store manager's dashboard: calls with filters, one call in full, and charts. */
import { useCallback, useEffect, useMemo, useState, type FormEvent } from "react";
import { dateTime, humanize } from "../format";
import { AdminApi, REASONS, RESOLUTIONS, SATISFACTIONS, SENTIMENTS, explain, type CallDetail, type CallFilters, type CallPage, type Summary } from "./api";
import { CallDetailView } from "./CallDetailView";
import { Outcomes, RatingDistribution, SentimentOverTime, TopProducts, TopReasons } from "./Charts";

const KEY_STORAGE = "voicecart.adminKey";
const PAGE = 25;

function storedKey(): string {
  try {
    return sessionStorage.getItem(KEY_STORAGE) ?? "";
  } catch {
    return "";
  }
}

type FieldProps = { value: string; onChange: (e: { target: { value: string } }) => void };

/** One filter as a drop-down: "Any", then each value in words. */
function Choice({ label, field, options }: { label: string; field: FieldProps; options: readonly string[] }) {
  return (
    <label>
      {label}
      <select {...field}>
        <option value="">Any</option>
        {options.map((value) => (
          <option key={value} value={value}>
            {humanize(value)}
          </option>
        ))}
      </select>
    </label>
  );
}

export default function Dashboard() {
  const [key, setKey] = useState(storedKey);
  const [keyInput, setKeyInput] = useState("");
  const [filters, setFilters] = useState<CallFilters>({});
  const [draft, setDraft] = useState<CallFilters>({});
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<CallPage | null>(null);
  const [summary, setSummary] = useState<Summary | null>(null);
  const [trend, setTrend] = useState<CallPage | null>(null);
  const [problem, setProblem] = useState<{ message: string; needsKey: boolean } | null>(null);
  const [loading, setLoading] = useState(true);
  const [detail, setDetail] = useState<CallDetail | null>(null);
  const [detailError, setDetailError] = useState<string | null>(null);
  const api = useMemo(() => new AdminApi(key), [key]);

  useEffect(() => {
    let cancelled = false;
    setLoading(true);
    Promise.all([
      api.calls(filters, PAGE, offset),
      api.summary(filters),
      // The sentiment trend uses the newest 200 calls of the range.
      api.calls({ from: filters.from, to: filters.to }, 200, 0),
    ])
      .then(([calls, sum, recent]) => {
        if (cancelled) return;
        setPage(calls);
        setSummary(sum);
        setTrend(recent);
        setProblem(null);
      })
      .catch((error: unknown) => {
        if (!cancelled) setProblem(explain(error));
      })
      .finally(() => {
        if (!cancelled) setLoading(false);
      });
    return () => {
      cancelled = true;
    };
  }, [api, filters, offset]);

  const saveKey = (event: FormEvent) => {
    event.preventDefault();
    try {
      sessionStorage.setItem(KEY_STORAGE, keyInput);
    } catch {
      // storage refused: the key lasts for this page only
    }
    setKey(keyInput);
    setKeyInput("");
  };

  const applyFilters = (event: FormEvent) => {
    event.preventDefault();
    setOffset(0);
    setFilters({ ...draft });
  };

  const open = useCallback(
    async (id: string) => {
      setDetailError(null);
      try {
        setDetail(await api.call(id));
      } catch (error) {
        setDetailError(explain(error).message);
      }
    },
    [api],
  );

  /** The calls a summary count stands for: the same date range, one more condition. */
  const narrow = (change: CallFilters) => {
    const next = { from: filters.from, to: filters.to, ...change };
    setDraft(next);
    setOffset(0);
    setFilters(next);
  };

  /** Saves a follow-up, then shows the call and the lists as they are now. */
  const followUp = async (id: string, done: boolean, note: string) => {
    await api.setFollowUp(id, done, note);
    setDetail(await api.call(id));
    setFilters((f) => ({ ...f })); // reload the page and the summary
  };

  const field = (name: keyof CallFilters): FieldProps => ({
    value: draft[name] ?? "",
    onChange: (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [name]: e.target.value })),
  });

  return (
    <main className="dashboard" id="main">
      <h1>Calls and analytics</h1>

      {problem?.needsKey && (
        <form className="panel key-form" onSubmit={saveKey} aria-label="Unlock the dashboard">
          <p>{problem.message}</p>
          <label htmlFor="admin-key">Admin key</label>
          <input id="admin-key" type="password" autoComplete="current-password" value={keyInput} onChange={(e) => setKeyInput(e.target.value)} />
          <button type="submit" disabled={!keyInput}>
            Unlock
          </button>
        </form>
      )}
      {problem && !problem.needsKey && (
        <p className="banner banner-error" role="alert">
          {problem.message}
        </p>
      )}
      {loading && !problem && (
        <p role="status" className="muted">
          Loading…
        </p>
      )}

      {summary && !problem && (
        <>
          <section className="kpis" aria-label="Summary">
            <div>
              <span className="kpi">{summary.total_calls}</span> calls
            </div>
            <div>
              <span className="kpi">{summary.analysed_calls}</span> analysed
            </div>
            <div>
              <span className="kpi">{summary.average_rating?.toFixed(1) ?? "—"}</span> average rating
            </div>
            <div>
              <span className="kpi">{summary.satisfied_share === null ? "—" : `${Math.round(summary.satisfied_share * 100)}%`}</span>{" "}
              satisfied
            </div>
            <div className="follow-up">
              <button type="button" className="link kpi-link" onClick={() => narrow({ follow_up: "open" })}>
                <span className="kpi">{summary.open_follow_ups}</span> to follow up
              </button>{" "}
              of{" "}
              <button type="button" className="link" onClick={() => narrow({ resolution: "escalated" })}>
                {summary.resolution.escalated ?? 0} escalated
              </button>
              ,{" "}
              <button type="button" className="link" onClick={() => narrow({ resolution: "unresolved" })}>
                {summary.resolution.unresolved ?? 0} unresolved
              </button>
            </div>
          </section>
          <section className="charts" aria-label="Charts">
            <SentimentOverTime calls={trend?.items ?? []} />
            <RatingDistribution summary={summary} />
            <Outcomes summary={summary} />
            <TopReasons summary={summary} />
            <TopProducts summary={summary} />
          </section>
        </>
      )}

      {!problem?.needsKey && (
        <form className="panel filters" onSubmit={applyFilters} aria-label="Filter calls">
          <label>
            From <input type="date" {...field("from")} />
          </label>
          <label>
            To <input type="date" {...field("to")} />
          </label>
          <Choice label="Sentiment" field={field("sentiment")} options={SENTIMENTS} />
          <Choice label="Satisfaction" field={field("satisfaction")} options={SATISFACTIONS} />
          <Choice label="Outcome" field={field("resolution")} options={RESOLUTIONS} />
          <Choice label="Follow-up" field={field("follow_up")} options={["open", "done"]} />
          <Choice label="Rating" field={field("rating")} options={["1", "2", "3", "4", "5"]} />
          <Choice label="Reason" field={field("reason")} options={REASONS} />
          <label>
            Product id <input type="number" min={1} inputMode="numeric" {...field("product")} />
          </label>
          <button type="submit">Apply</button>
        </form>
      )}

      {page && !problem && (
        <section className="panel" aria-labelledby="calls-title">
          <h2 id="calls-title">Calls ({page.total})</h2>
          {page.items.length === 0 ? (
            <p className="muted">No calls match these filters.</p>
          ) : (
            <div className="table-wrap">
              <table className="calls">
                <thead>
                  <tr>
                    <th scope="col">Started</th>
                    <th scope="col">Reason</th>
                    <th scope="col">Sentiment</th>
                    <th scope="col">Rating</th>
                    <th scope="col">Outcome</th>
                    <th scope="col">Turns</th>
                    <th scope="col">Status</th>
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((call) => (
                    <tr key={call.id}>
                      <td>
                        <button type="button" className="link" onClick={() => void open(call.id)}>
                          {dateTime(call.started_at)}
                        </button>
                      </td>
                      <td>{call.analysis?.call_reason ?? <span className="muted">not analysed</span>}</td>
                      <td className={call.analysis ? `sentiment-${call.analysis.customer_sentiment}` : ""}>
                        {humanize(call.analysis?.customer_sentiment)}
                      </td>
                      <td>{call.analysis?.rating ?? "—"}</td>
                      <td className={call.analysis ? `outcome-${call.analysis.resolution}` : ""}>
                        {humanize(call.analysis?.resolution)}
                        {call.follow_up ? <span className="muted"> · followed up</span> : ""}
                      </td>
                      <td>{call.turn_count}</td>
                      <td>{humanize(call.status)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <div className="pager">
            <button type="button" className="secondary" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
              Newer
            </button>
            <span className="muted">
              {page.total === 0 ? 0 : offset + 1}–{Math.min(offset + PAGE, page.total)} of {page.total}
            </span>
            <button type="button" className="secondary" disabled={offset + PAGE >= page.total} onClick={() => setOffset(offset + PAGE)}>
              Older
            </button>
          </div>
        </section>
      )}

      {detailError && (
        <p className="banner banner-error" role="alert">
          {detailError}
        </p>
      )}
      {detail && (
        <CallDetailView call={detail} onClose={() => setDetail(null)} onFollowUp={(done, note) => followUp(detail.id, done, note)} />
      )}
    </main>
  );
}
