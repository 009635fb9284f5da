"""The county-wide catalogue as seeded: the indicators township reports actually quote.

Taken from the seed reports' 主要预期目标 and reviews (GDP, 一般公共预算收入, 固定资产投资, 规上工业产值,
社会消费品零售总额, 居民人均可支配收入, 招商引资, 民生实事, 人居环境 …) and from what Luoshi already
records (case KPIs per case type, project stages, voted livelihood projects). Plain data: the
migration ``0002_seed_catalogue`` and ``catalogue_sync`` write it; an admin may edit rows later
(a changed definition gets a new version).
"""

from __future__ import annotations

from luoshi.accounts.registry import REGISTRY

V = "2026.1"

# code, name, unit, measure, period, cumulative, source body, unit code, aliases, definition
# fmt: off
REPORTED = [
    ("gdp", "地区生产总值", "亿元", "level", "quarter", True, "县统计局", "jfb",
     ["GDP", "生产总值", "全镇地区生产总值"], "按县统计局核算口径，1-N季度累计现价总量。"),
    ("gdp-growth", "地区生产总值增速", "%", "growth", "quarter", True, "县统计局", "jfb",
     ["GDP增速", "地区生产总值增长", "生产总值增长", "经济增速"], "可比价累计同比增速。"),
    ("budget-revenue", "一般公共预算收入", "亿元", "level", "month", True, "镇财政所", "czs",
     ["公共预算收入", "一般预算收入", "地方一般公共预算收入", "财政一般公共预算收入"],
     "按财政所收入台账，1-N月累计入库数。"),
    ("fiscal-revenue", "财政总收入", "亿元", "level", "month", True, "镇财政所", "czs",
     ["财政收入", "财政总收入"], "一般公共预算收入与上划中央、省、市收入之和，1-N月累计。"),
    ("fixed-asset-investment", "固定资产投资", "亿元", "level", "month", True, "县统计局", "jfb",
     ["完成固定资产投资", "固定资产投资额", "全社会固定资产投资", "固投"],
     "按县统计局固定资产投资统计月报（500万元以上项目），1-N月累计。"),
    ("industrial-investment", "工业投资", "亿元", "level", "month", True, "县统计局", "jfb",
     ["工业固定资产投资", "完成工业投资"], "固定资产投资中的工业部分，1-N月累计。"),
    ("above-scale-output", "规上工业总产值", "亿元", "level", "month", True, "县统计局", "jfb",
     ["规上工业产值", "规模以上工业总产值", "规模以上工业产值"], "规模以上工业企业总产值，1-N月累计。"),
    ("above-scale-output-growth", "规上工业总产值增速", "%", "growth", "month", True, "县统计局", "jfb",
     ["规上工业产值增长", "规上工业总产值增长", "规模以上工业总产值增长"], "累计同比增速。"),
    ("above-scale-value-added-growth", "规上工业增加值增速", "%", "growth", "month", True, "县统计局",
     "jfb", ["规上工业增加值增长", "规模以上工业增加值增长"], "可比价累计同比增速（县统计局下发）。"),
    ("industrial-taxable-sales", "工业应税销售", "亿元", "level", "month", True, "县税务局", "jfb",
     ["工业应税销售收入", "应税销售"], "辖区工业企业增值税应税销售额，1-N月累计。"),
    ("retail-sales", "社会消费品零售总额", "亿元", "level", "month", True, "县统计局", "jfb",
     ["社零额", "社会消费品零售额", "社消零"], "1-N月累计。"),
    ("retail-sales-growth", "社会消费品零售总额增速", "%", "growth", "month", True, "县统计局", "jfb",
     ["社会消费品零售总额增长", "社零额增长", "社会消费品零售额增长"], "累计同比增速。"),
    ("rural-disposable-income", "农村居民人均可支配收入", "元", "level", "quarter", True, "县统计局", "",
     ["居民人均可支配收入", "农民人均可支配收入", "农村常住居民人均可支配收入"],
     "住户调查口径，1-N季度累计。"),
    ("investment-attracted", "招商引资到位资金", "亿元", "level", "month", True, "县商务局", "jfb",
     ["招商引资", "实际到位资金", "引进内资", "招商引资实际到位资金"], "1-N月累计实际到位的省外内资。"),
    ("fdi-paid-in", "实际到账外资", "万美元", "level", "month", True, "县商务局", "jfb",
     ["实际使用外资", "到账外资", "利用外资"], "1-N月累计实际到账外资。"),
    ("new-above-scale-enterprises", "新增规上工业企业", "家", "level", "month", True, "县统计局", "jfb",
     ["新增规模以上工业企业", "新增规上企业", "新入规企业"], "当年1-N月新纳入规模以上统计的工业企业数。"),
    ("new-jobs", "城镇新增就业", "人", "level", "month", True, "县人社局", "shsw",
     ["新增城镇就业", "城镇新增就业人数"], "1-N月累计。"),
    ("medical-insurance-rate", "城乡居民医保参保率", "%", "rate", "year", False, "县医保局", "shsw",
     ["医保参保率", "城乡居民基本医疗保险参保率"], "当年参保人数 ÷ 应参保人数。"),
    ("grain-area", "粮食播种面积", "万亩", "level", "year", False, "县农业农村局", "nyb",
     ["粮食种植面积", "粮食播种"], "全年粮食作物播种面积。"),
    ("high-standard-farmland", "新建高标准农田", "亩", "level", "year", False, "县农业农村局", "nyb",
     ["高标准农田建设", "建设高标准农田"], "当年验收的高标准农田面积。"),
    ("village-collective-300k", "村集体经营性收入超30万元的村", "个", "level", "year", False,
     "县农业农村局", "nyb", ["集体经济强村", "村集体经营性收入30万元以上村"], "年度村集体经营性收入统计。"),
    ("air-quality", "空气质量优良天数比率", "%", "rate", "month", True, "县生态环境局", "hbb",
     ["空气优良率", "空气质量优良率", "优良天数比例"], "1-N月累计优良天数 ÷ 有效监测天数。"),
    ("water-quality", "国省控断面水质达标率", "%", "rate", "month", True, "县生态环境局", "hbb",
     ["断面水质达标率", "水质达标率"], "1-N月累计达标断面次数 ÷ 监测断面次数。"),
    ("afforestation", "新增造林绿化", "亩", "level", "year", False, "县林业局", "zrzy",
     ["造林绿化", "植树造林"], "当年核实的新增造林面积。"),
]

