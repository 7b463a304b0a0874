import { describe, expect, it } from "vitest";
import { ApiError } from "../backend";
import { explain, query, ratingSeries, resolutionSeries, sentimentByDay, timeline, type CallSummary } from "./api";

const call = (id: string, started_at: string, sentiment?: "positive" | "neutral" | "negative"): CallSummary => ({
  id,
  channel: "voice",
  status: "ended",
  started_at,
  ended_at: null,
  end_reason: null,
  duration_ms: 1000,
  turn_count: 2,
  language: "en",
  analysis: sentiment
    ? { call_reason: "x", reason_category: "purchase", customer_sentiment: sentiment, customer_satisfaction: "satisfied", rating: 5, resolution: "resolved", products: [] }
    : null,
  needs_follow_up: false,
  follow_up: null,
});

describe("dashboard data helpers", () => {
  it("counts sentiment per day, in date order, leaving out unanalysed calls", () => {
    const days = sentimentByDay([
      call("a", "2030-01-02T10:00:00Z", "negative"),
      call("b", "2030-01-01T09:00:00Z", "positive"),
      call("c", "2030-01-02T11:00:00Z", "positive"),
      call("d", "2030-01-02T12:00:00Z"),
    ]);
    expect(days).toEqual([
      { date: "2030-01-01", positive: 1, neutral: 0, negative: 0 },
      { date: "2030-01-02", positive: 1, neutral: 0, negative: 1 },
    ]);
  });

  it("fills every rating from 1 to 5", () => {
    expect(ratingSeries({ "5": 3, "2": 1 }).map((r) => r.calls)).toEqual([0, 1, 0, 0, 3]);
    expect(resolutionSeries({ escalated: 2, resolved: 5 })).toEqual([
      { resolution: "resolved", label: "Resolved", calls: 5 },
      { resolution: "unresolved", label: "Unresolved", calls: 0 },
      { resolution: "escalated", label: "Escalated", calls: 2 },
    ]);
  });

  it("interleaves tool calls with the transcript by time", () => {
    const items = timeline({
      turns: [
        { seq: 1, speaker: "user", text: "yes", at: "2030-01-01T10:00:00Z", interrupted: false },
        { seq: 2, speaker: "assistant", text: "placed", at: "2030-01-01T10:00:05Z", interrupted: false },
      ],
      tool_calls: [
        { name: "create_order", arguments: {}, result: null, ok: true, error: null, started_at: "2030-01-01T10:00:02Z", duration_ms: 30 },
      ],
    });
    expect(items.map((i) => (i.kind === "turn" ? i.turn.text : i.tool.name))).toEqual(["yes", "create_order", "placed"]);
  });

  it("builds query strings without empty filters", () => {
    expect(query({ from: "2030-01-01", sentiment: "", reason: "purchase" }, { limit: 25 })).toBe("?from=2030-01-01&reason=purchase&limit=25");
    expect(query({})).toBe("");
  });

  it("explains each failure to the manager", () => {
    expect(explain(new ApiError(401, "unauthorized", "admin key required"))).toEqual({
      message: "Enter the admin key to see calls and analytics.",
      needsKey: true,
    });
    expect(explain(new ApiError(404, "not_found", "Not Found")).message).toMatch(/does not offer the call analysis API/);
    expect(explain(new ApiError(403, "forbidden", "admin API is disabled")).message).toBe("admin API is disabled");
    expect(explain(new ApiError(0, "unreachable", "cannot be reached")).needsKey).toBe(false);
  });
});
