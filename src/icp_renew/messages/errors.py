"""Messages of user errors (exit 2): files that cannot be read, YAML and schema errors,
dates, rule files, options. Each is one line after ``file:line: field:``."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- the line itself -----------------------------------------------------------------
    "line": ("icp-renew: 错误：{message}", "icp-renew: error: {message}"),
    "interrupted": ("icp-renew: 已中断", "icp-renew: interrupted"),
    "aborted": ("icp-renew: 已取消", "icp-renew: aborted"),
    # --- files ---------------------------------------------------------------------------
    "file-not-found": ("文件不存在", "file not found"),
    "no-such-folder": ("文件夹不存在", "no such folder"),
    "file-too-large": ("文件大于 {mib} MiB", "file is larger than {mib} MiB"),
    "not-text": ("不是文本文件（含有 NUL 字节）", "not a text file (contains NUL bytes)"),
    "not-utf8": (
        "不是有效的 UTF-8 编码（第 {byte} 字节）；请将文件另存为 UTF-8",
        "not valid UTF-8 (byte {byte}); save the file as UTF-8",
    ),
    "cannot-read": ("无法读取：{reason}", "cannot read: {reason}"),
    "cannot-read-folder": ("无法读取该文件夹：{reason}", "cannot read the folder: {reason}"),
    "cannot-write": ("无法写入：{reason}", "cannot write: {reason}"),
    "os-permission": ("没有权限", "Permission denied"),
    "os-not-found": ("文件或文件夹不存在", "No such file or directory"),
    "os-no-space": ("磁盘空间不足", "No space left on device"),
    "os-read-only": ("文件系统为只读", "Read-only file system"),
    "os-is-directory": ("这是一个文件夹", "Is a directory"),
    "os-not-directory": ("路径中有一项不是文件夹", "Not a directory"),
    "os-exists": ("已存在", "File exists"),
    "os-link-loop": ("符号链接层数过多", "Too many levels of symbolic links"),
    "os-name-too-long": ("文件名过长", "File name too long"),
    "os-other": ("系统错误", "system error"),
    # --- YAML ----------------------------------------------------------------------------
    "yaml-is-directory": ("这是一个文件夹，应为 YAML 文件", "is a directory, expected a YAML file"),
    "yaml-invalid": ("YAML 格式错误", "invalid YAML"),
    "yaml-too-deep": ("YAML 格式错误：嵌套层数过多", "invalid YAML: nested too deeply"),
    "yaml-tab": (
        "YAML 格式错误：含有制表符（Tab）；YAML 只能用空格缩进",
        "invalid YAML: a tab character; YAML is indented with spaces only",
    ),
    "yaml-mapping-value": (
        "YAML 格式错误：此处不能出现“键: 值”（检查缩进，或给含冒号的值加引号）",
        "invalid YAML: a “key: value” is not allowed here (check the indentation, or quote a "
        "value that contains a colon)",
    ),
    "yaml-expected-colon": (
        "YAML 格式错误：缺少冒号（:）",
        "invalid YAML: a colon (:) is missing",
    ),
    "yaml-expected-key": (
        "YAML 格式错误：缩进不一致",
        "invalid YAML: the indentation is inconsistent",
    ),
    "yaml-expected-dash": (
        "YAML 格式错误：列表项应以“- ”开头，且缩进一致",
        "invalid YAML: a list item must start with “- ” at the same indentation",
    ),
    "yaml-unclosed-list": ("YAML 格式错误：方括号 [ 没有闭合", "invalid YAML: a [ is not closed"),
    "yaml-unclosed-mapping": (
        "YAML 格式错误：花括号 {{ 没有闭合",
        "invalid YAML: a {{ is not closed",
    ),
    "yaml-undefined-alias": (
        "YAML 格式错误：引用了未定义的锚点（*）",
        "invalid YAML: an alias (*) names no anchor",
    ),
    "yaml-unexpected-end": (
        "YAML 格式错误：文件意外结束（引号或括号没有闭合？）",
        "invalid YAML: the file ends too early (an unclosed quote or bracket?)",
    ),
    "yaml-escape": (
        "YAML 格式错误：双引号中的反斜杠（\\）转义无效；请改用单引号",
        "invalid YAML: an invalid backslash (\\) escape in double quotes; use single quotes",
    ),
    "yaml-several-documents": (
        "YAML 格式错误：应只有一个文档（去掉多余的 ---）",
        "invalid YAML: expected a single document (remove the extra ---)",
    ),
    "yaml-bad-character": (
        "YAML 格式错误：值不能以此字符开头（如 @ 或 `）；请给值加引号",
        "invalid YAML: a value cannot start with this character (such as @ or `); quote it",
    ),
    "yaml-too-many-values": (
        "值过多（超过 {limit} 个；别名会重复锚点的内容）",
        "too many values (more than {limit}; aliases repeat what an anchor holds)",
    ),
    "yaml-key-not-string": ("键必须是普通字符串", "a key must be a plain string"),
    "yaml-merge-key": ("不支持合并键（<<）", "merge keys (<<) are not supported"),
    "yaml-duplicate-key": ("键 {key} 重复", "duplicate key {key}"),
    "yaml-node": ("不支持的 YAML 节点 {node}", "unsupported YAML node {node}"),
    # --- schema (pydantic) ---------------------------------------------------------------
    "schema": ("{problem}{got}", "{problem}{got}"),
    "with-more": ("{message}{more}", "{message}{more}"),
    "schema-got": ("（实际为 {value}）", " (got {value})"),
    "schema-more": ("（另有 {n} 处错误）", " (and {n} more)"),
    "schema-missing": ("缺少必填字段", "required field is missing"),
    "schema-unknown-field": ("未知字段", "unknown field"),
    "schema-string": ("应为文字", "expected text"),
    "schema-int": ("应为整数", "expected a whole number"),
    "schema-number": ("应为数字", "expected a number"),
    "schema-bool": ("应为 true 或 false", "expected true or false"),
    "schema-list": ("应为列表", "expected a list"),
    "schema-mapping": ("应为映射（“键: 值”）", "expected a mapping (key: value)"),
    "schema-date": ("应为日期，如 2026-05-31", "expected a date such as 2026-05-31"),
    "schema-literal": ("应为以下之一：{expected}", "expected one of: {expected}"),
    "schema-too-short": ("不能为空", "must not be empty"),
    "schema-too-long": ("过长（最多 {max_length} 项）", "too long (at most {max_length})"),
    "schema-pattern": ("格式不符（{pattern}）", "does not match the form {pattern}"),
    "schema-ge": ("应不小于 {ge}", "must be {ge} or more"),
    "schema-gt": ("应大于 {gt}", "must be more than {gt}"),
    "schema-le": ("应不大于 {le}", "must be {le} or less"),
    "schema-lt": ("应小于 {lt}", "must be less than {lt}"),
    "schema-other": ("值无效（{detail}）", "{detail}"),
    # --- dates ---------------------------------------------------------------------------
    "date-type": (
        "应为日期，如 2026-05-31（实际为 {type}）",
        "expected a date such as 2026-05-31, got {type}",
    ),
    "date-invalid": (
        "日期 {value} 无效：应写作 YYYY-MM-DD、YYYY/M/D 或 YYYY年M月D日",
        "invalid date {value}: expected YYYY-MM-DD, YYYY/M/D or “YYYY年M月D日”",
    ),
    "date-out-of-range": (
        "日期 {value} 超出范围：年份应在 {min} 至 {max} 之间",
        "date out of range {value}: expected a year from {min} to {max}",
    ),
    "date-impossible": (
        "日期 {value} 不存在：没有 {iso} 这一天",
        "impossible date {value}: {iso} does not exist",
    ),
    # --- dossier.yaml --------------------------------------------------------------------
    "dossier-not-mapping": (
        "应为包含 company、license 等字段的映射（见 icp-renew schema dossier）",
        "expected a mapping with company, license, … (see `icp-renew schema dossier`)",
    ),
    "dossier-missing": (
        "没有 {file}（运行 icp-renew init 创建）",
        "no {file} (run `icp-renew init` to create one)",
    ),
    "dossier-not-folder": (
        "不是文件夹（应为含有 dossier.yaml 的材料目录）",
        "not a folder (expected a dossier folder with dossier.yaml)",
    ),
    "authority-from-number": (
        "无法从许可证编号 {number} 判断发证机关；请使用 --province，或在 dossier.yaml 中填写 authority",
        "cannot tell the issuing authority from licence number {number}; "
        "give --province or authority: in dossier.yaml",
    ),
    "province-empty": ("省份为空", "empty province"),
    "unknown-province": (
        "未知的省份或发证机关 {query}（见 icp-renew rules list）",
        "unknown province or authority {query} (see `icp-renew rules list`)",
    ),
    "unknown-province-suggest": (
        "未知的省份或发证机关 {query}；是否要找 {suggestions}？（见 icp-renew rules list）",
        "unknown province or authority {query}; did you mean {suggestions}? "
        "(see `icp-renew rules list`)",
    ),
    "unknown-industry": (
        "未知的行业 {industry}；可选：{known}",
        "unknown industry {industry}; known: {known}",
    ),
    # --- rule files ----------------------------------------------------------------------
    "rules-not-folder": ("不是规则文件夹", "not a folder of rule files"),
    "rules-not-mapping": (
        "规则文件应为含有 kind 键的映射",
        "a rule file must be a mapping with a 'kind' key",
    ),
    "rules-unknown-kind": (
        "未知的 kind {kind}：应为 {expected} 之一",
        "unknown kind {kind}: expected one of {expected}",
    ),
    "rules-no-base": (
        "没有找到 kind 为 base 的规则文件（base.yaml）",
        "no rule file of kind 'base' (base.yaml) was found",
    ),
    "rules-size": (
        "大小 {value} 无效：应写作如 5MB、20M、20MiB 或 1048576",
        "invalid size {value}: expected e.g. 5MB, 20M, 20MiB or 1048576",
    ),
    "rules-remove-source": (
        "remove 需要 remove_source：删除一项要求必须注明依据",
        "remove needs remove_source: a requirement is dropped only with a source",
    ),
    "rules-material-incomplete": (
        "材料 {id} 在此首次出现，缺少 {missing}",
        "material {id} is new here and lacks {missing}",
    ),
    "rules-unknown-category": (
        "材料 {id} 的分类 {category} 不存在",
        "material {id} names unknown category {category}",
    ),
    # --- environment and options ---------------------------------------------------------
    "epoch": (
        "应为自 1970-01-01 起的整秒数（实际为 {value}）",
        "expected whole seconds since 1970-01-01, got {value}",
    ),
    "unknown-language": (
        "未知的语言 {value}：应为 zh 或 en",
        "unknown language {value}: expected zh or en",
    ),
    "unknown-format": (
        "未知的格式 {value}：应为 {choices} 之一",
        "unknown format {value}: expected one of {choices}",
    ),
    # --- usage errors (click's English is kept in the English line) ------------------------
    "usage-line": (
        "icp-renew: 错误：{message}（见 {path} --help）",
        "icp-renew: error: {message} (see '{path} --help')",
    ),
    "usage-no-such-option": ("没有选项 {name}", "No such option: {name}"),
    "usage-no-such-option-suggest": (
        "没有选项 {name}；是否要用 {suggestions}？",
        "No such option: {name} (did you mean {suggestions}?)",
    ),
    "usage-missing-argument": ("缺少参数 {name}", "Missing argument {name}"),
    "usage-missing-option": ("缺少选项 {name}", "Missing option {name}"),
    "usage-needs-value": ("选项 {name} 需要一个值", "Option {name} requires an argument"),
    "usage-bad-value": ("{name} 的值无效", "Invalid value for {name}"),
    "usage-no-such-command": ("没有命令 {name}", "No such command {name}"),
    "usage-extra-argument": ("多余的参数", "unexpected extra argument"),
    "usage-other": ("命令行用法错误", "invalid usage"),
    # --- options -------------------------------------------------------------------------
    "province-required": (
        "必须给出 --province（如 --province 北京）",
        "--province is required (e.g. --province beijing)",
    ),
    "not-a-folder": ("不是文件夹", "not a folder"),
    "jobs-negative": ("应为 0 或更大的数（实际为 {value}）", "must be 0 or more, got {value}"),
    "unknown-schema": (
        "未知的 schema {value}：应为 dossier 或 rules",
        "unknown schema {value}: expected dossier or rules",
    ),
}
