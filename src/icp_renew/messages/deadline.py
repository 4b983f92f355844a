"""Messages about deadlines: the filing deadline, the licence's expiry, holidays."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- #12: verdicts about time (check findings, reports, deadline portfolios) ---
    "title-filing-deadline-soon": ("续期申请期限临近", "Filing deadline soon"),
    "hint-filing-deadline-soon": (
        "立即准备并提交续期申请：逾期提交的申请不予续期（《电信业务经营许可管理办法》第二十七条）。",
        "Prepare and file the renewal now: a late application is not renewed (Order 42 Art. 27).",
    ),
    "title-missing-expiry": ("缺少许可证有效期", "Licence expiry missing"),
    "hint-missing-expiry": (
        "在 dossier.yaml 的 license.expires 中填写许可证所载的有效期至，如 2026-05-31。",
        "Give the expiry printed on the licence as license.expires in dossier.yaml, "
        "e.g. 2026-05-31.",
    ),
    "filing-deadline-soon": (
        "许可证 {number} 于 {expires} 到期，续期申请最迟应于 {deadline}（到期前{n}日）提交"
        "（《电信业务经营许可管理办法》第二十七条）；此前最后一个工作日为 {latest}，"
        "自 {filing_date} 起仅剩 {days} 天",
        "Licence {number} expires on {expires}; the renewal must be filed {n} days before, "
        "by {deadline} (Order 42 Art. 27); the last working day before it is {latest}, "
        "{days} days from {filing_date}",
    ),
    "filing-deadline-soon-one": (
        "许可证 {number} 于 {expires} 到期，续期申请最迟应于 {deadline}（到期前{n}日）提交"
        "（《电信业务经营许可管理办法》第二十七条）；此前最后一个工作日为 {latest}，"
        "自 {filing_date} 起仅剩 {days} 天",
        "Licence {number} expires on {expires}; the renewal must be filed {n} days before, "
        "by {deadline} (Order 42 Art. 27); the last working day before it is {latest}, "
        "{days} day from {filing_date}",
    ),
    "filing-deadline-soon-passed": (
        "许可证 {number} 于 {expires} 到期，续期申请最迟应于 {deadline}（到期前{n}日）提交"
        "（《电信业务经营许可管理办法》第二十七条）；此前最后一个工作日 {latest} 已过"
        "（申请日 {filing_date}）",
        "Licence {number} expires on {expires}; the renewal must be filed {n} days before, "
        "by {deadline} (Order 42 Art. 27); the last working day before it, {latest}, has "
        "passed (filing date {filing_date})",
    ),
    "past-filing-deadline-on": (
        "许可证 {number} 于 {expires} 到期，续期申请最迟应于 {deadline}（到期前{n}日）提交"
        "（《电信业务经营许可管理办法》第二十七条），申请日 {filing_date} 已晚 {late} 天",
        "Licence {number} expires on {expires}; the renewal had to be filed {n} days "
        "before, by {deadline} (Order 42 Art. 27), and the filing date {filing_date} is "
        "{late} days late",
    ),
    "past-filing-deadline-on-one": (
        "许可证 {number} 于 {expires} 到期，续期申请最迟应于 {deadline}（到期前{n}日）提交"
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
}
