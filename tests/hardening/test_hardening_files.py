"""A corpus of broken and hostile files: each gives a finding, never a crash or a hang.

Every file is built by code (``corpus.py``) and put alone in ``icp-license/`` (a material that
needs 4 pages), so even a damaged file that still parses yields a finding (``too-few-pages``).
Checking one file is bounded by the per-file guard (``icp_renew/inspect/guard.py``).
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import corpus
import pytest

import factory
from icp_renew.inspect import guard, inspect_file

MATERIAL = "icp-license"
FILE_CODES = {
    "corrupt-pdf",
    "encrypted-pdf",
    "unsupported-format",
    "inspection-limit",
    "empty-file",
    "too-few-pages",
    "low-resolution",
}


def _config() -> dict[str, object]:
    return dict(factory.VALID_CONFIG)


def check_one(cli, tmp_path: Path, name: str, data: bytes) -> list[dict[str, object]]:
    """Check a dossier whose only file is ``icp-license/<name>``; its findings on that file."""
    root = factory.make_dossier(tmp_path / "d", _config(), {f"{MATERIAL}/{name}": data})
    result = cli("check", str(root), "--today", factory.TODAY, "-f", "json")
    assert result.exit_code == 1, result.output + result.stderr
    assert "Traceback" not in result.stderr
    findings = json.loads(result.stdout)["dossiers"][0]["findings"]
    return [f for f in findings if f["material"] == MATERIAL]


def codes(findings: list[dict[str, object]]) -> set[str]:
    return {str(f["code"]) for f in findings}


STRUCTURAL = {
    "page-tree-loop": (corpus.page_tree_loop, "corrupt-pdf"),
    "reference-cycle": (corpus.reference_cycle, "corrupt-pdf"),
    "object-stream-self": (corpus.self_referring_object_stream, "too-few-pages"),
    "xref-stream-self": (corpus.xref_stream_self_reference, "too-few-pages"),
    "page-count-lie": (corpus.page_count_lie, "too-few-pages"),
    "image-bomb": (corpus.image_bomb_pdf, "too-few-pages"),
    "deep-nesting": (corpus.deep_nesting_pdf, "corrupt-pdf"),
}


@pytest.mark.parametrize("label", sorted(STRUCTURAL))
def test_structurally_hostile_pdf(cli, tmp_path, label):
    build, expected = STRUCTURAL[label]
    assert expected in codes(check_one(cli, tmp_path, "x.pdf", build()))


@pytest.mark.parametrize("label", [label for label, _ in corpus.broken_xref_tables()])
def test_broken_xref_table(cli, tmp_path, label):
    data = dict(corpus.broken_xref_tables())[label]
    found = codes(check_one(cli, tmp_path, "x.pdf", data))
    # pypdf repairs some tables (then the one page is too few), refuses others
    assert found & {"corrupt-pdf", "too-few-pages"}, found


def test_flate_bomb_stays_bounded(cli, tmp_path):
    """A content stream that inflates to 100 MB: pypdf's limit stops the text extraction."""
    data = corpus.flate_bomb_pdf(100)
    root = factory.make_dossier(tmp_path / "d", _config(), {"business-license/x.pdf": data})
    result = cli("check", str(root), "--today", factory.TODAY, "-f", "json")
    assert result.exit_code == 1
    info = inspect_file(root / "business-license/x.pdf", want_text=True)
    assert info.pages == 1
    assert info.text is None or len(info.text) <= 256 * 1024


@pytest.mark.parametrize("label", [label for label, _ in corpus.encrypted_pdfs()])
def test_every_encryption_is_encrypted_pdf(cli, tmp_path, label):
    data = dict(corpus.encrypted_pdfs())[label]
    assert codes(check_one(cli, tmp_path, "x.pdf", data)) == {"encrypted-pdf"}


def test_aes_encryption_is_in_the_corpus():
    """cryptography is a test dependency: the AES variants are really exercised."""
    labels = {label for label, _ in corpus.encrypted_pdfs()}
    assert {"AES-128-empty-user", "AES-256-empty-user", "AES-256-R5-user-password"} <= labels


