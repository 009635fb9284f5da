"""Compose a work report (政府工作报告) from figures: blocks of wording with number fields in them.

Pure: no Django. The caller (``luoshi.reports.writer.gather``) turns Luoshi's records into
``Inputs``; this module turns ``Inputs`` into a ``Composition``: the report's blocks in the order of
a real one (DOMAIN.md §10.1: title, opening formula, 一、review, 二、plan, 三、self-building, closing)
and the fields the blocks quote.

A block's wording is a *template*: text with ``{{key}}`` tokens, each naming a field. A field carries
the number as written (``2.48亿元``, ``98.9%``, ``5623件``), where it comes from (a provenance URL) and
what the reader should find there (part, year, measure, the value in the reader's units). The
wording is the user's to edit; the numbers are not: an edited template may only rearrange tokens
(``check_template`` refuses digits typed outside them), and regenerating refills every token from
the records while keeping the edited wording (``merge``).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

TOKEN_RE = re.compile(r"\{\{\s*([A-Za-z0-9_.:\-]+)\s*\}\}")
DIGITS_RE = re.compile(r"[0-9０-９]+")
# Names that are written with digits and are not numbers of the report.
NAMES_WITH_DIGITS = ("12345",)

MONEY = {"亿元": 1e8, "万元": 1e4, "元": 1.0}
FOREIGN_MONEY = {"亿美元": (1e8, "美元"), "万美元": (1e4, "美元")}


def fmt(value: float, decimals: int = 2) -> str:
    """7.5, 12, 0.35, 1234567: plain decimals, no scientific notation, no trailing zeros."""
    if value == int(value):
        return str(int(value))
    return f"{value:.{decimals}f}".rstrip("0").rstrip(".")


def reader_units(value: float, unit: str) -> tuple[float, str]:
    """The value as the report reader stores it: money in 元 (2.48亿元 → 248000000 元), 万 folded."""
    if unit in MONEY:
        return round(value * MONEY[unit], 6), "元"
    if unit in FOREIGN_MONEY:
        factor, base = FOREIGN_MONEY[unit]
        return round(value * factor, 6), base
    if unit.startswith("万") and len(unit) > 1:
        return round(value * 1e4, 6), unit[1:]
    return value, unit


@dataclass
class Field:
    """One quoted value. ``kind`` is ``number`` (checked by the round trip), ``text`` (a name, the
    town) or ``year`` (headings)."""

    key: str
    label: str
    text: str
    kind: str = "number"
    value: float | None = None
    unit: str = ""
    measure: str = "level"  # level | growth | rate
    part: str = ""  # review | plan
    year: int | None = None
    url: str = ""

    @property
    def missing(self) -> bool:
        return self.kind == "number" and self.value is None

    def expected(self) -> tuple[float, str] | None:
        """(value, unit) the reader must find for this field, or None when it is not a number."""
        if self.kind != "number" or self.value is None:
            return None
        return reader_units(self.value, self.unit)


@dataclass
class Block:
    key: str
    kind: str  # title | subtitle | speaker | h1 | h2 | p | item
    template: str
    part: str = ""  # review | plan | other (the report's part the block sits in)


@dataclass
class Composition:
    blocks: list[Block]
    fields: dict[str, Field]

    def to_dict(self) -> dict:
        return {
            "blocks": [asdict(b) for b in self.blocks],
            "fields": {k: asdict(f) for k, f in self.fields.items()},
        }

    @classmethod
    def from_dict(cls, data: dict) -> Composition:
        return cls(
            blocks=[Block(**b) for b in data.get("blocks", [])],
            fields={k: Field(**f) for k, f in data.get("fields", {}).items()},
        )


# --- Inputs ------------------------------------------------------------------------------------------


@dataclass
class Figure:
    """An indicator's value for the review year (from ``accounts``)."""

    code: str
    label: str
    value: float | None
    unit: str
    measure: str = "level"
    url: str = ""


@dataclass
class Target:
    """A plan target: name, value, unit, qualifier as set (确保 / 力争 / 左右 …); for the review year
    also the bound indicator's result."""

    key: str
    name: str
    area: str
    value: float | None
    unit: str
    measure: str  # level | growth | rate
    qualifier: str = ""
    url: str = ""
    result: Figure | None = None


@dataclass
class Named:
    """A record quoted by name (a project, a livelihood project), with an optional amount in 万元."""

    key: str
    name: str
    url: str = ""
    amount: float | None = None  # 万元
    done: bool = False


