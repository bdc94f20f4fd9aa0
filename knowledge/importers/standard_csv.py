"""Read a CSV of the national standard v1 (LaMednum / ANCT) into v1-named records.

Real files vary: `,` or `;` (or tab) between columns, `|` or `;` between values, older column
names (`modalite_acces`, `Itinerance`, `Adresse`), a BOM. The delimiter is read from the header
line; names are compared without case or accents through the alias table of `columns`.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Final

from knowledge.importers import texts_fr
from knowledge.importers.columns import v1_name
from knowledge.importers.common import FileUnreadableError, SourceRow

#: A file without these cannot hold a single valid lieu.
REQUIRED_COLUMNS: Final = ("id", "nom")
#: At least one of these locates the lieu.
PLACE_COLUMNS: Final = ("commune", "code_postal", "code_insee")
_DELIMITERS: Final = (",", ";", "\t")


def column_name(raw: str) -> str:
    """The v1 name of a header cell (`columns.v1_name`: case, accents and aliases forgiven)."""
    return v1_name(raw)


def sniff_delimiter(text: str) -> str:
    """The column delimiter: the one the header line uses most."""
    header = text.split("\n", 1)[0]
    return max(_DELIMITERS, key=header.count)


def read_rows(path: Path, text: str) -> Iterator[SourceRow | tuple[int, str]]:
    """Each data row as a v1-named `SourceRow`, or (line, reason) when its shape is wrong."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text))
    try:
        header = [column_name(cell) for cell in next(reader)]
    except (csv.Error, StopIteration) as error:
        raise FileUnreadableError(texts_fr.CSV_BROKEN.format(path=path, line=1, error=error)) from error
    missing = [name for name in REQUIRED_COLUMNS if name not in header]
    if not any(name in header for name in PLACE_COLUMNS):
        missing.append(" ou ".join(PLACE_COLUMNS))
    if missing:
        raise FileUnreadableError(texts_fr.CSV_MISSING_COLUMNS.format(
            path=path, columns=", ".join(missing), found=", ".join(h for h in header if h) or "aucune"))
    return _data_rows(path, reader, header)


def _data_rows(
    path: Path, reader: Iterator[list[str]], header: list[str]
) -> Iterator[SourceRow | tuple[int, str]]:
    previous_end = 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise FileUnreadableError(
                texts_fr.CSV_BROKEN.format(path=path, line=previous_end + 1, error=error)
            ) from error
        line = previous_end + 1
        previous_end = reader.line_num  # type: ignore[attr-defined]
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) > len(header) and any(cell.strip() for cell in cells[len(header):]):
            yield line, texts_fr.TOO_MANY_CELLS.format(found=len(cells), expected=len(header))
            continue
        fields = {name: cell for name, cell in zip(header, cells, strict=False) if name}
        yield SourceRow(line, fields)
