"""Read the mediators and coordinators YAML of DESIGN §3 into validated rows.

People are not in the open data, so this file is hand-written: every entry is checked (need codes,
départements, dates of absences, chat ids) and a typo in a key is refused rather than ignored, with
the line of the entry, so the coordinator can fix it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import yaml

from knowledge.gazetteer import Gazetteer
from knowledge.importers import texts_fr
from knowledge.importers.common import (
    FileUnreadableError,
    RowRejectedError,
    bounded,
    content_hash,
    parse_date,
)
from knowledge.taxonomy import NEED_CODES

MEDIATORS: Final = "mediateurs"
COORDINATORS: Final = "coordinateurs"
_LINE_KEY: Final = "__line__"
_MATRIX_ID: Final = re.compile(r"^@[^:\s]+:[^\s]+$")
_MEDIATOR_KEYS: Final = frozenset(
    {"id", "nom", "lieux", "slack", "matrix", "besoins", "capacite", "absences"}
)
_COORDINATOR_KEYS: Final = frozenset({"id", "nom", "slack", "matrix", "departements"})
DEFAULT_CAPACITY: Final = 5
MAX_CAPACITY: Final = 100


class _LineLoader(yaml.SafeLoader):
    """A safe loader that records the line where each mapping starts."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        mapping = super().construct_mapping(node, deep=deep)
        mapping[_LINE_KEY] = node.start_mark.line + 1
        return mapping


@dataclass(frozen=True, slots=True)
class PersonRow:
    """A validated entry: its section, the row for its table and, for a mediator, their lieux as
    (source, id) pairs (source "" for an id no imported lieu carries yet)."""

    kind: str
    line: int
    row: dict[str, Any]
    lieux: tuple[tuple[str, str], ...] = ()


#: Sources of each lieu id already in the knowledge base, to resolve the YAML's references.
LieuIndex = Mapping[str, frozenset[str]]


def resolve_lieu(reference: str, known: LieuIndex) -> tuple[str, str]:
    """(source, id) of a lieu named by its `id` or by `source:id`; raises when an id is ambiguous.

    An id that no lieu carries yet is kept with source "" (the lieux file may come later), unless it
    is written `source:id`.
    """
    sources = known.get(reference)
    if sources is not None:
        if len(sources) > 1:
            choices = ", ".join(f"{source}:{reference}" for source in sorted(sources))
            raise RowRejectedError(texts_fr.AMBIGUOUS_LIEU.format(id=reference, choices=choices))
        return next(iter(sources)), reference
    source, colon, lieu_id = reference.partition(":")
    if colon and source and lieu_id:
        return source, lieu_id
    return "", reference


def load(path: Path, text: str) -> list[tuple[str, int, Any]]:
    """(section, line, entry) of every entry of the file; a malformed file is refused whole."""
    try:
        document = yaml.load(text, Loader=_LineLoader)  # a SafeLoader subclass: safe
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        line = mark.line + 1 if mark is not None else 1
        problem = getattr(error, "problem", None) or str(error)
        raise FileUnreadableError(texts_fr.BAD_YAML.format(path=path, line=line, error=problem)) from error
    if not isinstance(document, dict) or not ({MEDIATORS, COORDINATORS} & set(document)):
        raise FileUnreadableError(texts_fr.YAML_NOT_MAPPING.format(path=path))
    entries: list[tuple[str, int, Any]] = []
    for section in (MEDIATORS, COORDINATORS):
        items = document.get(section) or []
        if not isinstance(items, list):
            raise FileUnreadableError(texts_fr.YAML_SECTION_NOT_LIST.format(path=path, section=section))
        fallback = int(document[_LINE_KEY])
        for item in items:
            line = int(item[_LINE_KEY]) if isinstance(item, dict) and _LINE_KEY in item else fallback
            entries.append((section, line, item))
    return entries


def _string_list(value: Any, field_name: str, limit: int) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str | int):
        value = [value]
    if not isinstance(value, list):
        raise RowRejectedError(texts_fr.BAD_LIST.format(field=field_name))
    return [text for item in value if (text := bounded(item, field_name, limit))]


