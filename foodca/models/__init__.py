"""Tables. Importing this package registers every table on SQLModel.metadata."""
from foodca.models.food import Alias, DataRelease, Food, Nutrient, Portion

__all__ = ["Alias", "DataRelease", "Food", "Nutrient", "Portion"]
