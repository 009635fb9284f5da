"""The shape of a report: its top-level sections and its header metadata.

A 政府工作报告 opens with a title, "——<date>在<place>第X届人民代表大会第X次会议上", the
speaker, "各位代表：", then parts headed 一、<year>工作回顾 / 二、<year>工作安排 / 三、政府自身建设
(DOMAIN.md §10.1). Real pages vary: headers split over lines, titles repeated, letter-spaced,
traditional characters, headings run into the paragraph on one-line pages, numbering restarted
for subsections. Matching runs on the simplified copy; reported strings are sliced from the text.
"""

from __future__ import annotations

import datetime
import functools
import re
from collections import Counter
from dataclasses import dataclass

from . import divisions
from .chars import CJK, simplify
from .lazyre import lazy
from .model import Meta, Section


def _compact(s: str) -> str:
    """``s`` without whitespace: ``re.sub(r"\\s+", "", s)``, which is tried at every position, done by
    ``str.split`` (the same whitespace: both ask ``str.isspace``'s table)."""
    return "".join(s.split())


_NUM = "一二三四五六七八九十"
_CN_VALUE = {c: i for i, c in enumerate("零一二三四五六七八九", start=0)} | {"〇": 0, "○": 0, "两": 2}

_NUMBERED_RE = re.compile(rf"^(?P<num>[{_NUM}]{{1,3}})(?P<sep>[、.．])\s*(?P<title>\S.*)$")
_PART_RE = re.compile(rf"^第(?P<num>[{_NUM}]{{1,3}})部分[、:：\s]*(?P<title>.*)$")
# (each opens with a numeral or 第: a line's first character tells which of the two may match, so most
# lines, which open with neither, cost no search)
_NUMBERED_FIRST = frozenset(_NUM)
# (the lookbehind after the first numeral, not before it: a pattern that starts with a character
# class is scanned fast by the regex engine)
_INLINE_RE = re.compile(
    rf"(?P<num>[{_NUM}](?:(?<=[。.!?！？；;:：][{_NUM}])|(?<=报告[{_NUM}]))[{_NUM}]?)(?P<sep>[、.．])"
)
# what stands right before a run-in heading's numeral (_INLINE_RE's lookbehinds)
_INLINE_AFTER = frozenset("。.!?！？；;:：")


def _inline_headings(simple: str) -> list[re.Match]:
    """``list(_INLINE_RE.finditer(simple))``, tried only at the numerals after one of _INLINE_AFTER or
    after 报告: found with ``str.find`` of each numeral, which costs a fraction of the engine's scan for
    a class of characters over the whole text."""
    found: list[re.Match] = []
    last = 0  # finditer goes on from the end of the last match
    for at in sorted(p for c in _NUM for p in _finds(simple, c)):
        if at < last or at == 0:
            continue
        before = simple[at - 1]
        # (the character before first: most numerals stand in words, and a method call costs more)
        if before not in _INLINE_AFTER and (before != "告" or not simple.startswith("报告", at - 2)):
            continue
        m = _INLINE_RE.match(simple, at)
        if m is not None:
            found.append(m)
            last = m.end()
    return found


def _finds(s: str, c: str) -> list[int]:
    """Every offset of the character ``c`` in ``s``."""
    out: list[int] = []
    at = s.find(c)
    while at >= 0:
        out.append(at)
        at = s.find(c, at + 1)
    return out


_HEADING_END_RE = re.compile(
    r"(?:\d{4}年度?)?[^。，,；;：:\n]{0,14}?"
    r"(?:工作回顾|主要工作开展情况|主要工作|工作安排|工作计划|工作任务|主要目标|工作思路|工作打算|"
    r"基本情况|重点工作汇报|工作汇报|开展情况|自身建设|工作总结|回顾|安排|计划|情况|汇报|总结)"
    r"(?![及和暨与、])"  # (一、2024年工作总结及过去五年工作回顾: the whole of it)
)
_UNNUMBERED_RE = re.compile(
    r"^(?:\d{4}年度?|今年|明年|去年|过去一年|过去五年|本届政府)?[^，。；,;：:]{0,10}?"
    r"(?:工作回顾|工作安排|工作计划|工作任务|工作目标|主要工作|政府自身建设|工作总结|工作打算|工作思路)$"
    # a news digest's headings: "今年预期目标", "2025年重点工作"
    r"|^(?:\d{4}年度?|今年|明年)(?:的)?(?:主要)?(?:预期目标|重点工作|主要任务|工作重点)$"
    # a year's plan opened by what it requires: "2025年工作总体要求"
    r"|^\d{4}年度?(?:政府)?工作(?:的)?总体要求$"
    # a new term's review and plan: "认真回顾过去五年的成绩", "今后五年的主要任务"
    r"|^[^，。；,;：:]{0,6}?(?:过去|近|今后|未来)[三四五]年(?:来)?的?(?:主要)?(?:工作|成绩|成就|目标|任务)$"
    # a year's review of more than its work: "2025年工作和本届政府回顾", "2025年工作及“十四五”时期发展回顾"
    r"|^\d{4}年度?[^，。；,;：:]{0,14}?回顾$"
    # a news digest's label over the year past: "回顾2030", "2030回眸", "去年成绩单"
    r"|^(?:回顾|回眸|回望)\s*\d{4}年?$|^\d{4}年?(?:回顾|回眸)$|^(?:去年|过去一年)的?(?:成绩单|成绩|成就|回顾)$"
    # a news digest's labels of what was done and what is to be done: "回头看", "怎么干"
    r"|^(?:\d{4}年?)?(?:回头看|怎么干|怎样干)$"
    # a year's targets: "2031年发展的总体要求和主要目标"
    r"|^\d{4}年度?[^，。；,;：:]{0,14}?(?:主要目标|目标任务)$"
)
# the last characters of _UNNUMBERED_RE's closing words (each alternative ends with one, then $): a
# line ending otherwise is not tried
# a year's review or plan run in after a sentence's end, the next sentence right after it ("…提出意见。2030年
# 工作回顾2030年，我们…", "。2030年工作回顾刚刚过去的2030年…"): not a sentence of its own ("2031年工作安排如下")
_RUN_IN_YEAR_HEADING_RE = re.compile(
    r"[。：:]\s*(?P<head>(?:19|20)\d{2}年度?(?:政府)?工作(?:回顾|安排|计划|打算))"
    r"\s*(?=(?:19|20)\d{2}年|刚刚|过去|一年来|今年|[我在])"
)
_UNNUMBERED_LAST = frozenset("顾排划务标作设结算路点绩就单眸年看干求0123456789")
_TOP_WORDS_RE = re.compile(
    r"\d{4}年|今年|明年|去年|过去|本届|[四五]年|十[二三四五]五|回顾|安排|计划|目标|任务|思路|展望|总结|自身建设|"
    r"基本情况|汇报|主要工作|回首|过往"
)
# (a plan's 执行情况 / 完成情况 is what was done by it: "一、2021年国民经济和社会发展计划执行情况"; a
# plan's "主要工作目标", "主要工作任务" are no 主要工作 done)
_REVIEW_RE = re.compile(
    r"回顾|过去|去年|上年|主要工作(?!目标|任务|安排|计划|打算|思路|要点)|工作情况|开展情况|成绩|成就|总结|汇报|[四五]年来|回首|回望|回眸|过往|本届政府|十[二三]五"
    r"|执行情况|完成情况"
)
_PLAN_RE = re.compile(
    r"安排|计划|打算|目标|任务|思路|展望|今年|明年|今后|未来|自身建设|部署|建议|重点工作|工作重点|预期"
)
_OTHER_RE = re.compile(r"基本情况|概况|简介|说明|附件")
_PLAN_WORDS_RE = re.compile(r"计划|安排|要点|打算")
_YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_CN_YEAR_RE = re.compile(r"([〇○零一二][〇○零一二三四五六七八九]{3})年")


@dataclass(slots=True)
class _Candidate:
    num: int | None
    heading: str
    start: int
    end: int
    simple: str


def _cn_int(text: str) -> int:
    """Small Chinese numerals as used in headings and dates (一 ... 九十九)."""
    if not text:
        return 0
    if all(c in _CN_VALUE for c in text):  # digit by digit: 二〇二四
        return int("".join(str(_CN_VALUE[c]) for c in text))
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_CN_VALUE.get(tens, 1) if tens else 1) * 10 + (_CN_VALUE.get(ones, 0) if ones else 0)
    return _CN_VALUE.get(text, 0)


def find_sections(text: str, simple: str) -> list[Section]:
    """Top-level headings (一、… 二、… or unnumbered 'YYYY年工作回顾' lines), each with its part."""
    candidates: list[_Candidate] = []
    unnumbered: list[_Candidate] = []
    # run-in headings found in one pass over the text rather than line by line: a match never
    # crosses a line end, nor starts a line (its lookbehind needs punctuation or 报告 before it)
    inline = _inline_headings(simple)
    k = 0
    pos = 0
    for line in simple.split("\n"):
        start, pos = pos, pos + len(line) + 1
        if not line:
            continue
        first = line[0]
        m = (
            _NUMBERED_RE.match(line)
            if first in _NUMBERED_FIRST
            else _PART_RE.match(line)
            if first == "第"
            else None
        )
        if m:
            cand = _heading_at(text, simple, start, start + len(line), m, m.start("title"))
            if cand:
                candidates.append(cand)
        elif len(line) <= 25 and line[-1] in _UNNUMBERED_LAST and _UNNUMBERED_RE.match(line):
            unnumbered.append(
                _Candidate(None, text[start : start + len(line)], start, start + len(line), line)
            )
        if len(line) > 60 and "年工作" in line:
            # a page whose lines were joined into one: "…提出意见。2030年工作回顾2030年，我们…"
            for sm in _RUN_IN_YEAR_HEADING_RE.finditer(line):
                hs, he = start + sm.start("head"), start + sm.end("head")
                unnumbered.append(_Candidate(None, text[hs:he], hs, he, sm.group("head")))
        if len(line) > 20 and k < len(inline):
            while k < len(inline) and inline[k].start() < start:
                k += 1  # (in a line of 20 characters or fewer)
            while k < len(inline) and inline[k].start() < start + len(line):
                im = inline[k]
                k += 1
                cand = _heading_at(text, simple, im.start(), start + len(line), im, im.end() - im.start())
                # a shorter line holds a run-in heading only at its end ("…提出意见。一、2023年工作回顾",
                # as OCR or a copy site joins a heading to the paragraph before it)
                if cand and (len(line) > 60 or cand.end == start + len(line)):
                    candidates.append(cand)
    candidates.sort(key=lambda c: c.start)
    candidates = _drop_outline(simple, candidates)
    candidates = _drop_run_in_summary(simple, candidates)
    unnumbered = _drop_outline(simple, unnumbered)
    if unnumbered and unnumbered[0].start < 400 and _GOVERNMENT_NAMED_RE.search(unnumbered[0].simple):
        unnumbered = unnumbered[1:]  # (the page's title: the government's plan it sets out)
    while unnumbered and unnumbered[0].start < 400 and _PLACE_TITLE_RE.match(unnumbered[0].simple):
        # "青禾镇2031年工作计划" under a page's index fields, once or twice: the page's title, not a part
        unnumbered = unnumbered[1:]
    if unnumbered and unnumbered[0].start == 0 and candidates:
        unnumbered = unnumbered[1:]  # "青禾镇2025年工作计划" over 一、二、三: the title, not a part
    accepted: list[_Candidate] = []
    expected, nested = 1, False
    for cand in candidates:
        looks_top = _TOP_WORDS_RE.search(cand.simple) is not None
        if cand.num == 1 and accepted and expected > 1:
            nested = True  # numbering restarted: these are subsections
        if (
            not accepted
            and cand.num is not None
            and cand.num > 1
            and looks_top
            and (
                _title_only(simple[: cand.start])
                # (or an excerpt that opens in its review's last words, the problems still to be solved,
                # its first heading the plan's: "…我们也清醒地认识到…困难和问题…。二、2031年重点工作任务")
                or (
                    cand.num == 2
                    and cand is candidates[0]
                    and _PLAN_RE.search(cand.simple) is not None
                    and _REVIEW_TAIL_RE.search(simple, max(0, cand.start - 3000), cand.start) is not None
                )
            )
        ):
            expected = cand.num  # an excerpt that opens at its second part ("二、2025年主要目标和任务")
        if cand.num != expected or ((nested or unnumbered) and not looks_top):
            continue
        accepted.append(cand)
        expected += 1
    chosen = sorted(accepted + unnumbered, key=lambda c: c.start)
    sections: list[Section] = []
    # three or more headings none of which says review or plan ("一、稳增长扩投资…", "二、促改革优环境…")
    # are the chapters of one part, not a review followed by plans
    wordless = len(chosen) >= 3 and not any(
        _REVIEW_RE.search(c.simple) or _PLAN_RE.search(c.simple) or _OTHER_RE.search(c.simple) for c in chosen
    )
    # an excerpt that opens in a plan, the year's targets stated above its first heading
    # ("今年全镇的主要预期目标是：…" over "一、聚焦招商引资，…"): a heading that says neither
    # review nor plan is a chapter of the plan, not a review by its place first
    in_plan = bool(chosen) and opens_in_plan(simple, chosen[0].start)
    # (of a plan: "镇2025年工作计划" above them)
    one_part = (
        "plan"
        if wordless and (in_plan or _PLAN_WORDS_RE.search(simple, 0, min(chosen[0].start, 300)))
        else "review"
    )
    reviewed = None  # the year of the first part of review that names one
    for cand in chosen:
        previous = sections[-1].part if sections else ("plan" if in_plan else None)
        part = one_part if wordless else _part_of(cand.simple, previous)
        year = _YEAR_RE.search(cand.simple) if "年" in cand.simple else None
        if year and part == "review":
            if reviewed is None:
                reviewed = int(year.group(1))
            elif int(year.group(1)) > reviewed:
                part = "plan"  # "一、2023年主要工作" then "二、2024年主要工作": the later year is planned
        sections.append(Section(cand.heading, part, cand.start, cand.end))
    return sections or _digest_headings(text, simple)


def entries_of_a_list(simple: str, sections: list[Section]) -> bool:
    """Whether the headings found are the numbered entries of a list of projects in a story (the line right
    above the first introduces or titles the list): no parts of a report, though the items are read by
    them."""
    return bool(sections) and _list_of_projects_above(simple, sections[0].start)


def _list_of_projects_above(simple: str, start: int) -> bool:
    """Whether the line right above the first heading introduces or titles a list of projects ("…2031年
    十大实事项目", "…民生实事项目包括：") in a story, not a report read to the deputies: its numbered lines are
    the list's entries."""
    above = simple[:start].rstrip()
    line = above[above.rfind("\n") + 1 :]
    if not any(word in line for word in _LIST_INTRO_WORDS) or "各位代表" in above:
        return False
    return len(line) <= 30 or line.endswith(("：", ":"))


# a news digest's words that it sets out a report's plan ("报告对2031年的主要工作进行了安排", "全面部署2031年
# 重点工作", "主要预期目标是"), before the headings of the plan's areas of work
_DIGEST_OF_PLAN_RE = lazy(r"工作报告[^。\n]{0,30}?(?:安排|部署)|预期目标|重点工作|主要任务")
# what a digest's heading does not hold: a sentence's end, a colon, a figure
_NOT_IN_DIGEST_HEADING_RE = re.compile(r"[。；;：:！!？?…0-9０-９%％]")
_CLAUSE_MARK_RE = re.compile(r"[，,、“”\"]")


def _digest_headings(text: str, simple: str) -> list[Section]:
    """The plan's areas of work set as headings in a news digest of a report's plan, where no numbered
    or worded heading stands: the lines standing alone (``standing_alone``) after the digest says it
    sets out the plan ("全力服务新区建设" over what is to be done for it), two or more. They are the
    plan's parts, as the report's own headings would be."""
    announced = _DIGEST_OF_PLAN_RE.search(simple, 0, 3000)
    if announced is None:
        return []
    found = standing_alone(simple, announced.end())
    return [Section(text[a:b], "plan", a, b) for a, b in found] if len(found) >= 2 else []


def standing_alone(simple: str, after: int) -> list[tuple[int, int]]:
    """The short lines standing alone between the paragraphs of a digest, after offset ``after``: 6 to
    32 characters (no sentence end, colon or figure, no quotation left open), each right after a line
    that ends a sentence and over a paragraph of sentences (or at the text's end, where it was cut).
    A plan digest's headings of its areas of work (``_digest_headings``), and so its tasks."""
    lines: list[tuple[int, int]] = []  # the non-empty lines (start, end), stripped
    pos = 0
    for line in simple.split("\n"):
        start, pos = pos, pos + len(line) + 1
        body = line.strip()
        if body:
            lead = line.find(body[0])
            lines.append((start + lead, start + lead + len(body)))
    found: list[tuple[int, int]] = []
    for i in range(1, len(lines)):
        a, b = lines[i]
        if a < after or not 6 <= b - a <= 32 or _NOT_IN_DIGEST_HEADING_RE.search(simple, a, b):
            continue
        if simple[lines[i - 1][1] - 1] not in "。！？!?”":
            continue  # (under a title, a dateline or another short line: no paragraph ended before it)
        if i + 1 < len(lines):
            na, nb = lines[i + 1]
            if nb - na <= 20 or simple.find("。", na, nb) < 0:
                continue
        elif _CLAUSE_MARK_RE.search(simple, a, b):
            continue  # (the text's last line, with a clause's marks: a paragraph cut short)
        if simple.count("“", a, b) > simple.count("”", a, b):
            continue  # "…推出“A”、B“": a paragraph cut off, no heading
        found.append((a, b))
    return found


# a government named in a line: "2031年青禾镇政府工作安排" is the title of a page, not a part of it
_GOVERNMENT_NAMED_RE = re.compile(r"(?:[镇乡县区市省州旗]|人民)政府")
# a title that opens with its place's name and the year ("青禾镇2031年工作计划")
_PLACE_TITLE_RE = re.compile(rf"[{CJK}]{{2,8}}?(?:街道|镇|乡|县|区|市|旗)(?:19|20)\d{{2}}年")


# the last words of a review part: the problems it owns to ("清醒地认识到", "困难和问题", "差距和不足")
_REVIEW_TAIL_RE = re.compile(
    r"清醒(?:地)?(?:认识到|看到)|(?:困难|短板|差距|问题|矛盾)(?:和|与)(?:问题|不足|挑战|差距)|不足之处"
)


def _title_only(before: str) -> bool:
    """Nothing before a heading but a title block ("青禾县政府工作报告（摘要）", a date line): no sentence
    ends there and it is short, so an excerpt opening at its second part may still carry its title."""
    return len(before) <= 80 and "。" not in before and "；" not in before and "：" not in before


def resumed_after_outline(text: str, sections: list[Section]) -> list[Section]:
    """The parts, with the first part resumed after a list of the report's parts that ends them.

    A news page may list a report's parts line under line ("报告分为两大部分" over "一、…回顾" and
    "二、…安排"), with no paragraph between them, and then quote the report from its beginning
    under no heading of the list again: what follows belongs to the list's first part, not to the
    part its last line names. (The line over the list says it lists the parts: a review heading
    left empty right over a plan heading is no list.)
    """
    n = len(sections)
    if n < 2 or not text[sections[-1].end :].strip():
        return sections
    first = n - 1
    while first > 0 and not text[sections[first - 1].end : sections[first].start].strip():
        first -= 1
    head = sections[first]
    if first == n - 1 or head.part == sections[-1].part:
        return sections
    above = text.rfind("\n", 0, max(0, head.start - 1)) + 1
    if _PARTS_LISTED_RE.search(text, above, head.start) is None:
        return sections
    return sections + [Section(head.heading, head.part, sections[-1].end, sections[-1].end)]


# the line over a list of a report's parts: "报告分为两大部分", "报告共有三个部分："
_PARTS_LISTED_RE = re.compile(r"(?:分为|分成|包括|共有|共分)[^。\n]{0,8}?部分")


# the year's targets stated as a plan part states them ("主要预期目标是：…"), and the words of a review
# that would come before them
_TARGETS_STATED_RE = re.compile(r"预期目标(?:是|为|如下)?[：:]|预期目标(?:是|为)")
# (not "认真总结去年工作，研究部署今年任务": the guiding thought of a plan says it sums up the year past)
_REVIEWED_BEFORE_RE = lazy(r"回顾|过去的?一年|一年来|[五这]年来|过去五年|(?<!总结)去年|上年")


# the words that announce the tasks below them ("重点抓好以下工作：", "做好五个方面的工作：")
_TASKS_ANNOUNCED_RE = re.compile(
    r"(?:抓好|做好|突出|落实|推进)[^。\n：:]{0,6}?(?:以下|如下|[几两三四五六七八九十\d]{1,2}(?:个方面|项|件|大))"
    r"[^。\n：:]{0,8}?(?:工作|任务)[：:]"
)


# a plan's own title on a line of its own ("青禾镇人民政府2031年工作要点"; not "…2030年工作总结和2031年工作计划",
# a year's summary first)
_PLAN_TITLE_LINE_RE = re.compile(
    r"^[^。，,；;：:\n\d]{0,20}?(?:19|20)\d{2}年度?(?:工作)?(?:要点|计划|安排)$", re.M
)


def opens_in_plan(simple: str, end: int) -> bool:
    """The text before ``end`` (its first heading) states the year's targets, announces the tasks
    below it, or is titled as a plan ("2031年工作要点"), and tells of no year past: an excerpt of a
    report, or a plan, that starts in its plan part."""
    stated = _TARGETS_STATED_RE.search(simple, 0, end) or _TASKS_ANNOUNCED_RE.search(simple, 0, end)
    if stated is None and any(simple.find(w, 0, end) >= 0 for w in ("要点", "计划", "安排")):
        # (titled as a plan: no year past told anywhere above the heading)
        titled = _PLAN_TITLE_LINE_RE.search(simple, 0, end)
        return titled is not None and _REVIEWED_BEFORE_RE.search(simple, 0, end) is None
    return stated is not None and _REVIEWED_BEFORE_RE.search(simple, 0, stated.start()) is None


_LEADER_RE = re.compile(r"[\s.…·．。-]*\d*$")
_OUTLINE_GAP_RE = re.compile(r"[^\n]{41,}|[。；;]")


def _outline_key(heading: str) -> str:
    """A heading compared with its outline entry: no spaces, no dot leaders or page number."""
    return _compact(_LEADER_RE.sub("", heading))


