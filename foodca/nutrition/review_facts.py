"""The facts of a day's review, all computed here: a model may only put them into words, never add to them."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlmodel import Session

from foodca.models import Meal, MealItem, User
from foodca.summaries import day_summary, range_summary

# Bases where the grams were guessed rather than said or measured (foodca/nutrition/portions.py).
ESTIMATED_BASES = ("model", "unit_default", "default_serving")
COMPARISON_DAYS = 7
MAX_STREAK_DAYS = 366
# kcal per gram, for the share of energy from each macronutrient.
KCAL_PER_G = {"protein_g": 4.0, "fat_g": 9.0, "carb_g": 4.0}


@dataclass(frozen=True)
class Reference:
    """Daily reference ranges for adults, as printed by the body that publishes them."""

    name: str
    sodium_mg_max: float
    fibre_g: tuple[float, float | None]
    # Acceptable share of energy, in percent.
    protein_pct: tuple[float, float]
    fat_pct: tuple[float, float]
    carb_pct: tuple[float, float]


# 中国居民膳食指南 (2022) and the Chinese DRIs (2023): salt < 5 g a day (sodium about 2,000 mg, as WHO's
# guideline), dietary fibre 25–30 g, protein 10–20 %, fat 20–30 %, carbohydrate 50–65 % of energy.
CHINESE_DIETARY_GUIDELINES_2022 = Reference(
    name="中国居民膳食指南（2022）", sodium_mg_max=2000.0, fibre_g=(25.0, 30.0),
    protein_pct=(10.0, 20.0), fat_pct=(20.0, 30.0), carb_pct=(50.0, 65.0))
# US Dietary Reference Intakes (NASEM 2005; sodium 2019): sodium CDRR 2,300 mg, fibre AI 25 g (women 19–50;
# 38 g for men, a lower bound is all we check), AMDR protein 10–35 %, fat 20–35 %, carbohydrate 45–65 %.
US_DIETARY_REFERENCE_INTAKES = Reference(
    name="US Dietary Reference Intakes", sodium_mg_max=2300.0, fibre_g=(25.0, None),
    protein_pct=(10.0, 35.0), fat_pct=(20.0, 35.0), carb_pct=(45.0, 65.0))


def reference_for(user: User) -> Reference:
    return CHINESE_DIETARY_GUIDELINES_2022 if user.locale.lower().startswith("zh") else US_DIETARY_REFERENCE_INTAKES


def _whole(value: float | None) -> int | None:
    return None if value is None else int(round(value))


def _one_decimal(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def _against(value: float, low: float | None, high: float | None) -> str:
    if low is not None and value < low:
        return "below"
    if high is not None and value > high:
        return "above"
    return "within"


def _macro_split(totals: dict) -> dict[str, int] | None:
    energy = {name: (totals[name] or 0.0) * kcal for name, kcal in KCAL_PER_G.items()}
    whole = sum(energy.values())
    if whole <= 0:
        return None
    return {name.removesuffix("_g"): _whole(100.0 * part / whole) for name, part in energy.items()}


def _vs_targets(totals: dict, targets: dict) -> dict:
    compared = {}
    for name in ("energy_kcal", "protein_g", "fat_g", "carb_g"):
        target = targets.get(name)
        eaten = _whole(totals[name])
        if target:
            compared[name] = {"eaten": eaten, "target": _whole(target), "difference": _whole(totals[name] - target),
                              "percent_of_target": _whole(100.0 * totals[name] / target)}
        else:
            compared[name] = {"eaten": eaten, "target": None, "difference": None, "percent_of_target": None}
    return compared


def _reference_checks(reference: Reference, totals: dict, split: dict | None, unknown: dict[str, int]) -> list[dict]:
    checks = [
        {"what": "sodium_mg", "value": _whole(totals["sodium_mg"]), "low": None, "high": _whole(reference.sodium_mg_max),
         "status": _against(totals["sodium_mg"], None, reference.sodium_mg_max),
         "items_without_value": unknown["sodium_mg"]},
        {"what": "fiber_g", "value": _one_decimal(totals["fiber_g"]), "low": _whole(reference.fibre_g[0]),
         "high": _whole(reference.fibre_g[1]), "status": _against(totals["fiber_g"], *reference.fibre_g),
         "items_without_value": unknown["fiber_g"]},
    ]
    if split is not None:
        for macro, (low, high) in (("protein", reference.protein_pct), ("fat", reference.fat_pct),
                                   ("carb", reference.carb_pct)):
            checks.append({"what": f"{macro}_pct_energy", "value": split[macro], "low": _whole(low),
                           "high": _whole(high), "status": _against(split[macro], low, high),
                           "items_without_value": 0})
    return checks


def _streak_days(session: Session, user: User, day: date) -> int:
    """Consecutive local days with at least one meal, ending on `day`."""
    days = session.execute(
        select(Meal.local_date).where(Meal.user_id == user.id, Meal.local_date <= day,
                                      Meal.local_date > day - timedelta(days=MAX_STREAK_DAYS))
        .distinct().order_by(Meal.local_date.desc())).scalars().all()
    streak = 0
    for logged in days:
        if logged != day - timedelta(days=streak):
            break
        streak += 1
    return streak


def _last_days(session: Session, user: User, day: date, energy_today: float) -> dict:
    """The previous days with meals, for a comparison; days without any are left out of the average."""
    summary = range_summary(session=session, user=user, start=day - timedelta(days=COMPARISON_DAYS),
                            end=day - timedelta(days=1))
    logged = [entry for entry in summary["days"] if entry["meal_count"]]
    facts = {"days": COMPARISON_DAYS, "days_logged": len(logged), "average_energy_kcal": None,
             "difference_kcal": None}
    if logged:
        average = sum(entry["totals"]["energy_kcal"] for entry in logged) / len(logged)
        facts["average_energy_kcal"] = _whole(average)
        facts["difference_kcal"] = _whole(energy_today) - _whole(average)
    return facts


def _meals_and_items(session: Session, user: User, day: date) -> tuple[list[dict], dict]:
    rows = session.execute(
        select(Meal, MealItem).join(MealItem, MealItem.meal_id == Meal.id)
        .where(Meal.user_id == user.id, Meal.local_date == day).order_by(Meal.eaten_at, MealItem.position)).all()
    zone = ZoneInfo(user.timezone)
    meals: dict[int, dict] = {}
    items = {"count": 0, "unmatched": [], "estimated": [], "unknown": {"sodium_mg": 0, "fiber_g": 0}}
    for meal, item in rows:
        entry = meals.setdefault(meal.id, {"meal_type": meal.meal_type, "energy_kcal": 0.0,
                                           "time": meal.eaten_at.astimezone(zone).strftime("%H:%M")})
        entry["energy_kcal"] += item.energy_kcal or 0.0
        items["count"] += 1
        name = item.said or item.food_name or ""
        if item.status == "unmatched":
            items["unmatched"].append(name)
        elif item.basis in ESTIMATED_BASES:
            items["estimated"].append(name)
        for nutrient in items["unknown"]:
            if item.status == "matched" and getattr(item, nutrient) is None:
                items["unknown"][nutrient] += 1
    timeline = [{**entry, "energy_kcal": _whole(entry["energy_kcal"])} for entry in meals.values()]
    return timeline, items


def review_facts(*, session: Session, user: User, day: date) -> dict | None:
    """Everything a review of `day` may say, JSON-ready with the numbers already rounded; None without meals."""
    summary = day_summary(session=session, user=user, day=day)
    if not summary["meal_count"]:
        return None
    totals, reference = summary["totals"], reference_for(user)
    split = _macro_split(totals)
    timeline, items = _meals_and_items(session, user, day)
    return {
        "date": day.isoformat(),
        "locale": user.locale,
        "reference": reference.name,
        "meal_count": summary["meal_count"],
        "item_count": items["count"],
        "totals": {"energy_kcal": _whole(totals["energy_kcal"]), "protein_g": _one_decimal(totals["protein_g"]),
                   "fat_g": _one_decimal(totals["fat_g"]), "carb_g": _one_decimal(totals["carb_g"]),
                   "fiber_g": _one_decimal(totals["fiber_g"]), "sodium_mg": _whole(totals["sodium_mg"])},
        "targets_source": summary["targets"]["source"],
        "vs_targets": _vs_targets(totals, summary["targets"]),
        "macro_split_pct_energy": split,
        "reference_checks": _reference_checks(reference, totals, split, items["unknown"]),
        "meals": timeline,
        "first_meal_time": timeline[0]["time"] if timeline else None,
        "last_meal_time": timeline[-1]["time"] if timeline else None,
        "streak_days": _streak_days(session, user, day),
        "last_days": _last_days(session, user, day, totals["energy_kcal"]),
        "unmatched_items": {"count": len(items["unmatched"]), "names": items["unmatched"]},
        "estimated_items": {"count": len(items["estimated"]), "names": items["estimated"]},
    }
