"""Load an Extract into the database: upsert by (source, source_id), retire what left, all in one transaction."""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import numpy as np
import pandas as pd
from sqlalchemy import bindparam, func, insert, select, update
from sqlalchemy.engine import Connection, Engine
from tqdm import tqdm

from foodca.importers.frames import ALIAS_COLUMNS, FOOD_COLUMNS, NUTRIENT_COLUMNS, PORTION_COLUMNS, Extract
from foodca.models import Alias, DataRelease, Food, Nutrient, Portion

BATCH_ROWS = 20_000
FOOD_WRITE_COLUMNS = [*[c for c in FOOD_COLUMNS if c != "source_id"], "content_hash", "release_id"]


@dataclass
class ImportSummary:
    """What an import did; printed at the end and stored on the release row."""

    source: str
    release_name: str
    added: int = 0
    updated: int = 0
    retired: int = 0
    rejected: int = 0
    unchanged: int = 0
    nutrient_names: int = 0
    seconds: float = 0.0
    release_id: int | None = None
    report_path: Path | None = None
    notes: list[str] = field(default_factory=list)
    by_data_type: dict[str, int] = field(default_factory=dict)

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.retired or self.nutrient_names)

    def counts(self) -> dict:
        return {
            "added": self.added, "updated": self.updated, "retired": self.retired, "rejected": self.rejected,
            "unchanged": self.unchanged, "by_data_type": self.by_data_type,
        }

    def lines(self) -> list[str]:
        head = (
            f"{self.source} {self.release_name}: added {self.added:,} · updated {self.updated:,} · "
            f"retired {self.retired:,} · rejected {self.rejected:,} · unchanged {self.unchanged:,} · "
            f"{self.seconds:.1f} s"
        )
        lines = [head, *self.notes]
        if not self.changed:
            lines.append("Nothing changed: this release is already imported.")
        if self.report_path:
            lines.append(f"Report of rejected, fixed and flagged rows: {self.report_path}")
        return lines


def load_extract(engine: Engine, extract: Extract, *, report_dir: Path | None = None, progress: bool = True,
                 started: float | None = None) -> ImportSummary:
    """Write `extract` in one transaction; readers see the old data until it commits."""
    started = time.perf_counter() if started is None else started
    _cut_to_column_lengths(extract)
    summary = ImportSummary(source=extract.source, release_name=extract.release_name, notes=list(extract.notes))
    summary.rejected = int((extract.report["action"] == "rejected").sum()) if len(extract.report) else 0
    if report_dir is not None and len(extract.report):
        summary.report_path = write_report(extract, report_dir)

    foods = extract.foods.copy()
    foods["content_hash"] = content_hashes(foods, extract.portions, extract.aliases)
    summary.by_data_type = {str(k): int(v) for k, v in foods["data_type"].value_counts().items()}
    with engine.connect() as conn:
        existing = _existing_foods(conn, extract.source)
        nutrient_rows = _changed_nutrient_names(conn, extract.nutrient_names)
    # Nullable integers: a float column would round 64-bit hashes and make every food look changed.
    existing = existing.astype({"id": "Int64", "content_hash": "Int64"})
    merged = foods.merge(existing, on="source_id", how="left", suffixes=("", "_old"))
    is_new = merged["id"].isna()
    is_changed = ~is_new & ((merged["content_hash"] != merged["content_hash_old"]) | merged["retired_at"].notna())
    leaving = existing[
        existing["data_type"].isin(extract.data_types)
        & ~existing["source_id"].isin(foods["source_id"])
        & existing["retired_at"].isna()
    ]
    summary.added, summary.updated, summary.retired = int(is_new.sum()), int(is_changed.sum()), len(leaving)
    summary.unchanged = len(merged) - summary.added - summary.updated
    summary.nutrient_names = len(nutrient_rows)
    if not summary.changed:
        summary.seconds = time.perf_counter() - started
        return summary

    now = datetime.now(timezone.utc)
    with engine.begin() as conn:
        summary.release_id = conn.execute(
            insert(DataRelease).values(
                source=extract.source, name=extract.release_name[:255], files=extract.files,
                counts=summary.counts(), imported_at=now,
            )
        ).inserted_primary_key[0]
        if nutrient_rows:
            _upsert_nutrient_names(conn, nutrient_rows)
        next_id = (conn.execute(select(func.max(Food.id))).scalar() or 0) + 1
        merged.loc[is_new, "id"] = np.arange(next_id, next_id + summary.added)
        merged["id"] = merged["id"].astype("int64")
        merged["release_id"] = summary.release_id
        written = merged[is_new | is_changed]
        ids_by_source_id = dict(zip(written["source_id"], written["id"]))
        changed_ids = written.loc[is_changed[is_new | is_changed].values, "id"].tolist()

        _bulk(conn, "INSERT INTO food (id, source, source_id, {cols}) VALUES ({marks})",
              merged.loc[is_new, ["id", "source_id", *FOOD_WRITE_COLUMNS]].assign(source=extract.source)
              [["id", "source", "source_id", *FOOD_WRITE_COLUMNS]], FOOD_WRITE_COLUMNS, progress, "foods added")
        _bulk(conn, "UPDATE food SET {assignments}, retired_at = NULL WHERE id = {mark}",
              merged.loc[is_changed, [*FOOD_WRITE_COLUMNS, "id"]], FOOD_WRITE_COLUMNS, progress, "foods updated")
        if changed_ids:
            for table in (Portion.__table__, Alias.__table__):
                conn.execute(table.delete().where(table.c.food_id == bindparam("food_id")),
                             [{"food_id": food_id} for food_id in changed_ids])
        _insert_children(conn, "portion", extract.portions, PORTION_COLUMNS, ids_by_source_id, progress)
        _insert_children(conn, "alias", extract.aliases, ALIAS_COLUMNS, ids_by_source_id, progress)
        if len(leaving):
            conn.execute(
                update(Food.__table__).where(Food.__table__.c.id == bindparam("food_id")).values(retired_at=now),
                [{"food_id": int(food_id)} for food_id in leaving["id"]],
            )
        if conn.dialect.name == "postgresql":
            for table in ("food", "portion", "alias"):
                conn.exec_driver_sql(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), COALESCE((SELECT MAX(id) FROM {table}), 1))"
                )
    summary.seconds = time.perf_counter() - started
    return summary