def _drop_outline(simple: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """An outline of the headings printed before the title or the body (目录, a document site's
    table of contents): two or more heading lines with no paragraph between them, each of which
    comes again later. The body's headings are the sections, not the outline's."""
    if len(candidates) < 4:
        return candidates
    keys = [_outline_key(c.simple) for c in candidates]
    repeated = [keys[i] in keys[i + 1 :] for i in range(len(candidates))]
    drop: set[int] = set()
    for i in range(len(candidates) - 1):
        if repeated[i] and repeated[i + 1]:
            gap = simple[candidates[i].end : candidates[i + 1].start]
            if not _OUTLINE_GAP_RE.search(gap):
                drop.update((i, i + 1))
    return [c for i, c in enumerate(candidates) if i not in drop] if drop else candidates


_SUMMARY_GAP_RE = re.compile(r"\s*[；;，,、]?\s*")


def _drop_run_in_summary(simple: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """A news item's summary of a report's parts in one sentence ("报告共分为五个部分：一、…回顾；
    二、…安排；三、…"): run-in headings inside a line that follow one another with nothing but a ；
    or a ， between them are the list of the report's parts, not the headings of the text."""
    if len(candidates) < 2:
        return candidates
    drop: set[int] = set()
    for i in range(len(candidates) - 1):
        a, b = candidates[i], candidates[i + 1]
        if a.start == 0 or simple[a.start - 1] == "\n" or simple[b.start - 1] == "\n":
            continue  # a heading that opens its line
        if _SUMMARY_GAP_RE.fullmatch(simple, a.end, b.start):
            drop.update((i, i + 1))
    return [c for i, c in enumerate(candidates) if i not in drop] if drop else candidates


# (module constants, not ``re.search`` with the pattern's text: that looks it up in ``re``'s cache each call)
_TITLE_STOP_RE = re.compile(r"[。；;：:！？!?\n]")


def _heading_at(text: str, simple: str, start: int, line_end: int, m: re.Match, title_offset: int):
    """The heading text starting at ``start``: the whole line if short, else the title phrase."""
    num_text = m.group("num")
    num = _cn_int(num_text)
    if not num:
        return None
    line = simple[start:line_end]
    if len(line) <= 60 and start + len(line) == line_end and (start == 0 or simple[start - 1] == "\n"):
        end = line_end
    else:
        title_start = start + title_offset
        hm = _HEADING_END_RE.match(simple, title_start)
        if hm and hm.end() - title_start <= 30:
            end = hm.end()
        else:
            stop = _TITLE_STOP_RE.search(simple[title_start : title_start + 40])
            if not stop:
                return None
            end = title_start + stop.start()
    end = len(text[start:end].rstrip()) + start
    if end - start < 3:
        return None
    return _Candidate(num, text[start:end], start, end, simple[start:end])


# the head of a passage that announces what is to be done in a coming year: a voted or published
# 民生实事 list ("2025年民生实事项目票决出炉", "关于下达…实事项目的通知"), a news digest of a
# report's plan ("今年将实施12项…", "2025年怎么干") or a plan document ("2025年重点工作安排")
_LIST_HEAD_RE = lazy(
    r"(?:民生实事|惠民实事|实事项目|民心工程|为民办[^。\n]{0,3}?实事)[^。\n]{0,12}?(?:票决|票选|出炉|公布|确定|敲定|表决|印发|下达|发布|具体为)"
    r"|(?:票决|票选|表决|投票|确定|敲定|公布|印发|下达|发布|将|要)[^。\n]{0,30}?(?:民生实事|惠民实事|实事项目|民心工程|为民办[^。\n]{0,3}?实事)"
    r"|(?:办好|实施|推出)[^。，,；\n]{0,8}?(?:\d+|[一二三四五六七八九十两]{1,3})[件项](?:民生|惠民)?实事[：:]"
)
# (a list told as done: "2030年办好了10件实事")
_LIST_HEAD_DONE_RE = lazy(r"(?:完成|办成|办好|实施|建成|落实|兑现|实现)了")
# what follows a year, 今年 or 明年 (at its 年) in a head that plans it
_PLAN_AFTER_YEAR_RE = re.compile(
    r"年(?:[^，。；\n]{0,8}?(?:怎么|怎样|这样)干"
    r"|[^，。；\n]{0,12}?(?:将|要)(?:实施|办|建|新|重点|加快|推进|保持|全力|着力|做好|这样|按照|在|继续|围绕|增长)"
    r"|[^。\n]{0,16}?(?:工作安排|工作计划|工作要点|工作谋划|工作任务|分工方案|工作方案|责任分解|实施方案"
    r"|项目(?:建设)?计划|建设计划))"
)
# (not 发展计划: a 国民经济和社会发展计划 opens with how the year before went, "2029年，全省…")
# the first year a head names, then its subject that will act: "2026年，青禾镇将按照…" (a later year
# so told follows the year reviewed: "2023年全县新建公园3个。2024年，全县将…")
_FIRST_YEAR_AHEAD_RE = re.compile(
    r"年[，,][^，。；\n]{0,12}?(?:将|要)(?:实施|办|建|新|重点|加快|推进|保持|全力|着力|做好|按照|在|继续|围绕)"
)
# (a head that reports on such a list or plan tells what was done)
_DONE_HEAD_RE = re.compile(
    r"完成情况|进展情况|实施情况|执行情况|推进情况|落实情况|完成得|已(?:全部|基本)?完成|均已|基本完成|全部完成|"
    r"总结|回顾|纪实|视察|满意度|评议|一年来|今年以来|五年来|这五年|以来的五年"
)


# (a plan's promise to report on itself: "定期公布进展情况", "对…完成情况进行监测")
_REPORTS_ON_ITSELF_RE = lazy(
    r"(?:公布|通报|报送|上报)[^。，,\n]{0,4}?(?:完成|进展|实施|执行|推进|落实)情况"
    r"|(?:完成|进展|实施|执行|推进|落实)情况(?:进行)?(?:监测|督导|调度|通报|报送)"
)


# "2023年民生实事项目完成情况", "…重点工程推进情况": an account of a year's list
_LIST_DONE_HEAD_RE = lazy(
    r"(?:实事|项目|工程)[^。\n]{0,12}?(?:完成情况|进展情况|推进情况|实施情况|执行情况|落实情况)"
)


# "青禾镇2026年度重点工作计划二季度执行情况": the title of an account of how a plan is carried out
_PLAN_ACCOUNT_TITLE_RE = re.compile(
    r"(?:计划|要点|安排|任务|目标)[^。，,；;\n]{0,8}?(?:执行|完成|进展|推进|落实)情况"
)


def accounts_for_a_plan(simple: str) -> bool:
    """A text whose title (its first line, or the 标题 line of a catalogue's table over it) is an
    account of a plan's progress: its numbers tell what was done, though the year they belong to is
    the plan's."""
    end = simple.find("\n", 0, 80)
    if _PLAN_ACCOUNT_TITLE_RE.search(simple, 0, end if end >= 0 else 80) is not None:
        return True
    title = _CATALOGUE_TITLE_RE.search(simple, 0, 400)
    return (
        title is not None
        and _PLAN_ACCOUNT_TITLE_RE.search(simple, title.end(), simple.find("\n", title.end())) is not None
    )


# a catalogue's table over a government's document: "标题: …" (索引号, 发文日期, 发布机构 beside it)
_CATALOGUE_TITLE_RE = re.compile(r"^[ \t]*标[ \t]*题[ \t]*[:：]", re.M)


def says_review(simple: str, sec: Section) -> bool:
    """A part of review by its heading's words ("一、2024年工作回顾"), not only by its place first."""
    return sec.part == "review" and _REVIEW_RE.search(simple, sec.start, sec.end) is not None


def _plans_a_year(head: str) -> bool:
    """ "2025年要加快…", "今年将实施…", "2025年怎么干", "2025年重点工作安排" in ``head`` (tried at
    each 年 after a year, 今 or 明: a pattern opening with those gives the engine no first character)."""
    p = head.find("年")
    first = True
    while p >= 0:
        named = head[p - 1 : p] in ("今", "明") or (
            p >= 4 and head[p - 4 : p - 2] in ("19", "20") and head[p - 2 : p].isdigit()
        )
        if named:
            if _PLAN_AFTER_YEAR_RE.match(head, p) or (first and _FIRST_YEAR_AHEAD_RE.match(head, p)):
                return True
            first = False
        p = head.find("年", p + 1)
    return False


# a line that opens a year's list of projects: "青禾镇2031年八件民生实事分别是：", "2031年民生实事如下："
_LIST_INTRO_RE = re.compile(
    r"((?:19|20)\d{2})年[^。\n，,；;]{0,16}?(?:民生实事|惠民实事|实事项目|民心工程|为民办[^。\n]{0,3}?实事)"
    r"(?:项目)?(?:主要)?(?:包括|如下|分别是|分别为|具体为|有)[：:]"
)
_LIST_DONE_RE = lazy(r"完成|情况|已|落实|兑现")
# what tells the list's entries done: "已建成", "全部完成", "超额完成全年任务"
_ENTRIES_DONE_RE = lazy(r"已|[全均]部?完成|超额完成|完成情况|进展情况|顺利完成")


_LIST_INTRO_WORDS = ("实事", "民心工程")  # (a match of _LIST_INTRO_RE holds one)


def _list_intro(simple: str) -> re.Match[str] | None:
    """``_LIST_INTRO_RE.search(simple, 0, 3000)``, tried only on the lines that hold one of
    _LIST_INTRO_WORDS: a match stays within its line and holds one of them."""
    starts: set[int] = set()
    for word in _LIST_INTRO_WORDS:
        p = simple.find(word, 0, 3000)
        while p >= 0:
            starts.add(simple.rfind("\n", 0, p) + 1)
            p = simple.find(word, p + len(word), 3000)
    for start in sorted(starts):
        end = simple.find("\n", start, 3000)
        m = _LIST_INTRO_RE.search(simple, start, end if end >= 0 else 3000)
        if m is not None:
            return m
    return None


def listed_year(simple: str) -> int | None:
    """The year of a list of projects that a passage opens ("2031年八件民生实事分别是：" and the list),
    None when none is opened or what follows tells of it done ("…包括：…已全部完成"). (A report of an
    earlier year's list heard at the same meeting, "审议了《2030年民生实事项目完成情况的报告》", does not make the
    coming year's list an account.)"""
    m = _list_intro(simple)
    if (
        m is None
        or _LIST_DONE_RE.search(m.group())
        or _ENTRIES_DONE_RE.search(simple, m.end(), m.end() + 300)
    ):
        return None
    return int(m.group(1))


def plans_ahead(simple: str) -> bool:
    """A passage whose head (its first 400 characters) announces a coming year's list or plan:
    what it lists is planned, though no heading of a plan part stands above it."""
    if listed_year(simple) is not None:
        return True
    head = simple[:400]
    # (the list's pattern tried only where a list is named: its verbs 将, 要, 发布 are everywhere)
    listed = False
    if "实事" in head or "民心工程" in head:
        m = _LIST_HEAD_RE.search(head)
        listed = m is not None and _LIST_HEAD_DONE_RE.search(m.group()) is None
    if not listed and not _plans_a_year(head):
        return False
    if "情况" in head:
        head = _REPORTS_ON_ITSELF_RE.sub("", head)
    return _DONE_HEAD_RE.search(head) is None


# the verbs of a plan ("加快…", "力争…", "着力打造…") and the marks of what was done ("…了", 已, 同比)
_PLAN_VERB_RE = lazy(r"加快|推动|力争|确保|着力|打造|争创|加力|加大|深化|强化|谋划|启动|争取|全力|大力|将|要")
_DONE_MARK_RE = lazy(r"了|已|同比|比上年|较上年|累计|获批|荣获|位居|成功|取得|实现|达到|增长")


def reads_as_a_plan(simple: str) -> bool:
    """A passage without headings told in the verbs of a plan, with hardly a mark of anything done
    (at least 10 of them, four for each such mark): a chapter of a plan part, or a list of tasks."""
    head = simple[:3000]
    ahead = len(_PLAN_VERB_RE.findall(head))
    return ahead >= 10 and ahead >= 4 * len(_DONE_MARK_RE.findall(head))


def _part_of(heading: str, previous: str | None) -> str:
    if _OTHER_RE.search(heading) and not _REVIEW_RE.search(heading) and not _PLAN_RE.search(heading):
        return "other"
    if _REVIEW_RE.search(heading):
        return "review"
    if _PLAN_RE.search(heading):
        return "plan"
    if previous is None:
        return "review"
    if previous == "review":
        return "plan"
    return previous


# --- metadata -------------------------------------------------------------------------------

_SUFFIX = r"(?:自治区|自治州|自治县|自治旗|街道|苏木|地区|省|市|州|盟|县|区|旗|镇|乡)"
_LEVELS = [
    ("town", ("街道", "苏木", "镇", "乡")),
    ("county", ("自治县", "自治旗", "县", "区", "旗")),
    ("city", ("自治州", "地区", "市", "州", "盟")),
    ("province", ("自治区", "省")),
]
_LONG_SUFFIXES = [(lv, sx) for lv, sxs in _LEVELS for sx in sxs if len(sx) == 3]
_RANK = {"town": 0, "county": 1, "city": 2, "province": 3}
_PLACE = (
    rf"[^，。,;；：:“”\"\s（）()、届]{{1,18}}?{_SUFFIX}"  # (no 届: 我代表十八届县人民政府 names no place)
)
# "我代表青禾区人民政府松岭街道办事处": a street office named with the district it belongs to
_DELEGATE_RE = re.compile(
    rf"我代表(?:(?P<upper>{_PLACE})(?:人民政府|政府)(?=[^，。,;；\n]{{2,20}}?办事处))?"
    rf"(?P<place>{_PLACE})(?:第[{_NUM}百\d]+届)?(?:人民政府|政府|街道办事处|办事处|管委会|管理委员会)"
)
# "2024年青禾市松岭区人民政府白石街道办事处工作总结": a title naming the street office with its district
_TITLE_OFFICE_RE = re.compile(
    rf"(?P<upper>{_PLACE})(?:人民政府|政府)(?P<place>[{CJK}]{{2,8}}?(?:街道|镇|乡))(?:办事处|人民政府)"
)
_BARE_DELEGATE_RE = re.compile(rf"我代表(?:第?[{_NUM}百\d]+届)?(?P<suffix>{_SUFFIX})(?:人民政府|政府|办事处)")
# the bodies a report is given to: a people's congress, or (streets, communities, enterprises) a
# 居民代表会议, 居民议事会, 议政代表会议, 职工代表大会
# (and a body named by its members: "第一届议事代表第四次会议")
_BODY = (
    rf"(?:人民代表大会|人代会|人大|[{CJK}]{{0,8}}?代表(?:大会|会议)|[{CJK}]{{0,6}}?议事会|职代会"
    rf"|[{CJK}]{{1,4}}?代表(?=第[{_NUM}\d]+次))"
)
# (and "在青禾县松岭镇召开的第十五届人民代表大会…": the place where its congress was convened)
# (or right after the date: "（2024年1月10日 青禾县第八届人民代表大会第二次会议）")
_MEETING_PLACE_RE = re.compile(
    rf"(?:[在于]|日(?=[{CJK}])(?![在于]))(?P<place>{_PLACE})(?:召开的)?第?[{_NUM}百\d]+届{_BODY}"
)
# what follows a meeting's name in a news report of it
_NEWS_OPENS = r"(?=今日|今天|上午|下午|开幕|召开|举行|在|隆重|胜利|顺利|圆满|[（(])"
# a news report of the congress: "1月27日上午，青禾省第十四届人民代表大会第四次会议开幕。李青山代表省人民
# 政府向大会作政府工作报告。": the meeting's place opens a sentence, the speaker is the delegate
_OPENING_MEETING_RE = lazy(
    rf"(?:^|[。，,\n】\]])(?P<place>[{CJK}]{{1,12}}?{_SUFFIX})(?:第?[{_NUM}百\d]+届{_BODY}第?[{_NUM}\d]+次"
    rf"(?:全体)?会议{_NEWS_OPENS}"
    # "青禾县松岭镇组织召开第二十一届人民代表大会第四次会议", "松岭街道举行第一届社区代表会议…": the place convenes it
    rf"|(?:组织|隆重|胜利)?(?:召开|举行)(?:了)?第?[{_NUM}百\d]+届{_BODY}第?[{_NUM}\d]+次?(?:全体)?会议)"
)
# a name of several parts joined by a middle dot (阿布都·买买提艾力), which runs past the usual two to four
# characters (pages write the dot as ·, • or ・)
_DOTTED = rf"[{CJK}]{{1,8}}(?:[·•・][{CJK}]{{1,8}}?){{1,2}}"
_NEWS_PARTY = r"(?:[省市县区旗州盟镇乡]委(?:副)?书记、)?"  # (a party office before the title is no title)
_NEWS_TITLE = r"(?:代理|代)?[省市县区旗州盟镇乡]长"
_NEWS_REPORT = (
    r"(?:(?:在(?:大)?会上)?在?所?(?:在?[作做]|在)(?:了|的)?《?[省市县区]?(?:人民)?(?:政府)?工作报告"
    # ("市长李青山在报告中说": the report named once the story is of it)
    r"|在报告中(?=[说指表提强]))"
)
# "李青山代表省人民政府向大会作政府工作报告", "青禾省省长李青山作省政府工作报告时表示",
# "青禾市市长李青山在政府工作报告中", and the name before the title: "李青山市长作政府工作报告"
_NEWS_SPEAKER_RES = [
    lazy(rf"(?:^|[。，,\n])(?P<name>{_DOTTED}|[{CJK}·]{{2,3}}?)(?P<title>{_NEWS_TITLE}){_NEWS_REPORT}"),
    lazy(
        rf"(?:^|[。，,\n】\]])(?:[{CJK}]{{2,8}}?(?=[省市县区旗州盟]委)|[{CJK}]{{2,6}}?[省市县区旗])?"
        rf"{_NEWS_PARTY}(?P<title>{_NEWS_TITLE})?(?P<name>(?!人民|政府|长)(?:{_DOTTED}|[{CJK}·]{{2,4}}?))"
        rf"(?:同志)?(?:代表(?:[{CJK}]{{0,8}}?{_SUFFIX})?(?:人民政府|政府)(?:向大会)?)?{_NEWS_REPORT}"
    ),
]
# the office held in the government before the title, or after a verb of the meeting: "县委副书记、县人民政府
# 县长李青山代表县人民政府向大会作《政府工作报告》", "青禾省人民政府省长李青山作政府工作报告", "会议由镇长李青山向大会
# 作政府工作报告", "大会听取了镇长李青山代表镇人民政府所作的政府工作报告", "该镇镇长李青山所作的…", "县长李青山
# 代表县人民政府向大会报告工作", "区长李青山在青禾区第三届人民代表大会第三次会议上，代表区人民政府向大会作政府工作"
# (or to the meeting: "青禾省省长李青山向省十四届人大三次会议作政府工作报告"; an autonomous region's head is its
# 主席: "青禾自治区主席李青山向大会作政府工作报告")
# (what the speaker did: "作了题为《…》的政府工作报告", "作《2024年政府工作报告》", "报告工作")
_OFFICE_REPORT = (
    r"(?:在(?:大)?会上)?(?:所?(?:在?[作做]|在)(?:了|的)?(?:题为《[^》\n]{1,40}》的)?(?:"
    # (a report of part of the year, its title in brackets: "作了《上半年政府工作报告》", "作《街道办事处
    # 上半年工作报告》")
    r"《[^》\n]{0,12}?半年[^》\n]{0,6}?工作|《?"
    # (or the place named, before or after the year: "所作青禾镇人民政府工作报告", "所作的《青禾镇2030年政府
    # 工作报告》", "所作的《青禾镇人民政府2030年上半年工作报告》", "作2030年镇政府工作报告")
    rf"(?:[{CJK}]{{1,6}}?[省市县区旗镇乡](?:人民政府|政府)?(?=人民政府|政府|(?:19|20)\d{{2}}年))?"
    r"(?:(?:19|20)\d{2}年度?)?[省市县区镇乡]?(?:人民)?(?:政府)?(?:[上下]半年)?工作)|报告(?:政府)?工作)"
)
# (where the story names the speaker: after a sentence's start, at the party office held with the title
# where a page's captions run together ("…全体代表大会镇党委副书记、镇长李青山作…"), 由, 听取/审议 (了),
# or 通过 (了): "会议表决通过了省长李青山所作的政府工作报告")
_OFFICE_ANCHOR = r"(?:^|[。，,\n】\]]|(?=[省市县区旗镇乡]党?工?委副?书记、)|由|(?:听取|审议)(?:和|并)?(?:审议|听取)?了?|通过了?)"
_NEWS_OFFICE_SPEAKER_RE = lazy(
    rf"{_OFFICE_ANCHOR}(?:[^。，,\n]{{0,16}}?、){{0,3}}"
    rf"(?:[{CJK}]{{0,8}}?(?:人民政府|政府|办事处|管委会|自治区)"
    rf"|[{CJK}]{{1,6}}?[省市县区旗镇乡](?=(?:代理|代)?[省市县区旗州盟镇乡]长))?"
    rf"(?P<title>(?:代理|代|常务副|副)?[省市县区旗州盟镇乡]长|(?<=办事处)(?:代理|代)?主任|(?<=管委会)主任"
    rf"|(?:(?<=自治区)|(?<=自治区人民政府))(?:代理|代)?主席)"
    rf"(?P<name>{_DOTTED}|[{CJK}·]{{2,4}}?)(?:同志)?"
    rf"(?:在[^。\n]{{0,30}}?会议上[，,]?|向[^。\n]{{0,30}}?会议(?=作))?"
    rf"(?:代表[{CJK}]{{0,10}}?(?:人民政府|政府)[，,]?)?(?:向大会)?" + _OFFICE_REPORT
)
# the name before the title: "李青山县长代表县人民政府作…", "听取和审议了李青山县长所作的…", and a delegate
# without a title: "会议听取了李青山代表县人民政府所作的政府工作报告", "李青山向大会作《政府工作报告》"
_NEWS_NAME_FIRST_RE = lazy(
    rf"{_OFFICE_ANCHOR}(?P<name>{_DOTTED}|[{CJK}·]{{2,3}}?)(?P<title>(?:代理|代)?[省市县区旗州盟镇乡]长)?(?:同志)?"
    rf"(?(title)|(?:(?<=同志)|(?=代表|向大会作)))(?:代表[{CJK}]{{0,10}}?(?:人民政府|政府)[，,]?)?(?:向大会)?"
    + _OFFICE_REPORT
)
# the title the story gave the speaker before ("镇党委副书记、镇长李青山…出席会议。李青山向大会作…")
_TITLE_BEFORE_NAME_RE = lazy(r"(?:代理|代|常务副|副)?[省市县区旗州盟镇乡]长")
# (not a meeting of several days, "3月30日至31日": no one day the report was given)
# (a page's dated byline glued to the news day is no part of it: "2030-12-3112月25日，…召开")
_NEWS_DATE_RE = lazy(
    rf"(?:(?<![\d年至到~～—\-])|(?<=[12]\d{{3}}-[01]\d-[0-3]\d))(?P<m>\d{{1,2}})月(?P<d>\d{{1,2}})日(?![至到~～—\-])"
    rf"(?:上午|下午)?[，,]?"
    # (not a dispatch's day before the story's own: "（记者）6月29日电 6月28日，青禾镇第五届…")
    rf"(?:(?!\d{{1,2}}月\d{{1,2}}日)[^。]){{0,30}}?第?[{_NUM}百\d]+届{_BODY}"
)
# a header line of the government alone ("青禾县人民政府"), or of the speaker's office
# ("青禾县人民政府县长李青山", "青禾县县长 李青山")
_GOVERNMENT_LINE_RE = re.compile(
    rf"^(?!中共)(?P<place>[^委，。,;；：:“”\"\s（）()、届]{{1,18}}?{_SUFFIX})(?:(?:人民政府|政府|街道办事处|办事处)$"
    rf"|(?:人民政府|政府|办事处)?(?=(?:代理|代|常务副|副)?(?:镇|乡|县|区|旗|市|州|盟|省)长|主任))"
)
_TITLE_PLACE_RES = [
    re.compile(rf"^(?:[（(][^）)]{{1,8}}[)）])?\d{{4}}年度?(?P<place>{_PLACE})(?:人民)?政府工作报告"),
    # ("(青禾省)松岭市白石县人民政府工作报告(2025年1月6日)": a site's title with the province first)
    re.compile(
        rf"^(?:[（(][^）)]{{1,8}}[)）])?(?P<place>{_PLACE})(?:人民政府|政府|办事处)?(?:\d{{4}}年?度?)?(?:人民政府|政府)?的?"
        r"(?:工作报告|社代会报告|政府工作报告|工作总结|工作计划|工作要点|工作安排|工作打算|工作思路)"
    ),
    # "青禾镇人民政府关于2024年工作总结和2025年工作安排的报告", "关于青禾镇2024年工作情况的报告",
    # "政府工作报告——青禾县"
    re.compile(
        # (the place whole: "青乡市人民政府关于印发…计划" names 青乡市, not a 乡 called 青)
        rf"^(?:关于)?(?P<place>{_PLACE})(?![市县区州盟省旗])(?:人民政府|政府|办事处)?(?:关于)?[^，。,；;]{{0,30}}?"
        r"(?:报告|总结|计划|要点|工作安排|工作打算|\d{4}年度?[^，。,；;\d]{0,12}?(?:安排|打算|任务))"
    ),
    re.compile(rf"^(?:政府)?工作报告[—―\-－]+(?P<place>{_PLACE})$"),
    # a whole title line that ends in 安排 or 打算: "青禾镇下半年重点工作打算", "青禾县关于…的安排"
    re.compile(
        rf"^(?:关于)?(?P<place>{_PLACE})(?![市县区州盟省旗])(?:人民政府|政府|办事处)?(?:关于)?[^，。,；;]{{0,30}}?"
        r"(?:安排|打算)$"
    ),
    # a plan titled with its year first: "2026年青禾县经济社会发展主要目标和重点任务"
    re.compile(
        rf"^\d{{4}}年度?(?P<place>{_PLACE})(?![市县区州盟省旗镇乡])[^，。,；;]{{0,16}}?"
        r"(?:计划|要点|工作安排|主要目标|预期目标|重点任务|目标任务)"
    ),
    # a news headline of a list: "青禾市人大代表票决2025年十件民生实事", "2025年松岭区政府实事项目公布"
    # (the place whole: not 季市 of 季市镇, not "今年青禾市")
    re.compile(
        rf"^(?:\d{{4}}年度?)?(?!今年|明年|自)(?P<place>[{CJK}]{{1,8}}?{_SUFFIX})(?![镇乡区县市州街])"
        r"(?:人大代表|人民政府|政府)?[^，。,；;\s]{0,16}?(?:民生实事|实事项目|民心工程)"
    ),
    _GOVERNMENT_LINE_RE,
]
# "镇政府工作报告", "镇2025年度工作计划": a title naming only the kind of place (anonymised)
_BARE_TITLE_RE = lazy(
    rf"^(?P<suffix>{_SUFFIX})(?:人民政府|政府|办事处)?(?:\d{{4}}年?度?)?(?:人民政府|政府)?的?"
    r"(?:工作报告|政府工作报告|工作总结|工作计划)"
)
# "(某省)2020年某市人民政府工作报告": a site's title naming the province (or city) first
_TITLE_UPPER_RE = re.compile(rf"^[（(](?P<upper>[^）)]{{2,8}})[)）]\s*(?:\d{{4}}年|[{CJK}]{{2,8}}?人民政府)")
# "坚强领导下，松岭街道深入贯彻…", "今年以来，青禾乡紧紧围绕…": the place as the subject of the opening
# (the party committee named first: "一年来，青禾街党工委、青禾街道办事处在区委…领导下")
_SUBJECT_PLACE_RE = re.compile(
    rf"(?:领导下|以来|一年来|过去一年)[，,]\s*(?:[{CJK}]{{2,6}}?党工?委[、和])?(?P<place>[{CJK}]{{2,6}}?(?:街道|镇|乡))(?![办政党人](?!事处|府|工委|委|民政府|大))"
)
# "2024年，松岭街道坚持…" (a separate pattern: one that starts with a character class is scanned fast)
_YEAR_SUBJECT_RE = re.compile(
    # (not "2026年，将继续推进乡村振兴": a sentence of what is to be done has no place for its subject)
    rf"[12][09]\d{{2}}年(?:度|上半年)?[，,]\s*(?![将要])(?P<place>[{CJK}]{{2,6}}?(?:街道|镇|乡))(?![办政党人](?!事处|府|工委|委|民政府|大))"
)
# a government answers to its own congress: "区人大、区政协的监督支持下" says the report is a district's
_OWN_CONGRESS_RE = lazy(r"(?P<t>县|区|市|省|旗|镇|乡)(?:人大|政协)")
# (not a ranking against the superior: 全省第一, 全市前列)
# (an anonymised copy names itself so too: "xx镇将…")
_SELF_REF_RE = lazy(
    r"(?:全|我|本|[xX×]{2})(?P<t>街道|镇|乡|县|区|市|州|省|旗)(?!第|前列|前茅|首位|排名|领先|率先|唯一)"
)
_LEVEL_WORD_RE = lazy(r"(?P<t>镇|乡|县|区|市|省)级")
# "全县2024年工作总结", "人民代表大会乡长…": no place of a title
_NOT_A_TITLE_PLACE_RE = re.compile(
    rf"^[全本我该各此每这]{_SUFFIX}$|代表|大会|会议|人民"
    r"|^(?:乡镇|城镇|村镇|小镇|集镇|街镇|镇街|城乡)$"  # "乡镇年度工作总结": a kind of place, not its name
    r"|^全国|各[省市县区]|^[省区市县]{3,}$"  # "全国各省区市政府工作报告汇编": a collection of many places' reports
)
# (a catalogue page's "发布机构 | 松岭街道 |", "发布机构: 青禾区政府办", or a table that keeps both the
# colon and the cell's bar, "发布机构: | 松岭街道 |": the office that put it out)
# (not a news outlet: 来源：青禾市新闻传媒中心, 青禾县融媒体中心, 青禾日报)
# (the whole chain of a government: "来源：青禾市松岭区白石镇人民政府" is 白石镇's page, not 青禾市's)
_SOURCE_RE = re.compile(
    rf"(?:信息来源|来源|发布机构|发文机关)\s*(?:[:：][ \t]*[|｜]?|[|｜])\s*(?P<place>{_PLACE}(?=(?:人民)?政府|街道办事处|办事处)"
    # (a table's whole cell: "发布机构 | 青禾区松岭街道 |" is the street's page, not the district's; or
    # the whole field before the next: "发布机构: 青禾区松岭镇 发文日期: …")
    rf"|{_PLACE}(?=[ \t]*[|｜\n]|[ \t])|{_PLACE}(?!新闻|传媒|融媒|日报|晚报|电视|广播|报社|发布|[区县市旗]))"
)
_BRACKETED_PLACE_RE = re.compile(
    rf"^[ \t]*【(?P<place>[{CJK}]{{1,10}}(?:区|县|市|旗|镇|乡|街道))】[ \t]*$", re.M
)
_ANONYMOUS_RE = re.compile(r"^(?:[xX×*＊○〇某_＿]+|X+|XX|xx)$")
# 第三届人民代表大会第六次会议, and the bodies of places without a congress as written:
# 第二届居民代表会议第三次会议, 第四届议政代表会议第二次会议, 第五届职工代表大会第一次会议.
# (also without 第 where the header says the report was given there: "在县十八届人大五次会议上", not
# "完成了县九届人大二次会议确定的任务"; or where it adopted what the text hands on: "《2025年青禾市国民经济和
# 社会发展计划》已经青禾市五届人大二次会议审议通过")
_MEETING_RE = re.compile(
    rf"第[{_NUM}百\d]+届{_BODY}(?:第?[{_NUM}\d]+次|第[{_NUM}\d]+)(?:全体)?(?:会议|大会)"
    rf"|[{_NUM}百\d]+届{_BODY}第?[{_NUM}\d]+次(?:全体)?(?:会议|大会)"
    rf"(?=上|第[{_NUM}\d]+次全体会议上|(?:审议|审查)?(?:通过|批准))"
)
# a header whose 届 or session number was lost in extraction, written as found there (meeting "as written"):
# "在青禾县松岭镇十二人民代表大会第次会议上", "在镇第七届人民代表大会第次会议上"
_DAMAGED_MEETING_RE = lazy(
    rf"(?<=[镇乡县区市旗])第?[{_NUM}百\d]{{1,4}}届?(?:人民代表大会|人大)第?[{_NUM}\d]{{0,3}}次(?:全体)?会议(?=上)"
)
# a session whose number a page masked: "青禾市第十六届人民代表大会**次会议…开幕"
_MASKED_MEETING_RE = lazy(rf"第[{_NUM}百\d]+届(?:人民代表大会|人大)第?[*＊]{{1,3}}次(?:全体)?会议")
# the day after the meeting's name: "青禾市第十届人大第三次会议1月21日上午…开幕"
_DAY_AFTER_MEETING_RE = lazy(
    rf"届{_BODY}第?[{_NUM}\d*＊]+次(?:全体)?会议(?P<m>\d{{1,2}})月(?P<d>\d{{1,2}})日(?:上午|下午)?[^。，,]{{0,16}}?开幕"
)
_FULL_MEETING_RE = re.compile(rf"第[{_NUM}百\d]+届{_BODY}第[{_NUM}\d]+次(?:全体)?(?:会议|大会)")
# a delegation of the congress: "参加区九届人大二次会议第四代表团分团讨论"
_DELEGATION_MEETING_RE = lazy(
    rf"[{_NUM}百\d]+届{_BODY}[{_NUM}\d]+次(?:全体)?会议(?=第?[{_NUM}\d]{{0,3}}代表团)"
)
# a news report: "青禾市四届人大八次会议开幕"
# (the session with its 第, "青禾镇十八届人大第七次会议在…"; and the two meetings told together,
# "五届人大六次会议、政协五届四次会议胜利召开")
_NEWS_MEETING_RE = re.compile(
    rf"第?[{_NUM}百\d]+届{_BODY}第?[{_NUM}\d]+次(?:全体)?会议(?:{_NEWS_OPENS}|(?=、政协))"
)
# (the year opens with one class, \d{4} or 二〇二五 after it: a pattern that starts with a class is
# scanned fast by the regex engine; one that starts with alternatives of repeats is tried everywhere)
_CN_DIGITS = "〇○零一二三四五六七八九"
_DATE = (
    rf"(?P<y>[\d{_CN_DIGITS}](?:(?<=\d)\d{{3}}|(?<=[{_CN_DIGITS}])[{_CN_DIGITS}]{{3}}))"
    r"年(?P<m>\d{1,2}|[一二三四五六七八九十]{1,3}|元)月(?P<d>\d{1,2}|[一二三四五六七八九十]{1,3})日"
)
# ——, — or an opening bracket before a date (as (?:——|—|[（(]), opening with a class: see _DATE)
# (a page may draw the dash with a box-drawing line or a horizontal bar: "──2024年…", "――2024年…")
_DASH = r"[—─―（(](?:(?<=[—─―])[—─―])?"
# "——2022 1 20 日在…": 年 and 月 lost in PDF extraction, the numbers still apart.
# Also "（2022 1 20 日）", "2022年1 20日在", "2022 1 20 在…": whichever of 年/月/日 survived.
_GAPPED_DATE_RE = re.compile(
    r"(?:^|——|—|[（(])[ \t]*(?P<y>\d{4})(?:[ \t]*年[ \t]*|[ \t]+)(?P<m>\d{1,2})(?:[ \t]*月[ \t]*|[ \t]+)"
    r"(?P<d>\d{1,2})[ \t]*日?[ \t]*(?=在|[）)]|$)",
    re.M,
)
# "县长赵甲宏（2020年1月8日）": the speaker run into the header, the date after the name (below).
# a header line that is only a date ("二〇二五年二月十二日", "（2025年2月12日）")
# a news story that dates its first sentence in full: "2024年1月23日上午，青禾县第十八届人民代表大会第三次会议开幕"
_NEWS_FULL_DATE_RE = lazy(
    rf"(?P<y>(?:19|20)\d{{2}})年(?P<m>\d{{1,2}})月(?P<d>\d{{1,2}})日(?:上午|下午)?[，,]?"
    # (not a page's date before the story's own day: "青禾日报 2031年01月14日 1月13日上午，…开幕"; nor a page's
    # date before its furniture, "2031年01月14日 返回该版首页 青禾镇召开第三届人民代表大会…")
    rf"(?:(?!\d{{1,2}}月\d{{1,2}}日|返回|首页|来源|星期)[^。]){{0,30}}?第?[{_NUM}百\d]+届{_BODY}"
)
_DATE_LINE_RE = re.compile(rf"^[（(—\-]*{_DATE}[)）]?$")
# a header line of the date and the speaker's name: "2024年11月2日  李青山"
_DATE_NAME_LINE_RE = re.compile(
    rf"^[（(—\-]*{_DATE}[)）]?[ \t\u3000]*(?!上午|下午|晚上|发布|(?:星期|周)[一二三四五六日天]$)(?P<name>{_DOTTED}|[{CJK}·]{{2,4}})$"
)
# (a date in figures: "——2024-01-10在…", "（2024.1.10）")
_NUM_DATE = r"(?P<y>(?:19|20)\d{2})[.．\-/](?P<m>\d{1,2})[.．\-/](?P<d>\d{1,2})(?![\d.．])"
_DELIVERED_RES = [
    re.compile(_DATE + r"(?:——|—|-)?[在于]"),
    re.compile(_DASH + _DATE),
    re.compile(_DASH + _NUM_DATE + r"(?:[)）]|[在于])"),
    # "2024年2月8日，区长李青山在青禾区第三届人民代表大会第三次会议上": the speaker between date and place
    re.compile(_DATE + rf"[，,]?[{CJK}·]{{2,8}}在[^。]{{0,40}}?(?:会议|大会)上"),
    # "——在青禾县第八届人民代表大会第三次会议上 县长 李青山 2024年1月10日": the date last
    re.compile(rf"(?:会议上|会上)[{CJK}·]{{0,16}}?" + _DATE),
    # "青禾镇第十三届人民代表大会…于2015年5月19日顺利召开": a news story dates the meeting after naming it
    # (its days as a range, "于2030年12月28日至29日召开", are the meeting's span: no day of delivery, see
    # ``_delivered``)
    re.compile(
        rf"届{_BODY}[^。]{{0,80}}?[于在]{_DATE}(?P<span>[至到—-](?:\d{{1,2}}月)?\d{{1,2}}日)?(?:顺利|隆重|胜利)?(?:召开|开幕|举行)"
    ),
]
# "青禾镇2025年政府工作报告（20250112）": the day as eight figures in brackets after the title
_BRACKETED_DAY_RE = re.compile(r"报告[（(](?P<y>(?:19|20)\d{2})(?P<m>[01]\d)(?P<d>[0-3]\d)[)）]")
_TRAILING_DATE_RE = lazy(rf"[（(]?{_DATE}[)）]?$")
_TITLE_ONLY_RE = lazy(
    r"(?:(?:代理|代|常务副|副)?(?:镇|乡|县|区|旗|市|州|盟|省)长|(?:代理|代|副)?主任|(?:代理|代)?自治区主席)$"
)
# a person's name after a title: two to six characters, or one joined by a middle dot
_PERSON = rf"{_DOTTED}|[{CJK}·]{{2,6}}"
_TITLE_RE = re.compile(
    # (an autonomous region's government is headed by its 主席: "自治区主席 李青山")
    # (and one standing for the office: "镇长候选人 李青山", "镇长提名人选 李青山")
    rf"(?P<title>(?:代理|代|常务副|副)?(?:镇|乡|县|区|旗|市|州|盟|省)长(?:候选人|提名人选)?|(?:代理|代|副)?主任|(?:代)?苏木达|(?:代)?嘎查达"
    r"|(?:代理|代)?自治区主席)"
    rf"[:：;；]?(?P<name>{_PERSON})$"  # (a semicolon typed for the colon: "县长;李青山")
)
_TITLE_CHARS = "长任达席"  # (…长, 主任, 苏木达 / 嘎查达, 自治区主席)
# (the title's alternatives spelt out, in the order (?:代理|代|常务副|副)?[镇乡…]长|(?:代理|代|副)?主任 tries
# them, each opening with a character: the engine scans for those instead of trying every position)
_HEADS = "镇乡县区旗市州盟省"
_TITLE_SPELT = "|".join(
    [f"{lead}[{_HEADS}]长" for lead in ("代理", "代", "常务副", "副")]
    + [f"{head}长" for head in _HEADS]
    + ["代理主任", "代主任", "副主任", "主任"]
)
_SPEAKER_BEFORE_DATE_RE = re.compile(
    rf"(?P<title>{_TITLE_SPELT})(?P<name>{_DOTTED}|[{CJK}·]{{2,4}})[（(]\d{{4}}年"
)
# "——…在…第八届人民代表大会第三次会议上 县长 李青山": the speaker printed after the title or date line
_CONVENED_RE = re.compile(
    rf"(?P<meeting>第[{_NUM}百\d]+届(?:人民代表大会|人大))(?!常务委员会|常委会)[^。]{{0,80}}?[于在]{_DATE}"
    r"(?:顺利|隆重|胜利)?(?:召开|开幕|举行)"
)
_LECTURER_RE = lazy(
    rf"主讲人(?:为|是)?(?:时任|时)?[:：]?(?:[{CJK}]{{1,8}}?(?:省|市|县|区|旗|州|盟|镇|乡))?"
    rf"(?P<title>(?:代理|代|常务副)?(?:镇|乡|县|区|旗|市|州|盟|省)长|(?:代理|代)?自治区主席)"
    rf"(?P<name>{_DOTTED}|[{CJK}·]{{2,4}}?)(?=[)）|，,。]|$|\d)(?:[)）]?(?:{_DATE}))?"
)
# "镇党委委员、副镇长、镇武装部长 李青山": a line of the offices held, joined by 、, then the name; the
# government's title among them is the speaker's
_OFFICES_NAME_RE = lazy(
    rf"^(?:[{CJK}]{{1,12}}?、)*?(?P<title>(?:代理|代|常务副|副)?(?:镇|乡|县|区|旗|市|州|盟|省)长)、"
    rf"(?:[{CJK}]{{1,12}}?、)*?[{CJK}]{{1,10}}?[长任员记](?P<name>{_DOTTED}|[{CJK}·]{{2,4}})$"
)
# a headline that names the speaker and the meeting: "李青山在青禾市九届人大三次会议上的政府工作报告（摘要）"
_NAMED_REPORT_LINE_RE = lazy(
    rf"(?P<name>{_DOTTED}|[{CJK}·]{{2,4}}?)在[^。，,\n]{{2,30}}?会议上的[^。，,\n]{{0,12}}?工作报告"
)
_TITLE_AT_END_RE = lazy(rf"(?:会议上|会上|报告|[）)])[{CJK}]{{0,12}}?" + _TITLE_RE.pattern)
# "乡人民政府乡长xx": the title printed, the name anonymised
_ANON_SPEAKER_RE = lazy(
    _TITLE_RE.pattern.replace(rf"(?P<name>{_PERSON})$", r"(?P<name>[xX×*＊]{1,4}|某某?)$")
)
_ANON_END = frozenset("xX×*＊某")
_HEADER_END_RE = re.compile(r"会议上|会上|报告|[）)]")
# a line of the government and a name ("青禾镇人民政府 李青山"), and what ends an office's name, not a person's
_GOVERNMENT_NAME_RE = re.compile(
    rf"^[{CJK}]{{2,12}}?{_SUFFIX}(?:人民政府|政府)(?P<name>{_DOTTED}|[{CJK}·]{{2,4}})$"
)
_OFFICE_CHARS_RE = re.compile(r"[办室局委处厅部所站长任席]")  # (and a title: "代县长")
_NAME_ONLY_RE = re.compile(rf"^(?:{_DOTTED}|[{CJK}·]{{2,4}})$")
# (and a page's buttons on lines of their own: 保存, 打印, 关闭, the font sizes 大中小, 标题导航)
_NOT_A_NAME_RE = re.compile(
    r"政府|报告|代表|会议|草案|全文|摘要|工作|目录|人民|[镇乡县区市旗省州]$|届|大会|领导|同志"
    # (the last line of a document's title: "…重点工作 / 分工方案", "…实施 / 方案")
    r"|(?:方案|计划|要点|通知|纲要)$"
    r"|^(?:保存|打印|关闭|收藏|分享|返回|顶部|字号|大中小|标题导航|放大|缩小|默认)$"
)
_SUPERIOR_RE = re.compile(
    r"在(?:上级党委政府和)?(?P<t>[县市区旗])委|(?P<t2>[县市区旗])委[、，,]?(?P=t2)?(?:人民)?政府"
)
# (or its congress's standing committee: "松岭市人大常委会副主任…莅临指导" a town's congress)
_SUPERIOR_LOOSE_RE = re.compile(r"(?P<t>[县市区旗])(?:委|人民政府|政府|人大常委会)")


def _level_of(place: str) -> tuple[str | None, str | None]:
    # (the longest suffix first: 西藏自治区 is a province, not a district ending in 区)
    for level, suffix in _LONG_SUFFIXES:
        if place.endswith(suffix):
            return level, suffix
    for level, suffixes in _LEVELS:
        for suffix in suffixes:
            if place.endswith(suffix):
                return level, suffix
    return None, None


def _split_place(place: str) -> tuple[str, str | None]:
    """'合肥市瑶海区' -> ('瑶海区', '合肥市'): the reporting place and its next-higher unit."""
    simple = simplify(place)
    level, suffix = _level_of(simple)
    if level is None or suffix is None:
        return place, None
    best = None
    for m in re.finditer(_SUFFIX, simple[: -len(suffix)]):
        cut = m.end()
        higher, _ = _level_of(simple[:cut])
        if higher and _RANK[higher] > _RANK[level] and len(simple) - cut >= len(suffix) + 1 and cut >= 2:
            best = cut
    if best is None:
        return place, None
    parent, _ = _split_place(place[:best])
    return place[best:], parent


_ASIDE_RE = re.compile(r"[（(][^）)]*[)）]")
_UP_TO_YEAR_RE = re.compile(r"^.*?(?:\d{4}|[〇○零一二][〇○零一二三四五六七八九]{3})年度?")  # (二〇二五年 too)
_UP_TO_OF_RE = re.compile(r"^.*的(?=[^的]{2})")
# the day and hour a news line puts before the place ("1月5日上午青禾市…", "…2031年12月29日青禾市…")
_LEADING_DAY_RE = re.compile(r"^(?:\d{1,2}月)?\d{1,2}[日号](?:上午|下午|晚上?)?|^(?:上午|下午|晚上)")
_TERM_END_RE = re.compile(r"第[一二三四五六七八九十百\d]+届$")


def _clean_place(place: str) -> str:
    # (each pattern tried only where a character its matches hold stands in the place)
    if "（" in place or "(" in place:
        place = _ASIDE_RE.sub("", place)
    if "《" in place:  # "关于印发《青禾区…》的通知": the place inside the title's marks
        place = place[place.rfind("《") + 1 :]
    if "—" in place:  # "在新起点上开创青禾发展新局面——青禾镇第十届…": a headline's phrase, then the place
        place = place[place.rfind("—") + 1 :]
    if "年" in place:
        place = _UP_TO_YEAR_RE.sub("", place)
    if "日" in place or "号" in place or "午" in place or "晚" in place:
        place = _LEADING_DAY_RE.sub("", place)
    # "在今天召开的青禾市第十五届…", "近日闭幕的青禾市第十届…": the place after what was said of its meeting
    if "的" in place:
        place = _UP_TO_OF_RE.sub("", place)
    return _TERM_END_RE.sub("", place) if "届" in place else place


def _closed_that_day(compact: str, at: int) -> bool:
    """Whether the sentence from ``at`` (after a day) tells the congress closed that day ("2月27日，…会议在镇
    党校圆满落幕"), not that it opened; or only that a reporter learnt something at the congress that day
    ("1月18日，记者从省14届人大3次会议上获悉"): no day the report was delivered."""
    end = compact.find("。", at, at + 90)
    sentence = compact[at : end if end >= 0 else at + 90]
    if "闭幕" in sentence[:24]:
        return True
    if ("记者" in sentence[:8] or "笔者" in sentence[:8]) and ("获悉" in sentence or "了解到" in sentence):
        return True
    closed = max(sentence.find("闭幕"), sentence.find("落幕"))
    return closed >= 0 and "开幕" not in sentence[:closed]


# an office with no name that gave the report: "…人民政府代理乡长做《政府工作报告》", "图为：镇长作报告"
_OFFICE_ONLY_RE = lazy(
    r"(?:人民政府|政府|图为[:：])(?P<title>(?:代理|代)?[省市县区旗州盟镇乡]长)(?:向大会)?[作做]了?《?(?:政府)?工作报告"
)


# what an earlier meeting did, told in a story of a later one ("对…第八次会议上代表们表决通过的实事项目进行视察")
_ACTED_AT = ("代表", "表决", "票决", "通过", "审议", "确定")


def extract_meta(text: str, simple: str, sections: list[Section], raw: str, raw_simple: str) -> Meta:
    """Header metadata; ``raw`` is the text before cleaning (site lines like 信息来源 help)."""
    meta = Meta()
    text, simple = _unspaced(*_unmarked(text, simple))
    head_end = simple.find("各位代表", 0, 3000)
    if head_end < 0:
        head_end = min(len(simple), 800)
    head_lines = [(text[i:j], simple[i:j]) for i, j in _line_spans(simple, head_end)]
    compact_text = _compact(text[:head_end])
    compact = _compact(simple[:head_end])

    _place_meta(meta, text, simple, compact, compact_text, head_lines, raw, raw_simple)
    # (the full name wherever the head writes it: a headline's "十五届人大三次会议" is its short form)
    # (the meeting the report was given at first: "在…第十八届人民代表大会第六次会议上" under a headline
    # of the papers of "第十八届人大第六次会议")
    m = (
        next(
            (
                fm
                for fm in _FULL_MEETING_RE.finditer(compact)
                if compact.startswith("上", fm.end()) and not compact.startswith(_ACTED_AT, fm.end() + 1)
            ),
            None,
        )
        or _FULL_MEETING_RE.search(compact)
        or _MEETING_RE.search(compact)
        or _near(_NEWS_MEETING_RE, compact, "届", 4, 24)
    )
    if m is None and "人民代表大会" in compact:
        m = _DAMAGED_MEETING_RE.search(compact)
    if m is None and ("*" in compact or "＊" in compact):
        m = _MASKED_MEETING_RE.search(compact)
    panel = False  # (the meeting named by one of its delegations: its day is the delegation's)
    if m is None and "代表团" in compact:
        m = _near(_DELEGATION_MEETING_RE, compact, "届", 4, 24)
        panel = m is not None
    if m:
        meta.meeting = compact_text[m.start() : m.end()]
    delivered = _delivered(compact)  # (and below: whether the day found at last is this one)
    meta.delivered_on = (
        delivered or _gapped_date(simple[:head_end]) or _date_line(head_lines) or _glued_date(compact)
    )
    cm = _CONVENED_RE.search(compact) if meta.meeting is None and "届" in compact else None
    if cm:  # "青禾镇第十三届人民代表大会…于2015年5月19日顺利召开": a congress named without its session
        meta.meeting = compact_text[cm.start("meeting") : cm.end("meeting")]
    meta.speaker_title, meta.speaker = _speaker(head_lines)
    if meta.speaker and meta.speaker_title is None and meta.jurisdiction:
        if simplify(meta.jurisdiction).startswith(simplify(meta.speaker)):
            meta.speaker = None  # "青禾" alone on a line over a page's story of 青禾市: its place, no name
    if meta.jurisdiction and meta.level in ("city", "county") and "人民政府" in compact:
        _speakers_government(meta, head_lines)
    lm = _LECTURER_RE.search(compact) if meta.speaker is None and "主讲人" in compact else None
    if lm and not _NOT_A_NAME_RE.search(lm.group("name")):
        # "（主讲人为时任青禾县县长李青山）2024年1月10日": a catalogue's line of the speaker and the day
        meta.speaker_title = compact_text[lm.start("title") : lm.end("title")]
        meta.speaker = compact_text[lm.start("name") : lm.end("name")]
        if meta.delivered_on is None and lm.group("y"):
            meta.delivered_on = _iso(*(_num(lm.group(k)) for k in ("y", "m", "d")))
    if meta.speaker is None:
        sm = _SPEAKER_BEFORE_DATE_RE.search(compact)
        if sm and not _NOT_A_NAME_RE.search(sm.group("name")):
            meta.speaker_title = compact_text[sm.start("title") : sm.end("title")]
            meta.speaker = compact_text[sm.start("name") : sm.end("name")]
    if meta.speaker is None:
        for text_line, line in head_lines[:8]:
            line_c = _compact(line)
            rm = _NAMED_REPORT_LINE_RE.match(line_c) if "会议上的" in line_c else None
            if rm and not _NOT_A_NAME_RE.search(rm.group("name")):
                meta.speaker = _compact(text_line)[rm.start("name") : rm.end("name")]
                break
    if meta.speaker_title is None:  # (a bare name line may be a site's menu: a news sentence wins)
        nm = _news_speaker(simple, head_end)
        if nm:
            meta.speaker = text[nm.start("name") : nm.end("name")]
            if nm.group("title"):
                meta.speaker_title = text[nm.start("title") : nm.end("title")]
            elif nm.re.pattern == _NEWS_NAME_FIRST_RE.pattern:
                name = nm.group("name")
                for tm in _TITLE_BEFORE_NAME_RE.finditer(simple, 0, nm.start("name")):
                    if simple.startswith(name, tm.end()):
                        meta.speaker_title = text[tm.start() : tm.end()]
                        break
    if meta.speaker is None and meta.speaker_title is None and "长" in compact:
        # "（图为：青禾乡人民政府代理乡长做《政府工作报告》）": the office that gave the report, with no name
        om = _OFFICE_ONLY_RE.search(compact)
        if om:
            meta.speaker_title = compact_text[om.start("title") : om.end("title")]
    dated_by_head = meta.delivered_on is not None
    if meta.delivered_on is None and meta.meeting:
        fm = _near(_NEWS_FULL_DATE_RE, compact, "届", 56, 14)
        if fm and not _closed_that_day(compact, fm.end("d")):
            meta.delivered_on = _iso(int(fm.group("y")), int(fm.group("m")), int(fm.group("d")))
    dm = _near(_NEWS_DATE_RE, compact, "届", 50, 14) if meta.delivered_on is None and meta.meeting else None
    if dm is None and meta.delivered_on is None and meta.meeting and "开幕" in compact:
        dm = _near(_DAY_AFTER_MEETING_RE, compact, "届", 0, 60)
    closed = dm is not None and _closed_that_day(compact, dm.end("d"))
    if closed:
        dm = None  # (the day the congress closed: no day the report was delivered)
    dateline = _DATELINE_RE.search(raw_simple, 0, 400) if dm else None
    if dm and dateline:  # the news gives day and month, its page the year
        meta.delivered_on = _iso(int(dateline.group(1)), int(dm.group("m")), int(dm.group("d")))
    if meta.meeting and meta.delivered_on is None and dm is None and not closed:
        meta.delivered_on = _news_day(compact, raw_simple) or _relative_day(compact, raw_simple)
    adopted = meta.delivered_on if meta.delivered_on and meta.delivered_on == _adopted(compact) else None
    if meta.delivered_on and not dated_by_head and dm is None and _one_of_days(compact):
        adopted = meta.delivered_on
    if adopted:
        meta.delivered_on = None  # (its year still tells the year the congress met)
    meta.review_year, meta.plan_year = _years(
        simple,
        sections,
        meta.delivered_on or adopted or (None if dated_by_head else _span_day(compact)),
        head_lines,
        raw_simple,
        congress=meta.meeting is not None or _CONGRESS_NEWS_RE.search(compact) is not None,
    )
    fy = _FIVE_YEAR_DRAFT_RE.search(simple, 0, 6000) if "纲要" in simple[:6000] else None
    if fy and (meta.meeting is not None or "各位代表" in simple[:6000]):
        # a congress that examines the draft of a five-year plan meets in the plan's first year ("审查…第十五个
        # 五年规划纲要草案"): it plans that year and reviews the one before
        first = 2006 + 5 * "一二三四五六".index(fy.group("n") or fy.group("m"))
        if meta.plan_year != first:
            meta.review_year, meta.plan_year = first - 1, first
    if meta.delivered_on and not _delivered_to_deputies(compact, simple, meta, delivered, sections):
        meta.delivered_on = None  # (its year has told the years above)
    if dm and meta.delivered_on is None and int(dm.group("m")) >= 10 and meta.plan_year:
        # "12月23日…会议开幕…通过了《青禾镇2030年人民政府工作报告》": a congress late in the year hears the
        # report of the year it ends, titled with that year, and plans the next
        hm = _HEARD_REPORT_YEAR_RE.search(simple, 0, 1500) if "工作报告》" in simple[:1500] else None
        if hm and int(hm.group(1)) == meta.plan_year:
            meta.review_year, meta.plan_year = meta.plan_year, meta.plan_year + 1
    if dm and meta.delivered_on is None:
        year = meta.plan_year or (meta.review_year + 1 if meta.review_year else None)
        if int(dm.group("m")) >= 10 and meta.review_year:
            year = meta.review_year  # (a congress in December meets in the year it reviews)
        if year:  # the congress meets in the planned year
            meta.delivered_on = _iso(year, int(dm.group("m")), int(dm.group("d")))
    if meta.delivered_on and not dated_by_head and panel:
        # a story of one of the congress's delegations' meetings: the day told is no day a report was
        # delivered
        meta.delivered_on = None
    return meta


# a government's notice that hands on a plan or a list ("现将…印发给你们", "关于下达…计划的通知",
# "青府发〔2025〕1号", "（此件公开发布）"): the day under it is the notice's
# a news page: "第04版", "本报讯", "（记者 …）", "新华社北京1月4日电"
_NEWS_PAGE_RE = re.compile(r"第\d{1,2}版|本报讯|记者|\d日电|新华社")
_NOTICE_RE = re.compile(
    r"此件公开发布|印发给你们|关于(?:印发|下达)[^。]{0,60}?通知|[府办]发[〔\[（(](?:19|20)\d{2}[〕\]）)]\d+号"
)


# a story of the report given on a half year's work: "镇长李青山作了《上半年政府工作报告》", "会议听取了
# 《街道办事处上半年工作报告》"
_HALF_YEAR_REPORT_RE = lazy(r"(?:作了?|审议了?|听取了?)《[^》\n]{0,12}?半年[^》\n]{0,12}?报告》")


def _delivered_to_deputies(
    compact: str, simple: str, meta: Meta, delivered: str | None, sections: list[Section]
) -> bool:
    """Whether the day read from the head is the day the report was delivered: not the day under a
    notice that hands on a plan or a list, nor a news page's day (a news item that names no meeting and
    does not speak to 各位代表), unless the report's own "——…在…会议上" line gives it (SCHEMA:
    delivered_on is the day the report was delivered). ``delivered``: ``_delivered(compact)``."""
    if delivered == meta.delivered_on:
        return True
    if _NOTICE_RE.search(compact):
        return False
    if meta.meeting is None and "各位代表" not in simple[:6000]:
        # a news item (a page's "第04版", "本报讯"), or a story without headings that names no meeting
        # and does not call itself a report ("青禾街道组织开展…活动 / 2031年01月17日"): its page's day
        return not (_NEWS_PAGE_RE.search(compact) or (not sections and "报告" not in compact[:200]))
    return True


# words by which a text says it reviews a year: "2024年工作回顾", "回顾2024年", "过去一年"
# (a congress's news of a term's results: "晒出五年成绩单", "过去五年，全省…")
_REVIEW_WORDS_RE = re.compile(r"回顾|过去的?[一五]年|[一五]年来|今年以来|年初以来|工作总结|成绩单")


def reviews_results(simple: str) -> bool:
    """A text that opens on a year's results: words of a review in its first lines ("看看这份成绩单",
    "回顾过去一年")."""
    return _REVIEW_WORDS_RE.search(simple, 0, 400) is not None


def drop_unreviewed_year(meta: Meta, simple: str, sections: list[Section]) -> None:
    """The schema's review_year is "the year reviewed in the 回顾 part", null when there is none: a text
    that plans a year, with no heading that says it reviews (a list's first item is often taken for a
    review part by its place), no words of a review and no mention of that year or of 去年 near its
    start (a news item of what was done: "报告指出，2024年…新建公园3个"), and not a report to the
    deputies. Called once facts and items are read, which still date what such a text tells of a year
    past."""
    if reviews_nothing(meta, simple, sections):
        meta.review_year = None


def reviews_nothing(meta: Meta, simple: str, sections: list[Section]) -> bool:
    """A text that plans a year and reviews none, though a review year was inferred for it (see
    ``drop_unreviewed_year``): a plan part alone, a 工作要点, a year's 国民经济和社会发展计划."""
    if meta.review_year is None or meta.plan_year is None:
        return False  # (a text that plans nothing tells of a year past: "2023年民生实事完成情况")
    return (
        not any(says_review(simple, sec) for sec in sections)
        and "各位代表" not in simple[:6000]
        and _REVIEW_WORDS_RE.search(simple, 0, 3000) is None
        and f"{meta.review_year}年" not in simple[:3000]
        and "去年" not in simple[:3000]
        and not _only_done(simple)
        and (
            _REPORT_TITLE_LINE_RE.search(simple, 0, 400) is None
            # (an excerpt of its plan part reviews nothing)
            or _opens_at_a_plan_heading(simple)
            or _opens_at_a_plan_section(simple, sections)
            or _told_as_a_plan(simple)
        )
    )


def _only_done(simple: str) -> bool:
    """Not one verb of a plan near the start and several marks of what was done ("签约项目519个，
    …完成投资412.9亿元，…同比下降2%"): a passage of a report's review, though it never names the year it
    reviews (a report's title dated in the year it plans)."""
    if _PLAN_VERB_RE.search(simple, 0, 3000) is not None:
        return False
    return _done_marks(simple) >= 3


# a numbered heading that opens a line ("二、2031年重点工作", "（四）注重…，…。"), up to its end or first stop
_FIRST_NUMBERED_RE = re.compile(
    r"^[ \t\u3000]*(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）])([^。\n]{0,30})",
    re.M,
)


def _opens_at_a_plan_heading(simple: str) -> bool:
    """The first numbered heading near the start is a plan part's ("二、2031年重点工作")."""
    m = _FIRST_NUMBERED_RE.search(simple, 0, 600)
    return m is not None and _PLAN_RE.search(m.group(1)) is not None and _REVIEW_RE.search(m.group(1)) is None


def _opens_at_a_plan_section(simple: str, sections: list[Section]) -> bool:
    """The first heading near the start, numbered or not, says it plans ("2031年经济社会发展总体要求和
    主要目标" under the report's title and its date line)."""
    if not sections or sections[0].start > 600 or sections[0].part != "plan":
        return False
    first = sections[0]
    return (
        _PLAN_RE.search(simple, first.start, first.end) is not None
        and _REVIEW_RE.search(simple, first.start, first.end) is None
    )


# a page titled as the report itself ("(青禾省)松岭市人民政府工作报告(2031年1月6日)", a line of its own): an
# excerpt of a report to the congress, which reviews the year before, whatever part the excerpt is from
_REPORT_TITLE_LINE_RE = re.compile(
    r"^[ \t\u3000]*(?:[（(][^）)\n]{1,8}[)）])?[^。，,；;：:《》“”\n]{2,30}政府工作报告"
    r"(?:[（(][^）)\n]{0,20}[)）])?[ \t\u3000]*$",
    re.M,
)


# the title of an account of a year's projects: "视察2024年重点工程", "…民生实事项目实施情况"
_ACCOUNT_HEAD_RE = re.compile(
    r"视察|(?:实事|项目|工程)[^。，,\n]{0,12}?(?:完成|进展|推进|实施|执行|落实)情况"
    # (a headline that ends on the list done: "…16项民生实事完成 2031年01月08日")
    r"|(?:实事|实事项目|民心工程)(?:已|均已|全部)?完成(?=[ \t\u3000\n0-9]|$)"
)


_SO_FAR_RE = re.compile(r"(?:截至|截止)(?:目前|[0-9一二三四五六七八九十]{1,2}月)[^。；;]{0,30}?完成")
_MEASURED_DONE_RE = lazy(r"完成率|圆满完成|超额完成")


# a news item of a year's projects or of its list ("重大项目集中开工", "票决民生实事"), not a fragment
# of a report that writes the year it reviews again and again
_PASSAGE_NEWS_RE = re.compile(r"实事|重大项目|重点项目|集中开工|开复工|票决|表决|议事")


def _done_marks(simple: str) -> int:
    """The marks of what was done in the first 3,000 characters (了, 已, 同比, 累计, 完成 …)."""
    return len(_DONE_MARK_RE.findall(simple, 0, 3000)) + simple.count("完成", 0, 3000)


def _told_as_a_plan(simple: str) -> bool:
    """More verbs of a plan than marks of what was done near the start (see ``reads_as_a_plan``)."""
    ahead = len(_PLAN_VERB_RE.findall(simple, 0, 3000))
    return ahead > 0 and ahead > _done_marks(simple)


def _dated_only(review: int | None, plan: int, simple: str, raw_simple: str) -> bool:
    """A news story without headings given the year after the one it tells of only by its page's
    dateline ("2030年，青禾街道…" under a page of 2031): it never writes that year, nor 明年, nor speaks
    to the deputies, nor calls itself a report."""
    if review is None or plan != review + 1 or f"{plan}年" in simple or "明年" in simple[:3000]:
        return False
    if "各位代表" in simple[:6000] or "报告" in simple[:200]:
        return False
    dl = _DATELINE_RE.search(raw_simple or simple, 0, 400)
    return dl is not None and int(dl.group(1)) == plan


_PROSPECT_WORD_RE = lazy(r"预计|计划|今年|明年")


def _told_as_done(simple: str) -> bool:
    """No verb of a plan or a prospect near the start and several marks of what was done ("2030年，
    青禾镇…实现了…，完成…"): a story of a year past, whatever its words of a list."""
    if _PLAN_VERB_RE.search(simple, 0, 3000) is not None or _PROSPECT_WORD_RE.search(simple, 0, 3000):
        return False
    return _done_marks(simple) >= 3


# what follows the year of a report heard by a congress
_REPORT_OF_YEAR_RE = re.compile(r"度?(?:政府|人大|[^，。\n]{0,8}?)?工作报告")


_LIST_AHEAD_RE = lazy(r"度?[^。；;，,《》\n]{0,8}?(?:民生实事|实事项目)")
_ADOPTED_LIST_RE = lazy(r"(?:表决|票决|审议)通过|票决")


def _next_list_decided(simple: str, review: int) -> bool:
    """Whether the text decides the list of the year after ``review`` (voted or adopted)."""
    at = simple.find(f"{review + 1}年", 0, 3000)
    while at >= 0:
        if _LIST_AHEAD_RE.match(simple, at + 5):
            return _ADOPTED_LIST_RE.search(simple, 0, 3000) is not None
        at = simple.find(f"{review + 1}年", at + 5, 3000)
    return False


def _year_line(simple: str, year: int) -> bool:
    """Whether a line of ``simple`` (first 6000 characters) holds the year alone ("2030年")."""
    needle = f"{year}年"
    at = simple.find(needle, 0, 6000)
    while at >= 0:
        start = simple.rfind("\n", 0, at) + 1
        end = simple.find("\n", at)
        if simple[start : end if end >= 0 else len(simple)].strip() == needle:
            return True
        at = simple.find(needle, at + 5, 6000)
    return False


def date_a_passage(meta: Meta, simple: str, sections: list[Section], raw_simple: str = "") -> None:
    """The years of a passage without headings (``_date_a_passage``), then the day of its congress's
    news when only those years tell its year ("1月19日，青禾镇召开第六届人民代表大会第七次会议…审议了
    《2030年财政预算（草案）》"): the congress meets in the year it plans (in the year it reviews from
    October on, as in ``extract_meta``)."""
    _date_a_passage(meta, simple, sections, raw_simple)
    if sections or meta.delivered_on is not None or meta.meeting is None:
        return
    year = meta.plan_year or (meta.review_year + 1 if meta.review_year else None)
    if year is None:
        return
    head_end = simple.find("各位代表", 0, 3000)
    compact = _compact(simple[: head_end if head_end >= 0 else min(len(simple), 800)])
    if "代表团" in compact:  # (a delegation's meeting: its day is no day the report was delivered)
        return
    if "政府工作报告" not in compact:  # (a session that hears no report: a budget's, a half year's)
        return
    dm = _near(_NEWS_DATE_RE, compact, "届", 50, 14)
    if dm is None and "开幕" in compact:
        dm = _near(_DAY_AFTER_MEETING_RE, compact, "届", 0, 60)
    if dm is None or _closed_that_day(compact, dm.end("d")):  # (nor the day it closed)
        return
    if int(dm.group("m")) >= 10 and meta.review_year:
        year = meta.review_year
    meta.delivered_on = _iso(year, int(dm.group("m")), int(dm.group("d")))


def _date_a_passage(meta: Meta, simple: str, sections: list[Section], raw_simple: str = "") -> None:
    """A passage without headings (a news item, a notice) that plans no year is about the year it tells
    of: a news item of this year's projects or votes plans that year ("今年计划实施重点项目…", "票决
    产生2018年民生实事项目"), where no words of a review or of an account stand near its start; a
    congress's news plans the year after the one it reviews; an account ("视察…实施情况") reviews the
    year it names; a story of a year past planned the next only because its page is dated then plans
    nothing (``_dated_only``). Called once facts and items are read (the kinds of a passage's numbers
    are told by their own sentences)."""
    if sections:
        return
    if meta.review_year is not None and _HALF_YEAR_REPORT_RE.search(simple, 0, 1500):
        # a story of the report on a half year's work reviews that half year and plans no year (as a
        # half-year report titled so: see ``_years``)
        meta.plan_year = None
        return
    congress = meta.meeting is not None or _CONGRESS_NEWS_RE.search(simple, 0, 3000) is not None
    if meta.plan_year is not None:
        if congress or not _dated_only(meta.review_year, meta.plan_year, simple, raw_simple):
            return
        meta.plan_year = None  # (told of a year past, dated by its page: it plans nothing said)
    account = _ACCOUNT_HEAD_RE.search(simple, 0, 200) is not None or (
        # "…重点工程共30项…截至目前，完成投资…，投资完成率110%": an account of the year so far that
        # measures what was done against its plan, in no plan's words
        _SO_FAR_RE.search(simple, 0, 600) is not None
        and _MEASURED_DONE_RE.search(simple, 0, 3000) is not None
        and not _told_as_a_plan(simple)
    )
    if meta.review_year is not None:
        if congress or _next_list_decided(simple, meta.review_year):
            # (or a street's assembly that hears the year's report and adopts the next year's list:
            # "听取了《青禾街道2030年工作报告》…表决通过了《青禾街道2031年民生实事》")
            meta.plan_year = meta.review_year + 1
        elif (
            not account
            and (_PASSAGE_NEWS_RE.search(simple, 0, 400) is not None or _told_as_a_plan(simple))
            and not _told_as_done(simple)
            and _REVIEW_WORDS_RE.search(simple, 0, 3000) is None
            and "去年" not in simple[:3000]
        ):
            meta.plan_year, meta.review_year = meta.review_year, None
        return
    named = _YEAR_MENTION_RE.search(simple, 0, 400)
    if named is None and not congress:
        named = _DATELINE_RE.search(raw_simple or simple, 0, 400)
    if named is None:
        return
    year = int(named.group(1))
    if _year_line(simple, year) and _year_line(simple, year + 1):
        # a page of captions, each part under a line of its year alone ("2030年" over what was done,
        # "2031年" over what is to be done): the first year reviewed, the next planned
        meta.review_year, meta.plan_year = year, year + 1
    elif account and not congress:
        meta.review_year = year
    elif congress and (
        _REPORT_OF_YEAR_RE.match(simple, named.end()) or _ACCOUNT_AFTER_RE.match(simple, named.end())
    ):
        # "会议听取和审议《2022年政府工作报告》": the year the congress reviews, and plans the next (or
        # "审议2029年度民生实事项目的完成情况报告": the account of that year's list)
        meta.review_year, meta.plan_year = year, year + 1
    else:
        meta.plan_year = year
        if congress and f"{year - 1}年" in simple[:3000]:
            # "代表们听取了2029年民生实事完成情况报告，票选2030年民生实事": the congress reviews the year
            # before the one it plans, when it writes that year too (see ``_years``)
            meta.review_year = year - 1


# a news story of a congress that does not name the meeting in full: "青禾镇第十三届人民代表大会…召开",
# "本次人代会听取了…"
_CONGRESS_NEWS_RE = re.compile(rf"人代会|届{_BODY}")


# a site's watermark: the same few letters and digits glued to the end of line after line
# ("县长 李青山Qk7", "各位代表：Qk7"), in a name or a meeting they hide what it is
# (the look behind comes after the token's first character, so that the engine scans for that character)
_LINE_END_TOKEN_RE = re.compile(r"([0-9A-Za-z](?<=[^\x00-\x7f][0-9A-Za-z])[0-9A-Za-z]{1,3})[ \t]*$", re.M)


# every byte but an ASCII letter's, for ``_ascii_letters``
_NOT_ASCII_LETTERS = bytes(c for c in range(256) if not (0x41 <= c <= 0x5A or 0x61 <= c <= 0x7A))


def _ascii_letters(s: str) -> int:
    """How many ASCII letters ``s`` holds: encoding drops every other character, several times faster
    than a regex scanning the text (a report's header seldom holds more than a few)."""
    return len(s.encode("ascii", "ignore").translate(None, _NOT_ASCII_LETTERS))


def _unmarked(text: str, simple: str) -> tuple[str, str]:
    """``text`` and ``simple`` with a watermark ending three or more header lines blanked (same length)."""
    if _ascii_letters(simple[:3000]) < 3:
        return text, simple  # (a watermark is three tokens or more, each with a letter)
    counts = Counter(_LINE_END_TOKEN_RE.findall(simple, 0, 3000))
    marks = [
        t
        for t, n in counts.items()
        # (letters and digits, or mixed case: not a unit or an acronym like km, GDP at a line's end)
        if n >= 3 and re.search("[A-Za-z]", t) and (not t.isalpha() or not (t.isupper() or t.islower()))
    ]
    if not marks:
        return text, simple
    # (found at line ends after Chinese, blanked wherever no letter or digit joins it: after a bracket
    # or a colon, alone on its line, where a lost line break glued it to the next line's start)
    rx = re.compile(rf"(?<![0-9A-Za-z])(?:{'|'.join(map(re.escape, marks))})(?![0-9A-Za-z])")
    return rx.sub(lambda m: " " * len(m.group()), text), rx.sub(lambda m: " " * len(m.group()), simple)


# a space (often a full-width one) lost when a page was saved in a narrower encoding: "县长? 李青山",
# "县长 ? 李青山", "县长:?李青山", "李青山?", "政?府?工?作?报?告": an ASCII "?" or U+FFFD between
# Chinese characters, spaces or a colon (not in a web address, "index.html?id=3")
# (the look behind after the first character: a pattern that starts with a class is scanned fast)
_LOST_SPACE_RE = re.compile(r"[?\ufffd](?<=[^\x21-\x39\x3b-\x7e][?\ufffd])[?\ufffd]*(?=[^\x21-\x7e]|$)")


def _unspaced(text: str, simple: str) -> tuple[str, str]:
    """``text`` and ``simple`` with each lost space written as a space again (same length)."""
    if "?" not in simple and "\ufffd" not in simple:
        return text, simple
    return (
        _LOST_SPACE_RE.sub(lambda m: " " * len(m.group()), text),
        _LOST_SPACE_RE.sub(lambda m: " " * len(m.group()), simple),
    )


# "今日（23日）上午，青禾县第十八届人民代表大会…", "23日，…": a news day without its month
_NEWS_DAY_RE = lazy(
    rf"(?<![\d月])(?:今天|今日|昨天|昨日)?[（(]?(?P<d>\d{{1,2}})日[)）]?(?:上午|下午)?[，,]?[^。]{{0,30}}?第?[{_NUM}百\d]+届{_BODY}"
)
_DATELINE_DAY_RE = re.compile(r"((?:19|20)\d{2})(?:年|[-/.])(\d{1,2})(?:月|[-/.])(\d{1,2})")


# "…第十六届人大第三次会议昨天上午在…隆重开幕": the congress opened the day before the page's date
_RELATIVE_OPENING_RE = re.compile(r"(?:会议|大会)(昨天|昨日|今天|今日)(?:上午|下午)?[^。，,]{0,16}?开幕")


def _relative_day(compact: str, raw_simple: str) -> str | None:
    """The day a story says the congress opened, told as 昨天 or 今天 from its page's dateline."""
    rm = _RELATIVE_OPENING_RE.search(compact) if "开幕" in compact else None
    line = _DATELINE_DAY_RE.search(raw_simple, 0, 400) if rm else None
    if rm is None or line is None:
        return None
    day = _iso(int(line.group(1)), int(line.group(2)), int(line.group(3)))
    if day is None:
        return None
    if rm.group(1).startswith("昨"):
        return (datetime.date.fromisoformat(day) - datetime.timedelta(days=1)).isoformat()
    return day


def _news_day(compact: str, raw_simple: str) -> str | None:
    """The day of a news story that gives only the day: the month and year of its page's dateline
    (the month before when the day is later than the dateline's)."""
    dm = _near(_NEWS_DAY_RE, compact, "届", 50, 14)
    line = _DATELINE_DAY_RE.search(raw_simple, 0, 400) if dm else None
    if dm is None or line is None:
        return None
    y, mo, d = int(line.group(1)), int(line.group(2)), int(dm.group("d"))
    if d > int(line.group(3)):
        y, mo = (y, mo - 1) if mo > 1 else (y - 1, 12)
    return _iso(y, mo, d)


def _one_of_days(compact: str) -> bool:
    """Whether the news day is one of a meeting's several ("30日至31日", "1230日、31日"): no one day the
    report was given (its month still tells the year)."""
    dm = _near(_NEWS_DAY_RE, compact, "届", 50, 14)
    if dm is None:
        return False
    after = compact[dm.end("d") + 1 : dm.end("d") + 2]
    return (dm.start("d") > 0 and compact[dm.start("d") - 1] in _RANGE_MARKS) or (
        after != "" and after in _RANGE_MARKS
    )


_RANGE_MARKS = "至到~～—-、"


def _near(rx: re.Pattern, s: str, needle: str, before: int, after: int) -> re.Match | None:
    """``rx.search`` only around each ``needle`` (a news pattern without a literal start is slow)."""
    at = s.find(needle)
    while at >= 0:
        m = rx.search(s, max(0, at - before), at + after)
        if m:
            return m
        at = s.find(needle, at + 1)
    return None


_PARTY_SPEAKER_RE = lazy(
    rf"(?:听取|审议)(?:和|并)?(?:审议|听取)?了?[^。，,\n《]{{0,16}}?书记(?P<name>{_DOTTED}|[{CJK}·]{{2,3}}?)(?:同志)?"
    rf"所?作的?《(?P<title>)(?![^》\n]*?(?:人大|主席团|财政|预算))[^》\n]{{0,30}}?工作报告》"
)


def _news_speaker(simple: str, head_end: int) -> re.Match | None:
    """The speaker named in a news sentence about the report (only near each 工作报告: cheap)."""
    spots = []
    at = simple.find("工作报告", 0, head_end)
    while at >= 0:
        before = simple[max(0, at - 12) : at]
        # (作政府工作报告, 在…中, 题为《…》的, 作的《青禾街道2030年工作报告》)
        if "作" in before or "在" in before or "》" in before or "《" in before:
            spots.append(at)
        elif simple.rfind("《", max(0, at - 24), at) >= 0:  # (a title naming its place and year)
            spots.append(at)
        at = simple.find("工作报告", at + 4, head_end)
    said = simple.find("在报告中", 0, head_end)
    if said >= 0:
        said += 2  # (the search ends 4 past a spot: the word after 报告中 seen)
        spots.append(said)
    for rx in _NEWS_SPEAKER_RES:  # (a title and name anywhere before a name alone)
        for at in spots:
            nm = rx.search(simple, max(0, at - 40), at + 4)
            # ("李青山在报告中指出" names again one given with a title before: only "市长李青山在报告中说")
            if nm and not _NOT_A_NAME_RE.search(nm.group("name")) and (at != said or nm.group("title")):
                return nm
    at = simple.find("向大会", 0, head_end)  # ("县长李青山代表县人民政府向大会报告工作", "…向大会作政府工作")
    if at >= 0:
        spots.append(at + 7)
    at = simple.find("半年", 0, head_end)  # ("…向大会作《街道办事处上半年工作报告》": a half year's report)
    while at >= 0:
        if simple.rfind("《", max(0, at - 12), at) >= 0:
            spots.append(at + 6)
        at = simple.find("半年", at + 2, head_end)
    for rx in (_NEWS_OFFICE_SPEAKER_RE, _NEWS_NAME_FIRST_RE):
        for at in spots:
            nm = rx.search(simple, max(0, at - 70), at + 4)
            if nm and not _NOT_A_NAME_RE.search(nm.group("name")):
                return nm
    for at in spots:
        # "听取了青禾街道党工委副书记李青山作的《青禾街道2030年工作报告》": a party office is no title of the
        # government's (the speaker without a title)
        party = "书记" in simple[max(0, at - 60) : at]
        nm = _PARTY_SPEAKER_RE.search(simple, max(0, at - 60), at + 5) if party else None
        if nm and not _NOT_A_NAME_RE.search(nm.group("name")):
            return nm
    return None


def _line_spans(simple: str, limit: int):
    pos = 0
    while pos < limit:
        nl = simple.find("\n", pos)
        end = len(simple) if nl < 0 else nl
        yield pos, min(end, limit)
        if nl < 0:
            break
        pos = nl + 1


_OUTLINE_LINE_RE = re.compile(rf"^\s*(?:目\s*录|[（(]?[{_NUM}]{{1,3}}[、.．)）]|第[{_NUM}]{{1,3}}部分)")


def _title_lines(head_lines, count: int = 4):
    """The first lines of the header, past an outline of headings printed before the title."""
    lines = [(t, s) for t, s in head_lines if s.strip() and not _OUTLINE_LINE_RE.match(s)]
    return lines[:count]


# (a match of _TITLE_OFFICE_RE opens with a place of 2 to 21 characters and 人民 at most before 政府)
# (and ends with one of these: a line without them, a paragraph as often as a title, is not tried)
_OFFICE_ENDS = tuple(a + b for a in ("街道", "镇", "乡") for b in ("办事处", "人民政府"))
_OFFICE_GOV_AFTER = (2, 23)


def _title_office(line: str) -> re.Match | None:
    """``_TITLE_OFFICE_RE.search(line)``, tried only at the starts 2 to 23 characters before a 政府: the
    pattern opens with a lazy run of any characters, so a search tries it (dearly) at every position of
    a long line."""
    lo, hi = _OFFICE_GOV_AFTER
    tried = 0  # the starts before this offset were tried
    at = line.find("政府")
    while at >= 0:
        for start in range(max(tried, at - hi), at - lo + 1):
            m = _TITLE_OFFICE_RE.match(line, start)
            if m is not None:
                return m
        tried = max(tried, at - lo + 1)
        at = line.find("政府", at + 1)
    return None


def _town_under_site(simple: str, head_lines, site_line: str) -> str | None:
    """The town a news page of a county's site is about: the site's name ("青禾市人民政府") over a
    headline that opens with a town ("松岭镇代表票决…") which the text names twice more; the site names
    only whose pages these are."""
    after = False
    for text_line, line in _title_lines(head_lines, 4):
        if line == site_line:
            after = True
            continue
        if after:  # (the headline: the line right after the site's name)
            tm = _NEWS_TOWN_RE.match(_compact(line))
            if tm and not _NOT_A_PLACE_RE.search(tm.group()) and simple.count(tm.group()) >= 3:
                return _compact(text_line)[tm.start() : tm.end()]
            return None
    return None


# the divisions that may follow a place in a title, each below the one before: "青山省松岭县白石镇：…"
_LOWER_PIECE_RE = re.compile(rf"[{CJK}]{{2,5}}?(?:自治州|自治县|自治旗|街道|市|州|盟|县|区|旗|镇|乡)")


def _lower_chain_end(line: str, start: int, end: int) -> int:
    """Where the place a title names from ``start`` to ``end`` ends once the divisions written right
    after it, each of a lower level, are taken with it ("河西省平川县青禾镇：民生实事…" names 青禾镇 of
    平川县, not 河西省): a county or city must be a known division, a town must end the chain."""
    level, _ = _level_of(simplify(line[start:end]))
    while level is not None and level != "town":
        m = _LOWER_PIECE_RE.match(line, end)
        if m is None:
            break
        lower, _ = _level_of(m.group())
        if lower is None or _RANK[lower] >= _RANK[level]:
            break
        if lower == "town":
            if m.end() < len(line) and _is_cjk(line[m.end()]):
                break
        elif not divisions.is_division(m.group()):
            break
        level, end = lower, m.end()
    return end


# a congress named by its level alone after a verb ("参加区十一届人大三次会议", "出席县第九届人民代表大会…")
_OWN_CONGRESS_NEWS_RE = lazy(
    rf"(?:参加|出席|列席|召开|在)(?P<t>[县区市旗])第?[{_NUM}百\d]+届(?:人民代表大会|人大)"
)
# the site's owner: "主办：青川省松岭市青禾区人民政府"
_HOST_RE = lazy(rf"主办(?:单位)?[:：]\s*(?P<place>[{CJK}]{{2,20}}?{_SUFFIX})(?:人民政府|政府)")


def _place_meta(meta, text, simple, compact, compact_text, head_lines, raw, raw_simple) -> None:
    literal = None
    upper = None
    m = _DELEGATE_RE.search(simple, 0, 6000)
    if m:
        literal = text[m.start("place") : m.end("place")]
        if m.group("upper"):
            upper = text[m.start("upper") : m.end("upper")]
        if re.fullmatch(_SUFFIX, simplify(literal)):
            literal = None  # "我代表自治县人民政府": the kind of place, its name is elsewhere
    if literal is None:
        m = _MEETING_PLACE_RE.search(compact) or _near(_OPENING_MEETING_RE, compact, "届", 20, 40)
        if m:
            literal = compact_text[m.start("place") : m.end("place")]
            if re.fullmatch(_SUFFIX, simplify(literal)):
                literal = None  # "在自治县十届人大二次会议上": the kind of place, its name is elsewhere
        if m and literal and m.re is not _MEETING_PLACE_RE and literal not in text:  # (_OPENING_MEETING_RE's)
            # (joined across lines: "全部" of a site's menu over the headline "青禾县十五届人大三次会议开幕")
            lm = _near(_OPENING_MEETING_RE, simple[: len(compact) + 400], "届", 20, 40)
            literal = text[lm.start("place") : lm.end("place")] if lm else None
    if literal is None:
        for text_line, line in _title_lines(head_lines):
            line_c = _compact(line)
            # (a match holds 政府 and, after it, 办事处 or a second 政府: the pattern, which has no
            # literal start, is tried at every position of the line only when the line holds them)
            office = (
                "政府" in line_c
                and ("办事处" in line_c or line_c.count("政府") > 1)
                and any(end in line_c for end in _OFFICE_ENDS)
            )
            om = _title_office(line_c) if office else None
            if om and not _NOT_A_TITLE_PLACE_RE.search(om.group("place")):
                text_c = _compact(text_line)
                literal = text_c[om.start("place") : om.end("place")]
                upper, _ = _split_place(_clean_place(text_c[om.start("upper") : om.end("upper")]))
                break
            for rx in _TITLE_PLACE_RES:
                tm = rx.search(line_c)
                # (not "李青山市长作政府工作报告": 市长 is a title, not 李青山市)
                if (
                    tm
                    and not _NOT_A_TITLE_PLACE_RE.search(tm.group("place"))
                    and not line_c.startswith("长", tm.end("place"))
                ):
                    end = _lower_chain_end(line_c, tm.start("place"), tm.end("place"))
                    literal = _compact(text_line)[tm.start("place") : end]
                    if rx is _GOVERNMENT_LINE_RE and line_c.endswith("政府"):
                        town = _town_under_site(simple, head_lines, line)
                        if town is not None:
                            upper, literal = literal, town
                    break
            if literal:
                break
    if literal is None:
        # "【甲乙区】" alone on a line over the passage: a page of several places' plans, this one's
        bm = _BRACKETED_PLACE_RE.search(simple, 0, 1500) if simple.find("【", 0, 1500) >= 0 else None
        if bm:
            literal = text[bm.start("place") : bm.end("place")]
    if literal is not None and _NOT_A_TITLE_PLACE_RE.search(simplify(_clean_place(literal))):
        literal = None  # "按照2031年全县…" read as a title: 全县, the whole of the place, names none
    if literal is None:
        sm = _SOURCE_RE.search(raw_simple, 0, 3000)
        if sm:
            literal = raw[sm.start("place") : sm.end("place")]
    anonymous_level = None
    if literal is not None:
        place = _clean_place(literal)
        jurisdiction, parent = _split_place(place)
        level, suffix = _level_of(simplify(jurisdiction))
        name = jurisdiction[: -len(suffix)] if suffix else jurisdiction
        if not name or _ANONYMOUS_RE.match(name):
            anonymous_level = level
        elif level is not None:
            if level == "city" and _county_level_city(jurisdiction):
                level = "county"  # 南宫市, a county-level city: a county's report
            elif level == "city" and simplify(jurisdiction) in _MUNICIPALITIES:
                level = "province"  # 重庆市: a municipality ranks with the provinces
            if parent is None and upper is not None:
                parent = upper
            if parent is not None and not _valid_parent(parent):
                parent = None
            if parent is not None:
                parent = _without_province(parent)
            meta.jurisdiction, meta.level, meta.parent = jurisdiction, level, parent
    if meta.jurisdiction is None:
        subjects = [
            m
            for m in (_SUBJECT_PLACE_RE.search(simple, 0, 3000), _YEAR_SUBJECT_RE.search(simple, 0, 3000))
            if m
        ]
        sm = min(subjects, key=lambda m: m.start()) if subjects else None
        if sm and not _NOT_A_PLACE_RE.search(sm.group("place")):
            meta.jurisdiction, meta.level = text[sm.start("place") : sm.end("place")], "town"
            anonymous_level = None
    if meta.jurisdiction is None and anonymous_level is None:
        # "日前，青禾省松岭市白石县青禾镇的人大代表…": a chain of three or more divisions, the last reports
        # (every chain holds a city's last character, 2-5 characters and a county's: without that
        # pair, skip the pattern, which is tried at every position)
        chains = _CHAIN_RE.finditer(simple, 0, 600) if _CHAIN_NEEDLE_RE.search(simple, 0, 600) else ()
        for cm in chains:
            if sum(1 for g in cm.groups() if g) >= 3 and not _not_a_chain(cm):
                jurisdiction, parent = _split_place(text[cm.start() : cm.end()])
                level, _ = _level_of(simplify(jurisdiction))
                if level is not None and parent is not None and _valid_parent(parent):
                    meta.jurisdiction, meta.level, meta.parent = jurisdiction, level, parent
                    break
    if meta.jurisdiction is None and anonymous_level is None and "主办" in raw_simple:
        # "…参加区九届人大二次会议第四代表团（青禾镇、松岭镇）分团讨论" on a site "主办：青川省松岭市青禾区人民政府":
        # a story of the district's own congress (its towns only its delegations), on the district's site
        om = _OWN_CONGRESS_NEWS_RE.search(simple, 0, 1500)
        hm = _HOST_RE.search(raw_simple) if om else None
        if om and hm:
            jurisdiction, parent = _split_place(raw[hm.start("place") : hm.end("place")])
            level = _level_of(simplify(jurisdiction))[0]
            if level is not None and level == _level_of(om.group("t"))[0]:
                meta.jurisdiction, meta.level = jurisdiction, level
                meta.parent = parent if parent is not None and _valid_parent(parent) else None
    if meta.jurisdiction is None and anonymous_level is None:
        found = _frequent_name(text, simple, ("镇", "乡", "街道", "苏木"), minimum=3)
        if found:
            meta.jurisdiction, meta.level = found, "town"
    if (
        meta.jurisdiction is None
        and anonymous_level is None
        and "各位代表" not in simple[:6000]
        and _BARE_DELEGATE_RE.search(simple, 0, 6000) is None
    ):
        # a news item (a list voted or published, projects started): the division it keeps naming
        found = _news_place(simple, head_lines)
        led = _LED_BY_RE.search(simple, 0, 15000) if found else None
        if found and led is not None:
            own_level, named = _level_of(led.group("t"))[0], _level_of(found)[0]
            if own_level is not None and named is not None and _RANK[own_level] < _RANK[named]:
                # "在县委、县政府和乡党委的正确领导下": a town's text that names its province in passing
                found = None
        if found:
            at = simple.find(found)
            meta.jurisdiction = text[at : at + len(found)] if at >= 0 else found
            meta.level = _level_of(found)[0]
            if meta.level == "city" and _county_level_city(found):
                meta.level = "county"
            elif meta.level == "city" and found in _MUNICIPALITIES:
                meta.level = "province"
    if meta.level is None and anonymous_level is None:
        for _, line in _title_lines(head_lines, 3):
            bt = _BARE_TITLE_RE.search(_compact(line))
            if bt:
                anonymous_level = _level_of(bt.group("suffix"))[0]
                break
    if meta.level is None:
        meta.level = anonymous_level
        bare = _BARE_DELEGATE_RE.search(simple, 0, 6000)
        if meta.level is None and bare:
            meta.level = _level_of(bare.group("suffix"))[0]
            # "我代表县人民政府" with the county named only in passing (青禾县 once, or 青禾 alone)
            found = _named_in_passing(text, simple, bare.group("suffix"), meta.level)
            if found:
                meta.jurisdiction = found
                if meta.level == "city" and _county_level_city(found):
                    meta.level = "county"
    if meta.level is None:
        meta.level = _level_from_usage(simple)
        if meta.level in ("county", "city") and meta.jurisdiction is None:
            own = Counter(m.group("t") for m in _OWN_CONGRESS_RE.finditer(simple, 0, 15000)).most_common(1)
            if own:
                meta.jurisdiction = _named_in_passing(text, simple, own[0][0], meta.level)
                if meta.jurisdiction and meta.level == "city" and _county_level_city(meta.jurisdiction):
                    meta.level = "county"
    if meta.level is None and any(_ZONE_RE.search(_compact(line)) for _, line in _title_lines(head_lines, 3)):
        meta.level = "county"  # "今日开发区", "青禾高新区管委会": a development zone governs as a county does
    if meta.jurisdiction is None and meta.level in ("county", "city") and anonymous_level is None:
        found = _named_once(simple, meta.level)
        if found:
            at = simple.find(found)
            meta.jurisdiction = text[at : at + len(found)] if at >= 0 else found
    if meta.jurisdiction is None and meta.level in ("city", "province", None):
        found = _province_in_passing(text, simple, meta.level, head_lines)
        if found:
            meta.jurisdiction, meta.level = found, "province"
    if meta.jurisdiction and meta.parent is None:
        meta.parent = _parent(meta.jurisdiction, meta.level, text, simple, raw, raw_simple)
    if meta.jurisdiction and meta.parent is None:
        for text_line, line in head_lines[:3]:
            tu = _TITLE_UPPER_RE.match(_compact(line))
            # only the next level up is the parent (SCHEMA): a county's province is not
            if tu and meta.level and _upper_rank(simplify(tu.group("upper"))) == _RANK[meta.level] + 1:
                meta.parent = _compact(text_line)[tu.start("upper") : tu.end("upper")]
                break


# the last character of an official division's name (the longest name runs to ten: 围场满族蒙古族自治县)
_DIVISION_ENDS = "县区市旗州盟省"
# what may stand right before a county's two-character name (在涉县, 对沙县)
_BEFORE_SHORT_NAME = frozenset("在于的是和与及对到赴从向将为")
_NEWS_TOWN_RE = re.compile(rf"[{CJK}]{{2,4}}?(?:街道|镇|乡)(?![镇乡村政党人])")


def _division_mentions(head: str) -> list[tuple[int, str]]:
    """Each official division named in full in ``head`` (the longest name ending at each 县, 区, 市 …),
    not a news outlet (青禾日报) nor a level (青禾市级), with where it starts."""
    out: list[tuple[int, str]] = []
    for end in range(2, len(head) + 1):
        if head[end - 1] not in _DIVISION_ENDS:
            continue
        found = None
        for k in range(min(10, end), 1, -1):
            name = head[end - k : end]
            if divisions.is_division(name):
                found = name
                break
        if found is None:
            continue
        if len(found) == 2 and (
            found.endswith("区")  # (城区, 矿区, 郊区, 西区: divisions of a few cities, and everyday words)
            or head.startswith(("委", "城", "长", "域", "里"), end)  # (市委和县委, 新县城)
            or (end > 2 and _is_cjk(head[end - 3]) and head[end - 3] not in _BEFORE_SHORT_NAME)
        ):
            continue
        if head.startswith(_MEDIA_AFTER, end) or head.startswith(("级", "场"), end):
            continue  # (青禾市级以上, 青禾市场: not the place itself)
        if found.endswith("市") and head.startswith("民", end) and not head.startswith("民生", end):
            continue  # (青禾市民)
        out.append((end - len(found), found))
    return out


def _news_place(simple: str, head_lines) -> str | None:
    """The place of a news item that names it as a news item does (the list, projects or plan of
    "青禾县" in its headline and sentences, its city and province named in passing, 青禾 alone in a
    headline): the division named most often in the first 3,000 characters, counting a mention in
    the headline (full or short name) twice more; a town written right after its county
    ("松岭县青禾乡") counts too; of two named as often, the one under the other."""
    head = simple[:3000]
    title = "".join(_compact(line) for _, line in _title_lines(head_lines, 3))
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    county_of: dict[str, str] = {}
    for at, name in _division_mentions(head):
        counts[name] += 1
        first.setdefault(name, at)
        # (a county-level city's towns too: 鹤山市共和镇)
        if _level_of(name)[0] == "county" or _county_level_city(name):
            tm = _NEWS_TOWN_RE.match(head, at + len(name))
            # (和 inside a name written after its county is the name's: 松岭市共和镇, 青禾县太和乡)
            if tm and not _NOT_A_PLACE_RE.search(tm.group()[0] + tm.group()[1:].replace("和", "")):
                town = tm.group()
                if town not in counts:
                    counts[town] = head.count(town)
                    first.setdefault(town, tm.start())
                    county_of[town] = name
    if not counts:
        return None
    for name in list(counts):
        shorts = _short_names(name) if _level_of(name)[0] != "town" else (name,)
        if any(len(short) >= 2 and short in title for short in shorts):
            counts[name] += 2
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], first[kv[0]]))
    best, n = ranked[0]
    if n < 2:
        return None
    tied = [name for name, c in ranked[1:] if c == n]
    for other in tied:
        if best in _above(other, county_of):
            best = other  # (青禾市松岭区 as often as 青禾市: the district's news)
        elif other not in _above(best, county_of):
            return None
    own = _OWN_KIND_RE.search(head)
    if own and _level_of(own.group(1))[0] != _level_of(best)[0]:
        return None  # "我镇…" in a story naming its county more often than itself: not the county
    return best


