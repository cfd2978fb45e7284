"""Charts: the pure plotting functions (with and without a CJK font), and the charts asset in a real
run (PNGs beside the warehouse, shown inline in the materialization metadata)."""
from __future__ import annotations

import io
import json
import shutil

import dagster as dg
import pytest
from matplotlib.image import imread

from pipelines.charts import (Labels, find_cjk_font, keyword_intensity_figure, png_bytes,
                              targets_vs_actuals_figure)
from tests.conftest import SAMPLE, materialize

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"

TVA_ROWS = [  # China's GDP growth as targets_vs_actuals gives it (2021–2023), and one CPI cap
    {"indicator_code": "gdp", "measure": "growth", "year": 2021, "target_lo": 6.0, "target_hi": 6.0,
     "target_qualifier": ">=", "actual_signed": 8.1, "met": True, "unit": "%"},
    {"indicator_code": "gdp", "measure": "growth", "year": 2022, "target_lo": 5.5, "target_hi": 5.5,
     "target_qualifier": "~", "actual_signed": 3.0, "met": False, "unit": "%"},
    {"indicator_code": "gdp", "measure": "growth", "year": 2023, "target_lo": 5.0, "target_hi": 5.0,
     "target_qualifier": "~", "actual_signed": 5.2, "met": True, "unit": "%"},
    {"indicator_code": "gdp", "measure": "growth", "year": 2019, "target_lo": 6.0, "target_hi": 6.5,
     "target_qualifier": "range", "actual_signed": 6.1, "met": True, "unit": "%"},
    {"indicator_code": "cpi", "measure": "growth", "year": 2023, "target_lo": 3.0, "target_hi": 3.0,
     "target_qualifier": "~", "actual_signed": None, "met": None, "unit": "%"},
]
KEYWORD_ROWS = [
    {"doc_id": "a", "keyword": "数字经济", "label_en": "digital economy", "year": 2020, "per_10k_chars": 1.0},
    {"doc_id": "b", "keyword": "数字经济", "label_en": "digital economy", "year": 2020, "per_10k_chars": 3.0},
    {"doc_id": "c", "keyword": "数字经济", "label_en": "digital economy", "year": 2024, "per_10k_chars": 6.0},
    {"doc_id": "a", "keyword": "乡村振兴", "label_en": "rural revitalization", "year": 2020, "per_10k_chars": 0.5},
    {"doc_id": "c", "keyword": "乡村振兴", "label_en": "rural revitalization", "year": 2024, "per_10k_chars": 0.0},
    {"doc_id": "a", "keyword": "碳达峰", "label_en": "carbon peaking", "year": 2020, "per_10k_chars": 0.0},
]


def all_text(fig) -> list[str]:
    texts = [t.get_text() for t in fig.findobj(lambda o: hasattr(o, "get_text"))]
    return [t for t in texts if t]


def has_cjk(s: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in s)


def test_targets_chart_draws_one_panel_per_indicator():
    fig = targets_vs_actuals_figure(TVA_ROWS, "中国", font=None)
    visible = [ax for ax in fig.axes if ax.get_visible()]
    assert [ax.get_title() for ax in visible] == ["gdp · growth", "cpi · growth"]
    gdp = visible[0]
    # four judged years: a green/red dot each, in year order; the 2019 range drawn as a bar
    offsets = gdp.collections[-1].get_offsets()
    assert [tuple(p) for p in offsets] == [(2019, 6.1), (2021, 8.1), (2022, 3.0), (2023, 5.2)]
    colours = [tuple(round(c, 3) for c in rgba[:3]) for rgba in gdp.collections[-1].get_facecolors()]
    assert colours[2] != colours[0] == colours[1] == colours[3]  # 2022 missed, in another colour
    png = png_bytes(fig)
    assert png.startswith(PNG_MAGIC)
    height, width = imread(io.BytesIO(png)).shape[:2]
    assert width > height > 200


def test_without_a_cjk_font_labels_are_ascii():
    fig = targets_vs_actuals_figure(TVA_ROWS, "中国", region_code="CN", font=None)
    assert fig._suptitle.get_text().startswith("CN:")
    kw = keyword_intensity_figure(KEYWORD_ROWS, font=None)
    texts = all_text(kw) + all_text(fig)
    assert not [t for t in texts if has_cjk(t)]
    assert "digital economy" in [t.get_text() for t in kw.axes[0].get_legend().get_texts()]


def test_with_a_cjk_font_labels_are_chinese():
    font = find_cjk_font()
    if font is None:
        pytest.skip("no font with Chinese glyphs on this machine (the ASCII path is tested above)")
    fig = targets_vs_actuals_figure(TVA_ROWS, "中国", font=font)
    assert fig._suptitle.get_text().startswith("中国:")
    kw = keyword_intensity_figure(KEYWORD_ROWS, font=font)
    assert [t.get_text() for t in kw.axes[0].get_legend().get_texts()] == ["数字经济", "乡村振兴"]
    assert png_bytes(kw).startswith(PNG_MAGIC)


def test_keyword_chart_averages_reports_per_year_and_skips_unused_terms():
    fig = keyword_intensity_figure(KEYWORD_ROWS, font=None)
    lines = {line.get_label(): list(zip(*line.get_data())) for line in fig.axes[0].get_lines()}
    assert lines == {"digital economy": [(2020, 2.0), (2024, 6.0)],
                     "rural revitalization": [(2020, 0.5), (2024, 0.0)]}  # 碳达峰 never used


@pytest.mark.parametrize("chinese, fallback, font, expected", [
    ("重庆市", "500000", "WenQuanYi Micro Hei", "重庆市"),
    ("重庆市", "500000", None, "500000"),
    ("重庆市", None, None, "?"),
    ("gdp", None, None, "gdp"),
], ids=["font", "fallback", "no-fallback", "ascii-as-is"])
def test_labels(chinese, fallback, font, expected):
    assert Labels(font).text(chinese, fallback) == expected


def test_empty_inputs_still_draw():
    assert png_bytes(targets_vs_actuals_figure([], "中国")).startswith(PNG_MAGIC)
    assert png_bytes(keyword_intensity_figure([])).startswith(PNG_MAGIC)


# ---------------------------------------------------------------- the asset, in a real run

def charts_metadata(result: dg.ExecuteInProcessResult) -> dict:
    events = [e for e in result.get_asset_materialization_events()
              if e.asset_key == dg.AssetKey("charts")]
    assert len(events) == 1
    return events[0].materialization.metadata


def test_charts_asset_writes_pngs_beside_the_warehouse_and_shows_them(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(SAMPLE, raw / SAMPLE.name)
    warehouse = tmp_path / "wh" / "reports.duckdb"
    meta = charts_metadata(materialize(raw, warehouse))
    charts_dir = warehouse.parent / "charts"
    assert meta["charts_dir"].value == str(charts_dir)
    assert meta["redrawn"].value is True
    names = sorted(p.name for p in charts_dir.glob("*.png"))
    assert names == ["keyword_intensity.png"]  # the sample (a review only) sets no targets to chart
    assert meta["charts"].value == 1
    assert (charts_dir / "keyword_intensity.png").read_bytes().startswith(PNG_MAGIC)
    assert "data:image/png;base64," in meta["preview"].value
    assert json.loads((charts_dir / ".source.json").read_text())["warehouse"] == "reports.duckdb"

    # nothing changed: the second run draws nothing
    again = charts_metadata(materialize(raw, warehouse))
    assert again["redrawn"].value is False
