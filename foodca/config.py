"""Settings: the only module that reads the environment."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Settings:
    database_url: str
    instance_dir: Path
    usda_path: str | None = None
    usda_download: bool = True
    usda_import_dir: Path = field(default=PROJECT_ROOT / "data" / "usda_import")

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> "Settings":
        env = os.environ if environ is None else environ
        instance_dir = Path(env.get("FOODCA_INSTANCE_DIR", PROJECT_ROOT / "instance"))
        default_url = f"sqlite:///{instance_dir / 'foodca.sqlite'}"
        return cls(
            database_url=env.get("FOODCA_DATABASE_URL") or default_url,
            instance_dir=instance_dir,
            usda_path=env.get("FOODCA_USDA_PATH") or None,
            usda_download=env.get("FOODCA_USDA_DOWNLOAD", "1") not in ("0", "false", "no"),
            usda_import_dir=Path(env.get("FOODCA_USDA_IMPORT_DIR", PROJECT_ROOT / "data" / "usda_import")),
        )
