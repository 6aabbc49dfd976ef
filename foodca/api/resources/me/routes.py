"""The signed-in user: profile, targets, export, account deletion."""
from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from foodca import accounts, meals, reviews, weights
from foodca.api.context import current_user, db, settings
from foodca.api.resources.me.schemas import ExportSchema, MePatchSchema, MeSchema
from foodca.models import ModelParseCount
from foodca.quotas import daily_quota
from foodca.summaries import user_targets

blp = Blueprint("me", __name__, url_prefix="/api/v1/me", description="The signed-in user")


def me_view(user) -> dict:
    session = db()
    today = accounts.local_today(user)
    counted = session.get(ModelParseCount, (user.id, today))
    return {**user.model_dump(), "targets": user_targets(user, today),
            "model_parses_today": counted.count if counted else 0,
            "model_parses_per_day": daily_quota(settings(), user)}


@blp.route("")
class MeViews(MethodView):
    @blp.response(200, MeSchema)
    def get(self):
        """The profile, plan and daily targets (own, else computed with Mifflin-St Jeor)."""
        return me_view(current_user())

    @blp.arguments(MePatchSchema)
    @blp.response(200, MeSchema)
    def patch(self, args):
        """Change the profile; `targets` sets own targets (null: computed again)."""
        session, user = db(), current_user()
        for name, value in args.pop("targets", {}).items():
            setattr(user, f"target_{name}", value)
        for name, value in args.items():
            setattr(user, name, value)
        session.add(user)
        session.commit()
        return me_view(user)

    @blp.response(204)
    def delete(self):
        """Delete the account and every row of its data; its tokens stop working."""
        session = db()
        accounts.delete_user(session=session, user=current_user())
        session.commit()


@blp.route("/export")
class ExportViews(MethodView):
    @blp.response(200, ExportSchema)
    def get(self):
        """All of the user's data as JSON."""
        session, user = db(), current_user()
        return {"user": me_view(user), "weights": weights.list_weights(session=session, user=user),
                "meals": [meals.meal_view(session=session, user=user, meal=meal) for meal in meals.user_meals(session=session, user=user)],
                "reviews": reviews.list_reviews(session=session, user=user)}