def _identity(entry: Mapping[str, Any], allowed: frozenset[str]) -> dict[str, Any]:
    """id, nom and chat ids, common to both kinds of people."""
    unknown = sorted(str(key) for key in entry if key not in allowed and key != _LINE_KEY)
    if unknown:
        raise RowRejectedError(texts_fr.UNKNOWN_KEYS.format(keys=", ".join(unknown)))
    person_id = bounded(entry.get("id"), "identifiant", 100)
    if not person_id:
        raise RowRejectedError(texts_fr.MISSING_ID)
    nom = bounded(entry.get("nom"), "nom", 200)
    if not nom:
        raise RowRejectedError(texts_fr.MISSING_NAME)
    matrix = bounded(entry.get("matrix"), "identifiant Matrix", 255)
    if matrix and not _MATRIX_ID.match(matrix):
        raise RowRejectedError(texts_fr.BAD_MATRIX_ID.format(value=matrix))
    return {"id": person_id, "nom": nom, "slack": bounded(entry.get("slack"), "identifiant Slack", 50),
            "matrix": matrix}


def _absences(value: Any) -> list[dict[str, str]]:
    """Absences as ISO date strings, each checked (`du` ≤ `au`)."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise RowRejectedError(texts_fr.BAD_LIST.format(field="absences"))
    out = []
    for item in value:
        if not isinstance(item, dict):
            raise RowRejectedError(texts_fr.BAD_ABSENCE.format(value=item))
        start = parse_date(item.get("du"), "date de début d'absence")
        end = parse_date(item.get("au"), "date de fin d'absence")
        if start is None or end is None:
            shown = {k: v for k, v in item.items() if k != _LINE_KEY}
            raise RowRejectedError(texts_fr.BAD_ABSENCE.format(value=shown))
        if start > end:
            raise RowRejectedError(texts_fr.ABSENCE_REVERSED.format(start=start, end=end))
        out.append({"du": start.isoformat(), "au": end.isoformat()})
    return sorted(out, key=lambda absence: absence["du"])


def _capacity(value: Any) -> int:
    if value is None:
        return DEFAULT_CAPACITY
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_CAPACITY:
        raise RowRejectedError(texts_fr.BAD_CAPACITY.format(value=value))
    return value


def mediator(entry: Mapping[str, Any], known: LieuIndex) -> tuple[dict[str, Any], tuple[tuple[str, str], ...]]:
    """The `mediateurs` row of an entry and the (source, id) of the lieux they work at."""
    row = _identity(entry, _MEDIATOR_KEYS)
    needs = _string_list(entry.get("besoins"), "besoins", 50)
    for need in needs:
        if need not in NEED_CODES:
            raise RowRejectedError(texts_fr.UNKNOWN_NEED.format(value=need, codes=", ".join(NEED_CODES)))
    lieux = tuple(dict.fromkeys(resolve_lieu(reference, known)
                                for reference in _string_list(entry.get("lieux"), "lieu", 301)))
    row.update(besoins=needs, capacite=_capacity(entry.get("capacite")),
               absences=_absences(entry.get("absences")))
    row["content_hash"] = content_hash({**row, "lieux": lieux})
    return row, lieux


def coordinator(entry: Mapping[str, Any], gazetteer: Gazetteer) -> dict[str, Any]:
    """The `coordinateurs` row of an entry, départements as their official codes."""
    row = _identity(entry, _COORDINATOR_KEYS)
    codes = []
    for raw in _string_list(entry.get("departements"), "département", 3):
        found = gazetteer.departement(raw)
        if found is None:
            raise RowRejectedError(texts_fr.UNKNOWN_DEPARTEMENT.format(value=raw))
        codes.append(found.code)
    row["departements"] = list(dict.fromkeys(codes))
    row["content_hash"] = content_hash(row)
    return row


def validate(section: str, entry: Any, gazetteer: Gazetteer, known: LieuIndex) -> PersonRow:
    """One entry as a `PersonRow`; raises `RowRejectedError` with the French reason."""
    if not isinstance(entry, dict):
        raise RowRejectedError(texts_fr.NOT_A_MAPPING)
    line = int(entry.get(_LINE_KEY, 0))
    if section == MEDIATORS:
        row, lieux = mediator(entry, known)
        return PersonRow(section, line, row, lieux)
    return PersonRow(section, line, coordinator(entry, gazetteer))
