/**
 * The analysis API (admin): `GET /api/calls`, `GET /api/calls/{id}`,
 * `GET /api/analytics/summary`, with the admin key as a bearer token. The shapes mirror
 * voicecart/api/calls.py and voicecart/api/analytics.py.
 */
import { ApiError, request } from "../backend";
import { humanize } from "../format";

export type Sentiment = "positive" | "neutral" | "negative";
export const SENTIMENTS: Sentiment[] = ["positive", "neutral", "negative"];
export const SATISFACTIONS = ["satisfied", "neutral", "not satisfied"] as const;
/** Escalated and unresolved calls are the ones somebody has to follow up. */
export const RESOLUTIONS = ["resolved", "unresolved", "escalated"] as const;
export const REASONS = [
  "purchase",
  "product_question",
  "order_status",
  "delivery_issue",
  "damaged_item",
  "return_refund",
  "cancellation",
  "policy_question",
  "complaint",
  "other",
] as const;

export interface AnalysisBrief {
  call_reason: string;
  reason_category: string;
  customer_sentiment: Sentiment;
  customer_satisfaction: string;
  rating: number;
  resolution: string;
  products: number[];
}

export interface CallSummary {
  id: string;
  channel: string;
  status: string;
  started_at: string;
  ended_at: string | null;
  end_reason: string | null;
  duration_ms: number | null;
  turn_count: number;
  language: string | null;
  analysis: AnalysisBrief | null;
  /** Escalated or unresolved: somebody has to follow it up. */
  needs_follow_up: boolean;
  follow_up: FollowUp | null;
}

export interface FollowUp {
  done_at: string;
  note: string;
}

export interface CallPage {
  items: CallSummary[];
  total: number;
  limit: number;
  offset: number;
}

export interface Turn {
  seq: number;
  speaker: string;
  text: string;
  at: string;
  interrupted: boolean;
}

export interface ToolCall {
  name: string;
  arguments: Record<string, unknown>;
  result: Record<string, unknown> | null;
  ok: boolean;
  error: string | null;
  started_at: string;
  duration_ms: number;
}

export interface KeyMoment {
  turn: number;
  speaker: string;
  quote: string;
  note: string;
}

export interface AnalysisDocument extends AnalysisBrief {
  id: string;
  rating_justification: string;
  sentiment_score: number;
  follow_up_actions: string[];
  key_moments: KeyMoment[];
  language: string;
  analyser: string;
}

export interface CallDetail extends CallSummary {
  turns: Turn[];
  tool_calls: ToolCall[];
  links: Array<{ kind: string; ref: string }>;
  analysis_document: AnalysisDocument | null;
}

export interface Summary {
  since: string | null;
  until: string | null;
  total_calls: number;
  analysed_calls: number;
  average_rating: number | null;
  average_sentiment_score: number | null;
  sentiment: Record<string, number>;
  satisfaction: Record<string, number>;
  satisfied_share: number | null;
  resolution: Record<string, number>;
  open_follow_ups: number;
  ratings: Record<string, number>;
  top_reasons: Array<{ reason: string; label: string; calls: number }>;
  top_products: Array<{ product_id: number; name: string | null; calls: number }>;
  calls_per_day: Array<{ date: string; calls: number; average_rating: number | null }>;
}

export interface CallFilters {
  from?: string;
  to?: string;
  sentiment?: string;
  satisfaction?: string;
  resolution?: string;
  rating?: string;
  reason?: string;
  product?: string;
  /** "open": needs a follow-up nobody has done yet; "done": followed up. */
  follow_up?: string;
}

