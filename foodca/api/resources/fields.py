"""Fields and validators several resources share."""
from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from functools import cache
from zoneinfo import available_timezones

import marshmallow as ma
from marshmallow import ValidationError, validate

from foodca.models.food import CORE_NUTRIENTS

# Ids beyond what a database integer holds cannot exist; routing answers 404 for them.
ID = "int(max=2147483647)"
EARLIEST = datetime(2000, 1, 1, tzinfo=UTC)


@cache
def timezones() -> frozenset[str]:
    return frozenset(available_timezones())


def validate_timezone(value: str) -> None:
    if value not in timezones():
        raise ValidationError("not an IANA time zone name, e.g. Asia/Shanghai")


def validate_moment(value: datetime) -> None:
    """A time something was eaten or weighed: not before 2000, not more than a day ahead."""
    if not EARLIEST <= value <= datetime.now(UTC) + timedelta(days=1):
        raise ValidationError("must be between 2000-01-01 and tomorrow")


def validate_day(value: date) -> None:
    if not date(2000, 1, 1) <= value <= date.today() + timedelta(days=366):
        raise ValidationError("must be between 2000-01-01 and a year from now")


def Moment(**kwargs) -> ma.fields.AwareDateTime:  # noqa: N802 (a field factory)
    kwargs.setdefault("metadata", {"description": "ISO 8601 with an offset"})
    return ma.fields.AwareDateTime(validate=validate_moment, **kwargs)


def Day(**kwargs) -> ma.fields.Date:  # noqa: N802
    return ma.fields.Date(validate=validate_day, **kwargs)


def Grams(**kwargs) -> ma.fields.Float:  # noqa: N802
    return ma.fields.Float(validate=validate.Range(min=0, max=5000, min_inclusive=False), **kwargs)


# Core nutrients; null when the food table does not know the value.
NutrientsSchema = ma.Schema.from_dict(
    {name: ma.fields.Float(allow_none=True, required=True) for name in CORE_NUTRIENTS}, name="NutrientsSchema")
