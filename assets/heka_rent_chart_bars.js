// The rent page's bar chart (heka_app/components/rent_chart.py): its own lazy chunk, so
// recharts (~110 KB gz) loads only when the rent page renders the chart, after the page
// itself has painted. Bars: charged and paid euros a month.
import { createElement as h } from "react";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

export function HekaRentChart({ data, chargedLabel, paidLabel, height }) {
  return h(
    ResponsiveContainer,
    { width: "100%", height },
    h(
      BarChart,
      { data },
      h(CartesianGrid, { strokeDasharray: "3 3" }),
      h(XAxis, { dataKey: "month" }),
      h(YAxis, { unit: " €" }),
      h(Tooltip, null),
      h(Legend, null),
      h(Bar, { dataKey: "charges", name: chargedLabel, fill: "#b45309", isAnimationActive: false }),
      h(Bar, { dataKey: "paid", name: paidLabel, fill: "#0f766e", isAnimationActive: false }),
    ),
  );
}
