"""Figures built on the server as plain Plotly JSON (rendered by plotly.js served from the package)."""

from __future__ import annotations

from django.utils.translation import gettext as _


def filings_figure(filings: list, first_year: int, last_year: int) -> dict | None:
    """Income and expenses per reporting year; years without a filing show as gaps."""
    if not filings:
        return None
    by_year = {f.year: f for f in filings}
    years = list(range(first_year, last_year + 1))
    income = [float(by_year[y].income) if y in by_year and by_year[y].income is not None else None for y in years]
    expenses = [float(by_year[y].expenses) if y in by_year and by_year[y].expenses is not None else None
                for y in years]
    missing = [y for y in years if y not in by_year]
    late = [y for y in years if y in by_year and by_year[y].on_time is False]
    figure = {
        "data": [
            {"type": "bar", "name": _("Income"), "x": years, "y": income, "marker": {"color": "#1f6f8b"},
             "hovertemplate": "%{x}: %{y:,.0f} ₸<extra></extra>"},
            {"type": "bar", "name": _("Expenses"), "x": years, "y": expenses, "marker": {"color": "#e07a1f"},
             "hovertemplate": "%{x}: %{y:,.0f} ₸<extra></extra>"},
            {"type": "scatter", "mode": "markers", "name": _("No filing"), "x": missing, "y": [0] * len(missing),
             "marker": {"symbol": "x", "size": 11, "color": "#b00020"}, "hovertemplate": "%{x}<extra></extra>"},
        ],
        "layout": {
            "barmode": "group", "height": 320, "margin": {"l": 70, "r": 10, "t": 10, "b": 40},
            "xaxis": {"dtick": 1, "title": {"text": _("Reporting year")}},
            "yaxis": {"title": {"text": _("KZT")}, "rangemode": "tozero"},
            "legend": {"orientation": "h", "y": -0.25},
            "annotations": [
                {"x": y, "y": 0, "text": _("late"), "showarrow": False, "yshift": -12, "font": {"size": 10}}
                for y in late
            ],
        },
    }
    return figure
