"""Schemas of /api/v1/auth."""
from __future__ import annotations

import marshmallow as ma
from marshmallow import validate


class AnonymousSignUpSchema(ma.Schema):
    device_id = ma.fields.String(required=True, validate=validate.Length(min=1, max=128))


class CredentialsSchema(ma.Schema):
    email = ma.fields.Email(required=True, validate=validate.Length(max=254))
    # argon2 hashes any length, but a megabyte password is only a way to burn CPU.
    password = ma.fields.String(required=True, load_only=True, validate=validate.Length(min=8, max=256))


class TokenSchema(ma.Schema):
    token = ma.fields.String(required=True, metadata={"description": "send as `Authorization: Bearer <token>`"})
    user_id = ma.fields.Integer(required=True)
