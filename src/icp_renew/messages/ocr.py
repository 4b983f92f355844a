"""Messages of ``check --ocr``: reading the scans back (``icp_renew.ocr``, ``checks/scans.py``).

``mismatch-<field>``: the scan shows another value than dossier.yaml (``{found}``, ``{expected}``);
``unreadable-<field>``: the field was not found on the scan (``{why}``: a short reason).
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "not-installed": (
        "--ocr 需要可选组件：pip install 'icp-renew[ocr]'（本机离线识别，不联网）",
        "--ocr needs the optional extra: pip install 'icp-renew[ocr]' (offline recognition)",
    ),
    "broken-install": (
        "--ocr 的识别引擎无法加载（{reason}）；请重新安装：pip install --force-reinstall 'icp-renew[ocr]'",
        "the --ocr engine cannot be loaded ({reason}); reinstall it: "
        "pip install --force-reinstall 'icp-renew[ocr]'",
    ),
    # pdf_content's texts when the text was recognised from the scan, not read from a text layer
    "missing-text-ocr": (
        "扫描件识别出的文字中没有“{phrases}”",
        "the text recognised on the scan does not contain “{phrases}”",
    ),
    # --- scan-mismatch: the scan shows another value -------------------------------------------
    "mismatch-uscc": (
        "扫描件上的统一社会信用代码是 {found}，dossier.yaml 中是 {expected}",
        "the scan shows the USCC {found}; dossier.yaml says {expected}",
    ),
    "mismatch-company": (
        "扫描件上的企业名称是“{found}”，dossier.yaml 中是“{expected}”",
        "the scan shows the company name “{found}”; dossier.yaml says “{expected}”",
    ),
    "mismatch-license-number": (
        "扫描件上的许可证编号是 {found}，dossier.yaml 中是 {expected}",
        "the scan shows the licence number {found}; dossier.yaml says {expected}",
    ),
    "mismatch-expires": (
        "扫描件上的有效期至 {found}，dossier.yaml 中是 {expected}",
        "the scan shows the licence valid until {found}; dossier.yaml says {expected}",
    ),
    "mismatch-domain": (
        "扫描件上的域名是 {found}，文件名中是 {expected}",
        "the scan shows the domain {found}; the file name says {expected}",
    ),
    "mismatch-holder": (
        "扫描件上的域名持有者是“{found}”，dossier.yaml 中的企业名称是“{expected}”",
        "the scan shows the domain holder “{found}”; the company in dossier.yaml is “{expected}”",
    ),
    "mismatch-idc-number": (
        "扫描件上的 IDC 许可证编号是 {found}，dossier.yaml 中是 {expected}",
        "the scan shows the IDC licence number {found}; dossier.yaml says {expected}",
    ),
    "mismatch-id-number": (
        "扫描件上的身份证号码是 {found}，dossier.yaml 中是 {expected}",
        "the scan shows the ID number {found}; dossier.yaml says {expected}",
    ),
    "mismatch-rep-name": (
        "扫描件上的姓名是 {found}，dossier.yaml 中的法定代表人是 {expected}",
        "the scan shows the name {found}; the legal representative in dossier.yaml is {expected}",
    ),
    # --- scan-unreadable: the field was not found ----------------------------------------------
    "unreadable-uscc": (
        "扫描件上没有读到有效的统一社会信用代码（{why}），请人工核对",
        "no valid USCC was read on the scan ({why}); compare it by eye",
    ),
    "unreadable-company": (
        "扫描件上没有读到企业名称（{why}），请人工核对",
        "the company name was not read on the scan ({why}); compare it by eye",
    ),
    "unreadable-license-number": (
        "扫描件上没有读到许可证编号（{why}），请人工核对",
        "the licence number was not read on the scan ({why}); compare it by eye",
    ),
    "unreadable-expires": (
        "扫描件上没有读到有效期（{why}），请人工核对",
        "the expiry date was not read on the scan ({why}); compare it by eye",
    ),
    "unreadable-domain": (
        "扫描件上没有读到域名（{why}），请人工核对",
        "the domain was not read on the scan ({why}); compare it by eye",
    ),
    "unreadable-holder": (
        "扫描件上没有读到域名持有者（{why}），请人工核对",
        "the domain holder was not read on the scan ({why}); compare it by eye",
    ),
    "unreadable-idc-number": (
        "扫描件上没有读到 IDC 许可证编号（{why}），请人工核对",
        "the IDC licence number was not read on the scan ({why}); compare it by eye",
    ),
    "unreadable-id-number": (
        "扫描件上没有读到有效的身份证号码（{why}），请人工核对",
        "no valid ID number was read on the scan ({why}); compare it by eye",
    ),
    "unreadable-rep-name": (
        "扫描件上没有读到姓名（{why}），请人工核对",
        "the name was not read on the scan ({why}); compare it by eye",
    ),
    # --- reasons ({why}) -----------------------------------------------------------------------
    "why-not-found": ("识别出的文字中没有", "not in the recognised text"),
    "why-not-found-layer": ("文字层中没有", "not in the text layer"),
    "why-no-image": ("PDF 第一页没有扫描图像", "no scanned image on the PDF's first page"),
    "why-too-large": ("图像过大（{pixels} 像素）", "the image is too large ({pixels} pixels)"),
    "why-undecodable": ("图像无法解码", "the image cannot be decoded"),
    "why-budget": ("识别超过 {seconds} 秒，已停止", "recognition took over {seconds} s"),
    "why-engine": ("识别失败", "recognition failed"),
}
