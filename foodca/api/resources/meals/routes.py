"""The meal log: parse (preview), log, list, edit, copy, favourites and recent foods."""
from __future__ import annotations

from flask import current_app
from flask.views import MethodView

from foodca import meals, metrics
from foodca.accounts import local_today
from foodca.api.blueprint import Blueprint
from foodca.api.context import analyser, current_user, db, settings
from foodca.api.resources.fields import ID
from foodca.api.resources.meals.schemas import (
    FrequentMealSchema, ItemCreateSchema, ItemPatchSchema, MealCopySchema, MealCreateSchema, MealListSchema,
    MealPatchSchema, MealQueryArgsSchema, MealSchema, MealTextSchema, ParsedMealSchema, RecentFoodQueryArgsSchema,
    RecentFoodSchema,
)
from foodca.errors import InvalidInput
from foodca.quotas import take_model_parse

blp = Blueprint("meals", __name__, url_prefix="/api/v1/meals", description="The meal log")


def analyse(text: str, field: str = "text") -> dict:
    """Analyse with the model while the user's daily quota lasts, else with the offline parser."""
    session, user = db(), current_user()
    use_model = take_model_parse(session=session, settings=settings(), user=user)
    if use_model:
        # Commit the count now: no write transaction (a lock, with SQLite) may stay open while the model answers.
        session.commit()
    elif settings().llm_providers:
        metrics.parser_fallbacks.labels("over_quota").inc()
    result = analyser().analyse(text, use_model=use_model)
    if not result["items"]:
        raise InvalidInput(field, "no food was found in this text")
    return result


def items_from_text(text: str) -> tuple[list, str]:
    result = analyse(text)
    return [meals.item_from_analysis(entry) for entry in result["items"]], result["parser"]


def view(meal) -> dict:
    return meals.meal_view(session=db(), user=current_user(), meal=meal)


def owned_meal(meal_id: int):
    return meals.get_meal(session=db(), user=current_user(), meal_id=meal_id)


@blp.route("/parse")
class MealParseViews(MethodView):
    @blp.arguments(MealTextSchema)
    @blp.response(200, ParsedMealSchema)
    def post(self, args):
        """Preview what a text would log: items, grams, nutrients, alternatives; nothing is stored."""
        result = analyse(args["text"])
        # The app's hottest call. The analysis already has ParsedMealSchema's shape (the conformance test checks
        # every answer against the spec), so it is encoded as is: marshmallow's dump of five items with five
        # alternatives each cost more than the analysis itself.
        body = {"parser": result["parser"], "items": result["items"], "totals": result["totals"]}
        return current_app.response_class(current_app.json.dumps(body), mimetype="application/json")


@blp.route("")
class MealViews(MethodView):
    @blp.arguments(MealQueryArgsSchema, location="query")
    @blp.response(200, MealListSchema)
    def get(self, args):
        """List meals of a local day (`date`, default today) or of `from`..`to`, newest first, paged."""
        user, today = current_user(), local_today(current_user())
        if "date" in args:
            start = end = args["date"]
        else:
            start = args.get("from_", args.get("to", today))
            end = args.get("to", max(start, today))
        found, total = meals.list_meals(session=db(), user=user, start=start, end=end, limit=args["limit"],
                                        offset=args["offset"])
        return {"meals": meals.meal_views(session=db(), user=user, meals=found), "total": total,
                "limit": args["limit"], "offset": args["offset"]}

    @blp.arguments(MealCreateSchema)
    @blp.response(201, MealSchema)
    def post(self, args):
        """Log a meal from text (analysed now) or from chosen foods; each item keeps a snapshot of its nutrients."""
        session, user = db(), current_user()
        if "text" in args:
            items, parser = items_from_text(args["text"])
        else:
            items = [meals.item_for_food(session=session, **choice) for choice in args["items"]]
            parser = None
        meal = meals.create_meal(session=session, user=user, items=items, eaten_at=args.get("eaten_at"),
                                 meal_type=args.get("meal_type"), text=args.get("text"), parser=parser)
        session.commit()
        return view(meal)