# how a text written by the place speaks of itself: 我镇, 本县, 我区
_OWN_KIND_RE = lazy(r"[我本](街道|镇|乡|县|区|市|旗)")


def _above(name: str, county_of: dict[str, str]) -> tuple[str, ...]:
    """The divisions above ``name`` in the official list (a town: the county it was written after)."""
    if name in county_of:
        return (county_of[name], *_above(county_of[name], {}))
    level = _level_of(name)[0]
    if level == "county":
        ups = divisions.parents_of(name)
        return tuple(ups) + tuple(p for up in ups for p in divisions.parent_of_prefecture(up))
    if level == "city":
        return tuple(divisions.parent_of_prefecture(name))
    return ()


_CHAIN_RE = lazy(
    rf"([{CJK}]{{2,4}}?(?:省|自治区))?([{CJK}]{{2,5}}?(?:市|自治州|州|盟))"
    rf"([{CJK}]{{2,5}}?(?:县|区|旗|市))([{CJK}]{{2,5}}?(?:镇|乡|街道))?"
)
_CHAIN_NEEDLE_RE = re.compile(rf"[市州盟][{CJK}]{{2,5}}[县区旗市]")


@functools.cache
def _county_level_cities() -> frozenset[str]:
    return frozenset(n for n in divisions.names_at("county") if n.endswith("市")) - set(
        divisions.names_at("city")
    )


