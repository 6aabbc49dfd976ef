"""No shipped config starts a database or a server listening beyond loopback.

Globs, not a list of files, so a deploy script or compose file added later is read too.
"""
from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from databases import TEST_POSTGRES_URL

REPO = Path(__file__).resolve().parents[2]
SHIPPED = ["tools/**/*.sh", ".ci/**/*", "gunicorn.conf.py", "Procfile*", "deploy/**/*", "docs/**/*.md", "*.md",
           "docker-compose*", "compose*.y*ml", "**/*.service", "**/*.conf", "**/pg_hba*", "**/postgresql*.conf"]
LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}
# What a listen address looks like in each kind of config; group 1 is the address.
LISTEN = [
    re.compile(r"listen_addresses\s*[=\s]\s*'?\"?([^'\"\s]+)"),  # postgresql.conf and `-c listen_addresses=`
    re.compile(r"(?:^|\s)(?:-b|--bind|--host|-h)[=\s]+['\"]?([\w.:\[\]*-]+?)(?::\d+)?['\"]?(?:\s|$)"),  # gunicorn/flask
    re.compile(r"\bbind\s*=\s*\[?\s*['\"]([^'\":]+|\[[^\]]+\])"),  # gunicorn.conf.py
    re.compile(r"\bhost\s+\S+\s+\S+\s+([\d.:/a-f]+/\d+)"),  # pg_hba.conf lines
    re.compile(r"['\"]?(\d+\.\d+\.\d+\.\d+):\d+:\d+['\"]?"),  # compose ports "0.0.0.0:5432:5432"
]
PUBLIC_EVERYWHERE = ("0.0.0.0", "*", "::", "[::]", "0.0.0.0/0", "::/0")


def shipped_files() -> list[Path]:
    found = {path for pattern in SHIPPED for path in REPO.glob(pattern) if path.is_file()}
    return sorted(path for path in found if ".git" not in path.parts and "tests" not in path.parts)


def code_of(path: Path) -> str:
    """Markdown: only its code blocks (prose may name 0.0.0.0 to warn against it); other files whole."""
    content = path.read_text(errors="replace")
    if path.suffix == ".md":
        return "\n".join(re.findall(r"```[^\n]*\n(.*?)```", content, flags=re.S))
    return content


def listen_addresses(config: str) -> list[str]:
    return [match.group(1) for pattern in LISTEN for match in pattern.finditer(config)]


def is_loopback(address: str) -> bool:
    if address.startswith("unix:") or address.startswith("$"):
        return True  # a socket file, or a variable checked where it is set
    hosts = [host.strip() for host in address.split(",")]
    return all(host in LOOPBACK or host.startswith("127.") or host in ("127.0.0.1/32", "::1/128") for host in hosts)


def test_the_scan_reads_the_configs_that_start_servers():
    names = {str(path.relative_to(REPO)) for path in shipped_files()}
    assert {"tools/test_postgres.sh", ".ci/run", "gunicorn.conf.py", "README.md"} <= names
    # The scanner finds what it is looking for: the known loopback listens are seen.
    assert "127.0.0.1" in listen_addresses(code_of(REPO / "tools/test_postgres.sh"))
    assert "127.0.0.1" in listen_addresses(code_of(REPO / "README.md"))


@pytest.mark.parametrize("bad", ["listen_addresses = '*'", "-c listen_addresses=0.0.0.0 -p 5432",
                                 "gunicorn -b 0.0.0.0:8000 wsgi:app", "flask --app wsgi run --host=0.0.0.0",
                                 "bind = ['0.0.0.0:8000']", "host all all 0.0.0.0/0 trust",
                                 'ports: ["0.0.0.0:5432:5432"]', "gunicorn --bind 10.1.2.3:80 wsgi:app"])
def test_the_scanner_catches_a_public_listen(bad):
    assert not all(is_loopback(address) for address in listen_addresses(bad)), bad


@pytest.mark.parametrize("path", shipped_files(), ids=lambda path: str(path.relative_to(REPO)))
def test_shipped_config_listens_on_loopback_only(path):
    config = code_of(path)
    public = [address for address in listen_addresses(config) if not is_loopback(address)]
    assert public == [], f"{path.relative_to(REPO)} listens on {public}"
    assert not any(word in config for word in ("0.0.0.0", "INADDR_ANY")), path


def gunicorn_bind(environ: dict[str, str]) -> list[str]:
    """The bind gunicorn would use, started as the README says (from the repository, reading gunicorn.conf.py)."""
    env = {name: value for name, value in os.environ.items() if name not in ("PORT", "GUNICORN_CMD_ARGS")}
    printed = subprocess.run([sys.executable, "-m", "gunicorn", "--print-config", "wsgi:app"], cwd=REPO,
                             env={**env, **environ}, capture_output=True, text=True, timeout=60, check=True).stdout
    line = next(line for line in printed.splitlines() if line.startswith("bind "))
    return ast.literal_eval(line.split("=", 1)[1].strip())


@pytest.mark.parametrize("environ", [{}, {"PORT": "8080"}], ids=["plain", "PORT set"])
def test_gunicorn_binds_loopback_by_default(environ):
    # gunicorn's own default turns into 0.0.0.0:$PORT when the platform sets PORT.
    assert all(address.startswith("127.0.0.1:") for address in gunicorn_bind(environ))


@pytest.mark.skipif(not TEST_POSTGRES_URL, reason="needs FOODCA_TEST_POSTGRES_URL (the second CI pass)")
def test_the_test_postgres_server_listens_on_loopback_only():
    engine = create_engine(TEST_POSTGRES_URL)
    with engine.connect() as conn:
        addresses = conn.execute(text("SHOW listen_addresses")).scalar_one()
    engine.dispose()
    assert is_loopback(addresses), addresses
