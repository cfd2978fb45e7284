"""Sentence splitting rules, one table row per rule (real sentences from the corpus)."""
import pytest

from pipelines.segment import split_sentences
from pipelines.segment.sentences import MAX_SENTENCE


def _split(text):
    return [text[a:b] for a, b in split_sentences(text)]


CASES = [
    ("full_stop", "国内生产总值超过126万亿元，增长5.2%。城镇新增就业1244万人。",
     ["国内生产总值超过126万亿元，增长5.2%。", "城镇新增就业1244万人。"]),
    ("lead_in_dash", "——经济实力稳步提升。扛起大区担当拼经济，圆满实现既定目标。",
     ["——经济实力稳步提升。", "扛起大区担当拼经济，圆满实现既定目标。"]),
    ("exclamation_question", "各位代表！我们面临的任务艰巨而繁重？是的。",
     ["各位代表！", "我们面临的任务艰巨而繁重？", "是的。"]),
    ("terminator_run", "这是为什么？！因为改革。", ["这是为什么？！", "因为改革。"]),
    ("quote_kept", "行政许可事项“最多跑一次”占比达99.8%。", ["行政许可事项“最多跑一次”占比达99.8%。"]),
    ("terminator_inside_quote_closes_sentence", "他强调：“发展是第一要务。”我们要牢记。",
     ["他强调：“发展是第一要务。”", "我们要牢记。"]),
    ("terminator_inside_brackets", "出台《关于促进民营经济发展壮大的意见》（以下简称《意见》。）并落实。",
     ["出台《关于促进民营经济发展壮大的意见》（以下简称《意见》。）并落实。"]),
    ("semicolon_splits_clauses", "经济结构进一步优化；城乡居民收入稳步增长。",
     ["经济结构进一步优化；", "城乡居民收入稳步增长。"]),
    ("colon_list_keeps_semicolons",
     "今年发展主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人以上；居民消费价格涨幅3%左右。",
     ["今年发展主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人以上；居民消费价格涨幅3%左右。"]),
    ("colon_scope_ends_at_full_stop", "主要目标是：A增长5%；B增长6%。下一步要：抓落实；", [
        "主要目标是：A增长5%；B增长6%。", "下一步要：抓落实；"]),
    ("semicolon_inside_brackets", "实施三项行动（提质；增效；扩容）；推进改革。",
     ["实施三项行动（提质；增效；扩容）；", "推进改革。"]),
    ("unmatched_quote_protects_nothing", "开展“进位争先行动。下一步推进。", ["开展“进位争先行动。", "下一步推进。"]),
    ("no_punctuation", "国务院总理 李强", ["国务院总理 李强"]),
    ("trailing_text_without_terminator", "坚持稳中求进。持续推进", ["坚持稳中求进。", "持续推进"]),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_split(text, expected):
    assert _split(text) == expected


def test_spans_cover_paragraph_without_gaps():
    text = "一是稳增长。二是“保就业；惠民生”；三是防风险！"
    spans = split_sentences(text)
    assert "".join(text[a:b] for a, b in spans) == text
    assert all(b == c for (_, b), (c, _) in zip(spans, spans[1:]))


def test_over_long_sentence_is_cut_at_any_punctuation():
    # a 1,200-character quotation: the quote pair is too long to protect its full stops
    inner = "各项工作取得新进展。" * 120
    text = f"会议指出：“{inner}”会议要求抓好落实。"
    spans = split_sentences(text)
    assert max(b - a for a, b in spans) <= MAX_SENTENCE
    assert "".join(text[a:b] for a, b in spans) == text


def test_long_colon_list_falls_back_to_semicolons():
    text = "主要任务是：" + "；".join(["推进产业转型升级和城市更新建设" * 4] * 20) + "。"
    spans = split_sentences(text)
    assert len(text) > MAX_SENTENCE and max(b - a for a, b in spans) <= MAX_SENTENCE
