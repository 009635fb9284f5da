"""Named items, eighteenth round (wave 2): a plan digest's work areas, and what is no task.

A digest counts its areas as 工程 or 行动 too, and ten or more of them ("十二项行动"); the 等 and the
quotation marks around the list are no part of a name, and a promise earlier in the sentence (before a
semicolon) sets the list for the year. What a party secretary sets out at the congress ("一是要…") is a
speech's requirements, not the government's plan. A plan heading over lines closed by semicolons, or
over one entry of semicolon clauses, lists its tasks with their numbers lost. The shortcomings a
digest admits (一是…二是… after 问题/短板) and a photo's caption between its paragraphs are no tasks.

Every sentence here is made up for its test (invented places and years); none comes from a report.
"""

from __future__ import annotations

from luoshi.reports.tests.test_reader_r4_items import _names

PROGRAMMES = (
    "青禾县两会闭幕\n"
    "记者从青禾县两会上了解到，今年全县经济平稳。\n"
    "为了实现目标，青禾县将坚持稳中求进；补齐产业短板，全力实施茶园提质、园区扩容、山乡畅通、"
    "和美乡村等四大工程。\n"
    "会议选举产生了新一届县人民政府领导班子。\n"
)

ACTIONS = (
    "松岭乡人代会召开\n"
    "乡长在报告中说：“2031年，松岭乡将围绕一条主线，实施‘茶叶增收、林下养殖、道路提升、村庄整治、"
    "学校扩建、医疗便民、文旅融合、数字乡村、平安松岭、清廉机关、营商优化、就业帮扶’十二项行动，"
    "努力开创新局面。”\n"
    "会议审议通过了各项决议。\n"
)

SPEECH_CLAUSES = (
    "松岭乡人代会举行\n"
    "7月9日，松岭乡第二届人代会第二次会议举行。\n"
    "乡党委书记周岚在会上指出，上半年各项工作总体符合预期。全乡干群要看清大势、明确方向，争取更大进展；"
    "各级干部要带头实干、多办实事，为松岭发展多作贡献；要用好代表力量，不断提高建言水平。\n"
)

GOVERNMENT_LEADS = (
    "青禾镇人民代表大会第五次会议召开\n"
    "7月2日，青禾镇人民代表大会第五次会议召开，镇党委书记林青在会上强调要凝心聚力。\n"
    "镇长王川作政府工作报告，报告提出，下半年镇政府将抓好三项重点工作：一是做强茶叶加工；二是改善山区交通；"
    "三是办好民生实事。\n"
)


def test_a_digests_counted_programmes_are_its_tasks_without_their_deng():
    assert _names(PROGRAMMES, "task") == ["茶园提质", "园区扩容", "山乡畅通", "和美乡村"]


def test_twelve_actions_in_quotation_marks_are_twelve_tasks():
    names = _names(ACTIONS, "task")
    assert len(names) == 12
    assert names[0] == "茶叶增收" and names[-1] == "就业帮扶"


def test_a_party_secretarys_clauses_at_the_congress_are_no_tasks():
    assert _names(SPEECH_CLAUSES, "task") == []


def test_the_government_reports_leads_after_a_secretarys_words_are_tasks():
    assert _names(GOVERNMENT_LEADS, "task") == ["做强茶叶加工", "改善山区交通", "办好民生实事"]


SEMICOLON_LINES = (
    "白石市2031年政府工作报告要点\n"
    "一、2030年工作回顾\n"
    "全市经济总量突破两千亿元；\n"
    "新增高新技术企业120家；\n"
    "二、2031年重点工作\n"
    "持续扩大有效需求，巩固经济回升态势；\n"
    "下好科技创新先手棋，推进白石科学城建设；\n"
    "实施预算改革2.0版，推动改革向乡镇延伸；\n"
    "加快建设美丽白石，在共建生态屏障中走在前列\n"
)

