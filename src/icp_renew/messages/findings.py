"""Messages of the checks: each finding code's title and hint (``<code>.title``,
``<code>.hint``, shown in docs/findings.md and beside every finding) and the findings
themselves (``<code>.<case>``), with the reasons they quote."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- titles and hints of the codes ---------------------------------------------------
    "missing-material.title": ("缺少材料", "Material missing"),
    "missing-material.hint": (
        "按清单补齐该材料，放入以材料编号或中文名称命名的文件夹。",
        "Add the material in a folder named after its id or Chinese title.",
    ),
    "missing-year.title": ("缺少年度", "Year missing"),
    "missing-year.hint": (
        "补齐该年度的报告，文件名中写明年份，如 2023年度业务经营报告.pdf。",
        "Add the report for that year with the year in its file name, e.g. “2023年度业务经营报告.pdf”.",
    ),
    "missing-domain-certificate.title": ("缺少域名证书", "Domain certificate missing"),
    "missing-domain-certificate.hint": (
        "为 dossier.yaml 中的每个域名提供一份证书，文件名包含该域名。",
        "Provide one certificate per domain of dossier.yaml, with the domain in its file name.",
    ),
    "license-expired.title": ("许可证已过期", "Licence expired"),
    "license-expired.hint": (
        "许可证已过期，无法续期，需重新申请许可证。",
        "The licence has expired and cannot be renewed; a new application is needed.",
    ),
    "past-filing-deadline.title": ("已过续期申请截止日", "Past the filing deadline"),
    "past-filing-deadline.hint": (
        "已晚于申请截止日（到期前 90 日，《电信业务经营许可管理办法》第二十七条），请立即联系发证机关。",
        "The 90-day filing deadline (Order 42 Art. 27) has passed; contact the issuing authority now.",
    ),
    "missing-metadata.title": ("缺少材料信息", "Metadata missing"),
    "missing-metadata.hint": (
        "在 dossier.yaml 的 materials 下补充该材料的信息（如 expires 或 year）。",
        "Add the material's facts (such as expires or year) under materials in dossier.yaml.",
    ),
    "empty-file.title": ("空文件", "Empty file"),
    "empty-file.hint": (
        "重新扫描或导出该文件。",
        "Scan or export the file again.",
    ),
    "unsupported-format.title": ("格式不支持", "Unsupported format"),
    "unsupported-format.hint": (
        "以该材料接受的格式（通常为 PDF、JPEG 或 PNG）重新保存，扩展名须与内容一致。",
        "Save it in a format the material accepts (usually PDF, JPEG or PNG), with an extension that matches its content.",
    ),
    "file-too-large.title": ("文件过大", "File too large"),
    "file-too-large.hint": (
        "降低扫描分辨率或压缩后重新保存，或拆分为多个文件。警告级别的上限（默认 20 MB）"
        "是本工具的策略，未见官方公布的单个文件上限；可在规则中用 warn_file_size 调整。",
        "Rescan at a lower resolution, compress it, or split it into several files. The "
        "warning-level size (20 MB by default) is the tool's own policy: no official "
        "per-file limit is published; change it with warn_file_size in the rules.",
    ),
    "corrupt-pdf.title": ("PDF 已损坏", "Corrupt PDF"),
    "corrupt-pdf.hint": (
        "该 PDF 无法读取或不完整，请重新导出或扫描。",
        "the PDF cannot be read or is incomplete; export or scan it again.",
    ),
    "encrypted-pdf.title": ("PDF 已加密", "Encrypted PDF"),
    "encrypted-pdf.hint": (
        "上传系统不接受加密 PDF：去除密码和权限限制后重新保存。",
        "The upload system rejects encrypted PDFs: save it again without password or restrictions.",
    ),
    "too-few-pages.title": ("页数不足", "Too few pages"),
    "too-few-pages.hint": (
        "补齐全部页面（如正反面、附页）。",
        "Add all pages (both sides, annexes).",
    ),
    "missing-text.title": ("缺少必要内容", "Required text missing"),
    "missing-text.hint": (
        "文件中未找到规定的内容，请确认材料是否正确、是否为最新版本。",
        "The required wording is not in the file; check it is the right, current document.",
    ),
    "expired.title": ("材料已过期", "Material expired"),
    "expired.hint": (
        "提供在有效期内的材料，并更新 dossier.yaml 中的 expires。",
        "Provide a document that is still valid and update expires in dossier.yaml.",
    ),
    "invalid-uscc.title": ("统一社会信用代码无效", "Invalid USCC"),
    "invalid-uscc.hint": (
        "核对营业执照上的 18 位统一社会信用代码。",
        "Copy the 18-character unified social credit code from the business licence.",
    ),
    "invalid-id-number.title": ("身份证号码无效", "Invalid ID number"),
    "invalid-id-number.hint": (
        "核对法定代表人身份证上的 18 位号码。",
        "Copy the 18-character number from the legal representative's ID card.",
    ),
    "invalid-phone.title": ("电话号码无效", "Invalid phone number"),
    "invalid-phone.hint": (
        "填写中国大陆手机号码（11 位）或带区号的固定电话。",
        "Give a mainland mobile number (11 digits) or a landline with its area code.",
    ),
    "invalid-email.title": ("电子邮箱无效", "Invalid e-mail"),
    "invalid-email.hint": (
        "填写有效的电子邮箱地址。",
        "Give a valid e-mail address.",
    ),
    "invalid-domain.title": ("域名无效", "Invalid domain"),
    "invalid-domain.hint": (
        "填写已备案的域名，如 example.com 或 示例.中国。",
        "Give the filed domain name, such as example.com or “示例.中国”.",
    ),
    "invalid-license-number.title": ("许可证编号无效", "Invalid licence number"),
    "invalid-license-number.hint": (
        "按许可证正本填写编号，如 京B2-20210001。",
        "Copy the number from the licence, e.g. “京B2-20210001”.",
    ),
    "invalid-filing-number.title": ("备案号无效", "Invalid filing number"),
    "invalid-filing-number.hint": (
        "按工信部备案系统填写备案号，如 京ICP备12345678号-1。",
        "Copy the filing number from the MIIT filing system, e.g. “京ICP备12345678号-1”.",
    ),
    "province-mismatch.title": ("省份不一致", "Province mismatch"),
    "province-mismatch.hint": (
        "许可证编号前缀须与发证机关一致；检查 --province 与 dossier.yaml。",
        "The licence prefix must match the issuing authority; check --province and dossier.yaml.",
    ),
    "unassigned-file.title": ("未归类文件", "Unassigned file"),
    "unassigned-file.hint": (
        "将文件移入对应材料的文件夹，或删除无关文件。",
        "Move the file into its material's folder, or remove it.",
    ),
    "unsafe-file.title": ("不安全的文件", "Unsafe file"),
    "unsafe-file.hint": (
        "用普通文件替换链接、管道或设备文件，并确保文件可读。",
        "Replace the link, pipe or device with a regular, readable file.",
    ),
    "low-resolution.title": ("分辨率过低", "Low resolution"),
    "low-resolution.hint": (
        "以不低于规定的分辨率（通常 150 dpi 以上）重新彩色扫描原件。",
        "Rescan the original in colour at the required resolution (usually 150 dpi or more).",
    ),
    "expires-soon.title": ("即将过期", "Expires soon"),
    "expires-soon.hint": (
        "提前续签或更新该材料，避免审查期间过期。",
        "Renew or update the document before it lapses during the review.",
    ),
    "text-unverifiable.title": ("无法核验文字", "Text not verifiable"),
    "text-unverifiable.hint": (
        "扫描件没有文字层，请人工确认其内容。",
        "The scan has no text layer; check its wording by eye.",
    ),
    "scan-mismatch.title": ("扫描件与填写信息不符", "Scan differs from dossier.yaml"),
    "scan-mismatch.hint": (
        "核对扫描件与 dossier.yaml：改正填写错误，或换上正确的扫描件（材料信息不一致是退回补正的常见原因）。",
        "Compare the scan with dossier.yaml: correct the typo, or replace the scan (differing "
        "information is a common reason for a dossier to be sent back).",
    ),
    "scan-unreadable.title": ("扫描件上未读到该信息", "Field not read on the scan"),
    "scan-unreadable.hint": (
        "识别未能读出该信息（扫描模糊、被遮挡或版式不同），请人工核对；更清晰的扫描件（300 dpi）通常可读。",
        "Recognition did not find the field (a blurred, covered or unusual scan); compare it by "
        "eye. A sharper scan (300 dpi) is usually read.",
    ),
    "inspection-limit.title": ("超出检查限制", "Inspection limit reached"),
    "inspection-limit.hint": (
        "该文件结构异常（过大、过于复杂或已损坏），无法在限定时间和内存内检查，请重新导出或扫描。",
        "The file is too large, too complex or damaged to be checked within the time and memory limits; export or scan it again.",
    ),
    "filing-deadline-soon.title": ("续期申请截止日临近", "Filing deadline soon"),
    "filing-deadline-soon.hint": (
        "立即准备并提交续期申请：逾期提交的申请不予续期（《电信业务经营许可管理办法》第二十七条）。",
        "Prepare and file the renewal now: a late application is not renewed (Order 42 Art. 27).",
    ),
    "missing-expiry.title": ("缺少许可证有效期", "Licence expiry missing"),
    "missing-expiry.hint": (
        "在 dossier.yaml 的 license.expires 中填写许可证所载的有效期至，如 2026-05-31。",
        "Give the expiry printed on the licence as license.expires in dossier.yaml, "
        "e.g. 2026-05-31.",
    ),
    # --- presence ------------------------------------------------------------------------
    "missing-material.no-usable-file": (
        "缺少“{title}”：文件夹 {folder} 中没有可用的文件",
        "Missing material: {title} (the folder {folder} has no usable file)",
    ),
    "missing-material.no-folder": (
        "缺少“{title}”：请放入名为 {id} 或“{title_zh}”的文件夹",
        "Missing material: {title} (put it in a folder named {id} or “{title_zh}”)",
    ),
    "unassigned-file.top-level": (
        "文件不在任何材料文件夹中（位于材料目录顶层）",
        "the file is in no material folder (it is at the top of the dossier)",
    ),
    "unassigned-file.in-category": (
        "文件直接放在分类文件夹 {folder} 中，不属于任何材料",
        "the file is directly in the category folder {folder}, in no material",
    ),
    "unassigned-file.not-in-checklist": (
        "文件夹 {folder} 对应的材料 {other} 不在本次清单中"
        "（请检查 dossier.yaml 的 industries 与 license.services）",
        "the folder {folder} is for {other}, which this dossier's checklist does not include "
        "(check industries and license.services in dossier.yaml)",
    ),
    "unassigned-file.unknown-folder": (
        "文件夹 {folder} 不是任何材料的名称",
        "the folder {folder} is not the name of any material",
    ),
    # --- safety: why an entry was skipped ------------------------------------------------
    "unsafe-file.skipped": ("已跳过：{why}", "skipped: {why}"),
    "unsafe-file.link-outside": (
        "指向材料目录以外的链接（→ {detail}），未跟随",
        "a link out of the dossier (→ {detail}), not followed",
    ),
    "unsafe-file.link-inside": (
        "符号链接（→ {detail}），未跟随；请放入文件本身",
        "a symbolic link (→ {detail}), not followed; put the file itself here",
    ),
    "unsafe-file.link-broken": ("失效的链接（→ {detail}）", "a broken link (→ {detail})"),
    "unsafe-file.link-loop": ("循环链接（→ {detail}）", "a link loop (→ {detail})"),
    "unsafe-file.special-file": (
        "特殊文件（{detail}），未读取",
        "a special file ({detail}), not read",
    ),
    "unsafe-file.unreadable": ("无法读取：{detail}", "it cannot be read: {detail}"),
    "unsafe-file.bad-name": ("文件名无效：{detail}", "an invalid file name: {detail}"),
    "unsafe-file.name-clash": (
        "与另一文件重名（Unicode 规范化后相同）",
        "the same name as another entry after Unicode normalisation",
    ),
    "unsafe-file.other": ("{detail}", "{detail}"),
    # --- files ---------------------------------------------------------------------------
    "empty-file.empty": ("文件为空（0 字节）", "the file is empty (0 bytes)"),
    "file-too-large.size": (
        "文件大小为 {size}，超过上限 {limit}",
        "the file is {size}, more than the limit of {limit}",
    ),
    "unsupported-format.unknown": (
        "无法识别文件内容（可接受：{accepted}）",
        "the content is not a recognised format (accepted: {accepted})",
    ),
    "unsupported-format.extension": (
        "文件内容是 {actual}，但扩展名为 .{ext}",
        "the content is {actual} but the extension is .{ext}",
    ),
    "unsupported-format.no-extension": (
        "文件没有扩展名（内容是 {actual}）",
        "the file has no extension (its content is {actual})",
    ),
    "unsupported-format.not-accepted": (
        "该材料不接受 {actual} 格式（可接受：{accepted}）",
        "{actual} is not accepted for this material (accepted: {accepted})",
    ),
    "unsupported-format.unreadable-image": (
        "{actual} 图像无法读取：{reason}",
        "the {actual} image cannot be read: {reason}",
    ),
    "inspection-limit.limit": (
        "文件未能在限制内检查完毕：{reason}",
        "the file could not be checked within the limits: {reason}",
    ),
    "corrupt-pdf.unreadable": ("PDF 无法读取：{reason}", "the PDF cannot be read: {reason}"),
    "encrypted-pdf.encrypted": (
        "PDF 已加密（即使没有打开密码，上传系统也不接受）",
        "the PDF is encrypted (even without an opening password, the upload system rejects it)",
    ),
    "low-resolution.dpi": (
        "分辨率约为 {dpi} dpi，低于要求的 {min_dpi} dpi",
        "the resolution is about {dpi} dpi, below the required {min_dpi} dpi",
    ),
    "low-resolution.dpi-estimated": (
        "分辨率约为 {dpi} dpi，低于要求的 {min_dpi} dpi（按 A4 估算）",
        "the resolution is about {dpi} dpi, below the required {min_dpi} dpi "
        "(estimated for an A4 page)",
    ),
    "too-few-pages.pages": (
        "共 {pages} 页，至少需要 {min_pages} 页（图片每张计 1 页）",
        "{pages:page|pages} in all, at least {min_pages} needed (an image counts as one page)",
    ),
    # --- pdf_content ---------------------------------------------------------------------
    "text-unverifiable.no-text-layer": (
        "没有文字层，无法自动核对是否含有“{phrases}”，请人工确认",
        "no text layer: cannot verify that it contains “{phrases}”; check by eye",
    ),
    "missing-text.not-found": (
        "文字层中没有“{phrases}”",
        "the text layer does not contain “{phrases}”",
    ),
    # --- years ---------------------------------------------------------------------------
    "missing-year.wrong-year": (
        "“{title}”应为 {year} 年度（申请年度 {filing_year} 的上一年），现有文件为 {found} 年度",
        "{title} must be for {year}, the year before the filing year {filing_year}; "
        "the file is for {found}",
    ),
    "missing-year.missing": (
        "“{title}”缺少 {year} 年度（需申请年度 {filing_year} 前 {n} 年每年一份；"
        "请在文件名中写明年份，或在 dossier.yaml 的 materials.{id}.years 中列出）",
        "{title}: no report for {year} (one per year for the {n:year|years} before the "
        "filing year {filing_year}; put the year in the file name or list it in "
        "materials.{id}.years of dossier.yaml)",
    ),
    "missing-metadata.year-unknown": (
        "“{title}”的年度无法确定：请在文件名中写明年份，或在 dossier.yaml 中填写 "
        "materials.{id}.year",
        "{title}: its year is unknown; put the year in the file name or give "
        "materials.{id}.year in dossier.yaml",
    ),
    # --- dates ---------------------------------------------------------------------------
    "missing-metadata.fact": (
        "“{title}”：请在 dossier.yaml 中填写 materials.{id}.{field}（如 {example}）",
        "{title}: give materials.{id}.{field} in dossier.yaml (e.g. {example})",
    ),
    "expired.expired": (
        "“{title}”已于 {expires} 过期（今天 {today}），请提供在有效期内的材料",
        "{title}: expired on {expires} (today is {today}); provide a valid one",
    ),
    "expires-soon.before-filing": (
        "“{title}”将于 {expires} 到期，早于申请日 {filing_date}",
        "{title}: expires on {expires}, before the filing date {filing_date}",
    ),
    "expires-soon.during-review": (
        "“{title}”将于 {expires} 到期（{days} 天后），审查期间可能过期",
        "{title}: expires on {expires}, in {days:day|days}; it may lapse during the review",
    ),
    # --- license_state -------------------------------------------------------------------
    "license-expired.expired": (
        "许可证 {number} 已于 {expires} 到期（今天 {today}），已无法续期",
        "Licence {number} expired on {expires} (today is {today}) and can no longer be renewed",
    ),
    "past-filing-deadline.late": (
        "许可证 {number} 于 {expires} 到期，续期申请最迟应于 {deadline}（到期前 {n} 日）提交"
        "（《电信业务经营许可管理办法》第二十七条），已逾期 {late} 天",
        "Licence {number} expires on {expires}; the renewal had to be filed {n} days "
        "before, by {deadline} (Order 42 Art. 27), and is {late:day|days} late",
    ),
    # --- domains -------------------------------------------------------------------------
    "invalid-domain.invalid": (
        "dossier.yaml 的 domains[{i}].name 不是有效域名：{domain}（{reason}）",
        "domains[{i}].name in dossier.yaml is not a valid domain name: {domain} ({reason})",
    ),
    "invalid-domain.empty": ("为空", "it is empty"),
    "invalid-domain.url": (
        "这是网址，不是域名：请去掉协议头（http://）",
        "a URL, not a domain name: remove the scheme (http://)",
    ),
    "invalid-domain.path": ("含有路径（/）", "it contains a path (/)"),
    "invalid-domain.port": ("含有端口（:）", "it contains a port (:)"),
    "invalid-domain.email": ("是电子邮箱地址（@）", "it is an e-mail address (@)"),
    "invalid-domain.space": ("含有空格", "it contains a space"),
    "invalid-domain.idna": ("不是有效的国际化域名", "not a valid internationalised domain name"),
    "invalid-domain.idna-character": (
        "含有域名中不允许的字符",
        "it contains a character not allowed in a domain name",
    ),
    "invalid-domain.idna-hyphen": (
        "某一级以连字符（-）开头或结尾",
        "a label starts or ends with a hyphen (-)",
    ),
    "invalid-domain.idna-empty-label": (
        "含有空的一级（连续的点）",
        "it has an empty label (two dots in a row)",
    ),
    "invalid-domain.idna-too-long": (
        "某一级或整个域名过长",
        "a label or the whole name is too long",
    ),
    "invalid-domain.single-label": (
        "只有一级，请写完整域名，如 example.com",
        "a single label; give the full name such as example.com",
    ),
    "invalid-domain.numeric": (
        "是 IP 地址或数字顶级域名",
        "an IP address or a numeric top-level domain",
    ),
    "missing-domain-certificate.missing": (
        "域名 {domain} 没有证书：请在“{title}”中放入文件名含该域名的文件，如 {example}.pdf",
        "No certificate for the domain {domain}: add a file with the domain in its name "
        "to {title}, e.g. {example}.pdf",
    ),
    # --- identifiers ---------------------------------------------------------------------
    "invalid-uscc.invalid": (
        "company.uscc 统一社会信用代码 {uscc} 无效：{reason}",
        "company.uscc: the unified social credit code {uscc} is invalid: {reason}",
    ),
    "invalid-id-number.invalid": (
        "法定代表人身份证号码 {number} 无效：{reason}",
        "The legal representative's ID number {number} is invalid: {reason}",
    ),
    "invalid-id-number.doubtful": (
        "法定代表人身份证号码 {number} 可能有误：{reason}",
        "The legal representative's ID number {number} may be wrong: {reason}",
    ),
    "reason.length-18": ("长度应为 18 位", "it must have 18 characters"),
    "reason.checksum": ("校验码不符", "the check character does not match"),
    "reason.uscc-characters": (
        "含有不允许的字符（前 8 位为数字，其余为数字或除 I、O、Z、S、V 以外的大写字母）",
        "it has characters that are not allowed (8 digits, then digits or capital letters "
        "other than I, O, Z, S, V)",
    ),
    "reason.born-after-today": ("出生日期晚于今天", "the birth date is after today"),
    "reason.no-such-birth-date": ("出生日期不存在", "the birth date does not exist"),
    "reason.unknown-area-code": (
        "地区码 {code} 不在已知行政区划代码中（旧代码仍然有效，请与证件核对）",
        "the area code {code} is not a known division code (old codes stay valid: check it "
        "against the card)",
    ),
    "reason.id-characters": (
        "应为 17 位数字加 1 位数字或 X",
        "it must be 17 digits and a digit or X",
    ),
    "reason.truncated-png": (
        "文件不完整：末尾缺少 IEND 块",
        "truncated: no IEND chunk at the end",
    ),
    "reason.truncated-eof": (
        "文件不完整：末尾缺少 %%EOF 标记",
        "truncated: no %%EOF marker at the end",
    ),
    "reason.truncated-startxref": (
        "文件不完整：末尾附近缺少 startxref",
        "truncated: no startxref near the end",
    ),
    "reason.pixels": (
        "文件头声明的像素过多，无法处理（超过 {limit}）",
        "the header claims too many pixels to handle (more than {limit})",
    ),
    "reason.bad-header": ("不是有效的 {format} 文件头", "not a valid {format} header"),
    "reason.limit-time": (
        "检查超过 {seconds} 秒，已停止",
        "inspection took longer than {seconds} s and was stopped",
    ),
    "reason.limit-memory": (
        "需要一次读取 {need} MiB（上限为 {max} MiB）",
        "reading it would need {need} MiB at once (the limit is {max} MiB)",
    ),
    "reason.unparsable": ("文件结构无法解析", "the file's structure cannot be parsed"),
    "placeholder": (
        "dossier.yaml 的 {field} 尚未填写（仍是占位符“{placeholder}”）",
        "{field} in dossier.yaml is not filled in yet (it still reads “{placeholder}”)",
    ),
    # --- contacts ------------------------------------------------------------------------
    "invalid-phone.mobile": (
        "legal_representative.mobile 手机号码 {number} 无效：{reason}",
        "legal_representative.mobile: the mobile number {number} is invalid: {reason}",
    ),
    "invalid-phone.landline": (
        "legal_representative.landline 固定电话 {number} 无效：{reason}",
        "legal_representative.landline: the landline number {number} is invalid: {reason}",
    ),
    "reason.not-a-phone-number": ("不是电话号码", "it is not a phone number"),
    "reason.invalid-mobile": (
        "不是有效的手机号码（11 位）",
        "it is not a valid mobile number (11 digits)",
    ),
    "reason.invalid-landline": (
        "不是有效的固定电话号码（须含区号，如 010-62345678）",
        "it is not a valid landline number (with its area code, e.g. 010-62345678)",
    ),
    "reason.not-a-mobile": ("不是手机号码", "it is not a mobile number"),
    "reason.not-a-landline": (
        "不是固定电话号码（手机号码请填在 mobile）",
        "it is not a landline number (a mobile number goes under mobile)",
    ),
    "invalid-email.invalid": (
        "legal_representative.email 电子邮箱 {email} 无效：{reason}",
        "legal_representative.email: the e-mail address {email} is invalid: {reason}",
    ),
    "reason.email-syntax": ("格式不正确", "the address is not well formed"),
    "reason.email-no-at": ("缺少 @", "an e-mail address must have an @"),
    "reason.email-no-domain": ("@ 后面缺少域名", "there must be a domain after the @"),
    "reason.email-no-local": ("@ 前面缺少用户名", "there must be a name before the @"),
    "reason.email-domain-period": (
        "@ 后面的域名不完整（应含有点，如 example.com）",
        "the domain after the @ is incomplete (it should have a dot, e.g. example.com)",
    ),
    "reason.email-two-periods": ("含有连续的两个点", "it has two dots in a row"),
    "reason.email-period": ("点（.）的位置不对", "a dot (.) is out of place"),
    "reason.email-hyphen": ("连字符（-）的位置不对", "a hyphen (-) is out of place"),
    "reason.email-characters": ("含有不允许的字符", "it contains characters that are not allowed"),
    "reason.email-too-long": ("地址过长", "the address is too long"),
    # --- numbers -------------------------------------------------------------------------
    "invalid-license-number.unusual": (
        "license.number 许可证编号 {number} 格式少见（{what}），请与许可证正本核对",
        "license.number: the licence number {number} has an unusual form ({what}); "
        "check it against the licence",
    ),
    "invalid-license-number.invalid": (
        "license.number 许可证编号 {number} 无效：{why}（应如 京B2-20210001，"
        "跨地区许可证如 B2-20090237）",
        "license.number: the licence number {number} is invalid: {why} (expected e.g. "
        "“京B2-20210001”, or “B2-20090237” for a cross-regional licence)",
    ),
    "reason.unknown-license-form": ("不是已知的编号格式", "it has none of the known forms"),
    "reason.unknown-license-prefix": (
        "前缀“{prefix}”不是任何发证机关的许可证前缀",
        "the prefix “{prefix}” is not a licence prefix of any authority",
    ),
    "reason.future-year": ("年份 {year} 晚于今年", "the year {year} is after this year"),
    "variant.two-classes": (
        "一证含两类业务（如 B1.B2）",
        "both classes on one licence (such as B1.B2)",
    ),
    "variant.suffix": ("带 -N 后缀", "a -N suffix"),
    "variant.basic-telecom": ("基础电信业务类别（A1/A2）", "a basic-telecom class (A1/A2)"),
    "variant.old-form": ("旧式编号（如 B-2-4-）", "an old-style number (such as B-2-4-)"),
    "variant.old-icp-certificate": ("旧式 ICP 证编号", "an old ICP certificate number"),
    "province-mismatch.license": (
        "许可证编号 {number} 属于{owner}，与所选发证机关{selected}不一致"
        "（请检查 --province 与 dossier.yaml 的 authority）",
        "The licence number {number} belongs to {owner}, not to the selected authority, "
        "{selected} (check --province and authority in dossier.yaml)",
    ),
    "province-mismatch.declared": (
        "dossier.yaml 的 authority 为{declared}，但所选发证机关为{selected}（--province）",
        "authority in dossier.yaml is {declared}, but the selected authority is "
        "{selected} (--province)",
    ),
    "invalid-filing-number.form": (
        "domains[{i}].filing_number：{domain} 的备案号 {number} 无效"
        "（应如 京ICP备12345678号-1，8 位或 10 位数字）",
        "domains[{i}].filing_number: the filing number {number} of {domain} is invalid "
        "(expected e.g. “京ICP备12345678号-1”, with 8 or 10 digits)",
    ),
    "invalid-filing-number.prefix": (
        "domains[{i}].filing_number：{domain} 的备案号 {number} 无效："
        "前缀“{prefix}”不是任何省份的备案前缀",
        "domains[{i}].filing_number: the filing number {number} of {domain} is invalid: "
        "“{prefix}” is not the filing prefix of any province",
    ),
    "invalid-filing-number.old-certificate": (
        "domains[{i}].filing_number：{number} 是旧式 ICP 证编号，不是备案号；"
        "请填写 {domain} 的 ICP 备案号",
        "domains[{i}].filing_number: {number} is an old ICP certificate number, not a filing "
        "number; give the ICP filing number (“ICP备”) of {domain}",
    ),
    "province-mismatch.filing": (
        "{domain} 的备案号 {number} 属于{owner}，而许可证由{selected}管辖；"
        "请确认备案主体与许可证持有人一致",
        "The filing number {number} of {domain} is from {owner}, while the licence is "
        "under {selected}; check that the site's operator is the licensee",
    ),
}

# --- #12 verdicts ------------------------------------------------------------------------------
MESSAGES.update(
    {
        "file-too-large.policy": (
            "文件大小 {size}，超过 {limit}：上传可能失败（这是本工具的默认策略，"
            "未见官方公布的单个文件上限；可在规则中用 warn_file_size 调整）",
            "the file is {size}, more than {limit}: the upload may fail (the tool's own "
            "policy: no official per-file limit is published; change it with warn_file_size "
            "in the rules)",
        ),
    }
)
