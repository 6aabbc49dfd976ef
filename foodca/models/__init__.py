"""Tables. Importing this package registers every table on SQLModel.metadata."""
from foodca.models.food import Alias, DataRelease, Food, Nutrient, Portion
from foodca.models.meal import Meal, MealItem
from foodca.models.review import DailyReview
from foodca.models.user import ApiToken, ModelParseCount, User, WeightEntry

__all__ = ["Alias", "ApiToken", "DailyReview", "DataRelease", "Food", "Meal", "MealItem", "ModelParseCount", "Nutrient", "Portion",
           "User", "WeightEntry"]
