"""The asset checks' queries: run against a run's build file before it is published (the Dagster
checks in ``pipelines/defs/checks.py`` wrap them).

| check                  | severity | blocking | what fails it                                            |
|------------------------|----------|----------|----------------------------------------------------------|
| unique_ids             | ERROR    | yes      | a duplicated id, or a row whose document is gone          |
| offsets_round_trip     | ERROR    | yes      | ``clean_text[char_start:char_end]`` ≠ the row's text       |
| metric_units_allowed   | ERROR    | no       | a metric unit outside the allowed set                    |
| no_page_furniture      | WARN     | no       | a web-page furniture phrase left in ``clean_text``        |
| documents_with_metrics | WARN     | no       | a document with zero metric mentions                     |

A blocking check that fails stops the run before ``published_warehouse``: the analysts' file stays
as it was, and the failed build stays in ``warehouse/.build/`` for inspection until the next run.
The per-document checks look at the documents this run loaded (``staging.loaded_documents``);
``unique_ids`` looks at every row. A run that found nothing to do has no build: its checks pass
and say so (the published file passed them when it was built).

The check functions (``check_*``) take a DuckDB connection and return ``(passed, metadata)``;
metadata values are numbers, or ``Markdown`` lists of examples.
The rule tables are data: ``check_rules/allowed_units.csv`` and ``check_rules/furniture_phrases.csv``,
joined with the extractor's unit table and the ingest stage's cut-off phrases when those exist.
"""

import csv
import re
from functools import lru_cache
from pathlib import Path

import duckdb

from pipelines.warehouse.build import has_table
from pipelines.warehouse.schema import STAGING

_HERE = Path(__file__).resolve().parent
RULES = _HERE / "check_rules"
EXTRACT_UNITS = _HERE.parent / "extract" / "data" / "units.csv"
INGEST_FURNITURE = _HERE.parent / "ingest" / "furniture_rules.csv"


class Markdown(str):
    """A metadata value to show as markdown (a list of examples)."""

# (table, id column) pairs that must be unique; every table's doc_id must exist in documents
ID_COLUMNS = [("documents", "doc_id"), ("sections", "section_id"), ("paragraphs", "paragraph_id"),
              ("sentences", "sentence_id"), ("metrics", "metric_id")]
# (table, the column that must equal clean_text[char_start:char_end])
SPANS = [("sections", "heading"), ("paragraphs", "text"), ("sentences", "text"), ("metrics", "value_text")]
_LITERAL_ALTERNATION = re.compile(r"^(?:\(\?:)?([^\\()\[\]{}.*+?^$]+(?:\|[^\\()\[\]{}.*+?^$]+)*)\)?")


