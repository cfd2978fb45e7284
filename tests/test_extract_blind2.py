"""Rules added after the blind second annotation (tests/fixtures/extract/blind2_*.jsonl).

Each case is a real sentence from the corpus (the source in a comment), the mentions it must give
(value, unit and, where the rule is about them, qualifier / indicator substring / measure) and the values it
must not give.
"""
from __future__ import annotations

import pytest

from pipelines.extract import extract_mentions


def m(value, unit, **fields):
    return {"value": value, "unit": unit, **fields}


CASES = [
    # Chinese numeral with 零 and an inner 多 before 万: the magnitude belongs to the part after 亿 (国务院/1985).
    ("cn-yi-ling-duo-wan", "粮食产量达到四亿零七百多万吨，比上年增长5.1%；", {},
     [m(4.07e8, "吨", qualifier=">", indicator="粮食产量"), m(5.1, "%", indicator="粮食产量")], [4.000007e12]),
    ("cn-yi-qian-duo-wan", "原煤产量达到七亿七千多万吨，原油达到一亿一千四百多万吨，都比上年增长8%，保证了整个工业的持续增长。", {},
     [m(7.7e8, "吨", qualifier=">", indicator="原煤产量"), m(1.14e8, "吨", qualifier=">", indicator="原油"),
      m(8, "%")], []),
    ("cn-money-duo-wan", "上交中央十三亿六千万元，承担中央借支和购买国库券二亿八千万元，省支出十八亿八千多万元。", {},
     [m(1.36e9, "元"), m(2.8e8, "元"), m(1.88e9, "元", qualifier=">", indicator="省支出")], []),
    # 倍多: 多 after 倍 is a lower bound (浙江/1983, 四川 2026 export).
    ("bei-duo", "接待外国旅游者、华侨和港、澳、台同胞的人数，从一九七七年的二万多人（次）增加到一九八二年的十七万三千多人（次），增加七倍多。", {},
     [m(2e4, "人次", qualifier=">"), m(1.73e5, "人次", qualifier=">"), m(7, "倍", qualifier=">", measure="multiple")], []),
    ("bei-duo-arabic", "每万人口高价值发明专利拥有量达到9.3件、增长2倍多。", {},
     [m(9.3, "件", indicator="高价值发明专利拥有量"), m(2, "倍", qualifier=">")], []),
    ("bei-near", "一九八二年，全省出口商品收购总额为二十二亿三千八百万元，比一九七七年增长一点三倍；自营出口收汇五亿四千多万美元，比一九七八年增长近十倍。", {},
     [m(2.238e9, "元"), m(1.3, "倍", qualifier="="), m(5.4e8, "美元", qualifier=">"), m(10, "倍", qualifier="~")], []),
    # 人（次）is 人次 (西宁/2019 writes it the same way).
    ("ren-ci-in-parentheses", "城镇新增就业3.2万人，农村劳动力转移就业38.9万人（次），城镇登记失业率控制在2.45%。", {},
     [m(3.2e4, "人"), m(3.89e5, "人次", indicator="农村劳动力转移就业")], []),
    # Two-part Chinese counts (11–99) are counts in reports of the Chinese-numeral era only; never 次/条/项 lists.
    ("composite-cn-count-old-report", "全省有二十个县（市、区）的农村总收入（社队三级经济加上家庭副业）在三中全会以后的四年里翻了一番多。",
     {"report_year": 1983}, [m(20, "个")], []),
    ("composite-cn-count-modern-report", "围绕实现以上目标，全力抓好十一个方面重点工作：", {"report_year": 2022}, [], [11]),
    ("composite-cn-count-modern-names", "纵深推进农村产业革命，注重产业发展后续长期培育，继续壮大十二个特色产业。", {"report_year": 2021}, [], [12]),
    ("composite-cn-meeting-number", "做好2011年政府工作，要按照九届市委十三次、十四次全会的部署，坚持科学发展。", {"report_year": 1990}, [], [13, 14]),
    ("composite-cn-policy-list", "他们千方百计发动群众挖掘潜力，制订了减产不减收的三十条措施，取得了成效。", {"report_year": 1982}, [], [30]),
    ("composite-cn-count-1982", "已经开过人民代表大会的五十七个市、县，当选的正副市长、县长共有三百三十一名。", {"report_year": 1982},
     [m(57, "个"), m(331, "名")], []),
    # New measure words: 起 (cases, events), 口 (wells, pits, pigs), 岁 (only for a measured age).
    ("unit-qi", "有效应对多次地震、旱涝等自然灾害，36起成功避险避灾案例获应急管理部表扬。", {},
     [m(36, "起", indicator="成功避险避灾案例")], []),
    ("unit-kou", "支持农民新建沼气池45万口。", {}, [m(4.5e5, "口", indicator="沼气池")], []),
    ("unit-sui-life-expectancy", "人均预期寿命从80.2岁提升至82.5岁。", {},
     [m(80.2, "岁", indicator="人均预期寿命"), m(82.5, "岁", indicator="人均预期寿命")], []),
    ("unit-sui-age-class", "为全省0——6岁儿童免费开展孤独症筛查。", {}, [], [0, 6]),
    ("unit-sui-age-bound", "生态恶劣地区50岁以下、有劳动能力的贫困人口，集中向小城镇移民搬迁。", {}, [], [50]),
    # People nouns after a magnitude without a unit word.
    ("people-noun-nongmin", "新型农村合作医疗制度试点已扩大到671个县，惠及1.77亿农民。", {},
     [m(671, "个"), m(1.77e8, "人")], []),
    ("people-noun-rencai", "全社会研发投入强度首次超过3%，人才总量突破300万，获评2023中国年度最佳引才城市。", {},
     [m(3, "%", qualifier=">"), m(3e6, "人", qualifier=">", indicator="人才总量")], [2023]),
    ("rhetorical-population", "八亿农民对党和政府更加信赖，对社会主义制度的光明前途充满了信心。", {"report_year": 1982}, [], [8e8]),
    # Threshold verbs 破 / 跨上 (> like 突破); 台阶 is not the unit 台.
    ("po-bare-magnitude", "服务业提档升级，社会消费品零售总额、服务业增加值均破千亿，电子商务加快发展。", {},
     [m(1e11, "元", qualifier=">", indicator="社会消费品零售总额"), m(1e11, "元", qualifier=">", indicator="服务业增加值")], []),
    ("kuashang", "服务业支撑作用更加明显，增加值跨上3万亿元台阶，对经济增长贡献率超60%。", {},
     [m(3e12, "元", qualifier=">", indicator="增加值"), m(60, "%", qualifier=">")], []),
    ("kuashang-taijie-not-tai", "社会消费品零售总额跨上千亿台阶，农村电商网络零售额连续60个月全省第1。", {},
     [m(1e11, "元", qualifier=">", indicator="社会消费品零售总额")], []),
    # A fund named right after its amount when the words before are a verb and its agent.
    ("money-noun-after-verb", "中央安排30亿元国债资金支持中西部乡镇卫生院建设，改善农村医疗卫生条件。", {},
     [m(3e9, "元", indicator="国债资金")], []),
    ("money-noun-after-chengli", "成立100亿元市级招商基金，新引进“三类500强”企业投资项目71个。", {},
     [m(1e10, "元", indicator="市级招商基金"), m(71, "个")], [500]),
    # 分别 whose names are in the clause before (a share clause), values cycling over the names.
    ("fenbie-names-in-previous-clause", "社队企业和家庭副业的收入占农村经济总收入的比重，分别从一九七七年的百分之三十三和百分之十四，上升到百分之四十二和百分之二十三。", {},
     [m(33, "%", indicator="社队企业"), m(14, "%", indicator="家庭副业"),
      m(42, "%", indicator="社队企业"), m(23, "%", indicator="家庭副业")], []),
    ("fenbie-place-heads", "环保短板加快补齐，主城区和县城污水处理率分别达95%、88%，入选全国黑臭水体治理示范城市。", {},
     [m(95, "%", indicator="主城区污水处理率"), m(88, "%", indicator="县城污水处理率")], []),
    # A comparison base or an earlier point (比/由…年的, 下降到…年的) has no noun: the subject is inherited.
    ("comparison-base-year-de", "一九八二年，全省财政收入三十六亿二千五百万元，比一九七七年的十九亿六千四百万元增长百分之八十四点六。", {},
     [m(3.625e9, "元", indicator="财政收入"), m(1.964e9, "元", indicator="财政收入"), m(84.6, "%", indicator="财政收入")], []),
    ("change-to-year-de", "万元工业产值的综合能耗，由一九七八年的五点七吨标准煤下降到一九八二年的三点九三吨，达到全国先进水平。", {},
     [m(5.7, "吨标准煤", indicator="综合能耗"), m(3.93, "吨", indicator="综合能耗")], []),
    ("share-from-year-de", "多种经营在农业总产值中的比重，仍然由一九七七年的百分之五十四点三上升到百分之六十二点四；", {},
     [m(54.3, "%", indicator="多种经营"), m(62.4, "%", indicator="多种经营")], []),
    # 平均每年递增 is 年均增长: no noun of its own, period 年均.
    ("average-yearly-increase", "1984年，我国工农业总产值突破一万亿元，在1979到1983年平均每年递增7.9%的基础上，比上年增长14.2%，各方面的经济效益也有提高。", {},
     [m(1e12, "元", qualifier=">", indicator="工农业总产值"), m(7.9, "%", indicator="工农业总产值", period="年均"),
      m(14.2, "%", indicator="工农业总产值")], []),
    ("average-yearly-increase-cn", "农业总产值达到一百三十七亿六千万元，比一九八一年增长百分之十五点五，五年中平均每年递增百分之十一点五，而过去二十八年平均每年只递增百分之四点四。", {},
     [m(1.376e10, "元"), m(15.5, "%", indicator="农业总产值"), m(11.5, "%", indicator="农业总产值"),
      m(4.4, "%", indicator="农业总产值")], []),
    # 占有 is holding, not a share; a scope-only phrase (全国平均每人) inherits the subject.
    ("zhanyou-not-share", "去年全国平均每人占有粮食近八百斤，棉花十多斤。", {},
     [m(800, "斤", qualifier="~", indicator="粮食"), m(10, "斤", qualifier=">", indicator="棉花")], []),
    ("scope-only-inherits", "农民的纯收入，全国平均每人达到三百五十五元，比上年增长14.7%。", {},
     [m(355, "元", indicator="农民的纯收入"), m(14.7, "%", indicator="农民的纯收入")], []),
    ("one-char-commodity", "全省共节约原煤一百九十八万吨，电十三亿八千万度，成品油和燃料油十九万九千吨；", {},
     [m(1.98e6, "吨", indicator="原煤"), m(1.38e9, "度", indicator="电"), m(1.99e5, "吨", indicator="成品油和燃料油")], []),
    # X占比 names the share itself (both the numerator and the share agree with it).
    ("zhanbi-in-name", "五年来，我们大力发展民生社会事业，全省一般公共预算民生支出占比稳定在65%以上。", {},
     [m(65, "%", qualifier=">=", measure="share", indicator="民生支出占比")], []),
    ("not-counted-after-value", "人均体育场地面积增长93%，各类健身活动年均吸引4000余万人次参与。", {},
     [m(93, "%"), m(4e7, "人次", qualifier=">", indicator="健身活动")], []),
    ("not-counted-base", "在1979到1983年平均每年递增7.9%的基础上", {}, [m(7.9, "%")], []),
    # 均 after names listed in earlier clauses: one mention per name.
    ("jun-previous-clauses", "财政收入2063.8亿元，其中地方财政收入1149.4亿元，均增长33%。", {},
     [m(2.0638e11, "元"), m(1.1494e11, "元"), m(33, "%", indicator="财政收入"), m(33, "%", indicator="地方财政收入")], []),
    # From the second blind batch (blind3_*).
    ("unit-ton-km", "一九八五年，全省交通部门水陆运输完成货物周转量二百五十六亿吨公里，比一九八〇年增长百分之三十四；", {},
     [m(2.56e10, "吨公里", indicator="货物周转量"), m(34, "%", indicator="货物周转量")], []),
    ("right-shangsheng-not-noun", "生猪出栏数由一千零二十九万头上升到一千二百三十八万头，水产品由八十万吨上升到九十一万吨。", {},
     [m(1.029e7, "头", indicator="生猪出栏数"), m(1.238e7, "头", indicator="生猪出栏数"),
      m(8e5, "吨", indicator="水产品"), m(9.1e5, "吨", indicator="水产品")], []),
    ("subject-before-parenthesis", "全省工业总产值（不包括村及村以下工业），一九八五年达到四百四十四亿元，比一九八〇年增加一点三六倍，在全国的位次由第十二位上升到第七位。", {},
     [m(4.44e10, "元", indicator="工业总产值"), m(1.36, "倍", indicator="工业总产值")], [12, 7]),
    ("years-total-heji", "财政支出，五年合计一百二十四亿元。", {}, [m(1.24e10, "元", indicator="财政支出")], []),
    ("trailing-you", "经过工商登记的中外合资、合作企业有七十二家。", {"report_year": 1986},
     [m(72, "家", indicator="中外合资、合作企业")], []),
    ("comparison-chaoguo-target", "仅一九八五年的自营出口额就达到九亿四千万美元，超过“六五”计划规定指标百分之四十二。", {},
     [m(9.4e8, "美元", indicator="自营出口额"), m(42, "%", indicator="自营出口额")], []),
    ("shared-measure-noun", "金融机构存款、贷款余额分别达到976.8亿元和779.74亿元，年均增长14.4%、16.7%；", {},
     [m(9.768e10, "元", indicator="存款余额"), m(7.7974e10, "元", indicator="贷款余额"),
      m(14.4, "%", indicator="存款余额"), m(16.7, "%", indicator="贷款余额")], []),
    ("no-shared-single-char-ending", "城市生活垃圾和建筑垃圾利用率均达60%以上，危险废物处置率100%。", {},
     [m(60, "%", qualifier=">=", indicator="城市生活垃圾利用率"), m(60, "%", indicator="建筑垃圾利用率")], []),
    ("leading-xianzai-dayueyou", "现在大约有百分之四十左右的劳动力转移到社队企业和其他各种专业生产上来。", {},
     [m(40, "%", qualifier="~", indicator="劳动力")], []),
]


