"use client";

import dynamic from "next/dynamic";

// Recharts 3 draws nothing on the server (its server render is an empty box), so it is not run there at all: the
// charts load in the browser, in a box of their final height so nothing moves when they appear.
const placeholder = () => <div aria-hidden className="h-60 w-full max-w-[640px] rounded bg-slate-50" />;

export const FunnelChart = dynamic(() => import("./charts").then((charts) => charts.FunnelChart), {
  ssr: false,
  loading: placeholder,
});
export const RatesOverTimeChart = dynamic(() => import("./charts").then((charts) => charts.RatesOverTimeChart), {
  ssr: false,
  loading: placeholder,
});
export const SlotOutcomesChart = dynamic(() => import("./charts").then((charts) => charts.SlotOutcomesChart), {
  ssr: false,
  loading: placeholder,
});
export const AnswerRateChart = dynamic(() => import("./charts").then((charts) => charts.AnswerRateChart), {
  ssr: false,
  loading: placeholder,
});
