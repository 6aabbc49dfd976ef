"""Looking foods up: text search (Chinese and English, generic foods first), by id, by barcode."""
from __future__ import annotations

from sqlalchemy import case, func, or_, select, union
from sqlmodel import Session

from foodca.errors import NotFound
from foodca.models import Alias, DataRelease, Food, Portion


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _has_cjk(text: str) -> bool:
    return any("\u3400" <= char <= "\u9fff" for char in text)


# Trigrams are three characters: a shorter query cannot use the trigram index, and one scan beats a union of scans.
TRIGRAM = 3


def _matching(text: str, pattern: str):
    """Foods whose name, Chinese name or an alias contains the text: by a union of one lookup per column, each
    of which PostgreSQL answers from an index (migration 0005: a trigram index on name, a partial index over the
    few thousand foods with a Chinese name), where one OR across the columns scanned all 400,000 foods.
    Chinese text is not looked for in `name`: USDA's English names hold none, and that lookup was the scan."""
    by_zh = select(Food.id).where(Food.name_zh.is_not(None), Food.name_zh.ilike(pattern, escape="\\"))
    by_alias = select(Alias.food_id).where(Alias.text.ilike(pattern, escape="\\"))
    if _has_cjk(text):
        return Food.id.in_(union(by_zh, by_alias))
    if len(text) < TRIGRAM:
        return or_(Food.name.ilike(pattern, escape="\\"), Food.name_zh.ilike(pattern, escape="\\"), Food.id.in_(by_alias))
    return Food.id.in_(union(select(Food.id).where(Food.name.ilike(pattern, escape="\\")), by_zh, by_alias))


def search_foods(*, session: Session, query: str, limit: int, offset: int,
                 best_match: int | None = None) -> tuple[list[Food], int]:
    """Active foods whose name, Chinese name or an alias contains the query, and `best_match`.

    `best_match` is the food a meal saying just the query would log (the matcher's pick): it comes first, even
    when its name does not contain the query (ugali is "Grits, …"), so search and logging agree. Then: generic
    before branded; names that begin with the query as a word (egg → "Egg, whole", not "Eggplant") before other
    prefixes, before the rest; then shorter names first.
    """
    text = query.strip()
    pattern = _like(text)
    best = session.get(Food, best_match) if best_match is not None else None
    if best is not None and best.retired_at is not None:
        best = None
    # The best match is fetched by id and the search leaves it out: an OR in the search would cost its indexes.
    where = (Food.retired_at.is_(None), _matching(text, pattern), *([Food.id != best.id] if best else []))
    name = func.coalesce(Food.name_zh, Food.name) if _has_cjk(text) else Food.name
    prefix = pattern[1:]  # "text%"
    word_start = or_(func.lower(name) == text.lower(), name.ilike(prefix[:-1] + ",%", escape="\\"),
                     name.ilike(prefix[:-1] + " %", escape="\\"), name.ilike(prefix[:-1] + "（%", escape="\\"))
    rank = case((word_start, 0), (name.ilike(prefix, escape="\\"), 1), else_=2)
    branded = case((Food.data_type == "branded_food", 1), else_=0)
    # One scan: the total rides along on every row of the page.
    head = [best] if best is not None and offset == 0 else []
    skip = max(offset - 1, 0) if best is not None else offset
    rows = session.execute(select(Food, func.count().over().label("total")).where(*where)
                           .order_by(branded, rank, func.length(name), Food.id)
                           .limit(limit - len(head)).offset(skip)).all() if limit > len(head) else []
    total = rows[0][1] if rows else session.execute(select(func.count(Food.id)).where(*where)).scalar_one()
    return head + [row[0] for row in rows], total + (best is not None)


def get_food(*, session: Session, food_id: int) -> Food:
    food = session.get(Food, food_id)
    if food is None:
        raise NotFound(f"no food {food_id}")
    return food


def food_details(*, session: Session, food: Food) -> dict:
    """The food with its portions and the release it came from."""
    portions = session.execute(select(Portion).where(Portion.food_id == food.id).order_by(Portion.seq, Portion.id))
    release = session.get(DataRelease, food.release_id) if food.release_id else None
    return {**food.model_dump(), "portions": list(portions.scalars()),
            "release": None if release is None else {"id": release.id, "name": release.name,
                                                      "imported_at": release.imported_at}}


def gtin_forms(code: str) -> list[str]:
    """The same barcode as UPC-A, EAN-13 or GTIN-14: tables store it with or without leading zeros."""
    bare = code.lstrip("0") or "0"
    return sorted({bare.zfill(width) for width in (8, 12, 13, 14) if len(bare) <= width} | {code})


def food_by_gtin(*, session: Session, gtin: str) -> Food:
    food = session.execute(select(Food).where(Food.gtin.in_(gtin_forms(gtin)), Food.retired_at.is_(None))
                           .order_by(Food.id.desc()).limit(1)).scalar()
    if food is None:
        raise NotFound(f"no food with barcode {gtin}")
    return food
