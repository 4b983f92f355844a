"""`pack` names and orders the files of a yearly material by year, and 目录.txt shows it."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import factory
from factory import TODAY

REPORTS = "03-经营能力证明/13-近五年业务经营报告"
FINANCIAL = "03-经营能力证明/12-续期年度财务会计报告"


def files_with(reports: dict[str, str]) -> dict[str, str]:
    files = {k: v for k, v in factory.COMPLETE_FILES.items() if "business-reports/" not in k}
    return {**files, **{f"business-reports/{k}": v for k, v in reports.items()}}


def packed(cli: Any, root: Path, out: Path) -> tuple[list[str], str]:
    result = cli("pack", str(root), "-o", str(out), "--today", TODAY)
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(out) as zf:
        return zf.namelist(), zf.read("目录.txt").decode("utf-8")


def test_reports_are_named_and_ordered_by_year(cli, tmp_path):
    # file-name order (a … e) is not year order: 2023's report used to come first as -1
    reports = {
        "a-2023年度.pdf": "pdf:1",
        "b-2021年度.pdf": "pdf:2",
        "c-2025年度.pdf": "pdf:3",
        "d-2022年度.pdf": "pdf:1",
        "e-2024年度.pdf": "pdf:2",
    }
    root = factory.make_dossier(tmp_path / "d", None, files_with(reports))
    names, index = packed(cli, root, tmp_path / "b.zip")
    assert [n for n in names if n.startswith(REPORTS)] == [
        f"{REPORTS}-{year}.pdf" for year in (2021, 2022, 2023, 2024, 2025)
    ]
    assert f"       {REPORTS}-2021.pdf  (2021 年度 / year 2021, 2 页/pages, " in index
    assert f"       {FINANCIAL}-2025.pdf  (2025 年度 / year 2025, 5 页/pages, " in index
    at = [index.index(f"{REPORTS}-{year}.pdf") for year in (2021, 2022, 2023, 2024, 2025)]
    assert at == sorted(at)


def test_two_files_of_one_year_and_an_undated_file(cli, tmp_path):
    two = {"2021.pdf": "pdf:1", "2022-1.pdf": "pdf:1", "2022-2.pdf": "pdf:1"}
    root = factory.make_dossier(tmp_path / "d", None, files_with(two))
    result = cli("pack", str(root), "-o", str(tmp_path / "b.zip"), "--today", TODAY, "--force")
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(tmp_path / "b.zip") as zf:
        names = [n for n in zf.namelist() if n.startswith(REPORTS)]
    # "2022-1" names two numbers but one year (the 1 is not a year): dated by 2022
    assert names == [f"{REPORTS}-2021.pdf", f"{REPORTS}-2022-1.pdf", f"{REPORTS}-2022-2.pdf"]

    mixed = {"2023.pdf": "pdf:1", "概况.pdf": "pdf:1", "2021.pdf": "pdf:1"}
    root = factory.make_dossier(tmp_path / "m", None, files_with(mixed))
    out = tmp_path / "m.zip"
    assert cli("pack", str(root), "-o", str(out), "--today", TODAY, "--force").exit_code == 0
    with zipfile.ZipFile(out) as zf:
        names = [n for n in zf.namelist() if n.startswith(REPORTS)]
        index = zf.read("目录.txt").decode("utf-8")
    # not every file has a year: numbered as before, the dated ones first in year order
    assert names == [f"{REPORTS}-1.pdf", f"{REPORTS}-2.pdf", f"{REPORTS}-3.pdf"]
    assert f"{REPORTS}-1.pdf  (2021 年度 / year 2021, " in index
    assert f"{REPORTS}-2.pdf  (2023 年度 / year 2023, " in index
    assert f"{REPORTS}-3.pdf  (1 页/pages, " in index


def test_year_from_dossier_yaml_names_the_only_file(cli, tmp_path):
    files = {
        k.replace("2025年度财务报告", "财务报告"): v for k, v in factory.COMPLETE_FILES.items()
    }
    root = factory.make_dossier(tmp_path / "d", None, files)  # financial-report: {year: 2025}
    names, _ = packed(cli, root, tmp_path / "b.zip")
    assert f"{FINANCIAL}-2025.pdf" in names
