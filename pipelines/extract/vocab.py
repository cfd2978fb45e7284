"""Word lists the extractor's rules are built from (data only, no logic).

Each list is named for what it matches; the regular expressions that use them are compiled in the
modules that apply them (``masking``, ``quantities``, ``indicators``, ``semantics``).
"""

# Characters that end a clause: an indicator is looked for between the last of these and a value.
CLAUSE_BOUNDARIES = "，；：。！？、（）\n,;:!?()"
# Characters that end a sentence-level subject search (a new clause group).
SENTENCE_BOUNDARIES = "。！？；\n"

# Numbered slogans and names that contain numerals but are never quantities (masked before extraction).
SLOGANS = [
    "一带一路", "一区两群", "两个确立", "两个维护", "四个全面", "五位一体", "四个意识", "四个自信",
    "三农", "六稳", "六保", "一网通办", "一网统管", "一件事一次办", "一件事", "万企兴万村", "千万工程",
    "双千兆", "十四五", "十三五", "十二五", "十一五", "十五五", "二十大", "十九大", "十八大", "二十届",
    "百日", "百千万工程", "千村示范", "万村整治", "一老一小", "一县一策", "一企一策", "一业一证",
    "一次办", "最多跑一次", "三去一降一补", "放管服", "两新", "两重", "三大攻坚战", "一城一策",
    "两山", "三个代表", "一国两制", "五个一", "两会", "三公", "一把手", "一站式", "一体化",
    "一盘棋", "一张网", "一张图", "一码通", "一卡通", "一揽子", "一流", "一线", "一批", "第一",
    "千家万户", "千方百计", "百姓", "百年", "万物", "一般", "一定", "一致", "一道", "统一",
    "唯一", "进一步", "一些", "一起", "一直", "一切", "一方面", "一系列", "一手", "一以贯之",
]

# A number followed by one of these (after 以上/以下/级) labels a class, not a measured value.
CLASS_LABEL_FOLLOWERS = [
    "的项目", "的企业", "的工业", "项目", "企业", "工业", "产业集群", "集群", "龙头", "园区", "景区",
    "医院", "老人", "老年人", "人口城市", "城市", "规模", "产业链", "大项目", "重大项目", "的重大",
    "投资项目", "商贸", "商场", "楼宇", "税源",
]

# Words that may precede a bare magnitude word (千亿, 百亿元) used as a value: 突破千亿.
BARE_MAGNITUDE_TRIGGERS = ["跨上", "破", "突破", "超过", "超", "逾", "达到", "达", "近", "接近", "跨越", "迈上", "站上",
                           "跃上", "迈过", "跨过", "过"]

# Growth and change verbs: the measure of a % value next to them is growth, of an amount a change.
UP_VERBS = ["增长", "递增", "提高", "上升", "上涨", "增加", "提升", "扩大", "增速", "增幅", "涨幅", "加快", "回升",
            "多增", "同比增长"]
DOWN_VERBS = ["下降", "降低", "减少", "下滑", "回落", "收窄", "缩小", "缩减", "压减", "降幅", "减", "降"]
SHARE_CUES = ["比重", "占比", "占全", "占"]
# 占 that is a verb of holding, not a share: 平均每人占有粮食近八百斤, 占用耕地, 占地.
NOT_SHARE_AFTER_ZHAN = ["有", "用", "地", "领", "据"]
# Distributive words after a list of names: one mention per name (均增长…). Only 均 (and 分别) are listed by
# the annotation rules; 都 and 双双 keep one mention (see README, "Second annotator, blind").
EACH_WORDS = ["均"]
# Characters that end a place name heading a listed item (主城区和县城污水处理率 → 主城区…, 县城…).
PLACE_END_CHARS = "区城市县镇村乡省州"
# Reports before this year write counts in Chinese numerals (二十个县, 七百四十一个); from then on a Chinese
# count of 11–99 (十二个特色产业, 十五条措施, 十一次全会) is a name or a policy list.
CHINESE_COUNT_ERA_END = 2000
# Measure words of policy lists and meetings: a Chinese count with them stays out even in old reports.
POLICY_COUNT_UNITS = ["次", "条", "项", "件", "届"]
# Words a value in 岁 must follow to be a measurement (人均预期寿命83岁); otherwise an age class (0-6岁儿童).
AGE_CUES = ["寿命", "年龄"]
# A measure noun written once after a list and shared by every name ending in one of its heads:
# 金融机构存款、贷款余额 → 金融机构存款余额, 贷款余额; 进口、出口总额 → 进口总额, 出口总额.
SHARED_MEASURE_NOUNS = {"余额": ["存款", "贷款"], "总额": ["进口", "出口"], "总值": ["进口", "出口"]}
# One-character nouns that can head a clause of their own in a list of commodities (…原煤一百九十八万吨，
# 电十三亿八千万度): otherwise a one-character phrase is not an indicator.
ONE_CHAR_NOUNS = ["电", "水", "煤", "油", "气", "粮", "棉", "钢", "铁", "糖", "茶", "肉", "蛋", "奶", "菜", "果",
                  "盐", "布", "纱", "铜", "铝"]
