"""Scanning a dossier folder: files to materials by folder, and what is unsafe."""

from __future__ import annotations

import os
import signal
import socket
import unicodedata
from pathlib import Path

import pytest

import factory
from checks.scan_support import book, bytes_names, context, pdf, raw_entry
from icp_renew.dossier.config import load_config
from icp_renew.dossier.scan import FolderIndex, bad_name, escape_name, scan_dossier, strip_ordinal
from icp_renew.rulebook import find_authority
from icp_renew.rulebook.resolve import resolve

PDF = b"%PDF-1.4 stub"  # the scan never opens files: any bytes do


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


@pytest.fixture
def no_hang():
    """A test that would block (opening a FIFO) fails instead of hanging the suite."""

    def boom(signum, frame):
        raise TimeoutError("blocked")

    old = signal.signal(signal.SIGALRM, boom)
    signal.alarm(20)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)


def scan(root: Path):
    b = book()
    cfg = load_config(root)
    checklist = resolve(b, find_authority(b, "beijing"), cfg.industries, cfg.license.services)
    return scan_dossier(root, cfg, checklist)


def layout(tmp_path: Path, files: dict[str, bytes]) -> Path:
    return factory.make_dossier(tmp_path / "d", None, files)


def assigned(root: Path) -> dict[str, str | None]:
    return {f.path: f.material for f in scan(root).files}


@pytest.mark.parametrize(
    ("folder", "material"),
    [
        ("business-license", "business-license"),
        ("营业执照副本", "business-license"),
        ("营业执照", "business-license"),  # alias
        ("01-营业执照副本", "business-license"),
        ("1.1-营业执照副本", "business-license"),
        ("1.1 营业执照副本", "business-license"),
        ("2_icp-license", "icp-license"),
        ("3.business-plan", "business-plan"),
        ("Business-License", "business-license"),  # ids compare case-insensitively
        ("１.１－营业执照副本", "business-license"),  # full-width ordinal (NFKC)
        (nfd("原许可证全套"), "icp-license"),
        ("营业执照副本(旧)", None),
        ("x-营业执照副本", None),
    ],
)
def test_material_folder_at_top(tmp_path, folder, material):
    root = layout(tmp_path, {f"{folder}/a.pdf": PDF})
    files = scan(root).files
    assert [f.material for f in files] == [material]
    assert files[0].path == unicodedata.normalize("NFC", f"{folder}/a.pdf")


@pytest.mark.parametrize(
    "category",
    ["qualification", "基础资质文件", "1-基础资质文件", "01_qualification", nfd("基础资质文件")],
)
def test_material_folder_under_category(tmp_path, category):
    root = layout(tmp_path, {f"{category}/1.1-营业执照副本/scan.pdf": PDF})
    assert list(assigned(root).values()) == ["business-license"]


def test_init_layout_and_nesting(tmp_path):
    root = layout(
        tmp_path,
        {
            "1-基础资质文件/1.2-原许可证全套/正页.pdf": PDF,
            "1-基础资质文件/1.2-原许可证全套/附页/1.pdf": PDF,
            "1-基础资质文件/1.2-原许可证全套/附页/深/2.pdf": PDF,
            "2-技术合规文件/filing-query/q.png": PDF,  # any category folder will do
            "1-基础资质文件/stray.pdf": PDF,
            "misc/business-license/x.pdf": PDF,  # depth 2 only under a category
            "1-基础资质文件/2-技术合规文件/filing-query/q.png": PDF,  # no category in a category
            "business-license/icp-license/inner.pdf": PDF,  # below a material: that material
            "top.pdf": PDF,
        },
    )
    assert assigned(root) == {
        "1-基础资质文件/1.2-原许可证全套/正页.pdf": "icp-license",
        "1-基础资质文件/1.2-原许可证全套/附页/1.pdf": "icp-license",
        "1-基础资质文件/1.2-原许可证全套/附页/深/2.pdf": "icp-license",
        "1-基础资质文件/2-技术合规文件/filing-query/q.png": None,
        "1-基础资质文件/stray.pdf": None,
        "2-技术合规文件/filing-query/q.png": "filing-query",
        "business-license/icp-license/inner.pdf": "business-license",
        "misc/business-license/x.pdf": None,
        "top.pdf": None,
    }
    dossier = scan(root)
    assert dossier.folders["icp-license"] == "1-基础资质文件/1.2-原许可证全套"
    assert [f.path for f in dossier.files] == sorted(f.path for f in dossier.files)
    assert dossier.unsafe == ()


