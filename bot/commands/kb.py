"""`epnbot kb …`: import, statistics and export of the knowledge base.

The commands only parse options, call `knowledge.importers.runner` / `knowledge.catalogue` and
print; a progress bar and tables are drawn on a terminal only, so scripts and CI read plain lines.
"""

from __future__ import annotations

import csv
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Final, TextIO

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from bot.app import App
from bot.commands.common import CliContext
from knowledge import catalogue
from knowledge.gazetteer import default_gazetteer
from knowledge.importers import runner, texts_fr
from knowledge.importers.common import FileReport, FileUnreadableError
from knowledge.taxonomy import NEEDS

#: Rejected rows printed per file; the rest goes to a report file.
SHOWN_REJECTED: Final = 50
EXPORT_FORMATS: Final = ("v1-csv",)


@click.group()
def kb() -> None:
    """Base de connaissances : importer, compter, exporter."""


def _app(ctx: click.Context) -> App:
    context = ctx.find_object(CliContext)
    if context is None:  # pragma: no cover - the root group always sets it
        raise click.UsageError("contexte absent")
    return context.app()


@contextmanager
def _progress(name: str, enabled: bool) -> Iterator[tuple[runner.Progress | None, runner.Total | None]]:
    """A rich progress bar on a terminal; (None, None) otherwise."""
    if not enabled:
        yield None, None
        return
    bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                   console=Console(stderr=True), transient=True)
    task = bar.add_task(texts_fr.CLI_PROGRESS.format(name=name), total=None)
    with bar:
        yield (lambda count: bar.advance(task, count)), (lambda total: bar.update(task, total=total))


def _write_full_report(report: FileReport, target: Path | None) -> Path:
    """All rejected rows as CSV (ligne, id, raison), in `target` or a temporary file."""
    if target is None:
        descriptor, name = tempfile.mkstemp(prefix=f"epnbot-rejets-{Path(report.path).stem}-", suffix=".csv")
        os.close(descriptor)
        target = Path(name)
    with target.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["ligne", "id", "raison"])
        writer.writerows([row.line, row.id or "", row.reason] for row in report.rejected)
    return target


def _print_report(report: FileReport, quiet: bool, report_path: Path | None) -> None:
    click.echo(texts_fr.CLI_SUMMARY.format(
        path=report.path, format=report.format, total=report.total, added=report.added,
        changed=report.changed, unchanged=report.unchanged, rejected=len(report.rejected),
        run=report.run_id, seconds=report.seconds))
    if report.kinds:
        click.echo(texts_fr.CLI_PEOPLE.format(mediateurs=report.kinds.get("mediateurs", 0),
                                              coordinateurs=report.kinds.get("coordinateurs", 0)))
    if report.notices and not quiet:
        click.echo(texts_fr.CLI_NOTICES_TITLE)
        for row in report.notices[:SHOWN_REJECTED]:
            click.echo(f"  {row.message}")
        if len(report.notices) > SHOWN_REJECTED:
            click.echo(texts_fr.CLI_MORE_NOTICES.format(count=len(report.notices) - SHOWN_REJECTED))
    if not report.rejected:
        return
    if report_path is not None or (len(report.rejected) > SHOWN_REJECTED and not quiet):
        click.echo(texts_fr.CLI_FULL_REPORT.format(path=_write_full_report(report, report_path)))
    if quiet:
        return
    click.echo(texts_fr.CLI_REJECTED_TITLE)
    for row in report.rejected[:SHOWN_REJECTED]:
        click.echo(f"  {row.message}")
    if len(report.rejected) > SHOWN_REJECTED:
        click.echo(texts_fr.CLI_MORE_REJECTED.format(count=len(report.rejected) - SHOWN_REJECTED))


@kb.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "file_format", type=click.Choice(runner.FORMATS),
              help="Forcer le format (sinon deviné d'après l'extension et le contenu).")
@click.option("-q", "--quiet", is_flag=True, help="Seulement le bilan de chaque fichier.")
@click.option("--rapport", "report_path", type=click.Path(path_type=Path, dir_okay=False),
              help="Écrire toutes les lignes rejetées dans ce fichier CSV (un seul fichier importé).")
