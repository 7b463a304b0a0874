import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { App } from "../App";
import { jsonResponse, mockFetch } from "../test/fakes";

const SUMMARY = {
  since: null,
  until: null,
  total_calls: 2,
  analysed_calls: 1,
  average_rating: 4.5,
  average_sentiment_score: 0.6,
  sentiment: { positive: 1 },
  satisfaction: { satisfied: 1 },
  satisfied_share: 1,
  resolution: { resolved: 1, escalated: 1 },
  open_follow_ups: 1,
  ratings: { "5": 1 },
  top_reasons: [{ reason: "purchase", label: "Purchase", calls: 1 }],
  top_products: [{ product_id: 13, name: "Trailblazer Running Shoe", calls: 1 }],
  calls_per_day: [{ date: "2030-01-01", calls: 2, average_rating: 4.5 }],
};
const CALL = {
  id: "call_0123456789abcdef01234567",
  channel: "voice",
  status: "ended",
  started_at: "2030-01-01T10:00:00Z",
  ended_at: "2030-01-01T10:02:00Z",
  end_reason: "ended_by_client",
  duration_ms: 120000,
  turn_count: 2,
  language: "en",
  analysis: { call_reason: "Bought running shoes", reason_category: "purchase", customer_sentiment: "positive", customer_satisfaction: "satisfied", rating: 5, resolution: "resolved", products: [13] },
  needs_follow_up: false,
  follow_up: null as { done_at: string; note: string } | null,
};
const DETAIL = {
  ...CALL,
  turns: [
    { seq: 1, speaker: "user", text: "Yes please.", at: "2030-01-01T10:00:10Z", interrupted: false },
    { seq: 2, speaker: "assistant", text: "Your order is placed.", at: "2030-01-01T10:00:12Z", interrupted: false },
  ],
  tool_calls: [{ name: "create_order", arguments: { lines: [{ product_id: 13, quantity: 1 }] }, result: {}, ok: true, error: null, started_at: "2030-01-01T10:00:11Z", duration_ms: 25 }],
  links: [{ kind: "order", ref: "48271930" }, { kind: "shipment", ref: "shp_1" }],
  analysis_document: {
    ...CALL.analysis,
    id: "doc1",
    rating_justification: "The order was placed without friction.",
    sentiment_score: 0.7,
    follow_up_actions: [],
    key_moments: [{ turn: 2, speaker: "assistant", quote: "Your order is placed.", note: "order confirmed" }],
    language: "en",
    analyser: "local",
  },
};

beforeEach(() => {
  sessionStorage.clear();
  vi.stubGlobal(
    "ResizeObserver",
    class {
      observe() {}
      unobserve() {}
      disconnect() {}
    },
  );
});
afterEach(() => vi.unstubAllGlobals());