def _county_level_city(name: str) -> bool:
    return simplify(name) in _county_level_cities()


_NOT_A_PLACE_RE = re.compile(
    r"代表|大会|会议|人民|全镇|全乡|乡镇|城镇|村镇|小镇|集镇|城乡|[我们的了在和与及对把被为是这该各全本]"
)
_KIND_OF_TOWN = ("乡镇", "城镇", "村镇", "小镇", "集镇")


def _not_a_chain(cm: re.Match) -> bool:
    """Whether a chain of divisions holds a word that names no place; a town named for its market
    ("松岭市青禾区王家集镇") ends in 集镇 after a name of its own: a place."""
    town = cm.group(4)
    if town and len(town) >= 4 and town.endswith(_KIND_OF_TOWN) and not _NOT_A_PLACE_RE.search(town[:-2]):
        return _NOT_A_PLACE_RE.search(cm.group(), 0, cm.start(4) - cm.start()) is not None
    return _NOT_A_PLACE_RE.search(cm.group()) is not None


_MUNICIPALITIES = ("北京市", "上海市", "天津市", "重庆市")


def _province_short(name: str) -> str:
    """福建省 → 福建, 广西壮族自治区 → 广西, 内蒙古自治区 → 内蒙古, 上海市 → 上海."""
    if name.startswith("内蒙古"):
        return "内蒙古"
    if name.endswith(("自治区", "特别行政区")):
        return name[:2]
    return name[:-1]


