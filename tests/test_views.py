"""The SQL models in sql/: every view exists after a real run, in the right order, with the issue's
columns; their answers on the committed sample; the choice and judgement rules of indicator_series,
targets and targets_vs_actuals on rows added to a pipeline-built warehouse."""
from __future__ import annotations

import shutil

import dagster as dg
import duckdb
import pytest

from pipelines.config import SQL_DIR
from pipelines.extract import timescope
from pipelines.warehouse.models import create_view, discover_models, references
from pipelines.warehouse.seeds import SEEDS_DIR, SeedError, load_seeds, read_seed, seed_files, seeds_digest
from tests.conftest import all_assets

MODELS = discover_models(SQL_DIR)
MODEL_NAMES = [m.name for m in MODELS]

# columns the issue names, per view (views may have more)
REQUIRED_COLUMNS = {
    "indicator_values": ["doc_id", "region", "province", "admin_level", "year", "part", "statement",
                         "indicator", "indicator_code", "measure", "direction", "value", "value_high",
                         "unit", "qualifier", "period", "reference_year", "sentence"],
    "indicator_series": ["region", "indicator_code", "measure", "reference_year", "value", "doc_id",
                         "sentence", "n_agreeing"],
    "targets": ["region", "year", "indicator_code", "measure", "value", "value_high", "qualifier",
                "target_strength", "stretch_value", "sentence"],
    "targets_vs_actuals": ["region", "indicator_code", "measure", "year", "target_value",
                           "target_value_high", "target_qualifier", "actual_value",
                           "actual_source_doc_id", "met", "gap"],
    "keyword_intensity": ["doc_id", "keyword", "count", "per_10k_chars"],
    "document_overview": ["doc_id", "region", "year", "is_complete", "completeness_note", "n_sections",
                          "n_sentences", "n_metrics", "n_targets"],
}

# what each analytical model reads (derived from its SQL; asserted so a rename cannot go unnoticed)
EXPECTED_DEPS = {
    "indicator_values": {"stg_metrics", "stg_sentences", "stg_documents"},
    "indicator_series": {"indicator_values"},
    "targets": {"indicator_values", "stg_indicator_polarity"},
    "targets_vs_actuals": {"targets", "indicator_series", "stg_indicator_polarity"},
    "keyword_intensity": {"stg_documents", "stg_document_texts", "stg_keywords"},
    "document_overview": {"stg_documents", "stg_document_sources", "stg_sections", "stg_paragraphs",
                          "stg_sentences", "stg_metrics"},
}


def view_columns(con, view: str) -> list[str]:
    return [r[0] for r in con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
        [view]).fetchall()]


# ---------------------------------------------------------------- structure and build order

def test_every_model_file_is_a_view_after_a_run(sample_db):
    kinds = dict(sample_db.execute("SELECT table_name, table_type FROM information_schema.tables "
                                   "WHERE table_schema = 'main'").fetchall())
    expected = {m.name: "BASE TABLE" if m.materialized == "table" else "VIEW" for m in MODELS}
    assert {name: kinds.get(name) for name in expected} == expected
    assert set(REQUIRED_COLUMNS) <= set(MODEL_NAMES)
    assert expected["keyword_intensity"] == "BASE TABLE"  # the one costly model, stored as a table


def test_a_model_switches_between_view_and_table(tmp_path):
    sql = tmp_path / "sql"
    sql.mkdir()
    (sql / "m.sql").write_text("-- grain: one row\n-- reads: nothing\nselect 1 as x\n")
    con = duckdb.connect()
    kind = "SELECT table_type FROM information_schema.tables WHERE table_name = 'm'"
    create_view(con, discover_models(sql)[0])
    assert con.execute(kind).fetchone() == ("VIEW",)
    (sql / "m.sql").write_text("-- grain: one row\n-- reads: nothing\n-- materialized: table\nselect 2 as x\n")
    create_view(con, discover_models(sql)[0])
    assert con.execute(kind).fetchone() == ("BASE TABLE",)
    assert con.execute("SELECT x FROM m").fetchone() == (2,)
    (sql / "m.sql").write_text("-- grain: one row\n-- reads: nothing\nselect 3 as x\n")
    create_view(con, discover_models(sql)[0])
    assert con.execute(kind).fetchone() == ("VIEW",)
    assert con.execute("SELECT x FROM m").fetchone() == (3,)


