"""Metadata of news pages and notices: the speaker and the place, each rule on a made-up text, both ways.

None of these sentences is copied from a real text; places, people and years are invented.
"""

from __future__ import annotations

from luoshi.reports.tests.test_reader_r4_meta import _meta

# --- a page's clock stamp is no date line: a short menu line under it is no speaker --------------------


def test_a_short_line_under_a_page_s_clock_stamp_is_no_speaker():
    text = (
        "2031年03月04日 星期二 08:15:20\n"
        "松岭新闻网欢迎投稿,邮箱(songling@example.com)\n"
        "扫码阅读\n"
        "青禾县第九届人民代表大会第三次会议关于政府工作报告的决议\n"
        "青禾县第九届人民代表大会第三次会议,听取和审议了李青山同志所作的《政府工作报告》。\n"
    )
    meta = _meta(text)
    assert meta.speaker == "李青山"


def test_a_name_under_the_report_s_date_line_is_still_the_speaker():
    text = "青禾县政府工作报告\n2031年1月8日\n李青山\n各位代表：\n现在，我代表县人民政府向大会报告工作。\n"
    assert _meta(text).speaker == "李青山"


def test_a_short_line_after_a_story_s_sentences_is_no_speaker():
    text = (
        "2031年12月08日 ()\n"
        "青禾区松岭镇:聚力攻坚谋发展\n"
        "青禾融媒讯  2月18日,青禾区松岭镇召开发展推进会议,传达学习上级会议精神,部署全年重点项目建设工作和民生工作\n"
        "会议要求,各村各单位要把思想统一到部署上来,层层压实责任,确保全年各项工作按期推进并且早见成效\n"
        "编辑单\n"
    )
    assert _meta(text).speaker is None


# --- the speaker in a story's sentence: 所做, 在所作, and a name with 同志 but no title ---------------------


def test_the_speaker_who_made_the_report_written_with_zuo():
    text = (
        "3月2日，松岭乡第五届人民代表大会第四次会议召开。会议听取和审议了乡党委副书记、乡长赵明远"
        "代表乡人民政府所做的《政府工作报告》。\n"
    )
    meta = _meta(text)
    assert (meta.speaker, meta.speaker_title) == ("赵明远", "乡长")


def test_the_speaker_before_zai_suo_zuo_keeps_no_zai():
    text = "2月3日下午，市五届人大二次会议开幕，市长孙林在所作的政府工作报告中总结了上一年的各项工作。\n"
    assert _meta(text).speaker == "孙林"


def test_a_name_with_tongzhi_before_the_report_is_the_speaker():
    text = "青禾县第九届人民代表大会第三次会议，听取和审议了李青山同志所作的《政府工作报告》。\n"
    assert _meta(text).speaker == "李青山"


def test_a_comrade_who_only_attended_is_no_speaker():
    text = "青禾县第九届人民代表大会第三次会议开幕，李青山同志出席会议。会议听取了政府工作报告。\n"
    assert _meta(text).speaker is None


# --- the place inside a notice's title marks, and a collection's words that only look like a place --------


def test_the_place_inside_a_notice_s_title_marks():
    text = (
        "关于印发《松岭区人民政府2031年工作要点》的通知\n"
        "各乡（镇）人民政府、街道办事处，区政府各部门：\n"
        "松岭区人民政府\n2031年3月6日\n"
        "一、坚持扩投促消\n推进重点项目建设。\n"
    )
    assert _meta(text).jurisdiction == "松岭区"


def test_a_collection_of_provinces_reports_names_no_place():
    text = (
        "2031年省区市政府工作报告汇编（第3页）\n"
        "今年，将重点做好以下九个方面工作。\n"
        "（一）坚决维护社会和谐稳定。\n"
    )
    assert _meta(text).jurisdiction != "省区市"


# --- a chain of divisions whose town is named for its market (…集镇), and a source line's news centre -----


def test_a_town_named_for_its_market_ends_a_chain_of_divisions():
    text = (
        "青禾日报 记者 李青\n"
        "2031年2月24日上午,松岭市青禾区王家集镇召开年度总结表彰暨工作动员大会。全体镇机关干部参会。\n"
        "会上宣读了表彰决定,并向先进集体颁发了奖牌。\n"
    )
    meta = _meta(text)
    assert (meta.jurisdiction, meta.parent) == ("王家集镇", "青禾区")


def test_a_chain_ending_in_a_kind_of_town_names_no_town():
    text = (
        "青禾日报 记者 李青\n"
        "2031年2月24日上午,松岭市青禾区小城镇建设推进会召开。全体干部参会。\n"
        "会上宣读了表彰决定,并向先进集体颁发了奖牌。\n"
    )
    assert _meta(text).jurisdiction != "小城镇"


def test_a_source_line_s_news_centre_of_a_district_names_no_shorter_place():
    text = (
        "青禾区松岭镇:聚力攻坚谋发展\n"
        "2031-02-19 17:33:47 编辑:李青 来源:青州区融媒体中心\n"
        "2月18日,青禾区松岭镇召开发展推进会议。\n"
    )
    assert _meta(text).jurisdiction != "青州"


# --- a party office before the title in a story's sentence is no part of the title --------------------


def test_a_party_office_before_the_title_is_left_out_of_it():
    text = (
        "1月5日,松岭市第九届人民代表大会第一次会议开幕。会议应到代表260人,实到代表240人。"
        "松岭市委副书记、代市长孙林代表市人民政府向大会作政府工作报告。\n"
    )
    meta = _meta(text)
    assert (meta.speaker, meta.speaker_title) == ("孙林", "代市长")


def test_the_title_alone_before_the_name_is_still_read():
    text = "1月5日,松岭市第九届人民代表大会第一次会议开幕。市长孙林代表市人民政府向大会作政府工作报告。\n"
    meta = _meta(text)
    assert (meta.speaker, meta.speaker_title) == ("孙林", "市长")
