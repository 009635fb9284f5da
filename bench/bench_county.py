"""County dashboard and assessment recomputation, in process over whatever database DATABASE_URL names
(load the demo first: ``luoshi demo --no-serve``). Prints p50/p95 of the dashboard page, its query
count, and the time of one ``result_compute`` (rolled back).

    DATABASE_URL=postgres://… python bench/bench_county.py [requests]
"""

from __future__ import annotations

import os
import statistics
import sys
import time


def main(n: int = 30) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "luoshi.settings")
    os.environ.setdefault("LUOSHI_DEMO", "1")
    import django

    django.setup()
    from django.db import connection, transaction
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from luoshi.cases.models import Case
    from luoshi.county import services
    from luoshi.county.models import Scheme
    from luoshi.org.models import Town, User

    county = User.objects.get(username="county")
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(county)
    client.get("/county/dashboard/")
    times = []
    for _ in range(n):
        t = time.perf_counter()
        assert client.get("/county/dashboard/").status_code == 200
        times.append((time.perf_counter() - t) * 1000)
    with CaptureQueriesContext(connection) as q:
        client.get("/county/dashboard/")
    times.sort()
    print(f"{connection.vendor}: {Town.objects.count()} towns, {Case.objects.count()} cases")
    print(
        f"dashboard: p50 {statistics.median(times):.0f} ms, p95 {times[int(0.95 * (n - 1))]:.0f} ms, "
        f"{len(q)} queries"
    )
    scheme = Scheme.objects.filter(kind="annual").order_by("-version").first()
    if scheme is not None:
        with transaction.atomic():
            t = time.perf_counter()
            services.result_compute(scheme=scheme, by=county)
            ms = (time.perf_counter() - t) * 1000
            transaction.set_rollback(True)
        print(f"recompute: {ms:.0f} ms ({scheme.lines.count()} lines × {scheme.towns.count()} towns)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 30)
