"""`icp-renew pack` through the CLI: the gate, outputs, refusals, determinism, safety."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import sys
import types
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import factory
from factory import TODAY
from icp_renew import engine
from icp_renew.bundle import pack as pack_mod
from icp_renew.checks import Context, registry
from icp_renew.findings import Finding, Severity


def tree_state(root: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        st = path.lstat()
        h.update(f"{path.relative_to(root)}|{st.st_mode}|{st.st_size}|{st.st_mtime_ns}".encode())
        if path.is_file() and not path.is_symlink():
            h.update(path.read_bytes())
    return h.hexdigest()


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def dossier(tmp_path: Path) -> Path:
    return factory.make_dossier(tmp_path / "dossier")


def inject(monkeypatch: pytest.MonkeyPatch, severity: Severity) -> None:
    """Add a check that yields one finding of ``severity`` (the gate, whatever checks exist)."""

    def check(ctx: Context) -> Iterator[Finding]:
        yield factory.text_finding(
            "missing-material" if severity is Severity.ERROR else "unassigned-file",
            zh="测试问题 {n}",
            en="test problem {n}",
            material="business-plan",
            severity=severity,
            n=1,
        )

    fake = types.SimpleNamespace(CODES=("missing-material",), check=check)
    monkeypatch.setattr(engine, "registry", lambda: [*registry(), fake])


def pack(cli: Any, *args: str, env: dict[str, str] | None = None) -> Any:
    return cli("pack", *args, "--today", TODAY, env=env)


def test_a_clean_dossier_is_packed_and_verifies(cli: Any, dossier: Path, tmp_path: Path) -> None:
    before = tree_state(dossier)
    out = tmp_path / "b.zip"
    result = pack(cli, str(dossier), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"wrote {out}: {len(factory.COMPLETE_FILES)} files, ")
    with zipfile.ZipFile(out) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        assert zf.infolist()[0].date_time == (2021, 6, 1, 0, 0, 0)  # the licence's issue date
    assert manifest["forced"] is False and "findings" not in manifest
    assert manifest["dossier"]["license_number"] == "京B2-20210001"
    assert manifest["dossier"]["authority"]["slug"] == "beijing"
    assert len(manifest["files"]) == len(factory.COMPLETE_FILES)
    assert manifest["files"][1]["pages"] == 4  # the scan's page count, reused
    verified = cli("verify", str(out))
    assert verified.exit_code == 0, verified.output
    assert tree_state(dossier) == before


def test_two_runs_give_the_same_bytes(cli: Any, dossier: Path, tmp_path: Path) -> None:
    one, two, three = tmp_path / "1.zip", tmp_path / "2.zip", tmp_path / "3.zip"
    assert pack(cli, str(dossier), "-o", str(one)).exit_code == 0
    assert pack(cli, str(dossier), "-o", str(two), "--today", "2026-02-01").exit_code == 0
    assert sha(one) == sha(two)
    epoch = {"SOURCE_DATE_EPOCH": "1767225600"}  # 2026-01-01T00:00:00Z
    assert pack(cli, str(dossier), "-o", str(three), env=epoch).exit_code == 0
    assert sha(three) != sha(one)
    with zipfile.ZipFile(three) as zf:
        assert {i.date_time for i in zf.infolist()} == {(2026, 1, 1, 0, 0, 0)}
    bad = pack(cli, str(dossier), "-o", str(tmp_path / "4.zip"), env={"SOURCE_DATE_EPOCH": "soon"})
    assert bad.exit_code == 2
    assert bad.stderr.startswith("icp-renew: error: SOURCE_DATE_EPOCH: ")


def test_default_output_name_in_the_current_folder(
    cli: Any, dossier: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    result = pack(cli, str(dossier), "--filing-date", "2026-02-02")
    assert result.exit_code == 0, result.output
    assert [p.name for p in work.iterdir()] == ["京B2-20210001-2026-02-02.zip"]
    again = pack(cli, str(dossier), "--filing-date", "2026-02-02")
    assert again.exit_code == 2
    assert "exists; use --overwrite" in again.stderr
    monkeypatch.chdir(dossier)
    inside = pack(cli, str(dossier))
    assert inside.exit_code == 2 and "inside the dossier" in inside.stderr


def test_errors_refuse_and_write_nothing(
    cli: Any, dossier: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inject(monkeypatch, Severity.ERROR)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    result = pack(cli, str(dossier), "-o", str(out_dir / "b.zip"))
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[0] == "business-plan: error missing-material: test problem 1"
    assert lines[-1].startswith("icp-renew: pack refused: 1 error; nothing written")
    assert list(out_dir.iterdir()) == []


def test_refusal_in_chinese_names_the_severity_in_chinese(
    cli: Any, dossier: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The refusal's lines said `error` / `warning` in a Chinese report."""
    inject(monkeypatch, Severity.ERROR)
    result = pack(cli, str(dossier), "-o", str(tmp_path / "b.zip"), "--lang", "zh")
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0] == "business-plan: 错误 missing-material: 测试问题 1"
    assert lines[-1].startswith("icp-renew: 拒绝打包：1 个错误；未写入任何文件")


