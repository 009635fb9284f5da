"""Facts of the nineteenth round: the count of a year's livelihood works told in a passage.

The examples are invented. A count of 民生实事 promised or voted for a year, told in a sentence of the
body, is a target of that year (docs/reader-conventions.md); a headline's or a list heading's count, and
the same count told again, size the list and are no facts.
"""

from luoshi.reports.reader import parse


def _facts(text: str):
    return [(f.kind, f.value, f.unit) for f in parse(text, text_only=True).facts]


_HEAD = "柳川镇人代会票选出今年民生实事\n"
_LIST = "1.新建公厕4座。\n2.修缮村级道路5条。\n"


def test_a_count_voted_in_a_sentence_of_the_body_is_a_target_and_the_headline_count_is_not():
    text = (
        "柳川镇今年将办好8件民生实事\n3月2日，柳川镇人民代表大会召开，代表们票决产生了8项民生实事项目。\n"
        + _LIST
    )
    facts = _facts(text)
    assert facts == [("target", 8, "项"), ("target", 4, "座"), ("target", 5, "条")]
    # the headline alone, the body telling no count: the list's size, no fact
    alone = (
        "柳川镇今年将办好8件民生实事\n3月2日，柳川镇人民代表大会召开，代表们票决产生了民生实事项目。\n"
        + _LIST
    )
    assert [v for _, v, _ in _facts(alone)] == [4, 5]


def test_the_same_count_told_again_in_other_numerals_is_one_fact():
    text = _HEAD + "3月2日，柳川镇人民代表大会召开，会议票决产生六件民生实事。这6件民生实事是：\n" + _LIST
    facts = _facts(text)
    assert facts.count(("target", 6, "件")) == 1
    # a different count of works after it is read on its own
    other = text.replace("这6件民生实事是：", "另有3件民生实事列入储备。")
    assert [(v, u) for _, v, u in _facts(other)][:2] == [(6, "件"), (3, "件")]


def test_a_list_heading_line_with_only_its_colon_sizes_the_list():
    text = _HEAD + "柳川镇2031年两件民生实事分别是：\n1.新建公厕4座。\n2.修缮村级道路5条。\n"
    assert [v for _, v, _ in _facts(text)] == [4, 5]
    told = _HEAD + "会议闭幕，柳川镇2031年将办好两件民生实事：\n1.新建公厕4座。\n2.修缮村级道路5条。\n"
    assert ("target", 2, "件") in _facts(told)


def test_the_count_chosen_from_candidates_is_a_target_the_candidates_are_not():
    text = _HEAD + "3月2日，柳川镇人民代表大会召开，从12个候选项目中票决产生7件民生实事。\n" + _LIST
    facts = _facts(text)
    assert ("target", 7, "件") in facts
    assert ("target", 12, "个") not in facts


def test_a_list_a_vote_chose_named_right_before_its_count_is_a_target():
    text = "柳川镇召开人代会\n3月2日，柳川镇人民代表大会召开，会议审议了政府工作报告，并票决出了2031年民生实事一件。\n"
    assert _facts(text) == [("target", 1, "件")]
    # told as already done, it stays what was done
    done = text.replace("并票决出了2031年民生实事一件。", "票决出的2030年民生实事已完成3件。")
    assert ("target", 3, "件") not in _facts(done)
