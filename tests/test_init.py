"""`icp-renew init`: the scaffolded layout, the dossier.yaml template, never overwriting."""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path

import pytest
import yaml

import factory
from icp_renew.dossier.config import parse_config
from icp_renew.rulebook import authority_for_license, find_authority, load_rulebook
from icp_renew.rulebook.resolve import resolve
from icp_renew.scaffold import PLACEHOLDER, folder_name, plan
from icp_renew.yamlio import parse_yaml

#: docs/dossier-layout.md: the optional ordinal prefix of a folder name
ORDINAL = re.compile(r"^\d+(\.\d+)*[-_. ]+")
MODELINE = "# yaml-language-server: $schema=dossier.schema.json"

BEIJING = [
    "1-基础资质文件/1.1-营业执照副本",
    "1-基础资质文件/1.2-原许可证全套",
    "1-基础资质文件/1.3-法定代表人身份证",
    "1-基础资质文件/1.4-续期申请表",
    "1-基础资质文件/1.5-依法经营电信业务承诺书",
    "1-基础资质文件/1.6-企业信用信息公示截图",
    "2-技术合规文件/2.1-服务器托管协议",
    "2-技术合规文件/2.2-托管商IDC资质证书",
    "2-技术合规文件/2.3-域名证书",
    "2-技术合规文件/2.4-工信部备案查询页",
    "2-技术合规文件/2.5-网络安全保障措施说明",
    "3-经营能力证明/3.1-续期年度财务会计报告",
    "3-经营能力证明/3.2-近五年业务经营报告",
    "3-经营能力证明/3.3-新一年业务发展规划",
    "3-经营能力证明/3.4-已开通电信业务的有效证明材料",
    "3-经营能力证明/3.5-用户服务协议",
]


@pytest.fixture(scope="module")
def book():
    return load_rulebook()


def tree(root: Path) -> tuple[list[str], list[str]]:
    """(folders, files) under ``root``, relative and sorted."""
    dirs = sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_dir())
    files = sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())
    return dirs, files


def test_layout_beijing(cli, tmp_path):
    target = tmp_path / "新客户"
    result = cli("init", str(target), "--province", "beijing")
    assert result.exit_code == 0, result.stderr
    dirs, files = tree(target)
    cats = ["1-基础资质文件", "2-技术合规文件", "3-经营能力证明"]  # no industry: no 4-…
    assert dirs == sorted(cats + BEIJING)
    assert files == ["dossier.schema.json", "dossier.yaml"]  # nothing inside material folders
    for path in BEIJING:
        assert f"created  {path}/" in result.stdout
    assert "created  dossier.yaml" in result.stdout


def test_folder_names_are_what_the_scanner_recognises(tmp_path, book):
    """Each material folder, after the ordinal prefix, is the material's Chinese title, under a
    category folder named by the category's title (docs/dossier-layout.md)."""
    checklist = resolve(book, find_authority(book, "北京"), ["news", "drugs"], ["B25"])
    slots = plan(checklist)
    assert [s.material for s in slots] == [m.id for m in checklist.materials]
    titles = {m.id: m.title for m in checklist.materials}
    cat_titles = {c.id: c.title for c in checklist.categories}
    for slot in slots:
        assert ORDINAL.sub("", slot.folder, count=1) == titles[slot.material]
        assert ORDINAL.sub("", slot.category_folder, count=1) == cat_titles[slot.category]
    assert slots[-2].path == "4-特殊行业要求/4.1-互联网新闻信息服务许可证"
    assert slots[-1].path == "4-特殊行业要求/4.2-互联网药品信息服务资格证书"


def test_unusable_title_falls_back_to_the_id():
    assert folder_name("1.1", "营业执照副本", "business-license") == "1.1-营业执照副本"
    assert folder_name("2.3", "域名/证书", "domain-certificates") == "2.3-domain-certificates"
    assert folder_name("3", "  ", "operations") == "3-operations"


def test_modeline_and_schema_file(cli, tmp_path):
    assert cli("init", str(tmp_path / "d"), "-p", "京").exit_code == 0
    text = (tmp_path / "d" / "dossier.yaml").read_text(encoding="utf-8")
    assert text.splitlines()[0] == MODELINE
    schema = json.loads((tmp_path / "d" / "dossier.schema.json").read_text(encoding="utf-8"))
    assert schema == json.loads(cli("schema", "dossier").stdout)


