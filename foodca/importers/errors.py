"""Errors an import reports to the maintainer: which file, which line, what is wrong."""
from __future__ import annotations


class ImportFileError(Exception):
    """A release file cannot be imported; nothing is written."""

    def __init__(self, file: str, message: str, line: int | None = None):
        self.file = file
        self.line = line
        self.message = message
        where = f"{file}:{line}" if line is not None else file
        super().__init__(f"{where}: {message}")
