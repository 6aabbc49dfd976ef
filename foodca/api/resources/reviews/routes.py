"""Daily reviews: written each night at the user's review hour, or now on request (once a day)."""
from __future__ import annotations

from datetime import date

from flask import current_app
from flask.views import MethodView

from foodca import reviews
from foodca.api.blueprint import Blueprint
from foodca.api.context import current_user, db, settings
from foodca.api.resources.fields import validate_day
from foodca.api.resources.reviews.schemas import ReviewListSchema, ReviewSchema
from foodca.api.resources.summary.schemas import RangeQueryArgsSchema
from foodca.errors import NotFound

blp = Blueprint("reviews", __name__, url_prefix="/api/v1/reviews", description="Daily reviews")


def day_of(text: str) -> date:
    """A YYYY-MM-DD path segment; anything else names no review."""
    try:
        day = date.fromisoformat(text)
        validate_day(day)
    except ValueError:
        raise NotFound(f"no review of {text[:20]!r}") from None
    return day


@blp.route("")
class ReviewViews(MethodView):
    @blp.arguments(RangeQueryArgsSchema, location="query")
    @blp.response(200, ReviewListSchema)
    def get(self, args):
        """The reviews of local days `from`..`to`, oldest first."""
        found = reviews.list_reviews(session=db(), user=current_user(), start=args["from_"], end=args["to"])
        return {"reviews": found}


@blp.route("/<string:day>")
class ReviewByDateViews(MethodView):
    @blp.response(200, ReviewSchema)
    def get(self, day):
        """The review of a local day (YYYY-MM-DD)."""
        return reviews.get_review(session=db(), user=current_user(), day=day_of(day))


@blp.route("/<string:day>/generate")
class ReviewGenerateViews(MethodView):
    @blp.response(201, ReviewSchema)
    @blp.alt_response(409, response="CONFLICT")
    @blp.alt_response(422, response="UNPROCESSABLE_ENTITY")
    def post(self, day):
        """Write the review of a local day now; once a day, and a model review counts against the model quota.

        409 when the day has a review already (the nightly one included); 422 for a day that has not come or
        has no meals.
        """
        return reviews.generate_review(session=db(), engine=current_app.extensions["foodca_engine"],
                                       settings=settings(), user=current_user(), day=day_of(day))
