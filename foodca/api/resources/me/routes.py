"""The signed-in user: profile, targets, export, account deletion."""
from __future__ import annotations

from flask.views import MethodView

from foodca import accounts, meals, reviews, weights
from foodca.api.blueprint import Blueprint
from foodca.api.context import current_user, db, settings
from foodca.api.resources.me.schemas import ExportSchema, MePatchSchema, MeSchema
from foodca.quotas import daily_quota, model_parses_today
from foodca.summaries import user_targets

blp = Blueprint("me", __name__, url_prefix="/api/v1/me", description="The signed-in user")


def me_view(user) -> dict:
    return {**user.model_dump(), "targets": user_targets(user, accounts.local_today(user)),
            "model_parses_today": model_parses_today(session=db(), user=user),
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
        accounts.update_profile(session=session, user=user, changes=args)
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
                "meals": meals.meal_views(session=session, user=user,
                                          meals=meals.user_meals(session=session, user=user)),
                "reviews": reviews.list_reviews(session=session, user=user)}