@pytest.mark.parametrize("model", MODELS, ids=MODEL_NAMES)
def test_each_model_is_built_after_the_models_it_reads(model):
    position = {name: i for i, name in enumerate(MODEL_NAMES)}
    assert all(position[d] < position[model.name] for d in model.deps)


@pytest.mark.parametrize("name", list(EXPECTED_DEPS), ids=list(EXPECTED_DEPS))
def test_analytical_models_read_what_they_say(name):
    model = next(m for m in MODELS if m.name == name)
    assert set(model.deps) == EXPECTED_DEPS[name]
    assert "reads:" in model.description and "grain:" in model.description


@pytest.mark.parametrize("model", MODELS, ids=MODEL_NAMES)
def test_file_opens_with_grain_and_inputs(model):
    lines = model.sql.splitlines()
    assert lines[0].startswith("-- grain:")
    assert any(line.startswith("-- reads:") for line in lines[:4])


@pytest.mark.parametrize("model", MODELS, ids=MODEL_NAMES)
def test_staging_views_read_one_loaded_table(model):
    if not model.name.startswith("stg_"):
        assert not model.path.parent.name == "staging"
        return
    assert model.path.parent.name == "staging"
    assert model.deps == ()  # staging reads a loaded (or seed) table, never another model


def test_dagster_asset_deps_match_sql_references():
    assets = {a.key.to_user_string(): a for a in all_assets()}
    for model in MODELS:
        upstream = {k.to_user_string() for k in assets[model.name].asset_deps[dg.AssetKey(model.name)]}
        expected = {"warehouse_tables", *model.deps}
        if references(model.sql, seed_files()):
            expected.add("seed_tables")
        assert upstream == expected, model.name
    published = {k.to_user_string() for k in
                 assets["published_warehouse"].asset_deps[dg.AssetKey("published_warehouse")]}
    assert set(MODEL_NAMES) <= published
    assert {k.to_user_string() for k in assets["charts"].asset_deps[dg.AssetKey("charts")]} == \
        {"published_warehouse"}


@pytest.mark.parametrize("view", list(REQUIRED_COLUMNS), ids=list(REQUIRED_COLUMNS))
def test_view_has_the_issues_columns(sample_db, view):
    cols = view_columns(sample_db, view)
    assert [c for c in REQUIRED_COLUMNS[view] if c not in cols] == []


# ---------------------------------------------------------------- the sample's answers

def test_document_overview_of_the_sample(sample_db):
    row = sample_db.execute("""SELECT region, province, admin_level, year, n_sections, n_paragraphs,
                                      n_sentences, n_metrics, n_sources, is_complete
                               FROM document_overview""").fetchall()
    assert len(row) == 1
    region, province, level, year, n_sec, n_par, n_sent, n_met, n_src, complete = row[0]
    assert (region, province, level, year, n_src) == ("重庆市渝中区", "重庆市", "district", 2024, 1)
    # the counts are those of the loaded tables
    for col, table in [(n_sec, "sections"), (n_par, "paragraphs"), (n_sent, "sentences"), (n_met, "metrics")]:
        assert col == sample_db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] > 0
    assert complete is False  # the web copy stops before the plan part


def test_indicator_values_carry_sentence_and_context(sample_db):
    row = sample_db.execute("""SELECT region, year, unit, qualifier, sentence FROM indicator_values
                               WHERE value_text = '1600亿元'""").fetchone()
    assert row[:4] == ("重庆市渝中区", 2024, "元", ">")
    assert "地区生产总值突破1600亿元" in row[4]


def test_sample_gdp_growth_series_prefers_the_full_year_figure(sample_db):
    # 上半年3.2%、前三季度4.4%、预计全年5%左右: the full-year estimate is the year's figure
    row = sample_db.execute("""SELECT value, statement, period, n_mentions, n_agreeing, source_year
                               FROM indicator_series WHERE indicator_code = 'gdp' AND measure = 'growth'
                               AND reference_year = 2023""").fetchall()
    assert row == [(5.0, "estimate", "全年", 3, 1, 2024)]