def _cut_to_column_lengths(extract: Extract) -> None:
    """Cut text longer than its column to the column's length, and report it: PostgreSQL refuses such a value,
    and one long description must not stop a release of 400,000 foods (SQLite would store it whole)."""
    cut_rows = []
    for frame, table in ((extract.foods, Food.__table__), (extract.portions, Portion.__table__),
                         (extract.aliases, Alias.__table__)):
        for column in frame.columns:
            length = getattr(table.c[column].type, "length", None) if column in table.c else None
            if not length or frame[column].dtype != object:
                continue
            too_long = frame[column].str.len().gt(length)  # NaN (no text) is not too long
            if not too_long.any():
                continue
            for source_id, value in zip(frame.loc[too_long, "source_id"], frame.loc[too_long, column]):
                cut_rows.append({"file": extract.release_name, "line": None, "source_id": source_id,
                                 "name": value[:80], "action": "fixed",
                                 "reason": f"{table.name}.{column} of {len(value)} characters cut to {length}"})
            frame.loc[too_long, column] = frame.loc[too_long, column].str.slice(0, length)
    if cut_rows:
        extract.report = pd.concat([extract.report, pd.DataFrame(cut_rows)], ignore_index=True)


def content_hashes(foods: pd.DataFrame, portions: pd.DataFrame, aliases: pd.DataFrame) -> np.ndarray:
    """A 64-bit hash per food over its values, portions and aliases: equal hash, nothing to write."""
    frame = foods[FOOD_COLUMNS].copy()
    frame["portions"] = _set_hash_by_food(portions, PORTION_COLUMNS, frame["source_id"])
    frame["aliases"] = _set_hash_by_food(aliases, ALIAS_COLUMNS, frame["source_id"])
    return pd.util.hash_pandas_object(frame, index=False).to_numpy().view("int64")


def _set_hash_by_food(rows: pd.DataFrame, columns: list[str], source_ids: pd.Series) -> np.ndarray:
    """Per food, the wrapping sum of its rows' hashes: the same rows in any order give the same value."""
    if rows.empty:
        return np.zeros(len(source_ids), dtype="uint64")
    row_hashes = pd.util.hash_pandas_object(rows[columns[1:]], index=False).to_numpy()
    codes, keys = pd.factorize(rows["source_id"])
    sums = np.zeros(len(keys), dtype="uint64")
    np.add.at(sums, codes, row_hashes)
    position = pd.Index(keys).get_indexer(source_ids)
    return np.where(position >= 0, sums[position], np.uint64(0))