@click.pass_context
def import_command(ctx: click.Context, paths: tuple[Path, ...], file_format: str | None, quiet: bool,
                   report_path: Path | None) -> None:
    """Importer des lieux (JSON cartographie, CSV standard v1) ou des médiateurs (YAML).

    Le code de sortie vaut 0 seulement si toutes les lignes de tous les fichiers sont entrées.
    """
    app = _app(ctx)
    engine = app.engine
    gazetteer = default_gazetteer()
    interactive = sys.stderr.isatty() and not quiet
    failed = False
    for path in paths:
        try:
            with _progress(path.name, interactive) as (progress, total):
                report = runner.import_file(engine, path, file_format, gazetteer=gazetteer,
                                            progress=progress, total=total)
        except (FileUnreadableError, runner.ImportAbortedError) as error:
            click.echo(texts_fr.CLI_FILE_FAILED.format(message=error), err=True)
            failed = True
            continue
        app.knowledge_changed()
        _print_report(report, quiet, report_path if len(paths) == 1 else None)
        failed = failed or not report.ok
    if failed:
        ctx.exit(1)


def _print_stats_plain(stats: catalogue.Stats) -> None:
    click.echo(texts_fr.CLI_STATS_BY_DEP)
    for code, count in stats.by_departement:
        click.echo(f"  {code}\t{count}")
    click.echo(texts_fr.CLI_STATS_BY_NEED)
    for code, count in stats.by_need:
        click.echo(f"  {code}\t{count}")


def _print_stats_tables(stats: catalogue.Stats) -> None:
    console = Console()
    departements = Table(texts_fr.CLI_COLUMN_DEP, texts_fr.CLI_COLUMN_COUNT, title=texts_fr.CLI_STATS_BY_DEP)
    gazetteer = default_gazetteer()
    for code, count in stats.by_departement:
        found = gazetteer.departement(code) if code != "?" else None
        departements.add_row(f"{code} {found.nom}" if found else code, str(count))
    needs = Table(texts_fr.CLI_COLUMN_NEED, texts_fr.CLI_COLUMN_COUNT, title=texts_fr.CLI_STATS_BY_NEED)
    for code, count in stats.by_need:
        needs.add_row(f"{code} ({NEEDS[code]})", str(count))
    console.print(departements)
    console.print(needs)


@kb.command("stats")
@click.pass_context
def stats_command(ctx: click.Context) -> None:
    """Compter les lieux par département et par besoin, et les médiateurs."""
    stats = catalogue.stats(_app(ctx).engine)
    click.echo(texts_fr.CLI_STATS_LIEUX.format(count=stats.lieux))
    if stats.lieux == 0:
        click.echo(texts_fr.CLI_NO_DATA)
    else:
        click.echo(texts_fr.CLI_STATS_POINTS.format(commune=stats.commune_points, none=stats.without_point))
        if sys.stdout.isatty():
            _print_stats_tables(stats)
        else:
            _print_stats_plain(stats)
    click.echo(texts_fr.CLI_STATS_PEOPLE.format(mediateurs=stats.mediateurs, links=stats.mediateur_lieux,
                                                coordinateurs=stats.coordinateurs))
    if stats.last_import:
        click.echo(texts_fr.CLI_STATS_LAST.format(**stats.last_import))


def _write_csv(handle: TextIO, columns: list[str], rows: list[dict[str, str]]) -> None:
    writer = csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)


@kb.command("export")
@click.option("--format", "export_format", type=click.Choice(EXPORT_FORMATS), default="v1-csv",
              show_default=True, help="Format d'export (standard national v1, `|` entre les valeurs).")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              help="Fichier de sortie (par défaut la sortie standard).")
@click.pass_context
def export_command(ctx: click.Context, export_format: str, output: Path | None) -> None:
    """Exporter les lieux au format du standard national v1 (+ colonne besoins_epnbot)."""
    columns, rows = catalogue.export_rows(_app(ctx).engine)
    if output is None:
        _write_csv(sys.stdout, columns, rows)
        return
    with output.open("w", encoding="utf-8", newline="") as handle:
        _write_csv(handle, columns, rows)
    click.echo(texts_fr.CLI_EXPORTED.format(count=len(rows), path=output), err=True)
