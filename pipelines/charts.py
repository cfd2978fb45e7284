"""Charts of the warehouse's analytical views, as PNG bytes (matplotlib; no Dagster, no DuckDB).

- ``targets_vs_actuals_figure(rows, region)``: one panel per indicator and measure, the targets a
  region set for each year (a dash; a bar for a range) and the actual a later report stated (a dot:
  green met, red missed, grey when ``met`` is unknown). Values are signed (a fall is negative).
- ``keyword_intensity_figure(rows)``: per keyword, mentions per 10,000 characters averaged over the
  reports of each year.

Chinese labels need a font with CJK glyphs. ``find_cjk_font()`` looks for a known one (Noto Sans CJK,
Source Han Sans, WenQuanYi, PingFang, Microsoft YaHei, SimHei …; or the file named by the
environment variable ``GOVREPORT_CJK_FONT``). Without one the charts still render, with ASCII labels:
keywords by their ``label_en`` (from ``seeds/keywords.csv``) and regions by their ``region_code``.
"""
from __future__ import annotations

import io
import math
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from matplotlib import font_manager, rc_context
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

# Font families with CJK glyphs, best first (Simplified Chinese faces before others).
CJK_FAMILIES = (
    "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN",
    "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Sarasa Gothic SC", "PingFang SC",
    "Hiragino Sans GB", "Heiti SC", "STHeiti", "Microsoft YaHei", "SimHei", "Noto Serif CJK SC",
    "SimSun", "AR PL UMing CN", "AR PL UKai CN", "Droid Sans Fallback",
)
# File names of the same fonts, to find ones installed after matplotlib built its font cache.
CJK_FILE_HINTS = ("notosanscjk", "notoserifcjk", "notosanssc", "sourcehansans", "wqy", "pingfang",
                  "msyh", "simhei", "simsun", "uming", "ukai", "droidsansfallback", "sarasa")
ENV_FONT = "GOVREPORT_CJK_FONT"

MET_COLOURS = {True: "#2e7d32", False: "#c62828", None: "#9e9e9e"}
TARGET_COLOUR = "#455a64"
DPI = 100


def find_cjk_font() -> str | None:
    """The family name of an installed font with Chinese glyphs, or None."""
    env = os.environ.get(ENV_FONT)
    if env and Path(env).is_file():
        font_manager.fontManager.addfont(env)
        return font_manager.FontProperties(fname=env).get_name()
    names = {f.name for f in font_manager.fontManager.ttflist}
    for family in CJK_FAMILIES:
        if family in names:
            return family
    for path in font_manager.findSystemFonts():
        if any(h in Path(path).name.lower().replace("-", "").replace("_", "") for h in CJK_FILE_HINTS):
            try:
                font_manager.fontManager.addfont(path)
                return font_manager.FontProperties(fname=path).get_name()
            except (OSError, RuntimeError, ValueError):
                continue
    return None


@dataclass(frozen=True)
class Labels:
    """How to write Chinese names: as they are (a CJK font is there) or by an ASCII stand-in."""
    font: str | None

    def text(self, chinese: str | None, ascii_fallback: str | None) -> str:
        if self.font and chinese:
            return chinese
        if ascii_fallback:
            return ascii_fallback
        if chinese and chinese.isascii():
            return chinese
        return "?"

    def rc(self) -> dict:
        # a family list falls back glyph by glyph: Latin from DejaVu, Chinese from the CJK font
        return {"font.family": [self.font, "DejaVu Sans"] if self.font else ["DejaVu Sans"],
                "axes.unicode_minus": False}


def png_bytes(fig: Figure) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=DPI)  # the figures use constrained layout: no second, "tight" pass
    return buf.getvalue()


def _num(v) -> float | None:
    if v is None:
        return None
    try:
        f = float(v)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(f) else f


def _met(v) -> bool | None:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return None
    return bool(v)


def _scale(unit: str | None, values: Iterable[float]) -> tuple[float, str]:
    """A divisor and unit label that keep tick labels short (元 → 亿元 / 万亿元 …)."""
    unit = unit or ""
    biggest = max((abs(v) for v in values if v is not None), default=0.0)
    for div, prefix in ((1e12, "万亿"), (1e8, "亿"), (1e4, "万")):
        if biggest >= div * 1.0 and unit and unit not in ("%", "百分点", "‰", "倍"):
            return div, prefix + unit
    return 1.0, unit


def _ascii_unit(unit: str) -> str:
    table = {"%": "%", "百分点": "pp", "‰": "permille", "倍": "x", "元": "yuan", "亿元": "100m yuan",
             "万亿元": "trillion yuan", "万元": "10k yuan", "人": "persons", "万人": "10k persons"}
    return table.get(unit, unit if unit.isascii() else "")