def _existing_foods(conn: Connection, source: str) -> pd.DataFrame:
    # Straight from the driver cursor: SQLAlchemy's row objects cost a second at 400k foods.
    columns = ["id", "source_id", "data_type", "content_hash", "retired_at"]
    cursor = conn.connection.driver_connection.cursor()
    cursor.execute(f"SELECT {', '.join(columns)} FROM food WHERE source = {_marks(conn, 1)[0]}", (source,))
    rows = cursor.fetchall()
    cursor.close()
    return pd.DataFrame(rows, columns=columns).astype({"source_id": object, "data_type": object})


def _marks(conn: Connection, count: int) -> list[str]:
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    return [mark] * count


def _bulk(conn: Connection, template: str, frame: pd.DataFrame, columns: list[str], progress: bool, label: str) -> None:
    """executemany straight on the driver: JSON text goes in as text and 400k rows take seconds, not minutes."""
    if frame.empty:
        return
    marks = _marks(conn, frame.shape[1])
    sql = template.format(
        cols=", ".join(columns), marks=", ".join(marks),
        assignments=", ".join(f"{column} = {mark}" for column, mark in zip(columns, marks)), mark=marks[0],
    )
    with tqdm(total=len(frame), desc=label, unit=" rows", disable=not progress, leave=False) as bar:
        for start in range(0, len(frame), BATCH_ROWS):
            chunk = frame.iloc[start:start + BATCH_ROWS].astype(object)
            chunk = chunk.where(chunk.notna(), None)
            conn.exec_driver_sql(sql, list(chunk.itertuples(index=False, name=None)))
            bar.update(len(chunk))


def _insert_children(conn: Connection, table: str, rows: pd.DataFrame, columns: list[str],
                     ids_by_source_id: dict[str, int], progress: bool) -> None:
    if rows.empty or not ids_by_source_id:
        return
    food_ids = rows["source_id"].map(ids_by_source_id)
    keep = food_ids.notna()
    frame = rows.loc[keep, columns[1:]].copy()
    frame.insert(0, "food_id", food_ids[keep].astype("int64"))
    names = ["food_id", *columns[1:]]
    marks = ", ".join(_marks(conn, len(names)))
    _bulk(conn, f"INSERT INTO {table} ({', '.join(names)}) VALUES ({marks})", frame, names, progress, f"{table} rows")


def _changed_nutrient_names(conn: Connection, names: pd.DataFrame) -> list[dict]:
    if names.empty:
        return []
    stored = {row.id: (row.name, row.unit_name, row.nutrient_nbr) for row in conn.execute(select(Nutrient))}
    wanted = names[NUTRIENT_COLUMNS].astype(object).where(names[NUTRIENT_COLUMNS].notna(), None)
    return [
        {"id": int(row.id), "name": row.name, "unit_name": row.unit_name, "nutrient_nbr": row.nutrient_nbr}
        for row in wanted.itertuples()
        if stored.get(int(row.id)) != (row.name, row.unit_name, row.nutrient_nbr)
    ]


def _upsert_nutrient_names(conn: Connection, rows: list[dict]) -> None:
    table = Nutrient.__table__
    stored_ids = {row[0] for row in conn.execute(select(table.c.id))}
    fresh = [row for row in rows if row["id"] not in stored_ids]
    known = [{**row, "nutrient_id": row["id"]} for row in rows if row["id"] in stored_ids]
    if fresh:
        conn.execute(insert(table), fresh)
    if known:
        conn.execute(
            update(table).where(table.c.id == bindparam("nutrient_id"))
            .values(name=bindparam("name"), unit_name=bindparam("unit_name"), nutrient_nbr=bindparam("nutrient_nbr")),
            [{k: v for k, v in row.items() if k != "id"} for row in known],
        )


def write_report(extract: Extract, report_dir: Path) -> Path:
    report_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    path = report_dir / f"{extract.source}-import-{stamp}.csv"
    extract.report.to_csv(path, index=False)
    return path
