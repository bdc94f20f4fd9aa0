"""What every importer shares: reading a file as UTF-8, parsing cell values, hashing a row, and the
report of an import.

Importers validate every row in Python before touching the database, so they raise
`RowRejectedError` for one bad row (the run goes on) and `FileUnreadableError` for a file that cannot
be read at all (the run stops before any write).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from knowledge.importers import texts_fr

#: Rejected rows kept in `ImportRun.report`; the command line prints them all.
REPORT_LIMIT: Final = 1000
_DATE_FR: Final = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


class FileUnreadableError(ValueError):
    """The whole file is refused before any write; the message is for the user, in French."""


class RowRejectedError(ValueError):
    """One row is refused; the message (in French, without the line) says why."""


@dataclass(frozen=True, slots=True)
class RowReport:
    """A rejected row: where it is in the file and why it was refused."""

    line: int
    reason: str
    id: str | None = None

    @property
    def message(self) -> str:
        """« ligne 12 : latitude « abc » illisible »."""
        return texts_fr.ROW_PREFIX.format(line=self.line, reason=self.reason)

    def as_json(self) -> dict[str, Any]:
        """The row as stored in `ImportRun.report`."""
        return {"line": self.line, "id": self.id, "reason": self.reason}


@dataclass(slots=True)
class FileReport:
    """What an import did to one file; `ok` only when every row went in."""

    path: str
    format: str
    added: int = 0
    changed: int = 0
    unchanged: int = 0
    rejected: list[RowReport] = field(default_factory=list)
    #: Rows imported with a remark the coordinator should read (replaced a lieu from another file,
    #: doubtful placement…); they do not make the import fail.
    notices: list[RowReport] = field(default_factory=list)
    #: Counts per kind for the mediators file (« médiateurs », « coordinateurs »).
    kinds: dict[str, int] = field(default_factory=dict)
    run_id: int | None = None
    seconds: float = 0.0

    @property
    def total(self) -> int:
        """Rows read, rejected ones included."""
        return self.added + self.changed + self.unchanged + len(self.rejected)

    @property
    def ok(self) -> bool:
        """True when no row was rejected (unchanged rows count as imported)."""
        return not self.rejected


@dataclass(frozen=True, slots=True)
class SourceRow:
    """One record of a source file, with the line where it starts (1-based)."""

    line: int
    fields: Mapping[str, Any]


def read_text(path: Path) -> str:
    """The file's text, UTF-8 with or without BOM; anything else is refused with a French hint."""
    try:
        data = path.read_bytes()
    except FileNotFoundError as error:
        raise FileUnreadableError(texts_fr.NOT_FOUND.format(path=path)) from error
    except IsADirectoryError as error:
        raise FileUnreadableError(texts_fr.NOT_A_FILE.format(path=path)) from error
    except OSError as error:
        raise FileUnreadableError(texts_fr.UNREADABLE_OS.format(path=path, error=error.strerror)) from error
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise FileUnreadableError(texts_fr.NOT_UTF8.format(path=path, line=line)) from error
    if not text.strip():
        raise FileUnreadableError(texts_fr.EMPTY_FILE.format(path=path))
    return text


def clean(value: Any) -> str:
    """A cell as stripped text ('' for null); numbers keep their plain spelling."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def bounded(value: Any, field_name: str, limit: int) -> str | None:
    """Stripped text, None when empty; longer than `limit` characters rejects the row."""
    text = clean(value)
    if len(text) > limit:
        raise RowRejectedError(texts_fr.TOO_LONG.format(field=field_name, length=len(text), limit=limit))
    return text or None


def parse_float(value: Any, field_name: str, low: float, high: float) -> float | None:
    """A number in [low, high] (decimal comma accepted), None when empty; otherwise the row is refused."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise RowRejectedError(texts_fr.UNREADABLE_NUMBER.format(field=field_name, value=value))
    try:
        text = value if isinstance(value, int | float) else str(value).strip().replace(",", ".")
        number = float(text)
    except ValueError as error:
        raise RowRejectedError(texts_fr.UNREADABLE_NUMBER.format(field=field_name, value=value)) from error
    if not math.isfinite(number):
        raise RowRejectedError(texts_fr.UNREADABLE_NUMBER.format(field=field_name, value=value))
    if not low <= number <= high:
        raise RowRejectedError(
            texts_fr.OUT_OF_RANGE.format(field=field_name, value=value, low=low, high=high)
        )
    return number


def parse_date(value: Any, field_name: str) -> dt.date | None:
    """A date written AAAA-MM-JJ (optionally with a time) or JJ/MM/AAAA, None when empty."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = clean(value)
    if not text:
        return None
    try:
        if match := _DATE_FR.match(text):
            day, month, year = (int(part) for part in match.groups())
            return dt.date(year, month, day)
        if len(text) > 10 and text[10] in "T ":
            return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
        return dt.date.fromisoformat(text)
    except ValueError as error:
        raise RowRejectedError(texts_fr.UNREADABLE_DATE.format(field=field_name, value=text)) from error


def content_hash(record: Mapping[str, Any]) -> str:
    """sha256 of a normalised record, so a second import of the same row writes nothing."""
    payload = json.dumps(record, sort_keys=True, ensure_ascii=False, default=str, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def line_of(text: str, offset: int, start_line: int = 1, start_offset: int = 0) -> int:
    """Line number of `offset`, counted from a known earlier (line, offset) to stay linear."""
    return start_line + text.count("\n", start_offset, offset)
