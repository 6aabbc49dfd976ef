"""`foodca` command line: thin commands over the importers and the meal pipeline."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from foodca.config import Settings


class Context:
    """Settings and engine, made on first use so `foodca --help` touches nothing."""

    def __init__(self):
        self.settings = Settings.from_env()
        self._engine = None

    @property
    def engine(self):
        if self._engine is None:
            from foodca.db import make_engine, upgrade

            upgrade(self.settings.database_url)
            self._engine = make_engine(self.settings.database_url)
            # Pooled connections are closed when the command ends, not left for the garbage collector.
            click.get_current_context().call_on_close(self._engine.dispose)
        return self._engine

    @property
    def report_dir(self) -> Path:
        return self.settings.instance_dir / "reports"


pass_context = click.make_pass_decorator(Context, ensure=True)
SAMPLE_MEALS = ("一个馒头，一小盘西红柿炒鸡蛋，一杯鲜榨橙汁，半根玉米，一小盘酱牛肉", "two eggs, a cup of rice and an apple")


def fail(message: str) -> None:
    click.secho(f"error: {message}", fg="red", err=True)
    sys.exit(2)


@click.group()
def cli() -> None:
    """FoodCa maintenance commands."""


@cli.group("import")
def import_group() -> None:
    """Import food composition tables."""


@import_group.command("usda")
@click.argument("locations", nargs=-1, required=True)
@click.option("--no-progress", is_flag=True, help="Hide progress bars.")
@pass_context
def import_usda_command(ctx: Context, locations: tuple[str, ...], no_progress: bool) -> None:
    """Import FoodData Central CSV releases: zips, unpacked folders or http(s) URLs, in one transaction."""
    from foodca.importers.errors import ImportFileError
    from foodca.importers.service import import_usda

    try:
        summary = import_usda(ctx.engine, list(locations), download_dir=ctx.settings.usda_import_dir,
                              report_dir=ctx.report_dir, progress=not no_progress)
    except ImportFileError as exc:
        fail(f"{exc}\nNothing was imported; the database is as it was.")
    click.echo("\n".join(summary.lines()))


@import_group.command("cfct")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--no-progress", is_flag=True, help="Hide progress bars.")
@pass_context
def import_cfct_command(ctx: Context, path: Path, no_progress: bool) -> None:
    """Import the China Food Composition Table (CSV or XLSX with its printed Chinese headers)."""
    from foodca.importers.errors import ImportFileError
    from foodca.importers.service import import_cfct

    try:
        summary = import_cfct(ctx.engine, path, report_dir=ctx.report_dir, progress=not no_progress)
    except ImportFileError as exc:
        fail(f"{exc}\nNothing was imported; the database is as it was.")
    click.echo("\n".join(summary.lines()))


@cli.group("db")
def db_group() -> None:
    """Database schema and contents."""


@db_group.command("upgrade")
@pass_context
def db_upgrade(ctx: Context) -> None:
    """Apply every migration."""
    ctx.engine  # noqa: B018  (making the engine runs the migrations)
    click.echo(f"schema up to date: {ctx.settings.database_url}")


@db_group.command("stats")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_context
def db_stats_command(ctx: Context, as_json: bool) -> None:
    """Count foods by source and data type, portions, aliases and releases."""
    from foodca.importers.service import db_stats

    stats = db_stats(ctx.engine)
    if as_json:
        click.echo(json.dumps(stats, ensure_ascii=False, indent=2))
        return
    for data_type, count in sorted(stats["foods"]["usda"].items()):
        click.echo(f"usda {data_type:<20} {count:>9,}")
    click.echo(f"cfct {'':<20} {stats['foods']['cfct']:>9,}")
    click.echo(f"portions {stats['portions']:,} · aliases {stats['aliases']:,} · releases {len(stats['releases'])}")


@cli.group("users")
def users_group() -> None:
    """Accounts of the API (operators)."""


@users_group.command("set-plan")
@click.argument("user_id", type=int)
@click.argument("plan", type=click.Choice(["free", "member"]))
@pass_context
def set_plan_command(ctx: Context, user_id: int, plan: str) -> None:
    """Set a user's plan; it decides the daily quota of model-based parses."""
    from sqlmodel import Session

    from foodca.accounts import set_plan

    with Session(ctx.engine) as session:
        try:
            set_plan(session=session, user_id=user_id, plan=plan)
        except LookupError as exc:
            fail(str(exc))
        session.commit()
    click.echo(f"user {user_id}: plan {plan}")