describe("Dashboard", () => {
  it("is loaded on demand and asks for the admin key, then sends it as a bearer token", async () => {
    const calls = mockFetch({
      "GET /api/calls": () => jsonResponse({ detail: "admin key required", code: "unauthorized" }, 401),
      "GET /api/analytics/summary": () => jsonResponse({ detail: "admin key required", code: "unauthorized" }, 401),
    });
    const user = userEvent.setup();
    render(<App path="/dashboard" />);
    expect(await screen.findByText("Enter the admin key to see calls and analytics.")).toBeInTheDocument();

    mockFetch({
      "GET /api/calls": () => jsonResponse({ items: [CALL], total: 1, limit: 25, offset: 0 }),
      "GET /api/analytics/summary": () => jsonResponse(SUMMARY),
    });
    await user.type(screen.getByLabelText("Admin key"), "s3cret");
    await user.click(screen.getByRole("button", { name: "Unlock" }));
    expect(await screen.findByRole("heading", { name: "Calls (1)" })).toBeInTheDocument();
    const sent = (vi.mocked(fetch).mock.calls.at(-1)?.[1]?.headers ?? {}) as Record<string, string>;
    expect(sent.Authorization).toBe("Bearer s3cret");
    expect(calls.length).toBeGreaterThan(0);
  });

  it("shows the summary, the charts and the calls; opens a call with its transcript and analysis", async () => {
    const calls = mockFetch({
      "GET /api/calls": () => jsonResponse({ items: [CALL], total: 1, limit: 25, offset: 0 }),
      "GET /api/analytics/summary": () => jsonResponse(SUMMARY),
      [`GET /api/calls/${CALL.id}`]: () => jsonResponse(DETAIL),
    });
    const user = userEvent.setup();
    render(<App path="/dashboard" />);
    const kpis = await screen.findByRole("region", { name: "Summary" });
    expect(kpis).toHaveTextContent("2 calls");
    expect(kpis).toHaveTextContent("4.5 average rating");
    const charts = screen.getByRole("region", { name: "Charts" });
    for (const title of [
      "Sentiment over time (calls per day)",
      "Rating distribution",
      "Outcomes (resolved, unresolved, escalated)",
      "Top call reasons",
      "Top products in question",
    ]) {
      expect(within(charts).getByText(title)).toBeInTheDocument();
    }
    const row = screen.getByRole("row", { name: /Bought running shoes/ });
    expect(row).toHaveTextContent("Positive");
    expect(row).toHaveTextContent("Resolved");

    // The follow-up count opens the follow-up list; the outcome counts their calls.
    expect(kpis).toHaveTextContent("1 to follow up of 1 escalated, 0 unresolved");
    await user.click(within(kpis).getByRole("button", { name: "1 to follow up" }));
    expect(calls.some((c) => c.path.startsWith("/api/calls?follow_up=open"))).toBe(true);
    expect(screen.getByLabelText("Follow-up")).toHaveValue("open");
    await user.selectOptions(screen.getByLabelText("Follow-up"), "");
    await user.click(within(kpis).getByRole("button", { name: "1 escalated" }));
    expect(calls.some((c) => c.path.startsWith("/api/calls?resolution=escalated"))).toBe(true);
    expect(screen.getByLabelText("Outcome")).toHaveValue("escalated");
    await user.selectOptions(screen.getByLabelText("Outcome"), "");
    await user.selectOptions(screen.getByLabelText("Satisfaction"), "not satisfied");
    await user.click(screen.getByRole("button", { name: "Apply" }));
    expect(calls.some((c) => c.path.startsWith("/api/calls?satisfaction=not+satisfied"))).toBe(true);
    await user.selectOptions(screen.getByLabelText("Satisfaction"), "");

    await user.selectOptions(screen.getByLabelText("Sentiment"), "negative");
    await user.click(screen.getByRole("button", { name: "Apply" }));
    expect(calls.some((c) => c.path.startsWith("/api/calls?sentiment=negative"))).toBe(true);

    await user.click(within(row).getByRole("button"));
    const detail = await screen.findByRole("region", { name: /Call call_0123/ });
    expect(within(detail).getByText("The order was placed without friction.")).toBeInTheDocument();
    const transcript = within(detail).getAllByRole("listitem").map((li) => li.textContent ?? "");
    const order = transcript.findIndex((t) => t.includes("create_order"));
    expect(order).toBeGreaterThan(transcript.findIndex((t) => t.includes("Yes please.")));
    expect(order).toBeLessThan(transcript.findIndex((t) => t.startsWith("Assistant: Your order is placed.")));
    expect(within(detail).getByRole("link", { name: "label" })).toHaveAttribute("href", expect.stringContaining("/api/shipments/shp_1/label.pdf"));
  });

  it("closes the follow-up of an escalated call with a note, and reopens it", async () => {
    const escalated = {
      ...CALL,
      id: "call_esc",
      needs_follow_up: true,
      analysis: { ...CALL.analysis, call_reason: "Damaged or faulty item", resolution: "escalated" },
    };
    let followedUp: { done_at: string; note: string } | null = null;
    const detail = () => ({
      ...DETAIL,
      ...escalated,
      follow_up: followedUp,
      analysis_document: { ...DETAIL.analysis_document, resolution: "escalated", follow_up_actions: ["Call the shopper back"] },
    });
    const calls = mockFetch({
      "GET /api/calls": () => jsonResponse({ items: [{ ...escalated, follow_up: followedUp }], total: 1, limit: 25, offset: 0 }),
      "GET /api/analytics/summary": () => jsonResponse({ ...SUMMARY, open_follow_ups: followedUp ? 0 : 1 }),
      "GET /api/calls/call_esc": () => jsonResponse(detail()),
      "PUT /api/calls/call_esc/follow-up": () => {
        const body = JSON.parse(String(calls.at(-1)?.init?.body)) as { done: boolean; note: string };
        followedUp = body.done ? { done_at: "2030-01-02T09:00:00Z", note: body.note } : null;
        return jsonResponse({ done: body.done, done_at: followedUp?.done_at ?? null, note: followedUp?.note ?? "" });
      },
    });
    const user = userEvent.setup();
    render(<App path="/dashboard" />);
    const row = await screen.findByRole("row", { name: /Damaged or faulty item/ });
    await user.click(within(row).getByRole("button"));
    const panel = await screen.findByRole("group", { name: "Follow-up" });
    await user.type(within(panel).getByLabelText("What was done"), "Called back, replacement sent.");
    await user.click(within(panel).getByRole("button", { name: "Mark as followed up" }));

    const put = calls.find((c) => c.method === "PUT");
    expect(put?.path).toBe("/api/calls/call_esc/follow-up");
    expect(JSON.parse(String(put?.init?.body))).toEqual({ done: true, note: "Called back, replacement sent." });
    expect(await within(panel).findByText(/Followed up .*: Called back, replacement sent\./)).toBeInTheDocument();
    const kpis = screen.getByRole("region", { name: "Summary" });
    await waitFor(() => expect(kpis).toHaveTextContent("0 to follow up"));
    expect(screen.getByRole("row", { name: /Damaged or faulty item/ })).toHaveTextContent("followed up");

    await user.click(within(panel).getByRole("button", { name: "Reopen" }));
    const reopen = calls.filter((c) => c.method === "PUT").at(-1);
    expect(JSON.parse(String(reopen?.init?.body))).toEqual({ done: false, note: "" });
    expect(await within(panel).findByRole("button", { name: "Mark as followed up" })).toBeInTheDocument();
  });

  it("degrades with a clear message when the server has no analysis API", async () => {
    mockFetch({});
    render(<App path="/dashboard" />);
    expect(await screen.findByRole("alert")).toHaveTextContent("does not offer the call analysis API");
  });
});