@blp.route(f"/<{ID}:meal_id>")
class MealByIdViews(MethodView):
    @blp.response(200, MealSchema)
    def get(self, meal_id):
        """One meal with its items and totals."""
        return view(owned_meal(meal_id))

    @blp.arguments(MealPatchSchema)
    @blp.response(200, MealSchema)
    def patch(self, args, meal_id):
        """Change when a meal was eaten, its type, or whether it is a favourite."""
        session = db()
        meal = meals.update_meal(session=session, user=current_user(), meal=owned_meal(meal_id), changes=args)
        session.commit()
        return view(meal)

    @blp.response(204)
    def delete(self, meal_id):
        """Delete a meal and its items."""
        session = db()
        meals.delete_meal(session=session, meal=owned_meal(meal_id))
        session.commit()


@blp.route(f"/<{ID}:meal_id>/items")
class MealItemViews(MethodView):
    @blp.arguments(ItemCreateSchema)
    @blp.response(201, MealSchema)
    def post(self, args, meal_id):
        """Add items to a meal: text to analyse, or a food and its grams. Returns the meal."""
        session = db()
        meal = owned_meal(meal_id)
        if "text" in args:
            items, _parser = items_from_text(args["text"])
        else:
            items = [meals.item_for_food(session=session, **args)]
        meals.add_items(session=session, meal=meal, items=items)
        session.commit()
        return view(meal)


@blp.route(f"/<{ID}:meal_id>/items/<{ID}:item_id>")
class MealItemByIdViews(MethodView):
    @blp.arguments(ItemPatchSchema)
    @blp.response(200, MealSchema)
    def patch(self, args, meal_id, item_id):
        """Change an item's grams or food; its nutrients are computed again from the food's current values."""
        session = db()
        meal = owned_meal(meal_id)
        item = meals.get_item(session=session, meal=meal, item_id=item_id)
        meals.update_item(session=session, meal=meal, item=item, grams=args.get("grams"), food_id=args.get("food_id"))
        session.commit()
        return view(meal)

    @blp.response(200, MealSchema)
    def delete(self, meal_id, item_id):
        """Remove an item from a meal (a meal keeps at least one); returns the meal."""
        session = db()
        meal = owned_meal(meal_id)
        meals.delete_item(session=session, meal=meal, item=meals.get_item(session=session, meal=meal, item_id=item_id))
        session.commit()
        return view(meal)


@blp.route(f"/<{ID}:meal_id>/copy")
class MealCopyViews(MethodView):
    @blp.arguments(MealCopySchema)
    @blp.response(201, MealSchema)
    def post(self, args, meal_id):
        """Log the same meal again (same foods, grams and nutrients) at another time."""
        session = db()
        meal = meals.copy_meal(session=session, user=current_user(), meal=owned_meal(meal_id),
                               eaten_at=args.get("eaten_at"), meal_type=args.get("meal_type"))
        session.commit()
        return view(meal)


@blp.route("/favourites")
class FavouriteMealViews(MethodView):
    @blp.response(200, MealSchema(many=True))
    def get(self):
        """Meals marked as favourites (PATCH a meal with favourite: true), newest first."""
        session, user = db(), current_user()
        return meals.meal_views(session=session, user=user, meals=meals.favourite_meals(session=session, user=user))


@blp.route("/frequent")
class FrequentMealViews(MethodView):
    @blp.arguments(RecentFoodQueryArgsSchema, location="query")
    @blp.response(200, FrequentMealSchema(many=True))
    def get(self, args):
        """Meals the user logs often (the same text), to log again in one tap with POST /meals/{id}/copy."""
        session, user = db(), current_user()
        found = meals.frequent_meals(session=session, user=user, limit=args["limit"])
        views = meals.meal_views(session=session, user=user, meals=[meal for _times, meal in found])
        return [{"times": times, "meal": view} for (times, _meal), view in zip(found, views)]


@blp.route("/recent-foods")
class RecentFoodViews(MethodView):
    @blp.arguments(RecentFoodQueryArgsSchema, location="query")
    @blp.response(200, RecentFoodSchema(many=True))
    def get(self, args):
        """Foods the user logs most often, to log again in one tap."""
        return meals.recent_foods(session=db(), user=current_user(), limit=args["limit"])
