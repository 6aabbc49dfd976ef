"""Accounts: users with their profile, API tokens, body-weight entries, daily model-parse counts."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column, ForeignKey, Integer
from sqlmodel import Field, SQLModel


def _user_fk() -> Column:
    return Column(Integer, ForeignKey("app_user.id", ondelete="CASCADE"), nullable=False, index=True)


class User(SQLModel, table=True):
    """A person using the app; anonymous until an email and password are added."""

    __tablename__ = "app_user"

    id: int | None = Field(default=None, primary_key=True)
    device_id: str | None = Field(default=None, max_length=128)
    email: str | None = Field(default=None, max_length=254, unique=True)
    password_hash: str | None = Field(default=None, max_length=255)
    plan: str = Field(default="free", max_length=16)  # free | member
    timezone: str = Field(default="UTC", max_length=64)
    locale: str = Field(default="en", max_length=8)
    sex: str | None = Field(default=None, max_length=8)
    birth_year: int | None = None
    height_cm: float | None = None
    weight_kg: float | None = None
    activity_level: str | None = Field(default=None, max_length=16)
    goal: str | None = Field(default=None, max_length=8)  # lose | keep | gain
    goal_rate_kg_per_week: float | None = None
    # Targets the user set; None means computed from the profile.
    target_energy_kcal: float | None = None
    target_protein_g: float | None = None
    target_fat_g: float | None = None
    target_carb_g: float | None = None
    created_at: datetime


class ApiToken(SQLModel, table=True):
    """A bearer token; only its sha256 is stored."""

    __tablename__ = "api_token"

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(sa_column=_user_fk())
    token_sha256: str = Field(max_length=64, unique=True)
    created_at: datetime
    revoked_at: datetime | None = None


class WeightEntry(SQLModel, table=True):
    """A body-weight measurement."""

    __tablename__ = "weight_entry"

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(sa_column=_user_fk())
    measured_at: datetime
    weight_kg: float


class ModelParseCount(SQLModel, table=True):
    """How many model-based parses a user had on a local day (for the plan's quota)."""

    __tablename__ = "model_parse_count"

    user_id: int = Field(sa_column=Column(Integer, ForeignKey("app_user.id", ondelete="CASCADE"), primary_key=True))
    day: date = Field(primary_key=True)
    count: int = 0