@dataclass
class Inputs:
    town: str
    town_kind: str  # 镇 | 乡 | 街道
    review_year: int
    plan_year: int
    session: str = ""
    figures: dict[str, Figure] = field(default_factory=dict)
    review_targets: list[Target] = field(default_factory=list)
    livelihood: list[Named] = field(default_factory=list)
    next_targets: list[Target] = field(default_factory=list)
    next_projects: list[Named] = field(default_factory=list)
    next_candidates: list[Named] = field(default_factory=list)
    next_seats: int | None = None


# --- Composition ----------------------------------------------------------------------------------------

AREA_SECTIONS = [
    # (section key, heading, plan-item areas it reports)
    ("economy", "（一）聚焦高质量发展，经济运行稳中有进", ("economy", "projects")),
    ("rural", "（二）推进乡村全面振兴，城乡面貌持续改善", ("rural", "ecology")),
    ("livelihood", "（三）坚持民生为本，群众获得感不断增强", ("livelihood",)),
    ("safety", "（四）强化基层治理，平安建设扎实有效", ("safety",)),
    ("governance", "（五）加强自身建设，政府效能稳步提升", ("governance",)),
]
PLAN_SECTIONS = [
    ("projects", "（一）抓项目、强产业，夯实经济发展基础"),
    ("livelihood", "（二）办实事、惠民生，提升群众幸福指数"),
    ("safety", "（三）守底线、保平安，提升基层治理效能"),
]
QUALIFIERS_BEFORE = ("确保", "力争", "不少于")
UPPER_BOUNDS = ("以内", "以下", "不超过", "不高于")


class _Builder:
    def __init__(self, inputs: Inputs):
        self.inp = inputs
        self.blocks: list[Block] = []
        self.fields: dict[str, Field] = {}
        self.part = "other"

    # fields --------------------------------------------------------------------------------------
    def text(self, key: str, label: str, text: str, url: str = "") -> str:
        self.fields[key] = Field(key=key, label=label, text=text, kind="text", url=url)
        return "{{" + key + "}}"

    def year(self, key: str, year: int) -> str:
        self.fields[key] = Field(key=key, label="年度", text=str(year), kind="year", value=year)
        return "{{" + key + "}}"

    def number(
        self, key, label, value, unit, *, measure="level", url="", part=None, year=None, decimals=None
    ) -> str:
        part = part or self.part
        year = year or (self.inp.review_year if part == "review" else self.inp.plan_year)
        if value is not None:
            if decimals is None:
                decimals = 1 if unit == "%" else 2
            value = round(float(value), decimals)
            text = f"{fmt(abs(value) if measure == 'growth' else value, decimals)}{unit}"
        else:
            text = "—"
        self.fields[key] = Field(
            key=key,
            label=label,
            text=text,
            value=value,
            unit=unit,
            measure=measure,
            part=part,
            year=year,
            url=url,
        )
        return "{{" + key + "}}"

    def fig(self, code: str, key: str | None = None) -> str | None:
        """The token of an indicator's review-year value, or None when it has none (or is zero)."""
        f = self.inp.figures.get(code)
        if f is None or f.value is None or f.value == 0:
            return None
        return self.number(key or f"ind.{code}", f.label, f.value, f.unit, measure=f.measure, url=f.url)

    # blocks --------------------------------------------------------------------------------------
    def add(self, key: str, kind: str, template: str) -> None:
        self.blocks.append(Block(key=key, kind=kind, template=template, part=self.part))


def _target_phrase(b: _Builder, t: Target, key: str) -> str:
    """确保1.2亿元 / 增长6%以上 / 达到98%: a target with its qualifier where Chinese puts it."""
    tok = b.number(key, t.name, t.value, t.unit, measure=t.measure, url=t.url)
    q = t.qualifier
    if t.measure == "growth":
        core = ("下降" if (t.value or 0) < 0 else "增长") + tok
    elif t.measure == "rate":
        core = "达到" + tok
    else:
        core = tok
    if not q:
        return core
    return f"{q}{core}" if q in QUALIFIERS_BEFORE else f"{core}{q}"


def _result_clause(b: _Builder, t: Target, n: int) -> str | None:
    """完成X亿元，完成年度目标的Z% / 增长Y% / 达到Y%: a review-year result against its target."""
    r = t.result
    if r is None or r.value is None:
        return None
    tok = b.number(f"res.{n}", t.name, r.value, r.unit, measure=r.measure, url=r.url)
    if r.measure == "growth":
        verb = "下降" if r.value < 0 else "增长"
        return f"{t.name}{verb}{tok}"
    if r.measure == "rate":
        return f"{t.name}达到{tok}"
    clause = f"{t.name}完成{tok}"
    if t.value and r.unit == t.unit and t.value > 0:
        share = b.number(
            f"res.{n}.share",
            f"{t.name}完成年度目标比例",
            100 * r.value / t.value,
            "%",
            url=r.url,
            measure="rate",
        )
        clause += f"，完成年度目标的{share}"
    return clause