def test_template_loads_as_written(cli, tmp_path):
    assert cli("init", str(tmp_path / "d"), "-p", "beijing", "-i", "drugs").exit_code == 0
    text = (tmp_path / "d" / "dossier.yaml").read_text(encoding="utf-8")
    config = parse_config(parse_yaml(text, "dossier.yaml"))
    assert config.authority == "beijing"
    assert config.industries == ["drugs"]
    assert config.company.name == PLACEHOLDER
    assert config.license.number == "京B2-XXXXXXXX"
    assert config.license.services == ["B25"]
    assert config.license.expires is None
    assert [d.name for d in config.domains] == [PLACEHOLDER]
    assert set(config.materials) == {
        "hosting-agreement",
        "idc-license",
        "financial-report",
        "permit-drugs",
    }
    assert all(f.expires is None and f.year is None for f in config.materials.values())


#: docs/style-zh.md, mixing scripts: a space between Chinese and a number or a Latin word
UNSPACED = re.compile(r"[\u3400-\u9fff][A-Za-z0-9]|[A-Za-z0-9][\u3400-\u9fff]")
#: values quoted as written (a date as a user may type it, a licence or filing number)
EXAMPLE_VALUE = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日|[京沪粤][A-Z]\S*")


def test_template_comments_follow_the_chinese_style_guide(cli, tmp_path, book):
    assert cli("init", str(tmp_path / "d"), "-p", "京", "-i", "news", "-s", "B21").exit_code == 0
    text = (tmp_path / "d" / "dossier.yaml").read_text(encoding="utf-8")
    titles = {
        m.title for m in resolve(book, find_authority(book, "京"), ["news"], ["B21"]).materials
    }
    wrong = []
    for line in text.splitlines():
        comment = line.partition("#")[2]
        zh = comment.split(" / ")[0] if " / " in comment else comment
        zh = EXAMPLE_VALUE.sub("", zh.replace("icp-renew", ""))
        for title in titles:  # a material's title is the rules' (its folder's name)
            zh = zh.replace(title, "")
        if UNSPACED.search(zh) or re.search("身份证号(?!码)|手机号(?!码)|ICP备案号", zh):
            wrong.append(line)
    assert wrong == []
    assert "# 统一社会信用代码（18 位）/ unified social credit code" in text
    assert "# 有效期至；须在到期前 90 日申请续期 / valid until" in text


def test_template_loads_once_filled_in(cli, tmp_path):
    assert cli("init", str(tmp_path / "d"), "-p", "beijing").exit_code == 0
    text = (tmp_path / "d" / "dossier.yaml").read_text(encoding="utf-8")
    filled = (
        text.replace(f"name: {PLACEHOLDER}  # 企业名称", "name: 北京示例科技有限公司  # 企业名称")
        .replace(f"name: {PLACEHOLDER}  # 姓名", "name: 张三  # 姓名")
        .replace(f"uscc: {PLACEHOLDER}", "uscc: 91110000600037341L")
        .replace(f'id_number: "{PLACEHOLDER}"', 'id_number: "11010519491231002X"')
        .replace(f'mobile: "{PLACEHOLDER}"', 'mobile: "13800138000"')
        .replace("# landline:", "landline:")
        .replace("# email:", "email:")
        .replace("京B2-XXXXXXXX", "京B2-20210001")
        .replace("# issued:", "issued:")
        .replace("# expires: 2026-05-31", "expires: 2026年5月31日")
        .replace(f"- name: {PLACEHOLDER}", "- name: example.com")
        .replace(f"filing_number: {PLACEHOLDER}", "filing_number: 京ICP备12345678号-1")
        .replace("    expires:  #", "    expires: 2027-12-31  #")
        .replace("    year:  #", "    year: 2025  #")
    )
    values = [line.split("#")[0] for line in filled.splitlines()]
    assert not [v for v in values if PLACEHOLDER in v]
    config = parse_config(parse_yaml(filled, "dossier.yaml"))
    assert config.company.uscc == "91110000600037341L"
    assert config.legal_representative is not None
    assert config.legal_representative.email == "name@example.com"
    assert str(config.license.expires) == "2026-05-31"
    assert str(config.materials["idc-license"].expires) == "2027-12-31"
    assert config.materials["financial-report"].year == 2025
    assert config.domains[0].filing_number == "京ICP备12345678号-1"


def test_template_validates_against_its_schema_as_an_editor_reads_it(cli, tmp_path):
    assert cli("init", str(tmp_path / "d"), "-p", "sichuan", "-i", "news").exit_code == 0
    data = yaml.safe_load((tmp_path / "d" / "dossier.yaml").read_text(encoding="utf-8"))
    schema = json.loads((tmp_path / "d" / "dossier.schema.json").read_text(encoding="utf-8"))
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.validate(data, schema)


