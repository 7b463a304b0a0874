/** The dashboard's charts (recharts). */
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { ratingSeries, resolutionSeries, sentimentByDay, type CallSummary, type Summary } from "./api";

const COLORS = { positive: "#1a7f37", neutral: "#8c959f", negative: "#b42318", bar: "#0b5cad", warn: "#b54708" };
const OUTCOME_COLORS: Record<string, string> = { resolved: COLORS.positive, unresolved: COLORS.negative, escalated: COLORS.warn };

function ChartFrame({ title, empty, children }: { title: string; empty: boolean; children: React.ReactElement }) {
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      {empty ? (
        <p className="muted chart-empty">No analysed calls in this range.</p>
      ) : (
        <div className="chart-body">
          <ResponsiveContainer width="100%" height={220}>
            {children}
          </ResponsiveContainer>
        </div>
      )}
    </figure>
  );
}

export function SentimentOverTime({ calls }: { calls: CallSummary[] }) {
  const data = sentimentByDay(calls);
  return (
    <ChartFrame title="Sentiment over time (calls per day)" empty={data.length === 0}>
      <BarChart data={data}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="date" fontSize={12} />
        <YAxis allowDecimals={false} fontSize={12} />
        <Tooltip />
        <Legend />
        <Bar dataKey="positive" stackId="s" maxBarSize={48} fill={COLORS.positive} name="Positive" />
        <Bar dataKey="neutral" stackId="s" maxBarSize={48} fill={COLORS.neutral} name="Neutral" />
        <Bar dataKey="negative" stackId="s" maxBarSize={48} fill={COLORS.negative} name="Negative" />
      </BarChart>
    </ChartFrame>
  );
}

export function RatingDistribution({ summary }: { summary: Summary }) {
  const data = ratingSeries(summary.ratings);
  return (
    <ChartFrame title="Rating distribution" empty={data.every((d) => d.calls === 0)}>
      <BarChart data={data}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="rating" fontSize={12} />
        <YAxis allowDecimals={false} fontSize={12} />
        <Tooltip />
        <Bar dataKey="calls" fill={COLORS.bar} name="Calls" maxBarSize={40} />
      </BarChart>
    </ChartFrame>
  );
}

export function TopReasons({ summary }: { summary: Summary }) {
  const data = summary.top_reasons.map((r) => ({ label: r.label, calls: r.calls }));
  return (
    <ChartFrame title="Top call reasons" empty={data.length === 0}>
      <BarChart data={data} layout="vertical" margin={{ left: 24 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" allowDecimals={false} fontSize={12} />
        <YAxis type="category" dataKey="label" width={130} fontSize={12} />
        <Tooltip />
        <Bar dataKey="calls" fill={COLORS.bar} name="Calls" maxBarSize={40} />
      </BarChart>
    </ChartFrame>
  );
}

export function TopProducts({ summary }: { summary: Summary }) {
  const data = summary.top_products.map((p) => ({ label: p.name ?? `#${p.product_id}`, calls: p.calls }));
  return (
    <ChartFrame title="Top products in question" empty={data.length === 0}>
      <BarChart data={data} layout="vertical" margin={{ left: 24 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" allowDecimals={false} fontSize={12} />
        <YAxis type="category" dataKey="label" width={150} fontSize={12} />
        <Tooltip />
        <Bar dataKey="calls" fill={COLORS.positive} name="Calls" maxBarSize={40} />
      </BarChart>
    </ChartFrame>
  );
}

export function Outcomes({ summary }: { summary: Summary }) {
  const data = resolutionSeries(summary.resolution);
  return (
    <ChartFrame title="Outcomes (resolved, unresolved, escalated)" empty={data.every((d) => d.calls === 0)}>
      <BarChart data={data}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" fontSize={12} />
        <YAxis allowDecimals={false} fontSize={12} />
        <Tooltip />
        <Bar dataKey="calls" name="Calls" maxBarSize={48}>
          {data.map((d) => (
            <Cell key={d.resolution} fill={OUTCOME_COLORS[d.resolution]} />
          ))}
        </Bar>
      </BarChart>
    </ChartFrame>
  );
}
