"""Data-only tables for the segmenter: heading numbering styles, front-matter lines, target phrases.

The logic in ``outline``, ``sentences`` and ``targets`` compiles these into regexes once, at import.
Part keywords live in ``part_rules.csv`` next to this file.
"""

CN_NUM = "一二三四五六七八九十百零〇两"

# Numbering styles of headings, outermost first: (style name, rank, marker regex).
# rank orders the styles: a heading nests under the last open heading of smaller rank.
# "plain" (an unnumbered own-line heading) gets rank 0.5 or 1.0 per document (see outline.py).
HEADING_STYLES = [
    ("part", 0.0, rf"第[{CN_NUM}]{{1,3}}部分[、，：\s]?"),
    # 一、  一．  一.  一，  "一 " (space)  — and a bare numeral alone on its line ("一")
    ("cn", 1.0, rf"[{CN_NUM}]{{1,3}}(?:[、．.，]\s?|\s(?=\S)|$)(?![{CN_NUM}]+[、季])"),
    ("cn_paren", 2.0, rf"[（(][{CN_NUM}]{{1,3}}[）)][、，．.]?\s?"),
    ("arabic", 3.0, r"\d{1,2}(?:[.．](?!\d)|、)\s?"),
    ("arabic_paren", 4.0, r"[（(]\d{1,2}[）)][、，．.]?\s?"),
    ("circled", 5.0, r"[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳]\s?"),
]

# Longest heading text (marker included) accepted for a numbered heading, own-line or run-in.
MAX_NUMBERED_HEADING = 100
# Longest own-line unnumbered heading: without / with a source hint (Markdown ## or **bold**).
MAX_PLAIN_HEADING = 30
MAX_HINTED_HEADING = 60

# Office titles that make a short line a speaker line ("国务院总理 李强", "市长 谢东"), not a heading.
SPEAKER_TITLES = [
    "总理", "副总理", "省长", "代省长", "市长", "代市长", "代理市长", "州长", "代州长", "代理州长",
    "主席", "代主席", "区长", "代区长", "县长", "代县长", "盟长", "专员", "行政长官",
]

# A line that starts the body: the salutation. Lines before it are the title block.
SALUTATION = r"各位代表[：，！:,!]|同志们[：，！:,!]"

# The closing: the last paragraph that opens with this, and what follows up to the next heading.
CLOSING_OPENER = r"各位代表[！!，,]"

# An unmarked line before the salutation is a title heading only if it says what the document is.
TITLE_WORD = r"报告|纲要|讲话"

# Datelines and similar front-matter lines that are never headings.
NON_HEADING_LINE = [
    r"^——",                               # "——2024年3月5日在…会议上"
    r"会议上$|会议上作$|会议$",             # dateline without the dash
    r"^\d{4}年\d{1,2}月\d{1,2}日",         # a date
    r"[：:；;。！？!?]",                    # sentence punctuation inside (plain headings only)
    r"[/<>=@#*|]|https?|www\.",           # URLs, markup remnants
]

# The year's main-targets statement.
# strong: "(今年…)主要预期目标是：" "主要目标是：" "预期目标是，" "主要预期目标建议为：" "主要预期目标：" "计划目标是："
# "主要调控目标是：" — a qualified 目标/指标, optionally 建议/初步确定…, then 是/为 and/or a colon
_TARGET_QUAL = r"(?:主要|计划|调控|总体)"
_TARGET_NOUN = r"(?:目标|指标)(?:和约束性?指标)?(?:建议|初步确定|确定|安排)?"
TARGET_STRONG = (
    rf"{_TARGET_QUAL}+(?:预期)?{_TARGET_NOUN}(?:是|为)[：:，,]?"
    rf"|{_TARGET_QUAL}*预期{_TARGET_NOUN}(?:是|为)[：:，,]?"
    rf"|{_TARGET_QUAL}*(?:预期)?{_TARGET_NOUN}[：:]"
)
# weak (single-target older form): "今年经济增长预期目标为7%左右"
TARGET_WEAK = r"预期目标(?:定)?为"
# the statement is about this year: an anchor before the phrase in the sentence (今年, 2024年, 全市
# 经济社会发展 …), or the phrase says 主要预期, or the sentence opens with the phrase
TARGET_YEAR_ANCHOR = r"今年|本年|明年|全年|\d{4}年|经济社会发展|国民经济|经济发展|社会发展"
# five-year-plan and long-horizon targets are not the year's targets
# (a marker only counts when no 今年/YYYY年 anchor follows it before the phrase)
TARGET_EXCLUDE = r"今后五年|五年规划|五年计划|规划纲要|《纲要》|《建议》|十[一二三四五六七八九]?五\s*”?\s*(?:时期|期间|规划|末)|到20\d\d年|20\d\d年前|20\d\d[—\-－~～至]+20\d\d年"
# a multi-year average in the list means a plan target, not the year's
TARGET_MULTI_YEAR = r"年均"
# fallback when neither occurs (2020, no GDP target): a plan sentence about this year listing
# at least TARGET_LIST_MIN quantities with target qualifiers
TARGET_LIST_START = r"^(?:今年|\d{4}年)"
TARGET_LIST_QUALIFIER = r"\d(?:\.\d+)?%?[^，；、。\d]{0,4}?(?:左右|以上|以内|以下)"
TARGET_LIST_MIN = 3
# the statement must be about this year unless it says 主要预期目标: an anchor before the phrase
TARGET_YEAR_ANCHOR = r"今年|本年|明年|全年|\d{4}年"
# five-year-plan and long-horizon targets are not the year's targets
TARGET_EXCLUDE = r"今后五年|五年规划|五年计划|规划纲要|《纲要》|《建议》|“十[一二三四五六七八九]?五”|十[一二三四五六七八九]?五(?:时期|期间)|到20\d\d年|20\d\d年前"

