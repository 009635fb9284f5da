"""The same report in every container gives the same facts.

One invented report is written at test time as GB18030, UTF-16 (with and without BOM), an
HTML page full of site furniture, a .docx and a PDF (reportlab, CID font STSong-Light, wrapped
lines, page numbers and a running header): each must yield the plain text's facts.
"""

from __future__ import annotations

import io

import pytest

from luoshi.reports.reader import Limits, ReportError, parse

from .fixtures import fact_keys, fixture_text

NAME = "county_qinghe.txt"


@pytest.fixture(scope="module")
def text() -> str:
    return fixture_text(NAME)


@pytest.fixture(scope="module")
def expected(text) -> list[tuple]:
    keys = fact_keys(parse(text))
    assert len(keys) > 30
    return keys


@pytest.mark.parametrize("codec", ["gb18030", "utf-16", "utf-16-le", "utf-16-be", "utf-8-sig", "utf-8"])
def test_encodings(tmp_path, text, expected, codec):
    path = tmp_path / f"report-{codec}.txt"
    path.write_bytes(text.encode(codec))
    report = parse(path)
    assert fact_keys(report) == expected
    assert report.meta.jurisdiction == "青禾县"
    assert parse(path.read_bytes()).meta.speaker == "林志远"  # bytes without a name sniff the same


def test_html_page_with_site_furniture(tmp_path, text, expected):
    paragraphs = "\n".join(f"<p>{line}</p>" for line in text.splitlines() if line.strip())
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>政府工作报告</title>
<script>var hits = 12345; document.write("浏览次数")</script><style>p {{ margin: 0 }}</style></head>
<body>
<div class="top-nav"><a href="/">首页</a> | <a href="/gk">政务公开</a> | <a href="/bs">办事服务</a></div>
<div class="vip-banner">VIP下载 开通VIP 立即下载 本文档共5页</div>
<div class="crumb">您现在的位置：首页 &gt; 政务公开 &gt; 规划计划</div>
<div class="article">
<div class="info">发布时间：2024-01-20 10:32 浏览次数：2386 字号：大 中 小</div>
<!-- 编辑：张三 2024年1月20日 审核通过 -->
{paragraphs}
<div class="share">分享到：微信 微博 QQ空间</div>
<p>【打印本页】 【关闭窗口】</p>
</div>
<div class="related"><h3>相关文章</h3><ul><li><a href="/1">2023年政府工作报告</a></li>
<li><a href="/2">2022年全县经济运行情况（增长8.5%）</a></li></ul></div>
<div>上一篇：关于印发2024年重点工作的通知 下一篇：2023年度考核结果公示</div>
<div class="footer">主办单位：青禾县人民政府办公室 备案号：滇ICP备12345678号 温馨提示：本站内容仅供参考</div>
</body></html>"""
    path = tmp_path / "report.html"
    path.write_text(page, encoding="utf-8")
    report = parse(path)
    assert fact_keys(report) == expected
    assert "VIP下载" not in report.text and "ICP备" not in report.text and "分享到" not in report.text
    reasons = " ".join(r.reason for r in report.removed)
    assert "html comment" in reasons and "furniture" in reasons
    # the same page as a str (e.g. pasted) is recognised as HTML
    assert fact_keys(parse(page)) == expected


def test_docx(tmp_path, text, expected):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "附件", "民生实事候选项目"
    table.cell(1, 0).text, table.cell(1, 1).text = "说明", "以大会票决结果为准"
    path = tmp_path / "report.docx"
    document.save(path)
    report = parse(path)
    assert fact_keys(report) == expected
    assert "民生实事候选项目" in report.text  # table cells are read too


def _pdf_bytes(text: str | None) -> bytes:
    reportlab = pytest.importorskip("reportlab")
    del reportlab
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=A4)
    width, height = A4
    if text is None:  # a "scan": a page with a drawing and no text
        pdf.rect(50, 50, 300, 400, fill=1)
        pdf.showPage()
        pdf.save()
        return buf.getvalue()
    lines: list[str] = []
    for para in text.splitlines():
        while len(para) > 32:  # fixed-width wrapping, as a PDF export does, mid-sentence
            lines.append(para[:32])
            para = para[32:]
        lines.append(para)
    per_page, page = 34, 1
    for start in range(0, len(lines), per_page):
        pdf.setFont("STSong-Light", 9)
        pdf.drawString(60, height - 40, "青禾县人民政府工作报告（2024年）")
        pdf.setFont("STSong-Light", 12)
        y = height - 80
        for line in lines[start : start + per_page]:
            pdf.drawString(60, y, line)
            y -= 20
        pdf.setFont("STSong-Light", 9)
        pdf.drawString(width / 2 - 10, 30, f"- {page} -")
        pdf.showPage()
        page += 1
    pdf.save()
    return buf.getvalue()


def test_pdf_with_text_layer(tmp_path, text, expected):
    path = tmp_path / "report.pdf"
    path.write_bytes(_pdf_bytes(text))
    report = parse(path)
    assert fact_keys(report) == expected
    assert report.meta.jurisdiction == "青禾县" and report.meta.delivered_on == "2024-01-12"
    reasons = [r.reason for r in report.removed]
    assert "page number" in reasons
    assert any(r.startswith("running header") for r in reasons)


def test_scanned_pdf_goes_to_ocr_and_a_page_without_text_is_refused(tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(_pdf_bytes(None))
    with pytest.raises(ReportError, match="scanned PDF: OCR found no text"):
        parse(path)
    with pytest.raises(ReportError, match="scanned PDF with no text layer.*OCR"):
        parse(path, limits=Limits(ocr_pages=0))


def test_broken_containers_raise_report_error():
    with pytest.raises(ReportError):
        parse(b"%PDF-1.7\n garbage")
    with pytest.raises(ReportError):
        parse(b"PK\x03\x04 not really a zip")
    assert issubclass(ReportError, ValueError)
