"""The food database: foods, their portions and aliases, nutrient names, data releases."""
from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Column, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

CORE_NUTRIENTS = ("energy_kcal", "protein_g", "fat_g", "carb_g", "fiber_g", "sugars_g", "sodium_mg")


class DataRelease(SQLModel, table=True):
    """One import of a source release: which files, when, and what it changed."""

    __tablename__ = "data_release"

    id: int | None = Field(default=None, primary_key=True)
    source: str = Field(max_length=16, index=True)
    name: str = Field(max_length=255)
    files: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    counts: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    imported_at: datetime


class Food(SQLModel, table=True):
    """A food with its core nutrients per 100 g edible portion."""

    __tablename__ = "food"
    __table_args__ = (UniqueConstraint("source", "source_id"), Index("ix_food_source_data_type", "source", "data_type"))

    id: int | None = Field(default=None, primary_key=True)
    source: str = Field(max_length=16)  # usda | cfct
    source_id: str = Field(max_length=32)  # fdc_id or CFCT code
    data_type: str = Field(max_length=32)  # sr_legacy_food, foundation_food, survey_fndds_food, branded_food, cfct
    name: str = Field(max_length=512)
    name_zh: str | None = Field(default=None, max_length=255)
    # Text: branded categories carry their GS1 definitions, up to 700 characters.
    category: str | None = Field(default=None, sa_type=Text)
    brand: str | None = Field(default=None, max_length=255)
    gtin: str | None = Field(default=None, max_length=32, index=True)
    edible_pct: float | None = None
    energy_kcal: float | None = None
    protein_g: float | None = None
    fat_g: float | None = None
    carb_g: float | None = None
    fiber_g: float | None = None
    sugars_g: float | None = None
    sodium_mg: float | None = None
    # How energy_kcal was obtained: usda:1008, usda:2048, usda:2047, usda:1062, atwater_4_4_9, cfct:kcal ...
    energy_basis: str | None = Field(default=None, max_length=32)
    # Every other nutrient per 100 g, keyed by FDC nutrient id ("1087": 12.0).
    nutrients: dict[str, float] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    # Import notes, e.g. "kcal_kj_swapped" for a CFCT row fixed on import.
    flags: str | None = Field(default=None, max_length=255)
    content_hash: int = Field(sa_column=Column(BigInteger, nullable=False))
    release_id: int | None = Field(default=None, foreign_key="data_release.id")
    retired_at: datetime | None = None


class Portion(SQLModel, table=True):
    """A household measure of a food: "1 cup, chopped" = 128 g."""

    __tablename__ = "portion"

    id: int | None = Field(default=None, primary_key=True)
    food_id: int = Field(foreign_key="food.id", index=True)
    seq: int = 0
    amount: float | None = None
    unit: str | None = Field(default=None, max_length=64)
    description: str | None = Field(default=None, max_length=255)
    gram_weight: float


class Alias(SQLModel, table=True):
    """Another name a person may use for a food, in a language (zh, en)."""

    __tablename__ = "alias"

    id: int | None = Field(default=None, primary_key=True)
    food_id: int = Field(foreign_key="food.id", index=True)
    text: str = Field(max_length=255, index=True)
    language: str = Field(max_length=8)


class Nutrient(SQLModel, table=True):
    """FDC nutrient reference: what the keys of Food.nutrients mean."""

    __tablename__ = "nutrient"

    id: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    name: str = Field(max_length=255)
    unit_name: str = Field(max_length=16)
    nutrient_nbr: str | None = Field(default=None, max_length=16)
