"""What the charts draw, read from the published warehouse's views (each view computed once)."""
from __future__ import annotations

from dataclasses import dataclass

import duckdb


@dataclass
class ChartData:
    regions: list[dict]                 # region, region_code, judged, n_targets, national
    per_region: dict[str, list[dict]]   # region -> its targets_vs_actuals rows
    keyword_rows: list[dict]            # keyword, label_en, year, per_10k_chars (mean over the year's reports)
    n_reports: int


def _records(con: duckdb.DuckDBPyConnection, sql: str, params=None) -> list[dict]:
    cur = con.execute(sql, params or [])
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, row)) for row in cur.fetchall()]


def read_chart_data(con: duckdb.DuckDBPyConnection, max_regions: int) -> ChartData:
    """The ``max_regions`` regions with the most judged targets (national first) and their targets vs.
    actuals; keyword intensity per keyword and year."""
    con.execute("""CREATE TEMP TABLE charted AS
        SELECT t.region, any_value(d.region_code) AS region_code,
               count(*) FILTER (WHERE t.met IS NOT NULL) AS judged, count(*) AS n_targets,
               bool_or(t.admin_level = 'national') AS national
        FROM targets_vs_actuals t LEFT JOIN stg_documents d ON d.doc_id = t.target_doc_id
        WHERE t.region IS NOT NULL
        GROUP BY t.region ORDER BY national DESC, judged DESC, n_targets DESC, t.region LIMIT ?""",
                [max_regions])
    regions = _records(con, "SELECT * FROM charted ORDER BY national DESC, judged DESC, n_targets DESC, region")
    per_region: dict[str, list[dict]] = {r["region"]: [] for r in regions}
    for row in _records(con, """
            SELECT region, indicator_code, measure, year, target_lo, target_hi, target_qualifier,
                   actual_signed, met, unit
            FROM targets_vs_actuals WHERE region IN (SELECT region FROM charted)
            ORDER BY region, indicator_code, measure, year"""):
        per_region[row.pop("region")].append(row)
    keyword_rows = _records(con, """SELECT keyword, any_value(label_en) AS label_en, year,
                                           avg(per_10k_chars) AS per_10k_chars
                                    FROM keyword_intensity WHERE year IS NOT NULL
                                    GROUP BY keyword, year""")
    n_reports = con.execute("SELECT count(*) FROM stg_documents").fetchone()[0]
    con.execute("DROP TABLE charted")
    return ChartData(regions, per_region, keyword_rows, n_reports)
