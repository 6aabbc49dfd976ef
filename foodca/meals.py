"""The meal log: meals made from an analysis or chosen foods, item snapshots, edits, copies, favourites."""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import delete, func, select
from sqlmodel import Session

from foodca.accounts import now
from foodca.errors import InvalidInput, NotFound
from foodca.models import Food, Meal, MealItem, User
from foodca.models.food import CORE_NUTRIENTS
from foodca.nutrition.compute import add_totals, nutrients_for, zero_nutrients

MEAL_TYPES = ("breakfast", "lunch", "dinner", "snack")
MAX_ITEMS_PER_MEAL = 50
MAX_SAID = 1000


def default_meal_type(local_time: datetime) -> str:
    hour = local_time.hour
    if 5 <= hour < 10:
        return "breakfast"
    if 11 <= hour < 14:
        return "lunch"
    if 17 <= hour < 21:
        return "dinner"
    return "snack"


def local_date_of(user: User, moment: datetime) -> date:
    return moment.astimezone(ZoneInfo(user.timezone)).date()


def item_from_analysis(entry: dict) -> MealItem:
    """A snapshot of one analysed item: the food's identity and the nutrients as computed now."""
    food = entry.get("food") or {}
    said = entry.get("said")
    # A dish's ingredient is said as "dish · ingredient", which may outgrow the column a little.
    return MealItem(said=said[:MAX_SAID] if said else said, status=entry["status"], food_id=food.get("id"), source=food.get("source"),
                    source_id=food.get("source_id"), food_name=food.get("name"), grams=entry.get("grams"),
                    basis=entry.get("basis"), **{name: entry.get(name) for name in CORE_NUTRIENTS})


def _active_food(session: Session, food_id: int) -> Food:
    food = session.get(Food, food_id)
    if food is None or food.retired_at is not None:
        raise InvalidInput("food_id", f"no food {food_id}")
    return food


def _snapshot_food(item: MealItem, food: Food, grams: float) -> None:
    item.status, item.food_id, item.source, item.source_id, item.food_name = (
        "matched", food.id, food.source, food.source_id, food.name)
    item.grams = grams
    for name, value in nutrients_for([getattr(food, n) for n in CORE_NUTRIENTS], grams).items():
        setattr(item, name, value)


def item_for_food(*, session: Session, food_id: int, grams: float, said: str | None = None) -> MealItem:
    food = _active_food(session, food_id)
    item = MealItem(said=said, status="matched", basis="user")
    _snapshot_food(item, food, grams)
    return item


def create_meal(*, session: Session, user: User, items: list[MealItem], eaten_at: datetime | None,
                meal_type: str | None, text: str | None = None, parser: str | None = None) -> Meal:
    if not items:
        raise InvalidInput("items", "a meal needs at least one item")
    if len(items) > MAX_ITEMS_PER_MEAL:
        raise InvalidInput("items", f"at most {MAX_ITEMS_PER_MEAL} items per meal")
    moment = eaten_at or now()
    local = moment.astimezone(ZoneInfo(user.timezone))
    meal = Meal(user_id=user.id, eaten_at=moment, local_date=local.date(),
                meal_type=meal_type or default_meal_type(local), text=text, parser=parser,
                created_at=now(), updated_at=now())
    session.add(meal)
    session.flush()
    for position, item in enumerate(items):
        item.meal_id, item.position = meal.id, position
        session.add(item)
    session.flush()
    return meal


def get_meal(*, session: Session, user: User, meal_id: int) -> Meal:
    meal = session.get(Meal, meal_id)
    if meal is None or meal.user_id != user.id:
        raise NotFound(f"no meal {meal_id}")
    return meal


def meal_items(*, session: Session, meal: Meal) -> list[MealItem]:
    return list(session.execute(select(MealItem).where(MealItem.meal_id == meal.id)
                                .order_by(MealItem.position, MealItem.id)).scalars())


def list_meals(*, session: Session, user: User, start: date, end: date, limit: int, offset: int
               ) -> tuple[list[Meal], int]:
    """Meals of the user's local days start..end (inclusive), newest first."""
    where = (Meal.user_id == user.id, Meal.local_date >= start, Meal.local_date <= end)
    total = session.execute(select(func.count(Meal.id)).where(*where)).scalar_one()
    meals = session.execute(select(Meal).where(*where).order_by(Meal.eaten_at.desc(), Meal.id.desc())
                            .limit(limit).offset(offset)).scalars()
    return list(meals), total


def update_meal(*, session: Session, user: User, meal: Meal, changes: dict) -> Meal:
    if "eaten_at" in changes:
        meal.eaten_at = changes["eaten_at"]
        meal.local_date = local_date_of(user, meal.eaten_at)
    for name in ("meal_type", "favourite"):
        if name in changes:
            setattr(meal, name, changes[name])
    meal.updated_at = now()
    session.add(meal)
    session.flush()
    return meal


def delete_meal(*, session: Session, meal: Meal) -> None:
    session.execute(delete(MealItem).where(MealItem.meal_id == meal.id))
    session.delete(meal)
    session.flush()


def add_items(*, session: Session, meal: Meal, items: list[MealItem]) -> list[MealItem]:
    existing = meal_items(session=session, meal=meal)
    if len(existing) + len(items) > MAX_ITEMS_PER_MEAL:
        raise InvalidInput("items", f"at most {MAX_ITEMS_PER_MEAL} items per meal")
    start = max((item.position for item in existing), default=-1) + 1
    for offset, item in enumerate(items):
        item.meal_id, item.position = meal.id, start + offset
        session.add(item)
    meal.updated_at = now()
    session.add(meal)
    session.flush()
    return items


