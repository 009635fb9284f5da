"""A file named .docx that is no Word document at all (no zip inside) is called that, not "not a report"."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError

from luoshi.reports import services

pytestmark = pytest.mark.django_db

YUNXI = (Path(services.__file__).resolve().parent / "demo" / "yunxi_2025.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "data",
    [
        "这只是一段文字，被改名为 .docx。".encode(),
        YUNXI.encode("utf-8"),  # even a whole report as plain text: the file is still no Word file
        b"%PDF-1.4 not really",
    ],
)
def test_a_docx_that_is_not_a_zip_is_not_a_valid_word_file(data):
    with pytest.raises(ValidationError) as exc:
        services.read_source(source=data, name="notzip.docx")
    message = " ".join(exc.value.messages)
    assert "Word" in message and "notzip.docx" in message
    assert "不是工作报告" not in message


def test_a_zip_that_is_not_word_keeps_its_message():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("hello.txt", "你好")
    with pytest.raises(ValidationError) as exc:
        services.read_source(source=buf.getvalue(), name="zip.docx")
    assert "Word" in " ".join(exc.value.messages)


def test_the_same_text_as_a_txt_file_is_still_read():
    parsed = services.read_source(source=YUNXI.encode("utf-8"), name="report.txt")
    assert parsed.text.strip()
