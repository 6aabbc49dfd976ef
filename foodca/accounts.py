"""Users and their tokens: anonymous sign-up, email + password (argon2), logout, deletion, export."""
from __future__ import annotations

import functools
import hashlib
import secrets
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import bindparam, delete, select, update
from sqlmodel import Session

from foodca.errors import AuthError, Conflict
from foodca.models import ApiToken, DailyReview, Meal, MealItem, ModelParseCount, User, WeightEntry

PLANS = ("free", "member")
_hasher = PasswordHasher()


def now() -> datetime:
    return datetime.now(UTC)


def local_today(user: User) -> date:
    return now().astimezone(ZoneInfo(user.timezone)).date()


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def issue_token(*, session: Session, user: User) -> str:
    """A new bearer token for the user; the token itself is returned once and never stored."""
    token = secrets.token_urlsafe(32)
    session.add(ApiToken(user_id=user.id, token_sha256=token_digest(token), created_at=now()))
    session.flush()
    return token


def create_anonymous_user(*, session: Session, device_id: str | None) -> User:
    user = User(device_id=device_id, created_at=now())
    session.add(user)
    session.flush()
    return user


@functools.cache
def _user_by_token_digest():
    # Built once: every request runs it, and building the statement cost more than running it.
    return select(User).join(ApiToken, ApiToken.user_id == User.id).where(
        ApiToken.token_sha256 == bindparam("digest"), ApiToken.revoked_at.is_(None))


def user_for_token(*, session: Session, token: str) -> User | None:
    return session.execute(_user_by_token_digest(), {"digest": token_digest(token)}).scalar_one_or_none()


def revoke_token(*, session: Session, token: str) -> None:
    session.execute(update(ApiToken).where(ApiToken.token_sha256 == token_digest(token), ApiToken.revoked_at.is_(None))
                    .values(revoked_at=now()))


def set_credentials(*, session: Session, user: User, email: str, password: str) -> None:
    """Give an anonymous account an email and password; a taken email raises IntegrityError on flush.

    An account that has them already is refused: a token alone must not be enough to take the account over.
    """
    if user.password_hash is not None:
        raise Conflict("this account already has an email and password")
    user.email = email.strip().lower()
    user.password_hash = _hasher.hash(password)
    session.add(user)
    session.flush()


def login(*, session: Session, email: str, password: str) -> User:
    user = session.execute(select(User).where(User.email == email.strip().lower())).scalar_one_or_none()
    if user is None or user.password_hash is None:
        # Hash anyway so a missing account takes as long as a wrong password.
        _hasher.hash(password)
        raise AuthError("wrong email or password")
    try:
        _hasher.verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        raise AuthError("wrong email or password") from None
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hasher.hash(password)
    return user


PROFILE_FIELDS = ("timezone", "locale", "sex", "birth_year", "height_cm", "weight_kg", "activity_level", "goal",
                  "goal_rate_kg_per_week")


def update_profile(*, session: Session, user: User, changes: dict) -> User:
    """Profile fields as given; `targets` holds own daily targets, None for the computed one."""
    for name, value in changes.get("targets", {}).items():
        setattr(user, f"target_{name}", value)
    for name in PROFILE_FIELDS:
        if name in changes:
            setattr(user, name, changes[name])
    session.add(user)
    session.flush()
    return user


def set_plan(*, session: Session, user_id: int, plan: str) -> User:
    if plan not in PLANS:
        raise ValueError(f"plan must be one of {', '.join(PLANS)}")
    user = session.get(User, user_id)
    if user is None:
        raise LookupError(f"no user {user_id}")
    user.plan = plan
    session.add(user)
    return user


def delete_user(*, session: Session, user: User) -> None:
    """Delete the account and every row of its data."""
    meal_ids = select(Meal.id).where(Meal.user_id == user.id)
    session.execute(delete(MealItem).where(MealItem.meal_id.in_(meal_ids)))
    for table in (Meal, WeightEntry, ModelParseCount, DailyReview, ApiToken):
        session.execute(delete(table).where(table.user_id == user.id))
    session.execute(delete(User).where(User.id == user.id))
    session.expunge(user)
