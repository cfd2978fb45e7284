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