# Manual with evidence: no record in Luoshi and no statistic from above.
MANUAL = [
    ("investment-trips", "外出招商", "次", "level", "month", True, "镇经发办", "jfb",
     ["外出招商次数", "赴外招商"], "镇领导带队外出招商的次数，每次附行程或会议纪要。"),
    ("toilet-renovation", "农村户厕改造", "户", "level", "year", False, "镇农业农村办", "nyb",
     ["完成农村户厕改造", "户厕改造", "人居环境整治户厕改造"], "当年完成改造并验收的农村户厕数，附验收清单。"),
]
# fmt: on

# Computed: aliases as reports phrase them; name, unit, definition and version come from the registry.
# Apps that register their own figures pass their aliases to ``registry.register``.
COMPUTED_ALIASES = {
    "cases-petition-on-time": ["信访按期办结率", "信访件按期办结率", "信访事项及时办结率"],
    "cases-petition-satisfaction": ["信访满意率", "信访事项满意率"],
    "cases-hotline-on-time": ["按期办结率", "12345按期办结率", "热线按期办结率", "工单按期办结率"],
    "cases-hotline-satisfaction": ["满意率", "12345满意率", "热线满意率", "群众满意率"],
    "cases-hotline-callback": ["回访率", "12345回访率"],
    "cases-dispute-mediation": ["化解率", "矛盾纠纷化解率", "矛盾纠纷调处化解率", "调处成功率"],
    "cases-hazard-rectification": ["整改率", "隐患整改率", "安全隐患整改率", "隐患整改销号率"],
    "cases-hazard-closed": ["隐患销号数", "整改销号隐患"],
    "cases-grid-completion": ["网格事件办结率", "网格事件处置率"],
    "cases-grid-handled": ["网格事件办结数", "处置网格事件"],
    "cases-suggestion-on-time": ["代表建议按期办复率", "建议办复率"],
    "projects-started": ["新开工项目", "新开工重点项目", "开工项目"],
    "projects-completed": ["竣工项目", "竣工重点项目"],
    "projects-producing": ["投产项目", "新投产项目"],
    "projects-signed-100m": ["签约亿元以上项目", "引进亿元以上项目", "签约亿元项目", "亿元以上项目"],
    "projects-investment-signed": ["招商签约项目", "签约招商项目"],
    "projects-key-investment-done": ["重点项目完成投资", "重点项目投资"],
    "livelihood-completed": ["民生实事", "民生实事项目", "民生实事完成数"],
    "cases-hotline-received": ["受理工单", "12345热线受理工单", "热线工单"],
    "cases-petition-received": ["受理信访事项", "信访件"],
    "cases-dispute-received": ["排查化解矛盾纠纷", "排查矛盾纠纷", "调处矛盾纠纷"],
    "cases-hazard-received": ["排查隐患", "排查安全隐患"],
    "cases-grid-received": ["网格员上报事件", "上报网格事件"],
    "projects-key-count": ["实施重点项目", "重点项目"],
    "livelihood-adopted": ["票决民生实事", "民生实事项目数"],
}
COMPUTED_MEASURE = {"%": "rate"}


def seeds() -> list[dict]:
    """Every seeded indicator as model field values."""
    out = []
    for source, rows in (("reported", REPORTED), ("manual", MANUAL)):
        for code, name, unit, measure, period, cum, body, unit_code, aliases, definition in rows:
            out.append(
                {
                    "code": code,
                    "name": name,
                    "unit": unit,
                    "measure": measure,
                    "period": period,
                    "cumulative": cum,
                    "source": source,
                    "computation": "",
                    "source_body": body,
                    "unit_code": unit_code,
                    "aliases": aliases,
                    "definition": definition,
                    "version": V,
                }
            )
    for key, entry in REGISTRY.items():
        out.append(
            {
                "code": key,
                "name": str(entry.label),
                "unit": entry.unit,
                "measure": COMPUTED_MEASURE.get(entry.unit, "level"),
                "period": "month",
                "cumulative": True,
                "source": "computed",
                "computation": key,
                "source_body": "落实平台",
                "unit_code": "",
                "aliases": list(entry.aliases) or COMPUTED_ALIASES.get(key, []),
                "definition": str(entry.definition),
                "version": entry.version,
            }
        )
    return out