def _agrees(got, want):
    return bool(got) and bool(want) and (got in want or want in got)


def _matches(mention, want) -> bool:
    if mention["unit"] != want["unit"] or abs(mention["value"] - want["value"]) > 1e-6 * max(1.0, abs(want["value"])):
        return False
    for key, expected in want.items():
        if key in ("value", "unit"):
            continue
        if key == "indicator" and not _agrees(mention["indicator"], expected):
            return False
        if key != "indicator" and mention[key] != expected:
            return False
    return True


@pytest.mark.parametrize("sentence,kwargs,expected,absent", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_blind2_rule(sentence, kwargs, expected, absent):
    mentions = extract_mentions(sentence, **kwargs)
    pool = list(mentions)
    for want in expected:
        hit = next((x for x in pool if _matches(x, want)), None)
        assert hit is not None, f"no {want} in {[(x['value_text'], x['value'], x['unit'], x['qualifier'], x['indicator']) for x in mentions]}"
        pool.remove(hit)
    for v in absent:
        assert all(abs(x["value"] - v) > 1e-9 * max(1, abs(v)) for x in mentions), \
            f"{v} extracted: {[(x['value_text'], x['value'], x['unit']) for x in mentions]}"
    for x in mentions:
        assert sentence[x["char_start"]:x["char_end"]] == x["value_text"]


@pytest.mark.parametrize("sentence,count", [
    ("国民收入和国家财政收入都比上年增长12%，国家财政状况继续好转。", 1),   # 都: one mention (see README)
    ("铁路、航空客运量双双超过千万人次。", 1),                            # 双双: one mention
    ("城乡居民人均可支配收入均增长8%左右。", 2),                          # 均: one per listed name
], ids=["dou-one-mention", "shuangshuang-one-mention", "jun-one-per-name"])
def test_distributive_words(sentence, count):
    assert len(extract_mentions(sentence)) == count


def test_a_report_of_unknown_year_writing_chinese_percentages_counts_in_chinese():
    """浙江/1983 without its year: 百分之… throughout, so 二十个县 is a count; a modern report's 十二个 stays out."""
    from pipelines.extract import extract_document_metrics
    old = [{"sentence_id": "s1", "char_start": 0, "text": "农业总产值比一九八一年增长百分之十五点五，比一九七七年增长百分之七十二点八。"},
           {"sentence_id": "s2", "char_start": 40, "text": "全省有二十个县（市、区）的农村总收入在三中全会以后的四年里翻了一番多。"}]
    modern = [{"sentence_id": "s1", "char_start": 0, "text": "地区生产总值增长5.5%，规模以上工业增加值增长7%。"},
              {"sentence_id": "s2", "char_start": 30, "text": "纵深推进农村产业革命，继续壮大十二个特色产业。"}]
    assert 20.0 in {m["value"] for m in extract_document_metrics({"doc_id": "d", "year": None}, old)}
    assert 12.0 not in {m["value"] for m in extract_document_metrics({"doc_id": "d", "year": None}, modern)}
