"""Milestone templates per project type (节点模板): steps, typical working-day durations, predecessors.

Declared once here as data; ``luoshi.plans.schedule`` lays them out. Durations are typical figures
for a town's projects (approval times from the 工程建设项目审批制度改革 targets), meant to be edited
per project after the schedule is confirmed. Step names are stored as the milestone names.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from luoshi.plans.schedule import Step


@dataclass(frozen=True)
class Template:
    key: str
    label: str
    steps: tuple[Step, ...]
    anchor: str  # the step a promised date usually names (投产 by year end, 完工 by …)

    def step(self, key: str) -> Step:
        return next(s for s in self.steps if s.key == key)


def _chain(*steps: tuple[str, str, int], extra: dict[str, tuple[tuple[str, int], ...]] | None = None):
    """Steps in a chain (each after the previous), with ``extra`` predecessors replacing the default."""
    out, prev = [], None
    for key, name, days in steps:
        preds = (extra or {}).get(key, ((prev, 0),) if prev else ())
        out.append(Step(key, name, days, preds))
        prev = key
    return tuple(out)


TEMPLATES: dict[str, Template] = {
    t.key: t
    for t in (
        Template(
            "industrial",
            _("工业项目"),
            _chain(
                ("sign", "签约", 1),
                ("register", "注册", 10),
                ("land", "供地/摘牌", 40),
                ("permit", "施工许可", 20),
                ("start", "开工", 1),
                ("structure", "主体完工", 120),
                ("equipment", "设备安装", 40),
                ("production", "投产", 10),
                # Registration and land run side by side after signing; the permit needs both.
                extra={"land": (("sign", 5),), "permit": (("register", 0), ("land", 0))},
            ),
            "production",
        ),
        Template(
            "public_works",
            _("公共工程"),
            _chain(
                ("approve", "立项批复", 15),
                ("design", "可研与初步设计", 30),
                ("tender", "招标", 25),
                ("permit", "施工许可", 10),
                ("start", "开工", 1),
                ("build", "主体施工", 100),
                ("accept", "竣工验收", 15),
                ("handover", "交付使用", 5),
            ),
            "handover",
        ),
        Template(
            "livelihood",
            _("民生实事项目"),
            _chain(
                ("plan", "方案确定", 10),
                ("funds", "资金落实", 15),
                ("procure", "招标采购", 20),
                ("build", "组织实施", 60),
                ("accept", "完工验收", 10),
                ("deliver", "交付群众使用", 5),
                extra={
                    "funds": (("plan", 0),),
                    "procure": (("plan", 0),),
                    "build": (("funds", 0), ("procure", 0)),
                },
            ),
            "deliver",
        ),
    )
}


def template_choices() -> list[tuple[str, str]]:
    return [(t.key, t.label) for t in TEMPLATES.values()]
