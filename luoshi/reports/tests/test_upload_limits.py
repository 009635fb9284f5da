"""Hostile uploads: zip bombs, huge PDFs and noise are refused with a message naming the file and the
limit, are read in a limited child process by the worker, and never reach the web process."""

from __future__ import annotations

import functools
import io
import random
import time
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from luoshi.reports.models import Report, ReportUpload
from luoshi.reports.reader import LimitExceeded, Limits
from luoshi.reports.sandbox import parse_isolated

from .test_web_reports import YUNXI, docx_bytes

UNLIMITED = Limits(zip_unpacked_bytes=10**12, zip_ratio=10**9, text_chars=10**12)


@functools.cache
def docx_bomb(megabytes: int, *, well_formed: bool = True) -> bytes:
    """A valid .docx whose document.xml inflates to ``megabytes`` of paragraphs (about 240:1)."""
    src = zipfile.ZipFile(io.BytesIO(docx_bytes("各位代表")))
    para = b"<w:p><w:r><w:t>" + "各位代表".encode() * 50 + b"</w:t></w:r></w:p>"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/document.xml":
                head, tail = data.split(b"<w:body>")
                data = head + b"<w:body>" + para * (megabytes * 1024 * 1024 // len(para)) + tail
            z.writestr(info.filename, data)
    return out.getvalue()


def pdf_pages(n: int) -> bytes:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    for i in range(n):
        c.setFont("STSong-Light", 12)
        c.drawString(72, 720, f"各位代表：第{i + 1}页，全镇完成地区生产总值12亿元。")
        c.showPage()
    c.save()
    return buf.getvalue()


def upload(client, name: str, data: bytes):
    r = client.post(reverse("reports:new"), {"file": SimpleUploadedFile(name, data)}, follow=True)
    assert r.status_code == 200
    return r.content.decode()


# --- containers ---------------------------------------------------------------------------------


def test_a_docx_bomb_is_refused_from_its_directory_in_well_under_a_second(client_for):
    bomb = docx_bomb(161)
    assert len(bomb) < 1024 * 1024  # under a megabyte, like the 548 KB one that took 46 s
    started = time.monotonic()
    body = upload(client_for("office"), "炸弹.docx", bomb)
    assert time.monotonic() - started < 5
    assert "「炸弹.docx」" in body and "超过上限 64.0\xa0MB" in body and "压缩炸弹" in body
    assert not Report.objects.exists()
    assert ReportUpload.objects.get().status == ReportUpload.Status.FAILED


def test_too_many_members_and_a_bomb_ratio_are_refused(client_for, settings):
    many = io.BytesIO()
    with zipfile.ZipFile(many, "w") as z:
        for i in range(30):
            z.writestr(f"part{i}.xml", "<x/>")
    settings.ZIP_MAX_MEMBERS = 20
    assert "包含 30 个部件，超过上限 20 个" in upload(client_for("office"), "多.docx", many.getvalue())
    settings.ZIP_MAX_MEMBERS, settings.ZIP_MAX_UNPACKED_MB = 1000, 10_000
    body = upload(client_for("office"), "比.docx", docx_bomb(8))
    assert "「比.docx」" in body and "超过上限 100 倍" in body


def test_a_pdf_over_the_page_limit_is_refused(client_for, settings):
    settings.PDF_MAX_PAGES = 3
    body = upload(client_for("office"), "长.pdf", pdf_pages(5))
    assert "「长.pdf」" in body and "PDF 超过 3 页的上限" in body


def test_text_over_the_character_limit_is_refused(client_for, settings):
    settings.TEXT_MAX_CHARS = 1000
    body = upload(client_for("office"), "长.txt", YUNXI.encode())
    assert "「长.txt」" in body and "超过 1000 字的上限" in body


# --- the child process ----------------------------------------------------------------------------


def test_memory_over_the_limit_kills_only_the_child():
    """With the container limits lifted, the bomb exhausts the child's 400 MB, not this process."""
    with pytest.raises(LimitExceeded) as caught:
        parse_isolated(
            docx_bomb(161), name="b.docx", limits=UNLIMITED, cpu_seconds=30, memory_bytes=400 * 1024 * 1024
        )
    assert caught.value.what == "memory"


def test_a_large_parent_does_not_make_an_ordinary_refusal_look_like_the_memory_limit():
    """Linux carries ``ru_maxrss`` across exec: a child of a big worker starts with its parent's peak.
    A scanned PDF read from such a parent must still be refused as scanned, not as out of memory."""
    from luoshi.reports.reader import ReportError

    from .test_web_reports import scanned_pdf_bytes

    ballast = b"\x01" * (300 * 1024 * 1024)  # written, so resident: this process's peak > 256 MB
    with pytest.raises(ReportError) as caught:
        parse_isolated(
            scanned_pdf_bytes(), name="s.pdf", limits=Limits(), cpu_seconds=30, memory_bytes=512 * 1024 * 1024
        )
    del ballast
    assert not isinstance(caught.value, LimitExceeded)


def test_a_large_parent_does_not_hide_the_childs_memory_limit():
    """The other direction: a child of a parent whose peak is above the child's limit must still see
    the bomb as the memory limit (its own high-water mark, not the inherited ``ru_maxrss``)."""
    ballast = b"\x01" * (500 * 1024 * 1024)
    with pytest.raises(LimitExceeded) as caught:
        parse_isolated(
            docx_bomb(161), name="b.docx", limits=UNLIMITED, cpu_seconds=30, memory_bytes=400 * 1024 * 1024
        )
    del ballast
    assert caught.value.what == "memory"


def test_cpu_time_over_the_limit_kills_only_the_child():
    started = time.monotonic()
    with pytest.raises(LimitExceeded) as caught:
        parse_isolated(
            docx_bomb(161), name="b.docx", limits=UNLIMITED, cpu_seconds=1, memory_bytes=4 * 1024**3
        )
    assert caught.value.what == "seconds" and time.monotonic() - started < 8


def test_the_web_request_only_stores_the_file_and_enqueues(client_for, settings):
    from django_tasks_db.models import DBTaskResult

    from luoshi.reports.tasks import read_upload

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    c = client_for("office")
    r = c.post(reverse("reports:new"), {"file": SimpleUploadedFile("云溪镇.txt", YUNXI.encode())})
    upload = ReportUpload.objects.get()
    assert r.url == reverse("reports:upload", args=[upload.pk])
    assert upload.status == ReportUpload.Status.PENDING and not Report.objects.exists()
    queued = DBTaskResult.objects.get()
    assert queued.task_path.endswith("read_upload") and queued.args_kwargs["args"] == [upload.pk]
    assert 'data-status="pending"' in c.get(r.url).content.decode()
    assert read_upload.call(upload.pk) == "done"  # what `luoshi worker` does
    r = c.get(r.url, follow=True)
    report = Report.objects.get()
    assert r.redirect_chain[-1][0] == reverse("reports:detail", args=[report.pk])
    assert "已读取新报告" in r.content.decode()
    assert ReportUpload.objects.get().data in (b"", memoryview(b""))


def test_an_upload_status_is_its_uploaders_alone(client_for):
    c = client_for("office")
    c.post(reverse("reports:new"), {"file": SimpleUploadedFile("噪声.txt", b"\x00\xff" * 50)})
    url = reverse("reports:upload", args=[ReportUpload.objects.get().pk])
    assert c.get(url).status_code == 200
    for other in ("leader", "county", "office_b", "admin"):
        assert client_for(other).get(url).status_code == 404, other


# --- noise ----------------------------------------------------------------------------------------

RNG = random.Random(5)


@pytest.mark.parametrize("name", ["随机.docx", "随机.pdf", "随机.txt"])
def test_random_bytes_are_refused_whatever_their_name(client_for, name):
    body = upload(client_for("office"), name, bytes(RNG.randrange(256) for _ in range(30_000)))
    assert f"「{name}」" in body and 'data-status="failed"' in body
    assert not Report.objects.exists()


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("The county government reported growth of 5 percent in 2024. " * 50, "几乎没有中文正文"),
        ("".join(chr(RNG.randrange(0x4E00, 0x9FFF)) for _ in range(2000)), "像是乱码"),
    ],
)
def test_english_and_random_hanzi_are_not_reports(client_for, text, reason):
    body = upload(client_for("office"), "文本.txt", text.encode())
    assert "「文本.txt」不是工作报告" in body and reason in body
    r = client_for("office").post(reverse("reports:new"), {"text": text})
    assert "不是工作报告" in r.content.decode() and not Report.objects.exists()