@pytest.mark.parametrize("keyword, count", [("高质量发展", 3), ("营商环境", 1), ("数字经济", 0)],
                         ids=["高质量发展", "营商环境", "数字经济-absent"])
def test_keyword_intensity_counts_the_text(sample_db, keyword, count):
    text, n_chars = sample_db.execute("SELECT clean_text, char_count FROM documents").fetchone()
    assert text.count(keyword) == count
    row = sample_db.execute("""SELECT "count", per_10k_chars FROM keyword_intensity WHERE keyword = ?""",
                            [keyword]).fetchone()
    assert row == (count, round(count * 10000 / n_chars, 4))


def test_keyword_intensity_has_one_row_per_document_and_seed_keyword(sample_db):
    _, rows = read_seed("keywords", SEEDS_DIR / "keywords.csv")
    n_docs = sample_db.execute("SELECT count(*) FROM documents").fetchone()[0]
    assert sample_db.execute("SELECT count(*) FROM keyword_intensity").fetchone()[0] == len(rows) * n_docs
    assert sample_db.execute("SELECT count(*) FROM keywords").fetchone()[0] == len(rows)


# ---------------------------------------------------------------- seeds

def test_every_seed_csv_loads(tmp_path):
    con = duckdb.connect()
    loaded = load_seeds(con)
    assert set(loaded) == set(seed_files()) >= {"keywords", "indicator_polarity"}
    assert con.execute("SELECT count(*) FROM keywords WHERE keyword = '新质生产力'").fetchone()[0] == 1


@pytest.mark.parametrize("csv_text, message", [
    ("keyword,category,label_en\n数字经济,digital,a\n数字经济,digital,b\n", "duplicate keyword"),
    ("keyword,category,label_en\n,digital,a\n", "blank keyword"),
    ("keyword,label_en\n数字经济,a\n", "missing column"),
    ("keyword,category,label_en\n数字经济,digital\n", "2 cells"),
], ids=["duplicate", "blank-key", "missing-column", "short-row"])
def test_bad_keyword_seed_is_refused_with_the_reason(tmp_path, csv_text, message):
    (tmp_path / "keywords.csv").write_text(csv_text, encoding="utf-8")
    with pytest.raises(SeedError, match=message):
        load_seeds(duckdb.connect(), tmp_path)


def test_a_keyword_added_to_the_csv_is_counted_without_code(sample_warehouse, tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS_DIR, seeds)
    with open(seeds / "keywords.csv", "a", encoding="utf-8") as fh:
        fh.write("楼宇经济,industry,building economy\n")
    db = tmp_path / "copy.duckdb"
    shutil.copyfile(sample_warehouse, db)
    con = duckdb.connect(str(db))
    # what a run does after a seed edit (the changed seed changes the models digest, so the
    # inventory starts a build): the seed_tables asset, then every model asset in order
    assert seeds_digest(seeds) != seeds_digest(SEEDS_DIR)
    load_seeds(con, seeds)
    for model in MODELS:
        create_view(con, model)
    row = con.execute("""SELECT "count" FROM keyword_intensity WHERE keyword = '楼宇经济'""").fetchone()
    text = con.execute("SELECT clean_text FROM documents").fetchone()[0]
    assert row == (text.count("楼宇经济"),) and row[0] >= 1


# ---------------------------------------------------------------- rules, on rows added to a real build

