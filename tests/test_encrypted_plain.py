"""Encrypted PDFs are `encrypted-pdf` on a plain install, without the cryptography package.

pypdf needs ``cryptography`` to try the empty password of an AES-encrypted PDF; on a plain
``pip install icp-renew`` it is absent, and the PDF used to be reported as `corrupt-pdf`
("cryptography>=3.1 is required"). The fixtures are real AES PDFs (tests/data/encrypted,
made by make.py there) so that this runs in the plain-install environment of ``.ci/run``
too; and a subprocess with the package blocked runs it even where it is installed.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from icp_renew.inspect import inspect_file
from icp_renew.inspect.pdf import encrypt_in_trailer

DATA = Path(__file__).parent / "data" / "encrypted"
FIXTURES = sorted(DATA.glob("*.pdf"))


def test_the_fixtures_are_there():
    assert len(FIXTURES) == 6
    for path in FIXTURES:
        assert b"/AESV" in path.read_bytes()  # the crypt filter names AES (V2: 128, V3: 256)


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_aes_pdf_is_encrypted_here(path):
    info = inspect_file(path)
    assert (info.format, info.encrypted, info.corrupt) == ("pdf", True, None)


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_encrypt_entry_is_read_from_the_trailer(path):
    with path.open("rb") as fh:
        assert encrypt_in_trailer(fh, path.stat().st_size)


def test_an_unencrypted_pdf_has_no_encrypt_entry(tmp_path):
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=72, height=72)
    writer.add_metadata({"/Title": "/Encrypt in a string is not the entry"})
    path = tmp_path / "plain.pdf"
    with path.open("wb") as fh:
        writer.write(fh)
    with path.open("rb") as fh:
        assert not encrypt_in_trailer(fh, path.stat().st_size)


BLOCKED = """
import sys
sys.modules["cryptography"] = None  # as on a plain install: pypdf falls back to RC4 only
sys.modules["Crypto"] = None
from icp_renew.cli.app import main
sys.argv = ["icp-renew", *sys.argv[1:]]
main()
"""


def test_without_cryptography_check_says_encrypted_pdf(make_dossier):
    files = {f"1-基础资质文件/1.1-营业执照副本/{p.name}": p.read_bytes() for p in FIXTURES}
    root = make_dossier(files=files)
    result = subprocess.run(
        [sys.executable, "-c", BLOCKED, "check", str(root), "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
        env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "ICP_RENEW_TODAY": "2026-01-15"},
    )
    assert result.returncode == 1, result.stderr
    found = json.loads(result.stdout)["dossiers"][0]["findings"]
    by_path = {f["path"].rsplit("/", 1)[-1]: f["code"] for f in found if f["path"]}
    assert {by_path[p.name] for p in FIXTURES} == {"encrypted-pdf"}
    assert not any("cryptography" in f["message"] for f in found)
