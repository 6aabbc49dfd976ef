"""Body-weight history."""
from __future__ import annotations

from flask.views import MethodView

from foodca import weights
from foodca.api.blueprint import Blueprint
from foodca.api.context import current_user, db
from foodca.api.resources.fields import ID
from foodca.api.resources.weights.schemas import WeightCreateSchema, WeightQueryArgsSchema, WeightSchema

blp = Blueprint("weights", __name__, url_prefix="/api/v1/weights", description="Body weight")


@blp.route("")
class WeightViews(MethodView):
    @blp.arguments(WeightQueryArgsSchema, location="query")
    @blp.response(200, WeightSchema(many=True))
    def get(self, args):
        """List weight entries, oldest first, optionally between two local days."""
        return weights.list_weights(session=db(), user=current_user(), first_day=args.get("from_"),
                                    last_day=args.get("to"))

    @blp.arguments(WeightCreateSchema)
    @blp.response(201, WeightSchema)
    def post(self, args):
        """Add a weight entry; the newest entry becomes the profile's weight."""
        session = db()
        entry = weights.add_weight(session=session, user=current_user(), weight_kg=args["weight_kg"],
                                   measured_at=args.get("measured_at"))
        session.commit()
        return entry


@blp.route(f"/<{ID}:weight_id>")
class WeightByIdViews(MethodView):
    @blp.response(204)
    def delete(self, weight_id):
        """Delete a weight entry."""
        session = db()
        weights.delete_weight(session=session, user=current_user(), weight_id=weight_id)
        session.commit()
