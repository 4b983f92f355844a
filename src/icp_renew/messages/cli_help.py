"""Help screens: what ``icp-renew … --help`` says about each command and option.

Keys (rendered by :mod:`icp_renew.cli.helpscreen`):

- ``"<command>"``: the command's one-line summary, also its line in the command list;
  ``<command>`` is the command path without the program name, sub-commands joined by a
  dot (``"rules.show"``); the program itself is ``"icp-renew"``.
- ``"<command>.about"`` (optional): more paragraphs, one line each (the screen wraps them).
- ``"<command>.--<option>"``: an option's help; ``"<command>.<METAVAR>"``: an argument's.
- ``"*.--<option>"``: an option shared by several commands (same name, same meaning),
  used where the command has no entry of its own.
- ``"ui.<word>"``: the words of the screen itself (usage, options, default …).
- ``"format.<command>.<name>"``: a ``--format`` choice, listed in that option's help
  through its ``{formats}`` placeholder.

:data:`EXAMPLES` holds each command's worked example, a command line in each language
(a Chinese folder name in the Chinese help): commands, not sentences, so they are kept
apart from :data:`MESSAGES` and its one-language-per-text test.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # the screen
    "ui.usage": ("用法：", "Usage: "),
    "ui.OPTIONS": ("[选项]", "[OPTIONS]"),
    "ui.COMMAND": ("命令 [参数]...", "COMMAND [ARGS]..."),
    "ui.arguments": ("参数", "Arguments"),
    "ui.options": ("选项", "Options"),
    "ui.commands": ("命令", "Commands"),
    "ui.example": ("示例", "Example"),
    "ui.default": ("[默认：{value}]", "[default: {value}]"),
    "ui.env": ("[环境变量：{name}]", "[env: {name}]"),
    "ui.list-comma": ("、", ", "),
    "ui.format-item": ("{name}（{desc}）", "{name} ({desc})"),
    "ui.completion-installed": (
        "已为 {shell} 安装命令补全：{path}（重新打开终端后生效）",
        "{shell} completion installed in {path} (it takes effect in a new terminal)",
    ),
    "ui.unknown-shell": (
        "不支持的 shell {shell!r}：可选 {known}",
        "unsupported shell {shell!r}: expected one of {known}",
    ),
    "ui.no-shell": (
        "无法识别当前 shell：请指定，如 --install-completion zsh",
        "cannot tell which shell this is: name it, as in --install-completion zsh",
    ),
    # options shared by several commands
    "*.--help": ("显示本帮助并退出。", "Show this help and exit."),
    "*.--jobs": (
        "N 个工作进程并行检查多个材料目录或一个大文件夹中的文件（默认：工作量足够大时按 CPU "
        "数；1：不并行；0：按 CPU 数）。",
        "N worker processes, for many dossiers or for the files of a big one (default: one per "
        "CPU when the work is large enough; 1: serial; 0: one per CPU).",
    ),
    "*.--lang": (
        "输出语言：zh 或 en（默认按系统区域设置）。",
        "Language of the output: zh or en (default: from the locale).",
    ),
    "*.--rules": (
        "额外的或用于替换的规则文件夹；可重复。",
        "A folder of extra or replacement rule files; repeatable.",
    ),
    "*.--today": (
        "把 DATE 当作今天（YYYY-MM-DD）。",
        "Treat DATE as today (YYYY-MM-DD).",
    ),
    "*.--filing-date": (
        "预计提交申请的日期（YYYY-MM-DD），所需年份从此日往前算；默认为 --today。",
        "The date you will file (YYYY-MM-DD); the years required count back from it. "
        "Default: --today.",
    ),
    "*.--province": (
        "发证机关：拼音、ISO 代码、中文名或简称，如 beijing、CN-BJ、北京、京；"
        "写成城市名（如 深圳）时会提示所在省份。",
        "Issuing authority: its slug, ISO code, Chinese name or prefix, such as beijing, "
        "CN-BJ, '北京' or '京'; a city name gets a hint naming its province.",
    ),
    "*.--industry": (
        "前置审批行业，如 news、drugs 或中文名 新闻；可重复。",
        "Prior-approval industry, such as news or drugs (Chinese names work too); repeatable.",
    ),
    "*.--service": (
        "业务种类代码，如 B25（默认）；可重复。",
        "Licence service code, such as B25 (the default); repeatable.",
    ),
    "*.--output": (
        "把结果写入 FILE，而不是标准输出。",
        "Write the result to FILE instead of standard output.",
    ),
    "*.--quiet": ("只输出问题。", "Print only problems."),
    "*.--show-pii": (
        "完整显示身份证号码和手机号码（默认打码）。",
        "Show ID and mobile numbers in full (masked by default).",
    ),
    # icp-renew
    "icp-renew": (
        "增值电信业务经营许可证（ICP 许可证）续期工具：检查材料、计算申请截止日、打包上传。",
        "Check, schedule and bundle the renewal dossier of a Chinese value-added telecom "
        "(ICP) licence.",
    ),
    "icp-renew.about": (
        "先用 init 建立材料目录并放入扫描件，再用 check 检查、deadline 计算截止日、"
        "pack 打包上传。每个命令的 --help 说明其选项。",
        "Start with init to create the dossier folders and put the scans in them; then "
        "check them, compute the deadline and pack the upload bundle. Each command's "
        "--help explains its options.",
    ),
    "icp-renew.--version": ("显示版本号和规则版本。", "Show the version and the rules version."),
    "icp-renew.--install-completion": (
        "为 SHELL（bash、zsh、fish 或 powershell；默认为当前 shell）安装命令补全。",
        "Install completion for SHELL (bash, zsh, fish or powershell; default: the current shell).",
    ),
    "icp-renew.--show-completion": (
        "输出 SHELL 的补全脚本，以便复制或自行安装。",
        "Print the completion script for SHELL, to copy it or install it yourself.",
    ),
    # check
    "check": (
        "检查续期材料：按发证机关和前置审批行业的规则逐项核对材料目录。",
        "Check dossier folders against the rules of their issuing authority and industries.",
    ),
    "check.about": (
        "退出码：0 表示没有错误（警告不影响，除非使用 --strict）；1 表示有错误"
        "（使用 --strict 时警告也算）；2 表示某个材料目录或选项无法使用。",
        "Exit code 0 when nothing is at error level (warnings allowed unless --strict), "
        "1 with errors (or warnings, with --strict), 2 when a dossier or an option cannot "
        "be used.",
    ),
    "check.DOSSIER": (
        "材料目录（内含 dossier.yaml），或其 dossier.yaml 文件。",
        "Dossier folders (each with a dossier.yaml), or their dossier.yaml files.",
    ),
    "check.--format": ("报告格式：{formats}。", "Report format: {formats}."),
    "check.--strict": (
        "警告也视为不通过（退出码 1）。",
        "Warnings fail the check too (exit code 1).",
    ),
    "check.--ocr": (
        "在本机离线识别扫描件上的文字，与 dossier.yaml 核对；需要 pip install 'icp-renew[ocr]'。",
        "Read the scans back (offline, on this machine) and compare them with dossier.yaml; "
        "needs pip install 'icp-renew[ocr]'.",
    ),
    "check.--ocr-clear-cache": (
        "先清空扫描件识别结果的缓存（所有扫描件重新识别）。",
        "Empty the cache of recognised scans first (every scan is read again).",
    ),
    "format.check.text": (
        "供人阅读，按类别分组，附提示",
        "for people, grouped by category, with hints",
    ),
    "format.check.json": ("机器可读的报告", "the machine-readable report"),
    "format.check.junit": (
        "供 Jenkins 和 GitLab 使用的 JUnit XML",
        "JUnit XML for Jenkins and GitLab",
    ),
    "format.check.sarif": ("供代码扫描使用的 SARIF 2.1.0", "SARIF 2.1.0 for code scanning"),
    "format.check.github": ("GitHub Actions 工作流命令", "GitHub Actions workflow commands"),
    "format.check.markdown": ("Markdown 摘要", "a Markdown summary"),
    "format.check.html": (
        "单个自包含网页，含扫描件预览",
        "one self-contained page, with scan previews",
    ),
    "format.status.html": (
        "单个自包含网页，含到期日图表",
        "one self-contained page, with a chart of the due dates",
    ),
    # deadline
    "deadline": (
        "计算续期申请截止日：许可证到期前 90 日，并给出此前最后一个工作日。",
        "Compute renewal filing deadlines: 90 days before expiry, and the last working day "
        "before that.",
    ),
    "deadline.about": (
        "依据《电信业务经营许可管理办法》第二十七条，续期申请应在许可证有效期届满 90 日前提出。"
        "退出码：0 正常；使用 --fail-within N 时，若有截止日在 N 天内或已过则为 1；输入有误为 2。",
        "Telecom Business Licensing Measures, Art. 27: apply at least 90 days before the "
        "licence expires. Exit code 0; 1 with --fail-within N when a deadline is N days "
        "away or fewer, or past; 2 on bad input.",
    ),
    "deadline.DOSSIER": (
        "材料目录或 dossier.yaml 文件（读取其中的 license.expires）。",
        "Dossier folders or dossier.yaml files (license.expires is read).",
    ),
    "deadline.--expires": (
        "许可证上的有效期至：2026-05-31、2026/5/31 或 2026年5月31日。",
        "The expiry date printed on the licence: 2026-05-31, 2026/5/31 or '2026年5月31日'.",
    ),
    "deadline.--issued": (
        "发证日期；未给 --expires 时据此推算到期日（5 年减 1 天），并标注为推算。",
        "The issue date; without --expires the expiry is derived from it (5 years less a "
        "day) and labelled as derived.",
    ),
    "deadline.--license": (
        "许可证编号，如 京B2-20210001。",
        "The licence number, such as '京B2-20210001'.",
    ),
    "deadline.--csv": (
        "许可证清单：CSV 文件，列为 name、license_number、expires。",
        "A portfolio: a CSV file with the columns name, license_number and expires.",
    ),
    "deadline.--encoding": (
        "--csv 文件的编码（默认 UTF-8），如 gbk。",
        "The encoding of the --csv file (default UTF-8), such as gbk.",
    ),
    "deadline.--due-soon-days": (
        "截止日在 N 天内时，状态为即将到期（due-soon）。",
        "The status is due-soon when the deadline is N days away or fewer.",
    ),
    "deadline.--fail-within": (
        "有截止日在 N 天内或已过时，退出码为 1（用于 CI）。",
        "Exit with code 1 when a filing deadline is N days away or fewer, or past (for CI).",
    ),
    "deadline.--holidays": (
        "YAML 文件，补充日历尚未收录的某年法定节假日（year、off、work）；可重复。",
        "A YAML file with a year's official holidays (year, off, work) that the calendar "
        "lacks; repeatable.",
    ),
    "deadline.--format": ("输出格式：text、json 或 ics。", "Output format: text, json or ics."),
    # pack
    "pack": (
        "打包上传材料：检查通过后按类别生成 zip 文件。",
        "Build the upload bundle (.zip) by category, after a passing check.",
    ),
    "pack.about": (
        "先检查材料；有错误时拒绝打包（退出码 1，不写任何文件），除非使用 --force。"
        "同样的输入生成逐字节相同的 zip。",
        "The dossier is checked first: with errors nothing is written (exit code 1) unless "
        "--force. The same input gives a byte-identical zip.",
    ),
    "pack.DOSSIER": ("材料目录。", "The dossier folder."),
    "pack.--output": (
        "要写入的打包文件（默认在当前文件夹，以许可证编号和申请日期命名）。",
        "The bundle to write (default: in the current folder, named after the licence "
        "number and the filing date).",
    ),
    "pack.--force": (
        "即使有错误也打包，并把问题记入 manifest.json。",
        "Pack despite errors and record them in manifest.json.",
    ),
    "pack.--strict": ("有警告时也拒绝打包。", "Refuse on warnings too."),
    "pack.--jobs": (
        "检查时 N 个工作进程读取文件，打包时 N 个线程复制文件（默认：按 CPU 数，文件较少时"
        "不并行；1：先检查后复制，均不并行）。",
        "N worker processes read the files for the check and N threads copy them into the "
        "bundle (default: one per CPU, serial for a small dossier; 1: check, then copy, both "
        "serial).",
    ),
    "pack.--overwrite": ("覆盖已有的打包文件。", "Replace an existing bundle."),
    "pack.--layout": (
        "目录结构：categories（每个类别一个文件夹）或 flat（不分文件夹）。",
        "Layout: categories (a folder per category) or flat.",
    ),
    "pack.--compress": (
        "压缩各文件（默认按原样存储）。",
        "Compress the entries (default: stored as they are).",
    ),
    "pack.--split-size": (
        "按类别分卷，每卷不超过 SIZE（如 20MB）。",
        "Split into volumes of at most SIZE (such as 20MB) along category lines.",
    ),
    # verify
    "verify": (
        "校验打包文件：按 manifest 和 SHA256SUMS 重新计算哈希，发现篡改。",
        "Re-hash a bundle against its manifest and SHA256SUMS and report tampering.",
    ),
    "verify.about": (
        "不解压任何内容。退出码：0 完好；1 有问题；2 文件不是可读的 zip。",
        "Nothing is extracted. Exit code 0 when intact, 1 on any problem, 2 for a file "
        "that is not a readable zip.",
    ),
    "verify.BUNDLE": ("要校验的打包文件（.zip）。", "The bundles to check (.zip)."),
    "verify.--format": ("输出格式：text 或 json。", "Output format: text or json."),
    # init
    "init": (
        "建立材料目录：按材料清单创建编号文件夹和带注释的 dossier.yaml。",
        "Create the numbered material folders of the checklist and a commented dossier.yaml.",
    ),
    "init.about": (
        "文件夹按清单顺序编号（如 1-基础资质文件/1.1-营业执照副本/）。已有文件从不覆盖；"
        "对已有的材料目录再次运行可补建缺少的文件夹（此时省份、行业和业务种类从其 "
        "dossier.yaml 读取）；新加的 --industry、--service 写入其列表，文件其余内容不变。",
        "Folders are numbered in checklist order. Existing files are never overwritten; "
        "run it again on an existing dossier to add missing folders (the province, "
        "industries and services are then read from its dossier.yaml); a new --industry or "
        "--service is added to its list there, the rest of the file left as it was.",
    ),
    "init.DOSSIER": ("要创建或补全的材料目录。", "The dossier folder to create or complete."),
    "init.--force": (
        "--province 与已有许可证的发证机关不同时，仍按 --province 的清单建立文件夹。",
        "Create the folders of --province's checklist even when the dossier's licence was "
        "issued by another authority.",
    ),
    # rules
    "rules": (
        "查看生效的材料清单，检查规则文件。",
        "Inspect the effective checklist and lint rule files.",
    ),
    "rules.list": (
        "列出发证机关和前置审批行业。",
        "List the issuing authorities and prior-approval industries.",
    ),
    "rules.list.--format": ("输出格式：text 或 json。", "Output format: text or json."),
    "rules.show": (
        "查看某个发证机关的材料清单，含行业和业务种类的附加要求。",
        "Print the checklist of one authority, with what industries and services add.",
    ),
    "rules.show.--format": (
        "输出格式：text、json 或 markdown。",
        "Output format: text, json or markdown.",
    ),
    "rules.lint": (
        "检查规则文件：结构、来源、编号和前缀是否唯一、条件是否已知。",
        "Check rule files: schema, sources, unique ids and prefixes, known conditions.",
    ),
    "rules.lint.about": (
        "退出码：0 没有问题；1 有问题。",
        "Exit code 0 when clean, 1 with problems.",
    ),
    "rules.lint.DIR": (
        "要检查的规则文件夹（默认为随附的规则）。没有 base.yaml 时，作为随附规则的补充层检查。",
        "The rule folder to lint (default: the shipped rules). Without a base.yaml it is "
        "linted as an overlay on the shipped rules.",
    ),
    "rules.lint.--format": (
        "输出格式：text、json 或 github。",
        "Output format: text, json or github.",
    ),
    # schema
    # status (#11)
    "status": (
        "续期进度：每个材料目录所处阶段、提醒和下一项待办，也是代理机构的客户总览。",
        "Where each renewal stands: its stage, alerts and what is due next, for one dossier "
        "or an agency's portfolio.",
    ),
    "status.about": (
        "阶段和提醒来自 dossier.yaml 的 timeline:（用 icp-renew record 追加）。多个材料目录按最近截止日排序，"
        "无法读取的材料目录也占一行。退出码：0 没有错误级提醒；1 有错误级提醒，或使用 --fail-within N 时"
        "有提醒在 N 天内到期或已过；2 输入有误。",
        "The stage and alerts come from timeline: in dossier.yaml (add events with icp-renew "
        "record). Many dossiers are sorted by the nearest due date; one that cannot be read "
        "keeps its line. Exit code 0 with no error-level alert; 1 with one, or with "
        "--fail-within N when an alert is due within N days or past; 2 on bad input.",
    ),
    "status.DOSSIER": (
        "材料文件夹（内含 dossier.yaml），或其 dossier.yaml 文件。",
        "Dossier folders (each with a dossier.yaml), or their dossier.yaml files.",
    ),
    "status.--format": ("输出格式：{formats}。", "Output format: {formats}."),
    "status.--fail-within": (
        "有提醒在 N 天内到期或已过时，退出码为 1（用于 CI）。",
        "Exit with code 1 when an alert is due within N days or past (for CI).",
    ),
    "status.--check": (
        "同时检查每个材料目录的材料，并在其行中列出错误数和警告数。",
        "Also check each dossier and show its errors and warnings on its line.",
    ),
    "format.status.text": (
        "供人阅读：一个材料目录的详情，或多个材料目录的表格",
        "for people: one dossier in full, or a table",
    ),
    "format.status.json": ("机器可读的进度文档", "the status document"),
    "format.status.csv": (
        "每个材料目录一行，UTF-8 带 BOM，Excel 可直接打开",
        "one row per dossier, UTF-8 with a BOM for Excel",
    ),
    "format.status.markdown": (
        "Markdown 表格及各材料目录的提醒",
        "a Markdown table and the alerts",
    ),
    # record (#11)
    "record": (
        "在 dossier.yaml 的 timeline: 末尾追加一个事件，其余内容逐字节保留。",
        "Append one event to timeline: in dossier.yaml, keeping every other byte.",
    ),
    "record.about": (
        "事件须合乎时间线（如 approved 之前须有 submitted，日期不得早于上一事件），否则退出码为 2，"
        "文件不变。写入是原子的。",
        "The event must fit the timeline (approved needs a submitted event before it; no date "
        "before the previous event's), else exit code 2 and the file is unchanged. The write "
        "is atomic.",
    ),
    "record.DOSSIER": (
        "材料文件夹或其 dossier.yaml 文件。",
        "The dossier folder or its dossier.yaml file.",
    ),
    "record.EVENT": (
        "事件：submitted、accepted、correction-requested、correction-submitted、approved、"
        "rejected、license-received、archived、annual-report-filed、change-filed。",
        "The event: submitted, accepted, correction-requested, correction-submitted, approved, "
        "rejected, license-received, archived, annual-report-filed or change-filed.",
    ),
    "record.--date": ("事件发生的日期；默认为 --today。", "The day it happened; default: --today."),
    "record.--due": (
        "correction-requested：补正通知所载的答复期限。",
        "correction-requested: the answer is due on DATE, as the notice says.",
    ),
    "record.--reference": (
        "受理号、文号等。",
        "A reference: the filing number, the notice's number.",
    ),
    "record.--note": ("备注。", "A note."),
    "record.--number": (
        "license-received：新许可证编号。",
        "license-received: the new licence number.",
    ),
    "record.--issued": (
        "license-received：新证的发证日期。",
        "license-received: the new licence's issue date.",
    ),
    "record.--expires": (
        "license-received：新证的有效期至。",
        "license-received: the new licence's expiry.",
    ),
    "record.--services": (
        "license-received：新证的业务种类，以逗号分隔，如 B25,B21。",
        "license-received: the new licence's services, comma-separated, such as B25,B21.",
    ),
    "record.--year": (
        "annual-report-filed：年报所属年度。",
        "annual-report-filed: the year reported.",
    ),
    "init.--next": (
        "依据已领新证（或已归档）的材料目录开始下一次续期：新许可证成为现有许可证，企业信息沿用，"
        "时间线清空；原材料目录不作改动。",
        "Start the next renewal from ARCHIVED, whose new licence arrived: the new licence "
        "becomes the current one, the company data is carried over, the timeline starts "
        "empty; ARCHIVED is not changed.",
    ),
    "pack.--archive": (
        "归档包：上传材料加申报与审批记录（受理通知书、补正通知书、准予延续决定书、新许可证）"
        "和时间线；领取新许可证之前拒绝。",
        "The archive: the bundle plus the filing and decision records and the timeline; "
        "refused before the new licence (license-received).",
    ),
    "schema": (
        "输出 JSON Schema：dossier.yaml 或规则文件的结构，供编辑器和 check-jsonschema 使用。",
        "Print the JSON Schema of dossier.yaml or of a rule file, for editors and "
        "check-jsonschema.",
    ),
    "schema.SCHEMA": ("dossier 或 rules。", "dossier or rules."),
}

#: command → its worked example (Chinese help, English help)
EXAMPLES: dict[str, tuple[str, str]] = {
    "icp-renew": (
        "icp-renew init 续期材料 --province 北京",
        "icp-renew init my-dossier --province beijing",
    ),
    "check": (
        "icp-renew check 续期材料 --format junit -o report.xml",
        "icp-renew check clients/* --format junit -o report.xml",
    ),
    "deadline": (
        "icp-renew deadline --expires 2026-05-31 -l 京B2-20210001",
        "icp-renew deadline --expires 2026-05-31 --fail-within 30",
    ),
    "pack": ("icp-renew pack 续期材料 -o 续期材料.zip", "icp-renew pack my-dossier -o bundle.zip"),
    "verify": ("icp-renew verify 续期材料.zip", "icp-renew verify bundle.zip --format json"),
    "init": (
        "icp-renew init 续期材料 --province 北京 --industry 新闻",
        "icp-renew init my-dossier --province beijing --industry news",
    ),
    "rules": ("icp-renew rules show --province 广东", "icp-renew rules show --province guangdong"),
    "rules.list": ("icp-renew rules list", "icp-renew rules list --format json"),
    "rules.show": (
        "icp-renew rules show -p 北京 -i 药品 --format markdown",
        "icp-renew rules show -p beijing -i drugs --format markdown",
    ),
    "rules.lint": ("icp-renew rules lint 代理规则/", "icp-renew rules lint agency-rules/"),
    "status": (
        "icp-renew status 客户/* --fail-within 7",
        "icp-renew status clients/* --fail-within 7",
    ),
    "record": (
        "icp-renew record 续期材料 correction-requested --due 2026-02-27",
        "icp-renew record my-dossier correction-requested --due 2026-02-27",
    ),
    "schema": (
        "icp-renew schema dossier -o dossier.schema.json",
        "icp-renew schema dossier -o dossier.schema.json",
    ),
}