@functools.cache
def _province_shorts() -> tuple[dict[str, str], re.Pattern]:
    """Short name → province, and one pattern for every short name (group 1: a mountain or river)."""
    shorts = {_province_short(name): name for name in divisions.names_at("province")}
    alternation = "|".join(sorted(shorts, key=len, reverse=True))
    return shorts, re.compile(f"(?:{alternation})([{''.join(_NATURE_AFTER)}])?")


def _province_in_passing(text: str, simple: str, level: str | None, head_lines) -> str | None:
    """A province's report that names itself only in passing (新福建建设, 福建实践: 全省 throughout),
    or a municipality's (全市, 上海 in the title): the name as written, the full name if it is."""
    head = simple[:15000]
    title = "".join(line for _, line in _title_lines(head_lines, 4))
    shorts, rx = _province_shorts()
    counts: Counter[str] = Counter()
    for short, n in Counter(m.group() for m in rx.finditer(head) if m.group(1) is None).items():
        name = shorts[short]
        if level == "city" and name not in _MUNICIPALITIES:
            continue
        if n >= 2 or (n == 1 and short in title and level is not None):
            counts[name] = n
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    name = ranked[0][0]
    written = name if name in head else _province_short(name)
    at = simple.find(written)
    return text[at : at + len(written)]


