"""Named items, nineteenth round (second wave): key tasks of plan digests.

A digest may count the year's work areas before listing them, in brackets or after a colon
("抓好四项工作（A、B、C、D）"): each listed area is a task when the sentence promises them, none when
it reports them done or the count differs from the list. A photo's credit standing alone between a
digest's paragraphs ("…春管 李四 摄") names the photographer and is no task.

Every sentence here is made up for its test (invented places and years); none comes from a report.
"""

from __future__ import annotations

from luoshi.reports.tests.test_reader_r4_items import _names

COUNTED_IN_BRACKETS = (
    "松岭镇第九届人民代表大会第二次会议召开\n"
    "2月3日，松岭镇第九届人民代表大会第二次会议召开。\n"
    "镇长作政府工作报告。报告指出，2031年，我们要坚持稳中求进，扎实抓好四项工作（茶乡产业、山乡道路、"
    "清廉机关、平安村寨），奋力开创新局面。\n"
)

COUNTED_AFTER_COLON = (
    "松岭镇第九届人民代表大会第二次会议召开\n"
    "2月3日，松岭镇第九届人民代表大会第二次会议召开。\n"
    "会议提出，新的一年，全镇将重点做好四个方面工作：茶乡产业、山乡道路、清廉机关和平安村寨。\n"
)

COUNTED_DONE = (
    "松岭镇第九届人民代表大会第二次会议召开\n"
    "2月3日，松岭镇第九届人民代表大会第二次会议召开。\n"
    "报告指出，过去一年，松岭镇已抓好四项工作（茶乡产业、山乡道路、清廉机关、平安村寨），成效明显。\n"
)

COUNTED_OTHERWISE = (
    "松岭镇第九届人民代表大会第二次会议召开\n"
    "2月3日，松岭镇第九届人民代表大会第二次会议召开。\n"
    "报告指出，2031年，我们要扎实抓好五项工作（茶乡产业、山乡道路、平安村寨），奋力开创新局面。\n"
)


def test_areas_listed_in_brackets_after_their_count_are_tasks():
    assert _names(COUNTED_IN_BRACKETS, "task") == ["茶乡产业", "山乡道路", "清廉机关", "平安村寨"]


def test_areas_listed_after_their_count_and_a_colon_are_tasks():
    assert _names(COUNTED_AFTER_COLON, "task") == ["茶乡产业", "山乡道路", "清廉机关", "平安村寨"]


def test_areas_reported_done_are_no_tasks():
    assert _names(COUNTED_DONE, "task") == []


def test_areas_fewer_than_counted_are_no_tasks():
    assert _names(COUNTED_OTHERWISE, "task") == []


CREDITED_DIGEST = (
    "松岭镇部署2031年重点工作\n"
    "2月3日，松岭镇召开人代会，全面部署2031年重点工作。\n"
    "松岭茶园春管 李小华 摄\n"
    "做强茶乡产业。扩大茶园面积，办好茶叶加工园区，推动茶旅融合发展，让茶农增收致富。\n"
    "山乡新貌 王大明 摄\n"
    "畅通山乡道路。完成山乡公路提升，推进集镇改造工作，方便群众出行，带动沿线发展。\n"
)

HEADED_DIGEST = CREDITED_DIGEST.replace("松岭茶园春管 李小华 摄", "做强松岭茶乡产业").replace(
    "山乡新貌 王大明 摄", "畅通松岭山乡道路"
)


def test_a_photos_credit_between_a_digests_paragraphs_is_no_task():
    assert _names(CREDITED_DIGEST, "task") == []


def test_a_heading_between_a_digests_paragraphs_is_still_a_task():
    assert _names(HEADED_DIGEST, "task") == ["做强松岭茶乡产业", "畅通松岭山乡道路"]
