"""Users and meals written straight into a test database, and settings pointing at the local chat server."""
from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from chat_server import ChatServer
from sqlmodel import Session

from foodca.config import LlmProvider, Settings
from foodca.models import Meal, MealItem, User


def provider(server: ChatServer, model: str, timeout_s: float = 2.0) -> LlmProvider:
    return LlmProvider(base_url=server.base_url, api_key="sk-test", model=model, timeout_s=timeout_s)


def settings_for(database_url: str, providers: tuple[LlmProvider, ...] = (), **overrides) -> Settings:
    return Settings(database_url=database_url, instance_dir=Path("/nonexistent"), llm_providers=providers,
                    **overrides)


def add_user(session: Session, *, timezone: str = "Asia/Shanghai", locale: str = "zh-CN", **profile) -> User:
    user = User(timezone=timezone, locale=locale, created_at=datetime.now(UTC), **profile)
    session.add(user)
    session.flush()
    return user


def add_meal(session: Session, user: User, eaten_at: str, *items: dict, meal_type: str = "lunch") -> Meal:
    """A meal at a local ISO time (without offset: in the user's zone); items give nutrients and status."""
    moment = datetime.fromisoformat(eaten_at)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=ZoneInfo(user.timezone))
    now = datetime.now(UTC)
    meal = Meal(user_id=user.id, eaten_at=moment, local_date=moment.astimezone(ZoneInfo(user.timezone)).date(),
                meal_type=meal_type, created_at=now, updated_at=now)
    session.add(meal)
    session.flush()
    for position, item in enumerate(items or ({"energy_kcal": 500.0},)):
        values = {"status": "matched", "basis": "stated", "said": "rice", **item}
        session.add(MealItem(meal_id=meal.id, position=position, **values))
    session.flush()
    return meal
