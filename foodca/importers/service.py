"""Import entry points shared by the CLI and the quick start: resolve paths, extract, load, report."""
from __future__ import annotations

import json
import time
from collections import defaultdict
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from foodca.importers.errors import ImportFileError
from foodca.importers.loader import ImportSummary, load_extract
from foodca.importers.release_files import download
from foodca.models import Alias, DataRelease, Food, Portion

DEMO_USDA_DIR = Path(__file__).resolve().parent.parent / "data" / "demo_usda"


def demo_releases() -> list[Path]:
    """The demo table: SR Legacy and FNDDS subsets in the official layout, one folder per release."""
    return sorted(path for path in DEMO_USDA_DIR.iterdir() if path.is_dir())
MANIFEST = Path(__file__).resolve().parent.parent.parent / "data" / "usda_import" / "manifest.json"


def resolve_release_paths(locations: list[str], download_dir: Path) -> list[Path]:
    """Local zips and folders as given; http(s) URLs downloaded into `download_dir` first."""
    paths = []
    for location in locations:
        if location.startswith(("http://", "https://")):
            try:
                paths.append(download(location, download_dir))
            except OSError as exc:
                raise ImportFileError(location, f"download failed: {exc}") from exc
        else:
            paths.append(Path(location))
    return paths


def import_usda(engine: Engine, locations: list[str], *, download_dir: Path, report_dir: Path | None,
                progress: bool = True) -> ImportSummary:
    from foodca.importers.usda import extract_usda

    started = time.perf_counter()
    extract = extract_usda(resolve_release_paths(locations, download_dir), progress=progress)
    return load_extract(engine, extract, report_dir=report_dir, progress=progress, started=started)


def import_cfct(engine: Engine, path: Path, *, report_dir: Path | None, progress: bool = True) -> ImportSummary:
    from foodca.importers.cfct import extract_cfct

    started = time.perf_counter()
    extract = extract_cfct(Path(path))
    return load_extract(engine, extract, report_dir=report_dir, progress=progress, started=started)


def find_usda_releases(search: list[Path]) -> list[Path]:
    """FoodData Central zips or unpacked folders in the first place of `search` that has any."""
    for place in search:
        if place.is_file() and place.suffix == ".zip":
            return [place]
        if place.is_dir():
            found = sorted(p for p in place.iterdir()
                           if p.name.startswith("FoodData_Central_") and (p.suffix == ".zip" or p.is_dir()))
            if found:
                return found
    return []


def download_official(download_dir: Path, timeout: float = 10.0) -> list[Path]:
    """The generic releases listed in the manifest (branded is left to an explicit import: it is large)."""
    releases = json.loads(MANIFEST.read_text())["releases"]
    return [download(entry["url"], download_dir, timeout=timeout)
            for entry in releases if entry["data_type"] != "branded_food"]


def db_stats(engine: Engine) -> dict:
    """Counts for `foodca db stats --json`."""
    with engine.connect() as conn:
        foods: dict = defaultdict(dict)
        retired: dict = defaultdict(int)
        rows = conn.execute(
            select(Food.source, Food.data_type, Food.retired_at.is_(None), func.count())
            .group_by(Food.source, Food.data_type, Food.retired_at.is_(None))
        )
        for source, data_type, active, count in rows:
            if not active:
                retired[source] += count
            elif source == "cfct":
                foods["cfct"] = foods.get("cfct", 0) + count
            else:
                foods[source][data_type] = count
        releases = [
            {"id": r.id, "source": r.source, "name": r.name, "imported_at": r.imported_at.isoformat(),
             "counts": r.counts, "files": r.files}
            for r in conn.execute(select(DataRelease).order_by(DataRelease.id))
        ]
        return {
            "foods": {"usda": dict(foods.get("usda", {})), "cfct": foods.get("cfct", 0)},
            "retired": dict(retired),
            "portions": conn.execute(select(func.count()).select_from(Portion)).scalar(),
            "aliases": conn.execute(select(func.count()).select_from(Alias)).scalar(),
            "releases": releases,
        }
