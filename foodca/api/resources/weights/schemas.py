"""Schemas of /api/v1/weights."""
from __future__ import annotations

import marshmallow as ma
from marshmallow import validate

from foodca.api.resources.fields import Day, Moment


class WeightSchema(ma.Schema):
    id = ma.fields.Integer(required=True)
    measured_at = ma.fields.DateTime(required=True)
    weight_kg = ma.fields.Float(required=True)


class WeightCreateSchema(ma.Schema):
    weight_kg = ma.fields.Float(required=True, validate=validate.Range(20, 500))
    measured_at = Moment(metadata={"description": "ISO 8601 with an offset; default now"})


class WeightQueryArgsSchema(ma.Schema):
    from_ = Day(data_key="from", metadata={"description": "first local day, inclusive"})
    to = Day(metadata={"description": "last local day, inclusive"})