BULLET_CLAUSES = (
    "白石日报 2031年1月20日\n"
    "市长作政府工作报告\n"
    "    今年预期目标\n"
    "    ■全市生产总值增长6%左右，城镇新增就业5万人\n"
    "    今年重点工作\n"
    "    ■推动临港产业升级；深化城乡社会治理；持续改善民生福祉；加快建设文化名城\n"
)

DENG_AREAS = (
    "青禾镇召开人代会\n"
    "会上，镇长作政府工作报告。\n"
    "2031年，青禾镇将全方位推动高质量发展，重点抓好“做强茶叶产业、培育市场主体、推进集镇建设、"
    "促进乡村振兴”等方面工作，建设人民满意政府。\n"
)

DENG_REVIEWED = (
    "青禾镇召开人代会\n"
    "会上，镇长作政府工作报告。\n"
    "报告总结了2030年全镇在做强茶叶产业、培育市场主体、推进集镇建设等方面工作取得的成绩。\n"
)


def test_semicolon_lines_under_the_years_work_heading_are_tasks():
    assert _names(SEMICOLON_LINES, "task") == [
        "持续扩大有效需求",
        "下好科技创新先手棋",
        "实施预算改革2.0版",
        "加快建设美丽白石",
    ]


def test_one_entry_of_semicolon_clauses_under_the_years_work_lists_the_tasks():
    assert _names(BULLET_CLAUSES, "task") == [
        "推动临港产业升级",
        "深化城乡社会治理",
        "持续改善民生福祉",
        "加快建设文化名城",
    ]


def test_areas_closed_by_deng_in_a_promise_of_the_year_are_tasks():
    assert _names(DENG_AREAS, "task") == ["做强茶叶产业", "培育市场主体", "推进集镇建设", "促进乡村振兴"]


def test_areas_closed_by_deng_in_a_review_are_no_tasks():
    assert _names(DENG_REVIEWED, "task") == []


PROBLEMS = (
    "青禾区政府工作报告摘要\n"
    "过去一年，全区经济平稳增长。在肯定成绩的同时，我们也看到，青禾发展还面临不少短板和问题，"
    "主要有三个方面的不足：一是茶叶产业链条较短的问题，精深加工能力不强。二是园区承载能力不足的问题，"
    "标准厂房供给偏少。三是公共服务供给不均的问题，山区学校师资紧张。\n"
    "对此，我们将采取有力措施切实解决。\n"
)

CAPTIONS = (
    "松岭镇人代会举行\n"
    "日前，松岭镇第五届人代会第三次会议举行，会议重点部署了2031年的工作目标与任务。\n"
    "\n"
    "松岭镇第五届人代会第三次会议现场举行\n"
    "记者了解到，全体代表审议通过了镇政府工作报告的决议，并就山区道路、饮水安全等问题提出意见。\n"
    "\n"
    "与会代表进行举手表决\n"
    "会议要求，各位代表要尽职尽责，在乡村振兴中当好骨干，为松岭发展作出更大贡献。\n"
)


def test_leads_listing_the_shortcomings_admitted_are_no_tasks():
    assert _names(PROBLEMS, "task") == []


def test_photo_captions_between_a_congress_storys_paragraphs_are_no_tasks():
    assert _names(CAPTIONS, "task") == []


SPEECH_LEADS = (
    "青禾镇人代会举行\n"
    "7月2日，青禾镇第九届人代会第五次会议举行，会议听取了镇政府上半年工作报告。\n"
    "镇党委书记林青在会上强调，下半年还需抓好三项工作：一是要全力稳住茶叶收购；二是要抓好汛期安全；"
    "三是要做好高温慰问工作。\n"
    "会议期间，代表们共提出建议12条。\n"
)


def test_a_party_secretarys_leads_at_the_congress_are_no_tasks_whoever_reads_them():
    assert _names(SPEECH_LEADS, "task") == []
