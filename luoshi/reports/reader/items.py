"""Named commitments beside the numbers: key projects, livelihood projects and key tasks.

A report lists by name what it did and what it promises: projects (重点项目: "推进卡萨石英石项目",
"A、B、C等重大项目"), livelihood projects (民生实事, numbered or not) and, in the plan part, the key
tasks (重点工作) that its sub-headings and "一是…" leads name. Each becomes an :class:`Item` with its
quote and offsets, so that the report → plan import can propose projects, livelihood candidates and
tasks as well as numeric targets.

General rules only, on the simplified copy; names are sliced from the text as written.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from .chars import CJK
from .model import Item, Meta, Section

PROJECT, LIVELIHOOD, TASK = "project", "livelihood", "task"

_ORD = "一二三四五六七八九十"
# (一)… and 1.… sub-headings; 一是… leads; a short lead clause closing with 。 at a line start.
_SUBHEAD_RE = re.compile(
    rf"^[ \t]*(?:[（(][{_ORD}]{{1,3}}[)）]|\d{{1,2}}[.．、](?!\d))[ \t]*(?P<name>[^。\n：:]{{2,40}})"
)
_LEAD_RE = re.compile(rf"(?:^|(?<=[。；;：:]))[ \t]*(?P<num>[{_ORD}])是(?P<name>[^。；;，,：:\n]{{2,30}})")
# (a lead lies inside a run without 。；，： holding 一是 … 十是: only those runs are searched)
_LEAD_STOP_RE = re.compile(r"[。；;，,：:\n]")
_LEAD_NEEDLE_RE = re.compile(rf"[{_ORD}]是")
_SHORT_LEAD_RE = re.compile(rf"^[ \t]*(?![{_ORD}]是)(?P<name>[{CJK}、“”]{{4,16}})[。！]")
_TOP_NUMBER_RE = re.compile(rf"(?:第[{_ORD}]{{1,3}}部分|[{_ORD}]{{1,3}})[、.．:：\s]*")

# A project: a phrase ending in one of these, after a verb or at a clause start.
_PROJECT_END = r"(?:项目|工程|产业园|工业园|园区|基地|示范区|集聚区|聚集区|小镇|综合体|中心)"
_VERBS = (
    r"完成|推进|推动|实施|启动|建成|开工|新建|建设|打造|加快|对接|引进|申报|落实|开展|抓好|"
    r"谋划|争取|续建|实施好|支持|做好|确保|力争|全力|加速|聚焦|依托|围绕|以"
)
# (a lookahead on the verbs' first characters: most positions are left without trying each verb)
_VERBS_AHEAD = "(?=[" + re.escape("".join(sorted({v[0] for v in _VERBS.split("|")}))) + "])"
_NAME_STOP = "，,。；;：:\n、“”的了"  # characters a project's name (and the verb before it) never holds
_PROJECT_RE = re.compile(
    rf"(?:{_VERBS_AHEAD}(?:{_VERBS})|(?<=[，,。；;、：:\n“的]))(?P<name>[^{_NAME_STOP}]{{2,30}}?{_PROJECT_END}+)"
)
# Speed: a match of _PROJECT_RE lies inside one run of characters outside _NAME_STOP holding a
# _PROJECT_END word, and one of _LIST_RE inside a run without ，。；\n holding 等…项目; the
# patterns are tried on those runs only (finditer over the runs = finditer over the line).
_PROJECT_STOP_RE = re.compile(f"[{_NAME_STOP}]")
_PROJECT_END_RE = re.compile(_PROJECT_END)
_LIST_STOP_RE = re.compile(r"[，,。；;\n]")
_LIST_NEEDLE_RE = re.compile(r"等[^，,。；;\n]{0,10}?(?:项目|企业|工程|载体)")  # (the tail of _LIST_RE)
_LIST_SPLIT_RE = re.compile(r"、|和|及|与")
_PROJECT_END_AT_END_RE = re.compile(_PROJECT_END + "$")
_DIGIT_RE = re.compile(r"\d")
_DIGIT_OR_STOP_RE = re.compile(r"\d|[，。]")
# "A、B、C等(重大|在谈…)项目/企业": each name of the list.
_LIST_RE = re.compile(
    rf"(?:{_VERBS_AHEAD}(?:{_VERBS})|(?<=[，,。；;：:\n]))(?P<list>[^，,。；;：:\n]{{2,80}}?)等[^，,。；;\n]{{0,10}}?(?:项目|企业|工程|载体)"
)
_GENERIC = re.compile(
    r"^(?:重点|重大|一批|各类|各项|产业|民生|基础设施|招商|在谈|储备|新建|续建|省市|省级|市级|县级|亿元以上|"
    r"[\d.]+[个项]|这些|上述|相关|该|本|全镇|全县|全市|全区|示范|服务)*(?:项目|工程|园区|基地|中心|示范区)$"
)
# Words before a name that are not part of it (verbs, adverbs, prepositions), stripped repeatedly.
_LEADING_RE = re.compile(
    r"^(?:全力以赴|以赴|积极|紧密|着力|重点|扎实|成功|顺利|全面|持续|计划|力争|确保|全年|大力|加快|推进|推动|实施|"
    r"启动|完成|建设|打造|落实|开展|对接|引进|申报|谋划|争取|支持|做好|抓好|聚焦|依托|围绕|获评|招引|实现|优选|"
    r"充分利用|合理布局|挖掘|调度|每周|千方百计|建立健全|实行|保障|狠抓|抓实|用好|与|对|随着|将|把|在|以|为|和|"
    r"新签约并注册|签约并注册|新开工|新签约)+"
)
# A class of projects rather than a named one: "超5亿元内资项目", "科创类项目", "优质项目".
_CLASS_RE = re.compile(
    r"类|超\d|\d+[个项]|以上|一批|优质|优秀|潜在|有效|已签约|千万级|亿元|万元|为中心|若干|更高|各"
)
_GENERIC_WORDS = re.compile(
    r"^(?:投资|招商|科创|研发|产业|重大|重点|特大|重特大|实事|民生实事|人才|创业人才|外资|内资|工业|服务业|农业农村|"
    r"民生|基建|新建|续建|在建|储备|实体|好|大|小|南通|省级|市级|县级|国家级)*"
)
_STAGE_RE = re.compile(r"开工|竣工|投产|建成|完工|签约|落地|通车|验收|达产|投用|投入使用|前期")
_INVEST_RE = re.compile(r"(?:总)?投资(?:额)?(?:约|达|超)?(?P<v>\d+(?:\.\d+)?)(?P<m>亿|万)元")
_LIVELIHOOD_RE = re.compile(r"民生实事|为民办实事|惠民实事|民生工程|十件实事")
_COUNT_RE = re.compile(r"(?P<n>\d+|[一二三四五六七八九十]{1,3})(?P<w>[项件个])(?:重点)?民生实事")
_PLAN_HEAD_RE = re.compile(r"安排|计划|打算|目标|思路|展望|建议|任务$")


def extract_items(text: str, simple: str, sections: list[Section], meta: Meta) -> list[Item]:
    """Projects, livelihood projects and (in the plan part) key tasks, in document order."""
    starts = [s.start for s in sections]
    found: list[Item] = []
    seen: set[tuple[str, int]] = set()

    def part_year(pos: int) -> tuple[str, int | None]:
        k = bisect_right(starts, pos) - 1
        part = sections[k].part if k >= 0 else "other"
        year = meta.plan_year if part == "plan" else meta.review_year if part == "review" else None
        return part, year

    def add(kind: str, name_start: int, name_end: int, q_start: int, q_end: int, **extra) -> None:
        name = text[name_start:name_end].strip(' \t“”"')
        if len(name) < 2 or (kind, name_start) in seen:
            return
        seen.add((kind, name_start))
        part, year = part_year(q_start)
        found.append(
            Item(
                name=name,
                kind=kind,
                part=part,
                year=year,
                quote=text[q_start:q_end],
                start=q_start,
                end=q_end,
                stage=extra.get("stage"),
                investment=extra.get("investment"),
            )
        )

    for sec in sections:  # top-level plan headings that name a task (not "2024年工作安排")
        if sec.part == "plan" and not _PLAN_HEAD_RE.search(simple[sec.start : sec.end]):
            number = _TOP_NUMBER_RE.match(simple, sec.start, sec.end)
            add(TASK, number.end() if number else sec.start, sec.end, sec.start, sec.end)

    livelihood_spans = _livelihood_spans(simple)
    for line_start, line in _lines(simple):
        part, _ = part_year(line_start)
        if part == "plan":
            m = _SUBHEAD_RE.match(line)
            if m:
                a = line_start + m.start("name")
                add(
                    TASK,
                    a,
                    a + len(m.group("name").rstrip()),
                    line_start + m.start(),
                    a + len(m.group("name")),
                )
            else:
                m = _SHORT_LEAD_RE.match(line)
                if m and len(line) > m.end() + 10 and not _DIGIT_RE.search(m.group("name")):
                    a = line_start + m.start("name")
                    add(TASK, a, line_start + m.end("name"), a, line_start + m.end("name"))
            for m in _runs_finditer(_LEAD_RE, line, _LEAD_STOP_RE, _LEAD_NEEDLE_RE):
                a = line_start + m.start("name")
                add(
                    TASK,
                    a,
                    line_start + m.end("name"),
                    line_start + m.start("num"),
                    line_start + m.end("name"),
                )
        for m in _COUNT_RE.finditer(line) if "民生实事" in line else ():  # (a cheap test first)
            q0, q1 = _clause(line, m.start(), m.end())
            add(LIVELIHOOD, line_start + q0, line_start + q1, line_start + q0, line_start + q1)
        for m in _runs_finditer(_LIST_RE, line, _LIST_STOP_RE, _LIST_NEEDLE_RE):
            names = _LIST_SPLIT_RE.split(m.group("list"))
            pos = m.start("list")
            q0, q1 = _clause(line, m.start("list"), m.end())
            for name in names:
                k = line.find(name, pos)
                pos = k + len(name)
                if 2 <= len(name) <= 20 and not _GENERIC.match(name) and not _DIGIT_OR_STOP_RE.search(name):
                    kind = LIVELIHOOD if _inside(livelihood_spans, line_start + k) else PROJECT
                    add(kind, line_start + k, line_start + pos, line_start + q0, line_start + q1)
        for m in _runs_finditer(_PROJECT_RE, line, _PROJECT_STOP_RE, _PROJECT_END_RE):
            name = m.group("name")
            lead = _LEADING_RE.match(name)
            skip = lead.end() if lead else 0
            name = name[skip:]
            core = _PROJECT_END_AT_END_RE.sub("", name)
            quoted = line[m.end("name") : m.end("name") + 1] in '”"' and m.end("name") < len(line)
            if (
                quoted  # a slogan in quotation marks ("千万工程"), not a project
                or _GENERIC.match(name)
                or "等" in name
                or len(name) < 4
                or _CLASS_RE.search(name)
                or len(_GENERIC_WORDS.sub("", core)) < 2
            ):
                continue
            a, b = line_start + m.start("name") + skip, line_start + m.end("name")
            q0, q1 = _clause(line, m.start(), m.end())
            clause = line[q0:q1]
            stage = _STAGE_RE.search(clause)
            invest = _INVEST_RE.search(clause)
            kind = LIVELIHOOD if _inside(livelihood_spans, a) else PROJECT
            add(
                kind,
                a,
                b,
                line_start + q0,
                line_start + q1,
                stage=stage.group() if stage else None,
                investment=_money(invest) if invest else None,
            )
    found.sort(key=lambda item: (item.start, item.kind))
    return found


def _runs_finditer(pattern: re.Pattern, line: str, stop: re.Pattern, needle: re.Pattern) -> list[re.Match]:
    """``list(pattern.finditer(line))``, for a pattern whose every match lies between two ``stop``
    characters and contains ``needle``: only the runs between stops that hold the needle are
    searched (lookbehinds still see the text before a run)."""
    hit = needle.search(line)
    if hit is None:  # most lines (a list, not a generator: this way costs least)
        return []
    found: list[re.Match] = []
    n = len(line)
    rev = line[::-1]
    done = 0  # the runs before this offset have been searched
    while hit is not None:
        at = hit.start()
        before = stop.search(rev, n - at)  # the nearest stop before the needle, searched forwards
        after = stop.search(line, at)
        done = after.start() if after else n
        found += pattern.finditer(line, n - before.start() if before else 0, done)
        hit = needle.search(line, done)
    return found


def _lines(simple: str):
    start = 0
    for line in simple.split("\n"):
        yield start, line
        start += len(line) + 1


def _clause(line: str, a: int, b: int) -> tuple[int, int]:
    """The clause around line[a:b]: from the last ，。；： before it to the next one after it."""
    left = -1
    for c in "，,。；;：:":
        k = line.rfind(c, 0, a)
        if k > left:
            left = k
    end = _CLAUSE_END_RE.search(line, b)
    return left + 1, end.start() if end else len(line)


_CLAUSE_END_RE = re.compile("[，,。；;]")


def _livelihood_spans(simple: str) -> list[tuple[int, int]]:
    """Paragraphs that talk about 民生实事: what they name is a livelihood project."""
    spans: list[tuple[int, int]] = []
    for m in _LIVELIHOOD_RE.finditer(simple):  # (the pattern never crosses a line)
        start = simple.rfind("\n", 0, m.start()) + 1
        if spans and spans[-1][0] == start:
            continue
        end = simple.find("\n", m.end())
        spans.append((start, len(simple) if end < 0 else end))
    return spans


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    return any(a <= pos < b for a, b in spans)


def _money(m: re.Match) -> float:
    return float(m.group("v")) * (1e8 if m.group("m") == "亿" else 1e4)
