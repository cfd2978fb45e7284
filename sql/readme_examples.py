"""Regenerate the "Questions you can ask" section of README.md from two real warehouses.

    python sql/readme_examples.py SAMPLE.duckdb NATIONAL.duckdb

SAMPLE: built from raw/ (the committed sample); NATIONAL: built from the national reports
2013–2026 of the shared corpus. Run from the repo root; the rest of README.md is kept.
"""
import contextlib, io, re, sys
import duckdb

sample_db, national_db = sys.argv[1], sys.argv[2]
path = "README.md"
readme = open(path, encoding="utf-8").read()
head, rest = readme.split("## Questions you can ask", 1)
tail = rest[rest.index("\n## "):] if "\n## " in rest else ""

def block(con, q):
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        con.sql(q).show(max_width=250, max_rows=40, max_col_width=60)
    return f"```sql\n{q.strip()};\n```\n```text\n{buf.getvalue().rstrip()}\n```\n"

S = [
 ("**1. What is in the report, and is it complete?**", """
SELECT region, year, is_complete, n_sections, n_paragraphs, n_sentences, n_metrics, n_targets, parts
FROM document_overview"""),
 ("**2. Which figures did it report for 2023, one per indicator?** (the full-year estimate 5% wins over "
  "上半年3.2% and 前三季度4.4%)", """
SELECT indicator_code, measure, reference_year AS year, value, unit, qualifier AS q, statement, period,
       n_mentions, n_agreeing
FROM indicator_series
WHERE region = '重庆市渝中区'
ORDER BY indicator_code, measure"""),
 ("**3. Every GDP mention, with its sentence**", """
SELECT indicator, value, unit, qualifier AS q, statement, period, sentence
FROM indicator_values
WHERE indicator_code = 'gdp'
ORDER BY metric_id"""),
 ("**4. Which policy terms does it use, per 10,000 characters?**", """
SELECT keyword, category, "count", per_10k_chars
FROM keyword_intensity
WHERE "count" > 0
ORDER BY per_10k_chars DESC"""),
 ("**5. The largest money amounts it states (in 元, the base unit)**", """
SELECT indicator, value_text, value, qualifier AS q, period
FROM indicator_values
WHERE unit = '元'
ORDER BY value DESC
LIMIT 5"""),
]
N = [
 ("**6. China's GDP growth target against the actual the next report states, 2014–2025** (2020 set no "
  "target; 2022's 5.5%左右 was missed with 3%)", """
SELECT year, target_value AS target, target_value_high AS high, target_qualifier AS q,
       actual_value AS actual, actual_source_year AS stated_in, met, gap
FROM targets_vs_actuals
WHERE region = '中国' AND indicator_code = 'gdp' AND measure = 'growth' AND year BETWEEN 2014 AND 2025
ORDER BY year"""),
 ("**7. Every target China set for 2024, and whether it was met**", """
SELECT indicator_code, measure, target_value AS target, target_qualifier AS q, unit,
       actual_value AS actual, met, gap, better
FROM targets_vs_actuals
WHERE region = '中国' AND year = 2024
ORDER BY indicator_code, measure"""),
 ("**8. The reports that talk most about 数字经济**", """
SELECT year, "count", per_10k_chars
FROM keyword_intensity
WHERE region = '中国' AND keyword = '数字经济'
ORDER BY per_10k_chars DESC
LIMIT 5"""),
]
out = [head, "## Questions you can ask\n\n",
       "On the sample (`raw/yuzhong-2024-web.txt`, the 渝中区 2024 report as published on the web: the review\n"
       "only, so it sets no targets):\n\n"]
con = duckdb.connect(sample_db, read_only=True)
for title, q in S:
    out.append(f"{title}\n\n{block(con, q)}\n")
out.append("On the national series (`政府工作报告-国务院/2013.md`…`2026.md` of the shared corpus copied into a raw\n"
           "folder, then `GOVREPORT_RAW_DIR=that/folder govreport build`):\n\n")
con = duckdb.connect(national_db, read_only=True)
for title, q in N:
    out.append(f"{title}\n\n{block(con, q)}\n")
open(path, "w", encoding="utf-8").write("".join(out).rstrip() + "\n" + tail)