def test_a_real_error_refuses(cli: Any, dossier: Path, tmp_path: Path) -> None:
    shutil.rmtree(dossier / "business-plan")
    out = tmp_path / "b.zip"
    result = pack(cli, str(dossier), "-o", str(out))
    assert result.exit_code == 1
    assert "business-plan: error missing-material: " in result.stderr
    assert not out.exists()
    forced = pack(cli, str(dossier), "-o", str(out), "--force")
    assert forced.exit_code == 0
    with zipfile.ZipFile(out) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        index = zf.read("目录.txt").decode()
    assert ("missing-material", "business-plan") in {
        (f["code"], f["material"]) for f in manifest["findings"]
    }
    assert (
        "14 新一年业务发展规划 / Business development plan for the coming year\n       （未提供 / not provided）"
        in index
    )


def test_force_packs_and_records_the_findings(
    cli: Any, dossier: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inject(monkeypatch, Severity.ERROR)
    out = tmp_path / "b.zip"
    result = pack(cli, str(dossier), "-o", str(out), "--force")
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(out) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        index = zf.read("目录.txt").decode()
    assert manifest["forced"] is True
    count = len(manifest["findings"])
    assert f"packed with --force; {count} findings recorded in manifest.json" in result.stderr
    assert {
        "code": "missing-material",
        "severity": "error",
        "material": "business-plan",
        "path": None,
        "message": {"zh": "测试问题 1", "en": "test problem 1"},
    } in manifest["findings"]
    assert "Forced" in index
    assert cli("verify", str(out)).exit_code == 0


def test_strict_refuses_on_warnings(
    cli: Any, dossier: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inject(monkeypatch, Severity.WARNING)
    out = tmp_path / "b.zip"
    refused = pack(cli, str(dossier), "-o", str(out), "--strict")
    assert refused.exit_code == 1 and not out.exists()
    assert "business-plan: warning unassigned-file: test problem 1" in refused.stderr
    assert re.search(r"pack refused: 0 errors, [1-9]\d* warnings? under --strict", refused.stderr)
    passed = pack(cli, str(dossier), "-o", str(out))
    assert passed.exit_code == 0
    assert re.search(
        r"^icp-renew: [1-9]\d* warnings? \(see icp-renew check\)$", passed.stderr, re.M
    )
    with zipfile.ZipFile(out) as zf:
        assert "findings" not in json.loads(zf.read("manifest.json"))


def test_refusals_are_one_line_exit_2(cli: Any, dossier: Path, tmp_path: Path) -> None:
    before = tree_state(dossier)
    inside = pack(cli, str(dossier), "-o", str(dossier / "b.zip"))
    assert inside.exit_code == 2
    assert (
        inside.stderr
        == f"icp-renew: error: {dossier / 'b.zip'}: is inside the dossier; write the bundle somewhere else\n"
    )
    existing = tmp_path / "b.zip"
    existing.write_bytes(b"old")
    refused = pack(cli, str(dossier), "-o", str(existing))
    assert refused.exit_code == 2 and existing.read_bytes() == b"old"
    replaced = pack(cli, str(dossier), "-o", str(existing), "--overwrite")
    assert replaced.exit_code == 0 and zipfile.is_zipfile(existing)
    for args, where in [
        (("--layout", "tree"), "--layout"),
        (("--split-size", "big"), "--split-size"),
        (("--split-size", "0"), "--split-size"),
        (("--filing-date", "2026-13-01"), "--filing-date"),
        (("--split-size", "10KB"), "--split-size"),  # a category is larger than that
    ]:
        result = pack(cli, str(dossier), "-o", str(tmp_path / "x.zip"), *args)
        assert result.exit_code == 2, args
        assert result.stderr.startswith(f"icp-renew: error: {where}: "), result.stderr
        assert len(result.stderr.splitlines()) == 1
    missing = pack(cli, str(tmp_path / "nope"), "-o", str(tmp_path / "x.zip"))
    assert missing.exit_code == 2
    assert not (tmp_path / "x.zip").exists()
    assert tree_state(dossier) == before


def test_interrupt_leaves_nothing_and_says_so(
    cli: Any, dossier: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = pack_mod.open_source

    def interrupt(root: Path, path: Path, shown: str) -> Any:
        if shown.startswith("hosting-agreement/"):  # a scan of the second category
            raise KeyboardInterrupt
        return real(root, path, shown)

    monkeypatch.setattr(pack_mod, "open_source", interrupt)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    result = pack(cli, str(dossier), "-o", str(out_dir / "b.zip"))
    assert result.exit_code == 130
    assert (
        result.stderr
        == "icp-renew: interrupted: no bundle written (the partial file was removed)\n"
    )
    assert list(out_dir.iterdir()) == []


def test_flat_layout_compress_and_split(cli: Any, dossier: Path, tmp_path: Path) -> None:
    flat = tmp_path / "flat.zip"
    assert pack(cli, str(dossier), "-o", str(flat), "--layout", "flat", "--compress").exit_code == 0
    with zipfile.ZipFile(flat) as zf:
        names = zf.namelist()
        assert {i.compress_type for i in zf.infolist()} == {zipfile.ZIP_DEFLATED}
    assert all("/" not in n for n in names)
    assert names[0] == "01-营业执照副本.pdf"
    result = pack(cli, str(dossier), "-o", str(tmp_path / "vol.zip"), "--split-size", "200KB")
    assert result.exit_code == 0, result.output
    parts = sorted(tmp_path.glob("vol.part*.zip"))
    assert [p.name for p in parts] == [f"vol.part{i}.zip" for i in range(1, len(parts) + 1)]
    assert len(result.stdout.splitlines()) == len(parts)
    assert all(p.stat().st_size <= 200_000 for p in parts)
    verified = cli("verify", *map(str, parts))
    assert verified.exit_code == 0, verified.output


def test_unassigned_and_linked_files_are_never_packed(
    cli: Any, dossier: Path, tmp_path: Path
) -> None:
    secret = tmp_path / "secret.pdf"
    secret.write_bytes(factory.pdf_bytes(1))
    (dossier / "business-plan" / "link.pdf").symlink_to(secret)
    (dossier / "stray.pdf").write_bytes(factory.pdf_bytes(1))
    out = tmp_path / "b.zip"
    result = pack(cli, str(dossier), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "2 unassigned or unsafe files not packed" in result.stderr
    with zipfile.ZipFile(out) as zf:
        sources = [f["source"] for f in json.loads(zf.read("manifest.json"))["files"]]
    assert "stray.pdf" not in sources and "business-plan/link.pdf" not in sources
    assert len(sources) == len(factory.COMPLETE_FILES)


def test_quiet_and_no_progress_when_not_a_terminal(cli: Any, dossier: Path, tmp_path: Path) -> None:
    result = pack(cli, str(dossier), "-o", str(tmp_path / "b.zip"), "--quiet")
    assert result.exit_code == 0
    assert result.stdout == "" and result.stderr == ""


def test_pack_stays_out_of_the_startup_path() -> None:
    code = (
        "import sys, icp_renew.cli.app; "
        "print(sorted(m for m in sys.modules if m.startswith('icp_renew.bundle')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


class _Tty:
    def isatty(self) -> bool:
        return True

    def write(self, text: str) -> int:
        return len(text)

    def flush(self) -> None:
        pass


@pytest.mark.parametrize(
    ("env", "total", "animated"),
    [
        ({"TERM": "xterm"}, 10**9, True),
        ({"TERM": "xterm", "CI": "true"}, 10**9, False),
        ({"TERM": "dumb"}, 10**9, False),
        ({"TERM": "xterm"}, 1000, False),  # a small bundle: no bar
    ],
)
def test_progress_only_on_a_terminal_for_a_large_bundle(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], total: int, animated: bool
) -> None:
    from icp_renew.cli import pack_cmd

    monkeypatch.delenv("CI", raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    monkeypatch.setattr(sys, "stderr", _Tty())
    with pack_cmd._progress(total, quiet=False) as on_progress:
        assert (on_progress is not None) is animated
        if on_progress is not None:
            on_progress(total // 2, total)
    with pack_cmd._progress(total, quiet=True) as on_progress:
        assert on_progress is None


EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.mark.skipif(not (EXAMPLES / "beijing-complete").is_dir(), reason="no examples here")
def test_the_examples_pack_and_verify(cli: Any, tmp_path: Path) -> None:
    complete = EXAMPLES / "beijing-complete"
    before = tree_state(complete)
    out = tmp_path / "complete.zip"
    result = pack(cli, str(complete), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert cli("verify", str(out)).exit_code == 0
    assert tree_state(complete) == before
    incomplete = pack(cli, str(EXAMPLES / "beijing-incomplete"), "-o", str(tmp_path / "i.zip"))
    assert incomplete.exit_code == 1 and not (tmp_path / "i.zip").exists()
