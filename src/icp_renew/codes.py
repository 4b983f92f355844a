"""The finding-code registry: every code, its default severity, and how to fix it.

Codes are part of the public contract (docs/findings.md): a code never changes meaning.
``docs/findings.md`` is generated from this registry (``python -m icp_renew.docgen``).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from icp_renew.i18n import Lang


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 0, "warning": 1, "info": 2}[self.value]


@dataclass(frozen=True)
class Code:
    """A registered finding code: what it means and how to fix it."""

    code: str
    severity: Severity
    title_zh: str
    title_en: str
    hint_zh: str
    hint_en: str

    def title(self, lang: Lang) -> str:
        return self.title_zh if lang == "zh" else self.title_en

    def hint(self, lang: Lang) -> str:
        return self.hint_zh if lang == "zh" else self.hint_en


FINDING_CODES: dict[str, Code] = {}


def register(code: str, severity: Severity, title: tuple[str, str], hint: tuple[str, str]) -> Code:
    """Register a finding code (idempotent for identical definitions)."""
    entry = Code(code, severity, title[0], title[1], hint[0], hint[1])
    existing = FINDING_CODES.get(code)
    if existing is not None and existing != entry:
        raise ValueError(f"finding code {code!r} registered twice with different meanings")
    FINDING_CODES[code] = entry
    return entry


# --- the contract codes (docs/findings.md) ---------------------------------------------------
E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO
_CONTRACT: list[tuple[str, Severity, tuple[str, str], tuple[str, str]]] = [
    (
        "missing-material",
        E,
        ("缺少材料", "Material missing"),
        (
            "按清单补齐该材料，放入以材料编号或中文名称命名的文件夹。",
            "Add the material in a folder named after its id or Chinese title.",
        ),
    ),
    (
        "missing-year",
        E,
        ("缺少年度", "Year missing"),
        (
            "补齐该年度的报告，文件名中写明年份，如 2023年度业务经营报告.pdf。",
            "Add the report for that year with the year in its file name, e.g. 2023年度业务经营报告.pdf.",
        ),
    ),
    (
        "missing-domain-certificate",
        E,
        ("缺少域名证书", "Domain certificate missing"),
        (
            "为 dossier.yaml 中的每个域名提供一份证书，文件名包含该域名。",
            "Provide one certificate per domain of dossier.yaml, with the domain in its file name.",
        ),
    ),
    (
        "license-expired",
        E,
        ("许可证已过期", "Licence expired"),
        (
            "许可证已过期，无法续期，需重新申请许可证。",
            "The licence has expired and cannot be renewed; a new application is needed.",
        ),
    ),
    (
        "past-filing-deadline",
        E,
        ("已过续期申请期限", "Past the filing deadline"),
        (
            "已晚于到期前90日的申请期限（《电信业务经营许可管理办法》第二十七条），请立即联系发证机关。",
            "The 90-day filing deadline (Order 42 Art. 27) has passed; contact the issuing authority now.",
        ),
    ),
    (
        "missing-metadata",
        E,
        ("缺少材料信息", "Metadata missing"),
        (
            "在 dossier.yaml 的 materials 下补充该材料的信息（如 expires 或 year）。",
            "Add the material's facts (such as expires or year) under materials in dossier.yaml.",
        ),
    ),
    (
        "empty-file",
        E,
        ("空文件", "Empty file"),
        ("重新扫描或导出该文件。", "Scan or export the file again."),
    ),
    (
        "unsupported-format",
        E,
        ("格式不支持", "Unsupported format"),
        (
            "以该材料接受的格式（通常为 PDF、JPEG 或 PNG）重新保存，扩展名须与内容一致。",
            "Save it in a format the material accepts (usually PDF, JPEG or PNG), with an extension that "
            "matches its content.",
        ),
    ),
    (
        "file-too-large",
        E,
        ("文件过大", "File too large"),
        (
            "降低扫描分辨率或压缩后重新保存，或拆分为多个文件。",
            "Rescan at a lower resolution, compress it, or split it into several files.",
        ),
    ),
    (
        "corrupt-pdf",
        E,
        ("PDF 已损坏", "Corrupt PDF"),
        (
            "该 PDF 无法读取或不完整，请重新导出或扫描。",
            "The PDF cannot be read or is incomplete; export or scan it again.",
        ),
    ),
    (
        "encrypted-pdf",
        E,
        ("PDF 已加密", "Encrypted PDF"),
        (
            "上传系统不接受加密 PDF：去除密码和权限限制后重新保存。",
            "The upload system rejects encrypted PDFs: save it again without password or restrictions.",
        ),
    ),
    (
        "too-few-pages",
        E,
        ("页数不足", "Too few pages"),
        ("补齐全部页面（如正反面、附页）。", "Add all pages (both sides, annexes)."),
    ),
    (
        "missing-text",
        E,
        ("缺少必要内容", "Required text missing"),
        (
            "文件中未找到规定的内容，请确认材料是否正确、是否为最新版本。",
            "The required wording is not in the file; check it is the right, current document.",
        ),
    ),
    (
        "expired",
        E,
        ("材料已过期", "Material expired"),
        (
            "提供在有效期内的材料，并更新 dossier.yaml 中的 expires。",
            "Provide a document that is still valid and update expires in dossier.yaml.",
        ),
    ),
    (
        "invalid-uscc",
        E,
        ("统一社会信用代码无效", "Invalid USCC"),
        (
            "核对营业执照上的18位统一社会信用代码。",
            "Copy the 18-character unified social credit code from the business licence.",
        ),
    ),
    (
        "invalid-id-number",
        E,
        ("身份证号码无效", "Invalid ID number"),
        (
            "核对法定代表人身份证上的18位号码。",
            "Copy the 18-character number from the legal representative's ID card.",
        ),
    ),
    (
        "invalid-phone",
        E,
        ("电话号码无效", "Invalid phone number"),
        (
            "填写中国大陆手机号（11位）或带区号的固定电话。",
            "Give a mainland mobile number (11 digits) or a landline with its area code.",
        ),
    ),
    (
        "invalid-email",
        E,
        ("电子邮箱无效", "Invalid e-mail"),
        ("填写有效的电子邮箱地址。", "Give a valid e-mail address."),
    ),
    (
        "invalid-domain",
        E,
        ("域名无效", "Invalid domain"),
        (
            "填写已备案的域名，如 example.com 或 示例.中国。",
            "Give the filed domain name, such as example.com or 示例.中国.",
        ),
    ),
    (
        "invalid-license-number",
        E,
        ("许可证编号无效", "Invalid licence number"),
        (
            "按许可证正本填写编号，如 京B2-20210001。",
            "Copy the number from the licence, e.g. 京B2-20210001.",
        ),
    ),
    (
        "invalid-filing-number",
        E,
        ("备案号无效", "Invalid filing number"),
        (
            "按工信部备案系统填写备案号，如 京ICP备12345678号-1。",
            "Copy the filing number from the MIIT filing system, e.g. 京ICP备12345678号-1.",
        ),
    ),
    (
        "province-mismatch",
        E,
        ("省份不一致", "Province mismatch"),
        (
            "许可证编号前缀须与发证机关一致；检查 --province 与 dossier.yaml。",
            "The licence prefix must match the issuing authority; check --province and dossier.yaml.",
        ),
    ),
    (
        "unassigned-file",
        W,
        ("未归类文件", "Unassigned file"),
        (
            "将文件移入对应材料的文件夹，或删除无关文件。",
            "Move the file into its material's folder, or remove it.",
        ),
    ),
    (
        "unsafe-file",
        W,
        ("不安全的文件", "Unsafe file"),
        (
            "用普通文件替换链接、管道或设备文件，并确保文件可读。",
            "Replace the link, pipe or device with a regular, readable file.",
        ),
    ),
    (
        "low-resolution",
        W,
        ("分辨率过低", "Low resolution"),
        (
            "以不低于规定的分辨率（通常 150 dpi 以上）重新彩色扫描原件。",
            "Rescan the original in colour at the required resolution (usually 150 dpi or more).",
        ),
    ),
    (
        "expires-soon",
        W,
        ("即将过期", "Expires soon"),
        (
            "提前续签或更新该材料，避免审查期间过期。",
            "Renew or update the document before it lapses during the review.",
        ),
    ),
    (
        "text-unverifiable",
        INFO,
        ("无法核验文字", "Text not verifiable"),
        (
            "扫描件没有文字层，请人工确认其内容。",
            "The scan has no text layer; check its wording by eye.",
        ),
    ),
]
for _c, _s, _t, _h in _CONTRACT:
    register(_c, _s, _t, _h)

register(
    "inspection-limit",
    E,
    ("超出检查限制", "Inspection limit reached"),
    (
        "该文件结构异常（过大、过于复杂或已损坏），无法在限定时间和内存内检查，请重新导出或扫描。",
        "The file is too large, too complex or damaged to be checked within the time and memory "
        "limits; export or scan it again.",
    ),
)
