"""Read the cartographie nationale's JSON (schema v0.1, `;` between values) into v1-named records.

Accepts a JSON list of lieux, `{"lieux": [...]}`, and a GeoJSON FeatureCollection (the lieu is each
feature's `properties`, its point the geometry when the properties have none). The list is decoded
element by element so each rejected lieu can be named by the line it starts on.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, Final

from knowledge.importers import texts_fr
from knowledge.importers.columns import v1_name
from knowledge.importers.common import FileUnreadableError, SourceRow, line_of

#: v0.1 values → their v1 wording (the part before « : » is the v0.1 value's short name).
_V01_VALUES: Final[dict[str, dict[str, str]]] = {
    "dispositif_programmes_nationaux": {"CNFS": "Conseillers numériques"},
    "publics_specifiquement_adresses": {
        "Familles/enfants": "Familles et/ou enfants",
        "Jeunes (16-26 ans)": "Jeunes",
        "Seniors (+ 65 ans)": "Seniors",
        "Adultes": "",
    },
    "modalites_accompagnement": {
        "Avec de l'aide": "Accompagnement individuel",
        "Dans un atelier": "Dans un atelier collectif",
        "Seul": "En autonomie",
    },
}
#: Fields whose v0.1 values read « Short name : explanation »; v1 keeps the short name.
_SHORT_NAMED: Final = frozenset({"frais_a_charge", "modalites_accompagnement"})
_CONTAINER_KEYS: Final = ("lieux", "features", "data", "results")
_WHITESPACE: Final = " \t\r\n"


def _translate(column: str, value: Any) -> Any:
    """A v0.1 cell in v1 vocabulary; cells that are not text pass unchanged."""
    if column not in _V01_VALUES and column not in _SHORT_NAMED:
        return value
    parts = value if isinstance(value, list) else str(value or "").split(";")
    table = _V01_VALUES.get(column, {})
    out = []
    for part in (str(p).strip() for p in parts):
        if column in _SHORT_NAMED and " : " in part:
            part = part.split(" : ", 1)[0].strip()
        part = table.get(part, part)
        if part:
            out.append(part)
    return "|".join(out)


def v1_fields(record: Mapping[str, Any]) -> dict[str, Any]:
    """A v0.1 (or already v1) lieu with v1 names and values; keys are compared without case or
    accents (`columns.v1_name`)."""
    fields: dict[str, Any] = {}
    exact: set[str] = set()
    for key, value in record.items():
        column = v1_name(str(key))
        if column in exact:
            continue  # the v1 name itself is present too: it wins
        if key == column:
            exact.add(column)
        fields[column] = _translate(column, value)
    return fields


def _skip(text: str, index: int) -> int:
    while index < len(text) and text[index] in _WHITESPACE:
        index += 1
    return index


def _error(path: Path, error: json.JSONDecodeError) -> FileUnreadableError:
    return FileUnreadableError(
        texts_fr.BAD_JSON.format(path=path, line=error.lineno, column=error.colno, error=error.msg)
    )


def _array_items(path: Path, text: str, index: int) -> list[tuple[int, Any]]:
    """Decode the JSON array starting at `index`; (line, element) for each element."""
    decoder = json.JSONDecoder()
    items: list[tuple[int, Any]] = []
    line, counted = 1, 0
    index = _skip(text, index + 1)
    if index < len(text) and text[index] == "]":
        return items
    while True:
        line, counted = line_of(text, index, line, counted), index
        try:
            value, index = decoder.raw_decode(text, index)
        except json.JSONDecodeError as error:
            raise _error(path, error) from error
        items.append((line, value))
        index = _skip(text, index)
        if index < len(text) and text[index] == ",":
            index = _skip(text, index + 1)
            continue
        if index < len(text) and text[index] == "]":
            return items
        raise _error(path, json.JSONDecodeError("« , » ou « ] » attendu", text, min(index, len(text))))


def _records(path: Path, text: str) -> list[tuple[int, Any]]:
    """(line, record) of the lieux of the document, whatever its wrapper."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise _error(path, error) from error
    start = _skip(text, 0)
    if isinstance(document, list):
        return _array_items(path, text, start)
    if isinstance(document, dict):
        for key in _CONTAINER_KEYS:
            if isinstance(document.get(key), list):
                return _locate_member(path, text, start, key)
    raise FileUnreadableError(texts_fr.JSON_NO_LIST.format(path=path))


def _locate_member(path: Path, text: str, start: int, wanted: str) -> list[tuple[int, Any]]:
    """Walk the top-level object's members to the array `wanted` and decode it with lines."""
    decoder = json.JSONDecoder()
    index = _skip(text, start + 1)
    while index < len(text):
        key, index = decoder.raw_decode(text, index)
        index = _skip(text, index) + 1  # the colon
        index = _skip(text, index)
        if key == wanted:
            return _array_items(path, text, index)
        _, index = decoder.raw_decode(text, index)
        index = _skip(text, _skip(text, index) + 1)  # the comma
    raise FileUnreadableError(texts_fr.JSON_NO_LIST.format(path=path))


def _feature_properties(record: Mapping[str, Any]) -> dict[str, Any]:
    """The lieu of a GeoJSON feature: its properties, plus the geometry's point if they lack one."""
    properties = dict(record.get("properties") or {})
    geometry = record.get("geometry") or {}
    coordinates = geometry.get("coordinates") if isinstance(geometry, dict) else None
    if (geometry.get("type") == "Point" and isinstance(coordinates, list) and len(coordinates) >= 2
            and properties.get("latitude") in (None, "") and properties.get("longitude") in (None, "")):
        properties["longitude"], properties["latitude"] = coordinates[0], coordinates[1]
    if "id" not in properties and record.get("id") is not None:
        properties["id"] = record["id"]
    return properties


def read_rows(path: Path, text: str) -> Iterator[SourceRow | tuple[int, str]]:
    """Each lieu of the file as a v1-named `SourceRow`, or (line, reason) when it is not an object."""
    for line, record in _records(path, text):
        if not isinstance(record, dict):
            yield line, texts_fr.NOT_AN_OBJECT
            continue
        if record.get("type") == "Feature" and "properties" in record:
            record = _feature_properties(record)
        yield SourceRow(line, v1_fields(record))
