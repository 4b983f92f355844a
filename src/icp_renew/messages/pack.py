"""Messages of ``pack`` and ``verify``: errors while packing, and verify's problems."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- pack: errors --------------------------------------------------------------------
    "output-no-folder": ("所在文件夹不存在", "the folder does not exist"),
    "output-inside": (
        "位于材料目录内；请将压缩包写到其他位置",
        "is inside the dossier; write the bundle somewhere else",
    ),
    "output-is-folder": ("是文件夹，应为 .zip 文件名", "is a folder, expected a .zip file name"),
    "output-exists": (
        "已存在；使用 --overwrite 覆盖",
        "exists; use --overwrite to replace it",
    ),
    "output-appeared": (
        "在打包期间出现，未覆盖（使用 --overwrite）",
        "appeared while packing; not overwritten (use --overwrite)",
    ),
    "split-too-small": (
        "分类 {folder} 在一个分卷中需要 {need} 字节，超过分卷大小 {limit} 字节；"
        "请增大 --split-size 或缩小扫描件",
        "category {folder} needs {need} bytes in a volume, more than the split size "
        "of {limit} bytes; use a larger --split-size or smaller scans",
    ),
    "cannot-write-nothing-written": (
        "无法写入：{reason}；未生成压缩包",
        "cannot write: {reason}; no bundle was written",
    ),
    "split-size-zero": ("应大于 0 字节", "must be more than 0 bytes"),
    "cannot-create": ("无法在此创建文件：{reason}", "cannot create a file here: {reason}"),
    "cannot-rename": ("无法移动到目标位置：{reason}", "cannot rename into place: {reason}"),
    "source-link": (
        "是链接（从不跟随链接，因此不打包）",
        "is a link (links are never followed, so it is not packed)",
    ),
    "source-outside": ("不在材料目录内", "is not inside the dossier"),
    "source-not-inside": ("不是材料目录内的文件", "is not a file inside the dossier"),
    "source-disappeared": (
        "在检查后消失；请重新运行 pack",
        "disappeared since the check; run pack again",
    ),
    "source-not-regular": (
        "不是普通文件（管道、设备或文件夹）",
        "is not a regular file (a pipe, device or folder)",
    ),
    "source-changed": (
        "在打包期间被修改；请重新运行 pack",
        "changed while it was being packed; run pack again",
    ),
    # --- verify: errors ------------------------------------------------------------------
    "verify-is-folder": ("是文件夹，应为 .zip 文件", "is a folder, expected a .zip file"),
    "verify-not-zip": ("不是可读取的 zip 文件", "not a readable zip file"),
    # --- verify: problems ----------------------------------------------------------------
    "verify-unsafe-name": ("不安全的条目名：{reason}", "unsafe entry name: {reason}"),
    "verify-unsafe-manifest": (
        "manifest.json 中的路径不安全：{reason}",
        "unsafe path in manifest.json: {reason}",
    ),
    "verify-unsafe-sums": (
        "SHA256SUMS 中的路径不安全：{reason}",
        "unsafe path in SHA256SUMS: {reason}",
    ),
    "unsafe-empty": ("名称为空", "empty name"),
    "unsafe-backslash": ("含有反斜杠", "contains a backslash"),
    "unsafe-absolute": ("是绝对路径", "absolute path"),
    "unsafe-drive": ("含有盘符", "starts with a drive letter"),
    "unsafe-control": ("含有控制字符", "contains a control character"),
    "unsafe-dotdot": (
        "含有 ..，会写到解压目录之外",
        "contains .., escapes the extraction folder",
    ),
    "unsafe-empty-segment": ("含有空路径段或 .", "contains an empty or . path segment"),
    "verify-duplicate": ("条目重复出现", "the entry appears more than once"),
    "verify-case-clash": (
        "与 {other} 仅大小写或 Unicode 形式不同，解压时会冲突",
        "differs from {other} only in case or Unicode form; they clash when extracted",
    ),
    "verify-link": ("条目是符号链接", "the entry is a symbolic link"),
    "verify-special": ("条目不是普通文件", "the entry is not a regular file"),
    "verify-bomb-entry": (
        "声明大小 {size} 字节（压缩比 {ratio}）超出限制，未读取",
        "declares {size} bytes (ratio {ratio}:1), over the limits; not read",
    ),
    "verify-bomb-total": (
        "全部条目共声明 {total} 字节，超出限制",
        "the entries declare {total} bytes in all, over the limit",
    ),
    "verify-too-many": ("条目过多（{n} 个）", "too many entries ({n})"),
    "verify-overlap": ("与 {other} 的数据重叠", "overlaps the data of {other}"),
    "verify-no-manifest": ("缺少 manifest.json", "manifest.json is missing"),
    "verify-manifest-unreadable": (
        "manifest.json 无法读取或缺少 files",
        "manifest.json is unreadable or has no files list",
    ),
    "verify-schema-version": (
        "不支持的 schema_version：{version}",
        "unsupported schema_version {version}",
    ),
    "verify-manifest-entry": (
        "files[{i}] 缺少有效的 path、sha256 或 size",
        "files[{i}] lacks a valid path, sha256 or size",
    ),
    "verify-manifest-twice": ("manifest.json 重复列出该文件", "listed twice in manifest.json"),
    "verify-no-sums": ("缺少 SHA256SUMS", "SHA256SUMS is missing"),
    "verify-sums-unreadable": ("SHA256SUMS 无法读取", "SHA256SUMS is unreadable"),
    "verify-sums-line": (
        "第 {number} 行不是 sha256sum 格式",
        "line {number} is not in sha256sum format",
    ),
    "verify-sums-twice": (
        "SHA256SUMS 对同一文件给出不同的校验值",
        "listed twice with different hashes",
    ),
    "verify-hash-differs": (
        "manifest.json 与 SHA256SUMS 的校验值不一致",
        "manifest.json and SHA256SUMS give different hashes",
    ),
    "verify-only-in-sums": (
        "列在 SHA256SUMS 中，但不在 manifest.json 中",
        "listed in SHA256SUMS but not in manifest.json",
    ),
    "verify-only-in-manifest": (
        "列在 manifest.json 中，但不在 SHA256SUMS 中",
        "listed in manifest.json but not in SHA256SUMS",
    ),
    "verify-missing-entry": ("清单中列出的文件不在压缩包中", "listed but not in the bundle"),
    "verify-extra-entry": ("压缩包中有清单未列出的条目", "in the bundle but not listed"),
    "verify-unreadable": ("无法读取：{reason}", "cannot be read: {reason}"),
    "verify-damaged": ("条目已损坏", "the entry is damaged"),
    "verify-crc": ("CRC 校验失败，内容已被改动", "its CRC does not match: altered"),
    "verify-sha256": (
        "内容与清单中的 sha256 不符，已被改动",
        "its content does not match the listed sha256: altered",
    ),
    "icp-renew-pack-refused-nothing": (
        "icp-renew: 拒绝打包：{count}；未写入任何文件（修正后重试，或用 --force 强制打包）",
        "icp-renew: pack refused: {count}; nothing written (fix them, or use --force to pack anyway)",
    ),
    "wrote-files": (
        "已写入 {path}：{files} 个文件，{size}",
        "wrote {path}: {files:file|files}, {size}",
    ),
    "icp-renew-unassigned-or-unsafe": (
        "icp-renew: {skipped} 个未归类或不安全的文件未打包（见 icp-renew check）",
        "icp-renew: {skipped:unassigned or unsafe file|unassigned or unsafe files} not packed (see icp-renew check)",
    ),
    "icp-renew-warning-s-see": (
        "icp-renew: 有 {warnings} 个警告（见 icp-renew check）",
        "icp-renew: {warnings:warning|warnings} (see icp-renew check)",
    ),
    "icp-renew-packed-with-force": (
        "icp-renew: 已强制打包（--force），{forced} 项发现已记录在 manifest.json 中",
        "icp-renew: packed with --force; {forced:finding|findings} recorded in manifest.json",
    ),
    "problem": ("{name}: {n} 个问题", "{name}: {n:problem|problems}"),
    "icp-renew-interrupted-no-bundle": (
        "icp-renew: 已中断：未写入打包文件（临时文件已删除）",
        "icp-renew: interrupted: no bundle written (the partial file was removed)",
    ),
    "refused-count": ("{errors} 个错误", "{errors:error|errors}"),
    "refused-count-strict": (
        "{errors} 个错误，{warnings} 个警告（--strict）",
        "{errors:error|errors}, {warnings:warning|warnings} under --strict",
    ),
}

# --- #12 verdicts ------------------------------------------------------------------------------
MESSAGES.update(
    {
        "index-year": ("{year} 年度", "year {year}"),
        "verify-ok": (
            "：完好：所列 {verified} 个文件的 sha256 全部一致",
            ": ok: all {verified} listed files match their sha256",
        ),
        "verify-ok-sums": (
            "（共 {entries} 个条目，含 SHA256SUMS 本身）",
            " ({entries} entries, SHA256SUMS included)",
        ),
        "report-in-dossier": (
            "位于正在检查的材料目录 {dossier} 之内；请把报告写到其他位置",
            "is inside the dossier {dossier} being checked; write the report somewhere else",
        ),
    }
)
