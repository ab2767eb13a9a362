"""The auditors' pages, one module per task: the overview of sites and stands, trends,
the league table, a site with its findings and reviews, stand certification and its
checklist, and what every page shares (layout)."""

from kiosk.audit.views import (  # noqa: F401 - importing a view module registers it
    checklist,
    findings,
    layout,
    league,
    overview,
    reviews,
    sites,
    stands,
    trends,
)
