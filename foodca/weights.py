"""Body-weight entries; the newest one is the profile's weight used for targets."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlmodel import Session

from foodca.accounts import now
from foodca.errors import NotFound
from foodca.models import User, WeightEntry


def _sync_profile_weight(session: Session, user: User) -> None:
    latest = session.execute(select(WeightEntry).where(WeightEntry.user_id == user.id)
                             .order_by(WeightEntry.measured_at.desc(), WeightEntry.id.desc()).limit(1)).scalar()
    if latest is not None:
        user.weight_kg = latest.weight_kg
        session.add(user)


def add_weight(*, session: Session, user: User, weight_kg: float, measured_at: datetime | None) -> WeightEntry:
    entry = WeightEntry(user_id=user.id, weight_kg=weight_kg, measured_at=measured_at or now())
    session.add(entry)
    session.flush()
    _sync_profile_weight(session, user)
    return entry


def list_weights(*, session: Session, user: User, first_day: date | None = None,
                 last_day: date | None = None) -> list[WeightEntry]:
    """Entries from the start of `first_day` to the end of `last_day`, both the user's local days."""
    zone = ZoneInfo(user.timezone)
    query = select(WeightEntry).where(WeightEntry.user_id == user.id)
    if first_day is not None:
        query = query.where(WeightEntry.measured_at >= datetime.combine(first_day, time(), zone))
    if last_day is not None:
        query = query.where(WeightEntry.measured_at < datetime.combine(last_day + timedelta(days=1), time(), zone))
    return list(session.execute(query.order_by(WeightEntry.measured_at, WeightEntry.id)).scalars())


def delete_weight(*, session: Session, user: User, weight_id: int) -> None:
    entry = session.get(WeightEntry, weight_id)
    if entry is None or entry.user_id != user.id:
        raise NotFound(f"no weight entry {weight_id}")
    session.delete(entry)
    session.flush()
    _sync_profile_weight(session, user)
