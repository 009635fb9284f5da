"""Write a composed report as .docx in the official layout of GB/T 9704-2012 (党政机关公文格式).

Pure: python-docx, no Django. The layout:

* A4 (210 × 297 mm); margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm, which leaves the
  type area of 156 × 225 mm;
* 22 lines of 28 characters: a document grid (``w:docGrid`` lines and characters, line pitch
  28.95 pt, 22 in the 225 mm type area) and every paragraph at an exact line spacing of 28.95 pt;
* title in 2号 (22 pt) 方正小标宋简体, centred; the line under it (——在…会议上) in 3号 楷体_GB2312;
* body in 3号 (16 pt) 仿宋_GB2312, first line indented two characters; 一、 headings in 3号 黑体,
  （一） headings in 3号 楷体_GB2312;
* page numbers in 4号 (14 pt) 宋体 as “— 1 —” in the footer: odd pages at the right, even pages at
  the left, one character in from the edge.

Fonts: the official fonts are named first (``w:eastAsia``); the font table gives each a stated
fallback (``w:altName``) that Word and WPS use where the official font is not installed
(``FALLBACK``: 方正小标宋简体 → 宋体, 仿宋_GB2312 → 仿宋, 楷体_GB2312 → 楷体). LibreOffice substitutes
through fontconfig (on Debian: Noto Serif CJK SC).
"""

from __future__ import annotations

import io

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋_GB2312"
KAI_FONT = "楷体_GB2312"
HEI_FONT = "黑体"
PAGE_FONT = "宋体"
FALLBACK = {TITLE_FONT: "宋体", BODY_FONT: "仿宋", KAI_FONT: "楷体", HEI_FONT: "SimHei", PAGE_FONT: "SimSun"}

SIZE_2 = Pt(22)  # 二号
SIZE_3 = Pt(16)  # 三号
SIZE_4 = Pt(14)  # 四号
LINES, CHARS = 22, 28
TYPE_HEIGHT_MM, TYPE_WIDTH_MM = 297 - 37 - 35, 210 - 28 - 26
# 225 mm ÷ 22 = 28.99 pt; offices set 固定值 28.95 pt, which leaves a point for rounding so the 22nd
# line never spills to the next page
LINE_PITCH_PT = 28.95
CHAR_PITCH_PT = TYPE_WIDTH_MM / 25.4 * 72 / CHARS  # ≈ 15.79 pt
# 3号 characters (16 pt) set 0.25 pt tighter: 28 of them fill the 156 mm line (w:spacing, 1/20 pt)
CHAR_SPACING_TWIPS = -5

# block kind → (font, size, alignment, first-line indent in characters)
STYLES = {
    "title": (TITLE_FONT, SIZE_2, WD_ALIGN_PARAGRAPH.CENTER, 0),
    "subtitle": (KAI_FONT, SIZE_3, WD_ALIGN_PARAGRAPH.CENTER, 0),
    "speaker": (KAI_FONT, SIZE_3, WD_ALIGN_PARAGRAPH.CENTER, 0),
    "h1": (HEI_FONT, SIZE_3, WD_ALIGN_PARAGRAPH.JUSTIFY, 2),
    "h2": (KAI_FONT, SIZE_3, WD_ALIGN_PARAGRAPH.JUSTIFY, 2),
    "p": (BODY_FONT, SIZE_3, WD_ALIGN_PARAGRAPH.JUSTIFY, 2),
    "item": (BODY_FONT, SIZE_3, WD_ALIGN_PARAGRAPH.JUSTIFY, 2),
}


def _set_font(run, name: str, size) -> None:
    run.font.size = size
    run.font.name = name  # ascii / hAnsi
    rpr = run._element.get_or_add_rPr()
    if size == SIZE_3:
        spacing = OxmlElement("w:spacing")
        spacing.set(qn("w:val"), str(CHAR_SPACING_TWIPS))
        rpr.append(spacing)
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), name)


def _line_spacing(paragraph) -> None:
    pf = paragraph.paragraph_format
    pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    pf.line_spacing = Pt(LINE_PITCH_PT)
    pf.space_before = Pt(0)
    pf.space_after = Pt(0)


def _page_setup(section) -> None:
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.footer_distance = Mm(28 - 7)  # the page number sits 7 mm below the type area
    sect = section._sectPr
    grid = sect.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        sect.append(grid)
    # A line grid of 22 lines. The 28 characters come from the type itself (16 pt characters, each
    # narrowed by CHAR_SPACING_TWIPS) rather than from a character grid, which LibreOffice lays out
    # differently from Word and WPS (it spread the characters to 17 a line).
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(round(LINE_PITCH_PT * 20)))  # twips


def _page_number(footer, align) -> None:
    p = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
    p.alignment = align
    indent = Pt(14)  # one character of the 4号 number
    if align == WD_ALIGN_PARAGRAPH.RIGHT:
        p.paragraph_format.right_indent = indent
    else:
        p.paragraph_format.left_indent = indent
    _set_font(p.add_run("— "), PAGE_FONT, SIZE_4)
    run = p.add_run()
    _set_font(run, PAGE_FONT, SIZE_4)
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        elif text.strip() == "PAGE":
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        else:
            el = OxmlElement("w:t")
            el.text = text
        run._element.append(el)
    _set_font(p.add_run(" —"), PAGE_FONT, SIZE_4)


def _font_table(document) -> None:
    """Name the stated fallback of each official font (w:altName) in the font table."""
    for rel in document.part.rels.values():
        if rel.reltype.endswith("/fontTable"):
            part = rel.target_part
            from docx.oxml import parse_xml

            root = parse_xml(part.blob)
            for name, alt in FALLBACK.items():
                font = OxmlElement("w:font")
                font.set(qn("w:name"), name)
                alt_el = OxmlElement("w:altName")
                alt_el.set(qn("w:val"), alt)
                font.append(alt_el)
                charset = OxmlElement("w:charset")
                charset.set(qn("w:val"), "86")  # GB2312
                font.append(charset)
                root.append(font)
            from lxml import etree

            part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def write(blocks: list[tuple[str, str]], *, title: str = "") -> bytes:
    """``blocks``: (kind, text) in order (kinds as in ``compose.Block``). Returns the .docx bytes."""
    document = Document()
    document.core_properties.title = title
    document.settings.odd_and_even_pages_header_footer = True
    # the character grid counts from the document's default size: make it 3号 (16 pt), or every
    # 16 pt character would take two cells of a smaller grid
    rpr_default = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    for tag in ("w:sz", "w:szCs"):
        el = rpr_default.find(qn(tag))
        if el is None:
            el = OxmlElement(tag)
            rpr_default.append(el)
        el.set(qn("w:val"), "32")
    normal = document.styles["Normal"]
    normal.font.size = SIZE_3
    normal.font.name = BODY_FONT
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), BODY_FONT)
    section = document.sections[0]
    section.start_type = WD_SECTION.NEW_PAGE
    _page_setup(section)
    _page_number(section.footer, WD_ALIGN_PARAGRAPH.RIGHT)
    _page_number(section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)
    _font_table(document)

    for kind, text in blocks:
        font, size, align, indent = STYLES.get(kind, STYLES["p"])
        if kind == "subtitle":  # an empty line between title and the meeting line
            _line_spacing(document.add_paragraph())
        p = document.add_paragraph()
        p.alignment = align
        _line_spacing(p)
        if indent:
            p.paragraph_format.first_line_indent = Pt(16 * indent)
        _set_font(p.add_run(text), font, size)
        if kind == "speaker":
            _line_spacing(document.add_paragraph())
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()
