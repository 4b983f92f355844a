"""The timeline of a renewal: which event may follow which, and the stage it leaves.

Pure and light (no pydantic, no I/O): ``dossier.yaml``'s loader calls :func:`replay` to
refuse a timeline that makes no sense (docs/process.md), ``record`` calls it before it
writes, and ``status`` reads the stage from it.

The stages follow the renewal's three steps (预审 → 申报 → 领证) and the archive
(档案归档): ``preparing`` (nothing submitted), ``submitted`` (submitted or accepted, no
decision, no open correction), ``correction`` (a correction notice, 补正通知, not yet
answered), ``approved``, ``rejected``, ``licensed`` (the new licence received, not yet
archived), ``archived``. ``annual-report-filed`` and ``change-filed`` belong to the
licence's life between renewals and do not change the stage.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

Stage = Literal[
    "preparing", "submitted", "correction", "approved", "rejected", "licensed", "archived"
]
STAGES: tuple[Stage, ...] = (
    "preparing",
    "submitted",
    "correction",
    "approved",
    "rejected",
    "licensed",
    "archived",
)

#: event → the fields it may carry beyond ``event``, ``date``, ``reference`` and ``note``
EVENT_FIELDS: dict[str, tuple[str, ...]] = {
    "submitted": (),
    "accepted": (),
    "correction-requested": ("due",),
    "correction-submitted": (),
    "approved": (),
    "rejected": (),
    "license-received": ("number", "issued", "expires", "services"),
    "archived": (),
    "annual-report-filed": ("year",),
    "change-filed": (),
}
EVENTS: tuple[str, ...] = tuple(EVENT_FIELDS)
COMMON_FIELDS: tuple[str, ...] = ("event", "date", "reference", "note")
OPTIONAL_FIELDS: tuple[str, ...] = ("due", "number", "issued", "expires", "services", "year")
#: event → the fields it must carry
REQUIRED_FIELDS: dict[str, tuple[str, ...]] = {
    "license-received": ("number", "expires"),
    "annual-report-filed": ("year",),
}


class TimelineError(ValueError):
    """An event the timeline does not allow: its index, the field at fault, and the message
    (a catalogue key of ``messages/process.py`` and its parameters)."""

    def __init__(self, index: int, field: str | None, key: str, /, **params: Any) -> None:
        super().__init__(key)
        self.index = index
        self.field = field
        self.key = key
        self.params = params

    def render(self, lang: Literal["zh", "en"] = "en") -> str:
        from icp_renew.messages import t

        return t(self.key, lang, **self.params)


@dataclass
class TimelineState:
    """What the events so far say (the result of :func:`replay`)."""

    stage: Stage = "preparing"
    submitted: dt.date | None = None  # the latest submission (a new one after a rejection)
    open_correction: int | None = None  # index of the unanswered correction-requested
    decided: dt.date | None = None  # approved or rejected
    license_received: int | None = None  # index of the license-received event
    archived: dt.date | None = None
    reports: dict[int, dt.date] = field(default_factory=dict)  # year → first filed
    changes: list[dt.date] = field(default_factory=list)


def _get(event: Any, name: str) -> Any:
    if isinstance(event, Mapping):
        return event.get(name)
    return getattr(event, name, None)


def _present(event: Any) -> list[str]:
    if isinstance(event, Mapping):
        return [k for k, v in event.items() if v is not None]
    return [k for k in (*COMMON_FIELDS, *OPTIONAL_FIELDS) if getattr(event, k, None) is not None]


def _fields(i: int, event: Any) -> None:
    name = str(_get(event, "event"))
    allowed = (*COMMON_FIELDS, *EVENT_FIELDS[name])
    for key in _present(event):
        if key not in allowed:
            raise TimelineError(i, key, "process.err-field-not-for-event", name=key, event=name)
    for key in REQUIRED_FIELDS.get(name, ()):
        if _get(event, key) is None:
            raise TimelineError(i, key, "process.err-field-required", name=key, event=name)


def _step(state: TimelineState, i: int, event: Any) -> None:
    name = str(_get(event, "event"))
    day: dt.date = _get(event, "date")
    open_ = state.open_correction is not None
    pending = state.submitted is not None and state.decided is None
    if name == "submitted":
        if state.submitted is not None and state.stage != "rejected":
            raise TimelineError(
                i, "event", "process.err-already-submitted", date=state.submitted.isoformat()
            )
        state.submitted, state.decided, state.stage = day, None, "submitted"
    elif name in ("accepted", "correction-requested", "approved", "rejected"):
        if not pending:
            key = "process.err-not-submitted" if state.submitted is None else "process.err-decided"
            raise TimelineError(i, "event", key, event=name)
        if name == "correction-requested":
            if open_:
                raise TimelineError(i, "event", "process.err-correction-open")
            due = _get(event, "due")
            if due is not None and due < day:
                raise TimelineError(i, "due", "process.err-due-before-date")
            state.open_correction, state.stage = i, "correction"
        elif name == "approved":
            if open_:
                raise TimelineError(i, "event", "process.err-approved-open-correction")
            state.decided, state.stage = day, "approved"
        elif name == "rejected":
            state.decided, state.open_correction, state.stage = day, None, "rejected"
    elif name == "correction-submitted":
        if not open_:
            raise TimelineError(i, "event", "process.err-no-open-correction")
        state.open_correction, state.stage = None, "submitted"
    elif name == "license-received":
        if state.stage != "approved":
            raise TimelineError(i, "event", "process.err-not-approved")
        issued, expires = _get(event, "issued"), _get(event, "expires")
        if issued is not None and expires is not None and expires <= issued:
            raise TimelineError(i, "expires", "process.err-expires-before-issued")
        state.license_received, state.stage = i, "licensed"
    elif name == "archived":
        if state.stage != "licensed":
            raise TimelineError(i, "event", "process.err-not-licensed")
        state.archived, state.stage = day, "archived"
    elif name == "annual-report-filed":
        year = int(_get(event, "year"))
        if year >= day.year:
            raise TimelineError(i, "year", "process.err-report-year", year=year, next=year + 1)
        state.reports.setdefault(year, day)
    else:  # change-filed
        state.changes.append(day)


def replay(events: Sequence[Any]) -> TimelineState:
    """Fold the events (mappings or models with ``event``, ``date``, …) into a state;
    :class:`TimelineError` for the first event the timeline does not allow."""
    state = TimelineState()
    previous: dt.date | None = None
    for i, event in enumerate(events):
        name = _get(event, "event")
        if name not in EVENT_FIELDS:
            raise TimelineError(
                i, "event", "process.err-unknown-event", event=name, expected=", ".join(EVENTS)
            )
        _fields(i, event)
        day = _get(event, "date")
        if previous is not None and day < previous:
            raise TimelineError(
                i,
                "date",
                "process.err-out-of-order",
                date=day.isoformat(),
                previous=previous.isoformat(),
            )
        previous = day
        _step(state, i, event)
    return state
