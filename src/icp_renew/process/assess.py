"""Where a renewal stands on a day, and what is due: ``assess(config, today, …)``.

Pure: a loaded ``dossier.yaml``, the day and two settings in, a :class:`DossierStatus` out
(no printing, no clock, no files). Each alert has a code, a severity, an unrendered
message, and where it has a date its ``due`` and ``days_left`` (= due − today). The codes
and their rules are the contract of docs/process.md; the regulation behind each is named
beside it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from icp_renew.dates import add_years
from icp_renew.deadline import DUE_SOON_DAYS, LICENCE_YEARS, derive_expiry, filing_deadline
from icp_renew.messages import Message
from icp_renew.process.timeline import TimelineState, replay

if TYPE_CHECKING:
    from icp_renew.dossier.config import DossierConfig, Event
    from icp_renew.holidays import HolidayCalendar

Severity = Literal["error", "warning", "info"]
SEVERITY_RANK: dict[str, int] = {"error": 0, "warning": 1, "info": 2}

#: No legal limit for answering a correction notice (补正通知) was found: the notice sets it.
#: One day is the agencies' own "24 hours" promise — practice, not law — and the earliest
#: reading is the safe one. Rules may change it (``settings.correction_response_days``).
CORRECTION_RESPONSE_DAYS = 1
#: archive-pending turns from info to warning this many days after the licence arrived
ARCHIVE_DAYS = 30

#: alert code → (severities, the stages it appears in); its meaning is the catalogue's
#: ``process.meaning-<code>`` (docs/findings.md is generated from both)
ALERTS: dict[str, tuple[str, str]] = {
    "filing-deadline": ("info / warning / error", "preparing"),
    "missing-expiry": ("warning", "preparing, submitted, correction"),
    "correction-due": ("warning / error", "correction"),
    "decision-pending": ("info", "submitted, correction"),
    "new-license-mismatch": ("warning / error", "licensed, archived"),
    "archive-pending": ("info / warning", "licensed"),
    "annual-report-due": ("warning / error", "any"),
    "change-filing-due": ("error", "any"),
    "rejected": ("error", "rejected"),
}
ALERT_CODES: tuple[str, ...] = tuple(ALERTS)


@dataclass(frozen=True)
class Alert:
    """Something the renewal owes, or a fact the officer must act on."""

    code: str
    severity: Severity
    message: Message
    due: dt.date | None = None
    days_left: int | None = None

    def sort_key(self) -> tuple[int, dt.date, int, str]:
        return (
            self.due is None,
            self.due or dt.date.max,
            SEVERITY_RANK[self.severity],
            self.code,
        )


@dataclass(frozen=True)
class CheckSummary:
    """``status --check``: the counts of the dossier's check report."""

    errors: int
    warnings: int
    infos: int = 0


@dataclass(frozen=True)
class DossierStatus:
    """One line of the portfolio: a dossier's stage, alerts and timeline (or why it could not
    be read: stage ``unreadable`` and ``error``)."""

    path: str
    stage: str
    company: str | None = None
    license_number: str | None = None
    expires: dt.date | None = None
    alerts: tuple[Alert, ...] = ()
    timeline: tuple[dict[str, Any], ...] = ()
    error: str | None = None
    check: CheckSummary | None = None
    check_error: str | None = None

    @property
    def next(self) -> Alert | None:
        """The alert due first (one without a date only when none has one)."""
        return min(self.alerts, key=Alert.sort_key) if self.alerts else None

    @property
    def worst(self) -> Severity | None:
        if not self.alerts:
            return None
        return min((a.severity for a in self.alerts), key=SEVERITY_RANK.__getitem__)

    def sort_key(self) -> tuple[int, dt.date, str]:
        """The portfolio's order: unreadable dossiers first, then by the nearest due date."""
        nxt = self.next
        if self.error is not None:
            return (0, dt.date.min, self.path)
        due = nxt.due if nxt is not None and nxt.due is not None else dt.date.max
        return (1, due, self.path)


@dataclass(frozen=True)
class Settings:
    """The rules' settings ``status`` uses (rulebook ``settings``)."""

    due_soon_days: int = DUE_SOON_DAYS
    correction_response_days: int = CORRECTION_RESPONSE_DAYS
    correction_days_from_rules: bool = False  # set by an agency's rules, not the default
    extra: dict[str, Any] = field(default_factory=dict)


