"""Per-request state: the database session, the signed-in user, the process-wide meal analyser."""
from __future__ import annotations

import threading

from flask import current_app, g
from sqlmodel import Session

from foodca.config import Settings
from foodca.models import User


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
    """Builds the MealAnalyser on first use, once per process, whichever thread asks first."""

    def __init__(self, engine, settings: Settings):
        self._engine, self._settings = engine, settings
        self._analyser = None
        self._lock = threading.Lock()

    @property
    def loaded(self) -> bool:
        return self._analyser is not None

    def get(self):
        if self._analyser is None:
            with self._lock:
                if self._analyser is None:
                    from foodca.nutrition.meal import MealAnalyser

                    self._analyser = MealAnalyser.build(self._engine, self._settings.llm_providers,
                                                        llm_deadline_s=self._settings.llm_deadline_s,
                                                        match_cache_size=self._settings.match_cache_size)
        return self._analyser


def analyser():
    return current_app.extensions["foodca_analyser"].get()
