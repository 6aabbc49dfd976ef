"""Domain exceptions; the API maps each to one HTTP status in one place."""
from __future__ import annotations


class NotFound(LookupError):
    """No such object for this user (another user's object is not found either)."""


class InvalidInput(ValueError):
    """A value the schema let through but the domain rejects; names the field."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field
        self.message = message


class AuthError(Exception):
    """Credentials or a token that do not identify a user."""


class Conflict(Exception):
    """The request contradicts what is stored (409)."""
