"""The bundle's own files: ``manifest.json``, ``SHA256SUMS`` and the index ``目录.txt``.

Their content depends only on the dossier, the rules and the scans' bytes:
no date of packing, no host, no locale (both languages are written), so the
same inputs give the same bytes (docs/pack.md, "Reproducible bytes": no "today" in the payload).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from icp_renew.bundle.layout import INDEX, MANIFEST, Entry
from icp_renew.findings import Finding
from icp_renew.i18n import LANGS
from icp_renew.messages import t
from icp_renew.pii import redact
from icp_renew.rulebook.resolve import Checklist

SCHEMA_VERSION = 1

_SUM_LINE = re.compile(r"^([0-9a-fA-F]{64}) [ *](.+)$")


@dataclass(frozen=True)
class Record:
    """A packed entry with what copying it measured."""

    entry: Entry
    sha256: str
    size: int


@dataclass(frozen=True)
class Identity:
    """Who the bundle is for (the dossier's identity), in the manifest and the index."""

    company: str
    uscc: str | None
    license_number: str
    authority_slug: str
    authority_name: str
    authority_name_en: str
    industries: tuple[str, ...] = ()
    services: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "company": self.company,
            "uscc": self.uscc,
            "license_number": self.license_number,
            "authority": {
                "slug": self.authority_slug,
                "name": self.authority_name,
                "name_en": self.authority_name_en,
            },
            "industries": list(self.industries),
            "services": list(self.services),
        }


@dataclass(frozen=True)
class Volume:
    index: int  # 1-based
    count: int


def finding_json(f: Finding) -> dict[str, Any]:
    """A finding in both languages; personal data masked (a bundle is passed around)."""
    return {
        "code": f.code,
        "severity": f.severity.value,
        "material": f.material,
        "path": redact(f.path) if f.path is not None else None,
        "message": {"zh": f.message("zh"), "en": f.message("en")},
    }


def build_manifest(
    *,
    tool_version: str,
    rules_version: str,
    identity: Identity,
    layout: str,
    records: Sequence[Record],
    volume: Volume | None = None,
    findings: Sequence[Finding] | None = None,
    timeline: Sequence[Mapping[str, Any]] | None = None,
) -> dict[str, Any]:
    """The manifest's content. ``findings`` is given for a forced bundle only, ``timeline``
    for an archive (``pack --archive``: the events as ``status --format json`` gives them)."""
    manifest: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "icp-renew", "version": tool_version},
        "rules_version": rules_version,
        "dossier": identity.to_json(),
        "layout": layout,
    }
    if volume is not None:
        manifest["volume"] = {"index": volume.index, "count": volume.count}
    manifest["forced"] = findings is not None
    manifest["files"] = [
        {
            "path": r.entry.name,
            "source": redact(r.entry.source),
            "material": r.entry.material,
            "category": r.entry.category,
            "format": r.entry.format,
            "size": r.size,
            "sha256": r.sha256,
            "pages": r.entry.pages,
        }
        for r in records
    ]
    if findings is not None:
        manifest["findings"] = [finding_json(f) for f in findings]
    if timeline is not None:
        manifest["timeline"] = [dict(e) for e in timeline]
    return manifest


def dump_manifest(manifest: Mapping[str, Any]) -> bytes:
    return (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def sums_text(hashes: Sequence[tuple[str, str]]) -> bytes:
    """``sha256sum`` format: ``<hex><two spaces><path>`` per line, paths from the bundle root."""
    return "".join(f"{digest}  {name}\n" for name, digest in hashes).encode("utf-8")


def parse_sums(text: str) -> tuple[list[tuple[str, str]], list[int]]:
    """``[(path, sha256)]`` and the numbers of lines that are not ``sha256sum`` lines."""
    out: list[tuple[str, str]] = []
    bad: list[int] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        match = _SUM_LINE.match(line)
        if match:
            out.append((match[2], match[1].lower()))
        else:
            bad.append(number)
    return out, bad


def human_size(n: int) -> str:
    """``2411`` → ``2.4 KB`` (powers of 1000, as upload limits are written)."""
    if n < 1000:
        return f"{n} B"
    value = float(n)
    for unit in ("KB", "MB", "GB"):
        value /= 1000
        if value < 1000 or unit == "GB":
            break
    return f"{value:.1f} {unit}"


def index_text(
    *,
    tool_version: str,
    checklist: Checklist,
    identity: Identity,
    records: Sequence[Record],
    volume: Volume | None = None,
    forced: bool = False,
) -> bytes:
    """``目录.txt``: the materials in the rules' order, in Chinese and English, with their files."""
    lines = [
        "增值电信业务经营许可证续期申请材料目录 / ICP licence renewal: bundle index",
        "",
        f"企业名称 / Company: {identity.company}",
    ]
    if identity.uscc:
        lines.append(f"统一社会信用代码 / USCC: {identity.uscc}")
    lines += [
        f"许可证编号 / Licence number: {identity.license_number}",
        f"发证机关 / Authority: {identity.authority_name} ({identity.authority_name_en})",
        f"规则版本 / Rules: {checklist.rules_version}; icp-renew {tool_version}",
    ]
    if volume is not None:
        lines.append(f"分卷 / Volume: {volume.index}/{volume.count}")
    if forced:
        lines.append("注意：检查未通过，强制打包，问题见 manifest.json / Forced: see manifest.json")
    by_material: dict[str, list[Record]] = {}
    for r in records:
        by_material.setdefault(r.entry.material, []).append(r)
    in_volume = {r.entry.category for r in records}
    width = max(2, len(str(len(checklist.materials))))
    for ci, cat in enumerate(checklist.categories, start=1):
        mats = [(i, m) for i, m in enumerate(checklist.materials, start=1) if m.category == cat.id]
        if not mats or (volume is not None and cat.id not in in_volume):
            continue
        lines += ["", f"{ci:02d} {cat.title} / {cat.title_en}"]
        for i, mat in mats:
            req = "" if mat.required else "（建议 / recommended）"
            lines.append(f"  {i:0{width}d} {mat.title} / {mat.title_en}{req}")
            found = by_material.get(mat.id, [])
            if not found:
                lines.append("       （未提供 / not provided）")
            for r in found:
                pages = f"{r.entry.pages} 页/pages, " if r.entry.pages is not None else ""
                year = ""
                if r.entry.year is not None:  # the year a yearly report covers, both languages
                    year = "{} / {}, ".format(
                        *(t("pack.index-year", lang, year=r.entry.year) for lang in LANGS)
                    )
                lines.append(f"       {r.entry.name}  ({year}{pages}{human_size(r.size)})")
    lines += ["", f"文件数 / Files: {len(records)}; 校验 / Checksums: SHA256SUMS ({MANIFEST})"]
    return ("\n".join(lines) + "\n").encode("utf-8")


__all__ = [
    "INDEX",
    "MANIFEST",
    "SCHEMA_VERSION",
    "Identity",
    "Record",
    "Volume",
    "build_manifest",
    "dump_manifest",
    "index_text",
    "parse_sums",
    "sums_text",
]
