"""Nightly reviews: one row per (user, local day), claimed before it is written so no two writers race."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Column, ForeignKey, Integer, UniqueConstraint
from sqlmodel import Field, SQLModel

REVIEW_STATUSES = ("claimed", "done", "failed")


class DailyReview(SQLModel, table=True):
    """A short comment on one local day, written from facts computed by code; `writer` says who phrased it."""

    __tablename__ = "daily_review"
    __table_args__ = (UniqueConstraint("user_id", "local_date"),)

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(sa_column=Column(Integer, ForeignKey("app_user.id", ondelete="CASCADE"), nullable=False))
    local_date: date
    status: str = Field(max_length=16)  # claimed | done | failed
    trigger: str = Field(max_length=16)  # nightly | manual | operator
    # Who holds the claim ("host:pid:thread") and since when; a claim older than the stale limit may be taken over.
    claimed_by: str = Field(max_length=128)
    claimed_at: datetime
    attempts: int = 1
    finished_at: datetime | None = None
    locale: str | None = Field(default=None, max_length=8)
    writer: str | None = Field(default=None, max_length=80)  # template | model:<name>
    text: str | None = Field(default=None, max_length=4000)
    facts: dict | None = Field(default=None, sa_column=Column(JSON))
    prompt_tokens: int = 0
    completion_tokens: int = 0
    total_tokens: int = 0
    # Why the model's text was not used (it failed, or its numbers were not in the facts), or why the review failed.
    note: str | None = Field(default=None, max_length=500)