def targets_vs_actuals_figure(rows: list[Mapping], region: str, *, region_code: str | None = None,
                              font: str | None = None, max_panels: int = 6) -> Figure:
    """Small multiples of one region's targets and actuals.

    ``rows`` are ``targets_vs_actuals`` rows (mappings with ``indicator_code, measure, year,
    target_lo, target_hi, target_qualifier, actual_signed, met, unit``). Panels: the
    indicator-measure pairs with the most judged years (``met`` not null), at most ``max_panels``.
    """
    labels = Labels(font)
    groups: dict[tuple[str, str], list[Mapping]] = {}
    for r in rows:
        groups.setdefault((r["indicator_code"], r["measure"]), []).append(r)

    def rank(item):
        (code, measure), rs = item
        judged = sum(_met(r.get("met")) is not None for r in rs)
        return (-judged, -len(rs), code, measure)

    panels = sorted(groups.items(), key=rank)[:max_panels]
    n = max(len(panels), 1)
    ncols = min(3, n)
    nrows = math.ceil(n / ncols)
    with rc_context(labels.rc()):
        fig = Figure(figsize=(4.2 * ncols, 3.1 * nrows + 0.6), layout="constrained")
        axes = fig.subplots(nrows, ncols, squeeze=False).ravel()
        for ax, ((code, measure), rs) in zip(axes, panels):
            rs = sorted(rs, key=lambda r: r["year"])
            unit = rs[0].get("unit") or ""
            vals = [_num(r.get("target_lo")) for r in rs] + [_num(r.get("target_hi")) for r in rs] + \
                   [_num(r.get("actual_signed")) for r in rs]
            div, unit_label = _scale(unit, vals)
            years = [int(r["year"]) for r in rs]
            points, ranges = [], []
            for r, year in zip(rs, years):
                lo, hi = _num(r.get("target_lo")), _num(r.get("target_hi"))
                if lo is None:
                    continue
                if hi is not None and hi != lo:
                    ranges.append((year, lo / div, hi / div))
                else:
                    points.append((year, lo / div))
            if ranges:  # one artist per kind keeps drawing fast on long series
                ax.vlines([y for y, _, _ in ranges], [lo for _, lo, _ in ranges], [hi for _, _, hi in ranges],
                          colors=TARGET_COLOUR, linewidth=5, alpha=0.35)
            if points:
                ax.plot([y for y, _ in points], [v for _, v in points], marker="_", markersize=16,
                        markeredgewidth=2.2, color=TARGET_COLOUR, linestyle="none")
            actual = [(y, _num(r.get("actual_signed")), _met(r.get("met"))) for r, y in zip(rs, years)]
            actual = [(y, a, m) for y, a, m in actual if a is not None]
            if actual:
                ax.plot([y for y, _, _ in actual], [a / div for _, a, _ in actual], color="#90a4ae",
                        linewidth=1, zorder=1)
                ax.scatter([y for y, _, _ in actual], [a / div for _, a, _ in actual],
                           c=[MET_COLOURS[m] for _, _, m in actual], s=30, zorder=3)
            ax.set_title(f"{code} · {measure}", fontsize=10)
            ax.set_ylabel(labels.text(unit_label, _ascii_unit(unit_label)), fontsize=8)
            ax.tick_params(labelsize=8)
            ax.xaxis.get_major_locator().set_params(integer=True)
            ax.grid(alpha=0.25)
        for ax in axes[len(panels):]:
            ax.set_visible(False)
        if not panels:
            axes[0].set_visible(True)
            axes[0].text(0.5, 0.5, "no targets", ha="center", va="center", transform=axes[0].transAxes)
            axes[0].set_axis_off()
        handles = [Line2D([], [], color=TARGET_COLOUR, marker="_", markersize=14, linestyle="none",
                          markeredgewidth=2.2, label="target (bar: range)"),
                   Line2D([], [], color=MET_COLOURS[True], marker="o", linestyle="none", label="actual, met"),
                   Line2D([], [], color=MET_COLOURS[False], marker="o", linestyle="none", label="actual, missed"),
                   Line2D([], [], color=MET_COLOURS[None], marker="o", linestyle="none", label="actual, not judged")]
        fig.legend(handles=handles, loc="outside lower center", ncols=4, fontsize=8, frameon=False)
        name = labels.text(region, region_code)
        fig.suptitle(f"{name}: targets vs. actuals (actual as the next report states it)", fontsize=12)
    return fig


def keyword_intensity_figure(rows: list[Mapping], *, font: str | None = None,
                             max_keywords: int = 8, n_reports: int | None = None) -> Figure:
    """Mean mentions per 10,000 characters by report year, for the most used keywords.

    ``rows`` are mappings with ``keyword, label_en, year, per_10k_chars``: one per document and
    keyword as in ``keyword_intensity`` (averaged here), or already one mean per keyword and year.
    ``n_reports`` (for the title) defaults to the distinct ``doc_id`` values of the rows.
    """
    labels = Labels(font)
    by_kw: dict[str, dict[int, list[float]]] = {}
    label_en: dict[str, str | None] = {}
    for r in rows:
        if r.get("year") is None or _num(r.get("per_10k_chars")) is None:
            continue
        by_kw.setdefault(r["keyword"], {}).setdefault(int(r["year"]), []).append(float(r["per_10k_chars"]))
        label_en[r["keyword"]] = r.get("label_en")
    means = {kw: {y: sum(v) / len(v) for y, v in years.items()} for kw, years in by_kw.items()}
    overall = {kw: sum(ys.values()) / len(ys) for kw, ys in means.items() if ys}
    top = sorted((kw for kw in overall if overall[kw] > 0), key=lambda k: (-overall[k], k))[:max_keywords]
    with rc_context(labels.rc()):
        fig = Figure(figsize=(9, 4.8), layout="constrained")
        ax = fig.subplots()
        for kw in top:
            ys = sorted(means[kw])
            ax.plot(ys, [means[kw][y] for y in ys], marker="o", markersize=3, linewidth=1.4,
                    label=labels.text(kw, label_en.get(kw)))
        if not top:
            ax.text(0.5, 0.5, "no keyword found", ha="center", va="center", transform=ax.transAxes)
        ax.set_xlabel("report year")
        ax.set_ylabel("mentions per 10,000 characters (mean over reports)")
        ax.xaxis.get_major_locator().set_params(integer=True)
        ax.grid(alpha=0.25)
        if top:
            ax.legend(fontsize=8, ncols=2, frameon=False)
        if n_reports is None:
            n_reports = len({r.get("doc_id") for r in rows})
        ax.set_title(f"Policy keyword intensity over the years ({n_reports} reports)", fontsize=12)
    return fig
