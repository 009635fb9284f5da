"""Page weight of the public portal: HTML + CSS + JS each page transfers, gzip-compressed.

Builds a throw-away SQLite database with the demo data (about a minute), fetches every portal page
anonymously with Django's test client, adds every stylesheet and script the page links (read from
the static files, as WhiteNoise serves them) and prints raw and gzip sizes per page. Goal (issue 13):
at most 150 KB gzip for pages without charts.

    .venv/bin/python bench/bench_portal_weight.py
"""

from __future__ import annotations

import gzip
import os
import re
import sys
import tempfile
from pathlib import Path

GOAL_KB = 150


def main() -> int:
    data_dir = tempfile.mkdtemp(prefix="portal-weight-")
    os.environ.update(LUOSHI_DATA_DIR=data_dir, LUOSHI_DEMO="1", DJANGO_SETTINGS_MODULE="luoshi.settings")
    os.environ.pop("DATABASE_URL", None)
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    import django

    django.setup()
    from django.contrib.staticfiles import finders
    from django.core.management import call_command
    from django.test import Client, override_settings
    from django.test.utils import setup_test_environment

    setup_test_environment()
    call_command("migrate", verbosity=0)
    from luoshi.org.demo import load_demo
    from luoshi.portal.models import DisclosureDocument, DocState
    from luoshi.reports.models import Report

    load_demo()
    town = "369901100"
    report = Report.objects.filter(town__code=town, publication__isnull=False).first()
    doc = DisclosureDocument.objects.filter(state=DocState.PUBLISHED).first()
    pages = [
        "/portal/",
        "/portal/369901/",
        f"/portal/{town}/",
        f"/portal/{town}/targets/",
        f"/portal/{town}/projects/",
        f"/portal/{town}/livelihood/",
        f"/portal/{town}/cases/",
        f"/portal/{town}/disclosure/",
        f"/portal/reports/{report.pk}/",
        f"/portal/documents/{doc.pk}/",
        "/portal/request/",
        "/cases/public/new/",
        "/cases/public/new/ (map)",
        "/cases/track/",
    ]
    client = Client()
    print(f"{'page':34} {'html':>8} {'css+js':>8} {'raw KB':>8} {'gzip KB':>8}")
    worst = 0.0
    # "(map)": the public form where the county configured a tile server, so Leaflet is loaded (the
    # tiles themselves come from that server and are not counted); without it no Leaflet at all
    tiles = override_settings(PORTAL_TILE_URL="https://tiles.example.cn/{z}/{x}/{y}.png")
    for url in pages:
        if url.endswith(" (map)"):
            with tiles:
                resp = client.get(url.split()[0])
        else:
            resp = client.get(url)
        assert resp.status_code == 200, (url, resp.status_code)
        html = resp.content
        assets = re.findall(rb'<(?:link[^>]+href|script[^>]+src)="/static/([^"]+\.(?:css|js))"', html)
        raw = len(html)
        packed = len(gzip.compress(html, 6))
        asset_raw = 0
        for name in assets:
            path = finders.find(name.decode())
            body = Path(path).read_bytes()
            asset_raw += len(body)
            packed += len(gzip.compress(body, 6))
        kb = packed / 1024
        worst = max(worst, kb)
        print(f"{url:34} {raw / 1024:8.1f} {asset_raw / 1024:8.1f} {(raw + asset_raw) / 1024:8.1f} {kb:8.1f}")
    print(f"heaviest page: {worst:.1f} KB gzip (goal ≤ {GOAL_KB} KB)")
    return 0 if worst <= GOAL_KB else 1


if __name__ == "__main__":
    raise SystemExit(main())