@pytest.mark.parametrize("label", ["AES-256-empty-user", "AES-256-R5-empty-user"])
def test_aes_pdf_without_cryptography_is_still_encrypted(monkeypatch, tmp_path, label):
    """A user without the cryptography package still gets encrypted-pdf, not corrupt-pdf.

    pypdf binds its cipher functions when ``pypdf._encryption`` is imported, so the functions
    of its no-cryptography fallback are put there (patching ``crypt_provider``, as this test
    once did, changed nothing pypdf calls). tests/test_encrypted_plain.py runs the same with
    the package blocked in a fresh interpreter.
    """
    import pypdf._encryption as encryption
    from pypdf._crypt_providers import _fallback

    data = dict(corpus.encrypted_pdfs())[label]  # written with cryptography, then read without
    for name in ("CryptAES", "aes_cbc_decrypt", "aes_cbc_encrypt", "aes_ecb_decrypt"):
        monkeypatch.setattr(encryption, name, getattr(_fallback, name))
    path = tmp_path / "x.pdf"
    path.write_bytes(data)
    info = inspect_file(path)
    assert info.encrypted and info.corrupt is None


def test_pdfs_with_flipped_bytes(cli, tmp_path):
    good = factory.pdf_bytes(3, text="经营范围 增值电信业务")
    for seed in range(12):
        found = check_one(cli, tmp_path / str(seed), "x.pdf", corpus.flipped(good, seed, 12))
        assert codes(found) <= FILE_CODES and found, (seed, found)


def test_pdfs_truncated_at_many_offsets(cli, tmp_path):
    good = factory.pdf_bytes(2, text="截断")
    for cut, data in corpus.truncations(good):
        found = codes(check_one(cli, tmp_path / str(cut), "x.pdf", data))
        assert found and found <= FILE_CODES, (cut, found)
        if cut < len(good) - len(b"%%EOF\n"):  # cutting only the final newline leaves a PDF
            assert found & {"corrupt-pdf", "unsupported-format"}, (cut, found)


@pytest.mark.parametrize("label", [label for label, _, _ in corpus.bad_images()])
def test_images_with_bad_headers(cli, tmp_path, label):
    ext, data = next((e, d) for lab, e, d in corpus.bad_images() if lab == label)
    found = codes(check_one(cli, tmp_path, f"x.{ext}", data))
    assert found and found <= FILE_CODES, found
    if label.endswith(("bomb", "magic-only", "truncated", "zero-size", "no-sof", "short")):
        assert "unsupported-format" in found, found


def test_zero_byte_files(cli, tmp_path):
    for name in ("x.pdf", "x.jpg", "x.png", "x"):
        assert "empty-file" in codes(check_one(cli, tmp_path / name, name, b""))


# --- the per-file guard -----------------------------------------------------------------------

GIB = 1024**3


def _sparse(path: Path, head: bytes, size: int, tail: bytes = b"") -> Path:
    with path.open("wb") as fh:
        fh.write(head)
        fh.truncate(size)
        fh.seek(size)
        fh.write(tail)
    return path


def test_sparse_multi_gigabyte_zeros(cli, tmp_path):
    """3 GiB of nothing: not a recognised format; read only from its header."""
    root = factory.make_dossier(tmp_path / "d", _config(), {})
    (root / MATERIAL).mkdir()
    _sparse(root / MATERIAL / "huge.pdf", b"", 3 * GIB)
    result = cli("check", str(root), "--today", factory.TODAY, "-f", "json")
    found = json.loads(result.stdout)["dossiers"][0]["findings"]
    assert "unsupported-format" in codes([f for f in found if f["material"] == MATERIAL])


