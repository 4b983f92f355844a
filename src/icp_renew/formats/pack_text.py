"""``pack``'s own lines: the volumes written (stdout), the notices after them (stderr) and the
refusal when the check blocks the bundle (stderr)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from icp_renew.formats.safe import visible
from icp_renew.i18n import Lang, tr

if TYPE_CHECKING:
    from icp_renew.bundle.pack import WrittenVolume
    from icp_renew.findings import DossierReport


def render(volumes: Sequence[WrittenVolume], *, lang: Lang = "en") -> str:
    """One line per volume written."""
    from icp_renew.bundle.manifest import human_size as _human

    return "\n".join(
        tr(
            lang,
            f"已写入 {v.path}：{v.files} 个文件，{_human(v.size)}",
            f"wrote {v.path}: {v.files} files, {_human(v.size)}",
        )
        for v in volumes
    )


def notices(*, lang: Lang = "en", skipped: int = 0, forced: int = 0, warnings: int = 0) -> str:
    """What the user should know about a bundle that was written (for stderr)."""
    lines = []
    if skipped:
        lines.append(
            tr(
                lang,
                f"icp-renew: {skipped} 个未归类或不安全的文件未打包（见 icp-renew check）",
                f"icp-renew: {skipped} unassigned or unsafe file(s) not packed "
                "(see icp-renew check)",
            )
        )
    if warnings and not forced:
        lines.append(
            tr(
                lang,
                f"icp-renew: 有 {warnings} 个警告（见 icp-renew check）",
                f"icp-renew: {warnings} warning(s) (see icp-renew check)",
            )
        )
    if forced:
        lines.append(
            tr(
                lang,
                f"icp-renew: 已强制打包（--force），{forced} 个问题记录在 manifest.json",
                f"icp-renew: packed with --force; {forced} finding(s) recorded in manifest.json",
            )
        )
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
    count = f"{errors} error(s)" + (f", {warnings} warning(s) under --strict" if strict else "")
    lines.append(
        tr(
            lang,
            f"icp-renew: 拒绝打包：{count}；未写入任何文件（修正后重试，或用 --force 强制打包）",
            f"icp-renew: pack refused: {count}; nothing written "
            "(fix them, or use --force to pack anyway)",
        )
    )
    return "\n".join(lines)
