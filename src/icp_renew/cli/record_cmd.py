"""``icp-renew record DOSSIER EVENT``: append one event to the dossier's timeline.

The event is checked against the timeline (docs/process.md) before anything is written;
the new text (:mod:`icp_renew.yamledit`: every other byte kept) is parsed again with
the strict loader, and must read back as the old timeline plus this event; only then is
it written, atomically. A refused event is exit 2 and the file is unchanged.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from icp_renew.cli.common import (
    LangOpt,
    TodayOpt,
    date_option,
    handle_errors,
    resolve_lang,
    resolve_today,
    write_atomic,
)
from icp_renew.errors import DossierError, UserError
from icp_renew.messages import t


def register(app: typer.Typer) -> None:
    """Add the command to ``app``."""
    app.command("record")(record)


def _opt(name: str, metavar: str) -> Any:
    return typer.Option(f"--{name}", metavar=metavar, show_default=False)


def build_event(event: str, day: Any, values: dict[str, Any]) -> dict[str, Any]:
    """The event's fields in the contract's order (``event``, ``date``, then the rest)."""
    out: dict[str, Any] = {"event": event.strip(), "date": day}
    for key in ("due", "reference", "note", "number", "issued", "expires", "services", "year"):
        if values.get(key) is not None:
            out[key] = values[key]
    return out


def _services(value: str | None) -> list[str] | None:
    if value is None:
        return None
    import unicodedata

    value = unicodedata.normalize("NFKC", value)  # a full-width comma typed in Chinese
    return [s for s in (p.strip() for p in value.split(",")) if s]


def _validate_event(new: dict[str, Any], timeline: list[Any]) -> Any:
    """The event alone (types, fields) and after the others, errors naming the option."""
    from pydantic import ValidationError

    from icp_renew.dossier.config import Event
    from icp_renew.process.timeline import TimelineError, replay

    try:
        model = Event.model_validate(new)
    except ValidationError as exc:
        from icp_renew.yamlio import _problem

        err = exc.errors(include_url=False)[0]
        loc = [p for p in err.get("loc", ()) if isinstance(p, str)]
        option = "EVENT" if loc[:1] == ["event"] else f"--{loc[0]}" if loc else "record"
        raise UserError(_problem(err), source=option) from None
    try:
        replay([*timeline, model])
    except TimelineError as exc:
        option = "EVENT" if exc.field in (None, "event") else f"--{exc.field}"
        raise UserError(exc.key, source=option, **exc.params) from None
    return model


@handle_errors
def record(
    dossier: Annotated[Path, typer.Argument(metavar="DOSSIER", show_default=False)],
    event: Annotated[str, typer.Argument(metavar="EVENT", show_default=False)],
    date: Annotated[str | None, _opt("date", "DATE")] = None,
    due: Annotated[str | None, _opt("due", "DATE")] = None,
    reference: Annotated[str | None, _opt("reference", "REF")] = None,
    note: Annotated[str | None, _opt("note", "NOTE")] = None,
    number: Annotated[str | None, _opt("number", "NUMBER")] = None,
    issued: Annotated[str | None, _opt("issued", "DATE")] = None,
    expires: Annotated[str | None, _opt("expires", "DATE")] = None,
    services: Annotated[str | None, _opt("services", "CODES")] = None,
    year: Annotated[str | None, _opt("year", "YEAR")] = None,
    today: TodayOpt = None,
    lang: LangOpt = None,
) -> None:
    from icp_renew.dossier.config import DOSSIER_FILE, parse_config

    lng = resolve_lang(lang)
    from icp_renew.yamledit import YamlEditError, append_to_sequence
    from icp_renew.yamlio import parse_yaml

    path = dossier / DOSSIER_FILE if dossier.is_dir() else dossier
    source = str(path)
    day = date_option(date, "--date") or resolve_today(today)
    values = {
        "due": date_option(due, "--due"),
        "reference": reference,
        "note": note,
        "number": number,
        "issued": date_option(issued, "--issued"),
        "expires": date_option(expires, "--expires"),
        "services": _services(services),
        "year": year,  # the model reads 2025 and its Chinese spelling alike
    }
    new = build_event(event, day, values)
    if path.is_symlink():  # the atomic rename would replace the link, not edit its target
        raise DossierError("process.err-link", source=source)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise DossierError("process.err-no-dossier", source=source) from None
    except OSError as exc:
        raise DossierError(
            "errors.cannot-read", source=source, reason=exc.strerror or exc
        ) from None
    old = parse_config(parse_yaml(raw, source))  # an invalid file is refused as it is
    model = _validate_event(new, list(old.timeline))
    if model.year is not None:
        new["year"] = model.year  # written as the year it reads as: 2026年 → 2026
    text = raw.decode("utf-8")
    try:
        updated = append_to_sequence(text, ("timeline",), [new], lines=True)
    except YamlEditError as exc:
        key = "process.err-flow-root" if exc.key == "flow-document" else "process.err-append"
        raise DossierError(key, source=source) from None
    doc = parse_yaml(updated.encode("utf-8"), source)
    result = parse_config(doc)
    expected = [e.to_json() for e in old.timeline]
    from icp_renew.dossier.config import Event

    expected.append(Event.model_validate(new).to_json())
    if [e.to_json() for e in result.timeline] != expected:  # pragma: no cover - a bug guard
        raise DossierError("process.err-append", source=source)
    mode = path.stat().st_mode & 0o7777
    write_atomic(path, updated.encode("utf-8"))
    path.chmod(mode)  # the new file keeps the old one's permissions (0600 stays 0600)
    typer.echo(t("process.recorded", lng, event=new["event"], date=day.isoformat(), path=source))
