"""``pack``'s own lines: the volumes written (stdout), the notices after them (stderr) and the
refusal when the check blocks the bundle (stderr)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from icp_renew.formats.safe import visible
from icp_renew.i18n import Lang
from icp_renew.messages import t

if TYPE_CHECKING:
    from icp_renew.bundle.pack import WrittenVolume
    from icp_renew.findings import DossierReport


def render(volumes: Sequence[WrittenVolume], *, lang: Lang = "en") -> str:
    """One line per volume written."""
    from icp_renew.bundle.manifest import human_size as _human

    return "\n".join(
        t("pack.wrote-files", lang, path=v.path, files=v.files, size=_human(v.size))
        for v in volumes
    )


def notices(*, lang: Lang = "en", skipped: int = 0, forced: int = 0, warnings: int = 0) -> str:
    """What the user should know about a bundle that was written (for stderr)."""
    lines = []
    if skipped:
        lines.append(t("pack.icp-renew-unassigned-or-unsafe", lang, skipped=skipped))
    if warnings and not forced:
        lines.append(t("pack.icp-renew-warning-s-see", lang, warnings=warnings))
    if forced:
        lines.append(t("pack.icp-renew-packed-with-force", lang, forced=forced))
    return "\n".join(lines)


def refused(
    report: DossierReport, *, lang: Lang = "en", show_pii: bool = False, strict: bool = False
) -> str:
    """The blocking findings, one a line, and the refusal (for stderr)."""
    from icp_renew.findings import Severity

    blocking = {Severity.ERROR, Severity.WARNING} if strict else {Severity.ERROR}
    lines = []
    for f in report.findings:
        if f.severity in blocking:
            where = f.path or f.material or report.path
            lines.append(
                visible(f"{where}: {f.severity.value} {f.code}: {f.message(lang, show_pii)}")
            )
    errors = report.count(Severity.ERROR)
    warnings = report.count(Severity.WARNING)
    count = (
        t("pack.refused-count-strict", lang, errors=errors, warnings=warnings)
        if strict
        else t("pack.refused-count", lang, errors=errors)
    )
    lines.append(t("pack.icp-renew-pack-refused-nothing", lang, count=count))
    return "\n".join(lines)