# Money nouns that, right after an amount, say what the amount is when the words before it are only a verb
# and its agent (中央安排30亿元国债资金, 成立100亿元市级招商基金).
MONEY_NOUN_AFTER = ["资金", "基金", "补助", "补贴", "经费", "专项债券", "债券", "贷款", "奖励"]
# Words right after a value that are not the thing counted: a predicate (4000余万人次参与) or the base of
# a comparison (年均递增7.9%的基础上).
NOT_A_COUNTED_NOUN = ["参与", "参加", "受益", "基础上", "基础", "水平", "速度", "幅度"]
INDEX_CUES = ["指数"]

# Period tokens, longest first; the value on the right is the period as stored.
PERIODS = [
    ("平均每年", "年均"), ("每年平均", "年均"),
    ("前三季度", "前三季度"), ("前两季度", "前两季度"), ("第一季度", "一季度"), ("第二季度", "二季度"),
    ("第三季度", "三季度"), ("第四季度", "四季度"), ("一季度", "一季度"), ("二季度", "二季度"),
    ("三季度", "三季度"), ("四季度", "四季度"), ("上半年", "上半年"), ("下半年", "下半年"),
    ("全年", "全年"), ("两年平均", "两年平均"), ("三年平均", "三年平均"), ("年平均", "年均"),
    ("年均", "年均"), ("十四五时期", "十四五时期"), ("十四五期间", "十四五时期"), ("十四五以来", "十四五时期"),
    ("十三五时期", "十三五时期"), ("十三五期间", "十三五时期"), ("十三五以来", "十三五时期"),
    ("十二五时期", "十二五时期"), ("十二五期间", "十二五时期"), ("十五五时期", "十五五时期"),
    ("十五五期间", "十五五时期"), ("过去五年", "过去五年"), ("五年来", "过去五年"), ("五年间", "过去五年"),
    ("过去一年", "全年"),
]

