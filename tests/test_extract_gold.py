"""Score ``pipelines.extract`` against gold JSONL files without a warehouse.

The matching is the one of ``../shared/tools/score_metrics.py``: same document, unit equal, value within
a relative 1e-6, one to one; optional gold absorbs extra mentions; indicator agreement is substring
either way; qualifier agreement over matched mentions whose gold has a qualifier.

Run as a script to print the scores: ``python tests/test_extract_gold.py [-v]``.
"""
from __future__ import annotations

import csv
import json
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from pipelines.extract import extract_mentions  # noqa: E402
from tests.shared import SHARED  # noqa: E402

FIXTURES = Path(__file__).with_name("fixtures") / "extract"
SEED_GOLD = SHARED / "gold" / "seed-metrics.jsonl"

_CJK = r"[\u4e00-\u9fff]"
_HALF_TO_FULL = {",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "!": "！", "?": "？"}
_SENTENCE_END = re.compile(r"(?<=[。！？；\n])")


def minimal_clean(text: str) -> str:
    """Enough of the cleaning policy for the harness: NFKC, Chinese-context punctuation full-width,
    dash runs to ——, whitespace collapsed per line (the ingest stage does this properly)."""
    text = unicodedata.normalize("NFKC", text).replace("<U+00A0>", " ")
    out = []
    for line in text.splitlines():
        line = re.sub(r"\s+", "", line) if re.search(_CJK, line) else line.strip()
        line = re.sub(r"[-―—]{2,}|—", "——", line)
        chars = list(line)
        for i, c in enumerate(chars):
            if c in _HALF_TO_FULL:
                prev = chars[i - 1] if i else ""
                nxt = chars[i + 1] if i + 1 < len(chars) else ""
                if re.match(_CJK, prev) or re.match(_CJK, nxt) or c in "()":
                    chars[i] = _HALF_TO_FULL[c]
        if line:
            out.append("".join(chars))
    return "\n".join(out)


def sentences(clean_text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(clean_text) if s.strip()]


def corpus_text(doc: str) -> str:
    """The raw text of a gold document: a corpus file name, or a lawtext path relative to the corpus."""
    corpus = SHARED / "corpus"
    for path in (corpus / "web" / doc, corpus / doc, corpus / "lawtext-gov" / doc):
        if path.is_file():
            if path.suffix == ".csv":
                with open(path, encoding="utf-8-sig", newline="") as f:
                    return "\n".join(row["full_text"] for row in csv.DictReader(f))
            return path.read_text(encoding="utf-8")
    raise FileNotFoundError(doc)


def extract_doc(doc: str, lines: list[int] | None = None) -> list[dict]:
    """Mentions of a corpus document, or of only the given paragraphs (0-based lines of the clean text)."""
    clean = minimal_clean(corpus_text(doc))
    if lines is not None:
        paragraphs = clean.split("\n")
        clean = "\n".join(paragraphs[i] for i in lines)
    year = re.search(r"(?<!\d)(?:19|20)\d{2}(?!\d)", doc)
    found = []
    for s in sentences(clean):
        found.extend(extract_mentions(s, report_year=int(year.group(0)) if year else None))
    return found


def load_scope() -> dict:
    """``scope.json`` without comments: ``{doc: lines}`` entries apply to every gold file naming that
    document; ``{"<gold file>.jsonl": {doc: lines}}`` entries apply to that gold file only (a second
    annotator's spans of a document another gold file already covers)."""
    path = FIXTURES / "scope.json"
    if not path.is_file():
        return {}
    return {k: v for k, v in json.loads(path.read_text(encoding="utf-8")).items() if not k.startswith("_")}


def scope_for(paths) -> dict[str, list[int] | None]:
    """The paragraphs to extract per document for these gold files: a file's own scope, else the
    document's, else the whole document (``None``); the union when several files name a document."""
    scope = load_scope()
    lines: dict[str, list[int] | None] = {}
    for path in paths:
        path = Path(path)
        own = scope.get(path.name, {})
        for doc in load_gold([path]):
            these = own.get(doc, scope.get(doc) if isinstance(scope.get(doc), list) else None)
            if doc in lines and (lines[doc] is None or these is None):
                lines[doc] = None
            else:
                lines[doc] = sorted(set(lines.get(doc) or []) | set(these)) if these is not None else None
    return lines


def load_gold(paths) -> dict[str, list[dict]]:
    gold = defaultdict(list)
    for path in paths:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            if line.strip():
                g = json.loads(line)
                gold[g["doc"]].append(g)
    return gold


def _close(a, b):
    return a is not None and b is not None and abs(a - b) <= 1e-6 * max(1.0, abs(b))


def _agree(p, g):
    p, g = "".join((p or "").split()), "".join((g or "").split())
    return bool(p) and bool(g) and (p in g or g in p)


def _take(pool, g):
    any_unit = g["status"] == "optional" and not g.get("unit")
    hits = [p for p in pool if (any_unit or p["unit"] == g["unit"]) and _close(p["value"], g.get("value"))]
    if not hits:
        return None
    hits.sort(key=lambda p: (p.get("value_text") != g.get("text"), not _agree(p.get("indicator"), g.get("indicator"))))
    pool.remove(hits[0])
    return hits[0]


def score(gold: dict[str, list[dict]], predicted: dict[str, list[dict]], verbose=False) -> dict:
    tp = fp = fn = ind_ok = qual_ok = qual_n = 0
    lines = []
    for doc, gs in sorted(gold.items()):
        pool = list(predicted.get(doc, []))
        for g in (g for g in gs if g["status"] == "required"):
            p = _take(pool, g)
            if p is None:
                fn += 1
                lines.append(f"  missed    {doc}: {g['text']} = {g['value']} {g['unit']} ({g['indicator']})")
                continue
            tp += 1
            ok = _agree(p.get("indicator"), g.get("indicator"))
            ind_ok += ok
            if not ok:
                lines.append(f"  indicator {doc}: {g['text']}: got {p.get('indicator')!r}, gold {g['indicator']!r}")
            if g.get("qualifier"):
                qual_n += 1
                qual_ok += p["qualifier"] == g["qualifier"]
                if p["qualifier"] != g["qualifier"]:
                    lines.append(f"  qualifier {doc}: {g['text']}: got {p['qualifier']}, gold {g['qualifier']}")
        for g in (g for g in gs if g["status"] == "optional" and g.get("value") is not None):
            _take(pool, g)
        fp += len(pool)
        for p in pool:
            lines.append(f"  extra     {doc}: {p['value_text']} = {p['value']} {p['unit']} ({p['indicator']})")
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    result = {"f1": f1, "precision": precision, "recall": recall, "indicator": ind_ok / tp if tp else 0.0,
              "qualifier": qual_ok / qual_n if qual_n else 1.0, "tp": tp, "fp": fp, "fn": fn, "details": lines}
    if verbose:
        print("\n".join(lines))
    return result


def score_files(paths, verbose=False) -> dict:
    gold = load_gold(paths)
    scope = scope_for(paths)
    predicted = {doc: extract_doc(doc, scope.get(doc)) for doc in gold}
    return score(gold, predicted, verbose)


def _summary(name, r):
    return (f"{name}: F1 {r['f1']:.3f} precision {r['precision']:.3f} recall {r['recall']:.3f} "
            f"indicator {r['indicator']:.3f} qualifier {r['qualifier']:.3f} (tp {r['tp']} fp {r['fp']} fn {r['fn']})")


if __name__ == "__main__":
    verbose = "-v" in sys.argv
    print(_summary("seed", score_files([SEED_GOLD], verbose)))
    extra = sorted(FIXTURES.glob("*.jsonl"))
    if "--each" in sys.argv:
        for path in extra:
            print(_summary(path.stem, score_files([path], verbose)))
    if extra:
        print(_summary("extra", score_files(extra, verbose)))


# --- tests -------------------------------------------------------------------------------------------
import pytest  # noqa: E402

BAR = {"f1": 0.98, "indicator": 0.90, "qualifier": 0.90}
EXTRA_GOLD = sorted(FIXTURES.glob("*.jsonl"))


def _require_shared():
    if not SEED_GOLD.is_file():
        pytest.skip("../shared not present: gold and corpus are needed")


def test_seed_gold_meets_the_bar():
    _require_shared()
    r = score_files([SEED_GOLD])
    assert r["f1"] >= BAR["f1"] and r["indicator"] >= BAR["indicator"] and r["qualifier"] >= BAR["qualifier"], \
        _summary("seed", r) + "\n" + "\n".join(r["details"])


@pytest.mark.parametrize("gold", EXTRA_GOLD, ids=[p.stem for p in EXTRA_GOLD])
def test_extra_gold_meets_the_bar(gold):
    _require_shared()
    r = score_files([gold])
    assert r["f1"] >= BAR["f1"] and r["indicator"] >= BAR["indicator"] and r["qualifier"] >= BAR["qualifier"], \
        _summary(gold.stem, r) + "\n" + "\n".join(r["details"])


def test_never_strings_of_the_seed_are_not_extracted():
    _require_shared()
    gold = load_gold([SEED_GOLD])
    never = {g["text"] for gs in gold.values() for g in gs if g["status"] == "never"}
    found = {m["value_text"] for m in extract_doc("yuzhong-2024-web.txt")}
    assert not (never & found)


def test_minimal_clean_follows_the_cleaning_policy():
    assert minimal_clean("GDP增速逐季攀升,上半年3.2%、前三季度4.4%、预计全年5%左右") == \
        "GDP增速逐季攀升，上半年3.2%、前三季度4.4%、预计全年5%左右"
    assert minimal_clean("(一)着力服务全局见行见效") == "（一）着力服务全局见行见效"


def test_the_shared_scorer_agrees_with_this_harness(tmp_path):
    """Load the seed document's mentions into a real DuckDB file and run ../shared/tools/score_metrics.py."""
    import subprocess

    duckdb = pytest.importorskip("duckdb")
    scorer = SHARED / "tools" / "score_metrics.py"
    if not scorer.is_file():
        pytest.skip("../shared not present: tools/score_metrics.py")
    mentions = extract_doc("yuzhong-2024-web.txt")
    path = tmp_path / "reports.duckdb"
    con = duckdb.connect(str(path))
    con.execute("create table documents (doc_id varchar, source_path varchar)")
    con.execute("insert into documents values ('d', 'yuzhong-2024-web.txt')")
    con.execute("create table metrics (doc_id varchar, value double, unit varchar, indicator varchar, "
                "qualifier varchar, value_text varchar)")
    con.executemany("insert into metrics values ('d', ?, ?, ?, ?, ?)",
                    [(m["value"], m["unit"], m["indicator"], m["qualifier"], m["value_text"]) for m in mentions])
    con.close()
    out = subprocess.run([sys.executable, str(scorer), "--gold", str(SEED_GOLD), "--warehouse", str(path),
                          "--min-f1", "0.98"], capture_output=True, text=True)
    last = out.stdout.strip().splitlines()[-1]
    mine = score_files([SEED_GOLD])
    assert out.returncode == 0, out.stdout + out.stderr
    assert last.startswith(f"F1 {mine['f1']:.3f}") and f"indicator {mine['indicator']:.3f}" in last, last


@pytest.mark.parametrize("gold", EXTRA_GOLD, ids=[p.stem for p in EXTRA_GOLD])
def test_every_gold_text_lies_in_its_scoped_paragraphs(gold):
    """A gold line whose text is not in the scoped paragraphs could never be matched: a scope typo."""
    _require_shared()
    scope = scope_for([gold])
    for doc, gs in load_gold([gold]).items():
        paragraphs = minimal_clean(corpus_text(doc)).split("\n")
        lines = scope.get(doc)
        text = "\n".join(paragraphs[i] for i in lines) if lines is not None else "\n".join(paragraphs)
        missing = [g["text"] for g in gs if g["text"] not in text]
        assert not missing, f"{doc}: {missing}"
