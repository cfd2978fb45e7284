"""Table-driven tests of ``pipelines.extract.extract_mentions`` over the real example sentences of the
pattern catalogue (``../shared/reference/patterns.md`` §1–8) and the sample report [S].

Each case: a sentence, keyword arguments, the mentions that must be found (value + unit, and any other
field given) and the values that must not appear. Indicators are compared as the scorer does
(either contains the other).
"""
from __future__ import annotations

import pytest

from pipelines.extract import extract_mentions

Y = {"report_year": 2024}
REVIEW = {"report_year": 2024, "part": "review"}
TARGET = {"report_year": 2024, "part": "plan", "is_target_statement": True}


def m(value, unit, **fields):
    return {"value": value, "unit": unit, **fields}


CASES = [
    # §1 qualifiers
    ("1-突破", "地区生产总值突破1600亿元", Y, [m(1.6e11, "元", qualifier=">", indicator="地区生产总值", indicator_code="gdp")], []),
    ("1-超-compound", "地均GDP超70亿元/平方公里", Y, [m(7e9, "元/平方公里", qualifier=">", indicator="地均GDP", indicator_code="gdp_per_km2")], []),
    ("1-超过", "私募基金管理规模超过1000亿元", Y, [m(1e11, "元", qualifier=">", indicator="私募基金管理规模")], []),
    ("1-逾", "全年接待旅游人数逾8000万人次", Y, [m(8e7, "人次", qualifier=">", period="全年", indicator="旅游人数")], []),
    ("1-达-share", "行政许可事项“最多跑一次”占比达99.8%", Y, [m(99.8, "%", qualifier="=", measure="share", indicator="最多跑一次")], []),
    ("1-达到以上", "现代服务业增加值占服务业增加值比重达到62%以上", Y, [m(62, "%", qualifier=">=", measure="share", indicator="现代服务业增加值")], []),
    ("1-约", "地均税收约8亿元/平方公里", Y, [m(8e8, "元/平方公里", qualifier="~", indicator="地均税收")], []),
    ("1-左右-预计", "预计全年5%左右", Y, [m(5, "%", qualifier="~", period="全年", statement="estimate")], []),
    ("1-以上", "城镇新增就业5.3万人以上", TARGET, [m(53000, "人", qualifier=">=", indicator_code="jobs_new_urban", target_strength="hard", statement="target", reference_year=2024)], []),
    ("1-以内", "城镇调查失业率控制在5.5%以内", TARGET, [m(5.5, "%", qualifier="<=", indicator_code="unemp_surveyed", target_strength="hard")], []),
    ("1-以下", "城镇登记失业率控制在2.3%以下", Y, [m(2.3, "%", qualifier="<=", indicator_code="unemp_registered")], []),
    ("1-余", "对口帮扶巫溪资金4000余万元", Y, [m(4e7, "元", qualifier=">", value_text="4000余万元")], []),
    ("1-多", "接待游客1900多万人次", Y, [m(1.9e7, "人次", qualifier=">", indicator_code="tourism_visitors")], []),
    ("1-近", "基金规模占全市近30%", Y, [m(30, "%", qualifier="~", measure="share", indicator="基金规模")], []),
    ("1-力争-stretch", "地区生产总值增长5.5%（力争6%以上）", TARGET,
     [m(5.5, "%", qualifier="=", indicator_code="gdp", measure="growth", statement="target"),
      m(6, "%", qualifier=">=", indicator_code="gdp", measure="growth", statement="target", target_strength="soft")], []),
    ("1-力争-two-targets", "地区生产总值增长7%以上，工作目标力争增长8%左右", TARGET,
     [m(7, "%", qualifier=">=", indicator_code="gdp", target_strength="hard"),
      m(8, "%", qualifier="~", indicator_code="gdp", target_strength="soft")], []),
    ("1-确保", "确保城镇新增就业8万人以上", {"report_year": 2013}, [m(80000, "人", qualifier=">=", statement="target", target_strength="hard", reference_year=2013)], []),
    ("1-控制在左右", "居民消费价格涨幅控制在3%左右", TARGET, [m(3, "%", qualifier="~", indicator_code="cpi", measure="growth")], []),
    ("1-保持在", "就业率保持在95%以上", Y, [m(95, "%", qualifier=">=", indicator="就业率")], []),
    ("1-不低于", "粮食播种面积不低于5303万亩", Y, [m(5.303e7, "亩", qualifier=">=", indicator="粮食播种面积")], []),
    ("1-高于全省", "进出口总额增速高于全省1个百分点以上", Y, [m(1, "百分点", qualifier=">=", measure="pp_change", indicator_code="trade_total")], []),
    ("1-预计-carry", "预计全年实现地区生产总值2880亿元，增长8.6%左右", {"report_year": 2018, "part": "review"},
     [m(2.88e11, "元", statement="estimate", indicator_code="gdp", reference_year=2017),
      m(8.6, "%", qualifier="~", statement="estimate", indicator_code="gdp", measure="growth", direction="up")], []),
    # §2 periods
    ("2-carry-list", "特别是开展“进位争先百日攻坚战”以来，GDP增速逐季攀升，上半年3.2%、前三季度4.4%、预计全年5%左右", REVIEW,
     [m(3.2, "%", period="上半年", indicator="GDP增速", reference_year=2023, statement="actual"),
      m(4.4, "%", period="前三季度", indicator="GDP增速"),
      m(5, "%", period="全年", qualifier="~", indicator="GDP增速", statement="estimate")], []),
    ("2-一季度", "一季度，全市地区生产总值增长4.8%", Y, [m(4.8, "%", period="一季度", indicator_code="gdp", measure="growth")], [1]),
    ("2-month-span", "1-4月，固定资产投资增长2.8%", Y, [m(2.8, "%", period="1-4月", indicator_code="fai")], [1, 4]),
    ("2-year-base", "全年接待旅游人数逾8000万人次、超2019年19个百分点", REVIEW,
     [m(19, "百分点", qualifier=">", indicator="旅游人数", period=None, reference_year=2023)], [2019]),
    ("2-十四五-年均", "“十四五”期间全市生产总值年均增长6.5%", Y, [m(6.5, "%", measure="growth", indicator_code="gdp")], [14, 5]),
    ("2-两年平均", "地区生产总值两年平均增长6%", Y, [m(6, "%", period="两年平均", indicator_code="gdp")], []),
    ("2-explicit-year", "2025年，全市地区生产总值增长5%左右", {"report_year": 2026, "part": "review"}, [m(5, "%", reference_year=2025)], [2025]),
    # §3 growth / level / share
    ("3-level", "固定资产投资完成210.4亿元", Y, [m(2.104e10, "元", measure="level", indicator_code="fai")], []),
    ("3-growth-target", "地区生产总值增长6%左右", TARGET, [m(6, "%", measure="growth", direction="up", statement="target", target_strength="soft", reference_year=2024)], []),
    ("3-negative", "固定资产投资增长-12.7%", Y, [m(-12.7, "%", measure="growth", direction="down", value_text="-12.7%")], [12.7]),
    ("3-decline", "单位GDP能耗下降5%左右", Y, [m(5, "%", measure="growth", direction="down", indicator_code="energy_intensity")], []),
    ("3-倍", "“新三样”出口增长1倍", Y, [m(1, "倍", measure="multiple", direction="up")], [3]),
    ("3-翻番", "力争到2035年地区生产总值翻两番，城乡居民储蓄存款余额比“九五”期末翻一番", Y,
     [m(4, "倍", measure="multiple", direction="up", indicator_code="gdp", reference_year=2035, statement="target"),
      m(2, "倍", measure="multiple", indicator="城乡居民储蓄存款余额")], [2035]),
    ("3-share-of-what-follows", "90%的化工园区降至较低风险等级，90%的煤矿达到安全生产标准化二级以上", Y,
     [m(90, "%", indicator="化工园区"), m(90, "%", indicator="煤矿")], []),
    ("3-subject-with-adverbial", "粮食总产量在上年大幅度增长的基础上，又增产1454万吨，达到48401万吨", Y,
     [m(1.454e7, "吨", indicator="粮食总产量", indicator_code="grain_output"), m(4.8401e8, "吨", indicator="粮食总产量")], []),
    ("6-per-thousand-count", "每千人拥有床位数5.4张", Y, [m(5.4, "张", indicator="床位数")], []),
    ("3-share", "第三产业增加值占GDP比重提升至42.4%", Y, [m(42.4, "%", measure="share", indicator="第三产业增加值")], []),
    ("3-pp", "服务业占生产总值比重提高0.5个百分点", Y, [m(0.5, "百分点", measure="pp_change", direction="up", indicator="服务业")], []),
    ("3-pp-左右", "常住人口城镇化率提高1.6个百分点左右", Y, [m(1.6, "百分点", qualifier="~", measure="pp_change", indicator_code="urbanization")], []),
    ("3-分别", "城镇、农村居民人均可支配收入分别增长7%和10%", Y,
     [m(7, "%", indicator="城镇居民人均可支配收入", indicator_code="income_urban"),
      m(10, "%", indicator="农村居民人均可支配收入", indicator_code="income_rural", measure="growth")], []),
    ("3-分别-previous", "城镇居民人均可支配收入达到10493元，农村居民人均纯收入达到3255元，扣除价格因素，分别增长9.6%和6.2%", Y,
     [m(9.6, "%", indicator_code="income_urban", measure="growth"), m(6.2, "%", indicator_code="income_rural", measure="growth")], []),
    ("3-分别-shared-suffix", "一产、二产、三产增加值分别增长6%、5.2%、5.2%，分别居全国第二、第七、第九", Y,
     [m(6, "%", indicator="一产增加值"), m(5.2, "%", indicator="二产增加值"), m(5.2, "%", indicator="三产增加值")], [2, 7, 9]),
    ("3-分别-parallel-lists", "全社会固定资产投资、社会消费品零售总额和外贸进出口总额分别达6957亿元、7883亿元和4280亿美元，"
     "比上年增长16.3%、15.0%和19.8%，五年年均增长16.6%、14.1%和20.3%", Y,
     [m(6.957e11, "元", indicator="全社会固定资产投资"), m(4.28e11, "美元", indicator="外贸进出口总额"),
      m(15.0, "%", indicator="社会消费品零售总额", measure="growth"), m(16.6, "%", indicator="全社会固定资产投资", period="年均"),
      m(20.3, "%", indicator="外贸进出口总额")], []),
    ("3-subject-of-a-clause-between", "年末全省金融机构存款余额达38119亿元，其中城乡居民储蓄存款余额比“九五”期末翻一番，突破2万亿元", Y,
     [m(3.8119e12, "元", indicator="金融机构存款余额"), m(2e12, "元", qualifier=">", indicator="城乡居民储蓄存款余额")], []),
    ("3-可比口径", "地方一般预算收入1806亿元，按可比口径比上年增长18.4%", Y, [m(18.4, "%", indicator="地方一般预算收入")], []),
    ("3-均", "城乡居民人均可支配收入均增长8%左右", Y,
     [m(8, "%", indicator_code="income_urban", qualifier="~"), m(8, "%", indicator_code="income_rural", qualifier="~")], []),
    ("3-年均", "地区生产总值年均增长6.9%", Y, [m(6.9, "%", period="年均", measure="growth")], []),
    ("3-同口径", "一般公共预算收入（同口径）增长-2.9%", Y, [m(-2.9, "%", indicator_code="fiscal_rev_gpb", direction="down")], []),
    ("3-inherit", "地区生产总值完成253.7亿元，同比增长10.1%", Y,
     [m(2.537e10, "元", indicator="地区生产总值"), m(10.1, "%", indicator="地区生产总值", measure="growth")], []),
    # §4 comparison bases
    ("4-比上年", "全年完成国内生产总值2684.83亿元，比上年增长12.7%", Y, [m(2.68483e11, "元", period="全年"), m(12.7, "%", indicator_code="gdp", measure="growth")], []),
    ("4-高于全国", "新能源汽车渗透率63.8%，高于全国14个百分点", Y, [m(63.8, "%", indicator="新能源汽车渗透率"), m(14, "百分点", qualifier=">", indicator="新能源汽车渗透率")], []),
    ("4-天", "空气优良天数242天，比上年增加14天", Y, [m(242, "天"), m(14, "天", direction="up", indicator="空气优良天数")], []),
    ("4-较十五末", "旅游总收入较“十五”末增长1.86倍", Y, [m(1.86, "倍", measure="multiple", indicator="旅游总收入")], [15]),
    # §5 ranges
    ("5-emdash", "地区生产总值增长7.0%——7.5%", TARGET, [m(7.0, "%", value_high=7.5, qualifier="range", target_strength="soft", indicator_code="gdp")], [7.5]),
    ("5-hyphen", "地区生产总值增长6%-6.5%", Y, [m(6, "%", value_high=6.5, qualifier="range")], [6.5]),
    ("5-percent-at-end", "地区生产总值增长4-4.5%", Y, [m(4, "%", value_high=4.5, qualifier="range")], [4.5]),
    ("5-tilde", "地区生产总值增长6.5%~7%", Y, [m(6.5, "%", value_high=7, qualifier="range")], []),
    ("5-fullwidth-tilde", "实际增长3～5%", Y, [m(3, "%", value_high=5, qualifier="range")], []),
    ("5-至", "低保标准提高17％至25％", Y, [m(17, "%", value_high=25, qualifier="range", value_text="17％至25％")], [25]),
    ("5-money-range", "2005年达到1800亿元至2000亿元", {"report_year": 1993}, [m(1.8e11, "元", value_high=2e11, qualifier="range", reference_year=2005)], [2005]),
    ("5-month-span-not-range", "1—11月，规模以上工业增加值增长4.5%", Y, [m(4.5, "%", period="1—11月", indicator_code="iva_above_scale")], [1, 11]),
    ("5-ratio-triple", "三次产业结构由11.1：47.8∶41.1调整为10.1∶48", Y, [], [11.1, 47.8, 41.1, 10.1, 48]),
    # §6 units
    ("6-万亿元", "南京地区生产总值超1.94万亿元", Y, [m(1.94e12, "元", qualifier=">", indicator_code="gdp")], []),
    ("6-亿美元", "外贸进出口总额4.4亿美元", Y, [m(4.4e8, "美元", indicator_code="trade_total")], []),
    ("6-compound-预计达", "单位建设用地GDP产出预计达5.81亿元/平方公里", Y, [m(5.81e8, "元/平方公里", statement="estimate", indicator_code="gdp_per_km2")], []),
    ("6-元每人", "全员劳动生产率16万元/人以上", Y, [m(160000, "元/人", qualifier=">=", indicator_code="labor_productivity")], []),
    ("6-元每人每月", "低保标准至1180元/人/月", Y, [m(1180, "元/人/月")], []),
    ("6-元每平方米", "老旧小区改造标准提高至400元/平方米", Y, [m(400, "元/平方米")], []),
    ("6-亿人次", "接待游客2.3亿人次", Y, [m(2.3e8, "人次")], []),
    ("6-万人", "城镇新增就业5.2万人", Y, [m(52000, "人", indicator_code="jobs_new_urban")], []),
    ("6-万户", "市场主体总量突破12万户", Y, [m(120000, "户", qualifier=">", indicator_code="market_entities")], []),
    ("6-万千瓦", "天润20万千瓦风电制氢", Y, [m(200000, "千瓦")], []),
    ("6-亿千瓦时", "直供电交易54.7亿千瓦时", Y, [m(5.47e9, "千瓦时")], []),
    ("6-吨标准煤", "减少能耗1725万吨标准煤", Y, [m(1.725e7, "吨标准煤", direction="down")], []),
    ("6-吨标准煤每万元", "单位地区生产总值能耗0.34吨标准煤/万元", Y, [m(0.34, "吨标准煤/万元", indicator_code="energy_intensity")], []),
    ("6-亿斤", "粮食总产量417亿斤", Y, [m(4.17e10, "斤", indicator_code="grain_output")], []),
    ("6-万亩", "建成高标准农田38.33万亩", Y, [m(383300, "亩")], []),
    ("6-公顷", "盘活闲置土地371公顷", Y, [m(371, "公顷")], []),
    ("6-万平方米", "改造老旧小区737万平方米", Y, [m(7.37e6, "平方米")], []),
    ("6-平方公里-before-公里", "新增海绵城市31.2平方公里", Y, [m(31.2, "平方公里")], []),
    ("6-公里", "8.8公里长江岸线生态修复、形态重塑", Y, [m(8.8, "公里", indicator="长江岸线")], []),
    ("6-permille", "人口自然增长率控制在7.5‰以内", Y, [m(7.5, "‰", qualifier="<=", indicator_code="pop_natural_growth", measure="level")], []),
    ("6-天", "全年环境空气质量优良天数311天", Y, [m(311, "天")], []),
    # §7 Chinese numerals and full width
    ("7-full-numeral", "工业总产值二百十三亿六千万元", Y, [m(2.136e10, "元", indicator="工业总产值")], []),
    ("7-百分之", "比上年增长百分之十一点三", Y, [m(11.3, "%", measure="growth")], []),
    ("7-百分之三点九", "财政收入增长百分之三点九", Y, [m(3.9, "%", value_text="百分之三点九")], []),
    ("7-一千二百亿", "完成投资一千二百亿元", Y, [m(1.2e11, "元")], []),
    ("7-magnitude-word-value", "解放碑中央商务区社会消费品零售总额在西部率先突破千亿、竞争力排名全国第五", Y,
     [m(1e11, "元", qualifier=">", indicator="社会消费品零售总额", indicator_code="retail")], [5]),
    ("7-magnitude-word-with-unit", "总投资突破千亿元", Y, [m(1e11, "元", qualifier=">")], []),
    ("7-magnitude-threshold-label", "年营业收入超百亿元的企业达到6家", Y, [m(6, "家")], [1e10]),
    ("7-class-labels", "形成5家百亿级、50家十亿级、300家亿元级龙头企业发展矩阵", Y,
     [m(5, "家", indicator="百亿级"), m(50, "家", indicator="十亿级"), m(300, "家", indicator="亿元级龙头企业")], [1e10, 1e9, 1e8]),
    ("7-chinese-余", "新增市场主体两千余个", Y, [m(2000, "个", qualifier=">")], []),
    ("7-chinese-多万", "转移农村劳动力三百多万人", Y, [m(3e6, "人", qualifier=">")], []),
    ("7-百余", "实施重点项目百余项", Y, [m(100, "项", qualifier=">")], []),
    ("7-mixed-万", "城镇居民人均可支配收入突破5.5万元", Y, [m(55000, "元", qualifier=">", indicator_code="income_urban")], []),
    ("7-万多", "新增城镇就业7万多人", Y, [m(70000, "人", qualifier=">")], []),
    ("7-万个", "串联28个地下车库、连通2.3万个车位的解放碑地下环道全面通车", Y, [m(28, "个", indicator="地下车库"), m(23000, "个", indicator="车位")], []),
    ("7-count-noun-before-parenthesis", "龙岩与广州、7个县（市、区）与广州11个市辖区建立结对合作关系", Y,
     [m(7, "个", indicator="县"), m(11, "个", indicator="市辖区")], []),
    ("7-fullwidth-percent", "增长９％", Y, [m(9, "%", value_text="９％")], []),
    ("7-fullwidth-count", "启动１２个现代农业设施示范区", Y, [m(12, "个", indicator="现代农业设施示范区")], []),
    ("7-halfwidth-punct", "GDP增速逐季攀升,上半年3.2%、前三季度4.4%、预计全年5%左右", Y,
     [m(3.2, "%", indicator="GDP增速"), m(5, "%", qualifier="~")], []),
    # §8 false positives
    ("8-year", "超2019年19个百分点", Y, [m(19, "百分点")], [2019]),
    ("8-date", "2024年1月15日在重庆市渝中区第十九届人民代表大会第五次会议上", Y, [], [2024, 1, 15, 19, 5]),
    ("8-date-3月5日", "政府工作报告——2006年3月5日在第十届全国人民代表大会第四次会议上", Y, [], [2006, 3, 5, 10, 4]),
    ("8-rank-居第", "增速居全省第1位", Y, [], [1]),
    ("8-rank-均居", "均居全省第1", Y, [], [1]),
    ("8-ordinal-首届", "首届重庆都市艺术节焰火表演激发城市活力", Y, [], []),
    ("8-rank-第五", "保持全市第一、竞争力排名全国第五", Y, [], [1, 5]),
    ("8-code-33618", "对接融入“33618”现代制造业集群体系", Y, [], [33618]),
    ("8-code-1168", "实施“1168”招商引资工程", Y, [], [1168]),
    ("8-code-8337", "坚持“8337”发展思路", Y, [], [8337]),
    ("8-formula-1+6+N", "迭代升级“1+6+N”产业政策", Y, [], [1, 6]),
    ("8-formula-unquoted", "深入实施1+5行动和10+1产业发展规划，落实1+1+9工作部署", Y, [], [1, 5, 10, 9]),
    ("8-metro-lines", "轨道5号线、18号线投入运行", Y, [], [5, 18]),
    ("8-plan-name", "编制“十四五”规划，谋划十五五发展", Y, [], [14, 5, 15]),
    ("8-slogans", "融入“一区两群”协调发展，共建一带一路，坚定拥护两个确立，做好六稳六保，推进一网通办和千万工程", Y, [], [1, 2, 6, 1e7]),
    ("8-task-counts", "一年来，我们着力抓了七个方面的工作，实施十大行动，落实八项规定", Y, [], [7, 10, 8]),
    ("8-threshold-亿元以上项目", "新开工亿元以上项目120个，500万元以上固定资产投资增长6%", Y, [m(120, "个"), m(6, "%")], [1e8, 5e6]),
    ("8-threshold-规模以上-500强", "规模以上工业增加值增长5%，引进世界500强企业3家", Y, [m(5, "%", indicator_code="iva_above_scale"), m(3, "家")], [500]),
    ("8-grade-tags", "新增4个5A级景区，建成5G基站1.2万个，三甲医院达到8家，C919实现商业首飞，G20峰会", Y,
     [m(4, "个"), m(12000, "个", indicator="5G基站"), m(8, "家")], [5, 919, 20, 3]),
    ("8-pm25", "PM2.5下降47.7%", Y, [m(47.7, "%", direction="down")], [2.5]),
    ("8-pm25-concentration", "细颗粒物（PM2.5）平均浓度降至28微克/立方米", Y, [m(28, "微克/立方米")], [2.5]),
    ("8-doc-number", "根据国发〔2023〕12号文件和渝府发〔2024〕8号", Y, [], [2023, 12, 2024, 8]),
    ("8-place-names", "九龙坡区、六盘水、三亚、十堰、万州协同发展", Y, [], [9, 6, 3, 10, 1e4]),
    ("8-indicator-names", "一般公共预算收入稳步增长，第一产业、一二三产业融合发展", Y, [], [1, 123]),
    ("8-hotline", "12345热线受理诉求", Y, [], [12345]),
    ("8-百日-双千兆", "开展进位争先百日攻坚战，创建双千兆城市", Y, [], [100, 1000]),
    ("8-size-class-兆瓦级", "建设100兆瓦级地下压缩空气储能、300万吨级CCUS碳捕集利用和100吉瓦时锂电池储能", Y,
     [m(100, "吉瓦时", indicator="锂电池储能")], [3e6]),
    ("8-voltage-class", "新建22个750千伏和330千伏电网工程", Y, [m(22, "个", indicator="电网工程")], [750, 330]),
    ("8-footnote-mark", "深入推进“五型”政府【4】建设，5项工作【5】获国务院督查激励", Y, [m(5, "项")], [4]),
    ("8-rank-moves", "省营商环境评价排名上升4位，城市信用监测排名由227位提升到49位", Y, [], [4, 227, 49]),
    ("8-coordinates-slope-class", "加快望城北纬28度水果大世界建设，以500亩以上坝区和25度以下坡耕地为重点", Y, [], [28, 500, 25]),
    ("8-duration-labels", "加快打造中心城区至县城1小时交通圈，落实144小时过境免签，全市户均停电时间低于10小时", Y,
     [m(10, "小时", qualifier="<", indicator="户均停电时间")], [1, 144]),
    ("6-批次", "完成食品抽检2万批次以上", Y, [m(20000, "批次", qualifier=">=")], []),
    ("8-enumerators", "4.稳增长“21”条：省政府办公厅印发若干政策措施", Y, [], [4, 21]),
    ("8-note-number-glued", "5.5项工作：赣州质量工作和公立医院综合改革", Y, [m(5, "项")], [5.5]),
    ("8-届-大", "全面贯彻党的二十大和二十届二中全会精神", Y, [], [20, 2]),
]