def _read_csv(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@lru_cache(maxsize=1)
def allowed_units() -> frozenset[str]:
    """Our base units, plus every base unit of the extractor's unit table (when it has one)."""
    units = {r["unit"] for r in _read_csv(RULES / "allowed_units.csv") if r["role"] == "base"}
    if EXTRACT_UNITS.exists():
        units |= {r["base"] for r in _read_csv(EXTRACT_UNITS) if r.get("base")}
    return frozenset(units)


@lru_cache(maxsize=1)
def per_units() -> frozenset[str]:
    """What may follow a "/" in a compound unit: any base unit, and periods (元/月, 吨/年)."""
    return allowed_units() | {r["unit"] for r in _read_csv(RULES / "allowed_units.csv") if r["role"] == "per"}


_PER = re.compile(r"[/·]")


def unit_allowed(unit: str | None) -> bool:
    """A base unit, or a compound of one over allowed denominators: 元/平方公里, 元/人·月, 吨/年."""
    if not unit:
        return False
    if unit in allowed_units():
        return True
    top, _, per = unit.partition("/")
    return bool(per) and top in allowed_units() and all(p in per_units() for p in _PER.split(per))


@lru_cache(maxsize=1)
def furniture_phrases() -> tuple[str, ...]:
    """Our phrase list, plus the literal cut-off phrases (``tail_cut`` rules) of the ingest stage's
    furniture table when it exists: text after them is always page furniture."""
    phrases = {r["phrase"] for r in _read_csv(RULES / "furniture_phrases.csv")}
    if INGEST_FURNITURE.exists():
        for row in _read_csv(INGEST_FURNITURE):
            if row.get("where") == "tail_cut" and (m := _LITERAL_ALTERNATION.match(row.get("pattern", ""))):
                phrases |= {p for p in m.group(1).split("|") if len(p) >= 4}
    return tuple(sorted(phrases))


def _loaded(con: duckdb.DuckDBPyConnection) -> str:
    """SQL for the doc_ids this run loaded (all documents if the build has no record of it)."""
    if has_table(con, "loaded_documents"):
        return f"SELECT doc_id FROM {STAGING}.loaded_documents"
    return "SELECT doc_id FROM documents"


def check_unique_ids(con) -> tuple[bool, dict]:
    meta, bad = {}, 0
    for table, col in ID_COLUMNS:
        dup = con.execute(f"SELECT count(*) - count(DISTINCT {col}) + count(*) FILTER ({col} IS NULL) "
                          f"FROM {table}").fetchone()[0]
        meta[f"duplicate_or_null_{col}"] = dup
        bad += dup
        if table != "documents":
            orphans = con.execute(f"SELECT count(*) FROM {table} WHERE doc_id NOT IN "
                                  "(SELECT doc_id FROM documents)").fetchone()[0]
            meta[f"orphan_{table}"] = orphans
            bad += orphans
    return bad == 0, meta


def check_offsets(con) -> tuple[bool, dict]:
    """Every span of the loaded documents, sliced from clean_text in Python (O(1) per row)."""
    meta: dict = {}
    bad_rows: list[str] = []
    docs = con.execute(f"SELECT doc_id, clean_text FROM documents WHERE doc_id IN ({_loaded(con)}) "
                       "ORDER BY doc_id").fetchall()
    for table, col in SPANS:
        checked = bad = 0
        for i in range(0, len(docs), 200):
            texts = dict(docs[i:i + 200])
            # rows are stored in doc_id order, so a range predicate lets DuckDB skip the other
            # row groups instead of scanning the whole table once per batch
            rows = con.execute(f"SELECT doc_id, char_start, char_end, {col} FROM {table} "
                               "WHERE doc_id BETWEEN ? AND ?",
                               [docs[i][0], docs[min(i + 200, len(docs)) - 1][0]]).fetchall()
            for doc_id, start, end, text in rows:
                if doc_id not in texts:
                    continue
                checked += 1
                if start is None or end is None or texts[doc_id][start:end] != text:
                    bad += 1
                    if len(bad_rows) < 10:
                        bad_rows.append(f"{table} {doc_id} [{start}:{end}] {text!r:.40}")
        meta[f"{table}_checked"] = checked
        meta[f"{table}_mismatched"] = bad
    meta["documents_checked"] = len(docs)
    if bad_rows:
        meta["examples"] = Markdown("\n".join(f"- `{r}`" for r in bad_rows))
    return not bad_rows, meta


def check_units(con) -> tuple[bool, dict]:
    counts = con.execute(f"SELECT unit, count(*) FROM metrics WHERE doc_id IN ({_loaded(con)}) "
                         "GROUP BY unit ORDER BY 2 DESC").fetchall()
    bad = [(u, n) for u, n in counts if not unit_allowed(u)]
    meta = {"metrics_checked": sum(n for _, n in counts), "units_seen": len(counts),
            "metrics_with_unit_not_allowed": sum(n for _, n in bad)}
    if bad:
        meta["not_allowed"] = Markdown("\n".join(f"- `{u}`: {n}" for u, n in bad[:20]))
    return not bad, meta


def check_furniture(con) -> tuple[bool, dict]:
    phrases = furniture_phrases()
    hits = con.execute(f"""SELECT d.source_path, p.phrase FROM documents d,
                           (SELECT unnest(?) AS phrase) p
                           WHERE d.doc_id IN ({_loaded(con)}) AND contains(d.clean_text, p.phrase)
                           ORDER BY 1, 2""", [list(phrases)]).fetchall()
    n_docs = con.execute(f"SELECT count(*) FROM ({_loaded(con)})").fetchone()[0]
    meta = {"documents_checked": n_docs, "phrases": len(phrases),
            "documents_with_furniture": len({p for p, _ in hits})}
    if hits:
        meta["found"] = Markdown("\n".join(f"- {p}: `{ph}`" for p, ph in hits[:20]))
    return not hits, meta


def check_documents_have_metrics(con) -> tuple[bool, dict]:
    rows = con.execute(f"""SELECT d.source_path FROM documents d WHERE d.doc_id IN ({_loaded(con)})
                           AND d.doc_id NOT IN (SELECT doc_id FROM metrics) ORDER BY 1""").fetchall()
    n_docs = con.execute(f"SELECT count(*) FROM ({_loaded(con)})").fetchone()[0]
    meta = {"documents_checked": n_docs, "documents_without_metrics": len(rows)}
    if rows:
        meta["without_metrics"] = Markdown("\n".join(f"- {p}" for (p,) in rows[:20]))
    return not rows, meta
