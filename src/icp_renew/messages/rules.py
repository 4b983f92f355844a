"""Messages of ``rules``: lint problems, and the words of ``rules list`` and ``rules show``."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
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
}
