"""The Blueprint every resource uses: unknown fields are refused in the query string too, not only in bodies,
and so are NUL characters anywhere in the input (PostgreSQL cannot store them in text)."""
from __future__ import annotations

import flask_smorest
import marshmallow as ma
from webargs.flaskparser import FlaskParser


def _nul_fields(data, path: str = "") -> list[str]:
    if isinstance(data, str):
        return [path or "_schema"] if "\x00" in data else []
    if isinstance(data, dict):
        return [hit for key, value in data.items()
                for hit in _nul_fields(str(key), path or str(key)) + _nul_fields(value, path or str(key))]
    if isinstance(data, list):
        return [hit for value in data for hit in _nul_fields(value, path)]
    return []


class StrictParser(FlaskParser):
    DEFAULT_UNKNOWN_BY_LOCATION = {**FlaskParser.DEFAULT_UNKNOWN_BY_LOCATION, "query": ma.RAISE,
                                   "querystring": ma.RAISE}

    def _load_location_data(self, *, schema, req, location):
        data = super()._load_location_data(schema=schema, req=req, location=location)
        raw = data.to_dict(flat=False) if hasattr(data, "to_dict") else data
        fields = _nul_fields(raw) if raw is not ma.missing else []
        if fields:
            raise ma.ValidationError({name: ["must not contain NUL characters"] for name in fields})
        return data


class Blueprint(flask_smorest.Blueprint):
    ARGUMENTS_PARSER = StrictParser()
