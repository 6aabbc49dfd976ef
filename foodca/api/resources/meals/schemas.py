"""Schemas of /api/v1/meals."""
from __future__ import annotations

import marshmallow as ma
from marshmallow import ValidationError, validate, validates_schema

from foodca.api.resources.fields import Day, Grams, Moment, NutrientsSchema
from foodca.meals import MAX_ITEMS_PER_MEAL, MEAL_TYPES

MAX_TEXT = 1000


def FoodId(**kwargs) -> ma.fields.Integer:  # noqa: N802 (a field factory)
    return ma.fields.Integer(strict=True, validate=validate.Range(1, 2**31 - 1), **kwargs)


def MealType(**kwargs) -> ma.fields.String:  # noqa: N802
    return ma.fields.String(validate=validate.OneOf(MEAL_TYPES), **kwargs)


class MealItemSchema(NutrientsSchema):
    """A logged food with its nutrients as computed when it was logged (or last edited)."""

    id = ma.fields.Integer(required=True)
    position = ma.fields.Integer(required=True)
    said = ma.fields.String(allow_none=True, required=True)
    status = ma.fields.String(required=True, metadata={"description": "matched | unmatched"})
    food_id = ma.fields.Integer(allow_none=True, required=True)
    source = ma.fields.String(allow_none=True, required=True)
    source_id = ma.fields.String(allow_none=True, required=True)
    food_name = ma.fields.String(allow_none=True, required=True)
    grams = ma.fields.Float(allow_none=True, required=True)
    basis = ma.fields.String(allow_none=True, required=True)


class MealSchema(ma.Schema):
    id = ma.fields.Integer(required=True)
    eaten_at = ma.fields.DateTime(required=True, metadata={"description": "in the user's time zone"})
    local_date = ma.fields.Date(required=True)
    meal_type = ma.fields.String(required=True)
    text = ma.fields.String(allow_none=True, required=True)
    parser = ma.fields.String(allow_none=True, required=True)
    favourite = ma.fields.Boolean(required=True)
    items = ma.fields.List(ma.fields.Nested(MealItemSchema), required=True)
    totals = ma.fields.Nested(NutrientsSchema, required=True)


class MealListSchema(ma.Schema):
    meals = ma.fields.List(ma.fields.Nested(MealSchema), required=True)
    total = ma.fields.Integer(required=True)
    limit = ma.fields.Integer(required=True)
    offset = ma.fields.Integer(required=True)


class MealTextSchema(ma.Schema):
    text = ma.fields.String(required=True, validate=validate.Length(1, MAX_TEXT),
                            metadata={"example": "一个馒头，两个鸡蛋，一杯羊奶"})


class ParsedFoodSchema(ma.Schema):
    id = ma.fields.Integer(required=True)
    source = ma.fields.String(required=True)
    source_id = ma.fields.String(required=True)
    name = ma.fields.String(required=True)


class AlternativeSchema(ParsedFoodSchema):
    name_zh = ma.fields.String(allow_none=True)
    data_type = ma.fields.String()
    score = ma.fields.Float()


class ParsedItemSchema(NutrientsSchema):
    """One item as `foodca parse --jsonl` gives it, with alternatives the app may offer."""

    said = ma.fields.String(allow_none=True, required=True)
    name = ma.fields.String(allow_none=True, required=True)
    status = ma.fields.String(required=True)
    food = ma.fields.Nested(ParsedFoodSchema, allow_none=True, required=True)
    grams = ma.fields.Float(allow_none=True, required=True)
    basis = ma.fields.String(allow_none=True, required=True)
    score = ma.fields.Float(required=True)
    edible_grams = ma.fields.Float(metadata={"description": "grams of the edible part when a bought weight was said"})
    alternatives = ma.fields.List(ma.fields.Nested(AlternativeSchema), required=True)


class ParsedMealSchema(ma.Schema):
    parser = ma.fields.String(required=True, metadata={"description": "offline or the model that split the text"})
    items = ma.fields.List(ma.fields.Nested(ParsedItemSchema), required=True)
    totals = ma.fields.Nested(NutrientsSchema, required=True)


