"""Split one paragraph into sentences.

Rule (documented in README.md):
- A sentence ends after a run of ``。！？!?`` (and ``…`` runs followed by one of them) that is not inside
  a matched pair of quotes or brackets ``“”‘’（）()《》〈〉【】「」『』[]``. When the terminator is the last
  character inside a quotation (``…是第一要务。”``), the sentence ends after the closing quote(s).
- ``；`` at depth 0 ends a sentence (the clauses on either side of a top-level semicolon stand alone),
  except in a list introduced by a top-level ``：`` in the same sentence (``主要预期目标是：A；B；C。``
  stays one sentence) and except when nothing but closers follows it.
- A matched pair protects its inside only when it spans at most ``MAX_PROTECTED`` characters, and
  unmatched openers/closers protect nothing, so a stray ``“`` never swallows a paragraph.
- Safety net: a sentence longer than ``MAX_SENTENCE`` characters is re-split at every ``。！？；``
  (ignoring quotes, brackets and the colon rule). A longer sentence remains only where the text has no
  sentence punctuation at all.
Offsets are relative to the paragraph; leading spaces are never part of a sentence.
"""
from __future__ import annotations

import re

OPEN_TO_CLOSE = {"“": "”", "‘": "’", "（": "）", "(": ")", "《": "》", "〈": "〉", "【": "】",
                 "「": "」", "『": "』", "[": "]"}
CLOSE_TO_OPEN = {v: k for k, v in OPEN_TO_CLOSE.items()}
QUOTE_CLOSERS = frozenset("”’」』")
TERMINATORS = frozenset("。！？!?")
MAX_PROTECTED = 300
MAX_SENTENCE = 1000

# every character the splitter must look at, found by one compiled character class
SENTENCE_SIGNIFICANT = re.compile(
    "[" + re.escape("".join(TERMINATORS) + "；：:" + "".join(OPEN_TO_CLOSE) + "".join(CLOSE_TO_OPEN)) + "]"
)
ANY_SENTENCE_END = re.compile(r"[。！？!?；]+")


def _protected_pairs(tokens: list[tuple[int, str]]) -> dict[int, int]:
    """Map opener position -> closer position for matched, short bracket/quote pairs."""
    pairs: dict[int, int] = {}
    stack: list[tuple[int, str]] = []
    for pos, ch in tokens:
        if ch in OPEN_TO_CLOSE:
            stack.append((pos, ch))
        elif ch in CLOSE_TO_OPEN:
            want = CLOSE_TO_OPEN[ch]
            for k in range(len(stack) - 1, -1, -1):
                if stack[k][1] == want:
                    opos = stack[k][0]
                    del stack[k:]
                    if pos - opos <= MAX_PROTECTED:
                        pairs[opos] = pos
                    break
    return pairs


def _ends(text: str) -> list[int]:
    """End offsets (exclusive) of the sentences of ``text`` by the main rule."""
    tokens = [(m.start(), m.group()) for m in SENTENCE_SIGNIFICANT.finditer(text)]
    if not tokens:
        return [len(text)]
    pairs = _protected_pairs(tokens)
    closers = set(pairs.values())
    n = len(text)
    ends: list[int] = []
    depth = 0
    colon_list = False  # a top-level "：" seen in the current sentence
    for pos, ch in tokens:
        if ch in TERMINATORS:
            nxt = pos + 1
            if nxt < n and text[nxt] in TERMINATORS:
                continue  # a run such as "？！": cut after its last character
            if depth == 0:
                ends.append(nxt)
                colon_list = False
            elif depth == 1 and nxt < n and text[nxt] in QUOTE_CLOSERS and nxt in closers:
                # "…第一要务。”" — the quotation closes right after its terminator
                end = nxt + 1
                while end < n and text[end] in QUOTE_CLOSERS:
                    end += 1
                ends.append(end)
                colon_list = False
        elif ch == "；":
            if depth == 0 and not colon_list:
                rest = text[pos + 1:pos + 3]
                if rest and rest[0] not in CLOSE_TO_OPEN:
                    ends.append(pos + 1)
        elif ch == "：" or ch == ":":
            if depth == 0:
                colon_list = True
        elif pos in pairs:
            depth += 1
        elif pos in closers:
            depth -= 1
    if not ends or ends[-1] < n:
        ends.append(n)
    # drop duplicates / empty tails (a quote-close end can coincide with a later terminator end)
    out: list[int] = []
    for e in ends:
        if not out or e > out[-1]:
            out.append(e)
    return out


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` spans of the sentences in one paragraph, in order, no empty spans."""
    spans: list[tuple[int, int]] = []
    start = 0
    for end in _ends(text):
        s = start
        while s < end and text[s] == " ":
            s += 1
        if end - s > MAX_SENTENCE:
            spans.extend(_force_split(text, s, end))
        elif end > s:
            spans.append((s, end))
        start = end
    return spans


def _force_split(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split an over-long sentence at every sentence punctuation mark, inside brackets or not."""
    out: list[tuple[int, int]] = []
    s = start
    for m in ANY_SENTENCE_END.finditer(text, start, end):
        e = m.end()
        while e < end and text[e] in QUOTE_CLOSERS:
            e += 1
        if e > s:
            out.append((s, e))
        s = e
        while s < end and text[s] == " ":
            s += 1
    if s < end:
        out.append((s, end))
    return out