def compose(inp: Inputs) -> Composition:
    b = _Builder(inp)
    town = b.text("town", "乡镇", inp.town)
    ry, py = b.year("review_year", inp.review_year), b.year("plan_year", inp.plan_year)
    street = inp.town_kind == "街道"
    gov = "办事处" if street else "人民政府"

    b.add("title", "title", f"{town}{'办事处' if street else '人民政府'}工作报告")
    session = b.text("session", "会议", inp.session or f"{inp.town}人民代表大会")
    b.add("subtitle", "subtitle", f"——在{session}上")
    b.add("speaker", "speaker", "（报告人）")
    b.add("opening", "p", "各位代表：")
    b.add(
        "opening.2",
        "p",
        f"现在，我代表{town}{gov}向大会报告工作，请予审议，并请列席会议的同志提出意见。",
    )

    # 一、review ------------------------------------------------------------------------------------
    b.part = "review"
    b.add("review", "h1", f"一、{ry}年工作回顾")
    headline = []
    for n, t in enumerate(inp.review_targets):
        if t.area in ("economy",):
            clause = _result_clause(b, t, n)
            if clause:
                headline.append(clause)
    party = "党工委" if street else "党委"
    overview = (
        f"{ry}年，在上级党委、政府和{town}{party}的坚强领导下，在{town}人大的监督支持下，"
        f"{town}{gov}坚持稳中求进，各项工作取得新进展。"
    )
    if headline:
        overview += "全年" + "；".join(headline) + "。"
    b.add("review.overview", "p", overview)

    for section, heading, areas in AREA_SECTIONS:
        sentences = []
        for n, t in enumerate(inp.review_targets):
            quoted_below = t.result and t.result.measure == "rate" and t.result.code in inp.figures
            if t.area in areas and t.area != "economy" and not quoted_below:
                clause = _result_clause(b, t, n)
                if clause:
                    sentences.append(clause)
        extra = _SECTION_EXTRAS[section](b)
        if not sentences and not extra:
            continue
        b.add(f"review.{section}", "h2", heading)
        if sentences:
            b.add(f"review.{section}.targets", "p", "；".join(sentences) + "。")
        for key, kind, template in extra:
            b.add(key, kind, template)

    b.add(
        "review.shortcomings",
        "p",
        "在肯定成绩的同时，我们也清醒地认识到：经济发展新动能还不够强，民生领域还有不少短板，"
        "少数干部服务意识和能力有待提高。对此，我们将采取有力措施，认真加以解决。",
    )

    # 二、plan ---------------------------------------------------------------------------------------
    b.part = "plan"
    b.add("plan", "h1", f"二、{py}年工作安排")
    phrases = []
    for n, t in enumerate(inp.next_targets):
        if t.value is None:
            continue
        phrases.append(f"{t.name}{_target_phrase(b, t, f'tgt.{n}')}")
    if phrases:
        b.add("plan.targets", "p", f"{py}年经济社会发展的主要预期目标是：" + "；".join(phrases) + "。")
    else:
        b.add("plan.targets", "p", f"{py}年经济社会发展的主要预期目标（待{py}年计划录入后生成）。")

    b.add("plan.projects", "h2", PLAN_SECTIONS[0][1])
    if inp.next_projects:
        count = b.number("np.count", "计划实施重点项目", len(inp.next_projects), "个")
        total = sum(p.amount or 0 for p in inp.next_projects)
        sentence = f"全年计划实施重点项目{count}"
        if total:
            sentence += "，总投资" + b.number("np.investment", "重点项目总投资", total / 1e4, "亿元")
        b.add("plan.projects.count", "p", sentence + "，实行领导挂钩、专班推进。")
        for n, p in enumerate(inp.next_projects):
            name = b.text(f"np.{n}.name", "重点项目", p.name, p.url)
            b.add(f"plan.projects.{n}", "item", f"——{name}")
    else:
        b.add("plan.projects.count", "p", "坚持项目为王，谋划储备一批重点项目。")

    b.add("plan.livelihood", "h2", PLAN_SECTIONS[1][1])
    if inp.next_candidates:
        count = b.number("nc.count", "民生实事候选项目", len(inp.next_candidates), "项")
        sentence = f"本次会议提交票决的民生实事候选项目{count}"
        if inp.next_seats:
            sentence += "，拟确定" + b.number("nc.seats", "拟确定民生实事项目", inp.next_seats, "项")
        b.add("plan.livelihood.count", "p", sentence + "，请各位代表审议票决：")
        for n, c in enumerate(inp.next_candidates):
            name = b.text(f"nc.{n}.name", "候选项目", c.name, c.url)
            if c.amount:
                budget = b.number(f"nc.{n}.budget", f"{c.name}估算投资", c.amount, "万元", url=c.url)
                b.add(f"plan.livelihood.{n}", "item", f"——{name}，估算投资{budget}。")
            else:
                b.add(f"plan.livelihood.{n}", "item", f"——{name}。")
    else:
        b.add("plan.livelihood.count", "p", "坚持尽力而为、量力而行，继续办好民生实事。")

    b.add("plan.safety", "h2", PLAN_SECTIONS[2][1])
    b.add(
        "plan.safety.p",
        "p",
        "坚持和发展新时代“枫桥经验”，完善“接诉即办”工作机制，持续开展安全生产隐患排查整治，"
        "确保不发生较大以上安全事故。",
    )

    # 三、self-building and closing ---------------------------------------------------------------------
    b.part = "other"
    b.add("self", "h1", "三、政府自身建设")
    b.add(
        "self.p",
        "p",
        "坚持依法行政，自觉接受人大的法律监督和工作监督，认真办理人大代表建议；"
        "持续为基层减负，从严控制一般性支出，建设人民满意的服务型政府。",
    )
    b.add(
        "closing",
        "p",
        f"各位代表，让我们在上级党委、政府和{town}{party}的坚强领导下，团结一心、真抓实干，"
        f"为完成{py}年各项目标任务而努力奋斗！",
    )
    return Composition(blocks=b.blocks, fields=b.fields)