def test_every_authority(cli, tmp_path, book):
    for slug, authority in sorted(book.authorities.items()):
        target = tmp_path / slug
        result = cli("init", str(target), "--province", slug, "--lang", "en")
        assert result.exit_code == 0, (slug, result.stderr)
        text = (target / "dossier.yaml").read_text(encoding="utf-8")
        config = parse_config(parse_yaml(text, f"{slug}/dossier.yaml"))
        assert config.authority == slug
        # the licence-number placeholder carries the authority's own prefix
        assert authority_for_license(book, config.license.number) is authority
        checklist = resolve(book, authority, [], ["B25"])
        dirs, _ = tree(target)
        for slot in plan(checklist):
            assert slot.path in dirs


def test_services_shape_the_licence_placeholder(cli, tmp_path):
    args = ["init", str(tmp_path / "d"), "-p", "皖", "-s", "B11", "-s", "B25"]
    assert cli(*args).exit_code == 0
    text = (tmp_path / "d" / "dossier.yaml").read_text(encoding="utf-8")
    assert "  number: 皖B1.B2-XXXXXXXX" in text
    assert "  services: [B11, B25]" in text
    miit = tmp_path / "m"
    assert cli("init", str(miit), "-p", "miit").exit_code == 0
    assert "  number: B2-XXXXXXXX" in (miit / "dossier.yaml").read_text(encoding="utf-8")


def test_never_overwrites(cli, tmp_path):
    target = tmp_path / "d"
    (target / "1-基础资质文件" / "1.1-营业执照副本").mkdir(parents=True)
    scan = target / "1-基础资质文件" / "1.1-营业执照副本" / "营业执照.pdf"
    scan.write_bytes(b"%PDF-1.4 kept as is")
    mine = "company: {name: 我的公司}\nlicense: {number: 京B2-20210001}\n"
    (target / "dossier.yaml").write_text(mine, encoding="utf-8")
    result = cli("init", str(target), "-p", "beijing")
    assert result.exit_code == 0, result.stderr
    assert (target / "dossier.yaml").read_text(encoding="utf-8") == mine
    assert scan.read_bytes() == b"%PDF-1.4 kept as is"
    assert "kept     dossier.yaml (exists, not changed)" in result.stdout
    assert "created  dossier.schema.json" in result.stdout
    assert "1.1-营业执照副本/" not in result.stdout  # already there
    assert "created  1-基础资质文件/1.2-原许可证全套/" in result.stdout


def test_second_run_has_nothing_to_do(cli, tmp_path):
    target = tmp_path / "d"
    assert cli("init", str(target), "-p", "beijing").exit_code == 0
    before = {p: p.stat().st_mtime_ns for p in target.rglob("*")}
    result = cli("init", str(target), "-p", "beijing")
    assert result.exit_code == 0
    assert "Nothing to do" in result.stdout
    assert "created" not in result.stdout
    assert {p: p.stat().st_mtime_ns for p in target.rglob("*")} == before


def test_existing_folders_under_other_accepted_names_are_reused(cli, tmp_path):
    target = tmp_path / "d"
    (target / "business-license").mkdir(parents=True)
    (target / "qualification" / "01-原ICP许可证").mkdir(parents=True)  # an alias, with prefix
    (target / "3_经营能力证明" / "business-reports").mkdir(parents=True)
    result = cli("init", str(target), "-p", "beijing")
    assert result.exit_code == 0, result.stderr
    dirs, _ = tree(target)
    assert not any(d.endswith(("营业执照副本", "原许可证全套", "近五年业务经营报告")) for d in dirs)
    assert "qualification/1.3-法定代表人身份证" in dirs  # the existing category folder is used
    assert "3_经营能力证明/3.1-续期年度财务会计报告" in dirs
    assert "2-技术合规文件/2.1-服务器托管协议" in dirs
    assert "1-基础资质文件" not in dirs
    assert "3 material folders already there" in result.stdout


def test_rerun_reads_the_authority_from_dossier_yaml(cli, tmp_path):
    target = tmp_path / "d"
    assert cli("init", str(target), "-p", "sichuan", "-i", "news").exit_code == 0
    folder = target / "4-特殊行业要求" / "4.1-互联网新闻信息服务许可证"
    folder.rmdir()
    result = cli("init", str(target))  # no --province: dossier.yaml says sichuan and news
    assert result.exit_code == 0, result.stderr
    assert folder.is_dir()
    assert "四川" in result.stdout or "Sichuan" in result.stdout


