"""Model-based parses per user per local day: over the plan's quota the offline parser answers instead."""
from __future__ import annotations

from sqlmodel import Session

from foodca.accounts import local_today
from foodca.config import Settings
from foodca.models import ModelParseCount, User


def daily_quota(settings: Settings, user: User) -> int:
    return settings.model_parses_per_day_member if user.plan == "member" else settings.model_parses_per_day_free


def model_parses_today(*, session: Session, user: User) -> int:
    row = session.get(ModelParseCount, (user.id, local_today(user)))
    return row.count if row else 0


def take_model_parse(*, session: Session, settings: Settings, user: User) -> bool:
    """Count one model parse for today if the quota allows it; False means use the offline parser."""
    if not settings.llm_providers:
        return False
    day = local_today(user)
    row = session.get(ModelParseCount, (user.id, day)) or ModelParseCount(user_id=user.id, day=day, count=0)
    if row.count >= daily_quota(settings, user):
        return False
    row.count += 1
    session.add(row)
    session.flush()
    return True
