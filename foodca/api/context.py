"""Per-request state: the database session, the signed-in user, the process-wide meal analyser."""
from __future__ import annotations

import logging
import os
import threading
import time

from flask import current_app, g
from sqlmodel import Session

from foodca.config import Settings
from foodca.models import User

log = logging.getLogger(__name__)


def db() -> Session:
    """The request's session; closed (and rolled back if not committed) when the request ends."""
    if "db_session" not in g:
        g.db_session = Session(current_app.extensions["foodca_engine"], expire_on_commit=False)
    return g.db_session


def close_db(_exc=None) -> None:
    session = g.pop("db_session", None)
    if session is not None:
        session.close()


def settings() -> Settings:
    return current_app.extensions["foodca_settings"]


def current_user() -> User:
    return g.user


class LazyAnalyser:
    """Builds the MealAnalyser on first use, once per process, whichever thread asks first; then rebuilds it in the
    background when an import has changed the food tables, so new meals use the new values without a restart.

    Once built, a watcher thread compares the tables' version with the analyser's every `index_refresh_s`, whether
    or not requests come: a worker that sat idle through an import must not answer its next request from the old
    index (a retired food, old values). Requests go on with the current analyser until the new one is built and
    swapped in (one reference assignment). Meanwhile the process holds two indexes: about twice the usual memory
    for 10-20 s.
    """

    def __init__(self, engine, settings: Settings):
        self._engine, self._settings = engine, settings
        self._analyser = None
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._watcher: threading.Thread | None = None

    @property
    def loaded(self) -> bool:
        return self._analyser is not None

    def get(self):
        analyser = self._analyser
        if analyser is None:
            with self._lock:
                if self._analyser is None:
                    self._analyser = self._build()
                    self._start_watching()
                analyser = self._analyser
        return analyser

    def stop_refreshing(self) -> None:
        """No more rebuilds; wait for one in progress (before the engine is disposed, e.g. at a test's end)."""
        self._stop.set()
        if self._watcher is not None:
            self._watcher.join()

    def _build(self):
        from foodca.nutrition.meal import MealAnalyser

        return MealAnalyser.build(self._engine, self._settings.llm_providers,
                                  llm_deadline_s=self._settings.llm_deadline_s,
                                  match_cache_size=self._settings.match_cache_size)

    def _start_watching(self) -> None:
        # Started after the first build, so in the gunicorn worker itself (threads do not survive the fork).
        if self._settings.index_refresh_s > 0 and not self._stop.is_set():
            self._watcher = threading.Thread(target=self._watch, name="food-index-watch", daemon=True)
            self._watcher.start()

    def _watch(self) -> None:
        while not self._stop.wait(self._settings.index_refresh_s):
            self._refresh()

    def _refresh(self) -> None:
        from foodca.nutrition.meal import food_tables_version

        try:
            version = food_tables_version(self._engine)
            if version != self._analyser.tables_version:
                started = time.perf_counter()
                self._analyser = self._build()
                log.info("food index rebuilt", extra={"fields": {
                    "tables_version": version, "pid": os.getpid(), "seconds": round(time.perf_counter() - started, 1)}})
        except Exception:  # noqa: BLE001  (a failed refresh keeps the index this process already serves)
            log.exception("food index refresh failed; serving the index built before")


def analyser():
    return current_app.extensions["foodca_analyser"].get()
