"""The bundle writer on its own: layout, determinism, manifest, streaming and safety."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import shutil
import subprocess
import tracemalloc
import zipfile
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest

import factory
from icp_renew.bundle import pack as pack_mod
from icp_renew.bundle.layout import natural_key, plan_entries, safe_component
from icp_renew.bundle.manifest import Identity, parse_sums
from icp_renew.bundle.pack import (
    BundleInput,
    PackOptions,
    bundle_date_time,
    split_volumes,
    volume_bound,
    write_bundle,
)
from icp_renew.bundle.source import SourceError, open_source
from icp_renew.bundle.verify import verify_bundle
from icp_renew.bundle.writer import BundleWriteError, ZipStream
from icp_renew.dossier.model import DossierFile, FileInfo
from icp_renew.errors import UserError
from icp_renew.rulebook.loader import load_rulebook
from icp_renew.rulebook.resolve import Checklist, resolve

FORMATS = {".pdf": "pdf", ".jpg": "jpeg", ".jpeg": "jpeg", ".png": "png"}
ISSUED = (2021, 6, 1, 0, 0, 0)


@lru_cache(maxsize=1)
def checklist() -> Checklist:
    book = load_rulebook(())
    return resolve(book, book.authorities["beijing"], (), ("B25",))


IDENTITY = Identity(
    company="北京示例科技有限公司",
    uscc="91110000600037341L",
    license_number="京B2-20210001",
    authority_slug="beijing",
    authority_name="北京市通信管理局",
    authority_name_en="Beijing Communications Administration",
    services=("B25",),
)


def scanned(root: Path, rel: str, pages: int | None = 1, fmt: str | None = None) -> DossierFile:
    """A DossierFile as the scan would give it (material from the first folder)."""
    path = root / rel
    size = path.stat().st_size
    fmt = fmt or FORMATS.get(path.suffix.lower())
    return DossierFile(rel, path, rel.split("/")[0], size, FileInfo(fmt, size, pages=pages))


def bundle_of(
    root: Path,
    files: Mapping[str, bytes | str] | None = None,
    *,
    layout: Any = "categories",
    findings: Any = None,
) -> BundleInput:
    """A dossier written by the factory and its bundle input, without the scan."""
    factory.make_dossier(root, None, files)
    rels = sorted(factory.COMPLETE_FILES if files is None else files)
    dfiles = [scanned(root, rel) for rel in rels]
    return BundleInput(
        root=root,
        checklist=checklist(),
        identity=IDENTITY,
        entries=plan_entries(checklist(), dfiles, layout),
        tool_version="0.1.0",
        layout=layout,
        findings=findings,
    )


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def tree_state(root: Path) -> str:
    """Names, types, sizes, modes, mtimes and contents of a whole tree."""
    h = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        st = path.lstat()
        h.update(f"{path.relative_to(root)}|{st.st_mode}|{st.st_size}|{st.st_mtime_ns}".encode())
        if path.is_file() and not path.is_symlink():
            h.update(path.read_bytes())
    return h.hexdigest()


# --- layout ------------------------------------------------------------------------------


def test_natural_sort_puts_2_before_10() -> None:
    names = ["报告10.pdf", "报告2.pdf", "报告1.pdf", "B.pdf", "a.pdf"]
    assert sorted(names, key=natural_key) == [
        "a.pdf",
        "B.pdf",
        "报告1.pdf",
        "报告2.pdf",
        "报告10.pdf",
    ]


def test_names_follow_checklist_order_and_detected_format(tmp_path: Path) -> None:
    files = {
        "business-license/执照.PDF": "pdf:1",
        "legal-rep-id/scan10.jpeg": "jpeg",
        "legal-rep-id/scan2.JPG": "jpeg",
        "filing-query/查询.jpg": "png",  # PNG bytes behind a .jpg name
        "business-reports/2021.pdf": "pdf:1",
        "stray.pdf": "pdf:1",  # in no material folder
    }
    factory.make_dossier(tmp_path, None, files)
    dfiles = [scanned(tmp_path, rel) for rel in files]
    dfiles[3] = scanned(tmp_path, "filing-query/查询.jpg", fmt="png")
    dfiles[5] = DossierFile("stray.pdf", tmp_path / "stray.pdf", None, 1, None)
    names = [(e.name, e.source) for e in plan_entries(checklist(), dfiles)]
    assert names == [
        ("01-基础资质文件/01-营业执照副本.pdf", "business-license/执照.PDF"),
        ("01-基础资质文件/03-法定代表人身份证-1.jpg", "legal-rep-id/scan2.JPG"),
        ("01-基础资质文件/03-法定代表人身份证-2.jpg", "legal-rep-id/scan10.jpeg"),
        ("02-技术合规文件/10-工信部备案查询页.png", "filing-query/查询.jpg"),
        ("03-经营能力证明/13-近五年业务经营报告.pdf", "business-reports/2021.pdf"),
    ]
    flat = [e.name for e in plan_entries(checklist(), dfiles, "flat")]
    assert flat == [
        "01-营业执照副本.pdf",
        "03-法定代表人身份证-1.jpg",
        "03-法定代表人身份证-2.jpg",
        "10-工信部备案查询页.png",
        "13-近五年业务经营报告.pdf",
    ]


def test_many_files_of_one_material_are_zero_padded(tmp_path: Path) -> None:
    files = {f"business-reports/{i}.pdf": "pdf:1" for i in range(1, 12)}
    factory.make_dossier(tmp_path, None, files)
    entries = plan_entries(checklist(), [scanned(tmp_path, rel) for rel in files])
    assert [e.source for e in entries] == [f"business-reports/{i}.pdf" for i in range(1, 12)]
    assert entries[0].name.endswith("-01.pdf") and entries[-1].name.endswith("-11.pdf")


def test_titles_are_made_safe_path_components() -> None:
    assert safe_component('a/b\\c:d*?"<>|e\x01', "x") == "a_b_c_d______e_"
    assert safe_component(" ..  ", "fallback") == "fallback"
    assert safe_component("正页、附页。", "x") == "正页、附页。"


# --- determinism -------------------------------------------------------------------------


def test_two_packs_are_byte_identical_whatever_the_mtimes(tmp_path: Path) -> None:
    bundle = bundle_of(tmp_path / "d")
    first = tmp_path / "a.zip"
    write_bundle(bundle, PackOptions(first, ISSUED))
    for path in (tmp_path / "d").rglob("*.pdf"):
        os.utime(path, (1_000_000_000, 1_000_000_000))
    second = tmp_path / "b.zip"
    write_bundle(bundle, PackOptions(second, ISSUED))
    assert sha(first) == sha(second)
    deflated = [tmp_path / "c.zip", tmp_path / "e.zip"]
    for out in deflated:
        write_bundle(bundle, PackOptions(out, ISSUED, compress=True))
    assert sha(deflated[0]) == sha(deflated[1]) != sha(first)


def test_entries_are_sorted_fixed_and_utf8(tmp_path: Path) -> None:
    out = tmp_path / "b.zip"
    write_bundle(bundle_of(tmp_path / "d"), PackOptions(out, (2024, 3, 5, 6, 7, 8)))
    with zipfile.ZipFile(out) as zf:
        infos = zf.infolist()
    names = [i.filename for i in infos]
    assert names == sorted(names)
    assert names[-3:] == ["SHA256SUMS", "manifest.json", "目录.txt"]
    for info in infos:
        assert info.date_time == (2024, 3, 5, 6, 7, 8)
        assert info.external_attr == 0o100644 << 16
        assert info.create_system == 3
        assert info.flag_bits & 0x800
        assert info.extra == b""
        assert info.compress_type == zipfile.ZIP_STORED
    with zipfile.ZipFile(out) as zf:
        assert zf.read("SHA256SUMS").startswith(b"")  # readable after close


def test_timestamp_from_source_date_epoch_or_the_dossier() -> None:
    import datetime as dt

    assert bundle_date_time("1700000001", None) == (2023, 11, 14, 22, 13, 20)
    assert bundle_date_time("0", dt.date(2021, 6, 1)) == (1980, 1, 1, 0, 0, 0)
    assert bundle_date_time(None, dt.date(2021, 6, 1)) == (2021, 6, 1, 0, 0, 0)
    assert bundle_date_time("", None) == (1980, 1, 1, 0, 0, 0)
    with pytest.raises(UserError, match="SOURCE_DATE_EPOCH"):
        bundle_date_time("yesterday", None)


# --- manifest, sums, index ---------------------------------------------------------------


def test_manifest_content_is_exact(tmp_path: Path) -> None:
    files = {
        "business-license/营业执照.pdf": b"%PDF-1.4 one",
        "legal-rep-id/正面.jpg": b"\xff\xd8jpeg",
    }
    forced = [
        factory.text_finding(
            "missing-material",
            zh="缺少{title}",
            en="{title} is missing",
            material="business-plan",
            title="业务发展规划",
        )
    ]
    bundle = bundle_of(tmp_path / "d", files, findings=forced)
    out = tmp_path / "b.zip"
    write_bundle(bundle, PackOptions(out, ISSUED))
    with zipfile.ZipFile(out) as zf:
        manifest = json.loads(zf.read("manifest.json"))
    assert manifest == {
        "schema_version": 1,
        "tool": {"name": "icp-renew", "version": "0.1.0"},
        "rules_version": checklist().rules_version,
        "dossier": {
            "company": "北京示例科技有限公司",
            "uscc": "91110000600037341L",
            "license_number": "京B2-20210001",
            "authority": {
                "slug": "beijing",
                "name": "北京市通信管理局",
                "name_en": "Beijing Communications Administration",
            },
            "industries": [],
            "services": ["B25"],
        },
        "layout": "categories",
        "forced": True,
        "files": [
            {
                "path": "01-基础资质文件/01-营业执照副本.pdf",
                "source": "business-license/营业执照.pdf",
                "material": "business-license",
                "category": "qualification",
                "format": "pdf",
                "size": 12,
                "sha256": hashlib.sha256(b"%PDF-1.4 one").hexdigest(),
                "pages": 1,
            },
            {
                "path": "01-基础资质文件/03-法定代表人身份证.jpg",
                "source": "legal-rep-id/正面.jpg",
                "material": "legal-rep-id",
                "category": "qualification",
                "format": "jpeg",
                "size": 6,
                "sha256": hashlib.sha256(b"\xff\xd8jpeg").hexdigest(),
                "pages": 1,
            },
        ],
        "findings": [
            {
                "code": "missing-material",
                "severity": "error",
                "material": "business-plan",
                "path": None,
                "message": {"zh": "缺少业务发展规划", "en": "业务发展规划 is missing"},
            }
        ],
    }


def test_sha256sum_and_unzip_accept_the_extraction(tmp_path: Path) -> None:
    out = tmp_path / "b.zip"
    write_bundle(bundle_of(tmp_path / "d"), PackOptions(out, ISSUED))
    dest = tmp_path / "x"
    with zipfile.ZipFile(out) as zf:
        zf.extractall(dest)
        sums, bad = parse_sums(zf.read("SHA256SUMS").decode())
    assert not bad
    assert [p for p, _ in sums][-2:] == ["manifest.json", "目录.txt"]
    assert len(sums) == len(factory.COMPLETE_FILES) + 2
    for path, digest in sums:
        assert sha(dest / path) == digest
    if shutil.which("sha256sum"):
        done = subprocess.run(
            ["sha256sum", "--check", "--strict", "SHA256SUMS"],
            cwd=dest,
            capture_output=True,
            check=False,
        )
        assert done.returncode == 0, done.stdout + done.stderr
    if shutil.which("unzip"):
        done = subprocess.run(["unzip", "-t", str(out)], capture_output=True, check=False)
        assert done.returncode == 0, done.stdout
    index = (dest / "目录.txt").read_text("utf-8")
    assert "01 基础资质文件 / Basic qualification documents" in index
    assert "       03-经营能力证明/13-近五年业务经营报告-5.pdf  (1 页/pages, " in index
    assert index.index("营业执照副本") < index.index("近五年业务经营报告")
    assert verify_bundle(out).ok


# --- refusals, interruption, failure ------------------------------------------------------


def test_refuses_output_inside_dossier_and_existing_output(tmp_path: Path) -> None:
    bundle = bundle_of(tmp_path / "d")
    before = tree_state(tmp_path / "d")
    with pytest.raises(UserError, match="inside the dossier"):
        write_bundle(bundle, PackOptions(tmp_path / "d" / "business-plan" / "b.zip", ISSUED))
    out = tmp_path / "b.zip"
    out.write_bytes(b"keep me")
    with pytest.raises(UserError, match="--overwrite"):
        write_bundle(bundle, PackOptions(out, ISSUED))
    assert out.read_bytes() == b"keep me"
    write_bundle(bundle, PackOptions(out, ISSUED, overwrite=True))
    assert verify_bundle(out).ok
    assert tree_state(tmp_path / "d") == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.zip", "d"]


@pytest.mark.parametrize("compress", [False, True])
def test_interrupted_copy_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, compress: bool
) -> None:
    bundle = bundle_of(tmp_path / "d")
    real_open = pack_mod.open_source
    calls = 0

    def interrupt(*args: Any) -> Any:
        nonlocal calls
        calls += 1
        if calls == 3:
            raise KeyboardInterrupt
        return real_open(*args)

    monkeypatch.setattr(pack_mod, "open_source", interrupt)
    out = tmp_path / "out" / "b.zip"
    out.parent.mkdir()
    with pytest.raises(KeyboardInterrupt):
        write_bundle(bundle, PackOptions(out, ISSUED, compress=compress))
    assert list(out.parent.iterdir()) == []


def test_full_disk_is_one_clear_error_and_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundle = bundle_of(tmp_path / "d")

    def full(self: ZipStream, name: str, data: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(ZipStream, "add_bytes", full)
    out = tmp_path / "out" / "b.zip"
    out.parent.mkdir()
    with pytest.raises(BundleWriteError, match="No space left on device; no bundle was written"):
        write_bundle(bundle, PackOptions(out, ISSUED))
    assert list(out.parent.iterdir()) == []


def test_file_changed_since_the_check_is_refused(tmp_path: Path) -> None:
    bundle = bundle_of(tmp_path / "d")
    (tmp_path / "d" / "business-plan" / "2026年业务发展规划.pdf").write_bytes(b"%PDF shorter")
    out = tmp_path / "b.zip"
    with pytest.raises(UserError, match="changed while it was being packed"):
        write_bundle(bundle, PackOptions(out, ISSUED))
    assert not out.exists()


# --- never leaving the dossier ------------------------------------------------------------


def test_links_are_never_followed(tmp_path: Path) -> None:
    root = tmp_path / "d"
    factory.make_dossier(root, None, {"business-plan/plan.pdf": "pdf:1"})
    secret = tmp_path / "secret.pdf"
    secret.write_bytes(b"%PDF secret")
    (root / "business-plan" / "link.pdf").symlink_to(secret)
    with pytest.raises(SourceError, match="links are never followed"):
        open_source(root, root / "business-plan" / "link.pdf", "business-plan/link.pdf")
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "x.pdf").write_bytes(b"%PDF x")
    (root / "dirlink").symlink_to(outside)
    with pytest.raises(SourceError, match="links are never followed"):
        open_source(root, root / "dirlink" / "x.pdf", "dirlink/x.pdf")
    (root / "business-plan" / "inside.pdf").symlink_to(root / "business-plan" / "plan.pdf")
    with pytest.raises(SourceError, match="links are never followed"):
        open_source(root, root / "business-plan" / "inside.pdf", "inside")
    with pytest.raises(SourceError, match="not inside the dossier"):
        open_source(root, secret, "secret")
    with open_source(root, root / "business-plan" / "plan.pdf", "plan") as fh:
        assert fh.read(4) == b"%PDF"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    root = tmp_path / "d"
    factory.make_dossier(root, None, {})
    os.mkfifo(root / "pipe.pdf")
    with pytest.raises(SourceError, match="not a regular file"):
        open_source(root, root / "pipe.pdf", "pipe.pdf")


def test_a_file_swapped_for_a_link_after_the_check_is_refused(tmp_path: Path) -> None:
    bundle = bundle_of(tmp_path / "d")
    target = tmp_path / "d" / "business-plan" / "2026年业务发展规划.pdf"
    size = target.stat().st_size
    secret = tmp_path / "secret.pdf"
    secret.write_bytes(b"x" * size)
    target.unlink()
    target.symlink_to(secret)
    with pytest.raises(SourceError, match="links are never followed"):
        write_bundle(bundle, PackOptions(tmp_path / "b.zip", ISSUED))
    assert not (tmp_path / "b.zip").exists()


# --- volumes -----------------------------------------------------------------------------


def test_split_follows_category_lines(tmp_path: Path) -> None:
    bundle = bundle_of(tmp_path / "d")
    by_cat = {
        cat: volume_bound(bundle, [e for e in bundle.entries if e.category == cat], False)
        for cat in ("qualification", "technical", "operations")
    }
    limit = max(by_cat.values()) + 1000
    out = tmp_path / "b.zip"
    written = write_bundle(bundle, PackOptions(out, ISSUED, split_size=limit))
    assert [w.path.name for w in written] == [f"b.part{i}.zip" for i in range(1, len(written) + 1)]
    assert len(written) >= 2
    seen: list[str] = []
    for number, w in enumerate(written, start=1):
        assert w.size <= limit
        assert w.path.stat().st_size == w.size
        assert verify_bundle(w.path).ok
        with zipfile.ZipFile(w.path) as zf:
            manifest = json.loads(zf.read("manifest.json"))
            assert "分卷 / Volume: " in zf.read("目录.txt").decode()
        assert manifest["volume"] == {"index": number, "count": len(written)}
        cats = [f["category"] for f in manifest["files"]]
        seen += cats
        assert not set(cats) & set(seen[: len(seen) - len(cats)])  # a category in one volume
    assert len(seen) == len(factory.COMPLETE_FILES)
    assert not out.exists()


def test_a_category_larger_than_the_split_size_is_refused(tmp_path: Path) -> None:
    bundle = bundle_of(tmp_path / "d")
    with pytest.raises(UserError, match=r"category 01-基础资质文件 needs .* --split-size"):
        split_volumes(bundle, 50_000, compress=False)
    with pytest.raises(UserError, match="--split-size"):
        write_bundle(bundle, PackOptions(tmp_path / "b.zip", ISSUED, split_size=50_000))
    assert [p.name for p in tmp_path.iterdir()] == ["d"]


def test_volume_bound_is_an_upper_bound(tmp_path: Path) -> None:
    bundle = bundle_of(tmp_path / "d")
    out = tmp_path / "b.zip"
    (written,) = write_bundle(bundle, PackOptions(out, ISSUED))
    bound = volume_bound(bundle, bundle.entries, False, count=1)
    assert written.size <= bound <= written.size + 4096


# --- streaming ---------------------------------------------------------------------------


def test_a_huge_sparse_file_is_packed_with_bounded_memory(tmp_path: Path) -> None:
    root = tmp_path / "d"
    factory.make_dossier(root, None, {"business-plan/plan.pdf": "pdf:1"})
    big = root / "business-plan" / "huge.pdf"
    size = 300 * 1024 * 1024
    with big.open("wb") as fh:
        fh.write(b"%PDF-1.4\n")
        fh.truncate(size)  # sparse: no disk used in the dossier
    dfiles = [
        scanned(root, "business-plan/huge.pdf", pages=None),
        scanned(root, "business-plan/plan.pdf"),
    ]
    bundle = BundleInput(root, checklist(), IDENTITY, plan_entries(checklist(), dfiles), "0.1.0")
    out = tmp_path / "b.zip"
    tracemalloc.start()
    try:
        write_bundle(bundle, PackOptions(out, ISSUED))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 8 * 1024 * 1024, peak
    assert out.stat().st_size > size
    with zipfile.ZipFile(out) as zf:
        manifest = json.loads(zf.read("manifest.json"))
    assert manifest["files"][0]["size"] == size
    out.unlink()


def test_progress_reports_every_byte(tmp_path: Path) -> None:
    bundle = bundle_of(tmp_path / "d")
    seen: list[tuple[int, int]] = []
    write_bundle(
        bundle,
        PackOptions(tmp_path / "b.zip", ISSUED),
        on_progress=lambda d, t: seen.append((d, t)),
    )
    assert seen[-1] == (bundle.total_bytes, bundle.total_bytes)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_metadata_names_sort_after_every_data_name(tmp_path: Path) -> None:
    bundle = bundle_of(tmp_path / "d", layout="flat")
    names = [e.name for e in bundle.entries]
    meta = [name for name, _ in pack_mod.metadata(bundle, [], None)]
    assert max(names) < min(meta)


def test_volumes_are_renamed_all_or_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundle = bundle_of(tmp_path / "d")
    real = Path.replace
    calls = 0

    def second_fails(self: Path, target: Any) -> Path:
        nonlocal calls
        calls += 1
        if calls == 2:
            raise OSError(errno.EXDEV, "Invalid cross-device link")
        return real(self, target)

    monkeypatch.setattr(Path, "replace", second_fails)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    limit = max(  # the largest category fits; all of them do not
        volume_bound(bundle, [e for e in bundle.entries if e.category == cat], False)
        for cat in ("qualification", "technical", "operations")
    )
    with pytest.raises(BundleWriteError, match="cannot rename into place"):
        write_bundle(bundle, PackOptions(out_dir / "b.zip", ISSUED, split_size=limit))
    assert calls == 2
    assert list(out_dir.iterdir()) == []
