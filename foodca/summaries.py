"""Day and range summaries of the meal log against the user's targets."""
from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import func, select
from sqlmodel import Session

from foodca.meals import MEAL_TYPES
from foodca.models import Meal, MealItem, User
from foodca.models.food import CORE_NUTRIENTS
from foodca.nutrition.compute import zero_nutrients
from foodca.nutrition.targets import TARGET_FIELDS, Profile, computed_targets

MAX_RANGE_DAYS = 366


def user_targets(user: User, today: date) -> dict:
    """The user's own targets where set, else Mifflin-St Jeor ones; `source` says which."""
    own = {name: getattr(user, f"target_{name}") for name in TARGET_FIELDS}
    computed = computed_targets(Profile(
        sex=user.sex, age=today.year - user.birth_year if user.birth_year else None, height_cm=user.height_cm,
        weight_kg=user.weight_kg, activity_level=user.activity_level, goal=user.goal,
        goal_rate_kg_per_week=user.goal_rate_kg_per_week)) or {}
    targets = {name: own[name] if own[name] is not None else computed.get(name) for name in TARGET_FIELDS}
    source = "user" if any(v is not None for v in own.values()) else ("computed" if computed else None)
    return {**targets, "source": source}


def _sums(session: Session, user: User, start: date, end: date, key) -> dict:
    columns = [func.sum(getattr(MealItem, name)).label(name) for name in CORE_NUTRIENTS]
    rows = session.execute(
        select(key.label("key"), func.count(func.distinct(Meal.id)).label("meals"), *columns)
        .join(MealItem, MealItem.meal_id == Meal.id)
        .where(Meal.user_id == user.id, Meal.local_date >= start, Meal.local_date <= end)
        .group_by(key)).all()
    return {row.key: row._asdict() for row in rows}


def _totals(row: dict | None) -> dict[str, float]:
    totals = zero_nutrients()
    if row:
        totals.update({name: row[name] or 0.0 for name in CORE_NUTRIENTS})
    return totals


def day_summary(*, session: Session, user: User, day: date) -> dict:
    by_type = _sums(session, user, day, day, Meal.meal_type)
    totals = zero_nutrients()
    for row in by_type.values():
        for name in CORE_NUTRIENTS:
            totals[name] += row[name] or 0.0
    targets = user_targets(user, day)
    remaining = {name: None if targets[name] is None else targets[name] - totals[name] for name in TARGET_FIELDS}
    return {"date": day, "timezone": user.timezone, "meal_count": sum(row["meals"] for row in by_type.values()),
            "totals": totals, "by_meal_type": {t: _totals(by_type.get(t)) for t in MEAL_TYPES},
            "targets": targets, "remaining": remaining}


def range_summary(*, session: Session, user: User, start: date, end: date) -> dict:
    """One entry per local day from start to end inclusive, days without meals as zeros."""
    by_day = _sums(session, user, start, end, Meal.local_date)
    days = []
    for offset in range((end - start).days + 1):
        day = start + timedelta(days=offset)
        row = by_day.get(day)
        days.append({"date": day, "meal_count": row["meals"] if row else 0, "totals": _totals(row)})
    return {"from": start, "to": end, "timezone": user.timezone, "targets": user_targets(user, end), "days": days}
