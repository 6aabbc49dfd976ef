"""Schemas of /api/v1/summary."""
from __future__ import annotations

import marshmallow as ma
from marshmallow import ValidationError, validates_schema

from foodca.api.resources.fields import Day, NutrientsSchema
from foodca.api.resources.me.schemas import TargetsSchema
from foodca.meals import MEAL_TYPES
from foodca.summaries import MAX_RANGE_DAYS

RemainingSchema = ma.Schema.from_dict(
    {name: ma.fields.Float(allow_none=True, required=True) for name in ("energy_kcal", "protein_g", "fat_g", "carb_g")},
    name="RemainingSchema")
ByMealTypeSchema = ma.Schema.from_dict(
    {name: ma.fields.Nested(NutrientsSchema, required=True) for name in MEAL_TYPES}, name="ByMealTypeSchema")


class DayQueryArgsSchema(ma.Schema):
    date = Day(metadata={"description": "the user's local day; default today"})


class RangeQueryArgsSchema(ma.Schema):
    from_ = Day(data_key="from", required=True)
    to = Day(required=True)

    @validates_schema
    def at_most_a_year(self, data, **_kwargs):
        if {"from_", "to"} <= data.keys():
            if data["to"] < data["from_"]:
                raise ValidationError("must not be before from", "to")
            if (data["to"] - data["from_"]).days + 1 > MAX_RANGE_DAYS:
                raise ValidationError(f"at most {MAX_RANGE_DAYS} days", "to")


class DaySummarySchema(ma.Schema):
    date = ma.fields.Date(required=True)
    timezone = ma.fields.String(required=True)
    meal_count = ma.fields.Integer(required=True)
    totals = ma.fields.Nested(NutrientsSchema, required=True)
    by_meal_type = ma.fields.Nested(ByMealTypeSchema, required=True)
    targets = ma.fields.Nested(TargetsSchema, required=True)
    remaining = ma.fields.Nested(RemainingSchema, required=True,
                                 metadata={"description": "target − eaten; negative when over; null without a target"})


class DayTotalsSchema(ma.Schema):
    date = ma.fields.Date(required=True)
    meal_count = ma.fields.Integer(required=True)
    totals = ma.fields.Nested(NutrientsSchema, required=True)


class RangeSummarySchema(ma.Schema):
    from_ = ma.fields.Date(data_key="from", attribute="from", required=True)
    to = ma.fields.Date(required=True)
    timezone = ma.fields.String(required=True)
    targets = ma.fields.Nested(TargetsSchema, required=True)
    days = ma.fields.List(ma.fields.Nested(DayTotalsSchema), required=True)