def test_nfd_names_become_nfc_paths(tmp_path):
    name = nfd("营业执照副本") + "/" + nfd("Café 执照.pdf")
    root = layout(tmp_path, {name: PDF})
    (f,) = scan(root).files
    assert f.path == "营业执照副本/Café 执照.pdf"
    assert unicodedata.is_normalized("NFC", f.path)
    assert f.abspath.exists()  # the on-disk (NFD) name is kept for reading
    assert f.material == "business-license"


def test_ignored_entries(tmp_path):
    root = layout(
        tmp_path,
        {
            ".DS_Store": b"x",
            "business-license/.DS_Store": b"x",
            "business-license/Thumbs.db": b"x",
            "business-license/DESKTOP.INI": b"x",
            "business-license/~$营业执照.docx": b"x",
            "business-license/.hidden.pdf": PDF,
            ".git/objects/ab/cdef": b"x",
            "__MACOSX/business-license/._a.pdf": b"x",
            "business-license/Icon\r": b"",
            "business-license/a.pdf": PDF,
            "business-license/dossier.yaml": b"a: b",  # only the root one is the config
            "dossier.schema.json": b"{}",  # written by init for editors
        },
    )
    dossier = scan(root)
    assert [f.path for f in dossier.files] == [
        "business-license/a.pdf",
        "business-license/dossier.yaml",
    ]
    assert dossier.unsafe == ()


def test_sizes_and_abspath(tmp_path):
    root = layout(tmp_path, {"icp-license/a.pdf": b"12345"})
    (f,) = scan(root).files
    assert f.size == 5 and f.abspath == root / "icp-license" / "a.pdf" and f.info is None


def unsafe(root: Path) -> dict[str, tuple[str, str | None]]:
    return {u.path: (u.reason, u.material) for u in scan(root).unsafe}


