"""One masking rule for fields and free text; published locations cut to street and ~100 m."""

from __future__ import annotations

import pytest

from luoshi.lib.masking import mask_if, mask_phone, mask_text, public_address, public_coordinate


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("请回电13812345678", "请回电138****5678"),
        ("请回电 138-1234-5678 或 138 1234 5678", "请回电 138****5678 或 138****5678"),
        ("+8613912345678", "139****5678"),
        ("座机0731-84561234", "座机0731-******34"),
        ("座机（0731）84561234", "座机（0731）******34"),
        ("门卫8456789", "门卫*****89"),
        ("身份证430102199001011234", "身份证430102********1234"),
        ("身份证43010219900101123X", "身份证430102********123X"),
        ("旧证430102900101123", "旧证430102*****1123"),
    ],
)
def test_every_phone_like_and_id_number_in_text_is_masked(text, masked):
    assert mask_text(text) == masked


def test_the_text_rule_masks_a_mobile_number_as_the_field_rule_does():
    assert mask_text("13812345678") == mask_phone("13812345678")


@pytest.mark.parametrize(
    "text",
    [
        "合并了重复案件 20260315-ABCDEFGHJK",
        "投资12345678元，2026年完成",
        "增长3.1415926%",
        "共 5 户 12 人",
    ],
)
def test_case_numbers_amounts_and_small_numbers_stay_readable(text):
    assert mask_text(text) == text


def test_known_names_and_names_by_cue_or_before_a_number_are_masked_in_public_text():
    text = "王建国反映：邻居李秀英家漏水，联系张三 13700001111。"
    assert mask_text(text, names=["王建国"], public=True) == "王**反映：邻居李**家漏水，联系张* 137****1111。"
    # staff readers keep the names they see in the fields; only numbers are masked for them
    assert mask_text(text) == "王建国反映：邻居李秀英家漏水，联系张三 137****1111。"


def test_door_level_numbers_are_masked_in_public_text_only():
    assert mask_text("3栋2单元502室漏水", public=True) == "*栋*单元*室漏水"
    assert mask_text("3栋2单元502室漏水") == "3栋2单元502室漏水"


def test_mask_if_follows_the_phone_field_decision():
    assert mask_if(True, "电话13812345678") == "电话138****5678"
    assert mask_if(False, "电话13812345678") == "电话13812345678"
    assert mask_if(True, None) == ""


@pytest.mark.parametrize(
    ("address", "published"),
    [
        ("青岚县云溪镇幸福路88号3栋2单元501室", "青岚县云溪镇幸福路"),
        ("桃坞村5组12号", "桃坞村"),
        ("幸福小区三栋二单元", "幸福小区"),
        ("人民路东段 123", "人民路东段"),
        ("云溪社区村口", "云溪社区村口"),
        ("", ""),
    ],
)
def test_published_addresses_keep_the_street_or_village_only(address, published):
    assert public_address(address) == published


def test_published_coordinates_have_three_decimals():
    assert public_coordinate("28.1234567") == 28.123
    assert public_coordinate(None) is None
