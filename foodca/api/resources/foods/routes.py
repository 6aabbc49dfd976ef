"""Foods of the imported tables: search, details, barcode."""
from __future__ import annotations

from flask.views import MethodView

from foodca import foods
from foodca.api.blueprint import Blueprint
from foodca.api.context import analyser, db
from foodca.api.resources.fields import ID
from foodca.api.resources.foods.schemas import FoodDetailSchema, FoodListSchema, FoodQueryArgsSchema
from foodca.errors import InvalidInput

blp = Blueprint("foods", __name__, url_prefix="/api/v1/foods", description="Food tables")


@blp.route("/search")
class FoodSearchViews(MethodView):
    @blp.arguments(FoodQueryArgsSchema, location="query")
    @blp.response(200, FoodListSchema)
    def get(self, args):
        """Search foods by Chinese or English name: first the food that logging the name would use, then generic
        foods before branded ones; paged."""
        best = analyser().food_for_name(args["q"])
        found, total = foods.search_foods(session=db(), query=args["q"], limit=args["limit"], offset=args["offset"],
                                          best_match=best)
        return {"foods": found, "total": total, "limit": args["limit"], "offset": args["offset"]}


@blp.route(f"/<{ID}:food_id>")
class FoodByIdViews(MethodView):
    @blp.response(200, FoodDetailSchema)
    def get(self, food_id):
        """A food per 100 g, with its portions, source and release."""
        session = db()
        return foods.food_details(session=session, food=foods.get_food(session=session, food_id=food_id))


@blp.route("/barcode/<string(maxlength=14):gtin>")
class FoodByBarcodeViews(MethodView):
    @blp.response(200, FoodDetailSchema)
    def get(self, gtin):
        """A branded food by its barcode (GTIN-8, UPC-A, EAN-13 or GTIN-14)."""
        if not (gtin.isascii() and gtin.isdigit() and len(gtin) >= 8):
            raise InvalidInput("gtin", "a barcode is 8 to 14 digits")
        session = db()
        return foods.food_details(session=session, food=foods.food_by_gtin(session=session, gtin=gtin))
