"""From a dossier folder to a report: load, select the authority, scan, inspect, check.

``prepare`` parses everything once into a :class:`~icp_renew.checks.Context`
(``pack`` reuses it); ``check_dossier`` runs the checks on it; ``check_many``
does that for many folders, optionally in worker processes, and collects each
dossier's exit-2 problem (a :class:`UserError`) instead of stopping at it.
Pure apart from reading the folders: no printing, no clock.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from icp_renew.errors import DossierError, UnknownAuthorityError, UserError, os_error

if TYPE_CHECKING:
    from icp_renew.checks import Context
    from icp_renew.dossier.config import DossierConfig
    from icp_renew.findings import DossierReport, Report
    from icp_renew.inspect.prefetch import Prefetch
    from icp_renew.rulebook.book import Rulebook
    from icp_renew.rulebook.models import Authority
    from icp_renew.rulebook.resolve import Checklist


@dataclass(frozen=True)
class CheckOptions:
    """What a run is told from outside the dossier (command-line options)."""

    today: date
    filing_date: date | None = None  # default: today
    province: str | None = None  # overrides dossier.yaml and the licence prefix
    archive: bool = False  # pack --archive: the checklist with the records (docs/process.md)
    #: worker processes for the files of one dossier (``--jobs``; None: auto, by its size)
    jobs: int | None = None
    ocr: bool = False  # check --ocr: read the scans back (icp_renew.ocr)


def _yaml_line(path: Path, field: str) -> int | None:
    """The line of ``field`` in a dossier.yaml (only on the error path: parsing twice is fine)."""
    from icp_renew.yamlio import load_yaml_file

    try:
        return load_yaml_file(path).line_of(tuple(field.split(".")))
    except UserError:  # pragma: no cover - it parsed a moment ago
        return None


def select_authority(
    book: Rulebook, config: DossierConfig, province: str | None, yaml_path: Path, source: str
) -> Authority:
    """``--province``, else ``authority:`` in dossier.yaml, else the licence-number prefix."""
    from icp_renew.rulebook.authorities import authority_for_license, find_authority

    if province is not None:
        try:
            return find_authority(book, province)
        except UnknownAuthorityError as exc:
            raise UnknownAuthorityError(exc.text, source="--province") from None
    if config.authority is not None:
        try:
            return find_authority(book, config.authority)
        except UnknownAuthorityError as exc:
            raise UnknownAuthorityError(
                exc.text,
                source=source,
                line=_yaml_line(yaml_path, "authority"),
                field="authority",
            ) from None
    found = authority_for_license(book, config.license.number)
    if found is None:
        raise UnknownAuthorityError(
            "errors.authority-from-number",
            number=repr(config.license.number),
            source=source,
            line=_yaml_line(yaml_path, "license.number"),
            field="license.number",
        )
    return found


def _root_of(path: Path) -> Path:
    if path.is_dir():
        return path
    from icp_renew.dossier.config import DOSSIER_FILE

    if path.name == DOSSIER_FILE and path.is_file():
        return path.parent
    if not path.exists():
        raise DossierError("errors.no-such-folder", source=str(path))
    raise DossierError("errors.dossier-not-folder", source=str(path))


def _yaml_error(exc: UserError, source: str, yaml_path: Path, field: str) -> DossierError:
    return DossierError(exc.text, source=source, line=_yaml_line(yaml_path, field), field=field)


def config_codes(
    book: Rulebook, config: DossierConfig, yaml_path: Path, source: str
) -> tuple[list[str], list[str]]:
    """The dossier's industries as slugs and its services as codes: dossier.yaml may spell
    them as --industry and --service accept (新闻, b25), with their did-you-mean on a typo."""
    from icp_renew.suggest import industry_slugs, service_codes

    try:
        industries = industry_slugs(book, config.industries, source=None)
    except UserError as exc:
        raise _yaml_error(exc, source, yaml_path, "industries") from None
    try:
        services = service_codes(book, config.license.services, source=None)
    except UserError as exc:
        raise _yaml_error(exc, source, yaml_path, "license.services") from None
    return industries, services


def _refuse_unknown_material_ids(
    book: Rulebook, config: DossierConfig, checklist: Checklist, source: str, yaml_path: Path
) -> None:
    """A ``materials:`` key no rule file knows is a typo: its facts would be lost without a
    word. The id of another authority's or industry's material is only unused."""
    from icp_renew.suggest import closest, did_you_mean

    known = {m.id for m in book.base.materials}
    if book.base.records is not None:
        known.update(m.id for m in book.base.records.materials)
    for materials in (
        *(a.materials for a in book.authorities.values()),
        *(i.materials for i in book.industries.values()),
        *(o.materials for o in book.overlays),
    ):
        known.update(m.id for m in materials)
    for key in config.materials:
        if key not in known:
            field = f"materials.{key}"
            hint = did_you_mean(closest(key, [m.id for m in checklist.materials]))
            raise DossierError(
                "suggest.unknown-field",
                source=source,
                line=_yaml_line(yaml_path, field),
                field=field,
                hint=hint,
            )


def prepare(
    path: Path, book: Rulebook, opts: CheckOptions, prefetch: Prefetch | None = None
) -> Context:
    """Load, resolve, scan and inspect one dossier; :class:`UserError` on bad input.
    ``prefetch``: files whose inspection :func:`early_inspection` started."""
    return inspect_files(load(path, book, opts), opts, prefetch)


def load(path: Path, book: Rulebook, opts: CheckOptions) -> Context:
    """Load, resolve and scan one dossier: a context whose files are not inspected yet
    (``DossierFile.info`` is None); :class:`UserError` on bad input."""
    from icp_renew.checks import Context
    from icp_renew.dossier.config import DOSSIER_FILE, read_config
    from icp_renew.dossier.scan import scan_dossier
    from icp_renew.rulebook.resolve import resolve

    root = _root_of(path)
    display = str(path) if root == path else str(root)
    yaml_path = root / DOSSIER_FILE
    source = str(Path(display) / DOSSIER_FILE)
    config, doc = read_config(yaml_path, source)
    authority = select_authority(book, config, opts.province, yaml_path, source)
    industries, services = config_codes(book, config, yaml_path, source)
    try:
        checklist = resolve(book, authority, industries, services, archive=opts.archive)
    except UserError as exc:
        if exc.source is not None:
            raise
        field = exc.field or "industries"
        raise DossierError(
            exc.text, source=source, line=_yaml_line(yaml_path, field), field=field
        ) from None
    _refuse_unknown_material_ids(book, config, checklist, source, yaml_path)
    try:
        dossier = scan_dossier(root, config, checklist, display)
    except OSError as exc:
        raise DossierError(os_error(exc, "errors.cannot-read-folder"), source=display) from None
    submitted = submitted_on(config)
    return Context(
        book=book,
        checklist=checklist,
        dossier=dossier,
        today=opts.today,
        filing_date=opts.filing_date or submitted or opts.today,
        submitted=submitted,
        yaml_lines=doc.lines,
    )


def inspect_files(ctx: Context, opts: CheckOptions, prefetch: Prefetch | None = None) -> Context:
    """``ctx`` with its files inspected (``--ocr``: and read back)."""
    from dataclasses import replace

    from icp_renew.inspect import inspect_dossier

    dossier, checklist = ctx.dossier, ctx.checklist
    if opts.ocr:
        from icp_renew.ocr import MATERIALS, engine_loaded, read_scans

        # no file-level workers once this process has run the engine (a fork of it hangs)
        jobs = 1 if engine_loaded() else opts.jobs
        dossier = inspect_dossier(dossier, checklist, jobs, text_of=MATERIALS)
        dossier = read_scans(dossier, checklist)
    else:
        dossier = inspect_dossier(dossier, checklist, opts.jobs, prefetch=prefetch)
    return replace(ctx, dossier=dossier)


def submitted_on(config: DossierConfig) -> date | None:
    """The day the renewal was filed, from the timeline (docs/process.md): the filing date
    when no ``--filing-date`` is given."""
    if not config.timeline:
        return None
    from icp_renew.process.timeline import replay

    return replay(config.timeline).submitted


def check_dossier(
    path: Path, book: Rulebook, opts: CheckOptions, prefetch: Prefetch | None = None
) -> DossierReport:
    """Every registered check over one dossier."""
    from dataclasses import replace

    from icp_renew.dossier.lines import with_lines
    from icp_renew.engine import run, run_early

    ctx = load(path, book, opts)
    early = run_early(ctx)  # dossier.yaml's own checks, while workers may read the files
    ctx = inspect_files(ctx, opts, prefetch)
    report = replace(run(ctx, early), name=ctx.dossier.root.resolve().name or None)
    return with_lines(report, ctx.yaml_lines)


def early_inspection(
    paths: Sequence[Path], jobs: int | None, *, ocr: bool = False
) -> Prefetch | None:
    """Start inspecting the dossiers' files in worker processes now, before the rules and
    ``dossier.yaml`` are loaded (``inspect/prefetch.py``), when :func:`check_many` will
    inspect the files of each dossier here (not whole dossiers per worker) and there are
    enough of them; None otherwise. Not with ``--ocr`` (its own inspection path)."""
    from icp_renew.parallel import MIN_DOSSIERS_PER_WORKER, workers_for

    if ocr or workers_for(jobs, len(paths), MIN_DOSSIERS_PER_WORKER) > 1:
        from icp_renew.zygote import dismiss

        dismiss()  # a zygote the console script prestarted is not needed
        return None
    from icp_renew.inspect.prefetch import start

    return start(paths, jobs)


# --- many dossiers ------------------------------------------------------------------------------

#: the rulebook and options of a worker process, set once by its initializer (the rulebook
#: pickles whole: its files are keyed by path)
_WORKER: dict[str, object] = {}


def _init_worker(book: Rulebook, opts: CheckOptions) -> None:
    _WORKER["book"] = book
    _WORKER["opts"] = opts


def _check_in_worker(path: Path) -> DossierReport | UserError:
    book: Rulebook = _WORKER["book"]  # type: ignore[assignment]
    opts: CheckOptions = _WORKER["opts"]  # type: ignore[assignment]
    try:
        return check_dossier(path, book, opts)
    except UserError as exc:
        return exc


def _unreadable(path: Path, exc: UserError) -> DossierReport:
    """The report entry of a dossier that could not be checked: the error's one line, and the
    file and line it names when that file is inside the dossier (its dossier.yaml)."""
    from icp_renew.findings import DossierReport
    from icp_renew.i18n import current

    text = exc.render(current())  # the language of the command (--lang)
    reason = "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)
    inside = exc.source is not None and not exc.source.startswith("-")
    return DossierReport.unreadable(
        str(path), reason, exc.source if inside else None, exc.line if inside else None
    )


def check_many(
    paths: Sequence[Path],
    book: Rulebook,
    opts: CheckOptions,
    jobs: int | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    prefetch: Prefetch | None = None,
) -> tuple[Report, list[UserError]]:
    """Check every dossier; results in input order.

    A dossier that cannot be checked (its :class:`UserError`) does not stop the others: it
    stays in the report as an entry with its one-line reason
    (:meth:`DossierReport.unreadable`), and its error is also collected in the second
    element (for stderr and exit 2). ``jobs`` worker
    processes (0: one per CPU; None: auto) take whole dossiers when there are enough of
    them (:mod:`icp_renew.parallel`); otherwise the dossiers are checked one after the
    other and ``jobs`` spreads the files of each. ``on_progress(done, total)`` is called
    after each dossier. ``prefetch``: see :func:`early_inspection`.
    """
    from dataclasses import replace

    from icp_renew import __version__
    from icp_renew.findings import DossierReport, Report
    from icp_renew.parallel import MIN_DOSSIERS_PER_WORKER, ordered_map, workers_for

    workers = workers_for(jobs, len(paths), MIN_DOSSIERS_PER_WORKER)
    results: list[DossierReport | UserError]
    if workers > 1:  # whole dossiers per worker; the files of each are inspected serially
        results = ordered_map(
            _check_in_worker,
            paths,
            workers=workers,
            initializer=_init_worker,
            initargs=(book, replace(opts, jobs=1)),
            on_done=on_progress,
        )
    else:
        file_opts = replace(opts, jobs=jobs)
        results = []
        for path in paths:
            try:
                results.append(check_dossier(path, book, file_opts, prefetch))
            except UserError as exc:
                results.append(exc)
            if on_progress is not None:
                on_progress(len(results), len(paths))
    reports = tuple(
        r if isinstance(r, DossierReport) else _unreadable(paths[i], r)
        for i, r in enumerate(results)
    )
    errors = [r for r in results if isinstance(r, UserError)]
    report = Report(dossiers=reports, tool_version=__version__, rules_version=book.rules_version)
    return report, errors