def test_rerun_without_authority_uses_the_licence_prefix(cli, tmp_path):
    target = tmp_path / "d"
    target.mkdir()
    (target / "dossier.yaml").write_text(
        "company: {name: 示例}\nlicense: {number: 川B2-20100027, services: [B25]}\n",
        encoding="utf-8",
    )
    result = cli("init", str(target))
    assert result.exit_code == 0, result.stderr
    assert "(sichuan)" in result.stdout


def test_lang(cli, tmp_path):
    zh = cli("init", str(tmp_path / "a"), "-p", "beijing", "--lang", "zh")
    assert zh.exit_code == 0
    assert "已创建  dossier.yaml" in zh.stdout
    assert "北京市通信管理局（beijing），16 项材料" in zh.stdout
    en = cli("init", str(tmp_path / "b"), "-p", "beijing", "--lang", "en")
    assert "Beijing Communications Administration (beijing), 16 materials" in en.stdout
    assert "icp-renew check" in en.stdout
    assert cli("init", str(tmp_path / "c"), "-p", "beijing", "--quiet").stdout == ""


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-p", "atlantis"], "--province: unknown province or authority 'atlantis'"),
        ([], "--province: --province is required"),
        (["-p", "beijing", "-i", "gambling"], "--industry: unknown industry 'gambling'"),
        (["-p", "beijing", "-s", "B99"], "--service: unknown service 'B99'"),
        (["-p", "beijing", "--lang", "fr"], "--lang: unknown language 'fr'"),
    ],
)
def test_bad_options_exit_2_and_create_nothing(cli, tmp_path, args, message):
    target = tmp_path / "d"
    result = cli("init", str(target), *args)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("icp-renew: error: ")
    assert message in lines[0]
    assert not target.exists()


def test_dir_is_a_file(cli, tmp_path):
    target = tmp_path / "dossier.yaml"
    target.write_text("x", encoding="utf-8")
    result = cli("init", str(target), "-p", "beijing")
    assert result.exit_code == 2
    assert result.stderr.strip() == f"icp-renew: error: {target}: exists and is not a folder"
    assert target.read_text(encoding="utf-8") == "x"


def test_invalid_existing_dossier_yaml_without_province(cli, tmp_path):
    target = tmp_path / "d"
    target.mkdir()
    (target / "dossier.yaml").write_text(
        "company: {name: x}\nlicense: {number: 京B2-20210001}\nlicence: {}\n", encoding="utf-8"
    )
    result = cli("init", str(target))
    assert result.exit_code == 2
    assert result.stderr.endswith(
        "dossier.yaml:3: licence: unknown field; did you mean 'license'?\n"
    )
    assert not (target / "1-基础资质文件").exists()


def test_rules_overlay_adds_a_folder(cli, tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "agency.yaml").write_text(
        textwrap.dedent(
            """\
            kind: overlay
            name: our agency
            source: "agency practice: our own checklist"
            materials:
              - id: shareholders-resolution
                title: 股东会决议
                title_en: Shareholders' resolution
                category: qualification
                requirement: recommended
                source: "agency practice: some provinces ask for it (docs/sources.md)"
            """
        ),
        encoding="utf-8",
    )
    target = tmp_path / "d"
    result = cli("init", str(target), "-p", "beijing", "--rules", str(rules))
    assert result.exit_code == 0, result.stderr
    assert (target / "1-基础资质文件" / "1.7-股东会决议").is_dir()


def test_check_recognises_every_scaffolded_folder(cli, tmp_path, book):
    """A scan in each folder init made is assigned to its material; the files init writes
    (dossier.yaml, dossier.schema.json) are not reported as unassigned."""
    target = tmp_path / "d"
    assert cli("init", str(target), "-p", "beijing", "-i", "news").exit_code == 0
    pdf = factory.pdf_bytes(4, text="样例 经营范围：第二类增值电信业务")
    checklist = resolve(book, find_authority(book, "beijing"), ["news"], ["B25"])
    for slot in plan(checklist):
        (target / slot.path / "scan.pdf").write_bytes(pdf)
    result = cli("check", str(target), "--today", "2026-01-15", "--format", "json")
    assert result.exit_code in (0, 1), result.stderr
    findings = json.loads(result.stdout)["dossiers"][0]["findings"]
    codes = {f["code"] for f in findings}
    assert "unassigned-file" not in codes
    assert "missing-material" not in codes
