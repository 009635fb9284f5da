"""Named items, fifteenth round (rules): a plan digest whose lines each open with a topic and a colon
("就业:…；…", "教育:…") holds one task per topic.

Every sentence here is made up for its test (invented places); none comes from a report.
"""

from __future__ import annotations

from luoshi.reports.tests.test_reader_r4_items import _items, _names

TOPIC_DIGEST = (
    "5月8日，青禾市市长在市七届人大三次会议上作政府工作报告，要点如下：\n"
    "一、2031年工作回顾\n"
    "全市生产总值突破4000亿元\n"
    "新增城镇就业8.2万人\n"
    "二、2032年重点工作\n"
    "预期目标:全市生产总值增长6%左右;城乡居民人均可支配收入增长7%左右\n"
    "就业:扩大高校毕业生就业渠道;办好零工市场\n"
    "产业:推进柳湾新材料产业园二期等120个重点项目建设\n"
    "教育:新建改扩建中小学12所;扩大普惠托育供给\n"
    "生态治理:深入打好蓝天碧水净土保卫战;推进河湖长制\n"
)


def test_topics_before_a_colon_on_three_lines_of_the_plan_are_its_tasks():
    assert _names(TOPIC_DIGEST, "task") == ["就业", "产业", "教育", "生态治理"]
    quotes = [i.quote for i in _items(TOPIC_DIGEST, "task")]
    assert quotes[0] == "就业:扩大高校毕业生就业渠道", quotes
    assert all(i.part == "plan" for i in _items(TOPIC_DIGEST, "task"))


def test_a_topic_that_names_the_targets_is_no_task():
    assert "预期目标" not in _names(TOPIC_DIGEST, "task")


def test_two_topic_lines_are_not_enough():
    text = TOPIC_DIGEST.replace("教育:新建改扩建中小学12所;扩大普惠托育供给\n", "").replace(
        "生态治理:深入打好蓝天碧水净土保卫战;推进河湖长制\n", ""
    )
    assert _names(text, "task") == []


def test_topic_lines_of_the_review_are_no_tasks():
    text = (
        "青禾市2031年工作回顾\n"
        "过去一年，全市上下真抓实干，各项事业取得新成绩。\n"
        "就业:城镇新增就业8.2万人;零工市场覆盖所有县区\n"
        "产业:柳湾新材料产业园二期建成投产;新增规上企业60家\n"
        "教育:新建改扩建中小学12所;新增学位1.5万个\n"
    )
    assert _names(text, "task") == []


CRITERIA = (
    "青禾街道2031年民生实事项目出炉\n"
    "据了解，今年的民生实事候选清单经社区走访、网上征集等渠道汇总，坚持“两个优先”，即兼顾紧迫性、普惠性、"
    "可操作性，经街道党工委研究后提交代表大会票决。\n"
    "本次票决产生的4项民生实事包括西坪路排水改造工程、老年食堂扩建工程、育才小学修缮工程和东湖公园步道提升工程。\n"
)


def test_the_criteria_the_shishi_were_chosen_by_are_no_entries():
    names = _names(CRITERIA, "livelihood")
    assert names == ["西坪路排水改造工程", "老年食堂扩建工程", "育才小学修缮工程", "东湖公园步道提升工程"], (
        names
    )


def test_an_inline_list_of_works_with_one_quality_word_stays():
    text = CRITERIA.replace("兼顾紧迫性、普惠性、可操作性", "新建柳岸公园、改造东坪菜市场、提升社区安全性")
    names = _names(text, "livelihood")
    assert "柳岸公园" in names or "新建柳岸公园" in names, names


def test_yiji_joining_two_works_is_no_part_of_the_first_name():
    text = "一、2031年工作回顾\n今年以来，北岭炮楼以及育才学校修缮工程顺利完工，群众出行更加便捷。\n"
    assert _names(text, "project") == ["北岭炮楼", "育才学校修缮工程"]


STAGED = (
    "青禾省2031年政府工作报告(笔记)\n"
    "一、2030年工作回顾\n"
    "(一)基础设施\n"
    "    • • 全省生产总值:3.2万亿元,增长5.1%\n"
    "    • • 柳湾跨江大桥:建成通车\n"
    "    • • 青禾东站:投入使用,日均旅客超5万人次\n"
    "    • • 高标准农田:新建120万亩\n"
)


def test_a_digest_line_naming_a_works_and_then_its_stage_is_a_project():
    assert _names(STAGED, "project") == ["柳湾跨江大桥", "青禾东站"]


def test_a_label_before_a_result_that_is_no_stage_is_no_project():
    text = STAGED.replace("建成通车", "车流量超3万辆次").replace("投入使用,", "")
    assert _names(text, "project") == []


def test_works_named_with_their_money_in_a_story_on_the_shishi_are_entries():
    text = (
        "柳岸镇：代表监督实事项目落地见效\n"
        "2031年，柳岸镇人大主席团组织代表票决确定6项民生实事，目前各项目进展顺利。\n"
        "东坪村文化广场提升改造项目投资 30 万元，新铺设透水砖 900 平方米；柳岸村农家书屋建设项目投资 12 万元，已对外开放。\n"
    )
    names = _names(text, "livelihood")
    assert (
        len(names) == 2
        and names[0].startswith("东坪村文化广场提升改造")
        and names[1] == "柳岸村农家书屋建设项目"
    )
    assert _names(text, "project") == []