# --- section extras: records that are not plan targets -------------------------------------------------


def _economy_extras(b: _Builder) -> list[tuple[str, str, str]]:
    parts = []
    count = b.fig("projects-key-count")
    if count:
        parts.append(f"全年实施重点项目{count}")
    done = b.fig("projects-key-investment-done")
    if done:
        parts.append(f"重点项目完成投资{done}")
    started, completed = b.fig("projects-started"), b.fig("projects-completed")
    if started:
        parts.append(f"新开工重点项目{started}")
    if completed:
        parts.append(f"竣工重点项目{completed}")
    signed = b.fig("projects-signed-100m")
    if signed:
        parts.append(f"签约亿元以上项目{signed}")
    producing = b.fig("projects-producing")
    if producing:
        parts.append(f"投产项目{producing}")
    if not parts:
        return []
    return [("review.economy.projects", "p", "项目建设提速增效。" + "，".join(parts) + "。")]


def _rural_extras(b: _Builder) -> list[tuple[str, str, str]]:
    return []


def _livelihood_extras(b: _Builder) -> list[tuple[str, str, str]]:
    inp = b.inp
    if not inp.livelihood:
        return []
    total = b.fig("livelihood-adopted") or b.number("lv.total", "票决民生实事", len(inp.livelihood), "项")
    done_n = sum(1 for p in inp.livelihood if p.done)
    session = "{{session}}"
    if done_n and done_n == len(inp.livelihood):
        done = b.fig("livelihood-completed") or b.number("lv.done", "已完成民生实事", done_n, "项")
        lead = f"民生实事全部完成。{session}票决的{total}民生实事已全部完成，共{done}。"
    elif done_n:
        done = b.fig("livelihood-completed") or b.number("lv.done", "已完成民生实事", done_n, "项")
        lead = f"民生实事有序推进。{session}票决的{total}民生实事，已完成{done}，其余项目正在加快推进。"
    else:
        lead = f"民生实事有序推进。{session}票决的{total}民生实事正在加快推进。"
    out = [("review.livelihood.projects", "p", lead)]
    for n, p in enumerate(inp.livelihood):
        name = b.text(f"lv.{n}.name", "民生实事项目", p.name, p.url)
        state = "已完成验收" if p.done else "正在推进"
        out.append((f"review.livelihood.{n}", "item", f"——{name}：{state}。"))
    return out


