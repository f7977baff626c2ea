// The rent page's bars (heka_app/components/rent_chart.py): with recharts (~110 KB gz) its
// own chunk, which heka_rent_chart.js imports when the chart comes near the screen.
// Bars: charged and paid euros a month, from the months of the table beside the chart
// (newest first, as the server sends them once for both: issue 15, no second copy per tab).
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

export function HekaRentBars({ months, chargedLabel, paidLabel, height }) {
  const data = (months || [])
    .map((m) => ({ month: m.short, charges: m.charges_euros, paid: m.paid_euros }))
    .reverse();
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
