"""Hand-made reports for the format tests: every severity, personal data, hostile file names."""

from __future__ import annotations

from factory import text_finding
from icp_renew.findings import DossierReport, MaterialLine, Report
from icp_renew.pii import Pii

ID_NUMBER = "11010519491231002X"
MOBILE = "13800138000"
#: a file name with everything a report must not pass through raw
HOSTILE = "misc/a,b:c%d\r\n::error::x\x1b[31m\u202e|<b>*_.txt"


def _lines() -> tuple[MaterialLine, ...]:
    q = ("qualification", "基础资质文件", "Qualification documents")
    t = ("technical", "技术合规文件", "Technical compliance")
    o = ("operations", "经营能力证明", "Operating capacity")
    rows = [
        ("business-license", "营业执照副本", "Business licence (copy)", q, 1),
        ("legal-rep-id", "法定代表人身份证正反面", "Legal representative's ID card", q, 1),
        ("hosting-agreement", "服务器托管协议", "Server hosting agreement", t, 1),
        ("business-plan", "新一年业务发展规划", "Business plan for the coming year", o, 0),
    ]
    return tuple(
        MaterialLine(mid, zh, en, cat[0], cat[1], cat[2], True, files)
        for mid, zh, en, cat, files in rows
    )


def broken_dossier(path: str = "clients/acme") -> DossierReport:
    findings = (
        text_finding(
            "invalid-id-number",
            zh="身份证号码 {id} 校验位错误",
            en="ID number {id} has a wrong check character",
            path="dossier.yaml",
            id=Pii(ID_NUMBER),
        ),
        text_finding(
            "unassigned-file",
            zh="文件 {name} 不属于任何材料",
            en="{name} belongs to no material",
            path=HOSTILE,
            name=HOSTILE,
        ),
        text_finding(
            "text-unverifiable",
            zh="扫描件没有文字层",
            en="the scan has no text layer",
            material="business-license",
            path="business-license/营业执照.pdf",
        ),
        text_finding(
            "too-few-pages",
            zh="只有 {n} 页，至少需要 2 页",
            en="only {n} page; at least 2 are needed",
            material="legal-rep-id",
            path="legal-rep-id/正面.jpg",
            n=1,
        ),
        text_finding(
            "invalid-phone",
            zh="手机号 {mobile} 无效",
            en="mobile {mobile} is not valid",
            material="legal-rep-id",
            mobile=Pii(MOBILE),
        ),
        text_finding(
            "expires-soon",
            zh="将于 2026-02-01 到期",
            en="expires on 2026-02-01",
            material="hosting-agreement",
            path="hosting-agreement/托管协议.pdf",
        ),
        text_finding(
            "missing-material",
            zh="缺少 新一年业务发展规划",
            en="business-plan is missing",
            material="business-plan",
        ),
    )
    return DossierReport(
        path=path,
        authority="beijing",
        findings=findings,
        materials_required=4,
        materials_present=3,
        company="北京示例科技有限公司",
        license_number="京B2-20210001",
        materials=_lines(),
    )


def clean_dossier(path: str = "clients/b.cn") -> DossierReport:
    return DossierReport(
        path=path,
        authority="beijing",
        findings=(),
        materials_required=4,
        materials_present=4,
        company="北京乙公司",
        license_number="京B2-20220002",
        materials=tuple(
            MaterialLine(
                m.id,
                m.title,
                m.title_en,
                m.category,
                m.category_title,
                m.category_title_en,
                True,
                1,
            )
            for m in _lines()
        ),
    )


def warning_dossier(path: str = "clients/w") -> DossierReport:
    f = text_finding(
        "expires-soon",
        zh="即将到期",
        en="expires soon",
        material="hosting-agreement",
        path="hosting-agreement/x.pdf",
    )
    return DossierReport(path, "beijing", (f,), 4, 4, materials=_lines())


def make_report(*dossiers: DossierReport) -> Report:
    return Report(dossiers=dossiers, tool_version="0.1.0", rules_version="2026.11")
