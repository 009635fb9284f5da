"""Named commitments beside the numbers: key projects, livelihood projects and key tasks.

A report lists by name what it did and what it promises: projects (重点项目: "推进卡萨石英石项目",
"A、B、C等重大项目", a company named as signed or producing, a named road or bridge with the work done
to it), livelihood projects (民生实事, numbered or not) and, in the plan part, the key tasks (重点工作).
Each becomes an :class:`Item` with its quote and offsets, so that the report → plan import can propose
projects, livelihood candidates and tasks as well as numeric targets.

* **Livelihood**: every entry of a list introduced by 民生实事 / 为民办实事 / 实事项目 (numbered lines,
  nested lists — leaves only —, short unnumbered lines, or inline after 分别是/包括/：); an entry that
  lists several objects gives one each, unless its first clause names the whole entry ("…项目"). Its
  entries are not also projects or tasks. Things named in a paragraph about 民生实事 are livelihood too.
* **Tasks**: the first level of numbering of each plan section — the first enumerator met sets it
  ((一)…, 1、…, or 一是… leads); lower leads inside a task are not tasks — and a plan section whose
  heading names a task ("加强政府自身建设").
* **Projects**: a phrase ending in 项目/工程/园区/基地…; numbered project-list entries; named
  facilities (roads, bridges, parks, markets, schools…) with the work done to them; the subjects of
  stage verbs (签约/投产/竣工…). Not projects: classes counted right after the name ("技改项目5个"),
  slogans in quotation marks, designations and honours, facilities only used as context (依托/用好…).

General rules only, on the simplified copy; names are sliced from the text as written.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator
from typing import Final

from .chars import simplify
from .lazyre import lazy
from .model import Item, Meta, Section
from .numbers import chinese_numeral, positions
from .structure import resumed_after_outline, standing_alone

# (module constants are Final: compiled, mypyc keeps them in C statics, where a plain global is
# looked up in the module's dict at every use)

PROJECT, LIVELIHOOD, TASK = "project", "livelihood", "task"

# (the helpers' shared arguments, typed: compiled, a line's tuple and string operations are then
# native calls, not generic ones)
_Lines = list[tuple[int, str]]  # (offset, line) of every line of the simplified text
_Add = Callable[..., None]  # records one item (``_extract``'s ``add``)
_PartYear = Callable[[int], tuple[str, int | None]]  # the part and year of a position

_ORD: Final = "一二三四五六七八九十"
# 一是… leads.
_LEAD_RE: Final = re.compile(
    rf"(?:^|(?<=[。；;：:，,]))[ \t]*(?P<num>[{_ORD}](?:是|要(?!求))|第[{_ORD}][，,、])(?P<name>[^。；;，,：:\n]{{2,30}})"
)
_LEAD_KEYS: Final = (
    "是",
    "第",
    "要",
)  # (every lead holds one: a line without them is not searched, ``_keyed_search``)
# (a first lead — 一是, 一要, 第一， — holds one of these: a line without them has none)
_FIRST_LEAD_KEYS: Final = ("一是", "一要", "第一")
_TOP_NUMBER_RE: Final = re.compile(rf"(?:第[{_ORD}]{{1,3}}部分|[{_ORD}]{{1,3}})[、.．:：\s]*")


def _by_first(words: str) -> str:
    """The alternation ``words`` ("A|B|…", each alternative opening with a plain character) with the
    alternatives that open with the same character under it: "工程|工业园" → "工(?:程|业园)".

    The same matches in the same order of preference (alternatives opening with different characters
    never match at the same place, and those sharing one keep their order), but the engine, which tries
    the alternatives of a group one by one, steps over one per first character instead of one per word
    (a gain where a group's first characters are frequent and its words many and rarely there).
    """
    groups: dict[str, list[str]] = {}
    for word in words.split("|"):
        assert word[:1] and word[0] not in "\\[](){}|.^$*+?", word
        groups.setdefault(word[0], []).append(word[1:])
    return "|".join(
        first + (rests[0] if len(rests) == 1 else f"(?:{'|'.join(rests)})") for first, rests in groups.items()
    )


# A project: a phrase ending in one of these, after a verb or at a clause start.
_PROJECT_END_WORDS: Final = (
    "项目|工程|产业园区|工业园区|产业园|工业园|科技园区|科技园|文化园|创业园|物流园|园区|基地|示范区|集聚区|聚集区|小镇|综合体|中心|"
    "产业社区|休闲园|示范园(?!区)|度假区|营地(?![^，,。；;、和及与])"
)
_PROJECT_END: Final = "(?:" + _by_first(_PROJECT_END_WORDS) + ")"
_VERBS: Final = (
    r"完成|推进|推动|实施|启动|建成|开工|新建|建设|打造|加快|对接|引进|申报|落实|开展|抓好|"
    r"谋划|争取|续建|实施好|支持|做好|确保|力争|全力|加速|聚焦|依托|围绕|以"
)
# The verbs' first characters: a lookahead on them lets the engine skip most positions quickly.
_VERB_FIRST: Final = "".join(sorted({v[0] for v in _VERBS.split("|")} | set("提改升引")))
_VERBS_FAST: Final = rf"(?=[{_VERB_FIRST}])(?:{_VERBS})"
# (the first characters of the project end words: a lookahead on them before the ends lets the engine
# step over most characters of a name with one test of a class, not one per group of end words)
_PROJECT_END_FIRST: Final = "".join(sorted({w[0] for w in _PROJECT_END_WORDS.split("|")}))
# A verb and 了 before a works' name ("完成了X项目", "新建了X泵站", "确保了X工程顺利实施"): what a name
# starts after (了 stops a name, so these are seen behind it).
_VERBS_DONE: Final = "完成了|实施了|建成了|启动了|推进了|引进了|开工了|新建了|打造了|建设了|确保了"
_PROJECT_RE: Final = re.compile(
    rf"(?:{_VERBS_FAST}|(?<=[，,。；;、：:\n“的暨])|(?<={_VERBS_DONE}))(?P<name>[^，,。；;：:\n、“”的了]{{2,30}}?(?=[{_PROJECT_END_FIRST}]){_PROJECT_END}+)"
)
# "A、B、C等(重大|在谈…)项目/企业", "A、B、C三个…项目": each name of the list.
_LIST_COUNTS: Final = "两三四五六七八九十"
_LIST_HEADS: Final = "(?:项目|企业|工程|载体|综合体|道路|车间)"
# (facilities a list may end on, "A路等一批镇域道路", "A厂和B公司2个扶贫车间": its entries are named ones)
_FACILITY_HEADS: Final = ("道路", "车间", "厂房")
_LIST_TAIL: Final = rf"(?:等(?:\d+[项个件])?(?:\d{{4}}年)?[^，,。；;\n]{{0,10}}?|(?P<count>(?:[{_LIST_COUNTS}]|\d)个)[^，,。；;\n]{{0,20}}?){_LIST_HEADS}"
_LIST_TAIL_FIRST: Final = f"等{_LIST_COUNTS}"  # (and a digit: what _LIST_TAIL opens with, tested first)
_LIST_RE: Final = re.compile(
    rf"(?:{_VERBS_FAST}|(?<=[，,。；;：:\n]))(?P<list>[^，,。；;：:\n]{{2,80}}?)(?=[{_LIST_TAIL_FIRST}\d]){_LIST_TAIL}"
)
# Speed: a match of _PROJECT_RE lies inside one run of characters outside its name's stop characters
# holding a _PROJECT_END word, and one of _LIST_RE inside a run without ，。；\n holding 等…项目; the
# patterns are tried on those runs only (``_runs_finditer``: the same matches as finditer over the
# line; neither pattern may end in a lookahead, which would see the run's end as the text's).
_PROJECT_STOP_RE: Final = re.compile(r"[，,。；;：:\n、“”的了]")
_PROJECT_END_RE: Final = re.compile(_PROJECT_END)
_LIST_STOP_RE: Final = re.compile(r"[，,。；;\n]")
# (the tail of _LIST_RE with its counts spelt out — 两个…|三个…: alternatives that start with a plain
# character give the regex engine characters to scan for, a class inside a group gives it none)
_LIST_NEEDLE_RE: Final = lazy(
    "(?:等(?:\\d+[项个件])?(?:\\d{4}年)?[^，,。；;\n]{0,10}?|"
    + "|".join(f"{c}个[^，,。；;\n]{{0,20}}?" for c in _LIST_COUNTS + "0123456789")
    + ")"
    + _LIST_HEADS
)
# The same needle as two patterns that each start with one plain character (等, and 个 after its
# count), which the engine scans for many times faster than for a class of first characters; the
# offsets of both tell the runs (``_runs_finditer_at``).
_LIST_NEEDLE_DENG_RE: Final = re.compile("等(?:\\d+[项个件])?(?:\\d{4}年)?[^，,。；;\n]{0,10}?" + _LIST_HEADS)
_LIST_NEEDLE_GE_RE: Final = re.compile(f"个(?<=[{_LIST_COUNTS}\\d]个)[^，,。；;\n]{{0,20}}?" + _LIST_HEADS)
# Words that tell how many of the works ("所有", "大多数", "现有"): a generic name's opening, or a name alone.
_QUANTIFIERS: Final = "所有|全部|大多数|多数|部分|其余|现有"
_GENERIC: Final = re.compile(
    r"^(?:重点|重大|一批|各类|各项|产业|民生|基础设施|招商|在谈|储备|新建|续建|省市|省级|市级|县级|亿元以上|"
    r"[\d.]+[个项宗]|[一二三四五六七八九十两]+[个项宗]|[一二三四五六]期|这些|上述|相关|该|本|此次|本次|这批|此批|该批|全镇|全县|全市|全区|市区|城区|[省市县区]|"
    r"工程|签约|开工|投产|竣工|开竣工|完工|大|好|示范|服务|企业|高质量|候选|议定|备选|投资|引资|环保|"
    r"特别是|尤其是|一个个|导致|深化|"
    + _QUANTIFIERS
    + r"|立项|在建|拟建)*(?:项目|工程|园区|基地|中心|示范区)$"
)
# Words before a name that are not part of it (verbs, adverbs, prepositions), stripped repeatedly.
_LEADING_RE: Final = re.compile(
    r"^(?:全力以赴|以赴|全力|今年|明年|做强|做优|做大|做实|做精|包装策划|包装|策划|助力|服务好|服务|促成|助推|跟进|跟踪|盯紧|洽谈|积极|紧密|着力|重点|扎实|成功|顺利|全面|持续|计划|力争|确保|全年|大力|加快|推进|推动|实施|"
    r"启动|完成|建设|建好|打造|落实|开展|对接|引进|申报|谋划|争取|支持|做好|抓好|聚焦|依托|围绕|获评|招引|实现|优选|"
    r"继续|迅速|致力|努力|聚力|精准|精心|滚动|务实|常态化|研究制定|一揽子|携手|组建|建立|统筹考虑|多谋划|提速|引领|打通|高标准规划|高标准建设|高标准打造|规划|"
    r"平稳有序地|有序地|稳步地|扎实地|高效地|积极地|稳妥地|有力地|有效地|快速地|深入地|全速地|"
    r"改造提升|提升改造|升级改造|充分利用|合理布局|深度挖掘|挖掘|健全完善|健全|完善|提升|提高|调度|每周|千方百计|建立健全|实行|保障|狠抓|抓实|用好|与|对于|关于|对|像|例如|比如|诸如|随着|将|把|在|以|为|和|"
    r"初步|稳步|改造|新签约并注册|签约并注册|新开工|新签约|签约|落地|竣工投产|完工投产|跟踪服务|建成|高(?:标准|质量|水平)(?=完成|推进|实施|建设|打造|抓好|落实|提升|开展|建成)|奋力|不断|深入|扩大|突出|加大|宣传|鼓励|前期|[一二三四五六七八九十]是|同时|我镇|我乡|我街道|具体包括|主要包括|包括|主要|结合|除(?!险))+"
)
# The characters a match of _LEADING_RE starts with (``_leading``).
_LEADING_FIRST: Final = frozenset(
    _ORD + "".join(w[0] for w in _LEADING_RE.pattern[4:-2].split("|") if w[0] != "[")
)


# The words that close a match of _GENERIC ($: at the end, or before a newline that ends the text).
_GENERIC_ENDS: Final = ("项目", "工程", "园区", "基地", "中心", "示范区", "\n")
assert _GENERIC.pattern.endswith("(?:" + "|".join(_GENERIC_ENDS[:-1]) + ")$")


# The characters a match of _GENERIC opens with (besides digits).
_GENERIC_FIRST: Final = frozenset(
    ".一二三四五六七八九十两上中产亿企候储全区县各园在城基备大好完导尤工市开引投招新服本此民深特环相省示竣签续议该这重项高"
    "所多部其现立拟"
)


def _generic(name: str) -> re.Match | None:
    """``_GENERIC.match(name)``, searched only when ``name`` ends with one of its closing words (a
    suffix test spares the search for nine names in ten) and opens with one of its first characters."""
    if not name.endswith(_GENERIC_ENDS):
        return None
    first = name[:1]
    return _GENERIC.match(name) if first in _GENERIC_FIRST or first.isdecimal() else None


def _leading(name: str) -> re.Match | None:
    """``_LEADING_RE.match(name)``, after a test of the first character: most names open with none
    of the words, and the test costs less than trying the hundred-odd alternatives."""
    return _LEADING_RE.match(name) if name[:1] in _LEADING_FIRST else None


# A designation or an honour ("创建森林小镇", "评为示范基地") is not a project.
_HONOUR_RE: Final = re.compile(r"(?:创建|创成|评为|获评|入选|命名为|荣获|申创)[^，,。；;]{0,3}$")
_HONOUR_CHARS: Final = "创评入命荣"  # (each of its words holds one: tested before it)
# The same verbs and the other words of a designation ("相继创成A、B、C", "晋升为X", "成功获选X"): what
# follows them in their clause, every entry of a list after them, is an honour, not a project.
_HONOUR_BEFORE_RE: Final = re.compile(r"创成|创建成功|评为|获评|命名为|荣获|晋升|获选|上榜|入围|认定为|授予")
# A named facility (a road, a bridge, a park, a market…), alone or with the work done to it.
_FACILITY: Final = (
    r"(?:公园|大桥|桥|公路|大道|环路|外环|[东西南北中]路|[^思出道之套电线网销门前后新来去活、，,。；;：:\n“”的了和及与]路|街|广场|农贸市场|市场|小区|学校|小学|中学|幼儿园|"
    r"医院|卫生院|水库|码头|游步道|步道|碑廊|展览馆|纪念馆|博物馆|体育馆|图书馆|标准厂房|厂房|水厂|污水处理厂|收费站|"
    r"渠|河道|大厦|安置房|安置区|4S店|铁路|高铁|机场|电站|电厂|管道|实验室|工作室|试验站|养老院|敬老院|福利院|泵闸|泵站|水闸|车间|大楼)"
)


def _first_gate(words: str) -> str:
    """A lookahead that holds wherever one of the alternatives of ``words`` ("(?:A|[BC]D|[^EF]G)")
    can start: a class of their first characters, an alternative opening with a negated class kept
    whole. Put before the alternatives after a lazy run, it makes the engine test one class at each
    step of the run where it tried every alternative (the matches stay the same)."""
    firsts: list[str] = []
    whole: list[str] = []
    for word in words[3:-1].split("|"):
        if word.startswith("[^"):
            whole.append(word[: word.index("]") + 2])
        elif word.startswith("["):
            firsts.append(word[1 : word.index("]")])
        else:
            firsts.append(word[0])
    return "(?=" + "|".join(["[" + "".join(dict.fromkeys("".join(firsts))) + "]", *whole]) + ")"


# _FACILITY after a lazy run: its words tried only where one of them can start.
_FACILITY_GATED: Final = _first_gate(_FACILITY) + _FACILITY
_WORK: Final = (
    r"(?:拓宽改造|改造提升|提升改造|升级改造|绿化提升|综合整治|整治提升|改造|整治|新建|扩建|迁建|建设)"
)
_FACILITY_RE: Final = re.compile(
    rf"(?:(?=[{_VERB_FIRST}用])(?:{_VERBS}|提升|改造|升级|引进|用于)|(?<=[和、])|(?<={_VERBS_DONE}))(?P<name>[^，,。；;：:\n、“”的了和及与]{{1,20}}?{_FACILITY_GATED}(?:{_WORK})?)"
    r"(?![局所网段口面边况径线子貌“习])"
)
# A facility's name in quotation marks ("“X桥”"), and the work done to it earlier in the clause.
_QUOTED_FACILITY_RE: Final = re.compile(rf"“(?P<name>[^“”，,。；;]{{1,10}}?{_FACILITY_GATED})”")
# "分别是：A、B、C。" after a count of projects ("重点项目共9项"): the names of the projects counted.
_COUNTED_NAMES_RE: Final = re.compile(r"分别(?:是|为)[：:]?(?P<list>[^。；;：:，,\n]+、[^。；;：:，,\n]+)")
_PROJECTS_COUNTED_RE: Final = re.compile(r"项目(?:共|共计|合计|有)?[\d.]+[个项]")
# "重点项目2个（A、B）": the projects counted, named in brackets right after the count.
_BRACKETED_NAMES_RE: Final = re.compile(r"项目[\d.]+[个项][（(](?P<list>[^（()）]+、[^（()）]+)[)）]")
# A project's full name in quotation marks: long, ending in 项目/工程, no list inside, no campaign
# after it (a slogan is short, "千万工程", or names a campaign, "“大干实干、抓好项目”活动").
_QUOTED_PROJECT_RE: Final = re.compile(r"“(?P<name>[^“”，,。；;：:、]{5,40}(?:项目|工程))”(?!活动|行动)")
_HONOUR_WORD_RE: Final = lazy(r"获评|评为|荣获|入选|命名|授予")  # (a quoted name after them is a designation)
_QUOTED_WORK_RE: Final = re.compile(r"改造|修建|新建|扩建|建设|升级|提质|修缮|打造")
# Speed: a match of _FACILITY_RE holds the last character of a _FACILITY word and reads at most
# _FACILITY_SPAN characters from its start (its lookahead included), so it is tried only at the
# starts that close before such a character (``_near_finditer``; the tests check both numbers).
# "投资N万元的X水库": a facility introduced by what it cost.
_INVESTED_FACILITY_RE: Final = re.compile(
    rf"投资(?:约|达|超)?[\d.]+(?:余)?(?:万|亿)元的(?P<name>[^，,。；;：:\n、“”的了和及与\d]{{2,16}}?{_FACILITY_GATED})"
)
# "投资N亿元的X": an entry of a list of what was invested in, its cost first.
_INVESTED_ENTRY_RE: Final = re.compile(
    r"投资(?:约|达|超)?[\d.]+(?:余)?(?:万|亿)元的(?P<name>[^，,。；;：:\n、“”的了\d]{4,16})(?=[、，,。；;\n]|$)"
)
# "X村“Y”农文旅项目": a name with a quoted brand inside, the kind of works after it; the words before
# the brand (at most eight, none of _QUOTED_INSIDE_STOPS) are found by stepping back from it (a pattern
# that opens with “ is one the regex engine scans for, one that opens with a class is tried everywhere).
_QUOTED_INSIDE_RE: Final = re.compile(
    r"“[^“”，,。；;：:、]{2,12}”(?P<kind>[^\s，,。；;：:、“”的了暨]{1,10}?)(?:项目|工程)"
)
_QUOTED_INSIDE_STOPS: Final = frozenset(" \t\n　，,。；;：:、“”的了暨")
_FACILITY_ONLY_RE: Final = re.compile(rf"{_FACILITY}(?:{_WORK})?")
_FACILITY_LAST_RE: Final = lazy("[" + "".join(sorted({w[-1] for w in _FACILITY[3:-1].split("|")})) + "]")


def _ends_pattern(words: list[str]) -> str:
    """A pattern matching the last character of every place where one of ``words`` ends: the words are
    regex alternatives of fixed width (plain characters and [...] classes) ending in a plain character.

    Each match is that one character, the rest of the word checked by a lookbehind, so that matches
    never overlap and ``finditer`` finds every end; a pattern of plain first characters is one the
    regex engine scans for.
    """
    by_last: dict[str, dict[int, list[str]]] = {}
    for word in words:
        tokens = re.findall(r"\[[^\]]*\]|\\.|.", word)
        last = tokens[-1]
        assert len(last) == 1 and not last.startswith(("\\", "[")), word
        by_last.setdefault(last, {}).setdefault(len(tokens), []).append(word)
    parts = []
    for last, widths in by_last.items():
        if 1 in widths:
            parts.append(re.escape(last))
        else:
            behind = "|".join(f"(?<={'|'.join(ws)})" for ws in widths.values())
            parts.append(f"{re.escape(last)}(?:{behind})")
    return "|".join(parts)


# Where a facility's name ends: what _FACILITY_RE, _WORKED_RE and _QUOTED_FACILITY_RE need to match
# at all (most characters _FACILITY_LAST_RE finds — 区, 场, 学, 道 — end no facility word).
_FACILITY_END_RE: Final = re.compile(_ends_pattern(_FACILITY[3:-1].split("|")))
_FACILITY_SPAN: Final = 34
# What a match of _FACILITY_RE opens with (its lookahead) or right after (its lookbehind).
_FACILITY_OPENS: Final = (frozenset(_VERB_FIRST + "用"), frozenset("和、了"))  # ("用于X大楼建设")
# (what a match of _FACILITY_RE never holds: its name's stop characters; its verbs and words have none)
_FACILITY_STOP_RE: Final = lazy(r"[，,。；;：:\n、“”的了和及与]")

_WORK_WORD_RE: Final = lazy(_WORK)
# The work done to a facility, right after its name ("…改造", "…二期启动建设").
_WORK_AFTER: Final = rf"(?:[一二三四五]期)?(?:启动|开工)?(?:{_WORK})"
_WORK_AFTER_RE: Final = re.compile(_WORK_AFTER)
_WORK_AFTER_FIRST: Final = frozenset("一二三四五启开拓改提升绿综整新扩迁建")  # (tested before it)
# At a clause start a named thing counts only with the work done to it ("X路拓宽改造", "S12线改造提升").
_WORKED_RE: Final = re.compile(
    rf"(?:^|(?<=[，,。；;：:]))[ \t]*(?P<name>[^，,。；;：:\n、“”的了和及与]{{2,20}}?(?:{_FACILITY_GATED}|[A-Z]\d{{2,4}}线?)"
    rf"{_WORK_AFTER})"
)
# Speed: a match of _WORKED_RE holds a facility word's end followed by a _WORK word, or this (its
# clause is found from either; a line without an ASCII capital holds no code).
_CODE_WORK_RE: Final = re.compile(rf"[A-Z]\d{{2,4}}线?{_WORK_AFTER}")
_CODE_WORK_NEEDLE_RE: Final = re.compile("[A-Z]")
# The stage verbs said of a project (its stage as written).
_STAGE_VERBS: Final = (
    "签约|投产|量产|下线|达产|开工|动工|上线|竣工|通车|建成|完工|落户|落地|贯通|投入使用|投用|"
    "封顶|开业|试产|试生产|试运行|投入生产|并网|启用|启动建设|开通"
)
_PACES, _PACED = ("加快", "有序", "稳步", "加速"), ("建设", "推进", "推动")
_STAGE_WORDS: Final = f"{_STAGE_VERBS}|(?:{'|'.join(_PACES)})(?:{'|'.join(_PACED)})"
# "A、B、C实现当年签约" / "X正式投产" / "X竣工通车": the subject of a stage verb names a project.
_SUBJECT_ADVERBS: Final = (
    "已|已经|均|全面|全线|正式|顺利|成功|即将|实现|完成|当年|年内|年底前?|年中|上半年|下半年|基本|全部|如期|相继|先后|陆续|"
    "主体结构|主体|焕新"
)
# (what the subject is followed by opens with one of these or a digit: a lookahead on them lets the
# engine step over most characters of a subject with one test of a class instead of trying the words)
_SUBJECT_NEXT_FIRST: Final = "".join(
    sorted({w[0] for w in [*_SUBJECT_ADVERBS.split("|"), *_STAGE_VERBS.split("|"), *_PACES]})
)
_SUBJECT_RE: Final = re.compile(
    r"(?:^|(?<=[，,。；;：:]))[ \t]*(?P<subject>[^，,。；;：:\n]{2,40}?)"
    rf"(?=[{_SUBJECT_NEXT_FIRST}\d])(?:{_SUBJECT_ADVERBS}|\d+条(?:生产线|产线))*"
    rf"(?<![创召展党早开])(?P<stage>{_STAGE_WORDS})"
    r"(?![\d.]|作|果|仪式|活动|典礼)"
)
# The same words spelt out one by one (加快建设, 加快推进 …): a pattern of plain alternatives starts with
# a character the regex engine scans for, while the group of groups above makes it try every position
# (a search of every line for a clause holding a stage word cost six times as much).
_STAGE_WORD_RE: Final = re.compile("|".join([_STAGE_VERBS, *(p + v for p in _PACES for v in _PACED)]))
# What is "being built faster" (加快建设/有序推进) that names a project: a works, not a policy or a campaign.
_WORKS_END_RE: Final = re.compile(
    r"(?:高铁|高速|铁路|公路|机场|电站|桥|隧道|水库|(?<!热)线|路|园|厂|馆|院|校|码头|枢纽|管网)$"
)
# What "落地" (lands) is said of that names a project: an institution, a company or a works, not a policy.
_LANDED_RE: Final = re.compile(r"(?:院|大学|校|校区|公司|集团|基地|厂|产业园|中心)$")
# (a subject opening with a number is a count or an amount, unless the number is a road's: "318国道…")
_SUBJECT_GENERIC: Final = re.compile(
    r"^(?:[\d.]+|[一二三四五六七八九十百千两]+)(?:[个项家座条所批件]|$)|^[\d.]+(?!\d*[国省县乡]道)|项目$|工程$|企业$|^(?:该|其中|全部|所有|这些|上述|今年|全年|我镇|我乡|共(?![享建同])|新(?![城区村华])|"
    r"已|累计|年内|当年|力争|确保|计划|预计|争取|推动|推进|加快|实现|完成)|[是了的和在把将被]|\d+[个项家座条]|"
    r"(?:完成|实现|前|底|后)$"
)
# A class of projects rather than a named one: "超5亿元内资项目", "科创类项目", "优质项目".
_CLASS_RE: Final = lazy(
    r"实事|类|超\d|已完工|已建成|跨年度|整改|立改|新型|^(?:去年|今年|明年|前年|往年|当年|上年|本年)|^\d{1,2}(?:-\d{1,2})?月|^[两三四五六七八九十]大(?!道|桥|街|厦|楼)|第[一二三四五六七八九十\d]批|首批|季度|行动|\d+[个项件处所宗]|[两三四五六七八九十]个|以上|以下|一批|优质|优秀|潜在|有效|已签约|千万级|亿元|万元|为中心|若干|更高|各|政策性|责任单位|标志性|^新增|"
    r"(?:现代|城市|数字|智能|信息)化(?=改造|转型|建设|升级|提升|项目|工程|$)"
)
# The same test as two patterns that the engine runs fast (``_is_class``): the words at the start, and
# the others each starting with a plain character (a digit's count tested behind its 个 or 项), which
# the engine scans for; _CLASS_RE, with ^ and \d among its alternatives, is tried at every position.
_CLASS_START_RE: Final = re.compile(
    r"去年|今年|明年|前年|往年|当年|上年|本年|新增|\d{1,2}(?:-\d{1,2})?月|[两三四五六七八九十]大(?!道|桥|街|厦|楼)"
)
_CLASS_START_FIRST: Final = (
    "去今明前往当上本新两三四五六七八九十"  # (its words' first characters; \d is str.isdecimal)
)
_CLASS_ANY_RE: Final = re.compile(
    r"实事|类|超\d|已完工|已建成|跨年度|整改|立改|新型|季度|行动|政策性|责任单位|标志性|首批|批(?<=第[一二三四五六七八九十\d]批)|个(?<=\d个)|项(?<=\d项)|宗(?<=\d宗)|件(?<=\d件)|处(?<=\d处)|所(?<=\d所)|两个|三个|四个|五个|六个|七个|八个|九个|十个|"
    r"以上|以下|一批|优质|优秀|潜在|有效|已签约|千万级|亿元|万元|为中心|若干|更高|各|"
    + "|".join(
        f"{w}化(?=改造|转型|建设|升级|提升|项目|工程|$)" for w in ("现代", "城市", "数字", "智能", "信息")
    )
)
# (the …化 words spelt out one by one: an alternative opening with a group, "(?:现代化|…)(?=…)", leaves
# the engine no first characters to scan for, and it tries the pattern at every position)
_GENERIC_WORDS: Final = re.compile(
    r"^(?:投资|招商|科创|研发|产业|重大|重点|特大|重特大|实事|民间投资|一些|更多|税源|省|市|县|区|民生实事|人才|创业人才|外资|内资|工业|服务业|农业农村|"
    r"民生|基建|城建|市区|城区|全市|全县|全区|高质量|镇|乡|楼宇|扶贫|帮扶|衔接|其余|其他|其它|剩余|到户|到村|农业|完工|竣工|开工|启动|实施|新一轮|新一批|新|一轮|以|新建|续建|在建|储备|实体|好|大|小|南通|省级|市级|县级|省市级|国家级|近期|中期|远期|未来|主体|配套|建设|[一二三四五六七八九十两]+大)*"
)
# The characters a match of _GENERIC_WORDS can open with (``_without_generic_words``).
_GENERIC_WORDS_FIRST: Final = frozenset(
    "一二三四五六七八九十两" + "".join(w[0] for w in _GENERIC_WORDS.pattern[4:-2].split("|") if w[0] != "[")
)


def _without_generic_words(name: str) -> str:
    """``_GENERIC_WORDS.sub("", name)``: the pattern only takes words at the start, so a name opening
    with none of their first characters is returned as it is, without a call into the regex engine."""
    return _GENERIC_WORDS.sub("", name) if name[:1] in _GENERIC_WORDS_FIRST else name


_STAGE_RE: Final = re.compile(r"开工|竣工|投产|建成|完工|签约|落地|通车|验收|达产|投用|投入使用|前期")
_INVEST_RE: Final = re.compile(r"(?:总)?投资(?:额)?(?:约|达|超)?(?P<v>\d+(?:\.\d+)?)(?P<m>亿|万)元")
_LIVELIHOOD_RE: Final = re.compile(r"民生实事|为民办?实事|惠民实事|民生工程|民心工程|十[件项]实事|实事项目")
_LIVELIHOOD_KEYS: Final = ("实事", "民生工程", "民心工程")  # (every match holds one: ``_keyed_search``)
# A plan heading that names the plan itself, or the problems before it, rather than a task.
_PLAN_HEAD_RE: Final = re.compile(
    r"安排|计划|打算|目标|思路|展望|建议|总体要求|任务$|重点工作|工作重点|工作要点|下一?步|今后|举措|措施|问题|不足|困难|短板|"
    r"《|起草|主要内容|情况"
)

# A task's name is a phrase of four characters or more, never a count of views or replies.
_NO_TASK_NAME_RE: Final = re.compile(r"\s*(?:[^\s]{1,3}\s*$|\d+(?:阅读|回复|浏览|评论|点赞|收藏|分享))")

# A figure to reach ("增长5%左右", "1100亿斤以上", "5.5%以内"): an entry naming it states a target.
_TARGET_RE: Final = re.compile(r"\d[%％]|\d[万亿]?[^\d，。；,;]{0,3}(?:以上|左右|以内)")


def _target_chars_in(name: str) -> bool:
    """%, ％, 以 or 左 in ``name``: each match of _TARGET_RE holds one (tested before it)."""
    return "%" in name or "％" in name or "以" in name or "左" in name


def _menu_like(name: str) -> bool:
    """What a match of _NO_TASK_NAME_RE needs: at most three characters besides white space, or a
    digit first (tested before it)."""
    return len(name.strip()) <= 3 or name.lstrip()[:1].isdecimal()


# A line that names the targets ("全区经济社会发展的主要预期目标"): the list under it holds no task.
_TARGETS_HEAD_RE: Final = re.compile(r"目标(?:是|为)?[:：]?\s*$")
# The words right before a list that say it lists the parts of a report or a meeting's agenda
# ("报告分为三个部分：一是…", "会议议程为：1.…"): an outline of what is read or done, not the plan's tasks.
_OUTLINE_HEAD_RE: Final = re.compile(r"(?:部分|议程|议题)(?:是|为|有)?[:：]?[ \t]*$")

# Check boxes and bullets that mark list entries (every one is "the first" of its list).
_BULLETS: Final = "☑☐✓✔√■□●◆◇▲△★☆•▪▶►"
# Enumerators of list entries and headings: (一) (1) 一、 1、 1） ① ⑴ 一是 第一， ☑; the style tells the levels apart.
_ENUM_RE: Final = re.compile(
    rf"^[ \t]*(?:(?P<pcn>[（(][{_ORD}]{{1,3}}[)）])|(?P<pnum>[（(]\d{{1,2}}[)）])|(?P<cn>[{_ORD}]{{1,3}}[、.．])"
    rf"|(?P<num>\d{{1,2}}[、.．](?!\d))|(?P<rnum>\d{{1,2}}[)）])|(?P<circ>[①-⑳])|(?P<pcirc>[⑴-⒇])"
    rf"|(?P<lead>[{_ORD}]{{1,3}}是|第[{_ORD}]{{1,3}}[，,、])|(?P<bullet>[{_BULLETS}]))[ \t]*"
)
# A field of the catalogue table a government site prints over a document it discloses ("• 索引号:…",
# "发布机构: …", "成文日期:…"): page furniture, whatever bullet opens it, never an entry of the plan.
_CATALOGUE_FIELD_RE: Final = re.compile(
    rf"^[ \t{_BULLETS}·]*(?:索\s*引\s*号|主题分类|体裁分类|发布机构|发文(?:单位|机关|机构|字号|序号|日期|时间)|"
    r"成文(?:日期|时间)|发布(?:日期|时间)|公开(?:类型|类别|方式|范围|日期)|效力状态|信息(?:名称|有效性|来源)|"
    r"有效性|文\s*号|标\s*题)\s*[:：]"
)
# The characters but digits (\d: str.isdecimal) that an enumerator's line can start with.
_ENUM_FIRST: Final = frozenset(
    [" ", "\t", "（", "(", "第", *_ORD, *map(chr, range(0x2460, 0x2488)), *_BULLETS]
)


def _enum_match(name: str) -> re.Match | None:
    """``_ENUM_RE.match(name)``, after a test of the first character (see ``_enum_style``)."""
    first = name[:1]
    if first not in _ENUM_FIRST and not first.isdecimal():
        return None
    return _ENUM_RE.match(name)


_FIRST_ENUM: Final = re.compile(rf"^[ \t]*(?:[（(]?[一1][)）、.．]|[①⑴]|一是|第一[，,、]|[{_BULLETS}])")
_SECOND_ENUM: Final = lazy(r"^[ \t]*(?:[（(]?[二2][)）、.．](?!\d)|[②⑵]|第二[，,、])")
# A line that introduces a list of livelihood projects, and the words before an inline list.
_LIVELIHOOD_LIST_RE: Final = re.compile(
    r"民生实事|为民办?实事|为民兴办|惠民实事|(?:\d+|[十两三五])[件项](?:为民|惠民)?实事|民生工程|实事(?:好事)?项目"
)
# Speed: every match of _LIVELIHOOD_LIST_RE holds one of these words, so a line without any is not
# searched (``_keyed_search``): the pattern starts with no character the engine could scan for.
_LIVELIHOOD_LIST_KEYS: Final = ("实事", "民生工程", "民心工程", "为民兴办")
# (即 "namely" after a comma only: "即日起", "即可" open no list. Speed: every alternative opens with a
# character, the lookbehind after 即 and the colons apart, so that the engine scans for those characters:
# a lookbehind or a class first made it try every alternative at every character of the line.)
_INLINE_RE: Final = re.compile(
    r"分别是[：:]?|分别为[：:]?|分别涉及[：:]?|主要涉及[：:]?|具体包括[：:]?|包括[：:]?|如下[：:]?|主要有[：:]?"
    r"|即(?<=[，,]即)[：:]?|：|:"
)
_ENTRY_VERB_RE: Final = re.compile(
    r"^(?:新开工改造|开工建设|改造提升|提升改造|新建改造|新改扩建|改扩建|确保|力争|继续|全面|实施|新建|建设|建成|完成|"
    r"启动|推进|加快|打造|开展|新增|新开工|开工|加装|改造|改建|扩建|除险加固|优化调整|大力|打通|施划|铺设|修建|修缮|建立|并(?=完成|建成|实施)|[及和](?=优化|改造|提升|新建|建设|调整|完善))+"
)
_QUANTITY_TAIL_RE: Final = re.compile(
    r"(?:不少于|不低于|超过|达到|约)?[\d.]+(?:万|千|百)?(?:平方米|公里|千米|米|座|个|所|户|处|条|家|辆|人次|人|名|亩|套|部|场次|台|间|张|项|次|册|片|头)"
    r"(?:以上|左右)?$"
)
_ADDRESS_RE: Final = re.compile(r"^[ \t]*各位代表")
_INLINE_ENUM_RE: Final = lazy(
    rf"(?:(?<=^)|(?<=[\s。；;]))[ \t]*(?:[（(](?:\d{{1,2}}|[{_ORD}]{{1,3}})[)）]|[①-⑳])[ \t]*"
)
_UMBRELLA_RE: Final = lazy(r"(?:项目|工程)(?:[(（][^)）]{1,6}[)）])?$")
_PLAN_TITLE_RE: Final = re.compile(r"(?:工作安排|工作计划|工作思路|工作打算|工作要点)[\s。：:]*$")
_QUANTITY_HEAD_RE: Final = lazy(
    r"^(?:不少于|不低于|超过|约|近)?(?:[\d.]+(?:万|千|百)?|[一两三四五六七八九十]{1,2})(?:平方米|公里|千米|座|个|所|户|处|条|家|辆|名|亩|套|部|台|间|张|项|片|盏|村|镇)"
)


# Pinyin a mirror site injected after characters ("实(shí)事"): matched on a copy without it.
# (the character before the bracket is checked after it: a pattern that starts with the bracket
# is scanned for fast by the regex engine, one that starts with a lookbehind is tried everywhere)
_PINYIN_RE: Final = re.compile(r"\((?<=[\u3400-\u9fff]\()[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*\)")


# The small forms of the marks (one character each: offsets stay).
_SMALL_FORMS: Final = "﹐﹑﹔﹕﹖﹗"
_SMALL_MARKS: Final = str.maketrans(_SMALL_FORMS, "，、；：？！")


# A phase of a works alone ("二期", "三期工程").
_PHASE_ONLY_RE: Final = re.compile(r"[一二三四五六七八九十\d]{1,2}期(?:工程|项目)?")
# After a name: the list it ends, counted, and an honour the works won ("、B等9个项目入选…").
_HONOURED_LIST_RE: Final = re.compile(
    r"(?:、[^，,。；;、]{1,20})*等[\d一二三四五六七八九十两]+[个项](?:项目)?(?:成功|先后|分别|均)?"
    r"(?:入选|获评|列入|被评为|被列为|荣获)"
)
_HONOURED_LIST_FIRST: Final = frozenset("、等")  # (how a match of it opens: tested before it)
# A family of programmes counted by their number ("十大工程", "六大行动"): its members are campaigns
# with a name, not works ("实施A工程、B工程等“十大工程”"), and the family is none either.
_PROGRAMMES = r"[一二三四五六七八九十两]+大(?:工程|行动)"
_PROGRAMME_RE: Final = re.compile(_PROGRAMMES + "$")
_PROGRAMME_LIST_RE: Final = re.compile(r"(?:、[^，,。；;、]{1,20})*等[“\"]?" + _PROGRAMMES)
# A kind of road before its length open to traffic ("高速公路、农村公路通车里程"): a statistic, no work.
_MILEAGE_RE: Final = re.compile(r"(?:、[^，,。；;、]{1,10})*(?:的)?(?:通车|总)?里程")


def _no_work_after(simple: str, name_end: int) -> bool:
    """What follows a project's name (ending at ``name_end``) shows it names no work: works cited for
    an honour ("A、B等9个项目入选…"), a family of programmes ("A工程、B工程等十大工程"), a road's
    mileage ("高速公路通车里程")."""
    first = simple[name_end : name_end + 1]
    if first in _HONOURED_LIST_FIRST and (
        _HONOURED_LIST_RE.match(simple, name_end) or _PROGRAMME_LIST_RE.match(simple, name_end)
    ):
        return True
    return first in "、的通总里" and _MILEAGE_RE.match(simple, name_end) is not None


# A name that only tells how many of the works, naming none.
_SOME_ONLY_RE: Final = re.compile(_QUANTIFIERS + "|其中|其他|其它")
_SOME_ONLY: Final = frozenset(_SOME_ONLY_RE.pattern.split("|"))  # (its fullmatch: one of its words)
# A name that is a photo's caption or credit, or the place of an event ("图为…", "…供图…", "…活动在…").
_CAPTION_NAME_RE: Final = re.compile(
    r"图为|图片|[^，,。]{0,20}?供图|[^，,。]{0,20}?(?:活动|仪式)在|[^，,。]{0,20}?(?:记者|编辑|通讯员)$"
)


def _caption_chars_in(name: str) -> bool:
    """One of 图, 在, 者, 辑, 员 in ``name``: each match of _CAPTION_NAME_RE holds one (tested before it)."""
    return "图" in name or "在" in name or "者" in name or "辑" in name or "员" in name


def extract_items(text: str, simple: str, sections: list[Section], meta: Meta) -> list[Item]:
    """Projects, livelihood projects and (in the plan part) key tasks, in document order.

    Names and quotes are sliced from ``text`` as written; when a mirror injected pinyin after the
    characters, the rules run on a copy without it and positions are mapped back.
    """
    if any(ch in simple for ch in _SMALL_FORMS):  # "A﹔B": the small forms some sites print, read as marks
        simple = simple.translate(_SMALL_MARKS)
    noise = list(_PINYIN_RE.finditer(simple))
    if not noise:
        return _extract(text, simple, sections, meta, None)
    pieces: list[str] = []
    to_orig: list[int] = []
    pos = 0
    for m in noise:
        pieces.append(simple[pos : m.start()])
        to_orig.extend(range(pos, m.start()))
        pos = m.end()
    pieces.append(simple[pos:])
    to_orig.extend(range(pos, len(simple)))
    to_orig.append(len(simple))
    clean_sections = [
        Section(s.heading, s.part, bisect_left(to_orig, s.start), bisect_left(to_orig, s.end))
        for s in sections
    ]
    return _extract(text, "".join(pieces), clean_sections, meta, to_orig)


def _extract(
    text: str, simple: str, sections: list[Section], meta: Meta, to_orig: list[int] | None
) -> list[Item]:
    if _plan_document(simple):  # "…年工作要点": every part of it is the plan
        sections = [Section(s.heading, "plan", s.start, s.end) for s in sections]
    else:  # "三、下步重点工作" heads the plan whatever the structure took it for
        sections = [
            Section(s.heading, "plan", s.start, s.end) if _PLAN_SECTION_RE.search(simplify(s.heading)) else s
            for s in sections
        ]
    sections = resumed_after_outline(simple, sections)  # (a list of the parts quoted from its first)
    starts = [s.start for s in sections]
    found: list[Item] = []
    spans: list[tuple[int, int]] = []  # the name's offsets of each item of ``found``
    seen: dict[tuple[str, int], int] = {}  # (kind, name start) → index in ``found``
    sure: set[tuple[str, int, str]] = set()  # (kind, quote start, name) of what the labeller may not drop
    # A passage without headings (a news item on a plan, a notice) is a plan when it speaks of what
    # will be done more than of what was done.
    outside = "plan" if not sections and _plan_voice(simple) else "other"
    if (
        sections
        and not any(
            _PART_HEAD_RE.search(simplify(s.heading)) or _RESULT_HEAD_RE.search(simplify(s.heading))
            for s in sections
        )
        and _plan_voice(simple)
    ):
        # "今年将抓好以下工作：一、A 二、B": headings that name no part, under words that promise
        sections = [Section(s.heading, "plan", s.start, s.end) for s in sections]

    def part_year(pos: int) -> tuple[str, int | None]:
        k = bisect_right(starts, pos) - 1
        part = sections[k].part if k >= 0 else outside
        year = meta.plan_year if part == "plan" else meta.review_year if part == "review" else None
        return part, year

    lines = list(_lines(simple))
    about_livelihood = _about_livelihood(lines)
    outline_end = _outline_end(simple, sections)

    layout = _layout_spans(simple)
    matters = _notice_matters(simple)
    named_none: dict[tuple[int, int], bool] = {}  # (``_no_project_named`` of each span, read once)

    def add(kind: str, name_start: int, name_end: int, q_start: int, q_end: int, **extra) -> None:
        part, year = part_year(q_start)
        if kind == TASK and matters and _inside(matters, q_start):
            return  # "现将…印发给你们。\n一、责任到人…": the notice's own requirements, not the plan's tasks
        if kind == PROJECT and layout and any(x < name_end and name_start < y for x, y in layout):
            return  # "一城（A）、两园（B、C）": the members of a development layout, no works
        if kind == PROJECT and _YIELD_AFTER_RE.match(simple, name_end):
            return  # "X基地玉米产量再创新高", "A、B基地年出栏量逐年上升": what a works yields, no work done
        if kind == PROJECT and _no_project_named_at(named_none, simple, name_start, name_end):
            return  # "申报X项目89个", "推动一批项目落地": projects counted or spoken of, none named
        if kind == PROJECT and about_livelihood:
            kind = LIVELIHOOD  # a news item or notice on the 民生实事: the works it names are theirs
            if simple.endswith(("项目", "工程"), name_start, name_end) and simple.startswith(
                ("投资", "总投资"), name_end
            ):
                extra["sure"] = True  # "X改造项目投资40万元，…": a works with its money, an entry for sure
        if kind == TASK and about_livelihood and not extra.get("area"):
            kind = LIVELIHOOD  # its headings ("一、X。" over what is done for it) are its entries
        if kind == TASK and part == "review":
            return  # a key task is set in the plan part only: a numbered lead of the review reports
        if kind == TASK and q_start < outline_end:
            return  # a table of the report's contents over its body: the body's headings are the tasks
        if kind == TASK and _RESULT_HEAD_RE.search(simple, name_start, name_end):
            return  # a heading that states a result reached reviews, it sets no task
        if (
            kind == TASK
            and _target_chars_in(simple[name_start:name_end])
            and _TARGET_RE.search(simple, name_start, name_end)
        ):
            return  # "地区生产总值增长5%左右", "粮食产能稳定在1100亿斤以上": a target, not a task
        if (
            kind == TASK
            and _menu_like(simple[name_start:name_end])
            and not extra.get("topic")  # (a plan digest's topic before its colon: ``_topic_tasks``)
            and not extra.get("area")  # (nor one of its counted areas: ``_counted_areas``)
            and _NO_TASK_NAME_RE.match(simple, name_start, name_end)
        ):
            return  # "• 帖子", "• 2423阅读": a site's menu or counters, not a task
        if (
            kind != TASK
            and simple.find("民", name_start, name_end) >= 0
            and _CATEGORY_NAME_RE.search(simple, name_start, name_end)
        ):
            return  # "推进社会民生工程": the 民生实事 as a whole, no entry of them (nor a project)
        if kind == PROJECT and (
            _no_work_after(simple, name_end)
            or (
                simple.find("大", name_start, name_end) >= 0
                and _PROGRAMME_RE.search(simple, name_start, name_end)
            )
        ):
            return  # "A、B等9个项目入选…", "A工程、B工程等十大工程", "高速公路通车里程": no works named
        if simple.startswith("摄", name_end - 1) and _PHOTO_CREDIT_RE.search(simple, name_start, name_end):
            return  # "X镇秋收 李四 摄": a photo's caption and credit, no work and no task
        if kind != TASK:
            named = simple[name_start:name_end]
            if named in _SOME_ONLY:
                return  # "现有(签约项目3个)", "所有": how many of the works, none named
            if (
                len(named) <= 5
                and "期" in named[1:3]
                and _PHASE_ONLY_RE.fullmatch(simple, name_start, name_end)
            ):
                return  # "A一、二期建成": a phase alone names no works (its works is named before it)
            if _caption_chars_in(named) and _CAPTION_NAME_RE.match(simple, name_start, name_end):
                return  # "图为X", "供图X", "X活动在Y": a photo's caption or the scene of an event, no work
        if kind == LIVELIHOOD and _names_no_work(simple, name_start, name_end):
            return  # "X街道人大工委", "浏览量", "夯实Y基础": no work of the 民生实事
        if (
            kind == PROJECT
            and simple.endswith("项目", name_start, name_end)
            and _SOUGHT_RE.search(simple, name_start, name_end)
        ):
            return  # "谋项目、上项目、争项目": the work of finding projects, none named
        if kind != TASK and (
            _object_project(simple, name_start, name_end)
            or (
                simple.startswith("第", name_start, name_end)
                and _ORDINAL_EVENT_RE.match(simple, name_start, name_end)
            )
        ):
            return  # "一同为项目（揭牌）", "始终围绕项目（干）", "第三场市级项目（签约仪式）": no name
        if to_orig is not None:  # back to the text with its noise
            name_start, q_start = to_orig[name_start], to_orig[q_start]
            name_end, q_end = to_orig[name_end - 1] + 1, to_orig[q_end - 1] + 1
        written = text[name_start:name_end].strip(" \t")
        name = written.strip('“”"')
        if written.endswith("”") and name.count("“") > name.count("”"):
            name += "”"  # "守好安全发展“一排底线”": the quotation closes inside the name
        if len(name) < 2:
            return
        before = seen.get((kind, name_start))
        if before is not None and (kind == TASK or spans[before][1] >= name_end):
            return
        item = Item(
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
        if before is not None:  # a longer name from the same start ("X中心" → "X中心幼儿园")
            old = found[before]
            item.stage, item.investment = item.stage or old.stage, item.investment or old.investment
            found[before], spans[before] = item, (name_start, name_end)
            return
        seen[(kind, name_start)] = len(found)
        spans.append((name_start, name_end))
        found.append(item)
        if extra.get("sure"):
            sure.add((kind, q_start, name))

    lists = _table_names(lines, add)
    lists += _livelihood_lists(lines, add, headed=bool(sections))
    lists += _described_entries(lines, lists, [i.name for i in found if i.kind == LIVELIHOOD])
    _tasks(lines, simple, sections, part_year, add, lists)
    if not any(item.kind == TASK for item in found):
        _inline_tasks(lines, add)
    if not any(item.kind == TASK for item in found):
        _clause_tasks(lines, add, lists)
    if not any(item.kind == TASK for item in found):
        _sentence_tasks(lines, add)
    if not any(item.kind == TASK for item in found):
        _label_tasks(lines, part_year, add)
    # (a digest's work areas, subheadings and promised clauses: not in a text on the 民生实事, whose
    # labels and headings are its entries)
    if not any(item.kind == TASK for item in found):
        _counted_areas(lines, part_year, add, livelihood=about_livelihood, passage=not sections)
    if not any(item.kind == TASK for item in found) and not about_livelihood:
        _count_then_areas(lines, part_year, add)
    if not sections and not about_livelihood and not any(item.kind == TASK for item in found):
        _subheading_tasks(lines, simple, part_year, add)
    if not sections and not any(item.kind == TASK for item in found):
        _promised_clauses(lines, add, livelihood=about_livelihood)
    _topic_tasks(lines, part_year, add, lists)
    _staged_labels(lines, add)
    livelihood_spans = _livelihood_spans(simple, lines)
    # The report's own place before a class ("青禾农业项目": the town 青禾乡's): its projects, none named.
    place = meta.jurisdiction or ""
    bare = _PLACE_SUFFIX_RE.sub("", place)
    own = len(bare) >= 2  # (then ``place`` is as long or longer)
    projects, stages, facilities = _needle_hits(simple)
    project_ends = _by_line(projects, lines)
    for i, (line_start, line) in enumerate(lines):
        if _inside(lists, line_start):
            continue  # a livelihood list's entries are livelihood items only
        for a, b in livelihood_spans:
            if line_start <= a < line_start + len(line):
                _livelihood_objects(line, line_start, a - line_start, b - line_start, add)
                if not sections:  # (a passage: a report's 民生实事 counted in its review are progress)
                    _counted_works(line, line_start, a - line_start, b - line_start, add)
        if about_livelihood and not sections:
            _counted_works(line, line_start, 0, len(line), add)
        for m in _list_finditer(line):
            names = _LIST_SPLIT_RE.split(m.group("list"))
            if m.group("count") and (len(names) < 2 or any(len(n) < 2 for n in names)):
                continue  # "新建三个X项目": a count, not a list of names
            if m.group("count") and _YEAR_END_RE.search(m.group("list")):
                continue  # "以A和B选出2031年五个X项目": the year they are for ends the words, no names
            if _fields_listed(names) and not m.group().endswith("企业"):
                continue  # "谋划A、B、C等重大基础设施项目" with A, B, C fields of work: a class
            if _TAIL_NOUN_RE.match(line, m.end()):
                continue  # "A、B等工程机械": not projects
            if m.group().endswith(_FACILITY_HEADS) and any(n.endswith(_FACILITY_HEADS) for n in names):
                continue  # "通村道路、产业道路等农村道路": kinds of the facility, none named
            pos = m.start("list")
            q0, q1 = _clause(line, m.start("list"), m.end())
            if _list_is_context(line, m, q0, q1):
                continue
            for name in names:
                k = line.find(name, pos)
                pos = k + len(name)
                lead = _leading(name)
                if lead and len(name) - lead.end() >= 2:
                    k, name = k + lead.end(), name[lead.end() :]
                said = _SAID_RE.match(name)
                if (
                    said and len(name) - said.end() >= 4
                ):  # "…的方式选出了A、B等项目": the first name ends the sentence before it
                    k, name = k + said.end(), name[said.end() :]
                if name.startswith("全") and _WHOLE_AREA_RE.match(name):
                    break  # "全街老旧小区改造、污水管网改造等": kinds of work done everywhere, not named projects
                if (
                    2 <= len(name) <= 30
                    and not _generic(name)
                    and not _STOP_RE.search(name)
                    and (not _COUNTED_RE.search(name) or _CODED_ROAD_RE.match(name))
                ):  # (no numbers in a name but a road's code: "X031线…公路")
                    kind = LIVELIHOOD if _inside(livelihood_spans, line_start + k) else PROJECT
                    add(kind, line_start + k, line_start + pos, line_start + q0, line_start + q1)
        colon = "：" in line or ":" in line  # (every match holds a colon: most lines have none)
        for m in _runs_finditer(_COLON_LIST_RE, line, _LIST_STOP_RE, _COLON_NEEDLE_RE) if colon else ():
            pos = m.start("list")  # "新签约项目3个：A、B、C。"
            q0 = _clause(line, m.start(), m.start("list"))[0]
            for name in m.group("list").split("、"):
                k = line.find(name, pos)
                pos = k + len(name)
                core = _LEADING_RE.sub("", name)
                if 2 <= len(core) <= 20 and not _generic(core) and not _DIGIT_STOP_OR_DENG_RE.search(core):
                    a = line_start + pos - len(core)
                    kind = LIVELIHOOD if _inside(livelihood_spans, a) else PROJECT
                    add(kind, a, line_start + pos, line_start + q0, line_start + m.end("list"))
        for m in _runs_finditer_at(_PROJECT_RE, line, _PROJECT_STOP_RE, project_ends[i]):
            ns, ne = m.span("name")  # (one call for the offsets used below)
            name = line[ns:ne]
            verb = max(_last_sentence_verb(name), len(name) - len(name.lstrip()))
            enum = _enum_match(name)
            verb = max(verb, enum.end() if enum else 0)  # "2.项目招引有力": not after the number
            lead = _leading(name[verb:])  # (its ^ holds at the string's start only)
            skip = verb + (lead.end() if lead else 0)
            first = _FIRST_OF_KIND_RE.search(name, skip) if "首" in name or "第一个" in name else None
            if first and len(name) - first.end() >= 4:
                skip = first.end()  # "全省首个X项目": X项目
            name = name[skip:]
            core = _without_project_end(name)  # (a name holds no newline)
            last = _last_joined(name)
            if _generic(last) and not _PHASE_RE.match(last):
                continue  # "目标任务与重点项目" (not "X一期和二期项目": phases of one)
            quoted = line[ne : ne + 1] in '”"' and ne < len(line)
            if (  # (the cheap tests first: _not_named, the costliest, only for what passes them)
                quoted  # a slogan in quotation marks ("千万工程"), not a project
                or "等" in name
                or len(name) < 4
                or _generic(name)
                or _is_class(name)
                or len(_without_generic_words(core)) < 2
                or _kind_of_facility(core)
                or _places_class(name)
                or (own and len(_without_generic_words(_without_place(core, place, bare))) < 2)
                or _not_named(line, ns + skip, ne)
            ):
                continue
            a, b = line_start + ns + skip, line_start + ne
            m0, m1 = m.span()
            q0, q1 = _clause(line, m0, m1)
            joined = _JOINED_RE.search(name)
            if joined and name[joined.start() - 2 : joined.start()] in name[joined.end() :]:
                joined = None  # "A合作社和B合作社X项目": one project of two owners, the kind said twice
            elif (
                joined
                and name[joined.start() - 2 : joined.start()] in _ACTIVITIES
                and name[joined.end() : joined.end() + 2] in _ACTIVITIES
            ):
                joined = None  # "X研发及生产基地": two activities of one works
            k = name.find("和", 2, 4) if joined is None else -1
            if (
                k >= 0
                and "区" not in name[:k]
                and "村" not in name[:k]
                and _SHARED_KIND_RE.fullmatch(name, k)
            ):
                joined = _AND_RE.match(name, k)  # "A和B小区整新项目": A is an estate as B is
            if joined:  # "A和B项目" of two long names: two projects (the first without its suffix)
                kind = LIVELIHOOD if _inside(livelihood_spans, a) else PROJECT
                add(kind, a, a + joined.start(), line_start + q0, line_start + q1)
                a += joined.end()
            if line[ns + skip - 1 : ns + skip] == "、" and not _object_project(line, ns + skip, ne):
                for x, y in _names_before(line, q0, ns + skip - 1):  # "A、B项目"
                    kind = LIVELIHOOD if _inside(livelihood_spans, line_start + x) else PROJECT
                    add(kind, line_start + x, line_start + y, line_start + q0, line_start + q1)
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
    _more_projects(
        lines, lists, livelihood_spans, add, _by_line(facilities, lines, 1), _by_line(stages, lines)
    )
    _named_works(lines, lists, livelihood_spans, add)
    _lines_extended(lines, lists, livelihood_spans, add)
    _rivers_dredged(lines, lists, livelihood_spans, add)
    _plants_relocated(lines, lists, livelihood_spans, add)
    _roster_projects(lines, add)
    if to_orig is not None:  # (the model reads the text without noise only)
        return _first_clauses(_distinct(found, spans))
    from .labeller import relabel  # (a learned second opinion when a model is at hand)

    rule_items = _distinct(found, spans)
    return _first_clauses(
        _named_projects(
            _no_speech_tasks(
                _with_sure(
                    _with_listed(relabel(text, simple, sections, rule_items, part_year), rule_items),
                    rule_items,
                    sure,
                ),
                simple,
            ),
            simple,
            named_none,
        )
    )


def _no_speech_tasks(items: list[Item], simple: str) -> list[Item]:
    """``items`` less the tasks the labeller read in a party secretary's words at the congress
    (``_party_speech``): a speech's requirements, not the government's plan, whoever found them."""
    if "书记" not in simple and "人大主" not in simple:
        return items
    kept = []
    for item in items:
        if item.kind == TASK:
            a = simple.rfind("\n", 0, item.start) + 1
            if _party_speech(simple[a : item.start], item.start - a):
                continue
        kept.append(item)
    return kept


def _outline_end(simple: str, sections: list[Section]) -> int:
    """Where the body starts after a table of contents at the head of the text (the only headings read
    as sections): the first heading, written again on a line of its own after the last one ("一、回顾\n
    二、安排\n（一）A\n三、B\n各位代表：…\n一、回顾\n…"); 0 when the text opens with no such table."""
    if len(sections) < 2 or simple[: sections[0].start].strip():
        return 0
    first = simple[sections[0].start : sections[0].end].strip()
    if not first:
        return 0
    k = simple.find("\n" + first, sections[-1].end)
    if k < 0 or simple[k + 1 + len(first) : k + 2 + len(first)] not in ("\n", ""):
        return 0
    return k + 1


def _named_projects(
    items: list[Item], simple: str, named_none: dict[tuple[int, int], bool] | None = None
) -> list[Item]:
    """``items`` less the projects the labeller named from a run of clauses that names none (what the
    rules drop in ``add``: ``_no_project_named``), and a project whose quote overlaps a livelihood
    item's takes its kind, the kind of the list the entry sits in (the labeller reads A of "完成A小学、
    B小学及C小学部建设" as a livelihood item, the rules B and C as projects: all three are livelihood).
    ``simple`` is aligned with the items' text; ``named_none`` holds the answers ``add`` had for the
    same ``simple`` (``_no_project_named_at``)."""
    memo: dict[tuple[int, int], bool] = {} if named_none is None else named_none
    out = []
    lived = [(i.start, i.end) for i in items if i.kind == LIVELIHOOD]
    for item in items:
        if item.kind == PROJECT:
            k = item.quote.find(item.name)
            a, b = item.start + k, item.start + k + len(item.name)
            if k >= 0 and (
                (simple[a : a + 1] in _CLAUSE_OPEN_FIRST and _CLAUSE_OPEN_RE.match(simple, a, b))
                or _no_project_named_at(memo, simple, a, b)
                or _YIELD_AFTER_RE.match(simple, b)
                or _YIELD_AFTER_RE.match(simple, a, b)  # (a run named with the yield in it)
            ):
                continue
            if lived and (
                any(x < item.end and item.start < y for x, y in lived)
                or _after_lived_entry(simple, item, lived)
            ):
                item = Item(
                    name=item.name,
                    kind=LIVELIHOOD,
                    part=item.part,
                    year=item.year,
                    quote=item.quote,
                    start=item.start,
                    end=item.end,
                    stage=item.stage,
                    investment=item.investment,
                )
        out.append(item)
    # In the order the names are written (the labeller sorts by quote, and a list's names share one)
    return sorted(out, key=_name_at)


def _name_at(item: Item) -> int:
    """Where ``item``'s name is written (its quote's start when the quote does not hold it)."""
    k = item.quote.find(item.name)
    return item.start + max(k, 0)


_ENTRY_NUMBER_RE: Final = re.compile(r"[ \t]*(\d{1,2})[.．、](?!\d)")


def _after_lived_entry(simple: str, item: Item, lived: list[tuple[int, int]]) -> bool:
    """Whether ``item`` sits on a numbered entry ("2.X") right after the entry before it ("1.Y") of the
    same list, which holds a livelihood item: the entries of one list are of one kind."""
    line_start = simple.rfind("\n", 0, item.start) + 1
    here = _ENTRY_NUMBER_RE.match(simple, line_start)
    if here is None or line_start < 2:
        return False
    before = simple.rfind("\n", 0, line_start - 1) + 1
    there = _ENTRY_NUMBER_RE.match(simple, before)
    if there is None or int(there.group(1)) + 1 != int(here.group(1)):
        return False
    return any(before <= x < line_start for x, _y in lived)


_PLACE_SUFFIX_RE: Final = re.compile(r"(?:街道|乡|镇|县|区|市)$")

# A development layout: counted kinds of places, each with its members in brackets ("一城（A）、两园（B、
# C）、三区（D，E，F）"): the plan of where things go, its members no works. (The pattern opens with the
# bracket, a character the engine scans for; the counted kind stands behind it.)
_LAYOUT_HEAD_RE: Final = re.compile(r"[（(](?<=[一二两三四五六七八九十多][\u4e00-\u9fff][（(])")


# A count right after a works' kind ("申报X项目89个"): a class of projects counted, none named.
# (not a count that tallies a list, "A项目、B项目2个公共服务项目")
_KIND_COUNTED_RE: Final = re.compile(
    r"(?:\d+|[一二两三四五六七八九十百]+)[个项宗](?!月)(?![^，,。；;、\n]{0,10}项目)"
)
# Projects said to land or to lead ("推动一批X项目落地", "项目引领"): talk of projects, the name a clause.
# What a works yielded, rising ("玉米产量再创新高", "年出栏量逐年上升"): the works is the scene of a result.
# A name that opens with an event's verb or with a predicate's modal or adverb ("举办X项目开复工活动",
# "均为X项目", "要紧盯项目", "更大力度激活X项目"): a clause about projects or an event, no works named.
_CLAUSE_OPEN_RE: Final = re.compile(
    r"举办|举行|召开|承办|均为|均是|都是|都为|要紧|紧扣|紧盯|更大力度|更高水平"
)
_CLAUSE_OPEN_FIRST: Final = frozenset("举召承均都要紧更")  # (its words' first characters: tested first)
_YIELD_AFTER_RE: Final = re.compile(
    r"[^，,。；;\n]{0,16}?(?:产量|出栏量|产值|销量|销售额)[^，,。；;\n]{0,4}?"
    r"(?:再创新高|创新高|创历史新高|逐年上升|逐年增加|逐年增长|稳步增长|稳步提升|持续增长|大幅增长|大幅提升)"
)
_PROJECTS_TALK_RE: Final = re.compile(r"项目(?:高效|加快|加速|尽快|顺利|快速)?(?:落地|引领)")
_FACILITY_KINDS: Final = frozenset(
    "中小学 中小学校 大中小学 学校 幼儿园 医院 卫生院 卫生室 公园 道路 公路 小区 厂房".split()
)
_SURFACED_KIND_RE: Final = re.compile(r"(?:硬化|硬板化|水泥|沥青|柏油|黑色化)+(?:道路|公路|路面|路)")
_SECTORS: Final = frozenset(("农业", "工业", "产业", "服务业", "制造业", "旅游业", "商贸", "文旅", "旅游"))
_PLACES_AFTER_RE: Final = re.compile(
    r"[^，,。；;\n]{0,16}?等[^，,。；;\n]{0,4}?(?:商圈|景区|景点|街区|商业街区)(?!建设|改造|提升|提质|升级|整治)"
)
# (a size, then what is grown or bred there: "300亩蔬菜种植基地"; not "400亩X智能家居产业社区")
_AREA_OPENED_RE: Final = re.compile(
    r"[\d.]+(?:万|千)?(?:亩|平方米|公顷)[^\d，,。；;]{0,6}?(?:种植|养殖|育苗|育种|示范)(?:基地|园区|园|区)$"
)
# What the name's piece of a list comes to, when it is an event or a report heard ("举办A推介会、B恳谈会",
# "听取A和B工作报告"): no works.
_EVENT_PIECE_RE: Final = re.compile(
    r"[^，,。；;、\n]{0,40}?(?:推介会|恳谈会|洽谈会|座谈会|博览会|展销会|交易会|招商会|发布会|对接会|论坛|峰会|"
    r"会办|工作报告|述职报告)(?=[，,。；;、\n]|$)"
)
_EVENT_CHARS_RE: Final = re.compile(r"会|报告|论坛")
# The kinds a list closes with after 等 ("A、B等小区"): a name ending so is a list and its kind.
_LISTED_KINDS: Final = frozenset(
    "小区 社区 村 村庄 片区 企业 公司 项目 工程 单位 学校 道路 街巷 地块 园区 镇 乡 街道 区域 场所 景区".split()
)
_PROGRAMME_WORKSHOP_RE: Final = re.compile(r"(?:乡村振兴|扶贫|就业|帮扶|共富|巾帼|爱心)+车间$")
# What a place has come to ("X园基础设施更加完善"), said right after its name.
_STATE_AFTER_RE: Final = re.compile(
    r"[^，,。；;、\n]{0,6}?(?:更加|日益|日趋|不断|逐步|进一步|愈加)完善(?=[，,。；;\n]|$)"
)
# A role a place is given after a name ("X公园西大门", "X新区桥头堡"): a positioning, no works.
_POSITIONING_RE: Final = re.compile(r"[东南西北]大门|桥头堡|后花园|会客厅")
_POSITIONING_FIRST: Final = frozenset("东南西北桥后会")
# A body that runs a works ("X产业园区管委会挂牌成立"): the body, not the works.
_BODY_AFTER_RE: Final = re.compile(r"管委会|管理委员会")
# A list closed by a counted set of kinds ("打造A、B、C六大特色产业基地"): kinds of works, none named.
_COUNTED_SET_RE: Final = re.compile(
    r"(?:[^，,。；;、\n]{1,12}、)*[^，,。；;、\n]{0,12}?[两二三四五六七八九十]大[^，,。；;、\n]{0,8}?"
    r"(?:基地|园区|产业园|片区|板块|集群|产业|区)(?=[，,。；;\n]|$)"
)
_COUNTED_KIND_RE: Final = re.compile(r"[两二三四五六七八九十]大")
# Works of a kind in places counted ("A等5县污水处理厂"): a class.
_PLACES_COUNTED_RE: Final = re.compile(r"等[\d两二三四五六七八九十]+[个县区市镇乡村所座条处家]")
_ALL_PROJECTS_RE: Final = re.compile(r"(?:全部|所有|一切|各类)[^，,。；;]{0,8}项目$")
_SOME_RE: Final = re.compile(r"^(?:一批|一些|更多|大批|一大批|部分)")


def _no_project_named_at(memo: dict[tuple[int, int], bool], simple: str, a: int, b: int) -> bool:
    """``_no_project_named(simple, a, b)``, asked once a span: ``add`` and ``_named_projects`` ask of the
    same names of one text (``memo`` is that text's, its answers by span)."""
    key = (a, b)
    found = memo.get(key)
    if found is None:
        found = _no_project_named(simple, a, b)
        memo[key] = found
    return found


def _no_project_named(simple: str, a: int, b: int) -> bool:
    """Whether the name at ``a:b`` of ``simple`` names no project: a class of them with its count
    after it, a park settled in, or a clause that speaks of projects at large ("一批X项目落地",
    "重大项目高效落地")."""
    if simple.endswith(("项目", "工程"), a, b) and _KIND_COUNTED_RE.match(simple, b) is not None:
        return True
    if b - a <= 3 and simple[a:b] in _SECTORS:
        return True  # "把农业建成现代化大产业": a sector of the economy, no works
    if simple.find("等", b, b + 20) >= 0 and _PLACES_AFTER_RE.match(simple, b):
        return True  # "激发A广场、B湾等商圈活力": places of trade or leisure, named as the scene
    if simple.startswith(("落户", "入驻"), a, b) and _generic(simple[a + 2 : b]):
        return True  # "落户园区企业24家": companies that settled in the park, no works named
    if simple[a:b] in _FACILITY_KINDS or _SURFACED_KIND_RE.fullmatch(simple, a, b):
        return True  # "新建中小学、幼儿园18所", "硬化道路": kinds of facility, none named
    if a > 0 and simple[a - 1] in "及和与" and simple.startswith(("管网", "配套", "附属"), a, b):
        return True  # "A水厂及管网改造工程": the rest of the works named before, no other
    if simple[a : a + 1].isdecimal() and _AREA_OPENED_RE.match(simple, a, b):
        return True  # "建设300亩蔬菜种植基地": a kind of works by its size, none named
    if simple.endswith("项目", a, b) and _ALL_PROJECTS_RE.search(simple, a, b):
        return True  # "把帮办服务延伸到全部社会投资项目": every project of a kind, none named
    if _EVENT_CHARS_RE.search(simple, a, b + 40) and _EVENT_PIECE_RE.match(simple, a):
        return True  # "举办A推介会", "听取A工作报告": no works
    if simple.startswith(("认证", "问题"), b) or simple.endswith("认证", a, b):
        return True  # "取得A认证", "改善A问题": a certificate, a problem
    k = simple.find("项目", a, b - 2) if simple.endswith("项目", a, b) else -1
    if k >= 0 and _generic(simple[a : k + 2]) and _generic(simple[k + 2 : b]):
        return True  # "招引一批大项目好项目": two words for projects at large, none named
    if simple.find("大", a, b + 80) >= 0 and _COUNTED_SET_RE.match(simple, a):
        if _COUNTED_KIND_RE.search(simple, a, b) or _without_project_end(simple[a:b]) == simple[a:b]:
            return True  # "打造A、B六大特色产业基地": kinds (not "A园、B园三大园区": parks named)
    if simple.find("等", a, b) >= 0 and _PLACES_COUNTED_RE.search(simple, a, b):
        return True  # "建成A等5县污水处理厂": a kind of works in places counted
    if simple.endswith("车间", a, b) and _PROGRAMME_WORKSHOP_RE.search(simple, a, b):
        return True  # "X厂建成乡村振兴车间": a label a programme gives a workshop, no works named
    if b - a <= 3 and simple.endswith("厂", a, b):
        return True  # "电子厂": a kind of plant, none named
    if simple.startswith(("沿线", "路沿线"), b):
        return True  # "拆除X路沿线违建点位": the road where the work is done, cut before 路
    if simple.find("完善", b, b + 12) >= 0 and _STATE_AFTER_RE.match(simple, b):
        return True  # "X园基础设施更加完善": the state a place has come to, no works
    if simple.endswith(("新建", "新增", "新设"), a, b):
        return True  # "在X街新建Y": the place where the works goes, cut before it
    k = simple.find("等", a + 2, b)
    if k >= 0 and simple[k + 1 : b] in _LISTED_KINDS:
        return True  # "推进A、B等小区…改造": the kind the list closes with, no name
    if simple[b : b + 1] in _POSITIONING_FIRST and _POSITIONING_RE.match(simple, b):
        return True  # "打造X农业公园西大门": a place's role, no works
    if simple.startswith(("管委", "管理委"), b) and _BODY_AFTER_RE.match(simple, b):
        return True  # "X园区管委会挂牌成立": the body that runs it
    section = simple.find("断面", b, b + 16)
    if section >= 0 and not _CLAUSE_END_RE.search(simple, b, section):
        return True  # "确保A桥南、B断面达Ⅲ类": a water-quality section named by a bridge, no works
    k = simple.find("项目", a, b)
    if k < 0 or (simple.find("落地", k, b + 4) < 0 and simple.find("引领", k, b + 4) < 0):
        return False
    talk = _PROJECTS_TALK_RE.match(simple, k)
    if talk is None or talk.end() < b:
        return False  # (the name goes on after the talk, or none follows its 项目)
    head = simple[a:k]
    lead = _leading(head)
    head = head[lead.end() :] if lead else head
    head = _SOME_RE.sub("", head)
    return len(_without_generic_words(head)) <= 2


# A metro line by its number, extended or linked on ("X11号线延长至Y", "X1号线南连Y"): a works named.
_LINE_NUMBER_RE: Final = re.compile(r"\d{1,2}号线(?=[东南西北]?(?:延长|延伸|延至|延到|连接|连通|连))")
_LINE_OWNER_STOPS: Final = frozenset(" \t　，,。；;：:、“”（）()的了和及与0123456789")


def _lines_extended(
    lines: _Lines, lists: list[tuple[int, int]], livelihood_spans: list[tuple[int, int]], add: _Add
) -> None:
    """Metro lines named by their number and the city before it, extended or linked on ("争取X1号线
    南连Y", "Z11号线延长至W"): each a project."""
    for line_start, line in lines:
        if "号线" not in line or _inside(lists, line_start):
            continue
        for m in _LINE_NUMBER_RE.finditer(line):
            x = m.start()
            while x > max(0, m.start() - 6) and line[x - 1] not in _LINE_OWNER_STOPS:
                x -= 1
            lead = _leading(line[x : m.start()])
            x += lead.end() if lead else 0
            q0, q1 = _clause(line, m.start(), m.end())
            a = line_start + x
            add(
                LIVELIHOOD if _inside(livelihood_spans, a) else PROJECT,
                a,
                line_start + m.end(),
                line_start + q0,
                line_start + q1,
            )


# Rivers dredged or cleaned, named one by one ("全面疏浚A河和B河"): each a works done to a named river.
_DREDGED_RE: Final = re.compile(
    r"(?:疏浚|疏竣|清淤|清理)(?P<list>[^，,。；;：:\n“”的了等]{2,40}?[河江溪渠沟湖塘])(?=[，,。；;\n]|$)"
)
_DREDGED_SPLIT_RE: Final = re.compile(r"、|和|及|与")


def _rivers_dredged(
    lines: _Lines, lists: list[tuple[int, int]], livelihood_spans: list[tuple[int, int]], add: _Add
) -> None:
    """Rivers, streams and ponds dredged or cleared, named one by one, the clause ending with the last
    ("全面疏浚A河和B溪"): a project each, when every piece of the list is such a name."""
    for line_start, line in lines:
        if not ("疏" in line or "清" in line) or _inside(lists, line_start):
            continue
        for m in _DREDGED_RE.finditer(line):
            pieces = _DREDGED_SPLIT_RE.split(m.group("list"))
            if not all(2 <= len(p) <= 8 and p[-1] in "河江溪渠沟湖塘" for p in pieces):
                continue  # ("清理河道垃圾", "清淤沟渠3公里": a kind of work)
            if any(_class_opener(p) or p in _WATER_KINDS for p in pieces):
                continue  # ("疏浚农村河塘", "清淤沟渠": kinds of water, none named)
            q0, q1 = _clause(line, m.start(), m.end())
            pos = m.start("list")
            for piece in pieces:
                k = line.find(piece, pos)
                pos = k + len(piece)
                a = line_start + k
                add(
                    LIVELIHOOD if _inside(livelihood_spans, a) else PROJECT,
                    a,
                    a + len(piece),
                    line_start + q0,
                    line_start + q1,
                )


# Plants named one by one and moved ("实施A、B和C局部搬迁改造升级"): each a works, the plant moved.
_RELOCATED_RE: Final = re.compile(
    r"(?:实施|推进|推动|完成|启动|加快)(?P<list>[^，,。；;：:\n“”的了等]{2,40}?)(?:局部|整体|异地|环保|退城入园)?搬迁"
)


def _plants_relocated(
    lines: _Lines, lists: list[tuple[int, int]], livelihood_spans: list[tuple[int, int]], add: _Add
) -> None:
    """Plants or companies named one by one and relocated ("实施A、B和C整体搬迁"): a project each."""
    for line_start, line in lines:
        if "搬迁" not in line or _inside(lists, line_start):
            continue
        for m in _RELOCATED_RE.finditer(line):
            pieces = _DREDGED_SPLIT_RE.split(m.group("list"))
            if not all(2 <= len(p) <= 12 for p in pieces) or any(
                _class_opener(p) or _generic(p) or _is_class(p) or _COUNTED_RE.search(p) for p in pieces
            ):
                continue  # ("实施农村危房搬迁", "推进3个村整体搬迁": kinds and counts, none named)
            q0, q1 = _clause(line, m.start(), m.end())
            pos = m.start("list")
            for piece in pieces:
                k = line.find(piece, pos)
                pos = k + len(piece)
                a = line_start + k
                add(
                    LIVELIHOOD if _inside(livelihood_spans, a) else PROJECT,
                    a,
                    a + len(piece),
                    line_start + q0,
                    line_start + q1,
                )


_WATER_KINDS: Final = frozenset("河道 沟渠 河塘 山塘 水塘 池塘 渠道 河湖 江河 河沟".split())


def _layout_spans(simple: str) -> list[tuple[int, int]]:
    """The spans of the development layouts in ``simple``: two counted kinds or more in a row, each
    with its members in brackets, from the first kind to the last closing bracket."""
    out: list[tuple[int, int]] = []
    chain: tuple[int, int, int] | None = None  # (start, end, kinds)
    for m in _LAYOUT_HEAD_RE.finditer(simple):
        head = m.start() - 2
        close = min(
            (k for k in (simple.find(")", m.end()), simple.find("）", m.end())) if k >= 0), default=-1
        )
        if close < 0 or simple.find("\n", m.end(), close) >= 0:
            continue
        if chain is not None and chain[1] <= head <= chain[1] + 1:
            chain = (chain[0], close + 1, chain[2] + 1)
        else:
            if chain is not None and chain[2] >= 2:
                out.append(chain[:2])
            chain = (head, close + 1, 1)
    if chain is not None and chain[2] >= 2:
        out.append(chain[:2])
    return out


def _without_place(text: str, place: str, bare: str) -> str:
    """``re.sub(f"{re.escape(place)}|{re.escape(bare)}", "", text)``: every mention of the report's
    place cut out, at each place the first of the two that is there (a per-report pattern would cost
    a compile for every report of another place)."""
    out: list[str] = []
    pos = 0
    while True:
        a = text.find(place, pos)
        b = text.find(bare, pos)
        if a < 0 and b < 0:
            break
        if a >= 0 and (b < 0 or a <= b):
            out.append(text[pos:a])
            pos = a + len(place)
        else:
            out.append(text[pos:b])
            pos = b + len(bare)
    if not out:
        return text
    out.append(text[pos:])
    return "".join(out)


def _with_sure(judged: list[Item], rule_items: list[Item], sure: set[tuple[str, int, str]]) -> list[Item]:
    """The labeller's items with the rules' sure ones (``sure``: kind, quote start, name) back in where
    it left them out, or folded them into one item named from its run of clauses: a work counted in a
    paragraph on the 民生实事 is an entry whatever the words around it."""
    keep = [i for i in rule_items if (i.kind, i.start, i.name) in sure]
    if not keep:
        return judged
    had = {(i.kind, i.name, i.start) for i in judged}
    back = [i for i in keep if (i.kind, i.name, i.start) not in had]
    if not back:
        return judged
    ruled = {(i.kind, i.name, i.start) for i in rule_items}
    out = [
        i
        for i in judged
        if (i.kind, i.name, i.start) in ruled or not any(b.start < i.end and i.start < b.end for b in back)
    ]
    return sorted(out + back, key=lambda i: i.start)


def _listed_entry(item: Item) -> bool:
    """Whether ``item``'s name is an entry of a list in its quote ("A、B、C": a 、 right before or after it)."""
    k = item.quote.find(item.name)
    return k >= 0 and (
        item.quote[k - 1 : k] == "、" or item.quote[k + len(item.name) : k + len(item.name) + 1] == "、"
    )


def _with_listed(judged: list[Item], rule_items: list[Item]) -> list[Item]:
    """The labeller's items with the rules' entries of a list back in where it kept another entry of the
    same list (the same kind, the same quote) and left them out: the entries of one list share their fate
    (the model reads each clause apart, and the first entry's clause, which holds the verb before the
    list, reads to it as no name)."""
    had = {(i.kind, i.name, i.start) for i in judged}
    lost = [
        i
        for i in rule_items
        if i.kind != TASK and (i.kind, i.name, i.start) not in had and "、" in i.quote and _listed_entry(i)
    ]
    if not lost:
        return judged
    ruled = {(i.kind, i.name, i.start) for i in rule_items}
    lists = {
        (i.kind, i.start, i.end)
        for i in judged
        if i.kind != TASK and (i.kind, i.name, i.start) in ruled and _listed_entry(i)
    }
    back = [i for i in lost if (i.kind, i.start, i.end) in lists]
    return sorted(judged + back, key=_name_at) if back else judged


# Where a task's name ends inside its heading or lead: at the first comma.
_TASK_NAME_END_RE: Final = re.compile(r"[，,]")


def _first_clauses(items: list[Item]) -> list[Item]:
    """Each task named by the first clause of its heading or lead ("（一）聚力A，做强B" → "聚力A"), as
    the convention has it. Cut last, on new items: the rules and the labeller read the whole heading
    (the labeller's features mark the units a rule's name covers)."""
    out: list[Item] = []
    for item in items:
        comma = _TASK_NAME_END_RE.search(item.name, 2) if item.kind == TASK else None
        if comma is not None:
            item = Item(
                name=item.name[: comma.start()].rstrip(),
                kind=item.kind,
                part=item.part,
                year=item.year,
                quote=item.quote,
                start=item.start,
                end=item.end,
                stage=item.stage,
                investment=item.investment,
            )
        out.append(item)
    return out


# The title of a roster of projects ("开工项目名单", "重点项目清单："): the lines under it name them.
_ROSTER_TITLE_RE: Final = re.compile(r"^[ \t]*[^。，,；;：:\n]{0,12}项目(?:名单|清单|一览表?)[：:]?[ \t]*$")
_ROSTER_ENTRY_RE: Final = lazy(
    r"^[ \t]*(?:\d{1,2}[.．、]|[（(]\d{1,2}[)）])?[ \t]*(?P<name>[^。，,；;：:！!？?\n]{4,60}?)[ \t]*$"
)


def _table_names(lines: _Lines, add: _Add) -> list[tuple[int, int]]:
    """A table of projects run into one line ("序号 |项目名称 |地点 |…||1 |X项目 |…||2 |Y工程 |…", an
    empty cell between rows): each row's cell under the 项目名称 header names one project (of the
    民生实事 when the text is about them); what its other cells describe names none. Returns the
    lines such tables fill."""
    spans: list[tuple[int, int]] = []
    for line_start, line in lines:
        if "项目名称" not in line or "|" not in line:
            continue
        bounds, x = [], 0
        for k, ch in enumerate(line + "|"):
            if ch == "|":
                bounds.append((x, k))
                x = k + 1
        cells = [line[a:b].strip() for a, b in bounds]
        if "项目名称" not in cells:
            continue
        head = cells.index("项目名称")
        row_start = max((k + 1 for k in range(head) if not cells[k]), default=0)
        column, found = head - row_start, 0
        k = head + 1
        while k < len(cells):
            if cells[k]:
                k += 1
                continue
            k += 1  # an empty cell: the next row starts after it
            if k + column < len(cells) and all(cells[k : k + column + 1]):
                a, b = bounds[k + column]
                name = cells[k + column]
                if len(name) >= 4 and not _DIGIT_RE.fullmatch(name):
                    a += len(line[a:b]) - len(line[a:b].lstrip())
                    add(
                        PROJECT,
                        line_start + a,
                        line_start + a + len(name),
                        line_start + a,
                        line_start + a + len(name),
                    )
                    found += 1
        if found:
            spans.append((line_start, line_start + len(line)))
    return spans


# The header cell of a table's column of names ("项目名称", "实事项目名称"), and one of a serial number.
_NAME_HEADER_RE: Final = re.compile(r"(?:民生)?(?:实事)?(?:项目)?名称")
_SERIAL_HEADER_RE: Final = re.compile(r"序号|编号|序")


def _cells(line: str) -> list[tuple[int, int]]:
    """The cells of a table's row "A | B | C |" as (start, end) pairs, their spaces stripped."""
    out, x = [], 0
    for k, ch in enumerate(line + "|"):
        if ch == "|":
            a, b = x, k
            while a < b and line[a] in " \t\u3000":
                a += 1
            while b > a and line[b - 1] in " \t\u3000":
                b -= 1
            out.append((a, b))
            x = k + 1
    return out


def _livelihood_table(lines: _Lines, add: _Add) -> list[tuple[int, int]]:
    """A table of the 民生实事, a row to a line ("序号 | 实事项目名称 | 完成情况 |" over "1 | 新增N个X | …"),
    its names in the first column after the serial number: each row's name one livelihood entry (a row
    that goes on a merged serial number opens with its name). The table is of the 民生实事 when its
    header or the title over it says so. Returns the lines the table fills."""
    spans: list[tuple[int, int]] = []

    def sure(*args: int | str, **extra: object) -> None:  # (the labeller may not drop a table's rows)
        add(*args, **extra, sure=True)

    for i, (line_start, line) in enumerate(lines):
        if "名称" not in line or "|" not in line:
            continue
        heads = [line[a:b] for a, b in _cells(line)]
        column = next((k for k, c in enumerate(heads) if _NAME_HEADER_RE.fullmatch(c)), None)
        if column is None or not all(_SERIAL_HEADER_RE.fullmatch(c) for c in heads[:column]):
            continue
        title = next((t for _, t in reversed(lines[max(0, i - 2) : i]) if t.strip()), "")
        if "实事" not in heads[column] and not _LIVELIHOOD_LIST_RE.search(title):
            continue
        last = i
        for s, row in lines[i + 1 :]:
            if "|" not in row or row.count("|") < 2:
                break
            name = next(
                ((a, b) for a, b in _cells(row) if b - a >= 2 and not _DIGIT_ONLY_RE.fullmatch(row, a, b)),
                None,
            )
            if name is not None:
                _entry(row, s, name[0], name[1], sure, inline=False)
            last += 1
        if last > i:
            spans.append((line_start, lines[last][0] + len(lines[last][1])))
    return spans


_DIGIT_ONLY_RE: Final = re.compile(r"[\d.%％]+")


def _roster_projects(lines: _Lines, add: _Add) -> None:
    """A roster of projects: under a short title line ("…项目名单/清单/一览"), each short line without
    sentence punctuation (numbered or not) names one project, up to the first line that is prose."""
    for i, (_, line) in enumerate(lines):
        if "项目" not in line or not _ROSTER_TITLE_RE.match(line):
            continue
        for line_start, body in lines[i + 1 :]:
            if not body.strip():
                continue
            m = _ROSTER_ENTRY_RE.match(body)
            if m is None:
                break
            a = line_start + m.start("name")
            add(PROJECT, a, line_start + m.end("name"), line_start, line_start + len(body))


# Words of a heading that names a part of a report rather than a task.
_PART_HEAD_RE: Final = re.compile(
    r"\d{4}|回顾|总结|成效|成绩|主要工作|安排|计划|打算|思路|展望|下一?步|今后|问题|不足"
)
# A heading that states a result reached ("粮食生产成效显著", "人居环境持续改善"): the review's, however
# the text around it reads; a task's heading leads with what to do ("紧盯X，推动Y上新台阶").
_RESULT_HEAD_RE: Final = re.compile(
    r"(?:稳中有进|稳中向好|持续向好|不断(?:增强|提升|壮大|加快|完善|优化|深化)|持续(?:增强|提升|改善|优化|深化|壮大)|"
    r"显著|明显(?:提升|改善|增强|加快)?|(?:力度|步伐)加大|成效(?:明显|显著|初显)|成果丰硕|(?:扎实|有序|稳步|全面|加快)推进|"
    r"取得(?:新)?(?:突破|进展|成效)|(?:完成|进展|落实|执行)情况)[。\s]*$"
)
# (the longest of _RESULT_HEAD_RE's words, and what its match may end with)
_RESULT_HEAD_LONGEST: Final = 5


def _result_head(s: str, start: int, end: int) -> bool:
    """``_RESULT_HEAD_RE.search(s, start, end) is not None``: its word ends where the run of 。 and
    spaces closing ``s[start:end]`` begins, so only the characters just before that run are searched
    (the engine would try its words at every character of a section)."""
    t = min(end, len(s))
    while t > start and (s[t - 1] == "。" or s[t - 1].isspace()):
        t -= 1
    return _RESULT_HEAD_RE.search(s, max(start, t - _RESULT_HEAD_LONGEST), end) is not None


_PLAN_SECTION_RE: Final = re.compile(r"^[^回总成完]{0,12}(?:下一?步|今后)[^回总成完]{0,8}$")


# The sentence of a notice that hands its document on or opens its matters ("现将《X》印发给你们", "现将
# 有关事宜通知如下："), and what closes its own body ("特此通知", the attachments).
_NOTICE_HANDS_RE: Final = lazy(r"印发给你们|通知如下")
_NOTICE_CLOSE_RE: Final = lazy(
    r"特此通知|附件[一二三四五\d]?[：:\n]|\n[ \t]*\d{4}年\d{1,2}月\d{1,2}日[ \t]*\n(?=[ \t]*[^\n]{0,40}"
    r"(?:工作安排|工作计划|工作思路|工作打算|工作要点)[ \t]*\n)"
)  # (and the date under the signature over the title of the plan handed on: the plan follows)


def _notice_matters(simple: str) -> list[tuple[int, int]]:
    """The body of a notice after the sentence that hands its document on (or opens its matters), up to
    "特此通知", its date or its attachments: what is numbered there are the notice's requirements (how
    to carry the document out), no tasks of the plan. [] for a text that is no notice."""
    if "印发给你们" not in simple and "通知如下" not in simple:
        return []
    spans = []
    for m in _NOTICE_HANDS_RE.finditer(simple):
        start = simple.find("\n", m.end())
        if start < 0:
            continue
        close = _NOTICE_CLOSE_RE.search(simple, start)
        spans.append((start, close.start() if close else len(simple)))
    return spans


def _plan_document(simple: str) -> bool:
    """The document's title (its first non-blank line, short) names a plan ("2026年工作要点",
    "…工作计划") and no review: its headings are the plan's, whatever the words under them."""
    title = next((t.strip() for t in simple.split("\n", 5)[:5] if t.strip()), "")
    return (
        len(title) <= 40
        and bool(_PLAN_TITLE_RE.search(title))
        and not re.search(r"总结|回顾|报告|完成", title)
    )


_SUFFIX_RE: Final = re.compile(r"(?:建设)?(?:项目|工程)$")
_STAGE_SUFFIX_RE: Final = re.compile(r"(?:建设|奠基|开工|建成|竣工|投用|投产|落地)$")


def _is_class(name: str) -> bool:
    """``_CLASS_RE.search(name)`` as a truth value: a class of projects rather than a named one."""
    first = name[:1]
    if (first in _CLASS_START_FIRST or first.isdecimal()) and _CLASS_START_RE.match(name) is not None:
        return True
    return _CLASS_ANY_RE.search(name) is not None


def _without_suffix(name: str) -> str:
    """``name`` less a closing (建设)项目/工程 ("X路建设工程" → "X路")."""
    # (a substring test first: every match holds one of the words, and the pattern, opening with a
    # group, is otherwise tried at every position of the name)
    return _SUFFIX_RE.sub("", name) if "项目" in name or "工程" in name else name


def _work_key(name: str) -> str:
    """The name that tells one work from another: ``_without_suffix`` of the simplified name, less
    a closing word of its stage ("X建设", "X奠基", "X开工": the same work named again as a news page
    tells its progress)."""
    name = _without_suffix(simplify(name))
    stage = _STAGE_SUFFIX_RE.search(name, 2) if len(name) > 4 else None
    return name[: stage.start()] if stage else name


def _distinct(found: list[Item], spans: list[tuple[int, int]]) -> list[Item]:
    """The items in document order, less those another rule named in full: a name lying inside a
    longer name of the same kind ("X路" in "X路“Y”"), and a project whose name lies in a task's
    heading ("一是X工程", "一、实施X提质工程，…": a task, not also a project)."""
    task_spans = {span for item, span in zip(found, spans, strict=True) if item.kind == TASK}
    by_kind: dict[str, list[tuple[int, int]]] = {}
    for item, span in zip(found, spans, strict=True):
        by_kind.setdefault(item.kind, []).append(span)
    covers = {kind: _Covers(kind_spans) for kind, kind_spans in by_kind.items()}
    keep: list[tuple[int, str, int, Item]] = []
    named: set[tuple[str, str, str]] = set()
    for item, (a, b) in zip(found, spans, strict=True):
        if item.kind == PROJECT and any(x <= a and b <= y for x, y in task_spans):
            continue  # (a task's heading "实施X提质工程，…" names the task, no project besides)
        if covers[item.kind].longer(a, b):
            continue
        key = (item.kind, item.part, _work_key(item.name))
        if item.kind != TASK and key in named:
            continue  # the same name again in the same part ("X" and later "X项目"): one item
        named.add(key)
        keep.append((a, item.kind, item.start, item))
    keep.sort(key=lambda k: k[:3])  # (by where the name is written: a list's names share a quote)
    return [k[3] for k in keep]


class _Covers:
    """Spans, asked whether a longer one covers a given span (by bisection, not a scan of them all)."""

    __slots__ = ("_ends", "_starts", "_widest")

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [x for x, _ in ordered]
        self._ends = [y for _, y in ordered]
        self._widest: list[int] = []  # the furthest end of the spans up to each, in order
        for y in self._ends:
            self._widest.append(max(y, self._widest[-1]) if self._widest else y)

    def longer(self, a: int, b: int) -> bool:
        """``any(x <= a and b <= y and y - x > b - a for x, y in spans)``: a span other than (a, b)
        itself from ``a`` or before to ``b`` or after (only those are longer)."""
        before = bisect_left(self._starts, a)  # the spans starting before a
        if before and self._widest[before - 1] >= b:
            return True
        upto = bisect_right(self._starts, a)  # and those starting at a: the last ends furthest
        return upto > before and self._ends[upto - 1] > b


# (要 of a slogan — "疫情要防住、经济要稳住、发展要安全" — and 要求 do not promise.)
_PLAN_VOICE_RE: Final = re.compile(
    r"将|要(?![求防稳安])|力争|确保|计划|拟|争取|目标|未来|打算|今年(?!以来)|全年|新的一年"
)
_REVIEW_VOICE_RE: Final = re.compile(r"同比|增长(?=\d|了)|累计|取得|了|已|去年|年来|以来|回顾|%")
_FIRST_LEAD_RE: Final = re.compile(
    r"(?:^|(?<=[。；;：:，,\n]))[ \t]*(?:一是|一要(?!求)|第一[，,、]|[（(]一[)）]|一[、.．]|1[、.．](?!\d))"
)


def _plan_voice(simple: str) -> bool:
    """The text promises rather than reports: the word of either kind (将/要/目标/今年… or
    了/已/年来/同比/%…) nearest before its first "一是/(一)/1." decides ("今年的目标是：一是…",
    "一年来，我们抓好了：(一)…"); without such a lead or such a word before it, the more frequent kind
    in the whole text."""
    lead = _FIRST_LEAD_RE.search(simple)
    if lead is not None:
        window = simple[max(0, lead.start() - 150) : lead.start()]
        last_plan = max((m.end() for m in _PLAN_VOICE_RE.finditer(window)), default=-1)
        last_review = max(
            (m.end() for m in _REVIEW_VOICE_RE.finditer(window) if not _promised_rate(window, m)), default=-1
        )
        if last_plan >= 0 or last_review >= 0:
            return last_plan > last_review
    # no lead, or none of either kind before it (the text opens with "一是…", or with a heading
    # after a preamble that neither promises nor reports): the more frequent kind decides
    promised = len(_PLAN_VOICE_RE.findall(simple))
    return promised >= 1 and promised >= len(_REVIEW_VOICE_RE.findall(simple))


def _promised_rate(window: str, m: re.Match) -> bool:
    """The review word ``m`` of ``window`` is a rate ("增长5%") in a sentence that promises before it
    ("今年将…，争取实现X增长5%"): a target, not a result."""
    if m.group() != "%" and not m.group().startswith("增长"):
        return False
    start = max(window.rfind(c, 0, m.start()) for c in "。！!") + 1
    return _PLAN_VOICE_RE.search(window, start, m.start()) is not None


def _stop_codes(stop: str) -> str:
    """A string of 0x10000 characters, "\\x01" at the code of each character of the class ``stop`` (a
    pattern ``[...]`` of plain characters and \\n) and "\\x00" elsewhere (``_run_start``)."""
    assert stop[:1] == "[" and stop[-1:] == "]" and stop[1:2] != "^", stop
    chars = stop[1:-1].replace("\\n", "\n")
    assert "\\" not in chars and "-" not in chars, stop
    table = bytearray(0x10000)
    for c in chars:
        table[ord(c)] = 1
    return table.decode("latin-1")


# The stop classes' tables for ``_run_start`` and ``_run_end``, by the class's source.
_BEFORE: Final = {
    stop.pattern: _stop_codes(stop.pattern) for stop in (_PROJECT_STOP_RE, _LIST_STOP_RE, _FACILITY_STOP_RE)
}


def _runs_finditer(pattern: re.Pattern, line: str, stop: re.Pattern, needle: re.Pattern) -> list[re.Match]:
    """``list(pattern.finditer(line))``, for a pattern whose every match lies between two ``stop``
    characters and contains ``needle``: only the runs between stops that hold the needle are
    searched (lookbehinds still see the text before a run)."""
    hit = needle.search(line)
    if hit is None:  # most lines (a list, not a generator: this way costs least)
        return []
    found: list[re.Match] = []
    before = _before(stop)
    while hit is not None:
        at = hit.start()
        done = _run_end(before, line, at)
        found += pattern.finditer(line, _run_start(before, line, at), done)
        hit = needle.search(line, done)
    return found


def _runs_finditer_at(pattern: re.Pattern, line: str, stop: re.Pattern, needles: list[int]) -> list[re.Match]:
    """``_runs_finditer`` given offsets (ascending) of characters of the needle's matches, at least one
    in every match of the needle (a character of a needle's match tells the run it lies in)."""
    found: list[re.Match] = []
    before = _before(stop)
    done = 0  # the runs before this offset have been searched
    for at in needles:
        if at < done:
            continue
        done = _run_end(before, line, at)
        found += pattern.finditer(line, _run_start(before, line, at), done)
    return found


def _line_hits(needle: re.Pattern, simple: str, lines: _Lines, *, ends: bool = False) -> list[list[int]]:
    """For each line of ``lines`` (``simple`` split at newlines), the offsets in it where the matches of
    ``needle`` start (or end) — what ``needle.finditer(line)`` gives for each line, for a needle whose
    matches hold no newline and whose lookarounds take none (a line's edge, where the text has a
    newline). One search of the whole text instead of one per line: the calls cost more than the scan."""
    return _by_line([m.start() for m in needle.finditer(simple)], lines, 1 if ends else 0)


def _by_line(starts: list[int], lines: _Lines, shift: int = 0) -> list[list[int]]:
    """``starts`` (ascending offsets in the text, none at a newline) as offsets in their lines, each
    plus ``shift``, for each line of ``lines``."""
    found: list[list[int]] = [[] for _ in lines]
    k = 0
    for at in starts:
        while lines[k][0] + len(lines[k][1]) < at:
            k += 1
        found[k].append(at + shift - lines[k][0])
    return found


# The three needles of the text: project ends, stage words, facility ends (``_needle_hits``).
_PROJECT_END_FIRSTS: Final = frozenset(w[0] for w in _PROJECT_END_WORDS.split("|"))
_FACILITY_LASTS: Final = frozenset(w[-1] for w in _FACILITY[3:-1].split("|"))
# (what ``_needle_hits`` relies on: a project end and a stage word never open with the same
# character, neither with a facility's last; both are words of two characters or more)
assert not _PROJECT_END_FIRSTS & {w[0] for w in _STAGE_WORD_RE.pattern.split("|")}
assert not _FACILITY_LASTS & {w[0] for w in _STAGE_WORD_RE.pattern.split("|")}
assert min(len(w) for w in _STAGE_WORD_RE.pattern.split("|") + _PROJECT_END_WORDS.split("|")) >= 2


def _needle_words(pattern: str) -> list[list[str]]:
    """The alternatives of ``pattern`` (``A|B|…``, no group around them), each as its tokens: plain
    characters and ``[...]`` classes, up to the first group (a lookaround at the end)."""
    out: list[list[str]] = []
    for word in pattern.split("|"):
        tokens = re.findall(r"\[[^\]]*\]|\\.|.", word.split("(")[0])
        assert tokens and not any(t.startswith("\\") or t in ".^$*+?{}()" for t in tokens), word
        out.append(tokens)
    return out


def _class_chars(token: str) -> str | None:
    """The characters a token of ``_needle_words`` matches; None for a negated class (most characters)."""
    if not token.startswith("["):
        return token
    return None if token.startswith("[^") else token[1:-1]


def _needle_gates() -> tuple[str, frozenset[int], frozenset[int]]:
    """``_needle_hits``' tables. A string of 0x10000 characters whose code at a character's code has bit
    1 when a project end opens with the character, 2 when a stage word does, 16 when one of either has
    it second, 4 when a facility word ends with it, 8 when that facility word may end there whatever
    stands before (one character long, or a negated class before it), 32 when a facility word has it
    before its last; the pairs of codes (first << 16 | second) every project end and stage word opens
    with; the pairs (before << 16 | last) every other facility word ends with."""
    table = bytearray(0x10000)
    opens: set[int] = set()
    for bit, words in ((1, _PROJECT_END_WORDS), (2, _STAGE_WORD_RE.pattern)):
        for tokens in _needle_words(words):
            assert len(tokens) >= 2 and len(tokens[0]) == len(tokens[1]) == 1, tokens
            table[ord(tokens[0])] |= bit
            table[ord(tokens[1])] |= 16
            opens.add(ord(tokens[0]) << 16 | ord(tokens[1]))
    ends: set[int] = set()
    for tokens in _needle_words(_FACILITY[3:-1]):
        last = tokens[-1]
        assert len(last) == 1, tokens
        before = _class_chars(tokens[-2]) if len(tokens) > 1 else None
        table[ord(last)] |= 4 if before is not None else 12
        for c in before or "":
            table[ord(c)] |= 32
            ends.add(ord(c) << 16 | ord(last))
    return table.decode("latin-1"), frozenset(opens), frozenset(ends)


# (the facility words' ends: what ``_ends_pattern`` made of them)
assert _FACILITY_END_RE.pattern == _ends_pattern(_FACILITY[3:-1].split("|"))
_NEEDLE_CODES, _NEEDLE_OPENS, _NEEDLE_ENDS = _needle_gates()


def _needle_hits(simple: str) -> tuple[list[int], list[int], list[int]]:
    """Where the matches of ``_PROJECT_END_RE``, ``_STAGE_WORD_RE`` and ``_FACILITY_END_RE`` start in
    ``simple``: what each one's ``finditer`` gives.

    One walk over the characters, each one's code read against a table (``_needle_gates``): a pattern
    is tried only where a word of it opens (a project end, a stage word) or ends (a facility word) with
    the character and the pair of characters there is one of its words' (most places where a frequent
    character — 中, 工, 区, 建 — stands hold none). Each needle's matches are taken without overlaps, as
    ``finditer`` does. (A regex search for the three in one pattern tried its hundred alternatives at
    every such character: compiled, this costs a fraction of that.)
    """
    projects: list[int] = []
    stages: list[int] = []
    facilities: list[int] = []
    project_end = stage_end = 0  # (each needle's finditer goes on from the end of its last match)
    codes, opens, ends = _NEEDLE_CODES, _NEEDLE_OPENS, _NEEDLE_ENDS
    n = len(simple)
    before = 0x10000  # (the code of the character before; 0x10000: none, or one beyond the table)
    for at in range(n):
        o = ord(simple[at])
        if o >= 0x10000:
            before = 0x10000
            continue
        bits = ord(codes[o])
        if bits & 3 and at + 1 < n and at >= (project_end if bits & 1 else stage_end):
            second = ord(simple[at + 1])
            if second < 0x10000 and ord(codes[second]) & 16 and (o << 16 | second) in opens:
                if bits & 1:
                    m = _PROJECT_END_RE.match(simple, at)
                    if m is not None:
                        projects.append(at)
                        project_end = m.end()
                else:
                    m = _STAGE_WORD_RE.match(simple, at)
                    if m is not None:
                        stages.append(at)
                        stage_end = m.end()
        if bits & 4:
            if bits & 8 or (before < 0x10000 and ord(codes[before]) & 32 and (before << 16 | o) in ends):
                if _FACILITY_END_RE.match(simple, at) is not None:
                    facilities.append(at)
        before = o
    return projects, stages, facilities


def _run_start(before: str, line: str, at: int) -> int:
    """Where the run holding line[at] starts: after the last stop character before ``at`` (a character
    whose code the table ``before`` marks: ``_before``), else 0. The characters before ``at`` are
    read back one by one, their codes looked up in place (compiled): a regex ``.*`` then the class,
    matched up to ``at``, stepped back as far but cost a call into the engine and its setting up."""
    k = min(at, len(line)) - 1
    while k >= 0:
        o = ord(line[k])
        if o < 0x10000 and ord(before[o]) != 0:
            return k + 1
        k -= 1
    return 0


def _run_end(before: str, line: str, at: int) -> int:
    """Where the run holding line[at] ends: at the first stop character from ``at`` on (a character
    whose code the table ``before`` marks), else the line's end: ``stop.search(line, at)``'s start,
    read forward in place (see ``_run_start``)."""
    n = len(line)
    k = max(at, 0)
    while k < n:
        o = ord(line[k])
        if o < 0x10000 and ord(before[o]) != 0:
            return k
        k += 1
    return n


def _before(stop: re.Pattern) -> str:
    """The table ``_run_start`` takes for a class of stop characters."""
    return _BEFORE.get(stop.pattern) or _stop_codes(stop.pattern)


def _list_finditer(line: str) -> list[re.Match]:
    """``list(_LIST_RE.finditer(line))``, tried only on the runs holding its needle."""
    deng = [m.start() for m in _LIST_NEEDLE_DENG_RE.finditer(line)] if "等" in line else []
    ge = [m.start() for m in _LIST_NEEDLE_GE_RE.finditer(line)] if "个" in line else []
    if not (deng or ge):
        return []
    return _runs_finditer_at(_LIST_RE, line, _LIST_STOP_RE, sorted(deng + ge) if deng and ge else deng or ge)


def _near_finditer(pattern: re.Pattern, line: str, needle: re.Pattern, span: int) -> list[re.Match]:
    """``list(pattern.finditer(line))`` for a pattern that never matches the empty string, whose every
    match holds a character ``needle`` finds (a one-character pattern) and reads at most ``span``
    characters from its start (lookaheads included; no ``$``): only the starts fewer than ``span``
    characters before such a character are tried, each search seeing ``span`` characters past the last
    start it may take (lookbehinds still see the text before)."""
    return _near_finditer_at(pattern, line, [m.start() for m in needle.finditer(line)], span)


def _near_finditer_at(
    pattern: re.Pattern,
    line: str,
    needles: list[int],
    span: int,
    stop: re.Pattern | None = None,
    opens: tuple[frozenset[str], frozenset[str]] | None = None,
) -> list[re.Match]:
    """``_near_finditer`` given the needle characters' offsets (ascending) instead of their pattern.

    With ``stop``, for a pattern whose matches hold none of its characters (a lookbehind may see one
    before): the starts before the last such character before a needle are not tried for it. With
    ``opens`` (firsts, afters), for a pattern whose every match opens with one of the firsts or right
    after one of the afters: only those starts are tried (``_opening_search``).
    """
    found: list[re.Match] = []
    floor = 0  # finditer goes on from the end of the last match
    lo = hi = -1  # the starts to try next: lo … hi, merged over needle characters close together
    n = len(line)
    before = None if stop is None else _before(stop)
    for at in [*needles, -1]:
        first = at - span + 1  # the first start that may reach this needle
        if at >= 0 and before is not None:
            first = max(first, _run_start(before, line, at))
        if at >= 0 and hi >= 0 and first <= hi + 1:
            hi = at
            continue
        start, end = max(lo, floor), min(n, hi + span)
        while hi >= 0 and start <= hi:
            if opens is None:
                m = pattern.search(line, start, end)
            else:
                m = _opening_search(pattern, line, start, min(hi, end - 1), end, opens[0], opens[1])
            if m is None or m.start() > hi:
                break
            found.append(m)
            start = floor = m.end()
        lo, hi = first, at
    return found


def _opening_search(
    pattern: re.Pattern,
    line: str,
    start: int,
    last: int,
    end: int,
    firsts: frozenset[str],
    afters: frozenset[str],
) -> re.Match | None:
    """``pattern.search(line, start, end)`` if its match starts at ``last`` or before, else None, for a
    pattern whose every match opens with one of ``firsts`` or right after one of ``afters``: a pattern
    opening with a lookbehind gives the engine no first character to scan for, so it would try it at
    every position, each try dearer than this test of two characters."""
    for at in range(start, last + 1):
        if line[at] in firsts or (at > 0 and line[at - 1] in afters):
            m = pattern.match(line, at, end)
            if m is not None:
                return m
    return None


def _keyed_search(pattern: re.Pattern, keys: tuple[str, ...], line: str) -> re.Match | None:
    """``pattern.search(line)`` for a pattern whose every match holds one of ``keys``: a line that
    holds none (most lines) is not searched, a substring test costing far less than the search."""
    for key in keys:
        if key in line:
            return pattern.search(line)
    return None


_CLAUSE_STOP_RE: Final = re.compile(r"[，,。；;：:]")


def _first_lead(line: str) -> re.Match | None:
    """The first lead of ``line`` (``_LEAD_RE.search``) when it is the first of its level (一是, 一要,
    第一，), else None; a line holding none of ``_FIRST_LEAD_KEYS`` (nearly all that hold 是, 第 or 要)
    is not searched."""
    lead = _keyed_search(_LEAD_RE, _FIRST_LEAD_KEYS, line)
    return lead if lead is not None and re.match("第?一", lead.group("num")) else None


def _clause_finditer(pattern: re.Pattern, line: str, key: re.Pattern | None = None) -> list[re.Match]:
    """``list(pattern.finditer(line))`` for a pattern that starts only at the line's start or right
    after one of ，,。；;：: (``(?:^|(?<=[，,。；;：:]))``) and never matches the empty string: the
    pattern is tried at those places only, not at every character of a long line. With ``key``, for a
    pattern whose every match stays in its clause (up to the next of those marks) and holds a match of
    ``key`` (a pattern without lookarounds whose matches hold none of the marks): only the clauses
    holding one (few) are tried, found from the key's matches."""
    starts = (
        [0, *(s.end() for s in _CLAUSE_STOP_RE.finditer(line))] if key is None else _keyed_starts(line, key)
    )
    return _clause_match_at(pattern, line, starts)


def _clause_match_at(pattern: re.Pattern, line: str, starts: list[int]) -> list[re.Match]:
    """``_clause_finditer`` tried at the given clause starts (ascending): the matches there, each start
    inside an earlier match skipped as ``finditer`` would."""
    found: list[re.Match] = []
    end = 0
    for at in starts:
        if at < end:
            continue  # inside the previous match: finditer goes on from its end
        m = pattern.match(line, at)
        if m is not None:
            found.append(m)
            end = m.end()
    return found


def _keyed_starts(line: str, key: re.Pattern) -> list[int]:
    """The starts of the clauses of ``line`` (see ``_clause_finditer``) that hold a match of ``key``."""
    starts: list[int] = []
    hit = key.search(line)
    if hit is None:
        return starts
    while hit is not None:
        starts.append(_clause_left(line, hit.start()))
        after = _CLAUSE_STOP_RE.search(line, hit.end())
        if after is None:
            break
        hit = key.search(line, after.end())
    return starts


def _clause_starts(line: str, positions: list[int]) -> list[int]:
    """The starts of the clauses of ``line`` (see ``_clause_finditer``) holding one of ``positions``
    (offsets of characters that are none of the marks, ascending), each once."""
    starts: list[int] = []
    past = -1  # the clause of the last start listed ends before this offset
    for at in positions:
        if at < past:
            continue
        starts.append(_clause_left(line, at))
        after = _CLAUSE_STOP_RE.search(line, at)
        if after is None:
            break
        past = after.end()
    return starts


# Words that make a phrase a sentence about projects rather than a project's name.
_COMPANY_STAGE_RE: Final = re.compile(
    r"引进|签约|落地|落户|投产|开工|达产|招引|洽谈|竣工|建成|扩产|扩建|增资"
)
# (what may open the text apart from the words anywhere: a pattern whose alternatives all start with
# a literal is one the engine scans for, a ^ among them makes it try every position)
_NOT_NAME_START_RE: Final = re.compile(r"\d{4}年|是|由")
_NOT_NAME_RE: Final = re.compile(
    r"项目办|紧紧围绕|我们|作为|抓|把|有待|破解|化解|通过|成立|成为|入选|随着|率先|创建|创成|争创|成熟|首个|其中|早$|"
    r"获得|获评|荣获|会议|大会|列为|打赢|帮助|《|仪式|部门|政治中心|副中心|纳入|列入|获批|书记|县长|市长|区长|镇长|乡长|常委会|党组成员"
)


def _not_a_name(text: str) -> bool:
    """``text`` opens with a year, 是 or 由, or holds a word no project's name holds."""
    first = text[:1]
    if (first in "是由" or first.isdecimal()) and _NOT_NAME_START_RE.match(text) is not None:
        return True
    return _NOT_NAME_RE.search(text) is not None


# Verbs after which a named thing is context (an existing facility used), not a project.
_CONTEXT_RE: Final = re.compile(r"(?:依托|围绕|用好|利用|随着|支持|依靠|借助|发挥|立足)$")
_CONTEXT_ENDS: Final = ("依托", "围绕", "用好", "利用", "随着", "支持", "依靠", "借助", "发挥", "立足", "\n")
_TALLY_RE: Final = re.compile(r"[^，,。；;]{0,12}?(?:项目|工程)")
_COUNT_AFTER_RE: Final = re.compile(
    r"^(?:\([^)]*\)|（[^）]*）)?(?:不少于|不低于|超过|达到|达|有|共)?[\d.]+(?:万|千)?[个项家座条处所]"
)
_COUNT_AFTER_FIRST: Final = frozenset("(（不超达有共.")  # (and digits: tested before it)
# A kind of works followed by its area or length ("标准化厂房9万平方米", "高标准农田8000亩"):
# a class, when its name opens with a kind's word rather than a proper name ("清水溪生态河道建设6公里").
_AREA_AFTER_RE: Final = re.compile(r"[\d.]+(?:万|千)?(?:亩|平方米|公里|千米|公顷)")
_CLASS_OPENER_RE: Final = re.compile(
    r"^(?:高?标准化?|农村|城乡|城镇|老旧|乡村|村级|村组|通村|通组|户用|连片|普通|公共|居民|社区|乡镇|城市|县城|城区|病险|公立)+"
)
_CLASS_OPENER_FIRST: Final = frozenset("高标农城老乡村通户连普公居社县病")  # (its words' first characters)


# Activities a works is for, paired in its name ("研发及生产基地", "加工和销售中心"): one name, not two.
_ACTIVITIES: Final = frozenset(
    (
        "研发",
        "生产",
        "加工",
        "销售",
        "仓储",
        "物流",
        "展示",
        "交易",
        "制造",
        "检测",
        "培训",
        "运营",
        "办公",
        "科研",
    )
)


# Places, then the words of a class of projects: "X市Y镇重点项目", "Z区重大产业项目" (a town's projects
# as a whole, none named).
_PLACES_CLASS_RE: Final = re.compile(
    r"(?:[^\s，,。；;、]{1,6}?(?:省|市|县|区|镇|乡|街道|村))+"
    r"(?:重点|重大|产业|工业|签约|在建|新建|续建|民生|招商|开工|建设|实事)+(?:项目|工程)"
)


def _places_class(name: str) -> bool:
    """``name`` is a class of projects after the places that hold them (``_PLACES_CLASS_RE``)."""
    return name.endswith(("项目", "工程")) and _PLACES_CLASS_RE.fullmatch(name) is not None


def _kind_of_facility(core: str) -> bool:
    """``core`` (a name less its 项目/工程) is a kind of facility with the work done to it, none named:
    a class's word, then only a facility and its work ("老旧小区改造", "病险水库除险")."""
    kind_only = _class_opener(core)
    return kind_only is not None and _FACILITY_ONLY_RE.fullmatch(core, kind_only.end()) is not None


def _class_opener(name: str) -> re.Match | None:
    """``_CLASS_OPENER_RE.match(name)``, after a test of the first character (few names pass it)."""
    return _CLASS_OPENER_RE.match(name) if name[:1] in _CLASS_OPENER_FIRST else None


# (patterns used per match, compiled once)
_LIST_SPLIT_RE: Final = re.compile(r"、|以及|和|(?<!涉)及|与|”“")
_JOINED_SPLIT_RE: Final = re.compile(r"以及|与|及|和")


def _fields_listed(names: list[str]) -> bool:
    """The pieces of a list before 等 are fields of work, not names ("交通、水利、能源"): at least two of
    them, and half or more, are words of two characters."""
    short = sum(1 for n in names if len(n.strip()) <= 2)
    return short >= 2 and 2 * short >= len(names)


def _last_joined(name: str) -> str:
    """``_JOINED_SPLIT_RE.split(name)[-1]``: a name holding none of 与, 及 (以及) and 和 is its own last
    piece (three substring tests instead of a call into the regex engine)."""
    if "与" in name or "及" in name or "和" in name:
        return _JOINED_SPLIT_RE.split(name)[-1]
    return name


_SUBJECT_SPLIT_RE: Final = re.compile(r"、|和|以及|及|与")  # (以及 whole: "A以及B" is not "A以", "B")
_STOP_RE: Final = re.compile(r"[，。]")
_DIGIT_STOP_OR_DENG_RE: Final = lazy(r"\d|[，。等]")
_PROJECT_END_AT_END_RE: Final = re.compile(_PROJECT_END + "$")
# The project end words as written (their lookaheads hold at the text's end), by length, longest first.
_PROJECT_END_SUFFIXES: Final = tuple(
    sorted({re.sub(r"\(\?!.*\)$", "", w) for w in _PROJECT_END_WORDS.split("|")}, key=len, reverse=True)
)
_PROJECT_END_LONGEST: Final = len(_PROJECT_END_SUFFIXES[0])
_PROJECT_END_SHORTEST: Final = len(_PROJECT_END_SUFFIXES[-1])
_PROJECT_END_SET: Final = frozenset(_PROJECT_END_SUFFIXES)


def _without_project_end(name: str) -> str:
    """``_PROJECT_END_AT_END_RE.sub("", name)`` for a name without a newline: the longest project end
    word ``name`` ends with cut off (the leftmost match is the longest; each word's lookahead holds at
    the end), found by slicing the last two to four characters instead of a call into the engine."""
    for k in range(min(_PROJECT_END_LONGEST, len(name)), _PROJECT_END_SHORTEST - 1, -1):
        if name[len(name) - k :] in _PROJECT_END_SET:
            return name[: len(name) - k]
    return name


_PHASE_RE: Final = re.compile(r"[一二三四五六七八九十\d]期")
_OPENED: Final = frozenset(("开通", "通车", "贯通", "启用", "投用", "投入使用"))  # (stages: a works in use)
_PHASE_END_RE: Final = re.compile(r"[一二三四五六七八九十\d]期$")  # (a works' phase after its name)
_LEADING_DIGIT_RE: Final = re.compile(r"^[\d.]")
# A facility's floor area or length before its name ("1.3万平方米X大楼"): no part of the name.
_SIZE_FIRST_RE: Final = re.compile(r"[\d.]+(?:万|千)?(?:平方米|平米|㎡)(?![\d.])")
# The work done, before a facility's kind ("改建农村公路", "新改建X"): not part of a name.
_WORK_LEAD_RE: Final = re.compile(r"^(?:新建|改建|扩建|新改建|改扩建|新建改建)+")
_NOT_NAME_CHAR_RE: Final = re.compile(r"[^\u3400-\u9fffA-Za-z0-9()（）·-]")
# a numbered entry that names a project: "(一)X项目：该项目总投资…"
_ENTRY_HEAD_RE: Final = re.compile(
    rf"[^，,。；;：:\n]{{2,40}}?{_PROJECT_END}(?:[(（][^)）]{{1,4}}[)）])?(?=[：:，,。；;]|$)"
)
_SAID_RE: Final = re.compile(r".*(?:[了的]|包括)")
# Verbs of a sentence about projects (seeing, hearing, visiting, stirring up, holding to) that a
# project's name never holds: what a name starts after the last of them ("检查组深入项目",
# "随后查看X项目", "掀起项目攻坚热潮", "坚持以项目论英雄"); and the same for a stage verb's subject
# led by a preposition or an adverb ("于8月下旬开工", "并顺利通车", "督促其尽快投产", "此次集中签约").
# (并对|另对… spelt out: with a group among the alternatives the engine has no first characters to
# scan for, and tries the pattern at every position)
_SENTENCE_VERB_RE: Final = re.compile(
    r"听取|察看|查看|走进|走访|来到|深入|观摩|视察|调研|参观|掀起|坚持|聚焦|强化|加强|切实|让|使|促其|将|举行|包括|"
    r"并对|另对|又对|还对|再对|目前|已|组(?<!合作组)织(?!中心)|召开|主持|督促|引导|探索|出席|开展|参与|肯定|"
    r"进行|保障(?![房性])|启动(?![区建])"
)
_SUBJECT_NOT_NAME_RE: Final = re.compile(
    r"^(?:于|并|此次|本次|这次|促|其|后|再|又|也|还|就|才|均|都|要|应|需|须|[一二三四]季度|[上下]半年)|季度$|(?:做好|抓好|办好)$|(?:集中|尽快|早日|组织|统一|同步|一批|\d+月[初中底]?|[上中下]旬|加快|加速|全力|努力|每[年季月周日]|发展|·)$"
)
# A time after a stage verb's subject ("X拟于10月建成"): not part of the name.
_SUBJECT_TIME_RE: Final = re.compile(
    r"(?:(?:已|将|均|拟|计划|预计|力争)?于|预计|计划|力争)[\d一二三四五六七八九十]+月(?:初|底|中旬|上旬|下旬|份)?前?$"
)
# A number in a list's name counts or costs ("3个X", "X 500万元"), unless it is a capacity or part
# of a code ("1万千瓦X光伏", "5G智能X"): a name may hold those.
# A number inside a name is no count when a unit of the works' size or a generation follows it
# ("2万千瓦", "8.5代线"): it names the works.
_COUNTED_RE: Final = re.compile(r"\d+(?:\.\d+)?(?![\d.A-Za-z]|万?(?:千瓦|兆瓦|千伏|吨)|代)")
# A road named by its code ("X031线", "Y12线…段公路") or a metro line by its number ("轨道交通5号线",
# "7号线"): its digits are part of its name.
_CODED_ROAD_RE: Final = re.compile(
    r"(?:[A-Z]{1,3}\d{2,4}线?|[A-Z]\d线|(?:轨道交通|地铁|轻轨)?\d{1,3}号?线)[^\d]*$"
)
# "A和B项目" joining two names of five characters or more ("X标准化养殖和Y示范项目"; not
# "文化和旅游融合项目", one name).
# (以及 needs a name of four characters before it: "A以及B" is never cut as "A以" and "B")
_JOINED_RE: Final = re.compile(
    r"(?:(?<=[^和及与]{5})(?:和|(?<!以)及)|(?<=[^和及与]{4})以及)(?![其配])(?=[^和及与]{5})"
)
# "A和B小区X项目": a short name before 和 whose kind is the one the name after it holds (an estate,
# a village): two works ("东区和西区…" no: the name before 和 is no kind itself).
_SHARED_KIND_RE: Final = re.compile(r"和[^和及与]{2,4}?(?:小区|社区|村)[^和及与]{2,10}(?:项目|工程)")
_AND_RE: Final = re.compile("和")
# "A、B等各类工程机械": the list's tail word is part of a longer noun (vehicles, a team, money).
_TAIL_NOUN_RE: Final = re.compile(r"车|部|师|队|款|机械|设备|人员|资金")
# "签约项目3个：A、B、C。" / "引进企业：A、B": the names after a colon closing a clause on projects.
_COLON_NEEDLE_RE: Final = re.compile(
    r"(?:项目|企业)[^，,。；;：:\n]{0,8}[：:]"
)  # (the head of _COLON_LIST_RE)
_COLON_LIST_RE: Final = lazy(
    _COLON_NEEDLE_RE.pattern + r"(?P<list>[^，,。；;：:\n]{2,}、[^，,。；;：:\n]{2,})"
)
# A bare 项目 after a preposition or a verb whose object it is ("为项目揭牌", "宣布项目启动",
# "围绕项目干", "协调解决项目建设中的问题"): projects in general, no name before it.
_OBJECT_PROJECT_RE: Final = re.compile(
    r"(?:为|对|把|向|给|围绕|聚焦|宣布|推进|促推|推动|强攻|解决|指导|服务|保障|提供|召开(?:一次)?|调度)项目$"
)


def _object_project(s: str, start: int, end: int) -> re.Match | None:
    """``_OBJECT_PROJECT_RE.search(s, start, end)`` (offsets ≥ 0): every match ends with 项目 at ``end``
    ($: or before a newline there), so the search is made only when s[start:end] ends so."""
    if s.endswith(("项目", "项目\n"), start, end):
        return _OBJECT_PROJECT_RE.search(s, start, end)
    return None


# "第三场市级项目签约仪式": an event counted, its projects unnamed.
_ORDINAL_EVENT_RE: Final = re.compile(r"第[\d一二三四五六七八九十]+[场次轮]")
_FIRST_OF_KIND_RE: Final = re.compile(r"首个|首家|首条|首座|第一个")
_NOT_A_WORK_AFTER_RE: Final = re.compile(
    r"(?:等)?(?:项目)?(?:资金|资产)|组(?<=中心组)|村(?<=中心村)|机制|制度|“[^”]{1,8}”(?:模式|经验)|(?:、[^，,。；;、]{1,20})*等[^，,。；;]{0,6}(?:工作|方面|领域|行业)|"
    r"[^，,。；;]{0,12}等(?:问题|困难|矛盾|难题|事项)|(?:、[^，,。；;、]{1,20})*等[^，,。；;]{0,6}(?:场所|区域|资源|机遇|产业链|单位|点位|平台)|与[^，,。；;]{2,30}?(?:融合|对接|合作|联动)|"
    r"为(?:品牌|主题|抓手|载体|依托)"
)
# Speed: a match opens with one of these, or holds 等 within 13 characters (tested before the pattern).
_NOT_A_WORK_FIRST: Final = frozenset("等项资“、与为组村机制")
_WHOLE_AREA_RE: Final = re.compile(r"全(?:街|镇|乡|县|区|市|村)")


def _listed(line: str, q0: int, end: int, seps: str) -> list[tuple[int, int]]:
    """The pieces of ``line[q0:end]`` set apart by ``seps``, the first after its leading verbs."""
    pieces = _pieces(line, q0, end, seps)
    if pieces:
        x, y = pieces[0]
        verb = _last_sentence_verb(line[x:y])
        lead = _leading(line[x + verb : y])
        pieces[0] = (x + verb + (lead.end() if lead else 0), y)
    return pieces


def _names_before(line: str, q0: int, end: int) -> list[tuple[int, int]]:
    """ "服务好A、B项目": the names listed with 、 before a project's name in its clause (from
    ``q0`` to ``end``, the last 、), the first after its leading verbs; none unless every one is a
    name of four to twenty characters without a number (not "教育、医疗项目", fields)."""
    pieces = _listed(line, q0, end, "、")
    if not pieces:
        return []
    names = [
        (x, y)
        for x, y in pieces
        if 4 <= y - x <= 20 and not re.search(r"[\d“”\"等]", line[x:y]) and not _not_a_name(line[x:y])
    ]
    if len(names) < len(pieces) or any(_generic(line[x:y]) or _is_class(line[x:y]) for x, y in names):
        return []
    return names


def _facilities_before(line: str, q0: int, end: int) -> list[tuple[int, int]]:
    """ "A路和B街等主干道": the facilities listed with 、 or 和 before a facility's name in its clause
    (from ``q0`` to ``end``, the joiner before it), the first after its leading verbs; none unless
    every one is a name of three to twenty characters that ends in a facility word."""
    pieces = _listed(line, q0, end, "、和")
    if not pieces:
        return []
    for x, y in pieces:
        name = line[x:y]
        if not 3 <= y - x <= 20 or _FACILITY_STOP_RE.search(name) or "“" in name or "”" in name:
            return []
        if not _FACILITY_END_RE.search(name, y - x - 1) or _is_class(name) or _not_a_name(name):
            return []
        kind_only = _class_opener(name)
        if kind_only and _FACILITY_ONLY_RE.fullmatch(name, kind_only.end()):
            return []  # "农村公路和X路": a kind of facility, none named
    return pieces


def _last_sentence_verb(name: str) -> int:
    """Where a name may start: after the last verb of a sentence about projects in it, else 0."""
    if not _SENTENCE_VERB_RE.search(name):
        return 0
    return max(m.end() for m in _SENTENCE_VERB_RE.finditer(name))


# (the patterns _list_is_context tests, compiled once: ``re.match`` looks each up in its cache per call)
_LIST_CONTEXT_RE: Final = re.compile(r"(?:随着|依托|用好|利用|围绕|依靠|借助|(?:充分)?发挥)")
_LIST_FIELDS_RE: Final = re.compile(
    r"等(?:多个?|各)?(?:领域|行业|方面|产业(?!项目)|板块|[一二三四五六七八九十两]+大|地(?!块)|为重点|为主|场景|类型)"
)
_COMPANY_OTHER_RE: Final = re.compile(r"荣获|称号|转型|入驻")
# A count of aspects after a list ("A、B两个方面", "A、B等三个领域"): the list names no works.
_ASPECTS_COUNTED_RE: Final = re.compile(r"等?(?:\d+|[两三四五六七八九十])个(?:方面|领域)")


def _list_is_context(line: str, m: re.Match, q0: int, q1: int) -> bool:
    """A list of names that are not projects: existing facilities or landmarks given as context
    ("随着A、B等重大工程的建设"), or companies listed for something other than coming or producing
    (honours, upgrading): a company counts as a project when it is introduced, signed, settled, started
    or producing."""
    if _LIST_CONTEXT_RE.match(m.group("list")):
        return True
    tail = m.group()[m.end("list") - m.start() :]
    if _LIST_FIELDS_RE.match(tail):
        return True  # "在A、B等领域新招引项目": fields; "A提速、B提质等八大工程": set phrases; "在A、B等地": places
    if m.group("list").endswith(("“", '"')):
        return True  # "落实市委提出的“六个工程”": the count opens a named set in quotation marks
    if m.group("list").rstrip("0123456789.").endswith("的"):
        return True  # "A、B调度的3个项目": who holds the projects, not their names
    if line.startswith(("资金", "资产"), m.end()):
        return True  # "A、B等项目资金": money, not projects
    if "契机" in line[m.end() : m.end() + 8]:
        return True  # "以A、B等项目为契机": an occasion taken, the projects named elsewhere
    if not m.group().endswith("企业"):
        return False
    clause = line[q0 : min(len(line), q1 + 12)]
    if line.endswith(("其中，", "其中,"), 0, q0):  # "落户企业24家，其中，A、B等亿元级企业9家": theirs
        clause = line[max(0, q0 - 24) : min(len(line), q1 + 12)]
    return not _COMPANY_STAGE_RE.search(clause) or bool(_COMPANY_OTHER_RE.search(clause))


# "成为…基地" / "打造成…示范区": the phrase after names a designation.
_BECOMES_RE: Final = re.compile(
    r"成为|(?:打造|建设|建)成(?:为)?$|(?:打造|建设)成|纳入|列入|评为|认定为|命名为"
)
# A clause led by one of these uses what it names (context), it does not build it.
_CONTEXT_LEAD_RE: Final = re.compile(
    r"[ \t]*(?:随着|(?:充分)?(?:发挥|依托|利用|用好|借助|围绕|紧紧围绕|依靠|立足|通过|巩固|坚持|紧扣|紧盯|瞄准|惠及))"
)
_CONTEXT_LEAD_FIRST: Final = frozenset(" \t随充发依利用借围紧立通巩坚瞄惠")  # (tested before it)


_HONOURED_AFTER_RE: Final = re.compile(
    r"[^，,。；;\n]{0,4}(?:获评|荣获|被评为|被授予|入选|列入|纳入|(?:获得|获批)[^，,。；;\n]{0,16}(?:试点|示范|称号|先进|奖))"
    r"|[^，,。；;\n]{0,8}?(?:上榜|入围|晋升|获选|被认定|被命名)|成为[^，,。；;\n]{0,10}?(?:入选|获评|称号)|获批(?:为|成为|设立)?[^，,。；;\n]{0,12}(?:区|园|基地|中心)(?![^，,。；;\n]{0,4}建设)"
)
# "等" then a class of what was listed ("等一批文旅项目", "等3个项目", "等重点项目"): the names before it.
# "A、B等一批闲置资产盘活": what the list is a class of is assets or funds, not works.
# "国家农村产业融合发展示范园": a demonstration zone of a level is a designation (not "…示范园项目").
_LEVEL_DESIGNATION_RE: Final = re.compile(
    r"(?:国家级?|全国|省级?|自治区级?|市级)[^，,。；;]{0,20}示范(?!.*(?:项目|工程)$)"
)
_LEVEL_DESIGNATION_FIRST: Final = frozenset("国全省自市")
_PLACED_DESIGNATION_RE: Final = re.compile(
    r"[^，,。；;]{1,6}?国家级?[^，,。；;]{0,20}示范(?!.*(?:项目|工程)$)"
)
# Speed: each of its words opens with one of these, at most 8 characters after the name (a window
# tested first: most names are followed by none).
_HONOURED_FIRST_RE: Final = re.compile("[获荣被入列纳上晋成]")
# "X中心主任李某": the head of an office named, not a works.
_POST_AFTER_RE: Final = re.compile(r"主任|副主任|院长|局长|书记|主席|经理|负责人|董事长|校长|站长|所长|馆长")
_POST_AFTER_FIRST: Final = frozenset(w[0] for w in _POST_AFTER_RE.pattern.split("|"))
# A count of a set whose name follows in quotation marks ("三大“X”问题", "两个“Y”"): what stands
# before it are the set's members.
_SET_COUNT_RE: Final = re.compile(r"[两三四五六七八九十\d]{1,2}[大个项](?:“|\")")
_SET_COUNT_FIRST: Final = frozenset("两三四五六七八九十0123456789")
_ASSETS_CLASS_RE: Final = re.compile(r"等[^，,。；;]{0,6}(?:资产|资金|资源)")
_CLASSED_AFTER_RE: Final = re.compile(r"等(?:一批|[\d两三四五六七八九十]+[个项家座条处所]|重点|重大)")


def _not_named(line: str, a: int, b: int) -> bool:
    """line[a:b] is not a named project: a class counted right after it ("技改项目5个"), a phrase
    inside quotation marks (a slogan or a positioning), a sentence fragment, or context."""
    name = line[a:b]
    after = line[b : b + 1]  # (the first character after the name: each pattern below opens with few)
    count = (
        _COUNT_AFTER_RE.match(line[b : b + 12]) if after in _COUNT_AFTER_FIRST or after.isdecimal() else None
    )
    if (count and not _TALLY_RE.match(line, b + count.end())) or _not_a_name(name):
        return True  # ("X项目3个Y类项目": the count tallies a list of names, X among them)
    if (_class_opener(name) or name.endswith("基地")) and _AREA_AFTER_RE.match(line, b):
        return True
    if _HONOURED_FIRST_RE.search(line, b, b + 9) and _HONOURED_AFTER_RE.match(line, b):
        return True  # "X食堂荣获…": what earns an honour is no project
    if after in _SET_COUNT_FIRST and _SET_COUNT_RE.match(line, b):
        return True  # "A、B、C工程三大“X”问题": the members of a named set, counted, not works
    if after in _POST_AFTER_FIRST and _POST_AFTER_RE.match(line, b):
        return True  # "X中心主任": a post
    if name[:1] in _LEVEL_DESIGNATION_FIRST and _LEVEL_DESIGNATION_RE.match(name):
        return True  # "国家X示范园": a designation
    if "国家" in name[1:8] and _PLACED_DESIGNATION_RE.match(name):
        return True  # "X国家Y示范区": a designation given to a place (its name first)
    if name.endswith("中心") and line.startswith(("城市", "城区", "镇区"), b):
        return True  # "X中心城区建设": the central part of a town, not a centre built

    if line.rfind("“", 0, a) > line.rfind("”", 0, a) and "”" in line[b:]:
        return True
    clause_start = _clause_left(line, a)
    said = line[clause_start:a] + name[:1]
    if ("成" in said or "入" in said or "为" in said) and _BECOMES_RE.search(said):  # (each word holds one)
        return True  # what a thing is made into or becomes is a designation, not a project
    if "等" in line[clause_start:a] or (
        line[clause_start : clause_start + 1] in _CONTEXT_LEAD_FIRST
        and _CONTEXT_LEAD_RE.match(line, clause_start, b)
    ):
        return True  # "A、B等数字教育项目": a class after 等; "充分发挥X作用": context
    if (name.startswith("全") and _WHOLE_AREA_RE.match(name)) or (
        (line[b : b + 1] in _NOT_A_WORK_FIRST or "等" in line[b : b + 13])
        and _NOT_A_WORK_AFTER_RE.match(line, b)
    ):
        return True  # "全街老旧小区改造": a kind of work; "X项目资金", "X基地“Y”模式"
    if "等" in line[b : b + 40] and _ASSETS_CLASS_RE.search(line[b : _clause(line, a, b)[1]]):
        return True  # "A中心、B小学等一批闲置资产重新利用": assets put to use again
    if _HONOUR_BEFORE_RE.search(line, clause_start, b):
        return True  # "相继创成A、B、C": each is a designation earned
    before = line[max(0, a - 4) : a]
    if before.endswith(_CONTEXT_ENDS) and _CONTEXT_RE.search(before):
        return True
    if before.endswith("代表的"):
        return True  # "以A为代表的B工程": A is named, B is the class it stands for
    before = line[max(0, a - 6) : a]
    # (each word of _HONOUR_RE holds one of _HONOUR_CHARS: tested first, as constants)
    honour = "创" in before or "评" in before or "入" in before or "命" in before or "荣" in before
    return honour and _HONOUR_RE.search(before) is not None


# A row of a table of projects: its number, then the name, then the next column (the spaces between
# columns are gone once the text is normalised: "3X项目新建…", "3　X项目　新建…").
_ROW_RE: Final = re.compile(
    rf"[ \t　]*\d{{1,3}}[ \t　]*(?P<name>[^\d\s，,。；;：:、.．个项年月日万亿千百户人家座条所次名%％]"
    rf"[^\d\s，,。；;：:、]{{1,39}}?{_PROJECT_END})(?=$|[ \t　\d（(]|新建|改造|建设|续建|扩建|总投资|计划|主要)"
)
# A form's field: "项目名称：X".
_NAMED_FIELD_RE: Final = lazy(r"项目名称[：:][ \t　]*(?P<name>[^\s，,。；;：:]{2,40})")


def _more_projects(
    lines: _Lines,
    lists: list[tuple[int, int]],
    livelihood_spans: list[tuple[int, int]],
    add: _Add,
    facility_ends: list[list[int]],
    stage_words: list[list[int]],
) -> None:
    """Projects the suffix rule misses: numbered project-list entries, named facilities with the work
    done to them, and the subjects of stage verbs ("A、B实现签约", "X正式投产").

    ``facility_ends``, ``stage_words``: ``_line_hits`` of ``_FACILITY_END_RE`` (ends) and of
    ``_STAGE_WORD_RE`` (starts), found with the project ends in one scan (``_needle_hits``)."""
    for i, (line_start, line) in enumerate(lines):
        if _inside(lists, line_start):
            continue
        kind_at = lambda k: LIVELIHOOD if _inside(livelihood_spans, k) else PROJECT  # noqa: E731
        row = _ROW_RE.match(line) if line[:1].isdigit() or line[:1] in " \t　" else None
        if row is None and "项目名称" in line:
            row = _NAMED_FIELD_RE.search(line)
        if row is not None and not _generic(row.group("name")) and not _is_class(row.group("name")):
            a = line_start + row.start("name")  # a table's row "3　X项目　…", a form's "项目名称：X"
            invest = _INVEST_RE.search(line)
            add(
                kind_at(a),
                a,
                line_start + row.end("name"),
                line_start,
                line_start + len(line),
                investment=_money(invest) if invest else None,
            )
        style = _enum_style(line)
        if style is not None and style[0] != "lead":  # "(一)X项目：该项目总投资…"
            head = _ENTRY_HEAD_RE.match(line[style[1] :])
            if (
                head
                and not _generic(head.group())
                and not _is_class(head.group())
                and not _not_named(line, style[1], style[1] + len(head.group()))
            ):
                a = line_start + style[1]
                invest = _INVEST_RE.search(line)
                stage = _STAGE_RE.search(line)
                add(
                    kind_at(a),
                    a,
                    a + len(head.group()),
                    line_start,
                    line_start + len(line),
                    stage=stage.group() if stage else None,
                    investment=_money(invest) if invest else None,
                )
        # Where facility words end (few places): a facility's match holds one, the worked pattern's holds
        # one followed by the work done (or a road's code), a quoted facility's one followed by ”.
        ends = facility_ends[i]
        if ends:  # "修缮“X路”和“Y桥”": a facility named in quotation marks, with the work done to it
            for m in _quoted_finditer(line, ends):
                q0, q1 = _clause(line, m.start(), m.end())
                if _QUOTED_WORK_RE.search(line, q0, m.start()) and not _HONOUR_WORD_RE.search(
                    line, q0, m.start()
                ):
                    a = line_start + m.start("name")
                    add(kind_at(a), a, line_start + m.end("name"), line_start + q0, line_start + q1)
        closing = "”" in line  # (most lines have none: the tests below that need one are skipped)
        # "“A镇B改造提升工程”“C项目”": a project's full name quoted
        if closing and ("项目”" in line or "工程”" in line):
            for m in _QUOTED_PROJECT_RE.finditer(line):
                name = m.group("name")
                if not _is_class(name) and not _generic(name):
                    a = line_start + m.start("name")
                    add(
                        kind_at(a),
                        a,
                        line_start + m.end("name"),
                        line_start + m.start(),
                        line_start + m.end(),
                    )
        counted: list[re.Match] = []
        if "分别" in line:  # "省重点项目共9项，…。分别是：A、B和C。": the projects counted, named
            for m in _COUNTED_NAMES_RE.finditer(line):
                if _PROJECTS_COUNTED_RE.search(line, max(0, m.start() - 160), m.start()):
                    counted.append(m)
        if ("（" in line or "(" in line) and "项目" in line:
            counted += _BRACKETED_NAMES_RE.finditer(line)
        for m in counted:
            for x, y in _pieces(line, m.start("list"), m.end("list"), "、和"):
                x += len(line[x:y]) - len(line[x:y].lstrip())
                name = line[x:y].rstrip().removesuffix("等")
                if 3 <= len(name) <= 40 and not _generic(name) and not _is_class(name):
                    add(
                        kind_at(line_start + x),
                        line_start + x,
                        line_start + x + len(name),
                        line_start + m.start("list"),
                        line_start + m.end("list"),
                    )
        if "元的" in line:  # "总投资3000余万元的X水库": a facility its cost introduces
            for m in _INVESTED_FACILITY_RE.finditer(line):
                core = m.group("name")
                if len(core) >= 4 and not _is_class(core) and not _class_opener(core):
                    q0, q1 = _clause(line, m.start(), m.end())
                    a = line_start + m.start("name")
                    add(kind_at(a), a, line_start + m.end("name"), line_start + q0, line_start + q1)
            for m in _INVESTED_ENTRY_RE.finditer(line):  # "引进投资N亿元的A、投资M亿元的B": each entry
                listed = line.startswith("、投资", m.end()) or line[m.start() - 1 : m.start()] == "、"
                core = m.group("name")
                if listed and not _is_class(core) and not _class_opener(core) and not _generic(core):
                    a = line_start + m.start("name")
                    add(
                        kind_at(a),
                        a,
                        line_start + m.end("name"),
                        line_start + m.start(),
                        line_start + m.end(),
                    )
        if closing:  # "X村“Y”农文旅项目": a project's name with a quoted brand inside
            for m in _QUOTED_INSIDE_RE.finditer(line) if "项目" in line or "工程" in line else ():
                x = m.start()
                while x > max(0, m.start() - 8) and line[x - 1] not in _QUOTED_INSIDE_STOPS:
                    x -= 1
                x += _last_sentence_verb(line[x : m.start()])
                lead = _leading(line[x : m.start()])
                x += lead.end() if lead else 0
                before, after = line[x : m.start()], m.group("kind")
                if len(_without_generic_words(before)) < 2 and len(_without_generic_words(after)) < 2:
                    continue  # "全省“三个一批”重点项目": a campaign's projects, none named
                if _JOINED_SPLIT_RE.search(after) or "工作" in after:
                    continue  # "“X”建设工作和重点项目": two things, neither named
                if _is_class(line[x : m.end()]) or _not_named(line, x, m.end()):
                    continue
                q0, q1 = _clause(line, m.start(), m.end())
                add(
                    kind_at(line_start + x),
                    line_start + x,
                    line_start + m.end(),
                    line_start + q0,
                    line_start + q1,
                )
        for m in [*_facility_finditer(line, ends), *_worked_finditer(line, ends)]:
            name = m.group("name")
            verb = _last_sentence_verb(name)
            lead = _leading(name[verb:])  # (its ^ holds at the string's start only)
            skip = verb + (lead.end() if lead else 0)
            core = name[skip:]
            size = _SIZE_FIRST_RE.match(core) if core[:1].isdecimal() else None
            if size and len(core) - size.end() >= 4:
                skip, core = skip + size.end(), core[size.end() :]  # "新建1.3万平方米X大楼": X大楼
            if len(core) < 3 or _is_class(core) or _LEADING_DIGIT_RE.match(core):
                continue
            work = _WORK_LEAD_RE.match(core) if core[:1] in "新改扩" else None
            kind_only = _class_opener(core[work.end() :] if work else core)
            if kind_only and _FACILITY_ONLY_RE.fullmatch(core, kind_only.end() + (work.end() if work else 0)):
                continue  # "农村公路", "居民小区改造", "改建农村公路": a kind of facility, none named
            if core.endswith("街") and line.startswith(("道", "街道"), m.end("name")):
                continue  # "…安居新街道", "X街街道": a street office, not a street
            if _not_named(line, m.start("name") + skip, m.end("name")):
                continue
            a = line_start + m.start("name") + skip
            q0, q1 = _clause(line, m.start(), m.end())
            stage = _STAGE_RE.search(line[q0:q1])
            campus = _CAMPUS_AFTER_RE.match(line, m.end("name"))  # "X医院东湖院区": the campus is the works
            if m.start() == m.start("name") and line[m.start() - 1 : m.start()] in ("和", "、"):
                for x, y in _facilities_before(line, q0, m.start() - 1):  # "A路和B街等主干道…改造"
                    add(
                        kind_at(line_start + x),
                        line_start + x,
                        line_start + y,
                        line_start + q0,
                        line_start + q1,
                    )
            add(
                kind_at(a),
                a,
                line_start + (campus.end() if campus else m.end("name")),
                line_start + q0,
                line_start + q1,
                stage=stage.group() if stage else None,
            )
        for m in _clause_match_at(_SUBJECT_RE, line, _clause_starts(line, stage_words[i])):
            if line.startswith("小康", m.end()):
                continue  # "决胜全面建成小康社会": a national goal, no works
            subject = m.group("subject")
            pos = m.start("subject")
            label = subject.rfind("”项目")  # "“N”项目X投产": a programme's label, then the name
            if label >= 0 and "“" not in subject[label:] and len(subject) - label - 3 >= 2:
                pos += label + 3
                subject = subject[label + 3 :]
            if "“" in subject or "”" in subject:
                continue
            said = subject.rfind("的")  # "可容纳N人的X开工", "占地N亩的X建成": what follows 的 names it
            if said >= 0:
                if len(subject) - said - 1 < 3:
                    continue  # "引进有实力、有潜力的企业落户": qualities of a kind, no name
                pos += said + 1
                subject = subject[said + 1 :]
            listed = "等" in subject  # (a list before 等 is set apart by 、: "A及B等…" is one name)
            if listed and _CONTEXT_LEAD_RE.match(subject):
                continue  # "随着A、B等一批大工程的加快建设": context
            if listed:  # "A、B等一批文旅项目开业": the names before 等
                subject = subject[: subject.index("等")]
                if not (
                    _CLASSED_AFTER_RE.match(m.group("subject"), len(subject))
                    or m.group("subject").endswith("等")
                ):  # ("A、B等顺利投产": the names, then at once what became of them)
                    continue
            for name in subject.split("、") if listed else _SUBJECT_SPLIT_RE.split(subject):
                k = line.find(name, pos)
                pos = k + len(name)
                enum = _enum_match(name)  # "(2)X开工": not after the entry's number
                skip = enum.end() if enum else 0
                lead = _leading(name[skip:])
                skip += lead.end() if lead else 0
                core = name[skip:].strip()
                when = _SUBJECT_TIME_RE.search(core)
                if when and when.start() >= 2:
                    core = core[: when.start()]
                if not (2 <= len(core) <= 20) or _SUBJECT_GENERIC.search(core) or _is_class(core):
                    continue
                if (
                    _SUBJECT_NOT_NAME_RE.search(core)
                    or _SENTENCE_VERB_RE.search(core)
                    or _STAGE_WORD_RE.fullmatch(core)
                ):
                    continue
                if _NOT_NAME_CHAR_RE.search(core) or _not_a_name(core):
                    continue
                if m.group("stage") == "落地" and not _LANDED_RE.search(core):
                    continue
                if (
                    m.group("stage")[:2] in _PACES or m.group("stage") == "开通"
                ) and not _WORKS_END_RE.search(_PHASE_END_RE.sub("", core)):
                    continue  # "乡村振兴加快推进", "服务热线开通": not a works ("X高速二期": one)
                a = line_start + k + skip
                q0, q1 = _clause(line, m.start("subject"), m.end())
                # "X高铁开通运营", "X线全线贯通": a works named as opened to use, a project whatever the
                # words around it (the labeller's O does not drop it)
                opened = m.group("stage") in _OPENED and _WORKS_END_RE.search(_PHASE_END_RE.sub("", core))
                add(
                    kind_at(a),
                    a,
                    a + len(core),
                    line_start + q0,
                    line_start + q1,
                    stage=m.group("stage"),
                    sure=bool(opened),
                )


# A campus or a branch after a school's or a hospital's name ("X医院城东院区", "X中学新校区二期"): part
# of the name of the works.
_CAMPUS_AFTER_RE: Final = re.compile(
    r"[^，,。；;：:\n、“”的了和及与]{0,6}?(?:院区|校区|分院|分校)(?:[一二三四五六七八九十\d]期)?"
)


# "引进X有限公司、Y集团": companies named as brought in (a company in its full legal form, or any name
# the clause closes with a count of companies: "入驻A、B2家企业").
_BROUGHT_IN_RE: Final = re.compile(
    r"(?:引进|招引|引入|入驻|招商成立|注册成立|新成立)(?:了)?(?P<list>[^，,。；;：:\n]{4,120}?)(?=[，,。；;：:\n]|$|(?:等)?\d+[家户])"
)
_COMPANY_END_RE: Final = re.compile(r"(?:有限责任公司|有限公司|股份公司|公司|集团)$")
# The last company of a list, then what became of them all ("…、D有限公司均正式投产").
_COMPANY_THEN_STAGE_RE: Final = re.compile(
    rf"(?P<name>.+?(?:有限责任公司|有限公司|股份公司|公司|集团))(?:均|已|正式|顺利|相继|先后|陆续|全部|成功)*(?:{_STAGE_VERBS})"
)
# A kind of company rather than one named ("专业运营公司", "第三方物业公司", "国有平台公司").
_COMPANY_KIND_RE: Final = re.compile(
    r"^(?:专业|运营|物业|第三方|管理|服务|国有|龙头|知名|优质|外资|民营|平台|投资|建设|规上|骨干|科技型|一批|多家|相关|"
    r"本地|外地|上市|头部|链主|配套|中小|小微|大型|企业|新|有限责任|有限|股份)*(?:公司|集团|企业)$"
)
_COMPANIES_COUNTED_RE: Final = re.compile(r"(?:等)?\d+[家户](?:企业|公司)")
# A company's standing before its name ("世界500强企业X集团", "行业领军企业Y科技"): no part of the name.
_COMPANY_EPITHET_RE: Final = re.compile(r".*(?:\d+强(?:企业)?|(?:领军|龙头|知名|头部|领先|链主|标杆)企业)")
# (the names a count of companies closes may be set apart by commas: "入驻A，B2家企业")
_BROUGHT_IN_COUNTED_RE: Final = re.compile(
    r"(?:引进|招引|引入|入驻)(?:了)?(?P<list>[^。；;：:\n]{4,80}?)(?=(?:等)?\d+[家户](?:企业|公司))"
)
# "对X路进行改造": a facility with the work done to it, the work after 进行.
_WORKED_ON_RE: Final = re.compile(
    rf"对(?P<name>[^，,。；;：:\n、“”的了和及与]{{1,20}}?(?:{_FACILITY_GATED}|{_PROJECT_END}))"
    r"(?:进行|实施|开展)(?:了)?(?:全面|整体|集中)?(?:提升改造|改造提升|升级改造|改造|修缮|整治|提升|扩建|加固|维修)"
)
# "完成A、B2个老旧小区改造", "推进A、B等3个X建设": the works counted, named before the count.
_NAMED_BEFORE_COUNT_RE: Final = re.compile(
    r"(?<![\d个处座条所])(?P<list>[^，,。；;：:\n\d]{2,30}?、[^，,。；;：:\n\d]{2,60}?)(?:等)?(?:\d+|[两三四五六七八九十])(?:个|处|座|条|所)"
    r"[^，,。；;：:\n\d]{2,10}?(?:改造|建设|整治|提升|新建|扩建|修缮)"
)
# "A、B等城市棚户区改造": named works before 等 and the class of work done to them (no count).
_NAMED_BEFORE_CLASS_RE: Final = re.compile(
    r"(?<![\d个处座条所])(?P<list>[^，,。；;：:\n\d等]{2,60}?)等(?=[^，,。；;：:\n\d]{2,10}?(?:改造|整治|提升改造|改造提升))"
    r"(?P<class>[^，,。；;：:\n\d]{0,8}?(?:棚户区|小区|片区|街区|城中村|老街|街巷|背街小巷))"
)
# A road's section named by its code: "G5511某某段", "国道240某某段改建".
_CODED_SECTION_RE: Final = re.compile(
    r"(?P<name>(?:[GSXY]\d{2,5}|[国省县]道\d{2,4})[^\W\d_]{1,6}段(?:改建|改造|扩建|建设|提升)?)"
)
# Speed: what a match of each of the two patterns above holds (a count of a class of works; 等 and a
# class of estates), a pattern the engine runs fast; the patterns, opening with a lookbehind and a
# long run, are tried only in the clauses that hold one (``_near_clauses``). (The count's measure word
# opens the first, the numeral checked behind it: a class of five characters is scanned for at half
# the cost of one that holds \d.)
_COUNT_NEEDLE_RE: Final = re.compile(
    r"[个处座条所](?<=[\d两三四五六七八九十].)[^，,。；;：:\n\d]{2,10}?(?:改造|建设|整治|提升|新建|扩建|修缮)"
)
# (the measure words the first opens with, each found by ``str.find``: the engine's scan for a class
# of characters tests every character of the line, ``_measure_finditer``)
_COUNT_MEASURES: Final = "个处座条所"
_COUNT_NUMERALS: Final = frozenset("两三四五六七八九十")  # (besides digits: what stands before them)
_CLASS_NEEDLE_RE: Final = re.compile(
    r"等[^，,。；;：:\n\d]{0,8}?(?:棚户区|小区|片区|街区|城中村|老街|街巷|背街小巷)"
)
_NAMED_PIECE_BAD_RE: Final = re.compile(r"[\d等的了“”]")
# "A、B等前期工作": the works listed are being prepared (named when one of them ends as a works does).
_PREPARED_RE: Final = re.compile(r"等(?:项目)?前期工作")
_THEN_RE: Final = re.compile(r"并|又|还|再|同时")  # ("…改造并推进A、B等3个…": a second list in the clause)


def _named_works(
    lines: _Lines, lists: list[tuple[int, int]], livelihood_spans: list[tuple[int, int]], add: _Add
) -> None:
    """Projects named in three more kinds of phrase: companies brought in ("引进X有限公司"), a facility
    with the work done to it after 对…进行 ("对X路进行改造"), and named works before a count of their
    class ("完成A、B2个老旧小区改造")."""
    for line_start, line in lines:
        if _inside(lists, line_start):
            continue
        kind_at = lambda k: LIVELIHOOD if _inside(livelihood_spans, k) else PROJECT  # noqa: E731
        if "引" in line or "入驻" in line or "成立" in line:
            # (a count of companies closes every match of the first: a line without 家企业 or 家公司 —
            # nearly all — is not searched for it, a search that tries up to 80 ends at every verb)
            counted_in = "家企业" in line or "家公司" in line or "户企业" in line
            counted_hits = [*_BROUGHT_IN_COUNTED_RE.finditer(line)] if counted_in else []
            for m in [*counted_hits, *_BROUGHT_IN_RE.finditer(line)]:
                counted = _COMPANIES_COUNTED_RE.match(line, m.end("list")) is not None
                pieces = _pieces(line, m.start("list"), m.end("list"), "、，,")
                q0, q1 = _clause(line, m.start(), m.end())
                for x, y in pieces:
                    lead = _leading(line[x:y])
                    x += lead.end() if lead else 0
                    x = max(x, line.rfind("的", x, y) + 1)  # "新引进企业的A公司、B公司": after the last 的
                    epithet = (
                        _COMPANY_EPITHET_RE.match(line, x, y)
                        if "企业" in line[x:y] or "强" in line[x:y]
                        else None
                    )
                    if epithet and y - epithet.end() >= 2:
                        x = epithet.end()  # "世界500强企业X集团": X集团
                    then = _COMPANY_THEN_STAGE_RE.match(line, x, y)
                    name = then.group("name") if then else line[x:y].strip()
                    if not (counted or _COMPANY_END_RE.search(name)):
                        continue
                    if not (4 <= len(name) <= 40) or _NAMED_PIECE_BAD_RE.search(name) or _is_class(name):
                        continue
                    if _COMPANY_KIND_RE.match(name) or _SUBJECT_GENERIC.search(name):
                        continue
                    add(
                        kind_at(line_start + x),
                        line_start + x,
                        line_start + x + len(name),
                        line_start + q0,
                        line_start + q1,
                    )
        if "对" in line and ("进行" in line or "实施" in line):
            for m in _WORKED_ON_RE.finditer(line):
                name = m.group("name")
                if len(name) < 3 or _is_class(name) or _generic(name) or _CLASS_OPENER_RE.match(name):
                    continue
                if _not_named(line, m.start("name"), m.end("name")):
                    continue
                q0, q1 = _clause(line, m.start(), m.end())
                a = line_start + m.start("name")
                add(kind_at(a), a, line_start + m.end("name"), line_start + q0, line_start + q1)
        if "等" in line:
            for m in _near_clauses(_NAMED_BEFORE_CLASS_RE, line, _CLASS_NEEDLE_RE):
                q0, q1 = _clause(line, m.start(), m.end())
                x0 = max(q0, m.start("list"))
                pieces = _pieces(line, x0, m.end("list"), "、")
                x, y = pieces[0]
                then = _THEN_RE.match(line, x, y)
                x = then.end() if then else x
                verb = _last_sentence_verb(line[x:y])
                lead = _leading(line[x + verb : y])
                pieces[0] = (x + verb + (lead.end() if lead else 0), y)
                names = [
                    (x, y)
                    for x, y in pieces
                    if 2 <= y - x <= 12
                    and not _NAMED_PIECE_BAD_RE.search(line[x:y])
                    and not _only_verbs(line[x:y])
                ]
                if len(names) < len(pieces) or any(
                    _generic(line[x:y]) or _is_class(line[x:y]) or _WHOLE_AREA_RE.match(line[x:y])
                    for x, y in names
                ):
                    continue
                for x, y in names:
                    add(
                        kind_at(line_start + x),
                        line_start + x,
                        line_start + y,
                        line_start + q0,
                        line_start + q1,
                    )
        if "前期工作" in line:  # "加快A机场二跑道、B高速等前期工作": the works being prepared
            for m in _PREPARED_RE.finditer(line):
                q0 = _clause_left(line, m.start())
                pieces = _pieces(line, q0, m.start(), "、")
                if len(pieces) < 2:
                    continue
                x, y = pieces[0]
                x += _last_sentence_verb(line[x:y])
                lead = _leading(line[x:y])
                pieces[0] = (x + (lead.end() if lead else 0), y)
                if not any(_WORKS_END_RE.search(line[x:y]) for x, y in pieces) or any(
                    not 3 <= y - x <= 16
                    or _NAMED_PIECE_BAD_RE.search(line[x:y])
                    or _only_verbs(line[x:y])
                    or _is_class(line[x:y])
                    for x, y in pieces
                ):
                    continue  # "做好征地拆迁、规划设计等前期工作": kinds of work, no works named
                for x, y in pieces:
                    add(
                        kind_at(line_start + x),
                        line_start + x,
                        line_start + y,
                        line_start + q0,
                        line_start + m.end(),
                    )
        if "段" in line and ("道" in line or _CODE_WORK_NEEDLE_RE.search(line)):
            for m in _CODED_SECTION_RE.finditer(line):
                q0, q1 = _clause(line, m.start(), m.end())
                a = line_start + m.start("name")
                add(kind_at(a), a, line_start + m.end("name"), line_start + q0, line_start + q1)
        if "、" in line:
            for m in _near_clauses_at(_NAMED_BEFORE_COUNT_RE, line, _measure_finditer(line)):
                if _ASPECTS_COUNTED_RE.match(line, m.end("list")):
                    continue  # "从A、B和C三个方面加强X建设": aspects of the work, no works named
                q0, q1 = _clause(line, m.start(), m.end())
                x0 = max(q0, m.start("list"))
                pieces = _pieces(line, x0, m.end("list"), "、和及与")
                if len(pieces) < 2:
                    continue
                x, y = pieces[0]
                then = _THEN_RE.match(line, x, y)
                x = then.end() if then else x
                verb = _last_sentence_verb(line[x:y])
                lead = _leading(line[x + verb : y])
                pieces[0] = (x + verb + (lead.end() if lead else 0), y)
                names = [
                    (x, y)
                    for x, y in pieces
                    if 2 <= y - x <= 12
                    and not _NAMED_PIECE_BAD_RE.search(line[x:y])
                    and not _only_verbs(line[x:y])
                ]
                if len(names) < len(pieces) or any(
                    _generic(line[x:y]) or _is_class(line[x:y]) for x, y in names
                ):
                    continue
                for x, y in names:
                    add(
                        kind_at(line_start + x),
                        line_start + x,
                        line_start + y,
                        line_start + q0,
                        line_start + q1,
                    )


def _near_clauses(pattern: re.Pattern, line: str, needle: re.Pattern) -> list[re.Match]:
    """``list(pattern.finditer(line))`` for a pattern whose matches lie inside one clause and hold a
    match of ``needle``: tried only in the clauses holding one."""
    return _near_clauses_at(pattern, line, needle.finditer(line))


def _measure_finditer(line: str) -> list[re.Match]:
    """``list(_COUNT_NEEDLE_RE.finditer(line))``: its matches open with one of ``_COUNT_MEASURES``,
    so the pattern is tried only where ``str.find`` finds them (``numbers.matches_from``)."""
    out: list[re.Match] = []
    last = 0
    for p in positions(line, _COUNT_MEASURES):
        # (its lookbehind: a digit or a numeral before the measure word, tested before the call)
        if p < last or not p or not (line[p - 1].isdecimal() or line[p - 1] in _COUNT_NUMERALS):
            continue
        m = _COUNT_NEEDLE_RE.match(line, p)
        if m is not None:
            out.append(m)
            last = m.end()
    return out


def _near_clauses_at(pattern: re.Pattern, line: str, needles: Iterable[re.Match]) -> list[re.Match]:
    """``_near_clauses`` given the needle's matches (in order)."""
    found: list[re.Match] = []
    done = -1
    for n in needles:
        if n.start() < done:
            continue
        q0, q1 = _clause(line, n.start(), n.end())
        found += pattern.finditer(line, q0, q1)
        done = q1
    return found


def _only_verbs(text: str) -> bool:
    """``text`` is nothing but leading verbs and adverbs ("新建"): no name."""
    lead = _leading(text)
    return lead is not None and lead.end() == len(text)


def _facility_finditer(line: str, ends: list[int]) -> list[re.Match]:
    """``list(_FACILITY_RE.finditer(line))`` given the ends of the line's facility words: tried only
    at the starts within reach of one, in its run of characters outside the name's stop characters."""
    if not ends:
        return []
    return _near_finditer_at(
        _FACILITY_RE, line, [e - 1 for e in ends], _FACILITY_SPAN, _FACILITY_STOP_RE, _FACILITY_OPENS
    )


def _quoted_finditer(line: str, ends: list[int]) -> list[re.Match]:
    """``list(_QUOTED_FACILITY_RE.finditer(line))`` given the ends of the line's facility words
    (``_FACILITY_END_RE``): a match needs one followed by ”, which few lines have."""
    if any(line.startswith("”", e) for e in ends):
        return list(_QUOTED_FACILITY_RE.finditer(line))
    return []


def _worked_finditer(line: str, ends: list[int]) -> list[re.Match]:
    """``list(_WORKED_RE.finditer(line))`` given the ends of the line's facility words: tried only at
    the start of a clause holding one followed by a _WORK word, or a road's code followed by one."""
    at = [e - 1 for e in ends if line[e : e + 1] in _WORK_AFTER_FIRST and _WORK_AFTER_RE.match(line, e)]
    if _has_capital(line):  # (a road's code: an ASCII capital, rare)
        at = sorted({*at, *(m.start() for m in _CODE_WORK_RE.finditer(line))})
    return _clause_match_at(_WORKED_RE, line, _clause_starts(line, at)) if at else []


def _has_capital(line: str) -> bool:
    """``_CODE_WORK_NEEDLE_RE.search(line)`` as a truth value: the line's ASCII characters (encoding
    skips the others in a tight loop, where the engine tests a class at every character) hold a
    capital, which bytes' ``lower`` alone changes."""
    ascii_only = line.encode("ascii", "ignore")
    return ascii_only != ascii_only.lower()


def _enum_style(line: str) -> tuple[str, int] | None:
    """The enumerator a line starts with: (style, end of the enumerator), or None."""
    first = line[:1]
    if first not in _ENUM_FIRST and not first.isdecimal():  # (most lines: one character tested)
        return None
    m = _ENUM_RE.match(line)
    if not m:
        return None
    return next(k for k, v in m.groupdict().items() if v), m.end()


def _plan_start(lines: _Lines, sections: list[Section]) -> int | None:
    """Where the plan part starts when the sections give none: a short "…工作安排/工作计划" line
    (a plan heading, or the title of a plan on its own); None when there is none."""
    if any(s.part == "plan" for s in sections):
        return None
    for line_start, line in lines:
        if len(line.strip()) <= 30 and _PLAN_TITLE_RE.search(line) and not re.search(r"总结|回顾", line):
            return line_start
    return None


# A plan heading that announces what follows it ("“十五五”时期重点把握以下几点"), and a short line of its
# own under it (no sentence marks).
_ANNOUNCING_HEAD_RE: Final = re.compile(
    r"(?:以下|如下)(?:几点|几个方面|[一二三四五六七八九十]{1,2}[点个项](?:方面)?)?[：:]?[ \t]*$"
)
_SHORT_LINE_RE: Final = lazy(r"[^。，,；;：:！!？?]{4,30}")


# A task's heading: the words after its number up to the first stop (a colon or the line's end).
_TASK_HEAD_RE: Final = re.compile(r"[^。\n：:；;]{2,60}")
_TASK_HEAD_SPACED_RE: Final = re.compile(r"[ \t]*[^。\n：:；;]{2,60}")


def _tasks(
    lines: _Lines,
    simple: str,
    sections: list[Section],
    part_year: _PartYear,
    add: _Add,
    lists: list[tuple[int, int]],
) -> None:
    """Key tasks: the first level of numbering of each plan section ((一)…, 1、…, or 一是… leads).

    The first enumerator met in a plan section (or after an "各位代表" address) sets the level;
    lower-level leads and sub-headings inside a task are not tasks. A plan section whose own
    heading names a task ("加强政府自身建设") is one task.
    """
    section_starts = {s.start for s in sections}
    named: list[Section] = []  # top-level plan headings that name a task (not "2024年工作安排")
    for sec in sections:
        if _inside(lists, sec.start) or simple[sec.start : sec.end].rstrip().endswith(("；", ";")):
            continue  # an entry of a list the structure took for a heading
        if (
            sec.part == "plan"
            and not _PLAN_HEAD_RE.search(simple[sec.start : sec.end])
            and not _ANNOUNCING_HEAD_RE.search(simple, sec.start, sec.end)
        ):
            named.append(sec)

    def heading_task_of(sec: Section) -> None:
        number = _TOP_NUMBER_RE.match(simple, sec.start, sec.end)
        add(TASK, number.end() if number else sec.start, sec.end, sec.start, sec.end)

    # A lone plan heading naming a task over a numbered list (an excerpt of one chapter of the plan):
    # the list's first level are the tasks; the heading is one only when no list follows it.
    lone = named[0] if len(named) == 1 and sum(s.part == "plan" for s in sections) == 1 else None
    for sec in named:
        if sec is not lone:
            heading_task_of(sec)
    lone_listed = False
    under: Section | None = None  # the section of the line
    level: str | None = None
    heading_task = False
    announcing = False  # under a plan heading that announces the lines after it ("…以下几点")
    reviewed = False  # under a heading that states a result reached: the review's, whatever its part
    targets = False  # the level's entries follow a line that names the targets ("主要预期目标")
    targets_head = False  # the section's heading names them
    announced = False  # the words before the first lead announce the tasks ("以下四方面工作：")
    plan_from = _plan_start(lines, sections)
    prev: tuple[int, str] | None = None  # the plan's last non-blank line before this one, if unnumbered
    last: tuple[int, str] | None = None
    heads = _merged([(s.start, s.end) for s in sections])
    head_starts = [a for a, _ in heads]
    for n, (line_start, line) in enumerate(lines):
        if _inside(lists, line_start):
            continue
        k = bisect_right(head_starts, line_start) - 1  # (a line on a heading: the one before it by start)
        if line_start in section_starts or (k >= 0 and line_start < heads[k][1]):
            sec = next(s for s in sections if s.start <= line_start < max(s.end, s.start + 1))
            lone_listed = lone_listed or (level is not None and under is lone)
            under = sec
            level, last, targets = None, None, False
            # (a heading that names the targets, "一、…总体要求和主要预期目标": its list states them)
            targets_head = _TARGETS_HEAD_RE.search(simple, sec.start, sec.end) is not None
            heading_task = sec.part == "plan" and not _PLAN_HEAD_RE.search(simple[sec.start : sec.end])
            # ("二、重点把握以下几点" over short lines of their own: each line a task, the heading none)
            announcing = (
                sec.part == "plan" and _ANNOUNCING_HEAD_RE.search(simple, sec.start, sec.end) is not None
            )
            heading_task = heading_task and sec is not lone and not announcing
            reviewed = _result_head(simple, sec.start, sec.end)
            continue
        in_plan = part_year(line_start)[0] == "plan" or (plan_from is not None and line_start > plan_from)
        if not in_plan or reviewed or not line.strip():
            continue
        if "各位代表" in line and _ADDRESS_RE.match(line):
            level, targets = None, False
            continue
        if ("：" in line or ":" in line) and _CATALOGUE_FIELD_RE.match(line):
            continue  # the site's catalogue table over the document: its bullets set no level
        style = _enum_style(line)
        prev, last = last, (line_start, line) if style is None else None
        if style is None and level in (None, "semi") and not heading_task and under is not None:
            # Lines right under a plan heading, each one clause of the plan closed by a semicolon
            # ("三、2031年重点工作\nA，a；\nB，b；\nC，c"): the list's numbers were lost, each line is a
            # task named by its first clause (the run's last line closes it, whatever its end).
            body = line.strip()
            semi = body.endswith(("；", ";"))
            if level is None and semi and not targets_head and _semicolon_run(lines, n, simple, under):
                level = "semi"
            if level == "semi":
                head = _SEMI_HEAD_RE.match(body)
                if head is not None:
                    a = line_start + len(line) - len(line.lstrip())
                    add(TASK, a, a + len(head.group()), a, a + len(body.rstrip("；;")))
                if not semi:
                    level = "semi-closed"
                continue
        if style is None and announcing and level is None and _SHORT_LINE_RE.fullmatch(line.strip()):
            a = line_start + len(line) - len(line.lstrip())
            add(TASK, a, a + len(line.strip()), a, a + len(line.strip()))
            continue
        if style is None:
            if level is not None or heading_task:
                continue  # (no first lead is taken here: the line is not searched)
            lead = _first_lead(line)
            if lead is None:
                continue
            if sections and _beyond_the_year(line, lead.start()):
                continue  # "今后五年，一是…": directions for the term, not the year's tasks (a digest
                # without headings may give no other: its leads are the plan's areas, whatever their term)
            opening = line[max(0, lead.start() - 30) : lead.start()].rstrip()
            if _OUTLINE_HEAD_RE.search(opening):
                continue  # "报告分为三个部分：一是…": the report's outline, no task
            if _PROBLEMS_RE.search(line, max(0, lead.start() - 120), lead.start()):
                continue  # "…还面临一些短板和问题：一是…": the shortcomings reviewed, not the plan
            if _party_speech(line, lead.start()):
                continue  # "镇党委书记X强调，…一是要…": a speech's requirements, not the plan
            level = "lead"
            announced = bool(
                _COUNTED_TASKS_RE.search(opening)
                or _TASKS_SET_RE.search(opening)
                or _TASKS_AHEAD_RE.search(opening)
            )
        elif level is None or (
            targets and prev is not None and style[0] != level and _FIRST_ENUM.match(line)
        ):
            # (after the targets' list and a line of its own, a list of another style opening at its
            # first entry is the tasks': "预期目标\n●A\n●B\n重点抓好十个方面工作\n1.C\n2.D"; right
            # under an entry of the targets, "1.经济目标\n●A", it is still theirs)
            if heading_task:
                continue
            if not _FIRST_ENUM.match(line) and not (
                not sections and _cut_off_before(simple, line_start, style[0])
            ):  # (a plan passage cut off after its 一是 paragraph opens at "二是": the leads are its tasks)
                if prev is None or not _SECOND_ENUM.match(line):
                    continue
                # "…。\n2、B" with no "1、" before it: the first entry lost its number (a site took it
                # for a page marker, or the source never had it): the paragraph before is entry 1
                head = _TASK_HEAD_RE.match(prev[1])
                if head is None or prev[1].rstrip().endswith((":", "：")):
                    continue
                a = prev[0] + len(prev[1]) - len(prev[1].lstrip())
                add(TASK, a, prev[0] + len(head.group().rstrip()), prev[0], prev[0] + len(head.group()))
            level = style[0]
            targets = targets_head or (prev is not None and _TARGETS_HEAD_RE.search(prev[1]) is not None)
        if targets:
            continue
        if level == "lead":
            leads = list(_LEAD_RE.finditer(line))
            # (in a digest without headings, three leads or more in one paragraph set out its areas)
            run = not sections and len(leads) >= 3 and leads[0].group("num").startswith("一")
            for m in leads:
                a = line_start + m.start("name")
                add(
                    TASK,
                    a,
                    line_start + m.end("name"),
                    line_start + m.start("num"),
                    line_start + m.end("name"),
                    sure=announced or run,  # (the leads a head announces: "重点开展以下四方面工作：一是…")
                )
        elif style is not None and style[0] == level:
            head = _TASK_HEAD_RE.match(line[style[1] :])
            clauses = _run_of_clauses(line, style[1]) if head and "。" not in line else []
            if clauses:  # "■A；B；C；D": one entry listing the tasks, each clause one
                for p, q in clauses:
                    add(TASK, line_start + p, line_start + q, line_start + p, line_start + q)
            elif head:
                a = line_start + style[1]
                add(TASK, a, a + len(head.group().rstrip()), line_start, a + len(head.group()))
            elif not line[style[1] :].strip():  # "一、" alone on its line: the heading is on the next
                k = _next_filled(lines, n + 1)
                s2, body = lines[k] if k < len(lines) else (0, "")
                head = _TASK_HEAD_SPACED_RE.match(body) if not _enum_style(body) else None
                if head:
                    a = s2 + len(body) - len(body.lstrip())
                    add(TASK, a, s2 + len(head.group().rstrip()), s2, s2 + len(head.group()))
    if lone is not None and not (lone_listed or (level is not None and under is lone)):
        heading_task_of(lone)


_COMMA_RE: Final = re.compile(r"[，,：:]")


def _run_of_clauses(line: str, at: int) -> list[tuple[int, int]]:
    """An entry (from ``at``) that is three or more short clauses set apart by semicolons, none with a
    comma (a list of the tasks, run into one entry); [] for any other."""
    if line.count("；", at) + line.count(";", at) < 2:
        return []
    clauses = _pieces(line, at, len(line.rstrip()), "；;")
    if len(clauses) < 3 or any(not 4 <= q - p <= 30 or _COMMA_RE.search(line, p, q) for p, q in clauses):
        return []
    return clauses


# A semicolon-closed line's first clause, and what a plan heading over such lines must name.
_SEMI_HEAD_RE: Final = re.compile(r"[^，,；;。：:]{4,30}(?=[，,；;])")
_SEMI_PLAN_HEAD_RE: Final = lazy(r"重点工作|主要任务|重点任务|工作安排")


def _semicolon_run(lines: _Lines, n: int, simple: str, under: Section) -> bool:
    """Line ``n`` opens a run of three or more unnumbered lines closed by semicolons right under a plan
    heading that names the year's work ("…重点工作", not its targets): the first line after the heading,
    and the two after it closed by semicolons too."""
    heading = simple[under.start : under.end]
    if under.part != "plan" or "目标" in heading or not _SEMI_PLAN_HEAD_RE.search(heading):
        return False
    gap = lines[n][0] - under.end
    if not 0 <= gap <= 8 or simple[under.end : lines[n][0]].strip():
        return False
    k, count = n, 0
    while k < len(lines) and count < 3:
        body = lines[k][1].strip()
        if not body.endswith(("；", ";")) or _enum_style(body):
            return False
        count += 1
        k = _next_filled(lines, k + 1)
    return count == 3


def _cut_off_before(simple: str, at: int, style: str) -> bool:
    """A list of 一是… leads met first at a later number ("二是…" opening its line) with no "一是"
    before it: the rest of a list cut off by the excerpt. (Numbered headings met first at a later
    number, "（七）…", are more often a lower level under a heading left out.)"""
    return style == "lead" and "一是" not in simple[:at]


_TERM_RE: Final = lazy(r"(?:今后|未来)[三五十]年")
_YEAR_RE: Final = re.compile(r"今年|明年|新的一年|\d{4}年")


def _beyond_the_year(line: str, at: int) -> bool:
    """The words before ``at`` speak last of the coming years ("今后五年，…") rather than of one year
    ("…2026年重点工作"): what follows sets directions for a term, not the year's tasks."""
    if "五年" not in line and "三年" not in line and "十年" not in line:
        return False
    window = line[max(0, at - 200) : at]
    term = max((m.end() for m in _TERM_RE.finditer(window)), default=-1)
    year = max((m.end() for m in _YEAR_RE.finditer(window)), default=-1)
    return term > year


# The words that open the shortcomings a report admits ("清醒地认识到…还存在一些困难和问题："), before a list.
_PROBLEMS_RE: Final = lazy(
    r"(?:存在|面临|认识到|正视)[^。]{0,40}(?:问题|不足|短板|困难|差距|挑战)[^。]{0,30}[：:，,]$"
)
# Who speaks in a congress's news: a party secretary or the congress's own head (their requirements), or
# the government's head and its report (the plan).
_PARTY_SPEAKER_RE: Final = lazy(r"(?<!总)书记|人大主[任席]")  # (总书记: quoted, not speaking)
_GOVERNMENT_SPEAKER_RE: Final = lazy(r"[县市区镇乡]长|报告|政府")


def _party_speech(line: str, at: int) -> bool:
    """In the paragraph before ``at``, the last speaker named is a party secretary (or the congress's
    head) who 指出/强调/要求 (a "书记" after the last "镇长"/"报告"): what follows are the requirements of a
    speech at the congress, not the government's plan."""
    if "书记" not in line and "人大主" not in line:
        return False
    window = line[max(0, at - 300) : at]
    party = max((m.end() for m in _PARTY_SPEAKER_RE.finditer(window)), default=-1)
    if party < 0 or not re.search(r"指出|强调|要求|讲话", window[party:]):
        return False
    return party > max((m.end() for m in _GOVERNMENT_SPEAKER_RE.finditer(window)), default=-1)


# The promise that opens a sentence of tasks ("明年要A，B；C，D；E，F"), and words of what was done.
_PROMISE_RE: Final = re.compile(
    r"将|(?<![主重必只])要(?![求防稳安])|力争|计划|着力|抓好|今年|明年|新的一年|下一?步"
)
_DONE_RE: Final = re.compile(r"了|已|取得|完成率|同比")
# A higher government named right before a promise ("国家将…", "我省也将…"): its plans, not the text's.
_OTHERS_PROMISE_RE: Final = re.compile(r"(?:国家|中央|国务院|上级|[省市]里?也|我[省市]也)$")
_SENTENCE_RE: Final = re.compile(r"[^。！!]+")
_CLAUSE_PROMISE_RE: Final = lazy(r"(?:(?<![主重必只])要|将)(?![求防稳安])")
_DIGIT_RE: Final = re.compile(r"\d")


# "明年重点建设A、B、C、D": a work verb before three or more objects of four characters or more.
_OBJECTS_RE: Final = re.compile(
    r"(?:做好|办好|建设|建成|完成|实施|新建|改造|推进|改扩建|打造)"
    r"(?P<list>[^，,。；;：:、]{4,30}(?:、[^，,。；;：:、]{4,30}){2,})"
)


def _livelihood_objects(line: str, line_start: int, a: int, b: int, add: _Add) -> None:
    """In a passage on the 民生实事 (line[a:b]), the objects listed after a work verb are entries,
    whatever their last word ("建设X室、Y中心、Z整治工程、W装修扩建")."""
    for m in _OBJECTS_RE.finditer(line, a, b):
        if re.search(r"了|批|实事|民生工程|《|》", m.group("list")):
            continue  # "实施了一大批X、解决了一大批Y": what was done, counted, not objects named
        for x, y in _pieces(line, m.start("list"), m.end("list"), "、"):
            seg = re.sub(r"等$", "", line[x:y].rstrip("(（ "))
            tail = _QUANTITY_TAIL_RE.search(seg)
            seg = seg[: tail.start()] if tail and tail.start() >= 4 else seg
            if len(seg) >= 4 and not re.search(r"\d", seg):
                add(
                    LIVELIHOOD,
                    line_start + x,
                    line_start + x + len(seg),
                    line_start + m.start(),
                    line_start + m.end(),
                )


# A clause of a passage on the 民生实事 that names one work after its count ("新增6个老年助餐点",
# "新建3所幼儿园", "为200名残疾人进行无障碍改造"): a work verb, the count, the work. (A count
# after the work is cut off the name but does not make an entry: "建成X 2公里" reads as often as a
# result reported. Counts of people or money name whom it serves or what it cost, not a work.)
_COUNT_UNIT: Final = (
    r"(?:[\d.]+|[一二三四五六七八九十两百千]+)(?:万|千|百)?"
    r"(?:平方米|平米|公里|千米|米|座|个|所|户|处|条|家|辆|亩|套|部|台|间|张|块|栋|幢|课时|床|盏|根|口|眼|组)"
)
_COUNTED_WORK_RE: Final = lazy(
    r"(?:[^，,。；;、：:]{0,12}?(?:将|要|还|再|并|另|同时|年内|全年|今年)+)?"
    r"(?:为(?P<for>[^，,。；;、：:]{1,14}?)(?:进行|安装|配备|提供|建设)|"
    r"(?:开工建设|新建改造|改造提升|新增|新建|建成|建设|改建|扩建|改造|打造|开办|开设|完成|实施|安装|加装|打通|增设|"
    r"设置|配备|铺设|修建|修缮|新开|开通)+)"
    rf"(?:(?P<pre>{_COUNT_UNIT})(?:以上|左右)?的?)?(?:各类|一批)?"
    r"(?P<name>[^\d，,。；;、：:…（(“”]{2,20}?|“[^“”]{2,16}”[^\d，,。；;、：:…（(]{0,12}?)"
    rf"(?P<post>{_COUNT_UNIT}(?:以上|左右)?)?$"
)
# What a count in such a clause may close on that is no work: the work done, a level, jobs or money given.
_NOT_A_WORK_ENDS: Final = (
    "工作",
    "任务",
    "目标",
    "投资",
    "级",
    "岗位",
    "就业",
    "资金",
    "补贴",
    "贷款",
    "人员",
)
# A further work of the same clause, after 、: its count first ("新增2家A、1个B").
_COUNTED_MORE_RE: Final = lazy(rf"(?P<pre>{_COUNT_UNIT})的?(?P<name>[^\d，,。；;、：:…（(]{{2,20}})$")


def _counted_works(line: str, line_start: int, a: int, b: int, add: _Add) -> None:
    """In a paragraph of a passage on the 民生实事 (line[a:b]), each clause that names one work after its
    count is an entry: the work named without its verb and its count."""
    for x, y in _pieces(line, a, b, "，,；;。…！!"):
        for k, (u, v) in enumerate(_pieces(line, x, y, "、")):
            u += len(line[u:v]) - len(line[u:v].lstrip())
            close = max(line.rfind(")", u, min(v, u + 40)), line.rfind("）", u, min(v, u + 40)))
            if k == 0 and close >= 0:
                u = close + 1  # "X网讯(记者Y)新建…": the byline before it
            m = _COUNTED_WORK_RE.match(line, u, v) or (_COUNTED_MORE_RE.match(line, u, v) if k else None)
            if m is None or not (
                m.groupdict().get("pre") or _DIGIT_RE.search(m.groupdict().get("for") or "")
            ):
                break  # (a work verb and a name without a count before it: kinds of work as often as works)
            name = m.group("name")
            if _generic(name) or _only_verbs(name) or name.endswith(_NOT_A_WORK_ENDS):
                break
            add(
                LIVELIHOOD,
                line_start + m.start("name"),
                line_start + m.end("name"),
                line_start + x,
                line_start + y,
                sure=True,
            )


def _about_livelihood(lines: _Lines) -> bool:
    """The text is about its 民生实事 (a news item, a notice, a progress report): among its first
    eight non-blank lines, a short line without a full stop (a title) names them. (A congress's
    news or a report naming them in its paragraphs, even its first, is about more than them.)"""
    head = [t.strip() for _, t in lines if t.strip()][:8]
    return any(
        _keyed_search(_LIVELIHOOD_RE, _LIVELIHOOD_LIST_KEYS, t) is not None
        and not _KEY_WORKS_RE.search(_LIVELIHOOD_WORDS_RE.sub("", t))
        for t in head
        if len(t) <= 40 and "。" not in t
    )


# Projects as the object of a one-character verb ("谋项目", "上项目", "补项目", "引项目", "争项目"): the
# slogan of seeking projects, not the name of one.
_SOUGHT_RE: Final = re.compile(r"(?<![线网])(?:谋|上|补|引|争|跑)项目$")


# A title naming the key projects beside the 民生实事 ("视察重点工程和民生实事", "标志性项目、民生工程齐头
# 并进"): the text is about both, the projects it names are projects. (The words for the 民生实事 are
# taken out of the title first: "民生实事项目" names no other project.)
_KEY_WORKS_RE: Final = lazy(r"(?:重[点大]|标志性)(?:工程|项目)|(?:项目|工程)[、和与及]")
_LIVELIHOOD_WORDS_RE: Final = lazy(
    r"(?:民生实事|为民办?实事|惠民实事|民生工程|民心工程|[\d十两三五]+[件项](?:为民|惠民)?实事|实事)(?:项目|工程)?"
)


def _described_entries(
    lines: _Lines, lists: list[tuple[int, int]], names: list[str]
) -> list[tuple[int, int]]:
    """Lines after a 民生实事 list that name one of its entries again describe that entry
    ("以A项目为例，将对B、C一带…"): what they name is part of the entry, not a project."""
    names = [n for n in names if len(n) >= 4]
    if not lists or not names:
        return []
    after = min(a for a, _ in lists)
    return [
        (s, s + len(t))
        for s, t in lines
        if s > after and not _inside(lists, s) and any(n in t for n in names)
    ]


# Enumerators run into one line ("…工作：（一）A。…（二）B。"), after a colon or a full stop.
_RUN_IN_RE: Final = re.compile(
    rf"[。：:；;][ \t]*(?P<num>[（(](?P<pcn>[{_ORD}]{{1,2}})[)）]|(?P<cn>[{_ORD}]{{1,2}})、|(?P<n>\d{{1,2}})[.．、](?!\d)|(?P<shi>[{_ORD}]{{1,2}})是)"
    r"(?P<name>[^。；;：:\n]{2,40})"
)
# A colon closing the words that set out the tasks ("部署了今年的重点工作：", "对…工作进行了动员和部署："):
# what follows is the plan, though the verb before it is in the past.
# (and the requirements a leader sets out at a meeting: "提出三点要求：一是…二是…")
_TASKS_SET_RE: Final = re.compile(
    "(?:重点工作|工作任务|主要任务|部署|安排|"
    + "|".join([f"{w}点要求" for w in "两三四五六七八九十几"] + ["如下要求", "以下要求"])
    + ")[^。：:，,]{0,6}[：:]$"
)


def _inline_tasks(lines: _Lines, add: _Add) -> None:
    """A plan whose numbered tasks run into one line (the line breaks lost in a copy, or 一是…二是…):
    after a promise (将/要/今年…, or the words that set out the tasks) and a colon, enumerators of one style counting up from one, two or more of
    them; each names a task, up to its full stop. Only for a text in which no other rule found a task."""
    for line_start, line in lines:
        if "：" not in line and ":" not in line:
            continue
        runs = list(_RUN_IN_RE.finditer(line))
        if not 2 <= len(runs) <= 10:
            continue
        style = lambda m: next(k for k in ("pcn", "cn", "n", "shi") if m.group(k))  # noqa: E731
        first = runs[0]
        head = line[: first.start() + 1]
        promised = _PROMISE_RE.search(head[-60:]) and not _DONE_RE.search(head[-30:])
        if not (promised or _TASKS_SET_RE.search(head)) or _OUTLINE_HEAD_RE.search(head[:-1]):
            continue  # (a meeting's agenda, "议程为：1.…；2.…", is no plan)
        if _PROBLEMS_RE.search(head, max(0, len(head) - 120)):
            continue  # (the shortcomings admitted: "…还面临一些问题，主要是：一是…")
        numbers = [m for m in runs if style(m) == style(first)]
        expected = [
            "一二三四五六七八九十"[k] if style(first) != "n" else str(k + 1) for k in range(len(numbers))
        ]
        if [m.group(style(m)) for m in numbers] != expected:
            continue
        # tasks a head announces ("重点开展以下四方面工作：", "部署了今年的重点工作：") are tasks whatever
        # the labeller reads
        announced = _TASKS_SET_RE.search(head) or _COUNTED_TASKS_RE.search(head)
        announced = announced or _TASKS_AHEAD_RE.search(head[-30:])
        for m in numbers:
            add(
                TASK,
                line_start + m.start("name"),
                line_start + m.end("name"),
                line_start + m.start("num"),
                line_start + m.end("name"),
                sure=announced is not None,
            )


# The words that announce the tasks after them, far into a long sentence ("…将着力抓好如下几项任务：").
_TASKS_AHEAD_RE: Final = lazy(r"(?:以下|如下)[^，,。；;：:]{0,8}(?:工作|任务|方面)[：:]")
# A count of the tasks right before the colon that opens them ("重点抓好六个方面工作：", "做好五项重点任务：").
_COUNTED_TASKS_RE: Final = lazy(
    r"(?:抓好|做好|突出|推进|聚焦|落实|实施)?[一二三四五六七八九十两\d]{1,3}(?:个|项|大)?(?:方面|件)?的?"
    r"(?:重点|主要|重要)?(?:工作|任务)[：:]$"
)


# A count of the tasks and 包括 opening them in place of a colon ("重点做好七个方面工作，包括").
_COUNTED_INCLUDES_RE: Final = lazy(
    r"[一二三四五六七八九十两\d]{1,3}(?:个|项|大)?(?:方面|件)?的?(?:重点|主要|重要)?(?:工作|任务)[，,]?包括(?=[^，,。；;]{4})"
)
# Bodies beside the government whose reports the congress hears: their work is not the government's plan.
_OTHER_BODY_RE: Final = lazy(r"人大|政协|法院|检察院")


def _clause_tasks(lines: _Lines, add: _Add, lists: list[tuple[int, int]]) -> None:
    """A text whose tasks are no list but one promising sentence of three or more clauses set apart
    by semicolons ("明年要紧盯A，做强B；紧盯C，做优D；…"): each clause is a task. Only for a text in
    which no other rule found a task; the sentence must promise (将/要/今年… in its first 20 characters,
    or before a colon that opens the clauses)
    and its clauses must not report (了/已/取得…). The last clause keeps no more comma pieces than the
    longest of the others (what follows sums them all up). A line of a 民生实事 list (``lists``) holds
    its entries, no tasks."""
    for line_start, line in lines:
        if line.count("；") + line.count(";") < 2 or _inside(lists, line_start):
            continue
        for sentence in _SENTENCE_RE.finditer(line):
            x, y = sentence.span()
            if line.count("；", x, y) + line.count(";", x, y) < 2:
                continue
            clauses = _pieces(line, x, y, "；;")
            if len(clauses) < 3 or any(not 6 <= q - p <= 70 for p, q in clauses[1:-1]):
                continue
            p0, q0 = clauses[0]
            colon = max(line.rfind("：", p0, min(q0, p0 + 40)), line.rfind(":", p0, min(q0, p0 + 40)))
            ahead = colon < 0 and (line.find("以下", p0, q0) >= 0 or line.find("如下", p0, q0) >= 0)
            head = _TASKS_AHEAD_RE.search(line, p0, q0) if ahead else None
            colon = head.end() - 1 if head else colon  # "…将着力抓好如下几项任务：A，B；C，D；…"
            if head is None and colon >= 0:
                # "重点做好八个方面工作：A，B；C，D；…": the count of the tasks announces them
                head = _COUNTED_TASKS_RE.search(line, p0, colon + 1)
            elif colon < 0 and "包括" in line[p0:q0]:
                # "…重点做好七个方面工作，包括A，a；B，b；…": the count, then 包括 in place of a colon
                # (not another body's, "区人大常委会…做好五方面工作，包括…": the congress's own work)
                head = _COUNTED_INCLUDES_RE.search(line, p0, q0)
                if head is not None and _OTHER_BODY_RE.search(line, p0, head.start()):
                    continue
                colon = head.end() - 1 if head is not None else colon
            # the last promise before the clauses ("新的一年，X要A，B；…": after 要)
            promises = list(_PROMISE_RE.finditer(line, p0, colon if colon >= 0 else min(q0, p0 + 20)))
            promise = promises[-1] if promises else head
            first = None if promise is not None or colon >= 0 else _first_of_pairs(line, clauses)
            if first is not None:
                promise = _CLAUSE_PROMISE_RE.search(line, p0, first)
            if promise is None:
                continue  # ("…部署了今年三项任务：A；B；C" and "明年将A；B；C" promise)
            if _OTHERS_PROMISE_RE.search(line, max(p0, promise.start() - 6), promise.start()):
                continue  # "国家将A；我省也将B；…": what higher governments will do, the outlook, not tasks
            if _party_speech(line, x):
                continue  # "镇党委书记X指出，…。全镇上下要A；B；C": a speech's requirements, not the plan
            clauses[0] = (first if first is not None else max(promise.end(), colon + 1), q0)
            if any(_DONE_RE.search(line, p, q) or _DIGIT_RE.search(line, p, q) for p, q in clauses):
                continue  # (clauses with numbers are targets: "新栽果树300亩；确保新增就业120人")
            widest = max(len(_pieces(line, p, q, "，,")) for p, q in clauses[:-1])
            p, q = clauses[-1]
            clauses[-1] = (p, _pieces(line, p, q, "，,")[: max(widest, 1)][-1][1])
            for p, q in clauses:
                p += len(line[p:q]) - len(line[p:q].lstrip())
                again = _CLAUSE_PROMISE_RE.match(line, p, q)
                p = again.end() if again else p  # "…；要B，C；要D，E": the promise said again
                if q - p >= 4:  # (the tasks a head announces are tasks whatever the labeller reads)
                    add(
                        TASK,
                        line_start + p,
                        line_start + q,
                        line_start + p,
                        line_start + q,
                        # (and five clauses or more: a promise so long sets out the plan, each clause a task)
                        sure=head is not None or len(clauses) >= 5 or first is not None,
                    )


def _first_of_pairs(line: str, clauses: list[tuple[int, int]]) -> int | None:
    """Where the first task starts in a long sentence whose middle clauses, set apart by semicolons, hold
    the same number of comma pieces ("…，X镇将以A为主题，…，围绕B，进一步C；着力D，进一步E；…"): the
    first clause's last pieces as many, after a promise (将/要) and with nothing reported before them;
    None when the sentence has no such shape."""
    widths = {len(_pieces(line, p, q, "，,")) for p, q in clauses[1:-1]}
    if len(widths) != 1:
        return None
    width = widths.pop()
    p0, q0 = clauses[0]
    pieces = _pieces(line, p0, q0, "，,")
    if width < 2 or len(pieces) <= width:
        return None
    start = pieces[-width][0]
    if _CLAUSE_PROMISE_RE.search(line, p0, start) is None or _DONE_RE.search(line, p0, q0):
        return None
    return start + len(line[start:q0]) - len(line[start:q0].lstrip())


# A line that opens with the head of its tasks ("今年的主要任务是：", "重点工作为："), the tasks in the
# sentences after it; and a paragraph that opens with a short label of its topic ("宣传工作：…").
_TASKS_HEAD_RE: Final = re.compile(r"^[ \t]*[^。，,：:\n]{0,12}(?:任务|重点工作|工作重点)(?:是|为|有)?[：:]")
_LABEL_RE: Final = re.compile(
    r"^[ \t]*(?P<name>[\u3400-\u9fff]{2,6}(?:工作|建设|管理|治理|服务))[：:](?=[^\n]{20})"
)


def _sentence_tasks(lines: _Lines, add: _Add) -> None:
    """A task list written as sentences after a head ("…主要任务是：以A推进B，着力C。以D…。"): three or
    more sentences of 8 to 60 characters that report nothing (了/已/同比…), each a task. Only for a
    text in which no other rule found a task."""
    for line_start, line in lines:
        head = _TASKS_HEAD_RE.match(line) if "任务" in line or "重点" in line else None
        if head is None:
            continue
        sentences = [m.span() for m in _SENTENCE_RE.finditer(line, head.end())]
        sentences = [(p, q) for p, q in sentences if line[p:q].strip()]
        if len(sentences) < 3 or any(
            not 8 <= q - p <= 60 or _DONE_RE.search(line, p, q) or _DIGIT_RE.search(line, p, q)
            for p, q in sentences
        ):
            continue
        for p, q in sentences:
            p += len(line[p:q]) - len(line[p:q].lstrip())
            add(TASK, line_start + p, line_start + q, line_start + p, line_start + q, sure=True)


def _label_tasks(lines: _Lines, part_year: _PartYear, add: _Add) -> None:
    """A plan whose tasks are paragraphs opening with a short label of their topic and a colon
    ("宣传工作：…。", "队伍建设：…。"), two or more of them: each label is a task. Only for a text in
    which no other rule found a task; a label that names the plan itself (目标, 措施…) is none."""
    found = []
    for line_start, line in lines:
        m = _LABEL_RE.match(line) if "：" in line or ":" in line else None
        if m and part_year(line_start)[0] == "plan" and not _PLAN_HEAD_RE.search(m.group("name")):
            found.append((line_start, m))
    if len(found) >= 2:
        for line_start, m in found:
            add(
                TASK,
                line_start + m.start("name"),
                line_start + m.end("name"),
                line_start,
                line_start + m.end(),
            )


# A plan digest's lines, each a topic of one or two words and a colon before what is planned for it
# ("就业:…；…", "教育:…"): the topics are its tasks.
_TOPIC_RE: Final = re.compile(r"^[ \t]*(?P<name>[\u3400-\u9fff]{2,4})[：:](?=[^\n]{8})")
_TOPIC_MIN = 3  # (lines in a row, in the plan part, outside a 民生实事 list)


def _topic_tasks(lines: _Lines, part_year: _PartYear, add: _Add, lists: list[tuple[int, int]]) -> None:
    """Three lines or more in a row of the plan part (``_TOPIC_RE``), none inside a livelihood list:
    each topic is a task (a topic that names the plan itself, 目标 or 措施, stays in the row but is
    none), named by its topic, its quote up to the end of its first clause."""
    row: list[tuple[int, str, re.Match]] = []
    for k, (line_start, line) in enumerate([*lines, (-1, "")]):
        m = _TOPIC_RE.match(line) if line_start >= 0 and ("：" in line or ":" in line) else None
        if m is not None and (_inside(lists, line_start) or part_year(line_start)[0] != "plan"):
            m = None
        if m is not None:
            row.append((line_start, line, m))
            continue
        if not line.strip() and line_start >= 0 and k:  # (a blank line does not break the row)
            continue
        named = [x for x in row if not _PLAN_HEAD_RE.search(x[2].group("name"))]
        if len(named) >= _TOPIC_MIN:
            for line_start_, line_, m_ in named:
                end = next((i for i, c in enumerate(line_) if c in "；;。" and i > m_.end()), len(line_))
                a, b = line_start_ + m_.start("name"), line_start_ + m_.end("name")
                add(TASK, a, b, line_start_, line_start_ + end, topic=True, sure=True)
        row = []


# A count of the areas right after the list of them ("…A、B和C三个方面", "…E和F“六场硬仗”", "“A，a”“B，b”
# “C，c”三个方面"): a numeral, then a word for a field of work.
_AREA_COUNT_RE: Final = lazy(
    r"(?P<open>“?)(?P<n>十[一二三四五六七八九]?|[三四五六七八九])(?:个|项|大|场|件)?(?:发展|中心|核心|主要|重要)?"
    r"(?:方面|重点|领域|板块)?(?:硬仗|战役|攻坚战?|重点工作|重点任务|工作|任务|行动|工程)?"
)
# A list of areas closed by 等 and their noun instead of a count ("就A、B和C等方面对今年工作进行了安排").
_AREA_DENG_RE: Final = lazy(r"(?P<open>“?)(?P<n>)等(?=方面|领域|重点任务|任务|重点工作)")
_AREA_NOUN_RE: Final = lazy(r"方面|领域|板块|硬仗|战役|攻坚|工作|任务|行动|工程|重点")
# The verb that sets out the first area of such a list ("全力打好A、B…", "重点抓好A…"): the name after it.
_AREA_VERB_RE: Final = lazy(
    r".*?(?:打好|打赢|抓好|做好|抓实|围绕|聚焦|突出|推进|实施|开展|落实|强化|从|在|就(?!业))(?=[^，,、]{2})"
)
# A further verb right at the start of the first area's name ("着力推进实施A工程、B工程…": after 推进).
_AREA_VERB_AGAIN_RE: Final = lazy(r"(?:实施|推进|开展|落实|抓好|做好|打好|强化)(?=[^，,、]{2})")
# The quotation marks around a list of areas ("实施‘A、B、C’三项行动"), kept off its first and last names.
_AREA_QUOTES: Final = "‘’“”「」"
# (和 opening an entry is its first word: "…、和谐稳定工程")
_AREA_SPLIT_RE: Final = lazy(r"[，,]?、|(?<!、)(?:和|及|以及|与)(?=[^、]{2,}$)")
# The words around a list of areas that set them for the year ahead, and words that report them done.
_AREA_PLAN_RE: Final = lazy(r"将|要(?![求防稳安])|今年|明年|新的一年|\d{4}年|部署|安排")
_AREA_DONE_RE: Final = lazy(r"了|已|取得|成效|成绩|同比|回顾|过去|一年来")
_AREA_DONE_AFTER_RE: Final = lazy(r"取得|成效|成绩|明显|显著")
_AREA_SET_RE: Final = lazy(r"部署|安排")
_AREA_SETS_RE: Final = lazy(r"部署|安排|明确|提出")
# What names the plan the areas are set by: the report, or the year they are set for.
_AREA_PLAN_OF_RE: Final = lazy(r"报告|会议")
# The plan reported set out (a digest speaks of it: "…进行了安排部署", "提出了…举措").
_AREA_SET_DONE_RE: Final = lazy(r"了[^，,。；;]{0,4}(?:部署|安排)|(?:部署|安排|明确|提出)了")
_AREA_REVIEW_RE: Final = lazy(r"总结|回顾|过去|一年来|成效|成绩|意见|建议|议案|讨论|发言|问题")
# What follows a list closed by 等 when it names the year's work ("A、B等方面工作").
_AREA_WORK_AFTER: Final = ("方面工作", "方面的工作", "重点工作", "重点任务", "方面重点工作")
# The nouns of such a count, one of which a line must hold to be searched.
_AREA_NOUNS: Final = ("方面", "硬仗", "战役", "攻坚", "任务", "重点", "领域", "行动", "工程")


def _area_counts(line: str) -> list[re.Match]:
    """The counts (``_AREA_COUNT_RE``) and the closing 等 (``_AREA_DENG_RE``, group n empty) after a
    list of work areas in ``line``, in order."""
    found = list(_AREA_COUNT_RE.finditer(line))
    if "等" in line:
        found = sorted(found + list(_AREA_DENG_RE.finditer(line)), key=lambda m: m.start())
    return found


def _counted_areas(
    lines: _Lines, part_year: _PartYear, add: _Add, *, livelihood: bool = False, passage: bool = True
) -> None:
    """A plan digest's work areas listed inline and counted right after the list ("将围绕A、B和C三个
    方面…", "打好A、B…和F“六场硬仗”", "从“A，a”“B，b”“C，c”三个方面对今年工作进行了部署"): when
    the count equals the number of areas listed (three or more) and the sentence sets them for the
    year ahead (a promise, a year, 部署/安排; nothing reported done before them), each is a task,
    sure (a digest's own shape, which the labeller's running text seldom shows)."""
    for line_start, line in lines:
        if not any(w in line for w in _AREA_NOUNS):
            continue  # (the count's noun: most lines hold none of them)
        for m in _area_counts(line):
            n_counted = bool(m.group("n"))
            if not n_counted:
                n = 0  # "A、B和C等方面": as many as are listed, three or more
            elif _AREA_NOUN_RE.search(line, m.end("n"), m.end()) is None:
                continue  # "三个", "四大": a count of something else
            else:
                digits = m.group("n")  # (十, 十二: ten and more)
                n = _ORD.index(digits[-1]) + 1 + (10 if len(digits) == 2 else 0)
            sentence = max(line.rfind(c, 0, m.start()) for c in "。！!？?；;") + 1
            areas: list[tuple[int, int]] = []
            if line[m.start() - 1 : m.start()] == "”":  # quoted areas, one after another
                k = m.start()
                while k > sentence and line[k - 1] == "”":
                    o = line.rfind("“", sentence, k - 1)
                    if o < 0:
                        break
                    areas.insert(0, (o + 1, k - 1))
                    k = o - (line[o - 1 : o] == "、")
                head = k
                n = n or len(areas)
                if len(areas) == 1 and n >= 3:  # "“A，B，C”三大任务": the areas inside one quotation
                    x, y = areas[0]
                    for seps in ("，,", "、"):
                        inner = _pieces(line, x, y, seps)
                        if len(inner) == n:
                            areas = inner
                            break
                elif len(areas) == 1 and not n_counted:  # "“A、B、C”等方面工作": as many as listed
                    areas = _pieces(line, areas[0][0], areas[0][1], "、")
                    n = len(areas)
            else:
                head = sentence
                for c in "，,：:":  # (a comma doubled before 、 by a mirror, "A，、B", is no clause's end)
                    k = line.rfind(c, sentence, m.start())
                    while k >= 0 and line[k + 1 : k + 2] == "、":
                        k = line.rfind(c, sentence, k)
                    head = max(head, k + 1)
                pieces = [p for p in _AREA_SPLIT_RE.split(line[head : m.start()])]
                n = n or len(pieces)
                if len(pieces) == n:
                    pos = head
                    for piece in pieces:
                        k = line.find(piece, pos)
                        areas.append((k, k + len(piece)))
                        pos = k + len(piece)
                    first = _AREA_VERB_RE.match(line, areas[0][0], areas[0][1])
                    if first is not None:
                        again = _AREA_VERB_AGAIN_RE.match(line, first.end(), areas[0][1])
                        areas[0] = ((again or first).end(), areas[0][1])
                    # "…、H等八大工程": the 等 closing the list; quotation marks around it are no name's
                    x, y = areas[0]
                    areas[0] = (x + (line[x : x + 1] in _AREA_QUOTES), y)
                    x, y = areas[-1]
                    y -= line[y - 1 : y] == "等"
                    areas[-1] = (x, y - (line[y - 1 : y] in _AREA_QUOTES))
            if n < 3 or len(areas) != n:
                continue
            if any(not 2 <= y - x <= 40 or _DIGIT_RE.search(line, x, y) for x, y in areas):
                continue
            end = min((k for k in (line.find(c, m.end()) for c in "。！!；;") if k >= 0), default=len(line))
            before, after = line[sentence:head], line[m.end() : end]
            part = part_year(line_start + head)[0]
            # "…总结了去年的工作，并从A、B、C三个方面明确了今年的主要工作": the list's own clause sets the
            # year's work, whatever the clause before it reports (not what leads the list in its clause:
            # "总结了去年在A、B和C等方面的工作")
            sets = _AREA_SETS_RE.search(after) is not None and _AREA_REVIEW_RE.search(after) is None
            if part == "review" or (_AREA_DONE_RE.search(before) and not sets):
                continue
            if _AREA_DONE_RE.search(line, head, areas[0][0]):
                continue
            if not n_counted and not (
                passage
                and sets
                and _AREA_SET_DONE_RE.search(after)
                and _AREA_PLAN_OF_RE.search(line, sentence, end)
            ):
                # (areas closed by 等 are the plan's when what follows says it sets them, or when the
                # sentence promises them as the year's work: "2031年，X将…，重点抓好A、B、C等方面工作")
                whole = max(line.rfind(c, 0, sentence) for c in "。！!？?") + 1
                ahead = line[whole:head].replace("为了", "")
                if not (
                    passage
                    and after.startswith(_AREA_WORK_AFTER)
                    and _CLAUSE_PROMISE_RE.search(ahead)
                    and _YEAR_RE.search(ahead)
                    and not _AREA_DONE_RE.search(ahead)
                ):
                    continue
            if _AREA_DONE_AFTER_RE.search(after) and not _CLAUSE_PROMISE_RE.search(before):
                continue  # ("…要突出A、B、C三个重点，…明显提高": what the promise aims at)
            if part != "plan" and not (_AREA_PLAN_RE.search(before) or sets):
                # (the promise may open the sentence, a clause before the list's: "X将以A为指导，…；补齐
                # B短板，全力实施C、D、E等三大工程"; or the list's own clause, before its verb)
                whole = max(line.rfind(c, 0, sentence) for c in "。！!？?") + 1
                ahead = line[whole : areas[0][0]].replace("为了", "")
                if _AREA_DONE_RE.search(ahead) or not _AREA_PLAN_RE.search(ahead):
                    continue
            if livelihood and (_LIVELIHOOD_WORDS_RE.search(line, sentence, end)):
                continue  # (in a text on the 民生实事, areas of them are no tasks)
            for x, y in areas:
                q0 = x - 1 if line[x - 1 : x] == "“" else x
                add(
                    TASK,
                    line_start + x,
                    line_start + y,
                    line_start + q0,
                    line_start + y,
                    sure=True,
                    area=True,
                )


# A count of the year's work areas before the list of them, in brackets or after a colon ("抓好五项工作
# （A、B、C、D、E）", "做好四个方面重点工作：A、B、C和D。").
_COUNT_THEN_AREAS_RE: Final = re.compile(
    r"(?:抓好|做好|抓实|突出|推进|聚焦|落实|实施|打好|开展)(?P<n>十|[三四五六七八九])(?:个|项|大)(?:方面)?的?"
    r"(?:重点|主要|重要)?(?:工作|任务|行动|工程)(?:[（(](?P<inner>[^（()）。；;：:]{6,150})[）)]"
    r"|[：:](?P<after>[^（()）。；;：:]{6,150})(?=[。；;]|$))"
)


def _count_then_areas(lines: _Lines, part_year: _PartYear, add: _Add) -> None:
    """A plan digest's work areas listed inline right after their count (``_COUNT_THEN_AREAS_RE``),
    in a sentence that promises them (将/要, or the year ahead) and is not in the review part: when as
    many areas are listed (set apart by 、 or 和) as counted, each is a task, named as listed. Only for
    a text in which no other rule found a task."""
    for line_start, line in lines:
        if "工作" not in line and "任务" not in line and "行动" not in line and "工程" not in line:
            continue
        for m in _COUNT_THEN_AREAS_RE.finditer(line):
            n = _ORD.index(m.group("n")) + 1 if m.group("n") != "十" else 10
            group = "inner" if m.group("inner") is not None else "after"
            x0, y0 = m.span(group)
            pieces = _AREA_SPLIT_RE.split(line[x0:y0])
            if len(pieces) != n:
                continue
            areas, pos = [], x0
            for piece in pieces:
                k = line.find(piece, pos)
                areas.append((k, k + len(piece)))
                pos = k + len(piece)
            if any(not 2 <= y - x <= 20 or _DIGIT_RE.search(line, x, y) for x, y in areas):
                continue
            sentence = max(line.rfind(c, 0, m.start()) for c in "。！!？?") + 1
            before = line[sentence : m.start()]
            if part_year(line_start + m.start())[0] == "review" or not (
                _CLAUSE_PROMISE_RE.search(before) or _YEAR_RE.search(before)
            ):
                continue
            if _DONE_RE.search(line, max(sentence, m.start() - 12), m.start()):
                continue  # ("…抓好了五项工作（…）": done, not planned)
            for x, y in areas:
                add(TASK, line_start + x, line_start + y, line_start + m.start(), line_start + y, sure=True)


# A line of a passage that says the plan was set out ("…全面部署2024年重点工作", "对今年的主要工作进行了安排").
_PLAN_SET_OUT_RE: Final = lazy(
    r"(?:部署|安排)[^。！!？?]{0,15}(?:工作|任务)|(?:工作|任务)[^。！!？?]{0,10}(?:部署|安排)"
)


# A photo's caption standing alone in a congress's news ("X镇召开第四届人代会", "代表投票表决").
_EVENT_CAPTION_RE: Final = lazy(r"召开|举行|开幕|闭幕|表决|投票|合影|出席|主持|会场|图为")
# A photo's credit closing its caption ("X镇秋收 李四 摄", "新华社记者 王五 摄"; the spaces may be gone):
# the photographer's name, then 摄 (not 拍摄/航摄, a work of filming).
_PHOTO_CREDIT_RE: Final = lazy(r"[\u3400-\u9fff·][ \t\u3000]*(?<![拍航])摄[ \t\u3000]*$")


def _subheading_tasks(lines: _Lines, simple: str, part_year: _PartYear, add: _Add) -> None:
    """An excerpt of the plan published as a news item, without numbered headings: after the line that
    says the plan was set out (or in a passage read as a plan), two or more lines standing alone
    between paragraphs (``standing_alone``, as the structure reads a digest's headings) are its
    subheadings: each is a task. Only for a passage in which no other rule found a task."""
    filled = [(s, t) for s, t in lines if t.strip()]
    if len(filled) < 5:
        return
    set_out = next(
        (s + len(t) for s, t in filled if part_year(s)[0] == "plan" or _PLAN_SET_OUT_RE.search(t)),
        None,
    )
    if set_out is None:
        return
    found = standing_alone(simple, set_out + 1)
    # (a photo's caption between the paragraphs tells what happened at the congress: no heading)
    found = [(a, b) for a, b in found if not _EVENT_CAPTION_RE.search(simple, a, b)]
    # (and a photo's credit, "…春耕 李四 摄", names the photographer, no task)
    found = [(a, b) for a, b in found if "摄" not in simple[a:b] or not _PHOTO_CREDIT_RE.search(simple, a, b)]
    if len(found) < 2:
        return
    for a, b in found:
        add(TASK, a, b, a, b, sure=True)


# The opening of a sentence that promises the year's work ("2031年，X镇将…", "今年，我们要…").
_YEAR_PROMISE_RE: Final = lazy(
    r"(?:\d{4}年|今年|明年|新的一年|(?:今后|未来)[三五]年)[^，,。；;]{0,4}[，,]?[^，,。；;]{0,12}?(?:将|要(?![求防稳安]))"
)
# A clause that names one work area by its own work verb ("推进A", "全力加强B", "持续增进C").
_WORK_CLAUSE_RE: Final = lazy(
    r"(?:全力|持续|大力|着力|加快|积极|不断|全面|深入|扎实|切实|奋力|继续)?"
    r"(?:推进|推动|加强|增进|提升|强化|优化|深化|完善|做强|做优|做大|壮大|发展|保障|改善|打造|培育|"
    r"守牢|提高|促进|实施|巩固|加快)[^，,。；;：:\d]{2,18}"
)


def _promised_clauses(lines: _Lines, add: _Add, *, livelihood: bool = False) -> None:
    """A digest's one sentence that promises the year's work ("2031年，X镇将贯彻A精神，推进B，推进C，
    全力加强D，为E贡献力量"): three or more clauses in a row set apart by commas, each a work verb
    (after an adverb) and its object, are the tasks; the clauses that frame them (贯彻…精神, 紧扣…部署,
    the purpose after 为) are none. Only for a passage in which no other rule found a task."""
    for line_start, line in lines:
        if "将" not in line and "要" not in line:
            continue
        for sentence in _SENTENCE_RE.finditer(line):
            x, y = sentence.span()
            promise = _YEAR_PROMISE_RE.search(line, x, min(y, x + 40))
            if promise is None or _DONE_RE.search(line, x, promise.start()):
                continue
            clauses = _pieces(line, promise.end(), y, "，,")
            run: list[tuple[int, int]] = []
            best: list[tuple[int, int]] = []
            for p, q in clauses:
                p += len(line[p:q]) - len(line[p:q].lstrip())
                listed = _listed_works(line, p, q) if "、" in line[p:q] else None
                if listed is not None:  # "推进A、提升B、保障C": the run within one clause
                    if livelihood and _LIVELIHOOD_WORDS_RE.search(line, x, y):
                        break
                    best = listed if len(listed) > len(best) else best
                    run = []
                elif livelihood:
                    run = []  # (in a text on the 民生实事, only a list of works of the plan)
                elif _WORK_CLAUSE_RE.fullmatch(line, p, q):
                    run.append((p, q))
                    best = run if len(run) > len(best) else best
                else:
                    run = []
            if len(best) >= 3:
                for p, q in best:
                    add(
                        TASK,
                        line_start + p,
                        line_start + q,
                        line_start + p,
                        line_start + q,
                        sure=True,
                        area=True,
                    )
                return


# The lead of a list of the year's key aims ("重点实现A、B、C"): its pieces need no verb of their own.
_KEY_AIMS_RE: Final = lazy(r"重点(?:实现|抓好|做好|推进|突出)")


def _listed_works(line: str, p: int, q: int) -> list[tuple[int, int]] | None:
    """line[p:q], one clause, as a list of three or more works set apart by 、: each piece a work verb
    and its object ("推进A、提升B、保障C"), or pieces of 4 to 15 characters without digits after
    the lead of the key aims ("重点实现A、B、C"); None when it is no such list."""
    lead = _KEY_AIMS_RE.match(line, p, q)
    pieces = _pieces(line, lead.end() if lead else p, q, "、")
    if len(pieces) < 3:
        return None
    if lead is not None:
        if all(4 <= b - a <= 15 and not _DIGIT_RE.search(line, a, b) for a, b in pieces):
            return pieces
        return None
    if all(_WORK_CLAUSE_RE.fullmatch(line, a, b) for a, b in pieces):
        return pieces
    return None


# A digest's line that names a works and, after a colon, first its stage ("X大桥:建成通车", "• Y站：
# 投入使用，日均客流…"): the works is a project.
_STAGED_LABEL_RE: Final = re.compile(
    r"^[\s•·●▪\-]*(?P<name>[\u3400-\u9fff][\u3400-\u9fff\w]{1,19})[：:][ \t]*"
    rf"(?:已|全面|正式|顺利|如期|基本|全线|实现)?(?:{_STAGE_VERBS}|运营|运行)+(?:[，,。；;]|[ \t]*$)"
)


def _staged_labels(lines: _Lines, add: _Add) -> None:
    """Each line ``_STAGED_LABEL_RE`` matches gives a project named by its label, unless the label is
    a class or a kind of works rather than a name (``_generic``, ``_is_class``); sure (the labeller's
    O does not drop it: the shape is the digest's own, not the running text it learnt from)."""
    for line_start, line in lines:
        if "：" in line or ":" in line:
            m = _STAGED_LABEL_RE.match(line)
            if m is not None and not _generic(m.group("name")) and not _is_class(m.group("name")):
                stripped = len(line.rstrip())
                add(
                    PROJECT,
                    line_start + m.start("name"),
                    line_start + m.end("name"),
                    line_start + m.start("name"),
                    line_start + stripped,
                    sure=True,
                )


# The words that open a notice's own matters ("现将有关事宜通知如下：", "具体要求如下："), not a list of works.
_NOTICE_OPENS_RE: Final = lazy(r"(?:通知|事宜|事项|要求)如下[：:]?$")


def _livelihood_lists(lines: _Lines, add: _Add, *, headed: bool = True) -> list[tuple[int, int]]:
    """Entries of 民生实事 lists (numbered lines, short unnumbered lines, or inline after 分别是/包括/：).

    Each entry names one livelihood project; an entry listing several objects with 、 gives one
    each. Of nested lists only the leaves count. A passage without headings that opens on its
    民生实事 goes on with one paragraph per entry, named in the paragraph's first sentence. Returns
    the spans the lists cover.
    """
    spans: list[tuple[int, int]] = _vote_results(lines, add) + _livelihood_table(lines, add)
    i = 0
    while i < len(lines):
        line_start, line = lines[i]
        trigger = _list_trigger(line)
        if trigger and _in_project_list(
            line, max(line.rfind(c, 0, trigger.start()) for c in "。！!；;") + 1, trigger.start()
        ):
            trigger = None  # (its entries are projects)
        if not trigger or _inside(spans, line_start):
            i += 1
            continue
        named = [
            n
            for m in _livelihood_list_finditer(line, trigger.start())
            for n in _named_before(line, m.start())
        ]
        for x, y in named:  # "视察了A和B 2个民生实事项目", "以“A、B、C”为主要内容的3项民生实事"
            # (one work named for them all, "包括A等在内的十件民生实事": sure, the count sets it out)
            _entry(line, line_start, x, y, _surely(add) if len(named) == 1 else add, inline=False)
        if named:
            spans.append((line_start, line_start + len(line)))
        quoted = _QUOTED_COUNTED_RE.search(line, trigger.start()) if "”“" in line or "”、“" in line else None
        if quoted and not named:  # "…民生实事项目…。“完善A”“加强B”“改善C”等十个项目已全部完成"
            k = quoted.start()
            while k < quoted.end() and line[k] == "“":
                close = line.index("”", k)
                _entry(line, line_start, k + 1, close, add, inline=False)
                k = close + 1 + (line[close + 1 : close + 2] in "、和及")
            spans.append((line_start, line_start + len(line)))
        among = _AMONG_QUOTED_RE.search(line, trigger.end()) if "其中“" in line else None
        if among and not named and not quoted:  # "…39件民生实事已有26件开始实施，其中“A”任务已完成"
            _entry(line, line_start, among.start(1), among.end(1), _surely(add), inline=False)
        inline = None if _opens(line) else _INLINE_RE.search(line, trigger.end())
        if inline and _SAID_COLON_RE.search(line, 0, inline.end()):
            inline = None  # "一位代表说：“…”": words said, not a list
        if inline and _said_in_quote(line, inline.start()):
            inline = None  # "代表说：“…票决出的N件民生实事，分别涉及A、B…”": the same, inside the quotation
        if inline:  # (a line ending "…具体包括：" introduces the lines after it, not a list of its own)
            stop = line.find("。", inline.end())
            rest_end = stop if stop >= 0 else len(line)
            marks = [m.start() for m in _INLINE_ENUM_RE.finditer(line, inline.end())]
            if marks and not line[inline.end() : marks[0]].strip():  # "分别是：(1)…。(2)…。"
                for x, y in zip(marks, marks[1:] + [len(line)], strict=True):
                    enum = _INLINE_ENUM_RE.match(line, x)
                    _entry(line, line_start, enum.end() if enum else x, y, add, inline=False)
                spans.append((line_start, line_start + len(line)))
            elif rest_end - inline.end() >= 4:
                remark = _LIST_REMARK_RE.search(line, inline.end(), rest_end)
                if remark:
                    rest_end = remark.start()  # "：A、B，共计投入…，均计划…": the list ends at its remark
                closed = _LIST_CLOSED_RE.search(line, inline.end(), rest_end)
                if closed:
                    rest_end = closed.start()  # "：A、B、C等8个项目已完工，其余…": the names end at 等
                pieces = _pieces(line, inline.end(), rest_end, "；;")
                if _CLASS_COUNT_RE.match(line, inline.end()):  # "共包括六大类N个项目。一是X类，包括A、B…"
                    _entry(line, line_start, inline.end(), len(line), add, inline=False)
                elif len(pieces) >= 3 and all(_COUPLET_RE.fullmatch(line, x, y) for x, y in pieces):
                    for x, y in pieces:  # "：建设A、改善B；增加C、丰富D；…": each couplet one entry
                        x += len(line[x:y]) - len(line[x:y].lstrip())
                        add(LIVELIHOOD, line_start + x, line_start + y, line_start + x, line_start + y)
                elif len(pieces) >= 3:  # "分别是：A；B，C；D。": each ；-piece an entry, read as a line
                    broken = _broken_off(lines, i, stop)
                    # (as many pieces as the count before the list: its entries, sure)
                    counted = not broken and len(pieces) in (
                        _count_before(line, inline.start()),
                        _count_of(closed.group()) if closed else None,
                    )  # ("…：A；B；C等三个项目": the count that closes the list, as well)
                    # "：满足A需求，实施B项目；彰显C特色，实施D工程；…": each entry an aim and its work
                    # after a comma, the work names it
                    works = [] if broken else _aimed_works(line, pieces)
                    for x, y in works or (pieces[:-1] if broken else pieces):
                        _entry(line, line_start, x, y, _surely(add) if counted else add, inline=False)
                    if broken:  # "…；五是加大" + "投入，…；六是…。": the list goes on in the next line
                        s2, body2 = lines[broken]
                        end2 = body2.find("。")
                        for x, y in _pieces(body2, 0, end2 if end2 >= 0 else len(body2), "；;"):
                            _entry(body2, s2, x, y, add, inline=False)
                        spans.append((s2, s2 + len(body2)))
                else:
                    _entry(line, line_start, inline.end(), rest_end, add, inline=True)
                spans.append((line_start, line_start + len(line)))
        else:
            run = _running_entries(line, trigger.end())
            if run:  # "办好民生实事，新建A，改造B，…"
                _entry(line, line_start, run[0], run[1], add, inline=True)
                spans.append((line_start, line_start + len(line)))
        opens = _opens(line)
        if opens and _NOTICE_OPENS_RE.search(line.rstrip()[-12:]):
            i += 1  # "…确定N项民生实事，现将有关事宜通知如下：": the notice's matters follow, no entries
            continue
        j = i + 1
        while j < len(lines) and not lines[j][1].strip():
            j += 1
        if j >= len(lines):
            break
        if _inside(spans, lines[j][0]):
            i += 1  # (a title over a table of the 民生实事, read already: ``_livelihood_table``)
            continue
        first = lines[j][1]
        numbered = _FIRST_ENUM.match(first) is not None
        if numbered and not opens and _reported_done(line, trigger):
            numbered = False  # "…十件实事如期完成。" closes a paragraph: the numbered lines after are not its
        if not (numbered or opens):
            roster = _roster_under_heading(lines, i)
            if roster:  # "实事项目" over short lines, one work each (grouped under "01", "02"…)
                for idx in roster:
                    s, body = lines[idx]
                    lead = len(body) - len(body.lstrip(" \t*＊"))
                    _entry(body, s, lead, len(body), add, inline=False)
                spans.append((lines[j][0], lines[roster[-1]][0] + len(lines[roster[-1]][1])))
                i = roster[-1] + 1
                continue
            if _is_title(lines, i):  # a document about its 民生实事: its first-level headings are the entries
                titled = _title_list(lines, i + 1)
                heads = _leaves(lines, titled) or titled
                if heads:
                    for idx, enum_end in heads:
                        _entry(lines[idx][1], lines[idx][0], enum_end, len(lines[idx][1]), add, inline=False)
                    spans += [
                        (lines[idx][0], lines[idx][0] + len(lines[idx][1])) for idx, _ in titled + heads
                    ]
                    spans += _entry_bodies(lines, [idx for idx, _ in heads])
                    i = heads[-1][0] + 1
                    continue
            grouped = _grouped_paragraphs(lines, j)
            if grouped:  # "“两个新建”，即新建A，…；新建B，…。": each ；-piece an entry, named by its first
                for idx, at in grouped:  # clause (sure: the group's label sets the list out)
                    s, body = lines[idx]
                    for x, y in _pieces(body, at, len(body), "；;。"):
                        comma = min([k for k in (body.find(c, x, y) for c in "，,") if k >= 0], default=y)
                        x += len(body[x:comma]) - len(body[x:comma].lstrip())
                        _entry(body, s, x, comma, _quoting(_surely(add), s + x, s + y), inline=False)
                spans.append(
                    (lines[grouped[0][0]][0], lines[grouped[-1][0]][0] + len(lines[grouped[-1][0]][1]))
                )
                i = grouped[-1][0] + 1
                continue
            classed = _classed_paragraphs(lines, j)
            if classed:
                _classed_entries(lines, classed, add)
                spans.append((lines[j][0], lines[classed[-1][1]][0] + len(lines[classed[-1][1]][1])))
                i = classed[-1][1] + 1
                continue
            listed_here = bool(spans) and spans[-1][0] == line_start  # (the line held its list inline)
            follow = None if listed_here else _following_list(first)
            if follow:  # "…坚持为民办实事。" / "其中…，主要有：A；B；C。": the list in the next paragraph
                # (sure: a list so set out is the 民生实事's whatever the labeller reads; an aim and its
                # work in each entry: the work names it, ``_aimed_works``)
                for x, y in _aimed_works(first, follow) or follow:
                    _entry(first, lines[j][0], x, y, _surely(add), inline=False)
                spans.append((lines[j][0], lines[j][0] + len(first)))
                i = j + 1
                continue
            done = _DONE_COUNT_RE.search(line, _clause_left(line, trigger.start()), trigger.start())
            paragraphs = [] if headed or listed_here or done else _entry_paragraphs(lines, i)
            for idx in paragraphs:
                s, body = lines[idx]
                full_stop = re.search(r"[。！!]", body)
                lead = len(body) - len(body.lstrip())
                _entry(body, s, lead, full_stop.start() if full_stop else len(body), add, inline=False)
            if paragraphs:
                spans.append(
                    (lines[paragraphs[0]][0], lines[paragraphs[-1]][0] + len(lines[paragraphs[-1]][1]))
                )
                i = paragraphs[-1] + 1
                continue
            i += 1
            continue
        labels = _labelled_paragraphs(lines, j) if opens else []
        if labels:  # "…安排如下：" / "X" / "…。" / "Y" / "…。": a short label over each entry's paragraph
            for idx in labels:
                s, body = lines[idx]
                lead = len(body) - len(body.lstrip())
                _entry(body, s, lead, len(body.rstrip()), add, inline=False)
            spans.append((lines[j][0], lines[labels[-1] + 1][0] + len(lines[labels[-1] + 1][1])))
            spans += _entry_bodies(lines, labels)
            i = labels[-1] + 2
            continue
        entries: list[tuple[int, str, int, int]] = []  # (line index, style, enumerator end, line length)
        k = j
        while k < len(lines):
            s, body = lines[k]
            if not body.strip():
                k += 1
                continue
            style = _enum_style(body)
            if style is None:
                short = len(body.strip()) <= 80 and body.rstrip().endswith(("。", "；", ";"))
                short = short or _LABELLED_ENTRY_RE.match(body) is not None  # "X项目：…" of any length
                # after a line that opens them ("以下项目当选："), a line naming one work, no sentence
                short = short or (opens and _ROSTER_LINE_RE.match(body) is not None)
                if numbered:
                    after = next((t for _, t in lines[k + 1 :] if t.strip()), "")
                    after_style = _enum_style(after)
                    # (a longer note under a heading when the list goes on in a style it has used)
                    known = after_style is not None and any(e[1] == after_style[0] for e in entries)
                    if not (len(body.strip()) <= (160 if known else 100) and after_style and entries):
                        break
                elif not short:
                    break
                entries.append((k, "plain", len(body) - len(body.lstrip()), len(body)))
            else:
                entries.append((k, style[0], style[1], len(body)))
            k += 1
        if not entries:
            i += 1
            continue
        nested = len({e[1] for e in entries} - {"plain"}) >= 2
        for n, (idx, kind, enum_end, _length) in enumerate(entries):
            nxt = entries[n + 1] if n + 1 < len(entries) else None
            if (
                nxt
                and nxt[1] != kind
                and nxt[1] != "plain"
                and (_FIRST_ENUM.match(lines[nxt[0]][1]) or kind == entries[0][1])
            ):  # (the leaves' numbers may run on across headings: "一、…方面 1、2、 二、…方面 3、4、")
                continue  # a category heading of a nested list: only its leaves are entries
            if nested and kind == "plain" and n and entries[n - 1][1] != "plain":
                continue  # in a nested list, a line without a number under a heading tells how it goes
            s, body = lines[idx]
            numbered_in = kind != "plain" and ("(" in body or "（" in body or "②" in body)
            run_in = list(_INLINE_ENUM_RE.finditer(body, enum_end)) if numbered_in else []
            # "(1)A…；(2)B…；(3)C…" run into one line (the line breaks lost): each number an entry
            for x, y in zip(
                [enum_end, *(m.end() for m in run_in)], [*(m.start() for m in run_in), len(body)], strict=True
            ):
                _entry(body, s, x, y, add, inline=False)
        spans.append((lines[j][0], lines[k - 1][0] + len(lines[k - 1][1])))
        i = k
    return spans


# The verb that opens the work after its aim in an entry of a list of aims and works ("…，实施X工程").
_AIMED_WORK_RE: Final = lazy(r"[ \t]*(?:实施|举办|实现|建设|新建|建成|改造|推进|开展|完成|启动)(?=[^，,]{2})")


_ENDS_ON_WORK_RE: Final = lazy(_PROJECT_END + "$")
_BUILDS_RE: Final = lazy(r"(?:新建|扩建|改建|改造|建设|建成|修建|新增|安装|铺设|硬化|实施|完成|开工|启动)")


def _aimed_works(line: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The works of a list whose every entry (``pieces``, three or more) is two clauses, an aim and,
    after a comma, its work opening with a work verb ("满足A需求，实施B项目"): the works' clauses
    after their verbs; [] for a list of any other shape."""
    works = []
    for x, y in pieces:
        clauses = _pieces(line, x, y, "，,")
        verb = _AIMED_WORK_RE.match(line, *clauses[1]) if len(clauses) == 2 else None
        if verb is None:
            return []
        first = line[clauses[0][0] : clauses[0][1]].strip()
        if _ENDS_ON_WORK_RE.search(first) or _BUILDS_RE.match(first):
            return []  # "新建A楼，实施B工程": two works, not an aim and its work
        works.append((verb.end(), clauses[1][1]))
    return works


# The count of the 民生实事 a list is announced by ("今年六项民生实事工程包括：", "确定了8件为民实事："), at the
# end of the words before the list.
_ANNOUNCED_COUNT_RE: Final = lazy(
    r"(?P<n>\d{1,2}|[一二三四五六七八九十两]{1,3})[件项个][^，,。；;：:\d]{0,6}?(?:民生|为民|惠民|政府)?实事"
    r"[^，,。；;：:\d]{0,6}$"
)


def _count_before(line: str, at: int) -> int | None:
    """The count of the 民生实事 that the words of the sentence before ``at`` end on (the list's
    announcement), or None."""
    start = max(line.rfind(c, 0, at) for c in "。！!；;") + 1
    m = _ANNOUNCED_COUNT_RE.search(line, max(start, at - 24), at)
    return _count_of(m.group("n")) if m is not None else None


def _count_of(words: str) -> int | None:
    """The first count in ``words`` ("等三个项目" → 3, "8件" → 8), or None."""
    m = _A_COUNT_RE.search(words)
    if m is None:
        return None
    if m.group().isdecimal():
        return int(m.group())
    value = chinese_numeral(m.group())
    return int(value) if value is not None else None


_A_COUNT_RE: Final = lazy(r"\d{1,3}|[一二三四五六七八九十两]{1,3}")


def _said_in_quote(line: str, at: int) -> bool:
    """line[at] is inside a quotation still open that follows words saying who speaks ("…说：“"):
    the words said."""
    open_at = line.rfind("“", 0, at)
    if open_at < 0 or line.rfind("”", 0, at) > open_at:
        return False
    return _SAID_COLON_RE.search(line, max(0, open_at - 8), open_at) is not None


# One of the 民生实事 picked out in quotation marks after their count ("其中“A”任务已圆满完成").
_AMONG_QUOTED_RE: Final = lazy(r"其中“([^“”，,。；;]{4,40})”(?=[^，,。；;]{0,2}(?:任务|项目|工程|已|正))")


def _quoting(add: _Add, q_start: int, q_end: int) -> _Add:
    """``add`` with every item it records quoted from ``q_start`` to ``q_end`` (an entry named by its
    first clause, quoted whole)."""

    def add_quoted(kind: str, name_start: int, name_end: int, *_quote: int, **extra: object) -> None:
        add(kind, name_start, name_end, q_start, q_end, **extra)

    return add_quoted


def _surely(add: _Add) -> _Add:
    """``add`` with every item it records marked sure."""

    def add_sure(*args: object, **extra: object) -> None:
        add(*args, **extra, sure=True)

    return add_sure


def _following_list(line: str) -> list[tuple[int, int]]:
    """The entries of the list a paragraph opens with, right after the line naming the 民生实事: in its
    first sentence, within its first 40 characters, the words that open an inline list (主要有, 包括,
    分别是, a colon), then three or more pieces set apart by semicolons up to the full stop."""
    opener = _INLINE_RE.search(line, 0, 40)
    if opener is None or line.find("。", 0, opener.start()) >= 0:
        return []
    stop = line.find("。", opener.end())
    pieces = _pieces(line, opener.end(), stop if stop >= 0 else len(line), "；;")
    return pieces if len(pieces) >= 3 else []


# A livelihood name that names no work: the congress or its deputies ("X街道人大工委", "人大代表"),
# a page's controls ("打印", "浏览量", "字体"), the projects spoken of in general ("所有项目",
# "这几个项目", "对项目进行评议"); and one that opens on an aim ("坚持X", "夯实Y基础").
_NO_WORK_RE: Final = re.compile(
    r"人大|打印|浏览|字体|字号|所有项目|这[几些]?个?项目|最佳项目|参加项目|对项目"
)
_AIM_NAME_RE: Final = re.compile(r"坚持|聚焦|夯实|彰显|满足|落实|从严")


def _names_no_work(simple: str, a: int, b: int) -> bool:
    """simple[a:b] is no livelihood project's name (see above; or all ASCII: "png", an image's type)."""
    return (
        _NO_WORK_RE.search(simple, a, b) is not None
        or _AIM_NAME_RE.match(simple, a, b) is not None
        or simple[a:b].isascii()
    )


# The tally of a congress's vote on one work ("A项目赞成52票，反对0票"; "B赞成票48票"): the name
# before it, after the mark that opens its clause or the quotation reporting the tally.
_VOTE_RE: Final = lazy(
    r"(?:^|(?<=[“，,；;。\s]))(?P<name>[^“”，,；;。\s]{4,40}?)(?:项目)?(?<![以获得])(?=赞成(?:票)?[\d一二三四五六七八九十]+票)"
)


def _vote_results(lines: _Lines, add: _Add) -> list[tuple[int, int]]:
    """Works named by the tally of the congress's vote on them, in a text on the 民生实事 (their
    names are voted on, "票决"): livelihood projects. Returns the lines holding tallies."""
    spans: list[tuple[int, int]] = []
    voted: bool | None = None  # (the text speaks of the 民生实事: tested at the first tally only)
    for line_start, line in lines:
        if "赞成" not in line:
            continue
        if voted is None:
            voted = any("实事" in t or "民生" in t for _, t in lines)
        if not voted:
            break
        found = False
        for m in _VOTE_RE.finditer(line):
            a, b = m.span()
            add(LIVELIHOOD, line_start + a, line_start + b, line_start + a, line_start + b)
            found = True
        if found:
            spans.append((line_start, line_start + len(line)))
    return spans


_DONE_WORD_RE: Final = re.compile(r"完成|办结|兑现|落实到位")


# A count of the 民生实事 reported done ("完成20件民生实事", "办结了8项"): a review's paragraph, which
# goes on with other results, not with the entries.
_DONE_COUNT_RE: Final = re.compile(r"(?:完成|办结|兑现|办好)了?[\d一二三四五六七八九十两]+[项件个]")


def _reported_done(line: str, trigger: re.Match) -> bool:
    """The sentence naming the 民生实事 ends the paragraph and reports them done ("…十件实事如期完成。",
    "…完成了各项目标任务和5件民生实事。"): it closes a review, it introduces nothing."""
    end = line.find("。", trigger.end())
    if end >= 0 and line[end + 1 :].strip():
        return False
    start = max(line.rfind(c, 0, trigger.start()) for c in "。！!") + 1
    return _DONE_WORD_RE.search(line, start, end if end >= 0 else len(line)) is not None


# Words after a 民生实事 that make it part of a document's name ("关于印发…民生实事项目的通知").
_DOCUMENT_AFTER_RE: Final = re.compile(r"[^，,。；;：:]{0,6}?的(?:通知|决定|意见|报告|批复|函)")


_LIVELIHOOD_COUNTS: Final = frozenset("十两三五")  # (the numerals _LIVELIHOOD_LIST_RE counts with)


def _livelihood_list_search(line: str, pos: int = 0) -> re.Match | None:
    """``_LIVELIHOOD_LIST_RE.search(line, pos)`` (a match of it tried only where one may start).

    The pattern opens with a count in one of its alternatives, which leaves the regex engine no
    character to scan for: a search tries it at every character. Every match holds 实事, 民生工程 or
    为民兴办 at a known offset from its start (实事 two or three characters after 民生, 为民(办), 惠民;
    one or three after the count's 件/项 — the count a run of digits or one numeral — or right at the
    start), so the places where a match may start are found with ``str.find``, and the pattern is
    tried there, leftmost first."""
    starts: list[int] = []
    k = line.find("实事", pos)
    while k >= 0:
        starts.append(k)
        for x in (k - 2, k - 3):
            if x >= pos:
                starts.append(x)
        for q in (k - 1, k - 3):  # (the count's 件/项)
            if q - 1 >= pos and line[q] in "件项":
                c = q - 1
                if line[c] in _LIVELIHOOD_COUNTS:
                    starts.append(c)
                elif line[c].isdecimal():
                    while c > pos and line[c - 1].isdecimal():
                        c -= 1
                    starts.append(c)
        k = line.find("实事", k + 1)
    for word in ("民生工程", "为民兴办"):
        k = line.find(word, pos)
        if k >= 0:
            starts.append(k)
    if not starts:  # (most lines)
        return None
    for at in sorted(set(starts)):
        m = _LIVELIHOOD_LIST_RE.match(line, at)
        if m is not None:
            return m
    return None


def _livelihood_list_finditer(line: str, pos: int = 0) -> list[re.Match]:
    """``list(_LIVELIHOOD_LIST_RE.finditer(line, pos))`` (its matches are never empty: each search goes
    on from the end of the last match)."""
    found: list[re.Match] = []
    m = _livelihood_list_search(line, pos)
    while m is not None:
        found.append(m)
        m = _livelihood_list_search(line, m.end())
    return found


def _list_trigger(line: str) -> re.Match | None:
    """The first 民生实事 word of ``line`` that may introduce a list: in a paragraph, not one inside
    the name of a document (in book-title marks, or before "的通知/的决定…"), which introduces
    nothing. (A short line naming them so is a title: what follows it is theirs.)"""
    m = _livelihood_list_search(line)
    if len(line) <= 40:
        return m
    while m is not None:
        if line.rfind("《", 0, m.start()) > line.rfind("》", 0, m.start()):
            close = line.find("》", m.end())
            m = _livelihood_list_search(line, close + 1) if close >= 0 else None
        elif _DOCUMENT_AFTER_RE.match(line, m.end()):
            m = _livelihood_list_search(line, m.end())
        else:
            return m
    return None


# The count of the 民生实事 right after the names of them ("A和B 2个", "“A、B”为主要内容的10项").
_COUNT_BEFORE_RE: Final = re.compile(
    r"(?:(?:”?为主要内容的|”|”?等在内的|等)?[\d一二三四五六七八九十两]+[个项件]"
    r"(?:[^\d\s，,。；;、“”]{1,8}?(?:街道|镇|乡|区|县|市))?(?:\d{4}年度?)?(?:政府)?(?:区级|市级|县级|镇级|重点)?|"
    r"等一批[^，,。；;“”]{0,12}|”?等在内的(?:\d{4}年度?)?)[ \t]*$"
)  # (and "A、B等一批（省定、市定）民生实事": the works named first, counted by none; and "A、B 6项X镇2024年
# 民生实事": the place and the year between the count and the words; and "包括“A、B、C”等在内的实事项目")
# Three or more works each in quotation marks, then their count ("“A”“B”“C”等十个项目", "“A”、“B”、“C”等3件实事"):
# in a paragraph on the 民生实事, each quoted phrase one entry.
_QUOTED_COUNTED_RE: Final = lazy(
    r"(?:“[^“”]{2,30}”[、和及]?){3,}(?=等[\d一二三四五六七八九十两]+[个项件](?:民生)?(?:实事|项目|工程))"
)
# Where the names start in their clause: after what was done to them or the mark opening them.
_NAMES_START_RE: Final = re.compile(r".*(?:了|“|包括|是)")


_FIELDS_BEFORE_RE: Final = lazy(r"等[^、，,。；;]{0,6}(?:领域|方面)")


_YEAR_END_RE: Final = re.compile(r"\d{4}年度?[ \t]*$")


def _named_before(line: str, at: int) -> list[tuple[int, int]]:
    """The works named just before the count of the 民生实事 at ``at``, two or more joined by 、 or
    和: their spans (none when the count follows no such list)."""
    count = _COUNT_BEFORE_RE.search(line, max(0, at - 24), at)  # (a count is short: only its end is read)
    if count is None:
        return []
    start = max(line.rfind(c, 0, count.start()) for c in "，,。；;：:") + 1
    before = line[start : count.start()]
    if ("领域" in before or "方面" in before) and _FIELDS_BEFORE_RE.search(before):
        return []  # "涵盖A、B等方面共N件实事": the fields they cover, no works named
    if _YEAR_END_RE.search(before):
        return []  # "…以A和B勾选出2031年七个民生实事项目": the year they are for, no works before the count
    listed = line.find("、", start, count.start()) >= 0
    lead = _NAMES_START_RE.match(line, start, count.start())
    start = lead.end() if lead else start
    names = [(x, y) for x, y in _pieces(line, start, count.start(), "、和") if y - x >= 2]
    if len(names) >= 2 and "及" in line[names[-1][0] : names[-1][1]]:
        names[-1:] = _last_joined_pair(line, *names[-1])  # "A、B及C等3项": 及 joins the last two as 和 does
    # (not "完成了目标任务及代表票决的5件": two names joined by 及 alone may be one thing said of both)
    if len(names) == 1 and lead and lead.group()[-1] != "“" and not listed and "等" in count.group()[:3]:
        x, y = names[0]  # "选出了《A》等10件民生实事": one work named for them all, an entry
        if line[x] == "《" and line[y - 1] == "》":
            x, y = x + 1, y - 1
        return [(x, y)]
    return names if len(names) >= 2 else []


# An entry of two short phrases set side by side ("优化医疗服务、减轻就医负担"): a work and what it
# is for, one entry.
_COUPLET_RE: Final = re.compile(r"[ \t]*[^\W\d_]{2,8}、[^\W\d_]{2,8}[ \t]*")
# "等8个项目", "等十大类工程" after names listed with 、: the list of names ends there, what follows
# reports on them.
_LIST_CLOSED_RE: Final = lazy(
    r"(?<=[^、，,]{2})等(?:[\d一二三四五六七八九十两]+(?:[个项件](?:民生)?(?:实事)?项目|大?类(?:工程|项目))|"
    r"(?:多个)?(?:方面|领域|内容)(?=[，,]))"
)  # (and "等方面，": what follows the list's fields comments on them all)
# A name holding the words for the 民生实事 themselves ("社会民生工程", "此次民生工程"): the class
# spoken of, not one of its entries.
_CATEGORY_NAME_RE: Final = re.compile(r"民生工程|民心工程|民生实事|民生项目")
# A remark closing an inline list, on all its entries (what they cost, when they end): no entry.
_LIST_REMARK_RE: Final = lazy(
    r"[，,](?=[ \t]*(?:共计|合计|总计|共投入|均|全部)[^，,。；;]{0,4}(?:投|计划|完成|\d))"
)
# A colon after a verb of saying opens the words said ("他说：“…”"), not a list.
_SAID_COLON_RE: Final = lazy(r"(?:说|道|表示|指出|强调|介绍|认为|坦言)[：:]$")
# A clause of a list entry that says how it is done ("按照“…”的要求"), and one that counts who
# benefits ("新增受益人口N万人"): neither names a work.
_MANNER_RE: Final = re.compile(r"[ \t]*(?:按照|根据|依照|对照|参照)")
_BENEFIT_RE: Final = re.compile(
    r"受益|惠及|覆盖|带动|学位|面积"
)  # (and one that sizes it: "新增面积N平方米")
# A clause of a list entry that names a service by whom it is for ("为70岁以上老人免费体检").
_FOR_WHOM_RE: Final = lazy(r"[ \t]*为[^，,。；;]{2,20}(?:免费|实施|提供|开展|发放|进行)")
# (a service counted or free — "为3000名妇女免费筛查" —, not the purpose of the work before it:
# "打造X站，为残疾人提供更专业的服务")
_COUNTED_SERVICE_RE: Final = re.compile(r"\d|免费")
# A list entry that opens with its name and a colon ("X项目：对A进行B…"), however long it runs.
_LABELLED_ENTRY_RE: Final = lazy(rf"^[ \t]*[^，,。；;：:\n]{{2,24}}{_PROJECT_END}[：:]")


# A clause stating an aim rather than a work ("加强农村环境治理", "着力提升城市功能").
_AIM_RE: Final = lazy(
    r"[ \t]*(?:[一二三四五六七八九十]是)?(?:着力|加快|大力|进一步|全面|持续|不断)?(?:加强|扩充|完善|提升|优化|强化|加大|改善|提高|创新|治理)(?!调整|改造)"
)
_PROSE_RE: Final = lazy(r"[，,。！!]")
# A paragraph that ends by sending the reader to what follows ("…，一起来看看。", "…具体如下：").
_LOOK_BELOW_RE: Final = lazy(r"(?:一起来?看看|来看看|具体如下|详情如下)[。！!：:]?[ \t]*$")
_CLOSING_RE: Final = re.compile(r"^[ \t]*(?:随着|总之|下一步|今后|接下来|此外|同时)")
# A paragraph of a congress's news on its proceedings ("镇长X同志代表…", "会议期间，…", "当天，…",
# "X书记表示，…"): no entry.
_PROCEEDINGS_RE: Final = lazy(
    r"^[ \t]*(?:当天|当日|随后|会后|[^，,。；;]{0,12}(?:同志|会议|大会|会上|会前|代表们)|[^，,。；;]{2,24}(?:表示|指出|强调)[，,：:])"
)


# A line of a roster of works: short, no sentence punctuation, a number or a work verb in it.
_ROSTER_LINE_RE: Final = lazy(r"^[ \t*＊]*[^。，,；;：:！!？?\n]{4,50}$")
_GROUP_NUMBER_RE: Final = lazy(r"^[ \t]*(?:\d{1,2}|[一二三四五六七八九十]{1,2})[ \t]*$")
_REMARK_LINE_RE: Final = re.compile(r"^[ \t]*[（(][^()（）]*[)）][ \t]*$")
# A paragraph that counts the 民生实事 it announces for the coming year ("将实施N类M项民生实事"), and
# the lines under it: short, no sentence ends, at most a comma or two; and a group's aim among them
# ("着力改善出行": an adverb of effort, a verb, no number).
_COUNTED_ANNOUNCE_RE: Final = re.compile(
    r"(?:将|要|继续|计划|拟)[^。！!]{0,12}?(?:\d+|[一二三四五六七八九十两]{1,3})[项件个](?:民生|为民|惠民)?(?:实事|民生工程)"
)
_TALLIED_HEADING_RE: Final = re.compile(
    r"(?:\d+|[一二三四五六七八九十两]{1,3})[大件项](?:民生|为民|惠民)?实事"
)
_LOOSE_ROSTER_LINE_RE: Final = lazy(r"^[ \t*＊·•]*[^。！!？?：:\n]{4,60}$")
_GROUP_AIM_RE: Final = lazy(
    r"^(?:着力|不断|切实|持续|全力|大力|努力|聚力|进一步|全面|用心|倾力)[^\d，,、；;（(]{2,8}$"
)


def _roster_under_heading(lines: _Lines, i: int) -> list[int]:
    """A short heading naming the 民生实事 ("实事项目", "2026年为民办实事") over short lines that each
    name one work ("新建A 5处", "*改造B"), maybe grouped under bare numbers ("01", "02"), with a
    remark in brackets and the page's running title between them: the lines' indices (three or
    more).

    A paragraph that counts the 民生实事 it announces ("今年将办好8类30项民生实事，…") heads such
    lines too; they may then run to a comma ("新建A，改造B") and be grouped under short aims of no
    number ("着力改善出行"), which are no entries."""
    heading = lines[i][1].strip()
    counted = len(heading) > 24 and _COUNTED_ANNOUNCE_RE.search(heading) is not None
    if not counted and (len(heading) > 24 or not _ROSTER_LINE_RE.match(heading)):
        return []
    line_re = _LOOSE_ROSTER_LINE_RE if counted else _ROSTER_LINE_RE
    seen = {t.strip() for _, t in lines[:i] if t.strip()}
    # (a heading that counts its works, "十大民生实事": a line of it whose count was lost in the
    # copy, "万名X", stands when a line after it names a work by the usual signs)
    tallied = not counted and _TALLIED_HEADING_RE.search(heading) is not None
    out: list[int] = []
    pending: list[int] = []
    for k in range(i + 1, len(lines)):
        body = lines[k][1].strip()
        if not body or _REMARK_LINE_RE.match(body) or _GROUP_NUMBER_RE.match(body):
            continue
        if body in seen or any(len(body) >= 4 and t.startswith(body) for t in seen):
            continue  # the page's running title, or the start of it cut off at the end
        if not line_re.match(body):
            break
        core = body.lstrip("*＊")
        if counted:
            if _GROUP_AIM_RE.match(core):
                continue  # a group's aim over its entries
        elif not (_DIGIT_RE.search(core) or _ENTRY_VERB_RE.match(core) or _UMBRELLA_RE.search(core)):
            if tallied and len(pending) < 2:
                pending.append(k)
                continue
            break  # (a menu's entries name no works; "X维修改造项目" names one by its suffix)
        out += pending
        pending = []
        out.append(k)
    return out if len(out) >= 3 else []


def _labelled_paragraphs(lines: _Lines, j: int) -> list[int]:
    """From lines[j], entries each given as a short label line (no sentence: no full stop, no comma)
    over one paragraph that tells how it goes (a sentence of 20 characters or more): the labels'
    indices, two or more (the numbers before the labels, alone on their lines, are cleaned away)."""
    out: list[int] = []
    k = j
    while k + 1 < len(lines):
        label, body = lines[k][1].strip(), lines[k + 1][1].strip()
        if not (4 <= len(label) <= 30) or _SENTENCE_MARK_RE.search(label) or _enum_style(label):
            break
        if len(body) < 20 or not _SENTENCE_MARK_RE.search(body):
            break
        out.append(k)
        k += 2
    return out if len(out) >= 2 else []


_SENTENCE_MARK_RE: Final = re.compile(r"[。，,；;：:！!？?]")


def _entry_paragraphs(lines: _Lines, i: int) -> list[int]:
    """The paragraphs after lines[i] when lines[i] opens a passage on its 民生实事 (among its first
    three paragraphs): each one that follows is an entry, up to a paragraph that sums up or goes on
    to something else (随着/总之/下一步…, or speaks of the 民生实事 again)."""
    if not _PROSE_RE.search(lines[i][1]):
        return []  # (a short line — a menu entry, a title — does not open a passage)
    if sum(1 for _, t in lines[:i] if t.strip()) >= 3 and not _LOOK_BELOW_RE.search(lines[i][1]):
        return []  # (further down, only a paragraph that says the entries follow opens them)
    out = []
    for k in range(i + 1, len(lines)):
        body = lines[k][1]
        if not body.strip():
            continue
        if _CLOSING_RE.match(body) or _livelihood_list_search(body) or _enum_style(body):
            break
        if _PROCEEDINGS_RE.match(body):
            break
        if not _PROSE_RE.search(body):
            break
        out.append(k)
    return out if len(out) >= 2 else []


# A short heading over a paragraph: a class of works ("教育发展", "交通出行") or one work itself
# ("城区污水管网改造"). No sentence punctuation, no number.
_CLASS_HEADING_RE: Final = re.compile(r"^[ \t]*[^\W\d_](?:[^\W\d_]| (?! )){1,15}[ \t]*$")
_WORK_HEADING_RE: Final = lazy(r"(?:建设|改造|提升|工程|项目|治理|整治|新建|改扩建)$")
# A short line that announces what follows ("具体如下：").
_ANNOUNCE_RE: Final = re.compile(r"^[ \t]*[^。，,；;\n]{0,10}[：:][ \t]*$")


# A paragraph that opens on the quoted label of a group of 民生实事 and says what it holds
# ("“两个新建”，即…", "“三个提升”：…").
_GROUP_LABEL_RE: Final = re.compile(r"[ \t]*“[^“”。，,；;]{2,10}”(?:[，,]?(?:即|就是)[：:，,]?|[：:])")


def _grouped_paragraphs(lines: _Lines, j: int) -> list[tuple[int, int]]:
    """From lines[j] (after the line naming the 民生实事), two or more paragraphs each opening on a
    group's quoted label (``_GROUP_LABEL_RE``), short lines without a sentence between them (a
    photo's caption) passed over: (line index, offset after the label) of each."""
    out: list[tuple[int, int]] = []
    k = j
    while k < len(lines):
        k = _next_filled(lines, k)
        if k >= len(lines):
            break
        body = lines[k][1]
        m = _GROUP_LABEL_RE.match(body)
        if m:
            out.append((k, m.end()))
        elif not (out and len(body.strip()) <= 40 and not _PROSE_RE.search(body)):
            break
        k += 1
    return out if len(out) >= 2 else []


def _classed_paragraphs(lines: _Lines, j: int) -> list[tuple[int, int]]:
    """From lines[j] (after a short line announcing them), two or more short headings each over one
    paragraph (the announcement of the 民生实事 just before them): (heading, paragraph) indices."""
    out: list[tuple[int, int]] = []
    k = j + 1 if j < len(lines) and _ANNOUNCE_RE.match(lines[j][1]) else j
    while k < len(lines):
        k = _next_filled(lines, k)
        if k >= len(lines) or not _CLASS_HEADING_RE.match(lines[k][1]):
            break
        b = _next_filled(lines, k + 1)
        if b < len(lines) and _CLASS_HEADING_RE.match(lines[b][1]):
            b = _next_filled(lines, b + 1)  # (a heading broken over two lines)
        if b >= len(lines) or not _PROSE_RE.search(lines[b][1]) or _enum_style(lines[b][1]):
            break
        out.append((k, b))
        k = b + 1
    return out if len(out) >= 2 else []


def _broken_off(lines: _Lines, i: int, stop: int) -> int | None:
    """The index of the line that goes on with lines[i] when lines[i] breaks off inside a sentence (no
    full stop after ``stop`` < 0, no closing mark) and the next line is no numbered entry: a line
    wrapped in a copy."""
    if stop >= 0 or lines[i][1].rstrip().endswith(("。", "！", "!", "；", ";", "：", ":", "？", "?")):
        return None
    k = _next_filled(lines, i + 1)
    return k if k < len(lines) and k == i + 1 and not _enum_style(lines[k][1]) else None


def _next_filled(lines: _Lines, k: int) -> int:
    """The index of the first non-blank line from lines[k] (len(lines) when none)."""
    while k < len(lines) and not lines[k][1].strip():
        k += 1
    return k


def _classed_entries(lines: _Lines, classed: list[tuple[int, int]], add: _Add) -> None:
    """The entries of headings over paragraphs. Headings that mostly name works ("X改造", "Y工程")
    are the entries, their paragraphs tell how each went; headings of classes ("教育发展") are not,
    and each part (up to ；or 。) of their paragraphs names a work ("建成A，…；完成B，…。")."""
    works = sum(1 for h, _ in classed if _WORK_HEADING_RE.search(lines[h][1].strip()))
    if 2 * works > len(classed):
        for h, _ in classed:
            s, body = lines[h]
            _entry(body, s, len(body) - len(body.lstrip()), len(body.rstrip()), add, inline=False)
        return
    for _, idx in classed:
        s, body = lines[idx]
        for x, y in _pieces(body, 0, len(body), "；;。"):
            _entry(body, s, x + len(body[x:y]) - len(body[x:y].lstrip()), y, add, inline=False)


# The work done on the 民生实事 as a whole, named right after them ("实事项目收尾工作", "民生实事推进情况").
_WORK_ON_THEM_RE: Final = re.compile(r"工作|收尾|情况|进度")


def _running_entries(line: str, at: int) -> tuple[int, int] | None:
    """The clauses right after the one naming the 民生实事 (from ``at``), in the same sentence, that
    each start with a work verb ("办好民生实事，新建A，改造B，让群众…" → "新建A，改造B")."""
    stop = min([k for k in (line.find(ch, at) for ch in "。！!") if k >= 0], default=len(line))
    start = min([k for k in (line.find(ch, at, stop) for ch in "，,；;") if k >= 0], default=-1)
    if start < 0 or _WORK_ON_THEM_RE.search(line, at, start):
        return (
            None  # ("做好实事项目收尾工作，加快A": the work on them as a whole, what follows is other work)
        )
    end = None
    for x, y in _pieces(line, start + 1, stop, "，,；;"):
        if not _ENTRY_VERB_RE.match(line[x:y]) or _AIM_RE.match(line, x):
            break
        end = y
    return (start + 1, end) if end is not None else None


# What a line that introduces what follows it ends with (before white space).
_OPENING_ENDS: Final = (":", "：", "如下", "分别是", "包括", "以下")


def _opens(line: str) -> bool:
    r"""The line introduces what follows it (ends with a colon, 如下, 分别是…): what
    ``re.search(r"(?:如下|分别是|包括|以下)[：:]?\s*$", line)`` finds but for a colon, read from the
    line's end instead of a search of all of it (a colon alone is enough)."""
    return line.rstrip().endswith(_OPENING_ENDS)


def _is_title(lines: _Lines, i: int) -> bool:
    """lines[i] is the document's title: among its first three non-blank lines, short, no full stop,
    and no line just after it introduces a list of its own (that list is read instead)."""
    line = lines[i][1].strip()
    before = sum(1 for _, t in lines[:i] if t.strip())
    after = [t for _, t in lines[i + 1 : i + 6] if t.strip()]
    return (
        before < 3
        and 0 < len(line) <= 40
        and "。" not in line
        and not any(_livelihood_list_search(t) and _opens(t) for t in after)
    )


def _leaves(lines: _Lines, heads: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """When every heading of a title's list holds numbered lines of another style ("一、教育方面" over
    "1、新建…", "2、…"), those lines are the entries and the headings their classes: (line index,
    enumerator end) of each, or none."""
    if len(heads) < 2:
        return []
    style = _enum_style(lines[heads[0][0]][1])
    bounds = [idx for idx, _ in heads] + [len(lines)]
    out: list[tuple[int, int]] = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        under = [(k, st) for k in range(a + 1, b) if (st := _enum_style(lines[k][1]))]
        if not under or any(style and st[0] == style[0] for _, st in under):
            return []
        out += [(k, st[1]) for k, st in under]
    return out


def _entry_bodies(lines: _Lines, heads: list[int]) -> list[tuple[int, int]]:
    """The lines under each heading of a document listing its 民生实事 by headings: they tell how
    that entry goes ("A路、B路一带换装灯具…"), they name no projects of their own. Under the last
    heading, the prose lines (ending in a full stop) that follow it."""
    out = [(lines[a + 1][0], lines[b][0] - 1) for a, b in zip(heads, heads[1:], strict=False) if b > a + 1]
    k = heads[-1] + 1
    while k < len(lines) and lines[k][1].rstrip().endswith(("。", "；", ";")):
        k += 1
    if k > heads[-1] + 1:
        out.append((lines[heads[-1] + 1][0], lines[k - 1][0] + len(lines[k - 1][1])))
    return out


def _title_list(lines: _Lines, k: int) -> list[tuple[int, int]]:
    """The first-level headings after a title: (line index, enumerator end) of every line numbered in
    the style of the first numbered line met within the next five non-blank lines."""
    seen, first = 0, None
    while k < len(lines) and seen < 6:
        if lines[k][1].strip():
            seen += 1
            if _FIRST_ENUM.match(lines[k][1]) and _enum_style(lines[k][1]):
                first = k
                break
        k += 1
    if first is None:
        return []
    style = _enum_style(lines[first][1])
    out = []
    for idx in range(first, len(lines)):
        st = _enum_style(lines[idx][1])
        if st and style and st[0] == style[0]:
            out.append((idx, st[1]))
    return out


# A class of a 民生实事 list and the works it holds ("X工程：包括A、B等N项", "一是X类，包括A、B…"):
# the works are the entries, the class is their heading. The members run up to "等N项" or a stop.
_MEMBERS_RE: Final = lazy(
    r"(?:[：:]|(?<=类|面|域)[，,][ \t]*)(?:具体)?包括[：:]?(?P<list>[^。；;：:]{4,}?)"
    r"(?:等(?:[\d一二三四五六七八九十两]+[个项件类]|方面)[^。；;]*)?(?=[。；;]|$)"
)
# A count of classes and works ("共包括六大类24个项目"): it heads the lists after it, it lists none.
_CLASS_COUNT_RE: Final = lazy(r"[ \t]*(?:共)?[\d一二三四五六七八九十两]+(?:大)?类")


def _class_members(line: str, a: int, b: int) -> list[tuple[int, int]]:
    """Spans of the works listed after 包括 in each class of line[a:b] (none when no class has any)."""
    return [m.span("list") for m in _MEMBERS_RE.finditer(line, a, b) if "、" in m.group("list")]


# A clause that only says when or what comes next ("今年", "2026年", "下一步"), before an entry's works.
_OPENER_RE: Final = lazy(r"[ \t]*(?:今年|明年|当年|年内|\d{4}年(?:[上下]半年)?|下一?步|同时|此外|目前)[ \t]*")


# A clause that ends on a class of works given by an example ("实施4个A等美丽家园项目"): how the
# entry is done, no further work of its own.
_CLASS_OF_WORKS_RE: Final = lazy(r"等[^，,、；;。等]{2,8}(?:项目|工程)[ \t]*$")


# What opens an entry before its name: a lead (一是), 以及, or its number run into the line ("；2.X").
_ENTRY_LEAD_RE: Final = lazy(
    rf"[\s“”\"]*(?:[{_ORD}]{{1,3}}是|以及|\d{{1,2}}[.．、](?!\d)|[（(]\d{{1,2}}[)）])?"
)
# A deputies' proposal named as an entry ("关于X的建议"): its work X.
_PROPOSAL_RE: Final = lazy(r"关于(.{4,40}?)的(?:建议|议案|提案)(?=等?[ \t]*$)")


def _entry(line: str, line_start: int, a: int, b: int, add: _Add, *, inline: bool) -> None:
    """The livelihood project(s) one list entry names: its first clause, split at 、 into objects."""
    members = _class_members(line, a, b)
    if members:
        for x, y in members:
            _entry(line, line_start, x, y, add, inline=True)
        return
    if inline:
        bounds = [
            piece
            for x, y in _pieces(line, a, b, "，,；;、")
            for piece in (
                _last_joined_pair(line, x, y)
                if line[x - 1 : x] == "、" and line[y : y + 1] != "、"
                else [(x, y)]
            )
        ]
        if sum(line[x:y].rstrip().endswith("性") for x, y in bounds) >= 2:
            return  # "…，即兼顾紧迫性、普惠性和可操作性": the criteria the entries were chosen by, no works
    else:
        # The first clause; further clauses that start with a verb of their own name more objects,
        # unless the first names the whole entry ("实施X项目，新建…": one item).
        stop = min([k for k in (line.find(ch, a, b) for ch in "。：:") if k >= 0], default=b)
        clauses = _pieces(line, a, stop, "，,；;")[:2] or [(a, stop)]
        if len(clauses) > 1 and _OPENER_RE.fullmatch(line, *clauses[0]):
            a = clauses[1][0]  # "今年，X将实施A；…": the time said first names nothing
        clauses = clauses[1:] if a == clauses[-1][0] and len(clauses) > 1 else clauses[:1]
        manner = _MANNER_RE.match(line, clauses[0][0], clauses[0][1])
        if manner and clauses[0][1] < stop:  # "按照“…”的要求，新建X": the works come after the manner
            a = clauses[0][1] + 1
            clauses = _pieces(line, a, stop, "，,；;")[:1] or [(a, stop)]
        if not _UMBRELLA_RE.search(line[clauses[0][0] : clauses[0][1]].rstrip()):
            more = [
                (x, y)
                for x, y in _pieces(line, clauses[0][1] + 1, stop, "，,；;")
                if (
                    _ENTRY_VERB_RE.match(line[x:y])
                    or (_FOR_WHOM_RE.match(line[x:y]) and _COUNTED_SERVICE_RE.search(line, x, y))
                    or (
                        "、" in line[clauses[0][0] : clauses[0][1]]
                        and _QUANTITY_TAIL_RE.search(line[x:y].rstrip())
                    )
                )  # ("新建A 60座、B 4座，C 9000座": objects joined by 、 go on past a comma with their counts)
                and not _AIM_RE.match(line, x)
                and not _BENEFIT_RE.search(line, x, y)
                and not line.startswith("确保", x)  # "…，确保X达标": what it is for, no further works
                and not (line.find("等", x, y) >= 0 and _CLASS_OF_WORKS_RE.search(line, x, y))
            ]
            if more and _AIM_RE.match(line, clauses[0][0]):
                clauses = []  # "加强X，完成A，启动B": the aim leads, the works after it are the entries
            clauses += more
        bounds = []
        for x0, y0 in clauses:
            parts = _pieces(line, x0, y0, "、")
            if not parts:
                continue  # a clause of nothing but 、 (an entry "1、、" as typed)
            deng = line.find("等", parts[-1][0], y0)
            if (
                deng >= 0 and y0 - deng > 3 and (len(parts) > 1 or line[deng + 1 : deng + 2].isdigit())
            ):  # "解决A、B等乡镇的X问题": the places qualify one work
                of = line.rfind("的", deng, y0)
                if len(parts) > 1 and _ENTRY_VERB_RE.match(line[parts[-1][0] : y0]):
                    bounds += parts[
                        :-1
                    ]  # "新建A、新增B等C": the last work's own verb, the works before it stand
                if line.startswith("方面", deng + 1):  # "A、B等方面综合改造": the aspects of one work, whole
                    bounds.append((x0, y0))
                    continue
                bounds.append((of + 1 if of >= 0 and y0 - of > 4 else deng + 1, y0))
                continue
            if all(len(line[x:y].strip()) >= 2 for x, y in parts):
                bounds += parts[:-1] + _last_joined_pair(line, *parts[-1]) if len(parts) > 1 else parts
            else:
                bounds.append((x0, y0))
    for x, y in _joined_names(line, _quoted_names(line, bounds)):
        seg = line[x:y]
        if re.search(r"了一?大?批", seg) or re.match(r"[ \t]*(?:总?投资)", seg):
            continue  # "实施了一大批X", "总投资N亿元": what was done, counted, or spent; no entry
        lead = _ENTRY_LEAD_RE.match(seg)
        x += lead.end() if lead else 0
        if line[x - 1 : x] == "“" and "”" in line[x:y]:
            x -= 1  # ("“A”B行动": the name keeps the mark its quotation opens with)
        seg = line[x:y]
        proposal = _PROPOSAL_RE.match(seg) if seg.startswith("关于") else None
        if proposal is not None:  # "关于X的建议": a deputies' proposal voted in, named by its work X
            x += proposal.start(1)
            seg = proposal.group(1)
        verb = _ENTRY_VERB_RE.match(seg)
        if verb and len(seg) - verb.end() >= 2:
            x += verb.end()
            seg = seg[verb.end() :]
        elif verb and not seg[verb.end() :].strip():
            continue  # "新建、更新N个X": a verb of the next object, no object of its own
        if seg.startswith(("了", "项目")):
            continue  # "开展了X": what was done; "项目征集…": projects in general; no entry
        count = _QUANTITY_HEAD_RE.match(seg)  # "20个健身广场"
        if count and len(seg) - count.end() >= 2:
            x += count.end()
            seg = seg[count.end() :]
        seg = re.sub(r"等$", "", seg.rstrip('”" \t')).rstrip('”" \t')
        remark = re.search(r"(?:（[^）]*）|\([^)]*\))$", seg)
        if remark and _QUANTITY_TAIL_RE.search(seg[: remark.start()]):
            seg = seg[: remark.start()]  # "…12个（含…）": the remark qualifies the count
        tail = _QUANTITY_TAIL_RE.search(seg)
        if tail and tail.start() >= 2:
            seg = seg[: tail.start()]
        if len(seg.strip('“”" ')) < 2 or (seg[:1].isdigit() and not _AGE_OR_TIME_RE.match(seg)):
            continue  # (a count is no name; "15分钟X圈", "3岁以下X" are)
        add(LIVELIHOOD, line_start + x, line_start + x + len(seg), line_start + a, line_start + b)


# A count that is part of a name: an age or a time ("3岁以下婴幼儿托位", "15分钟健身圈").
_AGE_OR_TIME_RE: Final = lazy(r"\d+(?:岁|周岁|分钟|小时)")
# "和", "及", "以及" joining the last two works of a list ("A、B和C"): both are entries.
_LAST_AND_RE: Final = lazy(
    r"以及|和|及(?<![普涉以危]及)(?!时|早|其|以[上下内])"
)  # (every alternative opens with a character)


def _balanced(text: str) -> bool:
    """No bracket or quotation mark of ``text`` is left open."""
    return text.count("“") <= text.count("”") and text.count("(") + text.count("（") <= text.count(
        ")"
    ) + text.count("）")


def _last_joined_pair(line: str, x: int, y: int) -> list[tuple[int, int]]:
    """The last piece line[x:y] of a list "A、B和C" as [B, C] when one 和/及/以及 outside quotation
    marks and brackets joins two works of two characters or more; else [(x, y)] as it is."""
    if "和" not in line[x:y] and "及" not in line[x:y]:
        return [(x, y)]
    joins = [m for m in _LAST_AND_RE.finditer(line, x, y) if _balanced(line[x : m.start()])]
    if len(joins) > 1:  # "A维护及安装和B改造": 和 joins the two works, 及 the two tasks of the first
        joins = [m for m in joins if m.group() != "及"]
    if len(joins) != 1:
        return [(x, y)]
    m = joins[0]
    if m.start() - x < 2 or y - m.end() < 2:
        return [(x, y)]
    return [(x, m.start()), (m.end(), y)]


_QUOTED_LIST_RE: Final = lazy(r"(?:“[^“”]{2,20}”[、和及]?){2,}(?=等)")


def _quoted_names(line: str, bounds: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``bounds`` with a clause that lists names in quotation marks before 等 ("推动“A”“B”等阵地建设")
    replaced by those names."""
    out = []
    for x, y in bounds:
        listed = _QUOTED_LIST_RE.search(line, x, y) if "”“" in line[x:y] or "”、“" in line[x:y] else None
        if listed:
            k = listed.start()
            while k < listed.end():
                close = line.index("”", k)
                out.append((k + 1, close))
                k = close + 1 + (line[close + 1 : close + 2] in "、和及")
        else:
            out.append((x, y))
    return out


def _joined_names(line: str, bounds: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``bounds`` with each "A工程和B工程" (two long names, each closed by 工程/项目) and each "A 3所和B
    8所" (two works, each counted) cut in two."""
    out = []
    for x, y in bounds:
        joined = _JOINED_RE.search(line, x, y) if "和" in line[x:y] or "及" in line[x:y] else None
        if (
            joined
            and _UMBRELLA_RE.search(line, x, joined.start())
            and _UMBRELLA_RE.search(line[x:y].rstrip())
        ):
            out += [(x, joined.start()), (joined.end(), y)]
            continue
        counted = line.find("和", x, y)  # "小学13所和初中8所": two works, each with its count
        if counted > x and _QUANTITY_TAIL_RE.search(line, x, counted):
            out += [(x, counted), (counted + 1, y)]
            continue
        out.append((x, y))
    return out


def _pieces(line: str, a: int, b: int, seps: str) -> list[tuple[int, int]]:
    """line[a:b] split at any of ``seps`` outside brackets and quotation marks, as (start, end) pairs."""
    out, x, depth, quoted = [], a, 0, False
    for k in range(a, b):
        ch = line[k]
        depth += (ch in "(（") - (ch in ")）")
        quoted = ch == "“" or (quoted and ch not in '”"')  # (a plain " may close a quotation)
        if ch in seps and depth <= 0 and not quoted:
            out.append((x, k))
            x = k + 1
    out.append((x, b))
    return [(x, y) for x, y in out if y > x]


def _lines(simple: str) -> Iterator[tuple[int, str]]:
    start = 0
    for line in simple.split("\n"):
        yield start, line
        start += len(line) + 1


def _clause(line: str, a: int, b: int) -> tuple[int, int]:
    """The clause around line[a:b]: from the last ，。；： before it to the next one after it."""
    return _clause_left(line, a), _run_end(_CLAUSE_END_CODES, line, b)


# (the nearest mark on the left found by reading back from ``a``, one on the right by one search, instead
# of a find per mark, each of which reads on to the line's end — or its start — when the line has none)
_CLAUSE_MARK_CODES: Final = _stop_codes("[，,。；;：:]")  # (``_run_start``'s table of them)
_CLAUSE_END_RE: Final = re.compile(r"[，,。；;]")
_CLAUSE_END_CODES: Final = _stop_codes(_CLAUSE_END_RE.pattern)


def _clause_left(line: str, a: int) -> int:
    """Where the clause holding line[a] starts: after the last ，。；： before ``a``, else 0."""
    return _run_start(_CLAUSE_MARK_CODES, line, a)


def _livelihood_spans(simple: str, lines: _Lines | None = None) -> list[tuple[int, int]]:
    """Paragraphs that talk about 民生实事, from the sentence that names them: what they name is a
    livelihood project, up to a sentence that turns to another topic ("在招商引资方面，…",
    "此外，…"): a paragraph naming them in passing goes on to other things."""
    spans = []
    for start, line in lines if lines is not None else list(_lines(simple)):  # (``lines``: its lines)
        m = _keyed_search(_LIVELIHOOD_RE, _LIVELIHOOD_KEYS, line)
        if m and (
            _WORKS_BESIDE_BEFORE_RE.search(line, max(0, m.start() - 12), m.start())
            or _WORKS_BESIDE_AFTER_RE.match(line, m.end())
        ):
            m = None  # "标志性项目、重要民生工程稳步推进": both named in passing, the paragraph is on neither
        if m:
            a = max(line.rfind(c, 0, m.start()) for c in "。！!；;") + 1
            if _in_project_list(line, a, m.start()):
                continue  # "签约的N个项目包括：A、B、C等民生实事项目": a list of projects, one on the 民生实事
            turn = _TOPIC_TURN_RE.search(line, m.end())
            spans.append((start + a, start + (turn.start() + 1 if turn else len(line))))
        elif "票决" in line and (voted := _VOTED_RE.search(line)):  # "代表票决入选项目…：A、B等项目"
            a = max(line.rfind(c, 0, voted.start()) for c in "。！!；;") + 1
            turn = _TOPIC_TURN_RE.search(line, voted.end())
            spans.append((start + a, start + (turn.start() + 1 if turn else len(line))))
        elif "民生项目" in line:
            for closed in _CLOSED_BY_LIVELIHOOD_RE.finditer(line):  # "A、B、C等重点民生项目": its entries
                a = max(line.rfind(c, 0, closed.start()) for c in "。！!；;") + 1
                spans.append((start + a, start + closed.end()))
    return spans


def _in_project_list(line: str, a: int, at: int) -> bool:
    """line[at] lies in a later entry of a list of projects that the sentence from ``a`` opens with its
    head ("签约的4个项目包括：A、B、C等民生实事项目"): the list is of projects."""
    colon = max(line.rfind("：", a, at), line.rfind(":", a, at))
    return colon > a and _PROJECT_LIST_HEAD_RE.search(line, a, colon) is not None and "、" in line[colon:at]


# The head of a list of projects ("签约项目包括：", "竣工的3个项目分别为："), before its colon.
_PROJECT_LIST_HEAD_RE: Final = lazy(r"项目(?:分别是|分别为|包括|主要有|有)$")
# The projects the deputies vote on ("人大代表票决入选项目", "票决产生的10件项目"): the 民生实事 by another name.
_VOTED_RE: Final = lazy(r"票决[^，,。；;：:]{0,10}?(?:项目|工程|实事)")
# A list closed by the words for the 民生实事 projects ("A、B等重点民生项目").
_CLOSED_BY_LIVELIHOOD_RE: Final = lazy(r"、[^，,。；;、]{2,30}等(?:一批)?(?:重点|重大)?民生项目")


# Other works named beside the 民生实事, joined to them ("重点项目和民生实事", "民生工程、重点工程").
_WORKS_BESIDE_BEFORE_RE: Final = re.compile(r"(?:项目|工程)[、和与及][^，,。；;、和与及]{0,6}$")
_WORKS_BESIDE_AFTER_RE: Final = re.compile(r"(?:项目|工程)?[、和与及][^，,。；;、和与及]{0,8}?(?:项目|工程)")


# A sentence that turns to another topic: "在X上，" / "X方面，" / "此外，" right after a full stop.
_TOPIC_TURN_RE: Final = re.compile(
    r"[。！!](?=(?:在)?[^，,。]{2,12}(?:上|方面|领域)[，,]|此外|另外|与此同时|同时[，,]|[ \t]*[二三四五六七八九十]是)"
)  # (and the next lead of a list of areas, "…。三是X": the paragraph goes on to another area)


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The union of the half-open ``spans`` as disjoint spans in order (empty ones dropped)."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if a >= b:
            continue
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    if not spans:  # (most texts have no 民生实事 list: no generator to start)
        return False
    return any(a <= pos < b for a, b in spans)


def _money(m: re.Match) -> float:
    return float(m.group("v")) * (1e8 if m.group("m") == "亿" else 1e4)
