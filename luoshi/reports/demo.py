"""Demo reports: two invented work reports per demo town, stored through ``report_store`` (idempotent)."""

from __future__ import annotations

from luoshi.reports import services

# demo file → (town name, the persona who "uploaded" it)
DEMO_FILES = {
    "yunxi_2024.txt": ("云溪镇", "office"),
    "yunxi_2025.txt": ("云溪镇", "office"),
    "bailu_2024.txt": ("白鹭街道", "office_b"),
    "bailu_2025.txt": ("白鹭街道", "office_b"),
}


def load(ctx, progress=lambda msg: None) -> None:
    towns = {t.name: t for t in ctx.towns}
    for name, path in services.demo_reports():
        town_name, persona = DEMO_FILES.get(name, ("", ""))
        if town_name not in towns:
            continue
        parsed = services.read_source(source=path, name=name)
        report, created = services.report_store(
            parsed=parsed, town=towns[town_name], uploaded_by=ctx.users.get(persona), source_name=name
        )
        progress(f"  {'+' if created else '='} {town_name}: {report.title} ({report.facts.count()} facts)")