def _alert(
    code: str,
    severity: Severity,
    today: dt.date,
    due: dt.date | None,
    key: str,
    /,
    **params: Any,
) -> Alert:
    days = (due - today).days if due is not None else None
    return Alert(code, severity, Message.of(f"process.{key}", **params), due, days)


def _filing(config: DossierConfig, today: dt.date, s: Settings, cal: HolidayCalendar) -> Alert:
    """Order 42 Art. 27: the renewal reaches the authority 90 calendar days before expiry."""
    expires = config.license.expires
    assert expires is not None
    deadline = filing_deadline(expires)
    due = cal.latest_workday(deadline).day
    days = (due - today).days
    params = {
        "deadline": deadline.isoformat(),
        "due": due.isoformat(),
        "expires": expires.isoformat(),
    }
    if today > expires:
        return _alert("filing-deadline", "error", today, due, "alert-filing-expired", **params)
    if today > deadline:
        return _alert("filing-deadline", "error", today, due, "alert-filing-overdue", **params)
    severity: Severity = "warning" if days <= s.due_soon_days else "info"
    return _alert("filing-deadline", severity, today, due, "alert-filing", days=days, **params)


def _correction(event: Event, today: dt.date, s: Settings) -> Alert:
    """A correction notice (补正通知) sets its own period; without one the rules' default
    (practice, not law) applies, counted in calendar days and not moved off days off."""
    if event.due is not None:
        due, key, params = event.due, "alert-correction-due", {}
    else:
        due = event.date + dt.timedelta(days=s.correction_response_days)
        key = (
            "alert-correction-due-rules"
            if s.correction_days_from_rules
            else "alert-correction-due-practice"
        )
        params = {"n": s.correction_response_days}
    severity: Severity = "error" if today > due else "warning"
    note = event.note or "—"
    return _alert(
        "correction-due",
        severity,
        today,
        due,
        key,
        due=due.isoformat(),
        note=note,
        notice=event.date.isoformat(),
        **params,
    )


def _new_license(config: DossierConfig, new: Event, today: dt.date) -> list[Alert]:
    """The new licence against the old one. Only services in operation are renewed (Order 42);
    a renewed licence runs five years; whether the number stays the same is not settled, so
    a different number is a warning to confirm, not an error."""
    old = config.license
    out: list[Alert] = []
    assert new.expires is not None and new.number is not None
    if old.expires is not None and new.expires <= old.expires:
        out.append(
            _alert(
                "new-license-mismatch",
                "error",
                today,
                None,
                "alert-new-not-later",
                new=new.expires.isoformat(),
                old=old.expires.isoformat(),
            )
        )
    if new.number != old.number:
        out.append(
            _alert(
                "new-license-mismatch",
                "warning",
                today,
                None,
                "alert-new-number",
                new=new.number,
                old=old.number,
            )
        )
    if new.services is not None:
        lost = [s for s in old.services if s not in new.services]
        if lost:
            out.append(
                _alert(
                    "new-license-mismatch",
                    "warning",
                    today,
                    None,
                    "alert-new-services",
                    services=", ".join(lost),
                )
            )
    terms = set()
    if new.issued is not None:
        terms.add(derive_expiry(new.issued))
    if old.expires is not None:
        terms.add(add_years(old.expires, LICENCE_YEARS))
    if (
        terms
        and new.expires not in terms
        and not (old.expires is not None and new.expires <= old.expires)
    ):
        expected = " / ".join(sorted(d.isoformat() for d in terms))
        out.append(
            _alert(
                "new-license-mismatch",
                "warning",
                today,
                None,
                "alert-new-term",
                new=new.expires.isoformat(),
                expected=expected,
            )
        )
    return out


def _held_in(config: DossierConfig, new: Event | None, year: int) -> bool:
    """Whether a licence of this dossier was valid on some day of ``year``."""
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    old = config.license
    if (old.issued is None or old.issued <= last) and (old.expires is None or old.expires >= first):
        return True
    if new is not None:
        issued = new.issued or new.date
        return issued <= last and (new.expires is None or new.expires >= first)
    return False