def test_links_are_never_followed(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.pdf").write_bytes(PDF)
    root = layout(tmp_path, {"business-license/real.pdf": PDF})
    lic = root / "business-license"
    (lic / "out.pdf").symlink_to(outside / "secret.pdf")
    (lic / "in.pdf").symlink_to("real.pdf")
    (lic / "broken.pdf").symlink_to("nowhere.pdf")
    (lic / "loop.pdf").symlink_to("loop.pdf")
    (root / "icp-license").symlink_to(outside, target_is_directory=True)
    (root / "etc").symlink_to("/etc")
    dossier = scan(root)
    assert [f.path for f in dossier.files] == ["business-license/real.pdf"]
    assert unsafe(root) == {
        "business-license/broken.pdf": ("link-broken", "business-license"),
        "business-license/in.pdf": ("link-inside", "business-license"),
        "business-license/loop.pdf": ("link-loop", "business-license"),
        "business-license/out.pdf": ("link-outside", "business-license"),
        "etc": ("link-outside", None),
        "icp-license": ("link-outside", None),
    }
    # the linked folder's content was not listed; the link target is shown
    assert "icp-license" not in dossier.folders
    out = next(u for u in dossier.unsafe if u.path == "business-license/out.pdf")
    assert out.detail == str(outside / "secret.pdf")


def test_dossier_given_through_a_link(tmp_path):
    root = layout(tmp_path, {"business-license/a.pdf": PDF})
    link = tmp_path / "link"
    link.symlink_to(root, target_is_directory=True)
    dossier = scan(link)
    assert [f.path for f in dossier.files] == ["business-license/a.pdf"]
    assert dossier.unsafe == ()


def test_fifo_is_reported_not_opened(tmp_path, no_hang):
    root = layout(tmp_path, {"business-license/a.pdf": pdf()})
    os.mkfifo(root / "business-license" / "pipe.pdf")
    assert unsafe(root) == {"business-license/pipe.pdf": ("special-file", "business-license")}
    ctx = context(root)  # inspection does not open it either
    assert [f.path for f in ctx.dossier.files] == ["business-license/a.pdf"]
    assert ctx.dossier.unsafe[0].detail == "FIFO"


def test_socket_is_reported(tmp_path):
    root = layout(tmp_path, {"icp-license/a.pdf": PDF})
    path = root / "icp-license" / "s"
    if len(os.fsencode(path)) > 100:
        pytest.skip("path too long for a unix socket")
    sock = socket.socket(socket.AF_UNIX)
    try:
        sock.bind(str(path))
        assert unsafe(root) == {"icp-license/s": ("special-file", "icp-license")}
    finally:
        sock.close()


@bytes_names
def test_gbk_names_are_escaped(tmp_path):
    root = layout(tmp_path, {"business-license/ok.pdf": PDF})
    raw_entry(root / "business-license", "营业执照.pdf".encode("gbk"), PDF)
    gbk_dir = raw_entry(root, "旧材料".encode("gbk"), None)
    raw_entry(Path(os.fsdecode(gbk_dir)), b"x.pdf", PDF)
    dossier = scan(root)
    assert [f.path for f in dossier.files] == ["business-license/ok.pdf"]
    by_path = {u.path: u for u in dossier.unsafe}
    escaped = (
        "business-license/" + "".join(f"\\x{b:02x}" for b in "营业执照".encode("gbk")) + ".pdf"
    )
    assert set(by_path) == {escaped, "".join(f"\\x{b:02x}" for b in "旧材料".encode("gbk"))}
    assert by_path[escaped].reason == "bad-name"
    assert by_path[escaped].material == "business-license"
    assert "营业执照.pdf" in by_path[escaped].detail  # as GBK it reads …
    for u in dossier.unsafe:
        u.path.encode("utf-8")  # printable, encodable


@bytes_names
def test_control_characters_and_clashes(tmp_path):
    root = layout(
        tmp_path,
        {
            "business-license/a\nb.pdf": PDF,
            "business-license/evil\u202efdp.exe": PDF,
            "business-license/é.pdf": PDF,
            "business-license/" + nfd("é.pdf"): PDF,
        },
    )
    dossier = scan(root)
    assert [f.path for f in dossier.files] == ["business-license/é.pdf"]
    assert unsafe(root) == {
        "business-license/a\\x0ab.pdf": ("bad-name", "business-license"),
        "business-license/evil\\u202efdp.exe": ("bad-name", "business-license"),
        "business-license/" + nfd("é.pdf"): ("name-clash", "business-license"),
    }


def test_unreadable_folder(tmp_path, monkeypatch):
    root = layout(tmp_path, {"business-license/a.pdf": PDF, "icp-license/b.pdf": PDF})
    real = os.scandir
    locked = root / "icp-license"

    def scandir(path):
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    dossier = scan(root)
    assert [f.path for f in dossier.files] == ["business-license/a.pdf"]
    assert [(u.path, u.reason, u.detail, u.material) for u in dossier.unsafe] == [
        ("icp-license", "unreadable", "Permission denied", "icp-license")
    ]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_unreadable_file_really(tmp_path):  # pragma: no cover - only as a normal user
    root = layout(tmp_path, {"business-license/a.pdf": pdf()})
    (root / "business-license" / "a.pdf").chmod(0)
    ctx = context(root)
    assert ctx.dossier.files == ()
    assert ctx.dossier.unsafe[0].reason == "unreadable"


def test_helpers():
    assert strip_ordinal("1.2.3 - x") == "x"
    assert strip_ordinal("2025年度") == "2025年度"
    assert strip_ordinal("12") == "12"
    assert escape_name("a\tb") == "a\\x09b"
    assert bad_name("正常.pdf") is None
    assert bad_name("a\x7fb") == "contains control characters"
    assert bad_name(os.fsdecode(b"\xff\xfe.pdf")) == "not valid UTF-8"
    index = FolderIndex.of(resolve(book(), find_authority(book(), "beijing")))
    assert index.material("1.1-营业执照副本") == "business-license"
    assert index.category("4-特殊行业要求") == "industry"
    assert index.material("4-特殊行业要求") is None


def test_folder_reached_twice_is_not_walked_again(tmp_path, monkeypatch):
    """A bind mount of the dossier inside itself: the folder is reported, not walked forever."""
    root = layout(tmp_path, {"business-license/a.pdf": PDF, "mnt/x.pdf": PDF})
    real = os.lstat

    def lstat(path, *args, **kwargs):
        if Path(path) == root / "mnt":
            return real(root)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(os, "lstat", lstat)
    dossier = scan(root)
    assert [f.path for f in dossier.files] == ["business-license/a.pdf"]
    assert [(u.path, u.reason) for u in dossier.unsafe] == [("mnt", "link-loop")]
