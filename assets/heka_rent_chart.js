// The rent page's bar chart (heka_app/components/rent_chart.py), in two steps. This small
// module loads after the page has mounted and watches the chart's box; recharts (~110 KB
// gz, heka_rent_chart_bars.js) loads only when the box comes within 400 px of the screen.
// On a phone the chart is below "How to pay", so opening /rent no longer downloads and
// runs recharts before the tenant scrolls (issue 9). The box keeps the chart's height.
import { createElement as h, useEffect, useRef, useState } from "react";

let loaded = null; // HekaRentBars once imported, for every later mount

function importBars() {
  return import("./heka_rent_chart_bars.js").then((mod) => {
    loaded = mod.HekaRentBars;
    return loaded;
  });
}

export function HekaRentChart(props) {
  const box = useRef(null);
  const [Bars, setBars] = useState(() => loaded);
  useEffect(() => {
    if (Bars) return undefined;
    const show = () => importBars().then((bars) => setBars(() => bars));
    if (typeof IntersectionObserver === "undefined") {
      show();
      return undefined;
    }
    const near = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          near.disconnect();
          show();
        }
      },
      { rootMargin: "400px 0px" },
    );
    near.observe(box.current);
    return () => near.disconnect();
  }, [Bars]);
  return h("div", { ref: box, style: { height: props.height } }, Bars ? h(Bars, props) : null);
}
