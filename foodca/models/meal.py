"""The meal log: meals and their items, each item a snapshot of the nutrients computed when it was logged."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column, ForeignKey, Index, Integer
from sqlmodel import Field, SQLModel


class Meal(SQLModel, table=True):
    """One meal a user logged; `local_date` is the user's local day of `eaten_at`."""

    __tablename__ = "meal"
    __table_args__ = (Index("ix_meal_user_id_local_date", "user_id", "local_date"),)

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(sa_column=Column(Integer, ForeignKey("app_user.id", ondelete="CASCADE"), nullable=False))
    eaten_at: datetime
    local_date: date
    meal_type: str = Field(max_length=16)  # breakfast | lunch | dinner | snack
    text: str | None = Field(default=None, max_length=1000)
    parser: str | None = Field(default=None, max_length=16)
    favourite: bool = False
    created_at: datetime
    updated_at: datetime


class MealItem(SQLModel, table=True):
    """A food in a meal with its grams and nutrients as computed at log time; a re-import never changes them."""

    __tablename__ = "meal_item"

    id: int | None = Field(default=None, primary_key=True)
    meal_id: int = Field(sa_column=Column(Integer, ForeignKey("meal.id", ondelete="CASCADE"), nullable=False,
                                          index=True))
    position: int = 0
    said: str | None = Field(default=None, max_length=1000)
    status: str = Field(max_length=16)  # matched | unmatched
    # Plain reference without ON DELETE: foods are retired, never deleted, and nothing may rewrite a snapshot.
    food_id: int | None = Field(default=None, foreign_key="food.id", index=True)
    source: str | None = Field(default=None, max_length=16)
    source_id: str | None = Field(default=None, max_length=32)
    food_name: str | None = Field(default=None, max_length=512)
    grams: float | None = None
    basis: str | None = Field(default=None, max_length=32)
    energy_kcal: float | None = None
    protein_g: float | None = None
    fat_g: float | None = None
    carb_g: float | None = None
    fiber_g: float | None = None
    sugars_g: float | None = None
    sodium_mg: float | None = None