@cli.command("quickstart")
@pass_context
def quickstart(ctx: Context) -> None:
    """Set up the database with the best USDA data at hand, parse two sample meals, say which data it runs on."""
    from foodca.importers.errors import ImportFileError
    from foodca.importers.service import (
        DEMO_USDA_DIR, db_stats, demo_releases, download_official, find_usda_releases, import_usda,
    )

    stats = db_stats(ctx.engine)
    if not stats["foods"]["usda"]:
        search = [Path(ctx.settings.usda_path)] if ctx.settings.usda_path else []
        search.append(ctx.settings.usda_import_dir)
        releases = find_usda_releases(search)
        if not releases and ctx.settings.usda_download:
            try:
                click.echo("No USDA release files found; trying the official download ...")
                releases = download_official(ctx.settings.usda_import_dir)
            except OSError as exc:
                click.echo(f"Download not possible ({exc}).")
        if not releases:
            click.echo("Using the demo table kept in this repository.")
            releases = demo_releases()
        try:
            summary = import_usda(ctx.engine, [str(p) for p in releases], download_dir=ctx.settings.usda_import_dir,
                                  report_dir=ctx.report_dir)
        except ImportFileError as exc:
            fail(str(exc))
        click.echo("\n".join(summary.lines()))
        stats = db_stats(ctx.engine)
    names = [release["name"] for release in stats["releases"] if release["source"] == "usda"]
    demo = any(DEMO_USDA_DIR.name in name for name in names)
    total = sum(stats["foods"]["usda"].values())
    from foodca.nutrition.meal import MealAnalyser

    analyser = MealAnalyser.build(ctx.engine, ctx.settings.llm_providers, llm_deadline_s=ctx.settings.llm_deadline_s,
                                  match_cache_size=ctx.settings.match_cache_size)
    for meal in SAMPLE_MEALS:
        click.echo(f"\n> {meal}")
        click.echo(format_meal_table(analyser.analyse(meal)))
    click.secho(
        f"\nRunning on {'the DEMO table (a few hundred SR Legacy and FNDDS foods)' if demo else 'USDA FoodData Central'}: "
        f"{total:,} USDA foods, {stats['foods']['cfct']:,} CFCT foods; database {ctx.settings.database_url}; "
        f"splitter: {'model, offline parser as fallback' if ctx.settings.llm_providers else 'offline parser'}",
        fg="yellow" if demo else "green",
    )


@cli.command("parse")
@click.argument("text", required=False)
@click.option("--jsonl", is_flag=True, help='Read {"id", "text"} lines on stdin, write one JSON line per input.')
@click.option("--offline", is_flag=True, help="Use the offline parser even when a model is configured.")
@pass_context
def parse_command(ctx: Context, text: str | None, jsonl: bool, offline: bool) -> None:
    """Split a meal into foods with grams and nutrients from the food tables."""
    from foodca.nutrition.meal import MealAnalyser

    if not jsonl and not text:
        fail("give the meal TEXT, or --jsonl to read lines on stdin")
    analyser = MealAnalyser.build(ctx.engine, ctx.settings.llm_providers, llm_deadline_s=ctx.settings.llm_deadline_s,
                                  match_cache_size=ctx.settings.match_cache_size)
    if not jsonl:
        click.echo(format_meal_table(analyser.analyse(text, use_model=not offline)))
        return
    for line_number, line in enumerate(sys.stdin, start=1):
        if not line.strip():
            continue
        request_id = None
        try:
            request = json.loads(line)
            if not isinstance(request, dict):
                raise ValueError("each line must be a JSON object")
            request_id = request.get("id")
            if not isinstance(request.get("text"), str) or not request["text"].strip():
                raise ValueError('"text" must be a non-empty string')
            result = analyser.analyse(request["text"], use_model=not offline)
            result.pop("seconds", None)
            click.echo(json.dumps({"id": request_id, **result}, ensure_ascii=False))
        except ValueError as exc:  # json.JSONDecodeError is a ValueError
            click.echo(json.dumps({"id": request_id, "error": f"line {line_number}: {exc}"}, ensure_ascii=False))


