"""Schemas of /api/v1/me."""
from __future__ import annotations

from datetime import date

import marshmallow as ma
from marshmallow import ValidationError, validate

from foodca.api.resources.fields import validate_timezone
from foodca.api.resources.meals.schemas import MealSchema
from foodca.api.resources.reviews.schemas import ReviewSchema
from foodca.api.resources.weights.schemas import WeightSchema
from foodca.nutrition.targets import ACTIVITY_FACTORS, GOALS


def _validate_birth_year(value: int) -> None:
    if not 1900 <= value <= date.today().year - 5:
        raise ValidationError(f"must be between 1900 and {date.today().year - 5}")


class TargetsSchema(ma.Schema):
    energy_kcal = ma.fields.Float(allow_none=True, required=True)
    protein_g = ma.fields.Float(allow_none=True, required=True)
    fat_g = ma.fields.Float(allow_none=True, required=True)
    carb_g = ma.fields.Float(allow_none=True, required=True)
    source = ma.fields.String(allow_none=True, required=True,
                              metadata={"description": "user: set by the user; computed: Mifflin-St Jeor; null: "
                                                       "profile incomplete"})


class TargetsPatchSchema(ma.Schema):
    """Own daily targets; null goes back to the computed value."""

    energy_kcal = ma.fields.Float(allow_none=True, validate=validate.Range(500, 10000))
    protein_g = ma.fields.Float(allow_none=True, validate=validate.Range(0, 1000))
    fat_g = ma.fields.Float(allow_none=True, validate=validate.Range(0, 1000))
    carb_g = ma.fields.Float(allow_none=True, validate=validate.Range(0, 2000))


class ProfileFieldsSchema(ma.Schema):
    timezone = ma.fields.String(validate=validate_timezone, metadata={"example": "Asia/Shanghai"})
    locale = ma.fields.String(validate=validate.OneOf(["zh-CN", "en"]))
    sex = ma.fields.String(allow_none=True, validate=validate.OneOf(["female", "male"]))
    birth_year = ma.fields.Integer(allow_none=True, validate=_validate_birth_year)
    height_cm = ma.fields.Float(allow_none=True, validate=validate.Range(50, 272))
    weight_kg = ma.fields.Float(allow_none=True, validate=validate.Range(20, 500))
    activity_level = ma.fields.String(allow_none=True, validate=validate.OneOf(list(ACTIVITY_FACTORS)))
    goal = ma.fields.String(allow_none=True, validate=validate.OneOf(GOALS))
    goal_rate_kg_per_week = ma.fields.Float(allow_none=True, validate=validate.Range(0, 1))


class MePatchSchema(ProfileFieldsSchema):
    targets = ma.fields.Nested(TargetsPatchSchema)


class MeSchema(ProfileFieldsSchema):
    id = ma.fields.Integer(required=True)
    email = ma.fields.String(allow_none=True, required=True)
    plan = ma.fields.String(required=True)
    targets = ma.fields.Nested(TargetsSchema, required=True)
    model_parses_today = ma.fields.Integer(required=True)
    model_parses_per_day = ma.fields.Integer(required=True)
    created_at = ma.fields.DateTime(required=True)


class ExportSchema(ma.Schema):
    """Everything stored about the user."""

    user = ma.fields.Nested(MeSchema, required=True)
    weights = ma.fields.List(ma.fields.Nested(WeightSchema), required=True)
    meals = ma.fields.List(ma.fields.Nested(MealSchema), required=True)
    reviews = ma.fields.List(ma.fields.Nested(ReviewSchema), required=True)