# --- Parts by position (``position.py``), for top-level sections no heading rule classifies ---
# Words that say a passage reports on the past / plans the future. "了" is the perfective aspect
# particle (取得了, 实现了); "要" not inside 主要/重要/需要/纲要/要求/要素.
PAST_WORDS = (r"去年|上年|过去|\d+年来|[一二三四五六七八九十两]年来|这[一两二三四五]年|回首|刚刚|年均|累计"
              r"|取得了?(?:新的|新|显著|明显|重大|重要|丰硕|积极)?(?:成绩|成效|成就|进展|突破|成果)|(?<![为除])了(?!解)")
FUTURE_WORDS = r"今年|明年|今后|未来|(?<![主重需纲为])要(?![求素])|将|力争|确保|努力"
# How much of a section's text (after its heading) the tense count reads.
TENSE_WINDOW = 600
# A year in a heading or text: Arabic (2016年, "2019，") or Chinese numerals (二〇二四).
YEAR_NUMBER = r"(?<!\d)(?:19[4-9]\d|20\d\d)(?!\d)|[一二〇零][九〇零][〇零一二三四五六七八九]{2}(?=年|[，、\s]|$)"
# The dateline in the title block: "——2016年1月18日在…", "（2004年1月22日）".
DATELINE_DATE = r"((?:19|20)\d\d)年(\d{1,2})月\d{1,2}日"
# A dateline in October–December belongs to a report on the following year.
LATE_DELIVERY_MONTH = 10
# The five-year plan a heading names: “十三五”, 十一五.
FIVE_YEAR_PLAN = r"十([一二三四五六七八九]?)五"
# A body heading that names the whole document (``政府工作报告`` after a forwarding notice, 成都 2017's
# ``我代表市人民政府向大会报告工作，…``): a wrapper whose subsections are placed as if top level.
DOCUMENT_HEADING = r"工作报告》?$|向大会(?:作)?.{0,6}报告"

# A glossary section: its numbered entries (``3.发展六仗：即…``, ``11．数字城管 城市市政…``) are paragraphs.
GLOSSARY_HEADING = r"名\s*词\s*(?:解\s*释|注\s*[释解])|注\s*释|注解|释义|用语解释|词语解释|术语解释|名词术语"
# A run-in heading the cleaner left separated from its paragraph by a space (``**一、…回顾** 2003年是…``
# → ``一、2003年工作的回顾 2003年是…``): the heading ends at the first space between a CJK character (or a
# closing quote/bracket) and a CJK character, digit or opening quote, if it comes before the first
# ``。`` and after at least MIN_RUN_IN_HEADING_CJK Chinese characters.
RUN_IN_SPACE = r"(?<=[\u4e00-\u9fff”）》]) (?=[\u4e00-\u9fff\d“《（])"
MIN_RUN_IN_HEADING_CJK = 4
# After a quotation that ends with its own terminator (``…可谓脱胎换骨！”``), the sentence goes on when
# the text continues it: a comma-like mark or a word that attaches to the quotation (``“…。”以来``).
QUOTE_CONTINUATION = r"[，、；：:,;）)》]|以来|之后|以后|之前|的(?!确)|等"
# A heading about a five-year plan's opening year (开局之年, 良好开局); when that year is before the report
# year, the section reviews it (昆明 2007: 一、团结奋斗，真抓实干，“十一五”开局之年成效显著).
PLAN_OPENING = r"开局"
# Heading verbs that announce what is to come; they decide the tense before the text is counted
# (``二、全面贯彻落实党的二十大精神，奋力谱写…新篇章``, whose first paragraph recalls the past).
FUTURE_HEADING = r"开启|谱写|开创|设想|构想|考虑|展望"

# A run-in heading the source marked bold (``**（二）…优化投资结构**积极支持…``; the cleaner's hint with
# ``run_in``) ends where the bold ends (≤ MAX_NUMBERED_HEADING), minus these trailing characters, or at
# an earlier ``。`` — unless the text after the bold starts with a RUN_IN_CONTINUES mark (the bold was
# emphasis inside the clause) or has no sentence end. A bold ending in RUN_IN_OPEN_CLAUSE
# (``**（一）以优化营商环境为基础，**全面深化改革。``) ends the heading only when no ``。`` does.
RUN_IN_BOLD_TRAILER = "。：:，,；; "
RUN_IN_CONTINUES = "，,、；;：:）)”"
RUN_IN_OPEN_CLAUSE = "，,、"
# … and a bold ending in RUN_IN_TERM (``**5、“多规合一”：**…``, a glossary term) only shortens a heading
# the ``。`` rule finds anyway.
RUN_IN_TERM = "：:"
