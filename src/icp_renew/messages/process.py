"""The renewal as a process: stages, alerts, advice, timeline and record errors."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- timeline errors (dossier.yaml and `record`) -----------------------------------------
    "err-unknown-event": (
        "未知事件 {event!r}，应为以下之一：{expected}",
        "unknown event {event!r}: expected one of {expected}",
    ),
    "err-field-not-for-event": (
        "字段 {name} 不适用于事件 {event}",
        "field {name} does not apply to event {event}",
    ),
    "err-field-required": (
        "事件 {event} 须填写 {name}",
        "event {event} needs {name}",
    ),
    "err-out-of-order": (
        "事件须按日期先后排列：{date} 早于上一事件的 {previous}",
        "events must be in date order: {date} is before the previous event's {previous}",
    ),
    "err-already-submitted": (
        "已于 {date} 提交，不能再次提交（驳回后方可重新提交）",
        "already submitted on {date}; a new submission follows only a rejection",
    ),
    "err-not-submitted": (
        "事件 {event} 之前须有 submitted（提交申请）",
        "event {event} needs a submitted event before it",
    ),
    "err-decided": (
        "事件 {event} 在审批决定（approved 或 rejected）之后，没有对应的申请",
        "event {event} comes after the decision (approved or rejected): it answers nothing",
    ),
    "err-correction-open": (
        "上一份补正通知尚未答复：先记录 correction-submitted",
        "the previous correction notice is still open: record correction-submitted first",
    ),
    "err-no-open-correction": (
        "没有待答复的补正通知（correction-requested）",
        "there is no open correction notice (correction-requested) to answer",
    ),
    "err-approved-open-correction": (
        "补正通知尚未答复，不能记录 approved：先记录 correction-submitted",
        "a correction notice is still open: record correction-submitted before approved",
    ),
    "err-due-before-date": (
        "答复期限早于补正通知日期",
        "the due date is before the date of the correction notice",
    ),
    "err-not-approved": (
        "领取新许可证之前须有 approved（准予延续）",
        "license-received needs an approved event before it",
    ),
    "err-expires-before-issued": (
        "有效期至不晚于发证日期",
        "expires is not later than issued",
    ),
    "err-not-licensed": (
        "归档之前须有 license-received（领取新许可证），且尚未归档",
        "archived needs a license-received event before it, and only once",
    ),
    "err-report-year": (
        "{year} 年度的年报自 {next} 年 1 月 1 日起方可报送",
        "the annual report for {year} can be filed from 1 January {next}",
    ),
    # --- stages ------------------------------------------------------------------------------
    "stage-preparing": ("准备中", "preparing"),
    "stage-submitted": ("已提交", "submitted"),
    "stage-correction": ("待补正", "correction"),
    "stage-approved": ("已准予延续", "approved"),
    "stage-rejected": ("未准予延续", "rejected"),
    "stage-licensed": ("已领新证", "licensed"),
    "stage-archived": ("已归档", "archived"),
    "stage-unreadable": ("无法读取", "unreadable"),
    # --- alerts --------------------------------------------------------------------------------
    "alert-filing": (
        "续期申请截止 {deadline}（到期 {expires} 前 90 日），最后一个工作日 {due}，还有 {days} 天",
        "file the renewal by {deadline} (90 days before expiry on {expires}); "
        "the last working day is {due}, {days} days from now",
    ),
    "alert-filing-overdue": (
        "续期申请截止日 {deadline} 已过（《电信业务经营许可管理办法》第二十七条）："
        "逾期申请的不予续期，请立即联系发证机关",
        "the filing deadline {deadline} has passed (Order 42 Art. 27): a late application "
        "is not renewed; contact the issuing authority now",
    ),
    "alert-filing-expired": (
        "许可证已于 {expires} 到期，未提交续期申请：已无法续期，须重新申请许可证",
        "the licence expired on {expires} with no renewal filed: it can no longer be "
        "renewed; a new licence must be applied for",
    ),
    "alert-missing-expiry": (
        "dossier.yaml 未填写 license.expires（有效期至）：无法计算任何期限",
        "no license.expires in dossier.yaml: no deadline can be dated",
    ),
    "alert-correction-due": (
        "补正通知（{notice}，{note}）须于 {due} 前答复（期限见补正通知）；"
        "答复后记录 correction-submitted",
        "answer the correction notice of {notice} ({note}) by {due}, as the notice says; "
        "then record correction-submitted",
    ),
    "alert-correction-due-practice": (
        "补正通知（{notice}，{note}）按惯例须在 {n} 天内、即 {due} 前答复（此为代办惯例，"
        "非法定期限；以补正通知书所载期限为准，可用 --due 记录）",
        "answer the correction notice of {notice} ({note}) within {n:day|days}, by {due}: "
        "agency practice, not a legal limit; the notice's own period prevails "
        "(record it with --due)",
    ),
    "alert-correction-due-rules": (
        "补正通知（{notice}，{note}）按规则文件须在 {n} 天内、即 {due} 前答复"
        "（以补正通知书所载期限为准）",
        "answer the correction notice of {notice} ({note}) within {n:day|days} as the "
        "rules say, by {due}; the notice's own period prevails",
    ),
    "alert-decision-pending": (
        "等待审批决定：发证机关应在原许可证到期（{expires}）前作出决定，逾期未决定的视为准予延续"
        "（《行政许可法》第五十条）；请索取书面决定",
        "waiting for the decision: the authority decides before the licence expires on "
        "{expires}; no decision by then counts as approval (Administrative Licensing Law "
        "Art. 50); ask for the written decision",
    ),
    "alert-decision-pending-undated": (
        "等待审批决定：发证机关应在原许可证到期前作出决定，逾期未决定的视为准予延续"
        "（《行政许可法》第五十条）；请索取书面决定",
        "waiting for the decision: the authority decides before the licence expires; no "
        "decision by then counts as approval (Administrative Licensing Law Art. 50); ask "
        "for the written decision",
    ),
    "alert-new-not-later": (
        "新许可证有效期至 {new}，不晚于原许可证的 {old}：请核对新证，如有误请联系发证机关更正",
        "the new licence expires on {new}, not later than the old one ({old}): check the "
        "new licence and ask the issuing authority to correct it",
    ),
    "alert-new-number": (
        "新许可证编号 {new} 与原编号 {old} 不同：请核对新证，并更新网站底部及备案信息中的许可证编号",
        "the new licence number {new} differs from the old {old}: check the new licence "
        "and update the number shown on your website and in your filings",
    ),
    "alert-new-services": (
        "新许可证缺少原有业务种类 {services}：仅已开通的业务予以延续；如该业务仍在经营，请联系发证机关",
        "the new licence lacks services the old one had: {services}; only services in "
        "operation are renewed: if you still operate them, contact the issuing authority",
    ),
    "alert-new-term": (
        "新许可证有效期至 {new}，与五年期限（{expected}）不符：请核对新证",
        "the new licence expires on {new}, not five years on ({expected}): check the new licence",
    ),
    "alert-archive": (
        "新许可证已于 {received} 领取：请归档申报与审批记录（pack --archive），"
        "并于 {due} 前记录 archived",
        "the new licence arrived on {received}: archive the filing and decision records "
        "(pack --archive) and record archived by {due}",
    ),
    "alert-annual-due": (
        "{year} 年度电信业务经营年报须于 {due} 前报送（《电信业务经营许可管理办法》第三十五条）；"
        "报送后记录 annual-report-filed",
        "file the annual report for {year} by {due} (Order 42 Art. 35); then record "
        "annual-report-filed",
    ),
    "alert-annual-late": (
        "{year} 年度年报未在 {due} 前报送：将被列入不良名单（第三十八条），请立即补报",
        "the annual report for {year} was due by {due} and is missing: the company is on "
        "the list of operators in bad standing (Order 42 Art. 38) until it reports; file it "
        "now",
    ),
    "alert-change-name": (
        "许可证上的公司名称“{licence}”与现名称“{company}”不同，且发证后未记录变更："
        "须在工商变更后 30 日内向发证机关申请变更，并在续期前完成",
        "the licence names the company '{licence}', now '{company}', and no change was "
        "filed since it was issued: file the change with the issuing authority within "
        "30 days of the registration change, before the renewal",
    ),
    "alert-change-rep": (
        "许可证上的法定代表人“{licence}”与现任“{company}”不同，且发证后未记录变更："
        "须在工商变更后 30 日内向发证机关申请变更，并在续期前完成",
        "the licence names the legal representative '{licence}', now '{company}', and no "
        "change was filed since it was issued: file the change with the issuing authority "
        "within 30 days of the registration change, before the renewal",
    ),
    "alert-rejected": (
        "续期申请于 {date} 未获准予延续：请查阅不予延续决定书所述理由，依法申请复议或重新申请",
        "the renewal was refused on {date}: read the reasons in the decision, then appeal "
        "or apply again",
    ),
    # --- status reports ----------------------------------------------------------------------
    "title": ("续期进度", "Renewal status"),
    "title-dated": ("续期进度（{today}）", "Renewal status ({today})"),
    "no-dossiers": ("没有材料目录", "no dossiers"),
    "nothing-due": ("目前没有待办事项", "nothing is due"),
    "days-left": ("剩余 {days} 天", "{days} days left"),
    "days-late": ("已逾期 {days} 天", "{days} days late"),
    "severity-error": ("错误", "error"),
    "severity-warning": ("警告", "warning"),
    "severity-info": ("提示", "info"),
    "check-summary": ("{errors} 个错误，{warnings} 个警告", "{errors} errors, {warnings} warnings"),
    "head-dossier": ("材料目录", "Dossier"),
    "head-company": ("企业", "Company"),
    "head-license": ("许可证", "Licence"),
    "head-expires": ("有效期至", "Expires"),
    "head-stage": ("阶段", "Stage"),
    "head-next": ("下一项", "Next"),
    "head-due": ("截止", "Due"),
    "head-days": ("剩余天数", "Days"),
    "head-check": ("检查", "Check"),
    "head-timeline": ("时间线", "Timeline"),
    # the fields of a timeline event, as the text report names them
    "field-reference": ("文号", "reference"),
    "field-note": ("备注", "note"),
    "field-due": ("答复期限", "due"),
    "field-number": ("许可证号", "number"),
    "field-issued": ("发证日期", "issued"),
    "field-expires": ("有效期至", "expires"),
    "field-services": ("业务", "services"),
    "field-year": ("年度", "year"),
    "field-list-sep": ("，", ", "),
    "field-pair": ("{name}：{value}", "{name}: {value}"),
    "field-group": ("（{fields}）", "({fields})"),
    "alert-when": ("{due}，{days}", "{due}, {days}"),
    "col-path": ("材料目录", "path"),
    "col-company": ("企业名称", "company"),
    "col-license_number": ("许可证编号", "license_number"),
    "col-expires": ("有效期至", "expires"),
    "col-stage": ("阶段", "stage"),
    "col-next": ("下一项", "next"),
    "col-due": ("截止日期", "due"),
    "col-days_left": ("剩余天数", "days_left"),
    "col-severity": ("级别", "severity"),
    "col-message": ("说明", "message"),
    "col-check_errors": ("检查错误数", "check_errors"),
    "col-check_warnings": ("检查警告数", "check_warnings"),
    "col-error": ("无法读取的原因", "error"),
    "fail-within": (
        "{count} 项提醒在 {days} 天内到期或已逾期",
        "{count:alert|alerts} due within {days:day|days} or past",
    ),
    # --- commands ----------------------------------------------------------------------------
    "recorded": ("已记录 {event}（{date}）：{path}", "recorded {event} on {date} in {path}"),
    "err-no-dossier": (
        "找不到 dossier.yaml（可先运行 icp-renew init）",
        "no dossier.yaml (run `icp-renew init` to create one)",
    ),
    "err-link": (
        "dossier.yaml 是一个链接：record 只修改普通文件，请对链接指向的文件运行",
        "dossier.yaml is a link: record edits a regular file only; run it on the file the "
        "link points to",
    ),
    "err-flow-root": (
        "dossier.yaml 是一个流式映射 {{…}}：请手工添加 timeline:",
        "dossier.yaml is one flow mapping {{…}}: add timeline: by hand",
    ),
    "err-no-folder": ("没有这个目录或文件", "no such folder or file"),
    "err-append": (
        "无法安全地追加事件：请手动编辑 timeline:",
        "could not append the event safely: edit timeline: by hand",
    ),
    # --- init --next -----------------------------------------------------------------------------
    "err-next-no-license": (
        "该材料目录尚未记录 license-received（领取新许可证），无法据此开始下一次续期",
        "no license-received event yet: the next renewal starts from the new licence",
    ),
    "err-next-exists": (
        "已有 dossier.yaml，不会覆盖：请指定一个新目录",
        "already has a dossier.yaml and it is never overwritten: give a new folder",
    ),
    "next-header": (
        "下一次续期，由 icp-renew init --next 依据已归档的 {archived} 生成：新许可证已成为现有许可证",
        "The next renewal, started by icp-renew init --next from the archived {archived}: "
        "the new licence is now the current one",
    ),
    # --- pack --archive ----------------------------------------------------------------------
    "archive-refused": (
        "尚未领取新许可证（当前阶段：{stage}），不能归档：领证后先记录 license-received",
        "no new licence yet (stage: {stage}), nothing to archive: record license-received "
        "once it arrives",
    ),
    # --- deadline --format ics ---------------------------------------------------------------
    "ics-change-summary": ("ICP 许可证变更待办：{who}", "ICP licence change filing owed: {who}"),
    "ics-change-description": (
        "许可证上的公司名称或法定代表人与现状不同，且发证后未记录变更："
        "须在工商变更后 30 日内向发证机关申请变更（《电信业务经营许可管理办法》），并在续期前完成。",
        "The company name or legal representative on the licence differs from today's and no "
        "change was filed since it was issued: file the change with the issuing authority "
        "within 30 days of the registration change (Order 42), before the renewal.",
    ),
    # --- an alert's short name, in status's Next column (JSON and CSV keep the code) ---------
    "alert-label-filing-deadline": ("申请截止日", "filing deadline"),
    "alert-label-missing-expiry": ("未填有效期", "no expiry date"),
    "alert-label-correction-due": ("补正答复期限", "correction due"),
    "alert-label-decision-pending": ("等待审批决定", "decision pending"),
    "alert-label-new-license-mismatch": ("新证与原证不符", "new licence differs"),
    "alert-label-archive-pending": ("待归档", "archive pending"),
    "alert-label-annual-report-due": ("年报待报送", "annual report due"),
    "alert-label-change-filing-due": ("许可证变更待办", "change filing due"),
    "alert-label-rejected": ("未获准予延续", "renewal refused"),
    # --- the alerts reference (docs/findings.md) ------------------------------------------
    "meaning-filing-deadline": (
        "续期申请截止（到期前 90 日）前最后一个工作日；逾期为错误，60 天内为警告",
        "the last working day on or before the filing deadline (expiry − 90 days, Order 42 "
        "Art. 27); error once past, warning within the due-soon threshold",
    ),
    "meaning-missing-expiry": (
        "未填写 license.expires，无法计算期限",
        "no license.expires: nothing can be dated",
    ),
    "meaning-correction-due": (
        "补正通知的答复期限：通知所载日期，否则按规则 correction_response_days（默认 1 天，惯例非法定）",
        "the answer to a correction notice: the notice's due date, else the rules' "
        "correction_response_days (default 1: practice, not law); error once past",
    ),
    "meaning-decision-pending": (
        "等待审批决定，截止原证到期；逾期未决定视为准予延续（《行政许可法》第五十条）",
        "waiting for the decision, due by the old expiry; no decision by then counts as "
        "approval (Administrative Licensing Law Art. 50)",
    ),
    "meaning-new-license-mismatch": (
        "新证与原证不符：有效期不晚于原证为错误；编号不同、缺少原业务、期限非五年为警告",
        "the new licence against the old: error when it expires no later; warning for "
        "another number, a lost service, or a term other than five years",
    ),
    "meaning-archive-pending": (
        "领证后待归档；超过 30 天为警告",
        "the new licence is not archived yet; warning after 30 days",
    ),
    "meaning-annual-report-due": (
        "上一年度年报：1 月 1 日至 3 月 31 日为警告，4 月 1 日起为错误（第三十五、三十八条）",
        "last year's annual report: warning from 1 January to 31 March, error from 1 April "
        "(Order 42 Arts. 35, 38)",
    ),
    "meaning-change-filing-due": (
        "许可证上的公司名称或法定代表人与现状不同，且发证后未记录变更",
        "the licence names another company name or legal representative and no change was "
        "filed since it was issued",
    ),
    "meaning-rejected": ("续期申请未获准予延续", "the renewal was refused"),
}