def add_document(con, doc_id: str, region: str, year: int, sentences: list[tuple[str, bool, list[dict]]]):
    """A document whose clean_text is its sentences, one per paragraph, with metrics at the offsets
    of their value_text (rows of the loaded tables, as the load step writes them)."""
    text = "\n".join(s for s, _, _ in sentences)
    con.execute("INSERT INTO documents BY NAME SELECT ? AS doc_id, ? AS source_path, ? AS region, "
                "? AS year, ? AS clean_text, ? AS char_count",
                [doc_id, f"{doc_id}.txt", region, year, text, len(text)])
    con.execute("INSERT INTO document_sources VALUES (?, ?, ?)", [doc_id, f"{doc_id}.txt", doc_id])
    pos, n_metric = 0, 0
    for i, (sentence, is_target, metrics) in enumerate(sentences, start=1):
        sid = f"{doc_id}-t{i}"
        con.execute("INSERT INTO sentences BY NAME SELECT ? AS doc_id, ? AS sentence_id, ? AS ordinal, "
                    "? AS text, ? AS char_start, ? AS char_end, ? AS part, ? AS is_target_statement",
                    [doc_id, sid, i, sentence, pos, pos + len(sentence),
                     "plan" if is_target else "review", is_target])
        cursor = 0
        for m in metrics:
            n_metric += 1
            start = sentence.index(m["value_text"], cursor)
            cursor = start + len(m["value_text"])
            row = {"unit": "%", "qualifier": "=", "value_high": None, "direction": None, "period": None,
                   "target_strength": None, **m}
            # the meaning columns extraction derives, by the extractor's own functions
            before = sentence[:start]
            base = timescope.base_year(before, row["measure"])
            row.setdefault("period_kind", timescope.period_kind(row["period"], base, row["reference_year"]))
            con.execute("""INSERT INTO metrics BY NAME SELECT ? AS doc_id, ? AS metric_id, ? AS sentence_id,
                           ? AS indicator, ? AS value_text, ? AS value, ? AS unit, ? AS qualifier, ? AS period,
                           ? AS char_start, ? AS char_end, ? AS value_high, ? AS indicator_code, ? AS measure,
                           ? AS direction, ? AS target_strength, ? AS statement, ? AS reference_year,
                           ? AS period_kind, ? AS base_year, ? AS is_stretch_marked, ? AS signed_value""",
                        [doc_id, f"{doc_id}-m{n_metric}", sid, row["indicator_code"], row["value_text"],
                         row["value"], row["unit"], row["qualifier"], row["period"], pos + start,
                         pos + cursor, row["value_high"], row["indicator_code"], row["measure"],
                         row["direction"], row["target_strength"], row["statement"], row["reference_year"],
                         row["period_kind"], base, timescope.is_stretch_marked(before),
                         timescope.signed_value(row["value"], row["measure"], row["direction"])])
        pos += len(sentence) + 1


def target(code, measure, value, qualifier="=", value_high=None, direction=None, unit="%", text=None):
    return {"indicator_code": code, "measure": measure, "value": value, "value_high": value_high,
            "qualifier": qualifier, "direction": direction, "unit": unit, "statement": "target",
            "value_text": text or f"{value:g}{unit}", "reference_year": 2022}


def actual(code, measure, value, direction=None, unit="%", statement="actual", period=None, year=2022,
           text=None):
    return {"indicator_code": code, "measure": measure, "value": value, "direction": direction,
            "unit": unit, "statement": statement, "period": period, "reference_year": year,
            "value_text": text or f"{value:g}{unit}"}