/** Why the dashboard cannot show data, in words for the store manager. */
export function explain(error: unknown): { message: string; needsKey: boolean } {
  if (error instanceof ApiError) {
    if (error.status === 401) return { message: "Enter the admin key to see calls and analytics.", needsKey: true };
    if (error.status === 403) return { message: error.message || "The analysis API is disabled on this server.", needsKey: false };
    if (error.status === 404 || error.status === 405)
      return { message: "This server does not offer the call analysis API (yet), so there is nothing to show.", needsKey: false };
    if (error.status === 422) return { message: `A filter is not valid: ${error.message}`, needsKey: false };
    if (error.status === 0) return { message: error.message, needsKey: false };
    return { message: `The analysis API failed (${error.status}): ${error.message}`, needsKey: false };
  }
  return { message: "Something went wrong while loading the dashboard.", needsKey: false };
}

export function query(filters: CallFilters, extra: Record<string, string | number> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filters, ...extra })) {
    if (v !== undefined && v !== "") params.set(k, String(v));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

export class AdminApi {
  constructor(private readonly key: string) {}

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    const headers: Record<string, string> = { Accept: "application/json", ...extra };
    if (this.key) headers.Authorization = `Bearer ${this.key}`;
    return headers;
  }

  private async get<T>(path: string): Promise<T> {
    const response = await request(path, { headers: this.headers() });
    return (await response.json()) as T;
  }

  calls(filters: CallFilters, limit: number, offset: number): Promise<CallPage> {
    return this.get(`/api/calls${query(filters, { limit, offset })}`);
  }

  call(id: string): Promise<CallDetail> {
    return this.get(`/api/calls/${encodeURIComponent(id)}`);
  }

  summary(filters: Pick<CallFilters, "from" | "to">): Promise<Summary> {
    return this.get(`/api/analytics/summary${query({ from: filters.from, to: filters.to })}`);
  }

  /** Marks a call followed up (with what was done), or puts it back on the list. */
  async setFollowUp(id: string, done: boolean, note = ""): Promise<void> {
    const headers = this.headers({ "Content-Type": "application/json" });
    await request(`/api/calls/${encodeURIComponent(id)}/follow-up`, { method: "PUT", headers, body: JSON.stringify({ done, note }) });
  }
}

/** Calls per day split by the customer's sentiment (for "sentiment over time"). */
export function sentimentByDay(calls: CallSummary[]): Array<{ date: string } & Record<Sentiment, number>> {
  const days = new Map<string, Record<Sentiment, number>>();
  for (const call of calls) {
    const sentiment = call.analysis?.customer_sentiment;
    if (!sentiment) continue;
    const day = call.started_at.slice(0, 10);
    const counts = days.get(day) ?? { positive: 0, neutral: 0, negative: 0 };
    counts[sentiment] += 1;
    days.set(day, counts);
  }
  return [...days.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([date, counts]) => ({ date, ...counts }));
}

/** Every rating 1-5, zeros included, in order. */
/** Calls per outcome (resolved, unresolved, escalated), in that order. */
export function resolutionSeries(resolution: Record<string, number>): Array<{ resolution: string; label: string; calls: number }> {
  return RESOLUTIONS.map((r) => ({ resolution: r, label: humanize(r), calls: resolution[r] ?? 0 }));
}

export function ratingSeries(ratings: Record<string, number>): Array<{ rating: string; calls: number }> {
  return [1, 2, 3, 4, 5].map((r) => ({ rating: `${r}★`, calls: ratings[String(r)] ?? 0 }));
}

export type TimelineItem = { kind: "turn"; at: string; turn: Turn } | { kind: "tool"; at: string; tool: ToolCall };

/** The transcript with the tool calls placed where they happened. */
export function timeline(detail: Pick<CallDetail, "turns" | "tool_calls">): TimelineItem[] {
  const items: TimelineItem[] = [
    ...detail.turns.map((turn) => ({ kind: "turn" as const, at: turn.at, turn })),
    ...detail.tool_calls.map((tool) => ({ kind: "tool" as const, at: tool.started_at, tool })),
  ];
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => Date.parse(a.item.at) - Date.parse(b.item.at) || a.index - b.index)
    .map(({ item }) => item);
}