# Leading words stripped from an indicator phrase (connectives, subjects, verbs of achieving).
LEADING_FILLERS = [
    "特别是", "其中", "同时", "此外", "另外", "全年", "今年", "去年", "上年", "当年", "年末", "年底", "目前",
    "预计", "初步预计", "我们", "我区", "我市", "我省", "我县", "实现", "完成", "累计", "力争", "确保",
    "带动", "推动", "开发", "策划", "争取", "打造", "形成", "引进", "新引进", "落地", "建成", "带来", "拉动",
    "为", "使", "让", "和", "及", "与", "并", "且", "还", "再", "又", "已", "均", "分别", "达到", "达",
    "首次", "已经", "整体", "总体", "基本", "高于全国", "高于全省", "高于全市", "低于全国", "低于全省",
    "是", "相当于", "由", "从", "仍然", "仍", "而", "现在", "按可比口径", "按同口径", "可比口径", "可比", "同口径", "可比口径", "按可比价格计算", "按可比价计算", "现价", "减少", "降低", "节约", "节省", "压减", "增加", "快于全国", "快于全省", "超过全国", "超过全省", "高于", "低于", "快于", "工作目标", "预期目标", "目标", "一年来", "过去一年", "截至", "截止",
]
# Trailing words stripped from an indicator phrase (verbs, comparison bases, qualifiers).
TRAILING_FILLERS = [
    "同比增长", "比上年增长", "较上年增长", "比上年末增长", "比上年", "较上年", "比去年", "较去年", "同比",
    "环比", "比上年末", "较上年末", "比年初", "增长", "增速为", "下降", "提高", "降低", "上升", "上涨",
    "增加", "减少", "提升", "扩大", "回升", "回落", "缩小", "收窄", "达到", "达", "完成", "实现", "为", "是",
    "保持在", "保持", "稳定在", "控制在", "突破", "超过", "超", "逾", "约", "近", "接近", "不低于",
    "不超过", "高于", "低于", "至", "到", "在", "分别", "均", "平均", "年均", "累计", "共", "合计", "总计",
    "计", "了", "已", "再", "率先", "全部", "达成", "首次", "历史性", "预计", "力争",
    "确保", "争取", "实际", "名义", "按可比价格计算", "扣除价格因素", "以上", "由上年", "由", "从",
    "提高到", "提升到", "提升至", "提高至", "增加到", "增至", "降至", "下降到", "降到", "上升到", "攀升",
    "按可比口径", "可比口径", "按同口径", "同口径", "可比", "逐季攀升", "只", "大约有", "约有", "共有",
    "双双", "都", "仍然", "拥有", "共有", "已有", "有", "跨上", "迈上", "站上", "跃上", "跨过", "迈过", "跨越", "破", "平均每人", "每人", "在西部", "在全国", "在全省", "在全市", "增产", "减产", "增收", "新增", "又", "净增",
    "预期目标", "目标",  # 经济增长预期目标为5%左右: the target of 经济增长 measures 经济增长
]
# Endings of a noun phrase that names a measured quantity (a clause subject worth inheriting).
METRIC_NOUN_ENDINGS = ["余额", "总额", "收入", "支出", "产值", "增加值", "投资", "人数", "人次", "率", "量", "规模",
                       "面积", "产量", "总量", "价格", "指数", "资金", "贷款", "存款", "利润", "税收", "消费",
                       "就业", "人口", "比重", "占比", "强度", "能耗", "排放"]
# Verbs that, right after a count value, begin the counted noun's predicate (kept out of indicators).
COUNT_PREDICATE_VERBS = ["获", "完工", "提速", "全部", "完成", "实现", "投入运营", "加快", "陆续", "降至", "达到", "进行", "落地", "入选", "成为", "上榜", "上岗", "投入", "建成",
                         "获批", "获评", "通过", "启动", "竣工", "投产", "签约", "开业", "认定"]

# Statement cues.
ESTIMATE_CUES = ["预计"]
TARGET_CUES = ["力争", "确保", "控制在", "预期目标", "目标是", "目标为", "主要目标", "争取", "计划", "今年",
               "明年", "将", "要", "努力"]
ACTUAL_CUES = ["去年", "上年", "过去一年", "一年来", "过去五年", "五年来", "比上年", "同比"]
HARD_TARGET_CUES = ["确保", "不低于", "不少于", "以上", "不超过", "控制在"]
SOFT_TARGET_CUES = ["左右", "约", "力争", "争取"]
STRETCH_CUES = ["力争", "争取"]

# Year words, relative to the report year.
THIS_YEAR_WORDS = ["今年", "本年"]
# The year after the year of delivery: a report delivered in October–December plans 明年.
NEXT_YEAR_WORDS = ["明年"]
LAST_YEAR_WORDS = ["去年", "上年", "过去一年", "一年来"]
# Words before an explicit year that make it a comparison base, not the year the figure is about.
COMPARISON_BEFORE_YEAR = ["比", "较", "超", "超过", "高于", "低于", "与", "同", "相当于", "恢复到", "恢复至",
                          "是", "为"]

# Endings of an indicator whose value is itself a rate of change (a % after 为/达到 is growth, not a level).
GROWTH_RATE_NOUN_ENDINGS = ("经济增长", "经济增速", "增速", "增幅", "涨幅", "增长速度")
# Per-unit-of-output prefixes shared by a list of intensity names (单位国内生产总值用水量、能耗、二氧化碳排放量).
PER_UNIT_PREFIXES = sorted(["单位国内生产总值", "单位地区生产总值", "单位生产总值", "单位GDP", "万元GDP",
                            "万元地区生产总值", "万元国内生产总值", "万元生产总值", "单位工业增加值",
                            "万元工业增加值"], key=len, reverse=True)
