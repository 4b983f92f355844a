"""Messages of ``deadline``: the portfolio CSV, holiday files, the report's words."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- the portfolio CSV ---------------------------------------------------------------
    "csv-nul": (
        "不是文本 CSV 文件：含有 NUL 字节",
        "not a text CSV file: it contains NUL bytes",
    ),
    "csv-utf16": (
        "不是文本 CSV 文件：含有 NUL 字节（是 Excel 的“Unicode 文本”吗？请另存为“CSV UTF-8”）",
        "not a text CSV file: it contains NUL bytes (UTF-16 from Excel's 'Unicode text'? "
        "save as 'CSV UTF-8')",
    ),
    "unknown-encoding": (
        "未知的编码 {encoding}：应为如 utf-8 或 gbk",
        "unknown encoding {encoding}: expected e.g. utf-8 or gbk",
    ),
    "bad-encoding": (
        "不是有效的 {encoding} 编码（第 {byte} 字节）；请检查 --encoding",
        "not valid {encoding} (byte {byte}); check --encoding",
    ),
    "csv-not-utf8": (
        "不是 UTF-8 编码（第 {byte} 字节）；请用 --encoding 指明编码，或另存为“CSV UTF-8”",
        "not UTF-8 (byte {byte}); give its encoding with --encoding, or save it as 'CSV UTF-8'",
    ),
    "csv-gbk": (
        "不是 UTF-8 编码（第 {byte} 字节）；看起来是 GBK（中文 Windows 上 Excel 的“CSV”）："
        "请加上 --encoding gbk，或另存为“CSV UTF-8”",
        "not UTF-8 (byte {byte}); it looks like GBK (Excel's 'CSV' on Chinese Windows): "
        "run with --encoding gbk, or save it as 'CSV UTF-8'",
    ),
    "csv-empty": (
        "CSV 为空：应有表头行，含 {columns}",
        "empty CSV: expected a header row with {columns}",
    ),
    "csv-column-twice": ("列 {column} 出现了两次", "column {column} appears twice"),
    "csv-missing-column": (
        "缺少列 {column}：表头行应含 {columns}（实际为 {found}）",
        "missing column {column}: expected a header row with {columns} (found {found})",
    ),
    "csv-missing-column-none": (
        "缺少列 {column}：表头行应含 {columns}（实际为空{found}）",
        "missing column {column}: expected a header row with {columns} (found nothing{found})",
    ),
    "csv-no-number": (
        "为空：应填写许可证编号，如 京B2-20210001",
        "empty: expected the licence number, e.g. “京B2-20210001”",
    ),
    "csv-no-expires": (
        "为空：应填写许可证上印的有效期，如 2026-05-31",
        "empty: expected the expiry date printed on the licence, e.g. 2026-05-31",
    ),
    "csv-invalid": ("CSV 格式错误", "invalid CSV"),
    "csv-is-directory": ("是文件夹，应为 CSV 文件", "is a directory, expected a CSV file"),
    "dossier-no-expires": (
        "缺少：请填写许可证上印的有效期（有效期至），如 expires: 2026-05-31",
        "missing: add the expiry date printed on the licence (“有效期至”), "
        "e.g. expires: 2026-05-31",
    ),
    # --- holiday files -------------------------------------------------------------------
    "holidays-not-mapping": (
        "应为含有 year、off 和 work 的映射（或由它们组成的列表）",
        "expected a mapping with year, off and work (or a list of them)",
    ),
    "holidays-year-twice": ("年份 {year} 出现了两次", "year {year} is given twice"),
    "holidays-wrong-year": ("{day} 不在 {year} 年内", "{day} is not in year {year}"),
    "holidays-off-and-work": (
        "{day} 同时列为休息日和工作日",
        "{day} is listed both as off and as work",
    ),
    "holidays-year-given": (
        "{year} 年已在 {other} 中给出",
        "year {year} is already given in {other}",
    ),
    # --- options -------------------------------------------------------------------------
    "days-option": (
        "应为不小于 0 的整天数（实际为 {value}）",
        "expected a whole number of days ≥ 0, got {value}",
    ),
    "license-needs-date": (
        "需要 --expires DATE 或 --issued DATE",
        "needs --expires DATE or --issued DATE",
    ),
    "encoding-needs-csv": ("只适用于 --csv FILE", "applies only to --csv FILE"),
    "nothing-to-compute": (
        "没有可计算的内容：请给出 --expires DATE（或 --issued DATE）、一个或多个材料文件夹，"
        "或 --csv FILE",
        "nothing to compute: give --expires DATE (or --issued DATE), "
        "one or more DOSSIER folders, or --csv FILE",
    ),
    "ics-empty": ("没有可放入日历的许可证", "no licences to put in a calendar"),
}