def _annual(
    config: DossierConfig, state: TimelineState, new: Event | None, today: dt.date
) -> Alert | None:
    """Order 42 Art. 35: each year's report in the first quarter of the next; Art. 38: a
    missed report puts the company on the 不良名单. Due 31 March; error from 1 April."""
    year = today.year - 1
    if year in state.reports or not _held_in(config, new, year):
        return None
    due = dt.date(today.year, 3, 31)
    severity: Severity = "error" if today > due else "warning"
    key = "alert-annual-late" if today > due else "alert-annual-due"
    return _alert("annual-report-due", severity, today, due, key, year=year, due=due.isoformat())


def change_alerts(config: DossierConfig, state: TimelineState, today: dt.date) -> list[Alert]:
    """Order 42: a change of company name or legal representative is filed with the issuing
    authority within 30 days of the business-registration change, and before the renewal."""
    lic = config.license
    rep = config.legal_representative.name if config.legal_representative else None
    issued = lic.issued
    if any(issued is None or day > issued for day in state.changes):
        return []
    out: list[Alert] = []
    if lic.holder is not None and lic.holder != config.company.name:
        out.append(
            _alert(
                "change-filing-due",
                "error",
                today,
                None,
                "alert-change-name",
                licence=lic.holder,
                company=config.company.name,
            )
        )
    if lic.legal_representative is not None and rep is not None and lic.legal_representative != rep:
        out.append(
            _alert(
                "change-filing-due",
                "error",
                today,
                None,
                "alert-change-rep",
                licence=lic.legal_representative,
                company=rep,
            )
        )
    return out


def assess(
    config: DossierConfig,
    today: dt.date,
    *,
    path: str,
    settings: Settings | None = None,
    calendar: HolidayCalendar | None = None,
) -> DossierStatus:
    """Stage and alerts of one dossier on ``today``."""
    from icp_renew.holidays import official_calendar

    s = settings or Settings()
    cal = calendar if calendar is not None else official_calendar()
    state = replay(config.timeline)
    stage = state.stage
    lic = config.license
    events = config.timeline
    new = events[state.license_received] if state.license_received is not None else None
    alerts: list[Alert] = []
    if stage == "preparing" and lic.expires is not None:
        alerts.append(_filing(config, today, s, cal))
    if lic.expires is None and stage in ("preparing", "submitted", "correction"):
        alerts.append(_alert("missing-expiry", "warning", today, None, "alert-missing-expiry"))
    if stage == "correction" and state.open_correction is not None:
        alerts.append(_correction(events[state.open_correction], today, s))
    if stage in ("submitted", "correction"):
        key = (
            "alert-decision-pending"
            if lic.expires is not None
            else "alert-decision-pending-undated"
        )
        day = lic.expires.isoformat() if lic.expires is not None else ""
        alerts.append(_alert("decision-pending", "info", today, lic.expires, key, expires=day))
    if new is not None:
        alerts.extend(_new_license(config, new, today))
    if stage == "licensed" and new is not None:
        due = new.date + dt.timedelta(days=ARCHIVE_DAYS)
        severity: Severity = "warning" if today > due else "info"
        alerts.append(
            _alert(
                "archive-pending",
                severity,
                today,
                due,
                "alert-archive",
                received=new.date.isoformat(),
                due=due.isoformat(),
            )
        )
    if stage == "rejected":
        assert state.decided is not None
        alerts.append(
            _alert(
                "rejected", "error", today, None, "alert-rejected", date=state.decided.isoformat()
            )
        )
    annual = _annual(config, state, new, today)
    if annual is not None:
        alerts.append(annual)
    alerts.extend(change_alerts(config, state, today))
    alerts.sort(key=lambda a: (SEVERITY_RANK[a.severity], *a.sort_key()))
    return DossierStatus(
        path=path,
        stage=stage,
        company=config.company.name,
        license_number=lic.number,
        expires=lic.expires,
        alerts=tuple(alerts),
        timeline=tuple(e.to_json() for e in events),
    )


def unreadable(path: str, reason: str) -> DossierStatus:
    """The line of a dossier that could not be read: never dropped from the portfolio."""
    return DossierStatus(path=path, stage="unreadable", error=reason)
