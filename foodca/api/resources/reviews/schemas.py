"""Schemas of /api/v1/reviews."""
from __future__ import annotations

import marshmallow as ma

TokensSchema = ma.Schema.from_dict(
    {name: ma.fields.Integer(required=True) for name in ("prompt_tokens", "completion_tokens", "total_tokens")},
    name="TokensSchema")


class ReviewSchema(ma.Schema):
    date = ma.fields.Date(attribute="local_date", required=True, metadata={"description": "the user's local day"})
    text = ma.fields.String(required=True)
    locale = ma.fields.String(required=True)
    writer = ma.fields.String(required=True, metadata={
        "description": "template: written from the facts by code; model:<name>: phrased by that model"})
    trigger = ma.fields.String(required=True, metadata={"description": "nightly | manual | operator"})
    written_at = ma.fields.AwareDateTime(attribute="finished_at", required=True)
    facts = ma.fields.Dict(required=True, metadata={"description": "what the text is written from, computed by code"})
    tokens = ma.fields.Method("tokens_of", required=True, metadata={"description": "model tokens used"})

    def tokens_of(self, review) -> dict:
        return {"prompt_tokens": review.prompt_tokens, "completion_tokens": review.completion_tokens,
                "total_tokens": review.total_tokens}


class ReviewListSchema(ma.Schema):
    reviews = ma.fields.List(ma.fields.Nested(ReviewSchema), required=True)
