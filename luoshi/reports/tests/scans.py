"""Image-only PDFs made from text, as a scanner would give them (tests and ``bench/bench_ocr.py``).

The text is typeset with a CJK font from Debian's fonts-noto-cjk on A4 pages at ``dpi``, each
page turned by ``angle`` degrees and lightly noised, and saved as a PDF of page images: no text
layer, so only OCR can read it.
"""

from __future__ import annotations

import io
import random
from pathlib import Path

FONT_FILES = [
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
]
SC_INDEX = 2  # Noto CJK collections hold JP, KR, SC, TC, HK: the simplified-Chinese face


def cjk_font(size: int):
    from PIL import ImageFont

    for path in FONT_FILES:
        if Path(path).exists():
            return ImageFont.truetype(path, size, index=SC_INDEX)
    raise FileNotFoundError("no Noto CJK font: apt-get install fonts-noto-cjk")


def _wrap(paragraph: str, font, width: float) -> list[str]:
    lines, line, used = [], "", 0.0
    for ch in paragraph:
        w = font.getlength(ch)
        if used + w > width and line:
            lines.append(line)
            line, used = "", 0.0
        line += ch
        used += w
    lines.append(line)
    return lines


def scanned_pdf(
    text: str, *, dpi: int = 150, angle: float = 0.0, noise: float = 0.0, seed: int = 0, point: float = 12
) -> bytes:
    """``text`` as an image-only PDF (one paragraph per line of ``text``)."""
    from PIL import Image, ImageDraw

    rng = random.Random(seed)
    width, height = int(8.27 * dpi), int(11.69 * dpi)
    margin = dpi  # one inch
    size = max(8, round(point / 72 * dpi))
    leading = int(size * 1.6)
    font = cjk_font(size)
    lines: list[str] = []
    for paragraph in text.splitlines():
        lines += _wrap(paragraph.strip(), font, width - 2 * margin) if paragraph.strip() else [""]
    per_page = (height - 2 * margin) // leading
    pages = []
    for start in range(0, max(1, len(lines)), per_page):
        page = Image.new("L", (width, height), 255)
        draw = ImageDraw.Draw(page)
        for k, line in enumerate(lines[start : start + per_page]):
            draw.text((margin, margin + k * leading), line, font=font, fill=0)
        if angle:
            page = page.rotate(angle * rng.choice((-1, 1)), resample=Image.BICUBIC, fillcolor=255)
        if noise:
            # seeded grain (Image.effect_noise draws from the C library's rand(), whose state depends on
            # whatever ran before in the process: the same call gave a different page in a long run)
            grain = Image.frombytes("L", (width, height), rng.randbytes(width * height))
            page = Image.blend(page, grain, noise)
        pages.append(page)
    buf = io.BytesIO()
    pages[0].save(buf, "PDF", save_all=True, append_images=pages[1:], resolution=dpi)
    return buf.getvalue()
