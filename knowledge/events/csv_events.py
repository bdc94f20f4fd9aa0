"""Read the epnbot CSV of events: one line per event, for lieux that keep their agenda in a sheet.

Columns (first line; `,`, `;` or tab between them; names without accents or case):

    uid, titre, debut          required; `debut`/`fin`: 2026-03-21T14:00 or 21/03/2026 14:00
                               (local time of the event), with an offset if wanted (+01:00);
                               a date alone is an all-day event
    fin                        optional (an all-day event ends the next day)
    lieu                       the lieu of the base, `source:id` (or its id when unique)
    nom_lieu, adresse, code_postal, commune, code_insee, latitude, longitude
                               where it happens, when it is no lieu of the base
    themes                     tags, separated by `|` (or `;` in a file whose columns use `,`)
    url, description, source   (source: the file's name when absent)
    statut                     programmé (default), complet, reporté, en ligne, annulé
    fuseau                     IANA time zone (default: the commune's, Europe/Paris in metropole)
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Final

from knowledge.events import texts_fr as texts
from knowledge.events.record import CANCELLED, FULL, ONLINE, POSTPONED, SCHEDULED, Occurrence, RawEvent
from knowledge.importers.common import FileUnreadableError, RowRejectedError
from knowledge.importers.standard_csv import sniff_delimiter
from knowledge.textnorm import fold

REQUIRED: Final = ("uid", "titre", "debut")
ALIASES: Final[dict[str, str]] = {
    "title": "titre", "start": "debut", "date_debut": "debut", "end": "fin", "date_fin": "fin", "tags": "themes",
    "theme": "themes", "lieu_id": "lieu", "lieu_nom": "nom_lieu", "ville": "commune", "insee": "code_insee",
    "lat": "latitude", "lon": "longitude", "lng": "longitude", "timezone": "fuseau", "status": "statut",
}
STATUS_WORDS: Final[dict[str, str]] = {
    "": SCHEDULED, "programme": SCHEDULED, "confirme": SCHEDULED, "complet": FULL, "reporte": POSTPONED,
    "en ligne": ONLINE, "annule": CANCELLED, "cancelled": CANCELLED, "canceled": CANCELLED,
}
_FRENCH_MOMENT: Final = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})(?:[ T]+(\d{1,2})\s*[:h]\s*(\d{2})?)?$")


def column_name(raw: str) -> str:
    """The documented name of a header cell (« Début » → debut)."""
    name = fold(raw).replace(" ", "_")
    return ALIASES.get(name, name)


def looks_like(text: str) -> bool:
    """Whether a CSV's header is this format's (uid, titre, debut)."""
    header = text.lstrip("\ufeff").split("\n", 1)[0]
    names = {column_name(cell) for cell in re.split(r"[,;\t]", header)}
    return all(name in names for name in REQUIRED)


def parse_moment(value: str, name: str) -> tuple[dt.datetime, bool]:
    """(datetime, date only) of a cell; naive when it carries no offset (local time)."""
    text = value.strip()
    try:
        if match := _FRENCH_MOMENT.match(text):
            day, month, year, hour, minute = match.groups()
            if hour is None:
                return dt.datetime(int(year), int(month), int(day)), True
            return dt.datetime(int(year), int(month), int(day), int(hour), int(minute or 0)), False
        if len(text) == 10:
            return dt.datetime.combine(dt.date.fromisoformat(text), dt.time()), True
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")), False
    except ValueError as error:
        raise RowRejectedError(texts.UNREADABLE_MOMENT.format(field=name, value=text[:60])) from error


def _tags(value: str, delimiter: str) -> list[str]:
    separators = "|" if delimiter == ";" else "|;"
    return [tag.strip() for tag in re.split(f"[{re.escape(separators)}]", value) if tag.strip()]


def raw_event(cells: dict[str, str], delimiter: str) -> RawEvent:
    """One line as a `RawEvent` (`RowRejectedError` for an unreadable date or status)."""
    if not cells.get("debut", "").strip():
        raise RowRejectedError(texts.MISSING_START)
    start, all_day = parse_moment(cells["debut"], "debut")
    end = parse_moment(cells["fin"], "fin")[0] if cells.get("fin", "").strip() else None
    if all_day and end is not None:
        end += dt.timedelta(days=1)  # « fin » names the last day, inclusive
    status_word = fold(cells.get("statut", ""))
    if status_word not in STATUS_WORDS:
        raise RowRejectedError(texts.STATUS_UNKNOWN.format(value=cells.get("statut", "")[:40]))
    return RawEvent(
        uid=cells.get("uid"), title=cells.get("titre"), occurrences=[Occurrence("", start, end)],
        description=cells.get("description"), status=STATUS_WORDS[status_word],
        timezone=cells.get("fuseau", "").strip() or None, all_day=all_day,
        tags=_tags(cells.get("themes", ""), delimiter), url=cells.get("url"), place_name=cells.get("nom_lieu"),
        address=cells.get("adresse"), commune=cells.get("commune"), postcode=cells.get("code_postal"),
        insee=cells.get("code_insee"), latitude=cells.get("latitude"), longitude=cells.get("longitude"),
        lieu=cells.get("lieu"), source=cells.get("source"),
    )


def read_events(path: Path, text: str) -> Iterator[tuple[int, RawEvent | str]]:
    """(line, event) for each data line, or (line, reason) for one that cannot be read."""
    delimiter = sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = [column_name(cell) for cell in next(reader)]
    except (csv.Error, StopIteration) as error:
        raise FileUnreadableError(texts.CSV_EVENTS_MISSING.format(path=path, columns=", ".join(REQUIRED),
                                                                  found="aucune")) from error
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        raise FileUnreadableError(texts.CSV_EVENTS_MISSING.format(
            path=path, columns=", ".join(missing), found=", ".join(h for h in header if h) or "aucune"))
    return _rows(path, reader, header, delimiter)


def _rows(path: Path, reader: Iterator[list[str]], header: list[str],
          delimiter: str) -> Iterator[tuple[int, RawEvent | str]]:
    previous_end = 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise FileUnreadableError(texts.BAD_EVENT.format(error=error)) from error
        line, previous_end = previous_end + 1, reader.line_num  # type: ignore[attr-defined]
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) > len(header):
            yield line, texts.BAD_EVENT.format(error=f"{len(cells)} cellules pour {len(header)} colonnes")
            continue
        try:
            yield line, raw_event(dict(zip(header, cells, strict=False)), delimiter)
        except RowRejectedError as error:
            yield line, str(error)