def _upper_rank(name: str) -> int | None:
    """The rank of a higher place as a site writes it in a title: 山西省, 内蒙古, 郴州市."""
    level, _ = _level_of(simplify(name))
    if level is None and any(p.startswith(name) for p in divisions.names_at("province")):
        level = "province"
    return _RANK.get(level) if level else None


_ZONE_RE = re.compile(r"(?:开发区|高新区|新区)(?:管委会|管理委员会)?")


def _level_from_usage(simple: str) -> str | None:
    """The level of a report that never names its place: whose congress it answers to (区人大、区政协),
    else how it speaks of itself (全镇, 我镇, 本街道), when one kind of place clearly dominates."""
    head = simple[:15000]
    own = Counter(m.group("t") for m in _OWN_CONGRESS_RE.finditer(head))
    if own:
        t, n = own.most_common(1)[0]
        if n >= 2:
            return _level_of(t)[0]
    used = Counter(m.group("t") for m in _SELF_REF_RE.finditer(head))
    used["街道"] += head.count("街道")  # a street office speaks of itself as 街道
    # a town's report names its county or district too (全区第一, 瞄准全区目标), a county's hardly
    # ever says 全镇: the lowest level used at least twice and a quarter as often as the most used
    most = max(used.values(), default=0)
    levels = [_level_of(t)[0] for t, n in used.items() if n >= 2 and 4 * n >= most]
    ranked = sorted((_RANK[lv], lv) for lv in levels if lv)
    if not ranked:
        # nothing said of itself but its own projects' level ("市级重点项目", twice or more)
        words = Counter(m.group("t") for m in _LEVEL_WORD_RE.finditer(head))
        ranked = sorted((_RANK[lv], lv) for t, n in words.items() if n >= 2 and (lv := _level_of(t)[0]))
    if not ranked:
        # a short text (a plan's excerpt, a news item) that speaks of itself only once or twice, and of
        # one kind of place only ("全区…", "市政府将…", "记者从市十五届人大六次会议上获悉")
        seen = {t for t, n in used.items() if n} | set(own)
        seen.update(m.group("t") for m in _OWN_BODY_RE.finditer(head))
        one = {_level_of(t)[0] for t in seen}
        if len(one) == 1:
            return one.pop()
        # "在县委、县政府和乡党委的正确领导下": the last party committee named is the text's own
        led = _LED_BY_RE.search(head)
        if led is not None:
            return _level_of(led.group("t"))[0]
    return ranked[0][1] if ranked else None


_LED_BY_RE = re.compile(
    r"(?P<t>县|区|市|旗|镇|乡|街道)(?:党)?(?:工)?委(?:[、和及](?P=t)(?:人民)?政府)?的(?:坚强|正确|有力)?领导下"
)


# a government or a congress of the text's kind of place: "市政府将…", "县人民政府", "记者从市十五届人大
# 六次会议上获悉"
_OWN_BODY_RE = lazy(r"(?P<t>县|区|市|旗|镇|乡)(?:人民政府|政府|[一二三四五六七八九十]{1,3}届人大)")


# Characters that, right before a unit word, make it a common noun rather than a place name
# (全县, 城市, 超市, 乡镇, 城乡, 工业强镇 ...).
_NOT_NAME_END = {
    "县": set("全本我该各此每郡"),
    "市": set("全本我该各此每城超上都夜门股楼菜闹集街"),
    "区": set("全本我该各此每园城景社小片辖库山老核街校厂矿林牧灾湖新集聚范发导能护贸验务业镇"),
    "旗": set("全本我该各此每红国党"),
    "镇": set("全本我该各此每城集村小重强名兴旺乡特古新市"),
    "乡": set("全本我该各此每城下家返回老异故思镇兴"),
    "街道": set("全本我该各此每"),
    "苏木": set("全本我该各此每"),
}


def _is_cjk(c: str) -> bool:
    """Whether the one character ``c`` is in ``[{CJK}]`` (compared with its three ranges: each
    pattern holding the class costs its compilation, ≈ 28,000 code points walked, at every start)."""
    return "\u3400" <= c <= "\u4dbf" or "\u4e00" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff"


_NOT_NAME_CHARS = set("委县市区旗镇乡省州政府党届第的和与及在是了对为把被从向")
# Two-character words that often stand right before 县委/区委 and are not place names.
_NOT_NAMES = frozenset(
    "按照 根据 依照 遵照 围绕 服务 支持 配合 贯彻 落实 推进 完成 实现 坚持 接受 服从 听从 积极 认真 主动 争取 全力 加强 "
    "紧跟 紧扣 对标 对照 参照 协助 协调 推动 领导 带领 上级 市级 县级 区级 经过 通过 获得 荣获 召开 组织 参加 代表 地级 大会 会议 "
    # (verbs of following a superior's lead: "聚焦市委、市政府…部署", "结合市委、市政府工作部署")
    "聚焦 锚定 瞄准 响应 融入 对接 紧盯 依托 结合 衔接 呼应 "
    # (苏木镇, 苏木乡: the kinds of a banner's townships, "各苏木镇人代会", as 乡镇 is a county's)
    "苏木".split()
)


_NATURE_AFTER = ("山", "河", "湖", "江")
_FIGURE_BEFORE = ("元", "亿", "万", "吨")


def _named_in_passing(text: str, simple: str, suffix: str, level: str | None) -> str | None:
    """The reporting place of a report that names it only in passing: the most used 'XX<suffix>'
    name, else (a city or county) a division of that level whose short name the text keeps using
    (新安庆, 安庆人民 → 安庆市)."""
    if level not in ("city", "county"):
        return _frequent_name(text, simple, (suffix,), minimum=2)
    head = simple[:15000]
    counts: Counter[str] = Counter()
    names = divisions.names_at(level)
    if level == "city" and suffix == "市":
        # (a county-level city's report speaks of 市人民政府 as a prefecture city's does: 德令哈市)
        names = (*names, *sorted(_county_level_cities()))
    for name in names:
        if not name.endswith(suffix):
            continue
        short = _short_names(name)[-1]
        if short.endswith(_NATURE_AFTER):
            short = name  # 梁子湖 of 梁子湖区: the lake's name, the district only with its suffix
        if len(short) >= 2 and short in head:
            # 祁连山, 青海湖: a mountain or a lake named like the place is no mention of it
            n = head.count(short) - sum(head.count(short + c) for c in _NATURE_AFTER)
            # "突破500亿元大关": a word right after a figure's unit is no mention of 大关县
            n -= sum(head.count(c + short) for c in _FIGURE_BEFORE)
            if n > 0:
                counts[name] = n
    ranked = counts.most_common(2)
    if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[1][1] < ranked[0][1]):
        return ranked[0][0]
    if ranked and ranked[0][1] == 1:
        # the one division of its level named in the title, each named once ("…建设城乡统筹新青禾而努力奋斗")
        title = "\n".join([line for line in simple[:200].split("\n") if line.strip()][:2])
        titled = [name for name in counts if _short_names(name)[-1] in title]
        if len(titled) == 1:
            return titled[0]
    return _frequent_name(text, simple, (suffix,), minimum=2)


def _frequent_name(text: str, simple: str, suffixes: tuple[str, ...], minimum: int) -> str | None:
    """The most frequent 'XX镇'-like name, extended to 3 characters when every use agrees."""
    best: tuple[int, str] | None = None
    head = simple[:15000]
    for suffix in suffixes:
        # (plain dicts counted by hand: compiled, a native lookup where a Counter's += is a Python call)
        counts2: dict[str, int] = {}
        counts3: dict[str, int] = {}
        not_end = _NOT_NAME_END.get(suffix, ())
        last_end = 0  # uses do not overlap (a name never starts inside the previous use)
        pos = head.find(suffix, 2)
        while pos >= 0:
            name = head[pos - 2 : pos]
            first, second = name[0], name[1]
            if pos - 2 >= last_end and _is_cjk(first) and _is_cjk(second):  # (two characters)
                last_end = pos + len(suffix)
                if (
                    second not in not_end
                    and first not in _NOT_NAME_CHARS
                    and second not in _NOT_NAME_CHARS
                    and name not in _NOT_NAMES
                ):
                    counts2[name] = counts2.get(name, 0) + 1
                    before = head[pos - 3] if pos >= 3 else ""
                    if before and _is_cjk(before):
                        counts3[before + name] = counts3.get(before + name, 0) + 1
            pos = head.find(suffix, pos + 1)
        for name, n in counts2.items():
            if n < minimum:
                continue
            full = name
            longer = [(k, c) for k, c in counts3.items() if k.endswith(name)]
            if len(longer) == 1 and longer[0][1] == n and longer[0][0][0] not in _NOT_NAME_CHARS:
                full = longer[0][0]
            if best is None or n > best[0]:
                best = (n, full + suffix)
    if best is None:
        return None
    idx = simple.find(best[1])
    return text[idx : idx + len(best[1])] if idx >= 0 else best[1]


_PARENT_BEFORE_RE = re.compile(rf"([{CJK}]{{2,5}}?(?:县|市|区|旗|盟|州))$")
_PARENT_ENDS = frozenset("县市区旗盟州")  # (the last character of a match of _PARENT_BEFORE_RE)
_HIGHER_IN_NAME_RE = re.compile(r"(?:自治区|省|市|州|盟)")
_PARENT_NAME_RE = re.compile(rf"[{CJK}]{{1,7}}(?:县|区|市|旗|盟|州|省)")
# Function words that never begin a place name ("我们在县委" -> 们在县, "政府在县", "办事处在县"),
# and words that make a two-character common noun (全县, 本市, 我区).
_NOT_PARENT_START = frozenset("们府处在的了对把被为是这那其与及年")
_NOT_PARENT_SHORT = frozenset("全本我该各此每这那其")
_NOT_PARENT_CHARS = frozenset("在的了们是把被委党届第")
# (words of quantity that no place begins with: "部分区人大代表列席" names no district)
_NOT_PARENT_WORDS = ("部分", "所有", "其他", "其它", "相关", "有关", "各级")


def _valid_parent(name: str) -> bool:
    """A proper place name: 2–8 CJK characters ending in 县/区/市/旗/盟/州 (省 above a city),
    not beginning with a function word."""
    simple = simplify(name)
    return (
        2 <= len(simple) <= 8
        and _PARENT_NAME_RE.fullmatch(simple) is not None
        and simple[0] not in _NOT_PARENT_START
        and not (len(simple) == 2 and simple[0] in _NOT_PARENT_SHORT)
        and not (set(simple[:-1]) & _NOT_PARENT_CHARS)
        and "政府" not in simple
        and not simple.startswith(_NOT_PARENT_WORDS)
    )


_DIRECTIVES = ("统一工作部署", "统一部署", "工作部署", "决策部署")
# (and what a report does with its superior's decisions: "紧紧围绕松岭县委…", "按照松岭县…")
_SUPERIOR_VERBS = ("位于", "隶属", "隶属于", "地处", "落实", "融入", "对接", "围绕", "按照", "贯彻", "服从")


def _without_province(name: str) -> str:
    """``name`` without the short name of its province written before it ("新疆和硕县" → 和硕县)."""
    shorts = _province_shorts()[0]
    simple = simplify(name)
    for k in (2, 3):  # (内蒙古)
        if simple[:k] in shorts and divisions.is_division(simple[k:]):
            return name[k:]
    return name


def _in_breadcrumb(body: str, pos: int) -> bool:
    """Whether ``pos`` is on a site's breadcrumb line ("首页 > 政府工作报告 > 青禾市政府工作报告 > 正文"):
    the site's sections, not the text's words."""
    start = body.rfind("\n", 0, pos) + 1
    end = body.find("\n", pos)
    line = body[start : end if end >= 0 else len(body)]
    return line.count(">") + line.count("＞") >= 2