def _agrees(got, want):
    return bool(got) and bool(want) and (got in want or want in got)


def _matches(mention, want) -> bool:
    if mention["unit"] != want["unit"] or abs(mention["value"] - want["value"]) > 1e-6 * max(1.0, abs(want["value"])):
        return False
    for key, expected in want.items():
        if key in ("value", "unit"):
            continue
        if key == "indicator":
            if not _agrees(mention["indicator"], expected):
                return False
        elif key == "value_high":
            if mention["value_high"] is None or abs(mention["value_high"] - expected) > 1e-9 * max(1, expected):
                return False
        elif mention[key] != expected:
            return False
    return True


@pytest.mark.parametrize("sentence,kwargs,expected,absent", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_catalogue_sentence(sentence, kwargs, expected, absent):
    mentions = extract_mentions(sentence, **kwargs)
    pool = list(mentions)
    for want in expected:
        hit = next((x for x in pool if _matches(x, want)), None)
        assert hit is not None, f"no mention {want} in {[(x['value_text'], x['value'], x['unit'], x['qualifier'], x['indicator']) for x in mentions]}"
        pool.remove(hit)
    values = [x["value"] for x in mentions]
    for v in absent:
        assert all(abs(x - v) > 1e-9 * max(1, abs(v)) for x in values), f"{v} extracted from {sentence}: {mentions}"
    for x in mentions:
        assert sentence[x["char_start"]:x["char_end"]] == x["value_text"]


def test_every_field_of_the_contract_is_present():
    from pipelines.contracts import METRIC_COLUMNS
    (mention,) = extract_mentions("地区生产总值突破1600亿元", report_year=2024)
    assert set(METRIC_COLUMNS) <= set(mention)
