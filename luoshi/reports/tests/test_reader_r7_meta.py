"""Metadata of kinds of header the seventh development corpus showed the reader missing (issue 18).

Every sentence here is made up; each reproduces only the *kind* of phrase or layout that failed.
"""

from __future__ import annotations

from luoshi.reports.tests.test_reader_r4_meta import _meta, _speaker

_OPENING = (
    "各位代表：\n现在，我代表镇人民政府，就一年来的工作向大会作报告，请审议。\n一、2024年主要工作回顾\n"
)


def _header(line: str, speaker: str = "县长 李青山") -> str:
    """A report's opening: its title, the date and meeting ``line``, the ``speaker`` line."""
    return f"政府工作报告\n{line}\n{speaker}\n" + _OPENING


# --- the speaker ---


def test_a_lost_space_between_title_and_name_is_no_part_of_either():
    meeting = "2025年1月9日在青禾县第七届人民代表大会第六次会议上"
    for line in (
        "青禾县人民政府县长? 李 青山",
        "县长 ? 李青山",
        "县长:?李青山",
        "县长 李青山?",
        "县长\ufffd李青山",
    ):
        assert _speaker(_header(meeting, line)) == ("县长", "李青山"), line


def test_a_name_joined_by_a_middle_dot_may_run_past_six_characters():
    meeting = "——在青禾县第七届人民代表大会第六次会议上"
    titled = _header(meeting, "县委副书记、县长 阿依古丽·买买提江\n（2025年1月9日）")
    assert _speaker(titled) == ("县长", "阿依古丽·买买提江")
    # the same name alone on its line under the meeting
    assert _speaker(_header(meeting, "阿依古丽·买买提江")) == (None, "阿依古丽·买买提江")


# --- the date and the meeting ---


def test_a_date_after_a_box_drawing_dash_with_its_figures_run_together():
    for dated in ("──2024315日", "――2024年3月15日"):
        text = _header(f"{dated}在青禾县白石镇第十二届人民代表大会第七次会议上", "镇长 李青山")
        assert _meta(text).delivered_on == "2024-03-15", dated


def test_a_january_date_written_yuan_yue():
    text = _header("——2025年元月9日在青禾县第七届人民代表大会第六次会议上")
    assert _meta(text).delivered_on == "2025-01-09"


def test_the_place_of_the_meeting_right_after_the_date():
    meta = _meta(_header("（2025年1月9日 青禾县第七届人民代表大会第六次会议）"))
    assert (meta.jurisdiction, meta.level) == ("青禾县", "county")
    # a dash or 在 after the date is no part of the place
    assert _meta(_header("2025年1月9日\n——在青禾县第七届人民代表大会第六次会议上")).jurisdiction == "青禾县"


def test_a_meeting_damaged_in_extraction_is_kept_as_written():
    for written in ("十二\n人民代表大会第次会议", "第十二届人民代表大会第二次会议"):
        text = _header(f"——2024年3月15日在青禾县白石镇{written}上", "镇长 李青山")
        assert _meta(text).meeting == written.replace("\n", ""), written


# --- the place and its parent ---


def test_a_source_line_naming_the_whole_chain_gives_the_last_place():
    text = (
        "• 首页\n• 新闻中心\n• 政务公开\n• 办事服务\n当前位置：首页 > 政府工作报告\n"
        "时间：2024-04-02 来源：青禾市松岭区白石镇人民政府\n政府工作报告\n" + _OPENING
    )
    meta = _meta(text)
    assert (meta.jurisdiction, meta.level, meta.parent) == ("白石镇", "town", "松岭区")


def test_a_towns_parent_is_the_last_superior_listed_before_its_directives():
    text = (
        "白石镇政府工作报告\n" + _OPENING + "一年来，白石镇在市委、市政府的坚强领导下，紧紧围绕省、"
        "茂名市、化州市统一工作部署，新建公园3个。\n"
    )
    assert _meta(text).parent == "化州市"


def test_a_towns_parent_named_where_the_report_follows_its_decisions():
    text = (
        "白石镇政府工作报告\n" + _OPENING + "一年来，在县委、县政府和镇党委的领导下，我们紧紧围绕"
        "松岭县委的各项决策，新建公园3个。\n"
    )
    assert _meta(text).parent == "松岭县"
    # named only in passing, once, it is not
    passing = text.replace("紧紧围绕松岭县委的各项决策", "与松岭县企业合作")
    assert _meta(passing).parent is None


def test_a_city_with_counties_is_no_parent_of_a_town():
    text = (
        "白石镇政府工作报告\n" + _OPENING + "过去一年，在市委、市政府和镇党委的领导下，我镇新建公园3个，"
        "获评安庆市级卫生镇，入选安庆市美丽乡镇名单。\n"
    )
    assert _meta(text).parent is None
    # a city that governs its towns directly is their parent
    direct = text.replace("安庆市", "儋州市")
    assert _meta(direct).parent == "儋州市"


def test_a_news_story_names_a_speaker_joined_by_a_middle_dot():
    text = (
        "3月2日上午，青禾县第七届人民代表大会第六次会议隆重开幕。县长阿依古丽•买买提江代表县人民政府"
        "向大会作政府工作报告。\n报告指出，2024年全县新建公园3个。\n"
    )
    assert _speaker(text) == ("县长", "阿依古丽•买买提江")
