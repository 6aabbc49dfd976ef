"""Summaries for the app's day view and charts."""
from __future__ import annotations

from flask.views import MethodView

from foodca.accounts import local_today
from foodca.api.blueprint import Blueprint
from foodca.api.context import current_user, db
from foodca.api.resources.summary.schemas import (
    DayQueryArgsSchema, DaySummarySchema, RangeQueryArgsSchema, RangeSummarySchema,
)
from foodca.summaries import day_summary, range_summary

blp = Blueprint("summary", __name__, url_prefix="/api/v1/summary", description="Summaries")


@blp.route("/day")
class DaySummaryViews(MethodView):
    @blp.arguments(DayQueryArgsSchema, location="query")
    @blp.response(200, DaySummarySchema)
    def get(self, args):
        """A local day: totals, per meal type, targets and what remains."""
        user = current_user()
        return day_summary(session=db(), user=user, day=args.get("date") or local_today(user))


@blp.route("/range")
class RangeSummaryViews(MethodView):
    @blp.arguments(RangeQueryArgsSchema, location="query")
    @blp.response(200, RangeSummarySchema)
    def get(self, args):
        """Per-day totals from `from` to `to` (local days, at most 366) for charts."""
        return range_summary(session=db(), user=current_user(), start=args["from_"], end=args["to"])