def get_item(*, session: Session, meal: Meal, item_id: int) -> MealItem:
    item = session.get(MealItem, item_id)
    if item is None or item.meal_id != meal.id:
        raise NotFound(f"no item {item_id} in meal {meal.id}")
    return item


def update_item(*, session: Session, meal: Meal, item: MealItem, grams: float | None = None,
                food_id: int | None = None) -> MealItem:
    """An explicit edit: the nutrients are computed again from the food's current per-100 g values."""
    new_grams = grams if grams is not None else item.grams
    target = food_id if food_id is not None else item.food_id
    if target is None:
        if grams is not None:
            item.grams = grams  # an unmatched item has no food to compute from: its nutrients stay unknown
    else:
        if new_grams is None:
            raise InvalidInput("grams", "give the grams of this item")
        _snapshot_food(item, _active_food(session, target), new_grams)
    if grams is not None:
        item.basis = "user"
    meal.updated_at = now()
    session.add_all([item, meal])
    session.flush()
    return item


def delete_item(*, session: Session, meal: Meal, item: MealItem) -> None:
    if len(meal_items(session=session, meal=meal)) == 1:
        raise InvalidInput("item_id", "a meal keeps at least one item: delete the meal instead")
    session.delete(item)
    meal.updated_at = now()
    session.add(meal)
    session.flush()


def copy_meal(*, session: Session, user: User, meal: Meal, eaten_at: datetime | None,
              meal_type: str | None) -> Meal:
    """The same items (same snapshots) logged again at another time."""
    copies = [MealItem(**item.model_dump(exclude={"id", "meal_id", "position"}))
              for item in meal_items(session=session, meal=meal)]
    return create_meal(session=session, user=user, items=copies, eaten_at=eaten_at,
                       meal_type=meal_type or (None if eaten_at else meal.meal_type), text=meal.text,
                       parser=meal.parser)


def totals_of(items: Iterable[MealItem]) -> dict[str, float]:
    totals = zero_nutrients()
    for item in items:
        add_totals(totals, {name: getattr(item, name) for name in CORE_NUTRIENTS})
    return totals


def meal_views(*, session: Session, user: User, meals: list[Meal]) -> list[dict]:
    """Meals as the app shows them: times in the user's zone, items and totals (one query for all items)."""
    items: dict[int, list[MealItem]] = {meal.id: [] for meal in meals}
    if meals:
        for item in session.execute(select(MealItem).where(MealItem.meal_id.in_(list(items)))
                                    .order_by(MealItem.position, MealItem.id)).scalars():
            items[item.meal_id].append(item)
    zone = ZoneInfo(user.timezone)
    return [{"id": meal.id, "eaten_at": meal.eaten_at.astimezone(zone), "local_date": meal.local_date,
             "meal_type": meal.meal_type, "text": meal.text, "parser": meal.parser, "favourite": meal.favourite,
             "items": items[meal.id], "totals": totals_of(items[meal.id])} for meal in meals]


def meal_view(*, session: Session, user: User, meal: Meal) -> dict:
    return meal_views(session=session, user=user, meals=[meal])[0]


def recent_foods(*, session: Session, user: User, limit: int) -> list[dict]:
    """Foods the user logged most often, most recent first among equals."""
    rows = session.execute(
        select(MealItem.food_id, func.max(MealItem.food_name).label("food_name"),
               func.max(MealItem.source).label("source"), func.max(MealItem.source_id).label("source_id"),
               func.count(MealItem.id).label("times"), func.max(Meal.eaten_at).label("last_eaten_at"),
               func.avg(MealItem.grams).label("usual_grams"))
        .join(Meal, Meal.id == MealItem.meal_id)
        .where(Meal.user_id == user.id, MealItem.food_id.is_not(None))
        .group_by(MealItem.food_id).order_by(func.count(MealItem.id).desc(), func.max(Meal.eaten_at).desc())
        .limit(limit)).all()
    return [row._asdict() for row in rows]


def frequent_meals(*, session: Session, user: User, limit: int) -> list[tuple[int, Meal]]:
    """Meals logged again and again with the same text: (times, the latest such meal), most frequent first."""
    groups = (select(func.count(Meal.id).label("times"), func.max(Meal.id).label("latest_id"))
              .where(Meal.user_id == user.id, Meal.text.is_not(None)).group_by(Meal.text)
              .order_by(func.count(Meal.id).desc(), func.max(Meal.eaten_at).desc()).limit(limit))
    rows = session.execute(groups).all()
    latest = {meal.id: meal for meal in session.execute(
        select(Meal).where(Meal.id.in_([row.latest_id for row in rows]))).scalars()}
    return [(row.times, latest[row.latest_id]) for row in rows]


def favourite_meals(*, session: Session, user: User, limit: int = 100) -> list[Meal]:
    return list(session.execute(select(Meal).where(Meal.user_id == user.id, Meal.favourite.is_(True))
                                .order_by(Meal.eaten_at.desc(), Meal.id.desc()).limit(limit)).scalars())


def user_meals(*, session: Session, user: User) -> list[Meal]:
    return list(session.execute(select(Meal).where(Meal.user_id == user.id).order_by(Meal.eaten_at, Meal.id)).scalars())
