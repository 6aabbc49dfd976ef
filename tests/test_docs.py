"""The operator docs name every environment variable the code reads."""
from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
READERS = [ROOT / "foodca" / "config.py", ROOT / "gunicorn.conf.py", ROOT / "tests" / "databases.py",
           ROOT / "tools" / "test_postgres.sh"]


def variables_read() -> set[str]:
    names = set()
    for path in READERS:
        source = path.read_text(encoding="utf-8")
        names |= set(re.findall(r"""(?:environ|env)(?:\.get\(|\[)\s*["']([A-Z][A-Z0-9_]+)["']""", source))
        names |= set(re.findall(r"""_optional\(env, "([A-Z][A-Z0-9_]+)\"""", source))
        names |= set(re.findall(r"\$\{([A-Z][A-Z0-9_]+):-", source))  # shell: ${NAME:-default}
        # Provider settings are read through a prefix: FOODCA_LLM_ + BASE_URL, MODEL, ...
        for suffix in re.findall(r'prefix \+ "([A-Z_]+)"', source):
            names.add(f"FOODCA_LLM_{suffix}")
    return names


def test_every_variable_read_is_in_the_configuration_reference():
    reference = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    read = variables_read()
    assert {"FOODCA_DATABASE_URL", "FOODCA_LLM_API_KEY", "WEB_CONCURRENCY", "FOODCA_TEST_PG_PORT"} <= read
    missing = sorted(name for name in read if f"`{name}`" not in reference)
    assert not missing, f"docs/configuration.md does not describe {missing}"
