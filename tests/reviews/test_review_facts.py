"""Facts of a day's review, computed from the meal log on the user's local days."""
from __future__ import annotations

from datetime import date

from review_data import add_meal, add_user
from sqlmodel import Session

from foodca.nutrition.review_facts import review_facts


def test_facts_of_a_day_against_targets_and_the_chinese_guidelines(engine):
    with Session(engine) as session:
        user = add_user(session, target_energy_kcal=2000.0, target_protein_g=100.0)
        add_meal(session, user, "2026-03-01T07:30", {"energy_kcal": 400.0, "protein_g": 20.0, "fat_g": 10.0,
                                                     "carb_g": 57.5, "fiber_g": 3.0, "sodium_mg": 900.0},
                 meal_type="breakfast")
        add_meal(session, user, "2026-03-01T23:50", {"energy_kcal": 1450.0, "protein_g": 60.0, "fat_g": 50.0,
                                                     "carb_g": 190.0, "fiber_g": 7.2, "sodium_mg": 1600.0},
                 {"status": "unmatched", "said": "神秘酱"}, {"energy_kcal": 50.0, "basis": "unit_default",
                                                          "said": "一个苹果"})
        add_meal(session, user, "2026-03-02T00:10")  # the next local day
        add_meal(session, user, "2026-02-28T12:00", {"energy_kcal": 1500.0})
        add_meal(session, user, "2026-02-26T12:00", {"energy_kcal": 2100.0})
        facts = review_facts(session=session, user=user, day=date(2026, 3, 1))
    assert facts["meal_count"] == 2 and facts["item_count"] == 4
    assert facts["totals"]["energy_kcal"] == 1900 and facts["totals"]["sodium_mg"] == 2500
    assert facts["vs_targets"]["energy_kcal"] == {"eaten": 1900, "target": 2000, "difference": -100,
                                                  "percent_of_target": 95}
    # protein 80 g × 4 = 320, fat 60 g × 9 = 540, carb 247.5 g × 4 = 990 kcal
    assert facts["macro_split_pct_energy"] == {"protein": 17, "fat": 29, "carb": 54}
    assert facts["reference"] == "中国居民膳食指南（2022）"
    checks = {check["what"]: check for check in facts["reference_checks"]}
    assert checks["sodium_mg"]["status"] == "above" and checks["sodium_mg"]["high"] == 2000
    assert checks["fiber_g"]["status"] == "below" and checks["fiber_g"]["value"] == 10.2
    assert checks["protein_pct_energy"]["status"] == "within"
    assert facts["first_meal_time"] == "07:30" and facts["last_meal_time"] == "23:50"
    assert facts["streak_days"] == 2  # 28 Feb and 1 Mar; 27 Feb has no meal
    assert facts["last_days"] == {"days": 7, "days_logged": 2, "average_energy_kcal": 1800, "difference_kcal": 100}
    assert facts["unmatched_items"] == {"count": 1, "names": ["神秘酱"]}
    assert facts["estimated_items"] == {"count": 1, "names": ["一个苹果"]}


def test_english_users_are_held_to_the_us_dris(engine):
    with Session(engine) as session:
        user = add_user(session, timezone="America/New_York", locale="en")
        add_meal(session, user, "2026-03-01T12:00", {"energy_kcal": 800.0, "sodium_mg": 2200.0})
        facts = review_facts(session=session, user=user, day=date(2026, 3, 1))
    assert facts["reference"] == "US Dietary Reference Intakes"
    sodium = next(check for check in facts["reference_checks"] if check["what"] == "sodium_mg")
    assert sodium["high"] == 2300 and sodium["status"] == "within"
    assert facts["vs_targets"]["energy_kcal"]["target"] is None  # no profile, no target
    assert facts["macro_split_pct_energy"] is None  # no macros known


def test_a_day_without_meals_has_no_facts(engine):
    with Session(engine) as session:
        user = add_user(session)
        add_meal(session, user, "2026-03-02T08:00")
        assert review_facts(session=session, user=user, day=date(2026, 3, 1)) is None
