"""The rent page's bar chart, loaded lazily (issue 9).

recharts is about 110 KB gz: imported by the page, it was in the rent route's first-load
JavaScript and parsed before the page could answer a tap. This component loads
``assets/heka_rent_chart.js`` as its own small chunk once the page has mounted
(``rx.NoSSRComponent``: ``ClientSide(() => import(...))``); that module imports the bars
with recharts (``assets/heka_rent_chart_bars.js``) only when the chart comes near the
screen. Its box keeps the chart's height while it loads, so nothing below it moves.
"""

from __future__ import annotations

import reflex as rx

from heka_app.i18n.ui import t
from heka_app.state.rent import RentState

CHART_HEIGHT_PX = 300


class _HekaRentChart(rx.NoSSRComponent):
    """``HekaRentChart`` of assets/heka_rent_chart.js."""

    library = "$/public/heka_rent_chart.js"
    tag = "HekaRentChart"
    # The version rx.recharts pinned (reflex_components_recharts).
    lib_dependencies: list[str] = ["recharts@3.10.1"]  # noqa: RUF012

    # The months of the table (newest first); the bars take short, charges_euros and
    # paid_euros of each, oldest first (a second list for the chart was kept per tab).
    months: rx.Var[list[dict]]
    charged_label: rx.Var[str]
    paid_label: rx.Var[str]
    height: rx.Var[int]


def rent_chart() -> rx.Component:
    """Charged and paid euros a month as bars, in a box of the chart's fixed height."""
    return rx.el.div(
        _HekaRentChart.create(
            months=RentState.months,
            charged_label=t("Charged"),
            paid_label=t("Paid"),
            height=CHART_HEIGHT_PX,
        ),
        class_name="heka-rent-chart-box",  # height: CHART_HEIGHT_PX (assets/heka.css)
    )
