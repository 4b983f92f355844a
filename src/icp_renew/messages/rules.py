"""Messages of ``rules``: lint problems, and the words of ``rules list`` and ``rules show``."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- what a material rests on --------------------------------------------------------
    "basis-law": ("法规", "law"),
    "basis-practice": ("惯例", "practice"),
    "basis-policy": ("本工具设定", "tool policy"),
    "basis-suffix": ("（{basis}）", " ({basis})"),
    "policy-mark": ("（本工具设定）", " (tool policy)"),
    # --- rules lint ----------------------------------------------------------------------
    "lint-no-base": ("没有 kind 为 base 的规则文件", "no rule file of kind 'base'"),
    "lint-duplicate-slug": ("slug {key} 也被 {other} 使用", "slug {key} also used by {other}"),
    "lint-duplicate-iso": (
        "ISO 代码 {key} 也被 {other} 使用",
        "ISO code {key} also used by {other}",
    ),
    "lint-duplicate-prefix": (
        "许可证前缀 {prefix} 也被 {other} 使用",
        "licence prefix {prefix} also used by {other}",
    ),
    "lint-duplicate-material": (
        "材料编号 {id} 在本文件中出现了两次",
        "material id {id} appears twice in this file",
    ),
    "lint-unknown-industry": ("未知的行业 {industry}", "unknown industry {industry}"),
    "lint-unknown-service": ("未知的业务 {service}", "unknown service {service}"),
    "lint-unknown-material": ("没有可删除的材料 {id}", "no material {id} to remove"),
    "name": ("名称", "name"),
    "authority": ("发证机关", "authority"),
    "licence-prefix": ("许可证前缀", "licence prefix"),
    "filing-prefix": ("备案前缀", "filing prefix"),
    "industry": ("行业", "industry"),
    "permit": ("许可文件", "permit"),
    "confidence": ("可信度", "confidence"),
    "issuing-authorities-rules": (
        "发证机关（规则 {rules_version}）",
        "Issuing authorities (rules {rules_version})",
    ),
    "prior-approval-industries": ("前置审批行业", "Prior-approval industries"),
    "rules-version-file-at-least": (
        "规则版本 {rules_version}。申请须于许可证到期前 90 日提交（《电信业务经营许可管理办法》第二十七条）。",
        "Rules version {rules_version}. File at least 90 days before expiry (Order 42 Art. 27).",
    ),
    "prior-approvals": ("前置审批：", "Prior approvals: "),
    "recommended": ("（建议）", " (recommended)"),
    "source": ("依据", "Source"),
    "renewal-checklist": ("{authority} 续期材料清单", "Renewal checklist: {authority}"),
    "required": ("必需", "required"),
    "recommended-2": ("建议", "recommended"),
    "pages": ("至少 {min_pages} 页", "≥ {min_pages:page|pages}"),
    "needs-expires": ("需填写有效期", "needs expires"),
    "one-per-domain": ("每个域名一份", "one per domain"),
    "material": ("材料", "material"),
    "requirement": ("要求", "requirement"),
    "formats": ("格式", "formats"),
    "checks": ("检查", "checks"),
    "one-per-year-years": ("近 {years} 年每年一份", "one per year, {years:year|years}"),
    "previous-year": ("上一年度", "previous year"),
    "must-contain": ("须含", "must contain "),
    "markdown-title": (
        "{authority} 增值电信业务经营许可证续期材料清单",
        "ICP licence renewal checklist: {authority}",
    ),
    "lint-count": ("{n} 个问题", "{n:problem|problems}"),
    "lint-ok": ("rules：没有问题", "rules: ok"),
    "prefixes": ("前缀", "prefixes"),
    "lint-missing-basis": (
        "材料 {id} 没有注明依据：法规（law）、惯例（practice）或本工具设定（policy）",
        "material {id} does not say its basis: law, practice or policy",
    ),
}

# --- #12 verdicts ------------------------------------------------------------------------------
MESSAGES.update(
    {
        "kind-missing": (
            "缺少 kind 字段：规则文件须写明类型（kind: {kinds} 之一）",
            "the 'kind' field is missing: a rule file says what it is (kind: one of {kinds})",
        ),
    }
)
