"""Input help: "did you mean …?" and the errors it ends (see :mod:`icp_renew.suggest`)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "did-you-mean": ("；是否要写 {names}？", "; did you mean {names}?"),
    "or": (" 或 ", " or "),
    "in-province-then": ("{where}{more}", "{where}{more}"),
    "in-province": ("；“{query}”位于{names}", "; '{query}' is in {names}"),
    "unknown-province": (
        "未知的省份或发证机关 {query!r}{hint}（见 icp-renew rules list）",
        "unknown province or authority {query!r}{hint} (see icp-renew rules list)",
    ),
    "unknown-field": ("未知的字段{hint}", "unknown field{hint}"),
    "unknown-industry": (
        "未知的行业 {value!r}（可选：{known}）{hint}",
        "unknown industry {value!r} (known: {known}){hint}",
    ),
    "unknown-service": (
        "未知的业务种类 {value!r}（可选：{known}）{hint}",
        "unknown service {value!r} (known: {known}){hint}",
    ),
    "yaml-tab": (
        "第 {line} 行第 {column} 列是制表符：YAML 只能用空格缩进",
        "a tab character at line {line} column {column}: YAML indents with spaces",
    ),
}