# (id, target mention, actual mention or None, met, gap): one region each, target set in 2022,
# actual stated by the 2023 report
MET_CASES = [
    ("growth-about-within-tolerance", target("gdp", "growth", 7.5, "~"), actual("gdp", "growth", 7.4), True, -0.1),
    ("growth-about-far-short", target("gdp", "growth", 5.5, "~"), actual("gdp", "growth", 3.0), False, -2.5),
    ("growth-at-least-met", target("gdp", "growth", 6, ">="), actual("gdp", "growth", 8.1), True, 2.1),
    ("growth-at-least-missed", target("gdp", "growth", 6, ">="), actual("gdp", "growth", 5.9), False, -0.1),
    ("range-low-end-met", target("gdp", "growth", 6, "range", 6.5, text="6%—6.5%"), actual("gdp", "growth", 6.1), True, 0.1),
    ("range-overshoot-is-met", target("gdp", "growth", 6.5, "range", 7, text="6.5%—7%"), actual("gdp", "growth", 8), True, 1.5),
    ("range-missed", target("gdp", "growth", 6, "range", 6.5, text="6%—6.5%"), actual("gdp", "growth", 5.9), False, -0.1),
    ("bare-number-is-a-floor", target("jobs_new_urban", "level", 1.1e7, unit="人", text="1100万人"),
     actual("jobs_new_urban", "level", 1.244e7, unit="人", text="1244万人"), True, 1.44e6),
    ("cap-about-cpi-within", target("cpi", "growth", 3, "~"), actual("cpi", "growth", 3.1), True, 0.1),
    ("cap-about-cpi-over", target("cpi", "growth", 3, "~"), actual("cpi", "growth", 3.5), False, 0.5),
    ("cap-within-unemployment", target("unemp_surveyed", "level", 5.5, "<="), actual("unemp_surveyed", "level", 5.2), True, -0.3),
    ("cap-over-unemployment", target("unemp_surveyed", "level", 5.5, "<="), actual("unemp_surveyed", "level", 5.6), False, 0.1),
    ("fall-at-least-met", target("energy_intensity", "growth", 3, ">=", direction="down"),
     actual("energy_intensity", "growth", 3.5, direction="down"), True, -0.5),
    ("fall-at-least-missed", target("energy_intensity", "growth", 3, ">=", direction="down"),
     actual("energy_intensity", "growth", 2.7, direction="down"), False, 0.3),
    ("fall-about-within", target("energy_intensity", "growth", 3, "~", direction="down"),
     actual("energy_intensity", "growth", 2.9, direction="down"), True, 0.1),
    ("fall-target-but-rose", target("energy_intensity", "growth", 3, direction="down"),
     actual("energy_intensity", "growth", 1, direction="up"), False, 4.0),
    ("band-about-within", target("test_band", "level", 100, "~", unit="个"),
     actual("test_band", "level", 104, unit="个"), True, 4.0),
    ("band-about-outside", target("test_band", "level", 100, "~", unit="个"),
     actual("test_band", "level", 94, unit="个"), False, -6.0),
    ("no-later-report", target("gdp", "growth", 6, "~"), None, None, None),
    ("unit-mismatch", target("gdp", "growth", 6, "~"), actual("gdp", "growth", 6.2e11, unit="元", text="6200亿元"),
     None, None),
]


@pytest.fixture(scope="module")
def rules_db(sample_warehouse, tmp_path_factory):
    """The sample warehouse (built by the pipeline) plus small documents written for these rules."""
    db = tmp_path_factory.mktemp("rules") / "rules.duckdb"
    shutil.copyfile(sample_warehouse, db)
    con = duckdb.connect(str(db))
    con.execute("INSERT INTO indicator_polarity VALUES ('test_band', 'band', '0.05', 'a level to hit')")
    for n, (case_id, tgt, act, _, _) in enumerate(MET_CASES):
        region = f"测试{n}"
        add_document(con, f"met{n}-2022", region, 2022,
                     [(f"今年主要预期目标是：指标{tgt['value_text']}。", True, [tgt])])
        if act is not None:
            add_document(con, f"met{n}-2023", region, 2023,
                         [(f"去年指标{act['value_text']}。", False, [{**act}])])
    # indicator_series choices for one region
    add_document(con, "ser-2022", "序列市", 2022, [
        ("上半年增长3.2%，预计全年增长5%。", False,
         [actual("gdp", "growth", 3.2, period="上半年"), actual("gdp", "growth", 5, statement="estimate",
                                                              period="全年")]),
    ])
    add_document(con, "ser-2023", "序列市", 2023, [
        ("去年地区生产总值增长5.2%。", False, [actual("gdp", "growth", 5.2)]),
        ("五年年均增长6.1%。", False, [actual("gdp", "growth", 6.1, period="年均")]),
    ])
    add_document(con, "ser-2024", "序列市", 2024, [
        ("前年增长5.2%。", False, [actual("gdp", "growth", 5.2)]),
    ])
    # a change against a named earlier year is not the year's change (河北省 2013: 比2007年增长65.8%)
    add_document(con, "base-2013", "基期市", 2013, [
        ("2012年全省生产总值26575亿元，同比增长9.6%，比2007年增长65.8%。", False,
         [actual("gdp", "growth", 9.6, year=2012), actual("gdp", "growth", 65.8, year=2012)]),
        ("与2011年相比，增长9.7%。", False, [actual("gdp", "growth", 9.7, year=2012)]),
    ])
    # targets: the target statement's mention first, a 力争 clause as the stretch value
    add_document(con, "tgt-2022", "目标市", 2022, [
        ("经济增长预期目标为5.5%。", False, [target("gdp", "growth", 5.5)]),
        ("今年主要预期目标是：地区生产总值增长6%以上，力争7%。", True,
         [target("gdp", "growth", 6, ">="), target("gdp", "growth", 7)]),
    ])
    add_document(con, "tgt2-2022", "目标二市", 2022, [
        ("今年主要预期目标是：地区生产总值增长6%以上，城镇调查失业率5.5%以内、力争5%。", True,
         [target("gdp", "growth", 6, ">="), target("unemp_surveyed", "level", 5.5, "<="),
          target("unemp_surveyed", "level", 5, text="5%")]),
        ("力争地区生产总值增长8%。", False, [target("gdp", "growth", 8)]),  # another sentence: no stretch
    ])
    con.close()
    con = duckdb.connect(str(db), read_only=True)
    yield con
    con.close()


