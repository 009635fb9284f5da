"""Read an untrusted upload in a child process with a memory and CPU limit.

A hostile file (a zip bomb, a PDF whose streams inflate to gigabytes, a text that makes a regular
expression crawl) must cost at most the child: ``parse_isolated`` starts ``python -m
luoshi.reports.sandbox``, which sets ``RLIMIT_AS`` and ``RLIMIT_CPU`` on itself before it reads a
byte, parses with the reader's container ``Limits``, refuses noise (``reader.plausible``) and
writes the result as JSON. The parent also keeps a wall-clock timeout. Nothing here imports
Django: the child starts in about a third of a second.
"""

from __future__ import annotations

import json
import logging
import resource
import signal
import subprocess
import sys
from dataclasses import asdict

from luoshi.reports.reader import LimitExceeded, Limits, ParsedReport, ReportError, parse
from luoshi.reports.reader.plausible import refusal

log = logging.getLogger(__name__)


class NotAReport(ReportError):
    """The input decodes to something that is not a work report (noise, English, random hanzi)."""

    def __init__(self, reason: str):
        super().__init__(f"not a report: {reason}")
        self.reason = reason


def parse_isolated(
    data: bytes, *, name: str, limits: Limits, cpu_seconds: int, memory_bytes: int
) -> ParsedReport:
    """Parse ``data`` in a limited child; raises ``ReportError`` (``LimitExceeded``, ``NotAReport``…).

    Exceeding memory or CPU raises ``LimitExceeded`` with ``what`` = ``"memory"`` or ``"seconds"``.
    """
    config = {"name": name, "limits": asdict(limits), "cpu": cpu_seconds, "memory": memory_bytes}
    try:
        done = subprocess.run(
            [sys.executable, "-m", "luoshi.reports.sandbox", json.dumps(config)],
            input=data,
            capture_output=True,
            timeout=2 * cpu_seconds + 5,  # waiting on nothing (a stuck read) counts too
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise LimitExceeded("seconds", cpu_seconds, cpu_seconds) from exc
    try:
        result = json.loads(done.stdout)
    except ValueError:
        result = None
    if done.returncode != 0 or not isinstance(result, dict):
        if done.returncode in (-signal.SIGXCPU, -signal.SIGKILL):
            raise LimitExceeded("seconds", cpu_seconds, cpu_seconds)
        stderr = done.stderr.decode("utf-8", "replace")
        if "MemoryError" in stderr:
            raise LimitExceeded("memory", memory_bytes, memory_bytes)
        log.error("the reader stopped on %s (exit %s): %s", name, done.returncode, stderr[-2000:])
        raise ReportError("not a readable file: the reader stopped")
    error = result.get("error")
    if error == "limit":
        raise LimitExceeded(result["what"], result["limit"], result["actual"])
    if error == "not_a_report":
        raise NotAReport(result["reason"])
    if error:
        raise ReportError(result["message"])
    return ParsedReport.from_dict(result["report"])


def _child(config: dict, data: bytes) -> dict:
    limits = Limits(**config["limits"])
    try:
        report = parse(data, name=config["name"], limits=limits)
    except LimitExceeded as exc:
        return {"error": "limit", "what": exc.what, "limit": exc.limit, "actual": exc.actual}
    except ReportError as exc:
        if _caused_by(exc, MemoryError) or _near_memory_limit(config["memory"]):
            return {"error": "limit", "what": "memory", "limit": config["memory"], "actual": config["memory"]}
        return {"error": "report", "message": str(exc)}
    except MemoryError:
        return {"error": "limit", "what": "memory", "limit": config["memory"], "actual": config["memory"]}
    reason = refusal(report.text, sections=len(report.sections))
    if reason:
        return {"error": "not_a_report", "reason": reason}
    return {"report": report.to_dict(include_text=True)}


def _peak_rss_bytes() -> int:
    """This process's own peak resident size. ``ru_maxrss`` survives exec on Linux (a child of a big
    worker or test runner would report its parent's peak), so read the memory map's high-water mark,
    which starts afresh at exec; ``ru_maxrss`` only where /proc is missing."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _near_memory_limit(limit: int) -> bool:
    """lxml reports a failed allocation as an XML syntax error; the peak resident size tells."""
    return _peak_rss_bytes() > limit // 2


def _caused_by(exc: BaseException, kind: type) -> bool:
    while exc is not None:
        if isinstance(exc, kind):
            return True
        exc = exc.__cause__ or exc.__context__
    return False


def main() -> None:
    config = json.loads(sys.argv[1])
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    resource.setrlimit(resource.RLIMIT_CPU, (config["cpu"], config["cpu"] + 1))  # SIGXCPU, then SIGKILL
    resource.setrlimit(resource.RLIMIT_AS, (config["memory"], config["memory"]))
    data = sys.stdin.buffer.read()
    result = _child(config, data)
    out = json.dumps(result, ensure_ascii=False).encode("utf-8")
    sys.stdout.buffer.write(out)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
