"""unsafe-file: links, FIFOs, bad names and unreadable entries are reported, never followed."""

from __future__ import annotations

import os

import factory
from checks.scan_support import bytes_names, codes, pdf, raw_entry, run
from icp_renew.checks import safety
from icp_renew.findings import Severity


def test_clean_dossier_has_no_findings(tmp_path):
    root = factory.make_dossier(tmp_path / "d")
    assert run(safety, root) == []


@bytes_names
def test_each_unsafe_entry_is_one_warning(tmp_path):
    outside = tmp_path / "secret.pdf"
    outside.write_bytes(pdf())
    root = factory.make_dossier(tmp_path / "d", None, {"business-license/a.pdf": pdf()})
    (root / "business-license" / "link.pdf").symlink_to(outside)
    os.mkfifo(root / "pipe")
    raw_entry(root, "材料".encode("gbk"), pdf())
    found = run(safety, root)
    gbk = "".join(f"\\x{b:02x}" for b in "材料".encode("gbk"))
    assert codes(found) == [
        ("unsafe-file", gbk),
        ("unsafe-file", "business-license/link.pdf"),
        ("unsafe-file", "pipe"),
    ]
    assert {f.severity for f in found} == {Severity.WARNING}
    by_path = {f.path: f for f in found}
    link = by_path["business-license/link.pdf"]
    assert link.material == "business-license"
    assert link.message("en") == f"skipped: a link out of the dossier (→ {outside}), not followed"
    assert "未跟随" in link.message("zh")
    assert by_path["pipe"].message("en") == "skipped: a special file (FIFO), not read"
    assert by_path["pipe"].material is None
    assert "材料" in by_path[gbk].message("en")  # the GBK reading helps find the file


def test_codes_declared():
    assert safety.CODES == ("unsafe-file",)
    assert safety.__doc__ and "never followed" in safety.__doc__