def _parent(
    jurisdiction: str, level: str | None, text: str, simple: str, raw: str, raw_simple: str
) -> str | None:
    """The next-higher unit, when the text names it (上高县 for a town of 上高县)."""
    jur_s = simplify(jurisdiction)
    for src, src_simple in ((text, simple), (raw, raw_simple)):
        # "上高县新界埠镇": a place name written right before the jurisdiction's
        pos = src_simple.find(jur_s, 0, 20000)
        while pos >= 0:
            # (a match ends at ``pos``, or before a line end there: with one of the pattern's last
            # characters right before it; most uses of the name have none)
            before = src_simple[max(0, pos - 2) : pos]
            m = (
                _PARENT_BEFORE_RE.search(src_simple, max(0, pos - 6), pos)
                if before[-1:] in _PARENT_ENDS or (before[-1:] == "\n" and before[:1] in _PARENT_ENDS)
                else None
            )
            if m:
                start = m.start(1)
                cuts = [c.end() for c in _HIGHER_IN_NAME_RE.finditer(src_simple, start, m.end(1) - 1)]
                if cuts and m.end(1) - cuts[-1] >= 3:
                    start = cuts[-1]  # 江西省上高县, 某州市上高县: the 县, not 西省上高县 or 市上高县
                name = src_simple[start : m.end(1)]
                if "记者" in name:  # "记者从青川市松岭区…获悉": the place after where the reporter learnt it
                    start += name.rfind("记者") + 2
                    start += src_simple[start] in "从在于自据到"
                    name = src_simple[start : m.end(1)]
                while start < m.end(1) - 3 and not _valid_parent(name):
                    start += 1  # "2023年北京市东城区", "日在儋州市雅星镇": not 年北京市, 日在儋州市
                    name = src_simple[start : m.end(1)]
                cut = len(name) - len(_without_province(name))
                start += cut
                name = name[cut:]
                higher, _ = _level_of(name)
                if higher and level and _RANK[higher] > _RANK[level] and _valid_parent(name):
                    return src[start : m.end(1)]
                break
            pos = src_simple.find(jur_s, pos + 1, 20000)
    own = _level_of(jur_s)[1]
    head = simple[:4000]
    sm = _SUPERIOR_RE.search(head) or _SUPERIOR_LOOSE_RE.search(head)
    kind = (sm.group("t") or sm.groupdict().get("t2")) if sm else None
    if not kind or kind == own or (level and _RANK.get(_level_of(kind)[0] or "", 0) <= _RANK[level]):
        return _parent_from_divisions(jur_s, level, simple, in_passing=False)
    body = simple[:15000]
    scores: Counter[str] = Counter()
    division_names = divisions.all_names()
    pos = body.find(kind, 2)
    while pos >= 0:
        name = body[pos - 2 : pos]
        # (a division of a longer name is taken whole: 伊金霍洛旗, not 霍洛旗)
        for k in (5, 4, 3):
            longer = body[max(0, pos - k) : pos]
            if longer + kind in division_names:
                name = longer
                break
        # (two characters: pos >= 2)
        if _is_cjk(name[0]) and _is_cjk(name[1]) and not _in_breadcrumb(body, pos):
            before = body[pos - len(name) - 1] if pos > len(name) else ""
            strong_after = body.startswith(("委", "人民政府", "政府", "人大", "政协"), pos + 1)
            if strong_after and (not before or not _is_cjk(before) or before in "在被由经和与及对向"):
                scores[name] += 3
            elif body.endswith(_SUPERIOR_VERBS, 0, pos - 2) and (
                kind != "区" or divisions.is_division(name + kind)
            ):
                # (not "融入大湾区": a region that is no division is named after the same verbs)
                scores[name] += 3
            elif body.startswith(_DIRECTIVES, pos + 1):
                # "围绕省、青禾市、松岭县统一工作部署": the last of the superiors listed is the nearest
                scores[name] += 3
            elif kind != "区":  # 园区, 景区, 社区 ...: a district is named only in a strong context
                scores[name] += 1
        pos = body.find(kind, pos + 1)
    for name, score in scores.most_common():
        if (
            score < 2
            or name in _NOT_NAMES
            or name[-1] in _NOT_NAME_END.get(kind, ())
            # (雷州市, 郑州市: a division's own name may hold one of those characters)
            or (set(name) & _NOT_NAME_CHARS and not divisions.is_division(name + kind))
        ):
            continue
        full = name + kind
        if full == jur_s or not _valid_parent(full) or (level == "town" and divisions.governs_counties(full)):
            # (a town's county is next above it: a city with counties is the one above that)
            continue
        idx = simple.find(full)
        return text[idx : idx + len(full)] if idx >= 0 else full
    return _parent_from_divisions(jur_s, level, simple)


# the few sentences of a plan that name its own place once: the close of its 总体要求 ("…贡献青禾力量"),
# a turn to the place itself ("对于青禾来说"), a document of its own government cited by title
# ("《青禾县人民政府办公室关于…》")
_OWN_ONCE_RE = lazy(
    rf"贡献(?P<a>[{CJK}]{{2,4}}?)力量|对于(?P<b>[{CJK}]{{2,4}}?)来说|《(?P<c>[{CJK}]{{2,6}}?[县市区旗])人民政府"
    # the year reviewed as a time in the place's history ("2030年，是青禾发展历程中极不平凡的一年")
    rf"|是(?P<d>[{CJK}]{{2,4}}?)(?:经济社会)?发展(?:历程|史)"
)


@functools.cache
def _division_names(level: str) -> frozenset[str]:
    """The names, whole and short, of every division of one level (city or county)."""
    return frozenset(n for name in divisions.names_at(level) for n in _short_names(name))


def _named_once(simple: str, level: str) -> str | None:
    """The place of a plan that names it only once, in one of the sentences that name a plan's own
    place (``_OWN_ONCE_RE``), as written: the one division of its level so named."""
    names = _division_names(level)
    found = {m.group(m.lastgroup or "a") for m in _OWN_ONCE_RE.finditer(simple, 0, 6000)} & names
    return found.pop() if len(found) == 1 else None


def _short_names(division: str) -> tuple[str, ...]:
    """How a report may name a division in passing: 大庆市 → 大庆, 锡林郭勒盟 → 锡林郭勒, 恩施土家族苗族自治州 → 恩施."""
    if division.endswith("自治州"):
        return (division, division[:2])
    for suffix in ("地区", "市", "盟", "州", "县", "区", "旗"):
        if division.endswith(suffix) and len(division) - len(suffix) >= 2:
            return (division, division[: -len(suffix)])
    return (division,)


def _parent_from_divisions(
    jur_s: str, level: str | None, simple: str, *, in_passing: bool = True
) -> str | None:
    """A district or county's city named only in passing (市委、市政府 … 大庆赛车小镇): the division
    above it in the official list, provided the text mentions it; of several divisions of the same
    name (和平区 of 天津 and of 沈阳) the one the text mentions, if only one is. Without 市委、市政府
    (``in_passing`` false) only a mention in a superior's context counts."""
    if level == "city":
        above = divisions.parent_of_prefecture(jur_s)
    elif level == "county":
        above = divisions.parents_of(jur_s)
    else:
        return None
    if not above:
        return None
    # the report's own name is no mention of its city (南昌 in 南昌县). Named in a superior's
    # context (按照呼伦贝尔“…”工作部署, 隶属大庆, 呼伦贝尔市委), the parent is as written there.
    body = simple[:15000].replace(jur_s, "〇" * len(jur_s))
    found = []
    for p in above:
        for name in _short_names(p) + ((p[:-1],) if p.endswith("省") else ()):
            at = _superior_mention(body, name)
            if at is not None:
                found.append(at)
                break
    if found:
        return found[0] if len(found) == 1 else None
    if level == "county" and "州委" in body:
        # "在州委州政府的领导下…支持青禾州…": an autonomous prefecture above, named by its usual short
        # form (the first characters and 州) where the text speaks of its 州委
        written = [
            p[:k] + "州"
            for p in above
            if p.endswith("自治州")
            for k in (2, 3, 4)
            if _mentioned(body, p[:k] + "州")
        ]
        if len(written) == 1:
            return written[0]
    if level != "county" or not in_passing:  # a province in passing (承办了某省第五届运动会) is no parent
        return None
    # a county or district under 市委、市政府 that mentions its city anywhere (大庆赛车小镇)
    mentioned = [p for p in above if any(_mentioned(body, n) for n in _short_names(p))]
    return mentioned[0] if len(mentioned) == 1 else None


_QUOTE_OPENS = frozenset('“"「『')
_MEDIA_AFTER = ("日报", "晚报", "客户端", "新闻", "融媒", "电视台", "广播", "发布")


def _mentioned(body: str, name: str) -> bool:
    """``name`` written in the text, not only as part of a news outlet's name (青禾日报, 新青禾客户端)."""
    pos = body.find(name)
    while pos >= 0:
        # (nor a quoted name that opens with it: the train “青禾号”, the brand “青禾味道”)
        if not body.startswith(_MEDIA_AFTER, pos + len(name)) and body[pos - 1 : pos] not in _QUOTE_OPENS:
            return True
        pos = body.find(name, pos + 1)
    return False


# (居, 走在: "增速居青禾第一", "走在青禾前列": ranked among the units of the division above it)
_SUPERIOR_BEFORE = ("按照", "落实", "服从", "位于", "隶属", "地处", "居", "走在")
_SUPERIOR_AFTER = (
    "市委", "委", "市政府", "人民政府", "政府", "党委", "人大", "政协", "州委", "省委", "盟委",
    "决策部署", "工作部署", "工作安排", "部署",  # ("省和青禾市部署的…专项行动")
)  # fmt: skip


def _superior_mention(body: str, name: str) -> str | None:
    """``name`` where the text speaks of it as the report's superior, as written there."""
    if len(name) < 2:
        return None
    pos = body.find(name)
    while pos >= 0:
        end = pos + len(name)
        if body.endswith(_SUPERIOR_BEFORE, max(0, pos - 2), pos) or body.startswith(_SUPERIOR_AFTER, end):
            return name
        pos = body.find(name, end)
    return None


# "——2025年1月9日青禾县第七届人民代表大会第六次会议通过": the day it was adopted, not delivered
_DASH_DATE_RE = re.compile(_DASH + _DATE)
_ADOPTED_RE = re.compile(r"[^。，,；;]{0,40}?(?:会议|大会)(?:审议)?(?:通过|批准)")


def _adopted(compact: str) -> str | None:
    """The day a header says the report was adopted on (…会议通过), if it says so."""
    m = _DASH_DATE_RE.search(compact) if "通过" in compact or "批准" in compact else None
    if m and _ADOPTED_RE.match(compact, m.end()):
        return _iso(*(_num(m.group(k)) for k in ("y", "m", "d")))
    return None


def _delivered(compact: str) -> str | None:
    for rx in (*_DELIVERED_RES, _BRACKETED_DAY_RE):
        m = rx.search(compact)
        if m and not ("span" in rx.groupindex and m.group("span")):
            return _iso(*(_num(m.group(k)) for k in ("y", "m", "d")))
    return None


def _span_day(compact: str) -> str | None:
    """The first day of a meeting told as a span of days ("于2030年12月28日至29日召开"): no day the report was
    delivered (the convention), but its year tells the year the congress met."""
    m = _DELIVERED_RES[-1].search(compact) if "届" in compact else None
    if m and m.group("span"):
        return _iso(*(_num(m.group(k)) for k in ("y", "m", "d")))
    return None


def _date_line(head_lines) -> str | None:
    for _, line in head_lines[:8]:
        m = _DATE_LINE_RE.match(_compact(line)) if len(line) <= 30 else None
        if m is None and len(line) <= 40 and "日" in line:
            m = _DATE_NAME_LINE_RE.match(line.strip())
        if m:
            return _iso(*(_num(m.group(k)) for k in ("y", "m", "d")))
    for _, line in head_lines[:16]:
        gm = _GLUED_DATE_LINE_RE.match(_compact(line)) if len(line) <= 16 and "日" in line else None
        if gm:  # "（2025228日）" alone under the speaker's line: 年 and 月 lost
            return _glued_day(int(gm.group("y")), gm.group("md"))
    return None


# "——2025228日在青禾镇第十五届人民代表大会…": 年 and 月 lost, the figures run together
# (日 lost too: "──20250228在青禾镇…")
_GLUED_DATE_RE = re.compile(_DASH + r"(?P<y>(?:19|20)\d{2})(?P<md>\d{2,4})(?:日(?=在|[）)])|(?=在))")


def _glued_date(compact: str) -> str | None:
    """The day of a run-together date, when its figures can be read only one way (228 is 2-28, 112 is no day)."""
    m = _GLUED_DATE_RE.search(compact)
    if m is None:
        return None
    return _glued_day(int(m.group("y")), m.group("md"))


# the run-together date on a line of its own: "（2025228日）", "2025228日)"
_GLUED_DATE_LINE_RE = re.compile(r"^[（(—\-]*(?P<y>(?:19|20)\d{2})(?P<md>\d{2,4})日[)）]?$")


def _glued_day(y: int, md: str) -> str | None:
    cuts = {
        (int(md[:i]), int(md[i:]))
        for i in range(1, len(md))
        if (md[i] != "0" or len(md) == 4) and len(md) - i <= 2 and i <= 2  # (0108: two figures each)
    }
    days = [d for d in (_iso(y, mo, day) for mo, day in cuts) if d]
    return days[0] if len(days) == 1 else None


def _gapped_date(head: str) -> str | None:
    m = _GAPPED_DATE_RE.search(head)
    return _iso(*(int(m.group(k)) for k in ("y", "m", "d"))) if m else None


def _iso(y: int, mo: int, d: int) -> str | None:
    """A plausible delivery date as YYYY-MM-DD, else None."""
    if 1949 <= y <= 2100 and 1 <= mo <= 12 and 1 <= d <= 31:
        return f"{y:04d}-{mo:02d}-{d:02d}"
    return None


def _num(text: str) -> int:
    if text == "元":  # 元月: January
        return 1
    return int(text) if text.isdigit() else _cn_int(text)


# "青禾省政府工作报告（2025年1月12日 李青山）": the day and the speaker in the title's brackets
_DATED_NAME_RE = lazy(rf"报告[（(]{_DATE}(?P<name>{_DOTTED}|[{CJK}·]{{2,4}})[)）]$")
# "…会议上 县长 李青山 各位代表：": a header run into the salutation on one line
_SALUTATION_RE = re.compile(r"各位|同志们")


_CLAUSE_MARK_RE = re.compile(r"[，。,；;]")
_FULL_DAY_RE = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日")
_PAGE_STAMP_RE = re.compile(r"\d{1,2}:\d{2}|星期")


# the speaker's own government on the title line, under the place the meeting named: "青川市松岭区人民政府
# 区长 李青山" under "在青川市第五届人民代表大会…上" — the report is the district's, the city its parent
_SPEAKERS_GOVERNMENT_RE = lazy(
    rf"(?P<place>[{CJK}]{{2,8}}?(?:自治县|自治旗|县|区|市|旗))人民政府(?:区长|县长|市长|旗长)"
)


def _speakers_government(meta: Meta, head_lines) -> None:
    if meta.jurisdiction is None or meta.level is None:
        return
    upper, own = simplify(meta.jurisdiction), _RANK[meta.level]
    for text_line, line in head_lines[:12]:
        line_c = _compact(line)
        # (the place's own government, "青川市人民政府市长", is what the meeting named: no pattern tried)
        if (
            not line_c.startswith(upper)
            or "人民政府" not in line_c
            or line_c.startswith("人民政府", len(upper))
        ):
            continue
        gm = _SPEAKERS_GOVERNMENT_RE.match(line_c, len(upper))
        if gm is None:
            continue
        level = _level_of(gm.group("place"))[0]
        if level == "city" and _county_level_city(gm.group("place")):
            level = "county"
        if level is not None and _RANK[level] < own:
            text_c = _compact(text_line)
            meta.parent = meta.jurisdiction
            meta.jurisdiction = text_c[gm.start("place") : gm.end("place")]
            meta.level = level
        return


def _speaker(head_lines) -> tuple[str | None, str | None]:
    title, name = _speaker_lines(head_lines)
    if name and (k := _SALUTATION_RE.search(name)) and k.start() >= 2:
        name = name[: k.start()]
    return title, name


def _speaker_lines(head_lines) -> tuple[str | None, str | None]:
    dated = None
    after_meeting = False
    title_line = None  # "青禾县人民政府县长" on a line of its own, the name on the next
    # a name alone between the report's title and its date or meeting line ("政府工作报告 / 李青山 /
    # （2024年1月10日在…会议上）")
    after_title, named = False, None
    for text_line, line in head_lines:
        line_c = _compact(line)
        text_c = _compact(text_line)
        if named and ("会议" in line_c or _TRAILING_DATE_RE.search(line_c)):
            return None, named
        if line_c:
            named = (
                text_c
                if after_title and _NAME_ONLY_RE.match(line_c) and not _NOT_A_NAME_RE.search(line_c)
                else None
            )
            after_title = line_c.endswith("报告") and len(line_c) <= 30
        dn = _DATED_NAME_RE.search(line_c) if line_c.endswith((")", "）")) and "报告" in line_c else None
        if dn and not _NOT_A_NAME_RE.search(dn.group("name")):
            dated = text_c[dn.start("name") : dn.end("name")]  # (a line of title and name below wins)
            continue
        if len(line_c) > 12 and line_c.endswith("日"):
            # (the date after the name: "…会议上 县长 李青山 2024年1月10日")
            dm = _TRAILING_DATE_RE.search(line_c)
            if dm and dm.start() > 0:
                line_c, text_c = line_c[: dm.start()], text_c[: dm.start()]
        if not line_c or len(line_c) > 30 or _CLAUSE_MARK_RE.search(line_c):
            # (a title ends the line but for a name: 长/任/达 near its end, a joined name "·" running longer)
            tail = line_c[-14:] if line_c and len(line_c) <= 80 else ""
            m = (
                _TITLE_AT_END_RE.search(line_c)
                if "长" in tail or "任" in tail or "达" in tail or "席" in tail
                else None
            )
            if m and not _NOT_A_NAME_RE.search(m.group("name")):
                return text_c[m.start("title") : m.end("title")], text_c[m.start("name") : m.end("name")]
            m = _ANON_SPEAKER_RE.search(line_c) if tail and tail[-1] in _ANON_END else None
            if m and _HEADER_END_RE.search(line_c, 0, m.start()):
                return text_c[m.start("title") : m.end("title")], None
            if len(line_c) > 40 and ("，" in line_c or "," in line_c):
                after_meeting = False  # (a story's sentence, cut or not: the header is over)
                continue
            if "会议" in line_c:
                after_meeting = True
            if line_c.endswith("。"):
                after_meeting = (
                    False  # (a news story's sentence: the header is over, "热门" below is no name)
                )
            continue
        # (every title _TITLE_RE knows holds one of 长/任/达/席: a line without them is not tried)
        m = _TITLE_RE.search(line_c) if any(c in line_c for c in _TITLE_CHARS) else None
        if m and not _NOT_A_NAME_RE.search(m.group("name")):
            return text_c[m.start("title") : m.end("title")], text_c[m.start("name") : m.end("name")]
        m = _OFFICES_NAME_RE.match(line_c) if "、" in line_c and "长" in line_c else None
        if m and not _NOT_A_NAME_RE.search(m.group("name")):
            return text_c[m.start("title") : m.end("title")], text_c[m.start("name") : m.end("name")]
        m = _ANON_SPEAKER_RE.search(line_c) if line_c[-1] in _ANON_END else None
        if m:
            return text_c[m.start("title") : m.end("title")], None
        dn = _DATE_NAME_LINE_RE.match(line.strip()) if "日" in line else None
        if dn and not _NOT_A_NAME_RE.search(dn.group("name")):
            return None, text_line.strip()[dn.start("name") : dn.end("name")]
        if "会议" in line_c or _FULL_DAY_RE.search(line_c):
            # (a page's clock stamp, "2030年01月02日 星期一 03:27:46", dates no report)
            after_meeting = "会议" in line_c or not _PAGE_STAMP_RE.search(line_c)
            continue
        if (
            (after_meeting or title_line)
            and _NAME_ONLY_RE.match(line_c)
            and not _NOT_A_NAME_RE.search(line_c)
        ):
            return title_line, text_c
        gm = _GOVERNMENT_NAME_RE.match(line_c) if after_meeting and "政府" in line_c else None
        if (
            gm
            and not _NOT_A_NAME_RE.search(gm.group("name"))
            and not _OFFICE_CHARS_RE.search(gm.group("name"))
        ):
            # "青禾镇人民政府 李青山" under the meeting line: the government for the title, which is not printed
            return None, text_c[gm.start("name") : gm.end("name")]
        tl = _TITLE_ONLY_RE.search(line_c) if line_c[-1] in "长任席" else None
        title_line = text_c[tl.start() : tl.end()] if tl and after_meeting else None
    if title_line and dated is None:
        return title_line, None  # "青禾区区长" alone under the meeting line: the title, its name not printed
    return None, dated


_MID_YEAR_RE = lazy(r"今年以来|上半年|1[-—~～至]6月|前三季度")
_PLAN_TITLE_RE = re.compile(r"计划|安排|要点|打算")
_OPENING_YEAR_RE = lazy(
    r"((?:19|20)\d{2})\s*年\s*[，,]?\s*是|(?:刚刚)?过去的\s*((?:19|20)\d{2})年|(?:^|\n|(?:报告|会议|大会)(?:指出|显示)[，,])\s*((?:19|20)\d{2})年度?[，,](?![^，。]{0,12}?[将要])"
    # "《政府工作报告》指出，2024年全省财政总收入达到…": a news digest quoting the year reviewed
    r"|报告》(?:指出|显示)[，,:：]?\s*((?:19|20)\d{2})年(?![^，。]{0,12}?[将要])"
    # "2030年以来，在区委的领导下，…", "…，2030年青禾街道在区委、区政府的正确领导下，…": the year an
    # opening tells was led through
    r"|(?:^|\n)\s*((?:19|20)\d{2})年以来[，,]"
    r"|[，,]\s*((?:19|20)\d{2})年(?=[^。，,；;\d]{0,16}?在[^。，,；;]{0,16}?领导下)"
)
_PLAN_PERIOD_RE = lazy(r"十\s*([一二三四])\s*五")
# "今年是“十五五”开局起步之年": the year a plan's news story plans, told by its place in the plan period
_THIS_PERIOD_YEAR_RE = re.compile(
    r"今年是[^。]{0,6}?十\s*(?P<n>[一二三四五六])\s*五[”\"’」]?(?:规划|时期)?的?(?P<k>开局|起步|收官)"
)
_PERIOD_YEAR_RE = re.compile(
    r"(?:[xX×*＊]{2,4}|某)年度?是[^。]{0,20}?十\s*(?P<n>[一二三四五])\s*五[”\"’」]?(?:规划|时期)?的?"
    r"(?P<k>开局|起步|收官)之年"
)
# the draft of a five-year plan put to a congress: "第十五个五年规划纲要草案", "“十五五”规划纲要（草案）"
_FIVE_YEAR_DRAFT_RE = lazy(
    r"(?:第十(?P<n>[一二三四五六])个五年规划|十(?P<m>[一二三四五六])五[”\"’」]?(?:时期)?)[^。，\n]{0,24}?纲要[（(]?草案"
)
_BASE_YEAR_RE = re.compile(r"是((?:19|20)\d{2})年(?:末|底)?的[\d.]+倍")


