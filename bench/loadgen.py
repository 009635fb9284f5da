"""A small closed-loop HTTP load generator: N threads, one keep-alive connection each.

    python bench/loadgen.py --url http://127.0.0.1:8123/cases/ --connections 8 --duration 20 \
        --header "Cookie: sessionid=…"  [--method POST --body 'a=1&b=2'] [--url … --url …]

Prints one JSON line: requests, errors, seconds, throughput, p50/p95/p99/max latency (ms).
Run it in its own process so that its CPU use does not share the server's interpreter.
"""

from __future__ import annotations

import argparse
import http.client
import json
import statistics
import threading
import time
from urllib.parse import urlsplit


def _percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    k = max(0, min(len(values) - 1, round(q * (len(values) - 1))))
    return values[k]


def run(
    url: str | list[str],
    *,
    method: str = "GET",
    headers: dict[str, str] | None = None,
    body: str | None = None,
    connections: int = 8,
    duration: float = 20.0,
    warmup: float = 2.0,
) -> dict:
    urls = [url] if isinstance(url, str) else list(url)
    parts = urlsplit(urls[0])
    # several URLs (same server): each connection walks them in turn from its own starting point
    paths = [p.path + (f"?{p.query}" if p.query else "") for p in map(urlsplit, urls)]
    headers = dict(headers or {})
    payload = body.encode("utf-8") if body is not None else None
    if payload is not None:
        headers.setdefault("Content-Type", "application/x-www-form-urlencoded")
    latencies: list[list[float]] = [[] for _ in range(connections)]
    errors = [0] * connections
    sent = [0] * connections  # every request, warm-up included (for CPU per request)
    statuses: list[dict[int, int]] = [{} for _ in range(connections)]
    start_measure = time.perf_counter() + warmup
    stop = start_measure + duration

    def worker(i: int) -> None:
        conn = http.client.HTTPConnection(parts.hostname, parts.port or 80, timeout=60)
        turn = i
        while True:
            t0 = time.perf_counter()
            if t0 >= stop:
                break
            path = paths[turn % len(paths)]
            turn += 1
            try:
                conn.request(method, path, body=payload, headers=headers)
                resp = conn.getresponse()
                resp.read()
                status = resp.status
            except (OSError, http.client.HTTPException):
                conn.close()
                conn = http.client.HTTPConnection(parts.hostname, parts.port or 80, timeout=60)
                status = 0
            t1 = time.perf_counter()
            sent[i] += 1
            if t0 < start_measure:
                continue
            statuses[i][status] = statuses[i].get(status, 0) + 1
            if 200 <= status < 300:
                latencies[i].append((t1 - t0) * 1000)
            else:
                errors[i] += 1
        conn.close()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(connections)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    lat = [x for chunk in latencies for x in chunk]
    merged: dict[int, int] = {}
    for s in statuses:
        for k, v in s.items():
            merged[k] = merged.get(k, 0) + v
    return {
        "requests": len(lat),
        "requests_all": sum(sent),
        "errors": sum(errors),
        "statuses": merged,
        "seconds": duration,
        "throughput": len(lat) / duration,
        "p50": _percentile(lat, 0.50),
        "p95": _percentile(lat, 0.95),
        "p99": _percentile(lat, 0.99),
        "max": max(lat) if lat else float("nan"),
        "mean": statistics.fmean(lat) if lat else float("nan"),
    }


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--url", required=True, action="append", help="repeatable: requests cycle through them")
    p.add_argument("--method", default="GET")
    p.add_argument("--header", action="append", default=[], help="'Name: value', repeatable")
    p.add_argument("--body")
    p.add_argument("--connections", type=int, default=8)
    p.add_argument("--duration", type=float, default=20)
    p.add_argument("--warmup", type=float, default=2)
    args = p.parse_args()
    headers = dict(h.split(":", 1) for h in args.header)
    headers = {k.strip(): v.strip() for k, v in headers.items()}
    result = run(
        args.url,
        method=args.method,
        headers=headers,
        body=args.body,
        connections=args.connections,
        duration=args.duration,
        warmup=args.warmup,
    )
    print(json.dumps(result))


if __name__ == "__main__":
    main()