def test_sparse_pdf_with_a_broken_xref_trips_the_read_cap(cli, tmp_path):
    """A PDF header, a 3 GiB hole and a trailer whose xref offset is wrong: pypdf would read the
    whole file at once to repair it (and hung for minutes before the guard)."""
    root = factory.make_dossier(tmp_path / "d", _config(), {})
    (root / MATERIAL).mkdir()
    tail = b"\ntrailer\n<< /Root 1 0 R >>\nstartxref\n123\n%%EOF\n"
    _sparse(root / MATERIAL / "huge.pdf", corpus.minimal_pdf()[:200], 3 * GIB, tail)
    result = cli("check", str(root), "--today", factory.TODAY, "-f", "json")
    found = [
        f
        for f in json.loads(result.stdout)["dossiers"][0]["findings"]
        if f["code"] == "inspection-limit"
    ]
    assert [f["path"] for f in found] == [f"{MATERIAL}/huge.pdf"]
    assert "MiB at once" in found[0]["message"]


def test_the_read_cap_holds_in_worker_processes(cli, tmp_path):
    roots = []
    for name in ("a", "b"):
        root = factory.make_dossier(tmp_path / name, _config(), {})
        (root / MATERIAL).mkdir()
        tail = b"\ntrailer\n<< /Root 1 0 R >>\nstartxref\n9\n%%EOF\n"
        _sparse(root / MATERIAL / "huge.pdf", b"%PDF-1.7\n", GIB, tail)
        roots.append(str(root))
    result = cli("check", *roots, "--jobs", "2", "--today", factory.TODAY, "-f", "json")
    for d in json.loads(result.stdout)["dossiers"]:
        assert "inspection-limit" in {f["code"] for f in d["findings"]}


def test_time_budget_turns_a_hang_into_a_finding(cli, tmp_path, monkeypatch):
    """A file whose parsing never ends (simulated: the PDF reader sleeps) is stopped after the
    time budget and reported; the other files are still checked."""
    import icp_renew.inspect as inspect_pkg

    def hang(fh: object, size: int, want_text: bool) -> object:
        time.sleep(60)
        raise AssertionError("not reached")

    monkeypatch.setattr(guard, "TIME_BUDGET", 0.2)
    monkeypatch.setattr(inspect_pkg, "inspect_pdf", hang)
    files = {f"{MATERIAL}/x.pdf": factory.pdf_bytes(1), "legal-rep-id/a.png": "png"}
    root = factory.make_dossier(tmp_path / "d", _config(), files)
    start = time.monotonic()
    result = cli("check", str(root), "--today", factory.TODAY, "-f", "json")
    assert time.monotonic() - start < 30  # not the 60 s of the hang
    found = json.loads(result.stdout)["dossiers"][0]["findings"]
    limit = [f for f in found if f["code"] == "inspection-limit"]
    assert [f["path"] for f in limit] == [f"{MATERIAL}/x.pdf"]
    assert "longer than 0.2 s" in limit[0]["message"]
    # the image after it was still inspected: its one page is counted (two are needed)
    assert {f["code"] for f in found if f["material"] == "legal-rep-id"} == {"too-few-pages"}


def test_time_budget_restores_the_previous_handler():
    import signal

    before = signal.getsignal(signal.SIGALRM)
    with guard.time_budget(5):
        pass
    assert signal.getsignal(signal.SIGALRM) is before
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_bounded_reader_passes_small_reads(tmp_path):
    path = tmp_path / "f"
    path.write_bytes(b"0123456789")
    with path.open("rb") as fh:
        r = guard.BoundedReader(fh, 10, max_read=4)
        assert r.read(3) == b"012"
        r.seek(8)
        assert r.read() == b"89"
        r.seek(0)
        with pytest.raises(guard.InspectionLimit):
            r.read()


def test_inspection_limit_blocks_pack(cli, tmp_path):
    root = factory.make_dossier(tmp_path / "d")
    tail = b"\ntrailer\n<< /Root 1 0 R >>\nstartxref\n9\n%%EOF\n"
    (root / MATERIAL / "许可证.pdf").unlink()
    _sparse(root / MATERIAL / "许可证.pdf", b"%PDF-1.7\n", GIB, tail)
    out = tmp_path / "b.zip"
    result = cli("pack", str(root), "-o", str(out), "--today", factory.TODAY)
    assert result.exit_code == 1
    assert not out.exists()
