"""Round 15: how a passage's parts and kinds are read (digests, news items, the layout of their lines)."""

from luoshi.reports.reader import factcheck, parse


def _facts(text: str):
    return parse(text, text_only=True).facts


def test_square_metres_written_as_one_sign_are_a_unit():
    facts = _facts("去年，青禾街道新增2.6万㎡绿地，翻新背街路面5400㎡。\n")
    assert [(f.value, f.unit) for f in facts] == [(26000, "㎡"), (5400, "㎡")]


def test_bulleted_lines_are_entries_of_their_own_named_before_the_colon():
    # lines shaped like a wrapped PDF (long, no closing mark), each opening with a bullet
    text = (
        "一、2030年工作回顾\n"
        "• • 经济指标\n"
        "• • 社会消费品零售总额:46万亿元,增长3.5%,连续十二年位居全国前列\n"
        "• • 货物出口总额:7.2万亿元,增长2.1%,规模继续稳居全国前列位置\n"
        "• • 一般公共预算收入:8600亿元,增长4.4%,税收占比继续保持稳定\n"
        "• • 城镇新增就业:超98万人,全年各项就业指标均保持在合理区间内\n"
        "• • 粮食总产量:1320万吨,连续八年保持稳定增长的良好发展态势\n"
        "• • 市场主体净增:64万户,总量突破一千万户并位居全国前列\n"
        "• • 高新技术企业:约5.8万家,数量连续六年保持全国前列位置\n"
        "• • 研发经费支出:约3900亿元,投入强度达到3.4%的较高水平\n"
    )
    by_value = {f.value: f for f in _facts(text)}
    assert by_value[7.2e12].metric == "货物出口总额"
    assert by_value[2.1].metric == "货物出口总额" and by_value[2.1].measure == "growth"
    assert by_value[8.6e11].metric == "一般公共预算收入"
    assert by_value[640000].metric == "市场主体净增"


def test_a_year_alone_on_its_line_heads_its_results_or_its_targets():
    text = (
        "八组数据，读懂报告里的青禾\n"
        "一、报告原文：经济回升向好\n"
        "青禾成绩\n"
        "2030年\n"
        "城镇新增就业36万人\n"
        "粮食总产达到412亿斤\n"
        "青禾目标\n"
        "2031年\n"
        "地区生产总值增长5%左右\n"
        "城镇新增就业35万人以上\n"
        "二、报告原文：扩大有效需求\n"
        "青禾成绩\n"
        "2030年\n"
        "社会消费品零售总额增长2.2%\n"
        "青禾目标\n"
        "2031年\n"
        "社会消费品零售总额增长4.5%左右\n"
    )
    got = [(f.value, f.part, f.kind, f.year) for f in _facts(text)]
    assert got == [
        (360000, "review", "actual", 2030),
        (41200000000, "review", "actual", 2030),
        (5, "plan", "target", 2031),
        (350000, "plan", "target", 2031),
        (2.2, "review", "actual", 2030),
        (4.5, "plan", "target", 2031),
    ]


def test_a_year_alone_once_decides_nothing():
    text = "青禾镇2031年工作安排\n2031年\n全镇将新建村级卫生室4个。\n"
    assert [(f.part, f.kind) for f in _facts(text)] == [("plan", "target")]


def test_the_number_of_headings_of_the_work_is_no_fact():
    text = (
        "青禾镇人民代表大会召开\n"
        "报告提出，2031年全镇将重点做好6个方面的工作：一是新建村级卫生室4个；二是改造农村公路12公里。\n"
    )
    assert sorted(f.value for f in _facts(text)) == [4, 12]


def test_what_a_vote_chose_for_the_year_is_to_be_done(monkeypatch):
    monkeypatch.setenv(factcheck.OFF_ENV, "1")  # (the rules' reading, which the second opinion may turn)
    text = (
        "青禾镇票选2031年民生实事项目\n"
        "发布日期：2031-01-12\n"
        "会议听取了青禾镇2030年民生实事项目完成情况的报告。代表们以无记名投票的方式，"
        "在9件民生实事候选项目中，差额票选出青禾镇2031年6件民生实事项目。\n"
    )
    kinds = {(f.value, f.unit): f.kind for f in _facts(text)}
    assert kinds[(9, "件")] == "actual"  # the candidates it chose from
    assert kinds[(6, "件")] == "target"


def test_a_voted_list_told_done_stays_done():
    text = "去年，青禾镇代表票决出的7项民生实事已全部完成。\n"
    assert [f.kind for f in _facts(text)] == ["actual"]


def test_the_delegates_who_met_are_the_meeting_s_record():
    text = (
        "青禾街道十项民生实事项目出炉\n"
        "日前，青禾街道召开居民代表大会，从15项民生实事中票决出2031年10项民生实事项目。\n"
        "会上，辖区内各界人大代表、居民代表共64人，对项目逐项投票。\n"
    )
    kinds = {f.value: f.kind for f in _facts(text)}
    assert kinds[64] == "actual"


def test_a_record_year_by_year_plans_nothing():
    text = (
        "青禾镇三年发展回眸\n"
        "2028年\n"
        "新建村级卫生室4个\n"
        "2029年\n"
        "改造农村公路12公里\n"
        "2030年\n"
        "新增城镇就业860人\n"
    )
    assert {f.kind for f in _facts(text)} == {"actual"}


def test_just_so_many_names_only_what_is_counted():
    facts = _facts("去年，青禾社区食堂供餐4.1万份，其中长者就有2.3万份。\n")
    assert facts[1].metric == "长者"


def test_a_capacity_enlarged_by_a_percentage_grew():
    facts = _facts("去年，青禾医院发热门诊和留观床位分别扩容85.5%和120%。\n")
    assert [(f.measure, f.value) for f in facts] == [("growth", 85.5), ("growth", 120)]


def test_a_count_and_its_length_about_so_long_name_one_thing():
    facts = _facts("去年，青禾镇建成5条约38公里的通村公路，新建村级卫生室4个。\n")
    assert [(f.value, f.unit, f.metric.endswith("通村公路")) for f in facts[:2]] == [
        (5, "条", True),
        (38, "公里", True),
    ]
    assert facts[1].approx == "约"