def format_meal_table(result: dict) -> str:
    """A readable table: one row per item, then the totals; numbers rounded for display only."""
    def number(value, digits=0):
        return "-" if value is None else f"{value:.{digits}f}"

    lines = [f"parser: {result['parser']}",
             f"{'said':<18} {'food':<42} {'grams':>6} {'basis':<15} {'kcal':>6} {'prot':>6} {'fat':>6} {'carb':>6}"]
    for item in result["items"]:
        food = item["food"]["name"] if item["food"] else "UNMATCHED: " + ", ".join(
            a["name"] for a in item["alternatives"][:3])
        lines.append(f"{item['said'][:18]:<18} {food[:42]:<42} {number(item['grams']):>6} {item['basis'] or '-':<15} "
                     f"{number(item['energy_kcal']):>6} {number(item['protein_g'], 1):>6} "
                     f"{number(item['fat_g'], 1):>6} {number(item['carb_g'], 1):>6}")
    totals = result["totals"]
    lines.append(f"{'total':<18} {'':<42} {'':>6} {'':<15} {number(totals['energy_kcal']):>6} "
                 f"{number(totals['protein_g'], 1):>6} {number(totals['fat_g'], 1):>6} {number(totals['carb_g'], 1):>6}")
    return "\n".join(lines)


@cli.group("reviews")
def reviews_group() -> None:
    """Daily reviews (operators)."""


@reviews_group.command("run")
@click.option("--date", "day", required=True, type=click.DateTime(["%Y-%m-%d"]), help="The users' local day.")
@click.option("--user", "user_id", type=int, help="Only this user.")
@pass_context
def reviews_run_command(ctx: Context, day, user_id: int | None) -> None:
    """Write the reviews of a local day for every user with meals that day and no review yet."""
    from sqlmodel import Session

    from foodca.reviews import run_reviews, users_with_meals

    with Session(ctx.engine) as session:
        user_ids = users_with_meals(session=session, day=day.date(), user_id=user_id)
    report = run_reviews(engine=ctx.engine, settings=ctx.settings, pairs=[(u, day.date()) for u in user_ids],
                         trigger="operator")
    click.echo("\n".join(report.lines()))


@cli.command("scheduler")
@pass_context
def scheduler_command(ctx: Context) -> None:
    """Run the scheduler in the foreground: nightly reviews at each user's review hour (a process of its own)."""
    import logging
    import signal

    from foodca.jobs.scheduler import build_scheduler

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    settings = ctx.settings
    click.echo(f"scheduler: reviews at {settings.review_hour}:00 local, every {settings.review_tick_minutes} min, "
               f"grace {settings.review_grace_hours:g} h, {settings.review_concurrency} at once", err=True)
    scheduler = build_scheduler(engine=ctx.engine, settings=settings)
    if settings.scheduler_metrics_port:
        from prometheus_client import start_http_server

        # Loopback only: the scraper runs on this host or reaches it through the operator's own tunnel.
        start_http_server(settings.scheduler_metrics_port, addr="127.0.0.1")
        click.echo(f"scheduler: metrics on http://127.0.0.1:{settings.scheduler_metrics_port}/metrics", err=True)
    # A stop mid-run leaves claims that go stale and are taken over by the next tick within the grace window.
    signal.signal(signal.SIGTERM, lambda *_: scheduler.shutdown(wait=False))
    try:
        scheduler.start()
    except KeyboardInterrupt:
        scheduler.shutdown(wait=False)