@pytest.mark.parametrize("n, tgt, act, met, gap", [(n, *c[1:]) for n, c in enumerate(MET_CASES)],
                         ids=[c[0] for c in MET_CASES])
def test_targets_vs_actuals_met_and_gap(rules_db, n, tgt, act, met, gap):
    rows = rules_db.execute("""SELECT year, target_value, target_qualifier, actual_value, actual_source_year,
                                      met, gap FROM targets_vs_actuals WHERE region = ?""",
                            [f"测试{n}"]).fetchall()
    assert len(rows) == 1
    year, t_value, t_qual, a_value, a_year, got_met, got_gap = rows[0]
    assert (year, t_value, t_qual) == (2022, tgt["value"], tgt["qualifier"])
    if act is None:
        assert (a_value, a_year, got_met, got_gap) == (None, None, None, None)
        return
    assert (a_value, a_year) == (act["value"], 2023)
    assert got_met is met
    assert got_gap == (None if gap is None else pytest.approx(gap))


def test_series_prefers_later_full_year_actual_and_counts_agreement(rules_db):
    rows = rules_db.execute("""SELECT reference_year, value, statement, period, source_year, doc_id,
                                      n_mentions, n_agreeing, n_documents
                               FROM indicator_series WHERE region = '序列市'""").fetchall()
    # 3.2 (上半年) and the estimate 5 lose to the 2023 report's 5.2; 年均 is not a year's figure
    assert rows == [(2022, 5.2, "actual", None, 2023, "ser-2023", 4, 2, 2)]


def test_targets_take_the_target_statement_and_the_stretch_value(rules_db):
    rows = rules_db.execute("""SELECT year, value, qualifier, stretch_value, n_mentions, sentence
                               FROM targets WHERE region = '目标市'""").fetchall()
    assert len(rows) == 1
    year, value, qualifier, stretch, n, sentence = rows[0]
    assert (year, value, qualifier, stretch, n) == (2022, 6, ">=", 7, 3)
    assert sentence.startswith("今年主要预期目标是")


def test_every_query_in_the_readme_runs(sample_db):
    import re
    text = (SQL_DIR.parent / "README.md").read_text(encoding="utf-8")
    queries = re.findall(r"```sql\n(.*?)```", text, re.S)
    assert len(queries) >= 8
    for q in queries:
        sample_db.execute(q).fetchall()


def test_a_change_against_a_named_earlier_year_is_multi_year(rules_db):
    rows = rules_db.execute("""SELECT value, base_year, period_kind FROM indicator_values
                               WHERE region = '基期市' ORDER BY metric_id""").fetchall()
    assert rows == [(9.6, None, "year"), (65.8, 2007, "multi_year"), (9.7, 2011, "year")]
    assert rules_db.execute("""SELECT value, n_mentions FROM indicator_series
                               WHERE region = '基期市'""").fetchall() == [(9.6, 2)]


@pytest.mark.parametrize("code, value, stretch", [("gdp", 6, None), ("unemp_surveyed", 5.5, 5)],
                         ids=["力争-in-another-sentence", "ceiling-stretch-is-lower"])
def test_stretch_value_is_same_sentence_and_more_ambitious(rules_db, code, value, stretch):
    assert rules_db.execute("""SELECT value, stretch_value FROM targets WHERE region = '目标二市'
                               AND indicator_code = ?""", [code]).fetchall() == [(value, stretch)]