class FoodChoiceSchema(ma.Schema):
    """A food picked by id (from a parse's alternatives, a search, recents) and its grams."""

    food_id = FoodId(required=True)
    grams = Grams(required=True)
    said = ma.fields.String(validate=validate.Length(max=200))


class MealCreateSchema(ma.Schema):
    text = ma.fields.String(validate=validate.Length(1, MAX_TEXT))
    items = ma.fields.List(ma.fields.Nested(FoodChoiceSchema), validate=validate.Length(1, MAX_ITEMS_PER_MEAL))
    eaten_at = Moment(metadata={"description": "ISO 8601 with an offset; default now"})
    meal_type = MealType(metadata={"description": "default from the user's local time"})

    @validates_schema
    def text_or_items(self, data, **_kwargs):
        if ("text" in data) == ("items" in data):
            raise ValidationError("give either text or items", "_schema")


class MealPatchSchema(ma.Schema):
    eaten_at = Moment()
    meal_type = MealType()
    favourite = ma.fields.Boolean()


class MealCopySchema(ma.Schema):
    eaten_at = Moment(metadata={"description": "default now"})
    meal_type = MealType(metadata={"description": "default: the original's, or from the local time of eaten_at"})


class ItemCreateSchema(ma.Schema):
    """Either text to analyse (its items are appended) or a food and grams."""

    text = ma.fields.String(validate=validate.Length(1, MAX_TEXT))
    food_id = FoodId()
    grams = Grams()
    said = ma.fields.String(validate=validate.Length(max=200))

    @validates_schema
    def text_or_food(self, data, **_kwargs):
        if "text" in data:
            if {"food_id", "grams", "said"} & data.keys():
                raise ValidationError("give either text or food_id and grams", "_schema")
        elif not {"food_id", "grams"} <= data.keys():
            raise ValidationError("give text, or food_id and grams", "_schema")


class ItemPatchSchema(ma.Schema):
    grams = Grams()
    food_id = FoodId(metadata={"description": "another food, e.g. one of the alternatives; grams are kept"})

    @validates_schema
    def something(self, data, **_kwargs):
        if not data:
            raise ValidationError("give grams, food_id or both", "_schema")


class MealQueryArgsSchema(ma.Schema):
    date = Day(metadata={"description": "one local day (YYYY-MM-DD)"})
    from_ = Day(data_key="from", metadata={"description": "first local day, inclusive"})
    to = Day(metadata={"description": "last local day, inclusive"})
    limit = ma.fields.Integer(load_default=50, validate=validate.Range(1, 200))
    offset = ma.fields.Integer(load_default=0, validate=validate.Range(0, 1_000_000))

    @validates_schema
    def one_period(self, data, **_kwargs):
        if "date" in data and ({"from_", "to"} & data.keys()):
            raise ValidationError("give date, or from and to", "_schema")
        if "from_" in data and "to" in data and data["to"] < data["from_"]:
            raise ValidationError("must not be before from", "to")


class FrequentMealSchema(ma.Schema):
    times = ma.fields.Integer(required=True, metadata={"description": "how often this text was logged"})
    meal = ma.fields.Nested(MealSchema, required=True, metadata={"description": "the latest of them; copy it"})


class RecentFoodSchema(ma.Schema):
    food_id = ma.fields.Integer(required=True)
    food_name = ma.fields.String(allow_none=True, required=True)
    source = ma.fields.String(allow_none=True, required=True)
    source_id = ma.fields.String(allow_none=True, required=True)
    times = ma.fields.Integer(required=True)
    last_eaten_at = ma.fields.DateTime(required=True)
    usual_grams = ma.fields.Float(allow_none=True, required=True)


class RecentFoodQueryArgsSchema(ma.Schema):
    limit = ma.fields.Integer(load_default=20, validate=validate.Range(1, 100))
