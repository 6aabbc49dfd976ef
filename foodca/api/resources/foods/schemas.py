"""Schemas of /api/v1/foods."""
from __future__ import annotations

import marshmallow as ma
from marshmallow import validate

from foodca.api.resources.fields import NutrientsSchema


class FoodSchema(NutrientsSchema):
    """A food with its core nutrients per 100 g edible portion."""

    id = ma.fields.Integer(required=True)
    source = ma.fields.String(required=True, metadata={"description": "usda | cfct"})
    source_id = ma.fields.String(required=True)
    data_type = ma.fields.String(required=True)
    name = ma.fields.String(required=True)
    name_zh = ma.fields.String(allow_none=True, required=True)
    brand = ma.fields.String(allow_none=True, required=True)
    gtin = ma.fields.String(allow_none=True, required=True)
    category = ma.fields.String(allow_none=True, required=True)
    retired_at = ma.fields.DateTime(allow_none=True, required=True)


class PortionSchema(ma.Schema):
    amount = ma.fields.Float(allow_none=True, required=True)
    unit = ma.fields.String(allow_none=True, required=True)
    description = ma.fields.String(allow_none=True, required=True)
    gram_weight = ma.fields.Float(required=True)


class ReleaseSchema(ma.Schema):
    id = ma.fields.Integer(required=True)
    name = ma.fields.String(required=True)
    imported_at = ma.fields.DateTime(required=True)


class FoodDetailSchema(FoodSchema):
    edible_pct = ma.fields.Float(allow_none=True, required=True)
    energy_basis = ma.fields.String(allow_none=True, required=True)
    portions = ma.fields.List(ma.fields.Nested(PortionSchema), required=True)
    release = ma.fields.Nested(ReleaseSchema, allow_none=True, required=True)


class FoodListSchema(ma.Schema):
    foods = ma.fields.List(ma.fields.Nested(FoodSchema), required=True)
    total = ma.fields.Integer(required=True)
    limit = ma.fields.Integer(required=True)
    offset = ma.fields.Integer(required=True)


class FoodQueryArgsSchema(ma.Schema):
    q = ma.fields.String(required=True, validate=validate.Length(1, 100), metadata={"example": "鸡蛋"})
    limit = ma.fields.Integer(load_default=20, validate=validate.Range(1, 100))
    offset = ma.fields.Integer(load_default=0, validate=validate.Range(0, 10_000))
