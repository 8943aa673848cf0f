"use client";

import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import type { AnalyticsReport } from "@/lib/analytics/read-analytics";

// Recharts 3 draws only in the browser (lazy-charts.tsx loads these there), so every chart sits beside a table
// with the same figures, rendered on the server: the page reads without JavaScript and to a screen reader.
const HEIGHT = 240;
const STYLE = { width: "100%", maxWidth: 640, height: HEIGHT };
const percent = (value: unknown) => (typeof value === "number" ? `${Math.round(value * 100)}%` : "—");

const COLOURS = {
  called: "#64748b",
  reached: "#0284c7",
  confirmed: "#059669",
  attended: "#0f766e",
  declined: "#e11d48",
  noAnswer: "#ea580c",
  unresolved: "#94a3b8",
  noShow: "#be123c",
};

export function FunnelChart({ funnel }: { funnel: AnalyticsReport["funnel"] }) {
  const data = [
    { step: "Called", count: funnel.called },
    { step: "Reached", count: funnel.reached },
    { step: "Confirmed", count: funnel.confirmed },
    { step: "Attended", count: funnel.attended },
  ];
  return (
    <BarChart responsive style={STYLE} data={data} layout="vertical" margin={{ left: 8, right: 24 }}>
      <CartesianGrid horizontal={false} stroke="#e2e8f0" />
      <XAxis type="number" allowDecimals={false} fontSize={12} />
      <YAxis type="category" dataKey="step" width={80} fontSize={12} />
      <Tooltip />
      <Bar dataKey="count" name="Candidates" fill={COLOURS.reached} isAnimationActive={false} />
    </BarChart>
  );
}

/** `zoneLabel`: the zone whose days the buckets are, named in the tooltip. */
export function RatesOverTimeChart({ overTime, zoneLabel }: { overTime: AnalyticsReport["overTime"]; zoneLabel: string }) {
  return (
    <LineChart responsive style={STYLE} data={overTime} margin={{ left: 0, right: 16 }}>
      <CartesianGrid stroke="#e2e8f0" />
      <XAxis dataKey="bucket" fontSize={11} tickFormatter={(value: string) => value.slice(5)} minTickGap={16} />
      <YAxis domain={[0, 1]} tickFormatter={percent} fontSize={12} width={44} />
      <Tooltip formatter={percent} labelFormatter={(bucket) => `${String(bucket)} (${zoneLabel})`} />
      <Legend wrapperStyle={{ fontSize: 12 }} />
      <Line
        dataKey="confirmationRate"
        name="Confirmation rate"
        stroke={COLOURS.confirmed}
        connectNulls
        isAnimationActive={false}
      />
      <Line dataKey="noShowRate" name="No-show rate" stroke={COLOURS.noShow} connectNulls isAnimationActive={false} />
    </LineChart>
  );
}

/** `zoneLabel`: the zone the slot times are in, named in the tooltip. */
export function SlotOutcomesChart({ bySlot, zoneLabel }: { bySlot: AnalyticsReport["bySlot"]; zoneLabel: string }) {
  return (
    <BarChart responsive style={STYLE} data={bySlot} margin={{ left: 0, right: 16 }}>
      <CartesianGrid vertical={false} stroke="#e2e8f0" />
      <XAxis dataKey="time" fontSize={11} />
      <YAxis allowDecimals={false} fontSize={12} width={40} />
      <Tooltip labelFormatter={(time) => `${String(time)} ${zoneLabel}`} />
      <Legend wrapperStyle={{ fontSize: 12 }} />
      <Bar dataKey="confirmed" name="Confirmed" stackId="a" fill={COLOURS.confirmed} isAnimationActive={false} />
      <Bar dataKey="declined" name="Declined" stackId="a" fill={COLOURS.declined} isAnimationActive={false} />
      <Bar dataKey="noAnswer" name="No answer" stackId="a" fill={COLOURS.noAnswer} isAnimationActive={false} />
      <Bar dataKey="unresolved" name="Unresolved" stackId="a" fill={COLOURS.unresolved} isAnimationActive={false} />
    </BarChart>
  );
}

export function AnswerRateChart({ hours }: { hours: AnalyticsReport["answerRateByHour"] }) {
  return (
    <BarChart responsive style={STYLE} data={hours} margin={{ left: 0, right: 16 }}>
      <CartesianGrid vertical={false} stroke="#e2e8f0" />
      <XAxis dataKey="hour" fontSize={11} tickFormatter={(hour: number) => String(hour).padStart(2, "0")} interval={2} />
      <YAxis domain={[0, 1]} tickFormatter={percent} fontSize={12} width={44} />
      <Tooltip formatter={percent} labelFormatter={(hour) => `${String(hour).padStart(2, "0")}:00, candidate's time`} />
      <Bar dataKey="rate" name="Answer rate" fill={COLOURS.reached} isAnimationActive={false} />
    </BarChart>
  );
}
