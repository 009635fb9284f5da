"""axe-core (vendored from npm under static/vendor/axe-*) run in the page by the browser tests.

``page.evaluate`` runs in the page's context through the DevTools protocol, so the site's
Content-Security-Policy stays as it is (no inline script tag is added) and the pages carry nothing
for the test. Only serious and critical violations fail a test (issue 13: 0 of them on every portal page).
"""

from __future__ import annotations

from pathlib import Path

AXE = next((Path(__file__).resolve().parents[2] / "static" / "vendor").glob("axe-*/axe.min.js"))

_RUN = """async () => {
  const r = await axe.run(document, {resultTypes: ["violations"]});
  return r.violations.filter(v => v.impact === "serious" || v.impact === "critical").map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ") + " :: " + (n.failureSummary || "").slice(0, 200)),
  }));
}"""


def serious_violations(page) -> list[dict]:
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8") + "\n;true")
    return page.evaluate(_RUN)