def _opening_year(simple: str, sections: list[Section]) -> int | None:
    """The reviewed year of a report that says it only in its opening sentence ("2023年是本届政府
    的第二年…一年来", "2024年，是我县…"), or of a five-year review ("前五年工作回顾 … “十二五”以来")."""
    review = next((sec for sec in sections if sec.part == "review"), None)
    if review is not None and sections[0] is not review:
        return None
    start = review.end if review is not None else 0
    window = simple[start : start + (200 if review is not None else 800)]
    if review is not None and 0 < review.start <= 400:
        # (the opening over a first review heading: "2030年以来，…。一、…")
        window = simple[: review.start] + "\n" + window
    m = _OPENING_YEAR_RE.search(window)
    if m:
        return int(next(g for g in m.groups() if g))
    if review is not None and "五年" in review.heading:
        # "…达到3480亿元，是2011年的1.48倍": a five-year review measures against the year before its first
        bases = Counter(_BASE_YEAR_RE.findall(simple, review.end, review.end + 6000)).most_common(1)
        if bases and bases[0][1] >= 2:
            return int(bases[0][0]) + 5
    if review is not None and ("五年" in review.heading or _PLAN_PERIOD_RE.search(simplify(review.heading))):
        pm = _PLAN_PERIOD_RE.search(simple, review.start, review.end + 300)
        if pm:
            return 2005 + 5 * "一二三四".index(pm.group(1)) + 5
    return None


_YEAR_IS_RE = re.compile(r"((?:19|20)\d{2})\s*年\s*[，,]?\s*是")
# "2031年是…的关键之年，也是…之年，做好今年政府工作意义重大" (or 做好全年工作)
_THIS_YEARS_WORK_RE = re.compile(
    r"((?:19|20)\d{2})\s*年\s*[，,]?\s*是[^。；;\n]{0,120}?做好(?:今年|全年)[^。；;，,\n]{0,8}?工作"
)


def _planned_opening_year(simple: str, sections: list[Section]) -> int | None:
    """The year named by "YYYY年是…" in the opening of a text that starts in its plan (its first part a
    plan, no word of a year past before it): "2023年是…之年。今年…主要预期目标是：" over its chapters."""
    if not sections or sections[0].part != "plan" or _REVIEWED_BEFORE_RE.search(simple, 0, sections[0].start):
        return None
    m = _YEAR_IS_RE.search(simple, 0, sections[0].end + 200)
    return int(m.group(1)) if m else None


_YEAR_MENTION_RE = re.compile(r"((?:19|20)\d{2})年(?!以来|底前|前|起|[-—~至])")


def _dominant_year(simple: str) -> int | None:
    """A fragment that never says which year it reviews but writes one year again and again
    ("2024年街道完成税收…"): that year, when it is the only one written twice or more."""
    counts = Counter(_YEAR_MENTION_RE.findall(simple, 0, 2000)).most_common(2)
    if counts and counts[0][1] >= 2 and (len(counts) == 1 or counts[1][1] < 2):
        return int(counts[0][0])
    return None


# "对我镇2023年以来政府工作情况进行了全面回顾", "对2023年工作进行总结": the year a news report says was reviewed
_SUMMED_UP_RE = re.compile(
    r"对[^。，,；;]{0,8}?((?:19|20)\d{2})年[^。，,；;]{0,12}?(?:进行了?|作了?)[^。，,；;]{0,6}?(?:总结|回顾)"
    # "报告从四个方面回顾了2030年的政府工作": the year the report sums up
    r"|(?:总结|回顾)了[^。，,；;：:\d]{0,8}?((?:19|20)\d{2})年(?!以来|来|[至到—-])"
    # "报告共六个部分，包括2030年工作的简要回顾、2031年…": the parts a story lists
    r"|((?:19|20)\d{2})年工作的(?:简要|全面)?回顾"
)
_PLANNED_BEFORE_RE = re.compile(r"将|力争|计划|预期|目标")
_PLANNED_AFTER_RE = lazy(
    r"度?[，,]?[^。，,；;]{0,12}?(?:将|要|力争|预期|目标|计划|实事|重点工作|工作要点|预算草案)"
)


# (after a year: the account of what was done in it, "2030年民生实事项目的完成情况报告")
_ACCOUNT_AFTER_RE = lazy(r"度?[^。，,；;\n]{0,16}?(?:完成|执行|实施)情况")


_MONTH_RE = re.compile(r"\d{1,2}月")


def _only_planned(simple: str, year: int) -> bool:
    """Every mention of ``year`` in the opening speaks of what is to be done that year."""
    needle = f"{year}年"
    pos = simple.find(needle, 0, 2000)
    seen = False
    while pos >= 0:
        if _MONTH_RE.match(simple, pos + len(needle)):
            # (a day, "于2030年6月10日以票决方式决定": no word of what was done or planned)
            pos = simple.find(needle, pos + 1, 2000)
            continue
        start = max(simple.rfind("。", 0, pos), simple.rfind("\n", 0, pos), pos - 60)
        # (after the year, or earlier in its sentence: "2025年，全县将新建…，2025年新增…")
        if not _PLANNED_AFTER_RE.match(simple, pos + len(needle)) and not _PLANNED_BEFORE_RE.search(
            simple, start, pos
        ):
            return False
        seen = True
        pos = simple.find(needle, pos + 1, 2000)
    return seen


# a year told with its results: "2030年全省生产总值达4.5万亿元", "2030年完成投资12亿元"
# (or after a comma: "2030年，全镇全年实现生产总值51亿元")
_TOLD_WITH_RESULTS_RE = re.compile(
    r"度?[，,]{0,2}[^。；;，,\d]{0,16}?(?:达到?|完成|实现|突破)[^。；;，,]{0,6}?\d"
)


def _told_with_results(simple: str, year: int) -> bool:
    """Whether a mention of ``year`` in the opening tells it with its results (the first mention may open a
    sentence of the year's guidance: "2030年，全镇坚持…。2030年，全镇实现生产总值…")."""
    needle = f"{year}年"
    pos = simple.find(needle, 0, 2000)
    while pos >= 0:
        if _TOLD_WITH_RESULTS_RE.match(simple, pos + len(needle)):
            return True
        pos = simple.find(needle, pos + 1, 2000)
    return False


_TITLE_PLAN_YEAR_RE = re.compile(
    r"(?:总结|回顾|报告|情况)[和及暨与、]((?:19|20)\d{2})年度?(?:工作)?(?:思路|计划|安排|打算|要点|目标)"
)


# ("青禾县人民政府工作报告（2031年）": the year in brackets after the title, as a collection lists it)
_TITLE_REPORT_YEAR_RE = re.compile(
    r"((?:19|20)\d{2})年度?[^，。]{0,12}?政府工作报告|政府工作报告[（(]((?:19|20)\d{2})年?[)）]"
)
_TITLE_YEAR_RE = re.compile(r"((?:19|20)\d{2})年?度?[^，。\d]{0,12}?政府工作报告")
_GOAL_YEAR_RE = re.compile(r"((?:19|20)\d{2})年?[^。；;\n\d]{0,20}?预期[^。；;，,\n]{0,4}?目标")
_THIS_YEAR_RE = re.compile(r"今年[（(]((?:19|20)\d{2})年?[)）]")
_DATELINE_RE = re.compile(
    r"((?:19|20)\d{2})(?:年\d{1,2}月\d{1,2}日|-\d{1,2}-\d{1,2}|/\d{1,2}/\d{1,2}|\.\d{1,2}\.\d{1,2}(?![\d.]))"
)


# the title field of a public notice's table ("| 标题：青禾镇人民政府2030年工作计划 |")
_TITLE_FIELD_RE = re.compile(r"(?:标\s*题|名\s*称)\s*[:：]\s*([^|｜\n]+)")


def _field_word_in(raw: str, last: str, first: str) -> bool:
    """``first``, white space, then ``last`` within the first 1500 characters: how a field's name of
    _TITLE_FIELD_RE is written (标 题, 名称)."""
    p = raw.find(last, 1, 1500)
    while p >= 0:
        q = p - 1
        while q > 0 and raw[q].isspace():
            q -= 1
        if raw[q] == first:
            return True
        p = raw.find(last, p + 1, 1500)
    return False


def _labelled_title(raw: str) -> str:
    """The title a notice's table of fields gives near the start of the page as loaded (cleaning drops
    the table as furniture), "" if none."""
    if not (_field_word_in(raw, "题", "标") or _field_word_in(raw, "称", "名")):
        return ""  # (a match opens with 标…题 or 名…称)
    m = _TITLE_FIELD_RE.search(raw, 0, 1500)
    return _compact(m.group(1)) if m is not None else ""


# a government's work report heard at the congress, titled with a year: "《青禾镇2030年政府工作报告》"
_HEARD_REPORT_YEAR_RE = lazy(r"《[^》\n]{0,16}?((?:19|20)\d{2})年度?(?:人民)?政府工作报告》")
# (after "2031年": the list, budget or plan of that year)
_DECIDED_AHEAD_RE = lazy(r"度?[^。；;，,《》]{0,12}?(?:实事|预算|计划)")


# a page that prints part of a report: "政府工作报告（摘登）", "…解读二：2030年工作回顾"
_EXCERPT_TITLE_RE = re.compile(r"摘登|摘编|节选|解读")
_NEXT_YEAR_SAID_RE = re.compile(r"((?:19|20)\d{2})年(?!\d)")


def _excerpt_of_review(simple: str, sections: list[Section], title: str, review: int) -> bool:
    """A page titled as an excerpt of a report that prints only its review, and names no later year (a
    page's dateline aside): it plans nothing here (the next year's plan is not implied)."""
    if not _EXCERPT_TITLE_RE.search(title) or "各位代表" in simple[:6000]:
        return False
    if any(sec.part == "plan" for sec in sections):
        return False
    return all(int(y) <= review for y in _NEXT_YEAR_SAID_RE.findall(simple, 0, 6000))


def _unsaid(title: str) -> str:
    """A title up to where the text's sentences begin: "…连夜调度安排。" in a passage's first lines is no
    plan's title."""
    end = title.find("。")
    return title if end < 0 else title[:end]


def _years(
    simple: str,
    sections: list[Section],
    delivered: str | None,
    head_lines,
    raw_simple: str = "",
    *,
    congress: bool = False,
) -> tuple[int | None, int | None]:
    review: int | None = None
    plan: int | None = None
    summed: int | None = None  # the year the text says the report summed up ("总结了2024年…工作")
    for section in sections:
        years = [int(y) for y in _YEAR_RE.findall(section.heading)]
        if not years and "年" in section.heading:  # "一、二〇二三年工作回顾"
            years = [y for y in map(_cn_int, _CN_YEAR_RE.findall(section.heading)) if 1949 <= y <= 2100]
        if section.part == "review" and review is None and years:
            review = years[-1]
        elif section.part == "plan" and plan is None and years:
            plan = years[0]
    if review is None and plan is None and congress and "工作报告》" in simple[:1500]:
        # "听取了《青禾镇2030年政府工作报告》…票决了2031年民生实事项目": a report titled with the year it
        # reviews, heard where the next year's list or budget is decided
        hm = _HEARD_REPORT_YEAR_RE.search(simple, 0, 1500)
        if hm:
            year = int(hm.group(1))
            at = simple.find(f"{year + 1}年", 0, 1500)
            while at >= 0:
                if _DECIDED_AHEAD_RE.match(simple, at + 5):
                    return year, year + 1
                at = simple.find(f"{year + 1}年", at + 5, 1500)
    if review is None:
        # (not "一、本届政府工作回顾\n2013年以来，…": the start of a period is not the year reviewed)
        m = re.search(
            # ("全面回顾总结2030年工作成绩": a news story of the congress)
            r"((?:19|20)\d{2})年(?:工作)?回顾|回顾(?:总结)?了?\s*((?:19|20)\d{2})(?!\d)(?!年以来|年来)",
            simple[:3000],
        )
        if m:
            review = int(m.group(1) or m.group(2))
    if review is None:
        m = _SUMMED_UP_RE.search(simple, 0, 3000)
        if m:
            review = summed = int(m.group(1) or m.group(2) or m.group(3))
    if review is None:
        pm = _PERIOD_YEAR_RE.search(simple, 0, 3000)
        if pm:  # "xxxx年是“十四五”的开局之年": the year anonymised, its place in the plan period kept
            period_start = 2006 + 5 * "一二三四五".index(pm.group("n"))
            review = period_start + (4 if pm.group("k") == "收官" else 0)
    if review is None and plan is None and "今年是" in simple[:3000]:
        tp = _THIS_PERIOD_YEAR_RE.search(simple, 0, 3000)
        if tp:
            plan = 2006 + 5 * "一二三四五六".index(tp.group("n")) + (4 if tp.group("k") == "收官" else 0)
    if review is None and plan is None:
        # "2031年是…之年，做好今年工作意义重大": the sentence that opens a plan names the year planned
        # (not the year reviewed, whatever the page's date or a congress's day says)
        tw = _THIS_YEARS_WORK_RE.search(simple) if "做好" in simple else None
        if tw:
            plan = int(tw.group(1))
            delivered = None  # (a notice's day or a page's tells nothing more of the year reviewed)
    mid_year_report = False
    if review is None and delivered:
        y, mo = int(delivered[:4]), int(delivered[5:7])
        # (delivered from June on and opening "今年以来": the year it is delivered in, and no plan)
        mid_year_report = 6 <= mo < 10 and _MID_YEAR_RE.search(simple, 0, 1500) is not None
        review = y if mo >= 10 or mid_year_report else y - 1
    title = "".join(_compact(line) for _, line in _title_lines(head_lines, 3)) + _labelled_title(
        raw_simple or simple
    )
    if review is None and plan is None:
        # "2025年，青禾县发展的主要预期目标是…", a page titled "青禾发布2025经济预期发展目标": a plan only
        gy = _GOAL_YEAR_RE.search(simple, 0, 2000)
        if gy:
            plan = int(gy.group(1))
    if review is None and plan is None:
        # "2023年是…之年" opening an excerpt that starts in its plan: the year it plans
        plan = _planned_opening_year(simple, sections)
    if review is None and plan is None and not _PLAN_TITLE_RE.search(_unsaid(title)):
        review = _opening_year(simple, sections)
        if review is None and plan is None and not _TITLE_REPORT_YEAR_RE.search(title):
            review = _dominant_year(simple)
            if review is not None and _only_planned(simple, review):
                # "选出2025年六大民生实事项目…2025年民生实事项目包括…": the year it plans, not reviews
                plan, review = review, (review - 1 if congress else None)
        if review is None and plan is None and congress:
            # a news story of the congress whose first year is one to come ("代表们表示，2025年，将…"):
            # the year planned, and the congress reviews the one before
            # (only when the year before is written too: "《2024年…执行情况的报告》"; a digest of the
            # plan alone says nothing of the year reviewed)
            first = _YEAR_MENTION_RE.search(simple, 0, 2000)
            year = int(first.group(1)) if first else 0
            if first and f"{year - 1}年" in simple[:2000] and _only_planned(simple, year):
                plan, review = year, year - 1
            elif (
                first
                and f"{year + 1}年" in simple[:2000]
                and _only_planned(simple, year + 1)
                and not _only_planned(simple, year)
            ):
                # "报告指出：2023年全省生产总值…；2024年经济社会发展有这些目标": the year told of first is
                # the one reviewed, the next the one planned
                plan, review = year + 1, year
            elif first and _told_with_results(simple, year) and not _only_planned(simple, year):
                # "…代表大会开幕…报告的主要内容：2030年全省生产总值达4.5万亿元": the year first told with
                # its results is the one the congress reviews, and it plans the next
                plan, review = year + 1, year
        if review is not None and plan is not None and review >= plan:
            review = None
    if review is None and plan is None:
        m = re.search(r"((?:19|20)\d{2})年度?[^，。]{0,12}?工作总结", title)
        if m:  # a summary of the year just ended (街道 reports are often titled so)
            review = int(m.group(1))
    if review is None and plan is None:
        m = _TITLE_REPORT_YEAR_RE.search(title)
        if m:
            plan = int(m.group(1) or m.group(2))
            # a mid-year report ("今年以来…1-6月") reviews the year it is written in
            review = plan if _MID_YEAR_RE.search(simple, 0, 1500) else plan - 1
    if plan is None:
        # "青禾街道2024年工作总结和2025年工作思路": a title that names the year it plans
        tp = _TITLE_PLAN_YEAR_RE.search("".join(_compact(line) for _, line in _title_lines(head_lines, 6)))
        if tp:
            plan = int(tp.group(1))
    if plan is None and review is None:
        # "青禾镇2025年工作要点", "2025年度政府工作计划": a plan alone
        # (or "2025年重点任务安排", "2025年目标任务")
        tp = re.search(
            r"((?:19|20)\d{2})年度?[^，。总结]{0,8}?(?:工作(?:计划|要点|安排|打算|思路)|任务安排|工作任务|目标任务|重点任务)"
            r"|((?:19|20)\d{2})年度?[^，。总结]{0,16}?(?:主要目标|预期目标)[^，。总结]{0,2}?(?:重点任务|重点工作)",
            title,
        )
        if tp:
            plan = int(tp.group(1) or tp.group(2))
    if plan is None and review is None:
        # a news digest of the plan: "今年（2025年）…", or a "今年预期目标" part under a dated page
        ty = _THIS_YEAR_RE.search(simple, 0, 3000)
        if ty:
            plan = int(ty.group(1))
        elif any(sec.part == "plan" and "今年" in sec.heading for sec in sections):
            dl = _DATELINE_RE.search(raw_simple or simple, 0, 400)  # (a page's dateline is furniture)
            if dl:
                plan = int(dl.group(1))
    if plan is None and review is not None:
        # "青禾镇2025政府工作报告" over a five-year review ("十四五"工作回顾): the year the title names
        ty = _TITLE_YEAR_RE.search(title)
        # (not past the year it was delivered in: "2031年…政府工作报告" over a report given in March
        # 2030 is a site's wrong year; a congress in December plans the next)
        latest = int(delivered[:4]) + (int(delivered[5:7]) >= 10) if delivered else None
        if ty and int(ty.group(1)) > review and (latest is None or int(ty.group(1)) <= latest):
            plan = int(ty.group(1))
    is_congress_report = (
        congress or "各位代表" in simple[:6000] or "政府工作报告" in title or "人民代表大会" in title
    )
    excerpt = False  # (an excerpt of a report's review: see ``_excerpt_of_review``)
    if plan is None and review is not None and is_congress_report and not mid_year_report:
        # (a mid-year report to the congress plans the rest of the year it reviews)
        # (or whose review part is a half year's: "2030年上半年工作回顾")
        # (not a congress late in the year, that plans the next whatever half year its papers name)
        late = delivered is not None and int(delivered[5:7]) >= 10
        mid_year = (not sections and not late and _MID_YEAR_RE.search(simple, 0, 1500) is not None) or any(
            sec.part == "review" and "上半年" in sec.heading for sec in sections
        )
        plan = review if mid_year else review + 1
        if "半年" in title and sections and all(sec.part != "plan" for sec in sections):
            plan = None  # a half-year report that plans nothing here (no next year's plan is implied)
        elif _excerpt_of_review(simple, sections, title, review):
            plan = None
            excerpt = True
    if (
        plan is None
        and review is not None
        and not mid_year_report
        and not is_congress_report  # (the year it plans said above; none for a half-year report)
        and sections
        and all(sec.part != "plan" for sec in sections)
        and re.search(rf"{review}年度?[^，。]{{0,12}}?(?:报告|总结)", title) is None
    ):
        # an opening that stops in its review, not titled as that year's report or summary ("青禾街道2021年工作
        # 报告", a year's account with no plan, plans nothing: the shared gold): the year after is the one it
        # plans (docs/reader-conventions.md)
        plan = review + 1
    if plan is None and review is not None and not mid_year_report:
        # a summary with a part of plans and no year in its heading ("二、下一步工作打算"): the next year,
        # or the rest of the year reviewed ("下半年工作打算")
        planned = next((sec for sec in sections if sec.part == "plan" and sec is not sections[0]), None)
        if planned is not None and "今年" not in planned.heading:
            plan = review if "下半年" in planned.heading else review + 1
    if (
        plan is None
        and review is not None
        and not mid_year_report
        and all(sec.part != "plan" for sec in sections)
    ):
        # "青禾街道2024年工作报告 … 发布时间 2025-01-22" cut before its plan: a report put out in the
        # year after the one it reviews plans that year
        dl = _DATELINE_RE.search(raw_simple or simple, 0, 400)
        if dl and int(dl.group(1)) == review + 1 and "半年" not in title and not excerpt:
            plan = review + 1
    if review is None and plan is not None and (congress or any(s.part == "review" for s in sections)):
        review = plan - 1  # (a congress reviews the year before the one it plans)
    if (
        simple.find("情况", 0, 400) >= 0  # (every account's word ends so: the pattern tried only then)
        and all(sec.part != "plan" for sec in sections)
        and _LIST_DONE_HEAD_RE.search(simple, 0, 400)
        and listed_year(simple) is None  # (not the account of a year before, heard with the list)
    ):
        # "2023年民生实事项目完成情况": an account of a year's list plans nothing
        return review, None
    if not any(says_review(simple, sec) for sec in sections) and (
        plans_ahead(simple) or (not sections and reads_as_a_plan(simple))
    ):
        # a passage of a coming year's list or plan reviews nothing (but a congress reviews the year
        # before the one it plans); the year it names is planned
        named = _YEAR_MENTION_RE.search(simple, 0, 400)
        plan = int(named.group(1)) if named else plan
        plan = listed_year(simple) or plan
        if summed is not None and (plan is None or plan <= summed):
            return summed, summed + 1  # (the year named first is the one summed up, not planned)
        if plan is None and ("今年" in simple[:400] or "明年" in simple[:400]):
            # "今年青禾市将办好10件民生实事" under a page's dateline: the year of the page (the next
            # one for 明年)
            dl = _DATELINE_RE.search(raw_simple or simple, 0, 400)
            if dl:
                plan = int(dl.group(1)) + (0 if "今年" in simple[:400] else 1)
        if plan is not None and (congress or _voted_after_a_year(simple, plan)):
            return plan - 1, plan
        return None, plan
    return review, plan


# deputies who vote a list ("人大代表票决", "代表们…差额票选出10项")
_DEPUTIES_VOTE_RE = lazy(r"代表[^。]{0,30}?票[选决]")


def _voted_after_a_year(simple: str, plan: int) -> bool:
    """Deputies vote the list of the year planned and the story writes the year before ("2030年，青禾街道
    率先开展…票决制"): like a congress, the vote reviews that year."""
    return f"{plan - 1}年" in simple[:3000] and _DEPUTIES_VOTE_RE.search(simple, 0, 3000) is not None
