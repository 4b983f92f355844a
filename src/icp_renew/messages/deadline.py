"""Messages of ``deadline`` and of the deadline findings: the portfolio CSV, holiday files,
the report's words, the filing deadline and the licence's expiry."""

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
        "没有可计算的内容：请给出 --expires DATE（或 --issued DATE）、一个或多个材料目录，"
        "或 --csv FILE",
        "nothing to compute: give --expires DATE (or --issued DATE), "
        "one or more DOSSIER folders, or --csv FILE",
    ),
    "ics-empty": ("没有可放入日历的许可证", "no licences to put in a calendar"),
    "icp-licence-renewal-due": (
        "ICP 许可证续期申请截止日：{value}",
        "ICP licence renewal due: {value}",
    ),
    "derived-from-the-issue-date": ("（由发证日期推算）", " (derived from the issue date)"),
    "telecom-annual-report-for-due": (
        "电信业务经营年报截止（{year} 年度）：{value}",
        "Telecom annual report for {year} due: {value}",
    ),
    "order-42-art-35-report": (
        "《电信业务经营许可管理办法》第三十五条：每年第一季度（{value} 至 {value2}）报送上一年度的经营情况。",
        "Order 42 Art. 35: report the previous year's operations in the first quarter ({value} to {value2}).",
    ),
    "licence-expires-on": (
        "许可证 {value} 有效期至 {value2}{value3}。",
        "Licence {value} expires on {value2}{value3}.",
    ),
    "order-42-art-27-apply": (
        "《电信业务经营许可管理办法》第二十七条：续期申请须于到期前 {FILING_DAYS} 日提出，即不晚于 {value}；最后一个工作日为 {day}。",
        "Order 42 Art. 27: apply at least {FILING_DAYS} days before expiry, i.e. by {value}; the last working day is {day}.",
    ),
    "icp-licence-renewal": ("ICP 许可证续期", "ICP licence renewal"),
    "note-no-official-holiday-data": (
        "注意：该年份没有官方节假日数据，仅按周末计算。",
        "Note: no official holiday data for that year; weekends only.",
    ),
    "days-ago": ("已过 {value} 天", "{value:day|days} ago"),
    "warning-no-official-holiday-data": (
        "警告：{listed} 年没有官方节假日数据，最后工作日仅按周末计算；可用 --holidays FILE 补充该年的放假和调休安排。",
        "warning: no official holiday data for {listed}: the latest working day counts weekends only; add the year's holidays with --holidays FILE.",
    ),
    "fail-within-licence-s-within": (
        "--fail-within {days}：{value} 个许可证距申请截止日 {days} 天以内或已过截止日：{names}",
        "--fail-within {days}: {value:licence|licences} within {days:day|days} of the filing deadline or past it: {names}",
    ),
    "days": ("{days_left} 天", "{days_left:day|days}"),
    "none-weekends-only": ("无（仅按周末）", "none (weekends only)"),
    "suggested-plan-a-suggestion-only": (
        "建议安排（仅供参考）：",
        "Suggested plan (a suggestion only):",
    ),
    "status": ("状态", "Status"),
    "days-left": ("剩余天数", "Days left"),
    "latest-working-day": ("最后工作日", "Latest working day"),
    "filing-deadline": ("申请截止日", "Filing deadline"),
    "expires": ("有效期至", "Expires"),
    "licence": ("许可证编号", "Licence"),
    "name": ("企业名称", "Name"),
    "and-more": (" 等，另有 {more} 个", " and {more} more"),
    "annual-report": ("年报", "Annual report"),
    "to-for-art-35": (
        "{value} 至 {value2}（{year} 年度，第三十五条）",
        "{value} to {value2} (for {year}, Art. 35)",
    ),
    "holiday-data": ("节假日数据", "Holiday data"),
    "today": ("今天", "Today"),
    "past": ("（已过）", " (past)"),
    "expiry-derived-from-the-issue": (
        "* 由发证日期推算的有效期",
        "* expiry derived from the issue date",
    ),
    "weekends-only-no-holiday-data": ("† 仅按周末计算", "† weekends only (no holiday data)"),
    "no-licences": ("没有许可证", "no licences"),
    "days-before-expiry-order-42": (
        "（到期前 {FILING_DAYS} 日，《电信业务经营许可管理办法》第二十七条）",
        " ({FILING_DAYS} days before expiry, Order 42 Art. 27)",
    ),
    "status-expired": ("已过期", "expired"),
    "status-overdue": ("已过申请截止日", "overdue"),
    "status-due-soon": ("临近申请截止日", "due soon"),
    "status-ok": ("正常", "ok"),
    "day": ("{day}（{weekday}）", "{day} ({weekday})"),
    "weekday-0": ("星期一", "Mon"),
    "weekday-1": ("星期二", "Tue"),
    "weekday-3": ("星期四", "Thu"),
    "weekday-4": ("星期五", "Fri"),
    "weekday-5": ("星期六", "Sat"),
    "weekday-6": ("星期日", "Sun"),
    "step-prepare": ("开始准备材料", "start preparing"),
    "step-pre-check": ("预检材料（icp-renew check）", "pre-check (icp-renew check)"),
    "step-file": ("提交申请", "file the application"),
    "separator": ("；", "; "),
    # --- #12: verdicts about time (check findings, reports, deadline portfolios) ---
    "filing-deadline-soon": (
        "许可证 {number} 于 {expires} 到期，续期申请最迟应于 {deadline}（到期前 {n} 日）提交"
        "（《电信业务经营许可管理办法》第二十七条）；此前最后一个工作日为 {latest}，"
        "自 {filing_date} 起仅剩 {days} 天",
        "Licence {number} expires on {expires}; the renewal must be filed {n} days before, "
        "by {deadline} (Order 42 Art. 27); the last working day before it is {latest}, "
        "{days} days from {filing_date}",
    ),
    "filing-deadline-soon-one": (
        "许可证 {number} 于 {expires} 到期，续期申请最迟应于 {deadline}（到期前 {n} 日）提交"
        "（《电信业务经营许可管理办法》第二十七条）；此前最后一个工作日为 {latest}，"
        "自 {filing_date} 起仅剩 {days} 天",
        "Licence {number} expires on {expires}; the renewal must be filed {n} days before, "
        "by {deadline} (Order 42 Art. 27); the last working day before it is {latest}, "
        "{days} day from {filing_date}",
    ),
    "filing-deadline-soon-passed": (
        "许可证 {number} 于 {expires} 到期，续期申请最迟应于 {deadline}（到期前 {n} 日）提交"
        "（《电信业务经营许可管理办法》第二十七条）；此前最后一个工作日 {latest} 已过"
        "（申请日 {filing_date}）",
        "Licence {number} expires on {expires}; the renewal must be filed {n} days before, "
        "by {deadline} (Order 42 Art. 27); the last working day before it, {latest}, has "
        "passed (filing date {filing_date})",
    ),
    "past-filing-deadline-on": (
        "许可证 {number} 于 {expires} 到期，续期申请最迟应于 {deadline}（到期前 {n} 日）提交"
        "（《电信业务经营许可管理办法》第二十七条），申请日 {filing_date} 已晚 {late} 天",
        "Licence {number} expires on {expires}; the renewal had to be filed {n} days "
        "before, by {deadline} (Order 42 Art. 27), and the filing date {filing_date} is "
        "{late} days late",
    ),
    "past-filing-deadline-on-one": (
        "许可证 {number} 于 {expires} 到期，续期申请最迟应于 {deadline}（到期前 {n} 日）提交"
        "（《电信业务经营许可管理办法》第二十七条），申请日 {filing_date} 已晚 {late} 天",
        "Licence {number} expires on {expires}; the renewal had to be filed {n} days "
        "before, by {deadline} (Order 42 Art. 27), and the filing date {filing_date} is "
        "{late} day late",
    ),
    "missing-expiry": (
        "dossier.yaml 中没有 license.expires（许可证有效期至）：无法判断续期申请期限，"
        "检查结果不能说明申请是否及时",
        "dossier.yaml gives no license.expires (the expiry printed on the licence): the "
        "filing deadline cannot be judged, so a pass says nothing about being in time",
    ),
    "cannot-check": ("无法检查", "cannot check"),
    "cannot-check-line": ("{path}：无法检查：{reason}", "{path}: cannot check: {reason}"),
    "column-company": ("企业名称", "company"),
    "column-days-left": ("剩余天数", "days left"),
    "duplicate-disagrees": (
        "警告：许可证 {number} 出现两次且有效期不一致：{first} 为 {first_expires}，"
        "{other} 为 {other_expires}；按 {first} 计算",
        "warning: licence {number} is given twice with different expiries: {first} says "
        "{first_expires}, {other} says {other_expires}; computed from {first}",
    ),
    "estimated-warning": (
        "警告：{years} 年尚无官方节假日安排，最后工作日按法定节假日估算（调休无法预知）；"
        "可用 --holidays FILE 补充该年的放假和调休安排。",
        "warning: no official holiday schedule for {years} yet: the latest working day is "
        "estimated from the statutory holidays (make-up working days cannot be known); add "
        "the year's schedule with --holidays FILE.",
    ),
    "estimated-footnote": (
        "† 按法定节假日估算（尚无官方安排）",
        "† estimated from the statutory holidays (no official schedule yet)",
    ),
    "estimated-source": (
        "估算：法定节假日（{revision}年修订的放假办法），不含调休",
        "estimate: statutory holidays ({revision} revision of the measures), no make-up days",
    ),
    "estimated-ics-note": (
        "注意：该年份尚无官方节假日安排，最后工作日按法定节假日估算，调休无法预知。",
        "Note: no official holiday schedule for that year yet; the last working day is "
        "estimated from the statutory holidays, and make-up working days cannot be known.",
    ),
    "checked-total": (
        "共检查 {n} 份材料：{failed} 份未通过，{passed} 份通过；{counts}",
        "{n} dossiers checked: {failed} failed, {passed} passed; {counts}",
    ),
    "checked-total-one": (
        "共检查 {n} 份材料：{failed} 份未通过，{passed} 份通过；{counts}",
        "{n} dossier checked: {failed} failed, {passed} passed; {counts}",
    ),
    "estimated-clause": (
        "（{year} 年尚无官方节假日安排，最后工作日为按法定节假日的估算）",
        " (estimated: {year} has no official holiday schedule yet)",
    ),
    "with-clause": ("{message}{clause}", "{message}{clause}"),
    "licence-2": ("许可证", "Licence"),
    "days-left-2": ("剩余", "Days left"),
    "weekday-2": ("星期三", "Wed"),
    "derived-from-the-issue-date-2": (
        "（由发证日期 {value} 推算，以许可证所载为准）",
        " (derived from the issue date {value}; the printed date prevails)",
    ),
}