def _safety_extras(b: _Builder) -> list[tuple[str, str, str]]:
    sentences = []
    hot = b.fig("cases-hotline-received")
    if hot:
        s = f"12345热线受理工单{hot}"
        on_time, sat = b.fig("cases-hotline-on-time"), b.fig("cases-hotline-satisfaction")
        if on_time:
            s += f"，按期办结率{on_time}"
        if sat:
            s += f"，群众满意率{sat}"
        sentences.append(s)
    grid = b.fig("cases-grid-received")
    if grid:
        s = f"网格员上报事件{grid}"
        rate = b.fig("cases-grid-completion")
        if rate:
            s += f"，办结率{rate}"
        sentences.append(s)
    dispute = b.fig("cases-dispute-received")
    if dispute:
        s = f"排查化解矛盾纠纷{dispute}"
        rate = b.fig("cases-dispute-mediation")
        if rate:
            s += f"，化解率{rate}"
        sentences.append(s)
    hazard = b.fig("cases-hazard-received")
    if hazard:
        s = f"排查安全隐患{hazard}"
        closed, rate = b.fig("cases-hazard-closed"), b.fig("cases-hazard-rectification")
        if closed:
            s += f"，整改{closed}"
        if rate:
            s += f"，整改率{rate}"
        sentences.append(s)
    petition = b.fig("cases-petition-received")
    if petition:
        s = f"受理信访事项{petition}"
        rate = b.fig("cases-petition-on-time")
        if rate:
            s += f"，按期办结率{rate}"
        sentences.append(s)
    if not sentences:
        return []
    return [("review.safety.cases", "p", "基层治理持续深化。" + "。".join(sentences) + "。")]


def _governance_extras(b: _Builder) -> list[tuple[str, str, str]]:
    rate = b.fig("cases-suggestion-on-time")
    if not rate:
        return []
    return [("review.governance.suggestions", "p", f"认真办理人大代表建议，按期办复率{rate}。")]


_SECTION_EXTRAS = {
    "economy": _economy_extras,
    "rural": _rural_extras,
    "livelihood": _livelihood_extras,
    "safety": _safety_extras,
    "governance": _governance_extras,
}


# --- Templates: render, check, merge ------------------------------------------------------------------


def tokens(template: str) -> list[str]:
    return TOKEN_RE.findall(template)


def segments(template: str, fields: dict[str, Field]) -> list[tuple[str, Field | None]]:
    """The template as (text, None) and (field text, field) pieces; an unknown token shows as a gap."""
    out: list[tuple[str, Field | None]] = []
    pos = 0
    for m in TOKEN_RE.finditer(template):
        if m.start() > pos:
            out.append((template[pos : m.start()], None))
        f = fields.get(m.group(1))
        out.append((f.text, f) if f else (f"〔{m.group(1)}：已无此数据〕", None))
        pos = m.end()
    if pos < len(template):
        out.append((template[pos:], None))
    return out


def render(template: str, fields: dict[str, Field]) -> str:
    return "".join(text for text, _f in segments(template, fields))


def check_template(template: str, fields: dict[str, Field]) -> list[tuple[str, str]]:
    """Why an edited wording cannot be kept, as (problem code, detail); empty when it can. Codes:
    ``empty``, ``unknown`` (tokens naming no field), ``digits`` (numbers typed outside a field),
    ``syntax`` (a broken ``{{…}}``). The caller words them for the user."""
    problems = []
    if not template.strip():
        problems.append(("empty", ""))
    unknown = [k for k in tokens(template) if k not in fields]
    if unknown:
        problems.append(("unknown", "、".join("{{" + k + "}}" for k in unknown)))
    wording = TOKEN_RE.sub("", template)
    for name in NAMES_WITH_DIGITS:
        wording = wording.replace(name, "")
    typed = DIGITS_RE.findall(wording)
    if typed:
        problems.append(("digits", "、".join(typed[:5])))
    if "{{" in wording or "}}" in wording:
        problems.append(("syntax", ""))
    return problems


@dataclass
class Merged:
    blocks: list[Block]
    stale: list[str]  # edited blocks whose key no longer exists (kept aside, not in the report)
    broken: list[str]  # edited blocks quoting fields that no longer exist


def merge(comp: Composition, edits: dict[str, str]) -> Merged:
    """The composition's blocks with the user's edited wording where the block still exists."""
    keys = {b.key for b in comp.blocks}
    blocks, broken = [], []
    for block in comp.blocks:
        if block.key in edits:
            template = edits[block.key]
            if any(k not in comp.fields for k in tokens(template)):
                broken.append(block.key)
            block = Block(key=block.key, kind=block.kind, template=template, part=block.part)
        blocks.append(block)
    stale = [k for k in edits if k not in keys]
    return Merged(blocks=blocks, stale=stale, broken=broken)


def quoted_fields(blocks: list[Block], fields: dict[str, Field]) -> list[Field]:
    """The number fields the rendered report contains, in order, each once."""
    seen, out = set(), []
    for block in blocks:
        for k in tokens(block.template):
            f = fields.get(k)
            if f is not None and f.kind == "number" and k not in seen:
                seen.add(k)
                out.append(f)
    return out
