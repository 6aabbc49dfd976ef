"""Daily targets from a profile: Mifflin-St Jeor BMR × activity factor, a goal adjustment, a macro split."""
from __future__ import annotations

from dataclasses import dataclass

ACTIVITY_FACTORS = {"sedentary": 1.2, "light": 1.375, "moderate": 1.55, "active": 1.725, "very_active": 1.9}
GOALS = ("lose", "keep", "gain")
# About 7,700 kcal of energy per kg of body weight gained or lost.
KCAL_PER_KG = 7700.0
# Never suggest eating less than this, whatever the goal rate.
MIN_ENERGY_KCAL = {"female": 1200.0, "male": 1500.0}
# Share of energy from protein, fat, carbohydrate (within the AMDR ranges) and kcal per gram of each.
MACRO_SPLIT = {"protein_g": (0.20, 4.0), "fat_g": (0.30, 9.0), "carb_g": (0.50, 4.0)}
TARGET_FIELDS = ("energy_kcal", "protein_g", "fat_g", "carb_g")


@dataclass(frozen=True)
class Profile:
    sex: str | None
    age: int | None
    height_cm: float | None
    weight_kg: float | None
    activity_level: str | None
    goal: str | None
    goal_rate_kg_per_week: float | None


def bmr_mifflin_st_jeor(*, sex: str, weight_kg: float, height_cm: float, age: int) -> float:
    """Mifflin MD, St Jeor ST et al., Am J Clin Nutr 1990;51:241-7: 10·kg + 6.25·cm − 5·years + 5 (men) / −161 (women)."""
    return 10.0 * weight_kg + 6.25 * height_cm - 5.0 * age + (5.0 if sex == "male" else -161.0)


def computed_targets(profile: Profile) -> dict[str, float] | None:
    """None when the profile lacks what the formula needs."""
    if None in (profile.sex, profile.age, profile.height_cm, profile.weight_kg, profile.activity_level):
        return None
    tdee = bmr_mifflin_st_jeor(sex=profile.sex, weight_kg=profile.weight_kg, height_cm=profile.height_cm,
                               age=profile.age) * ACTIVITY_FACTORS[profile.activity_level]
    rate = profile.goal_rate_kg_per_week or 0.0
    change = {"lose": -1.0, "gain": 1.0}.get(profile.goal or "keep", 0.0) * rate * KCAL_PER_KG / 7.0
    energy = max(tdee + change, MIN_ENERGY_KCAL[profile.sex])
    targets = {"energy_kcal": round(energy)}
    for name, (share, kcal_per_g) in MACRO_SPLIT.items():
        targets[name] = round(energy * share / kcal_per_g)
    return targets
