"""Charts asset: PNGs of targets vs. actuals and keyword intensity, beside the published warehouse."""

import base64
import json
import re

import dagster as dg

from pipelines.charts import find_cjk_font, keyword_intensity_figure, png_bytes, targets_vs_actuals_figure
from pipelines.defs.resources import GovReportResource
from pipelines.warehouse.chart_data import read_chart_data
from pipelines.warehouse.store import connect

CHARTS_DIRNAME = "charts"
STAMP = ".source.json"
_UNSAFE = re.compile(r'[\\/:*?"<>|\s]+')


class ChartsConfig(dg.Config):
    max_regions: int = 12
    """Targets-vs-actuals charts for at most this many regions (those with the most judged targets)."""
    max_keywords: int = 8
    """Keywords drawn in the keyword chart (the most used ones)."""
    embed: int = 3
    """Charts shown inline in the materialization metadata (the rest are listed by path)."""
    force: bool = False
    """Redraw even when the published warehouse has not changed since the last drawing."""


def _slug(text: str) -> str:
    return _UNSAFE.sub("_", text).strip("_") or "unknown"


def _embed(title: str, png: bytes) -> str:
    return f"**{title}**\n\n![{title}](data:image/png;base64,{base64.b64encode(png).decode()})\n"


@dg.asset(group_name="charts", kinds={"python", "matplotlib"}, deps=["published_warehouse"])
def charts(context: dg.AssetExecutionContext, config: ChartsConfig,
           govreport: GovReportResource) -> dg.MaterializeResult:
    """Pictures of the published warehouse, written under `charts/` beside it and shown here:
    targets vs. actuals per region (one panel per indicator and measure: the target as a dash or a
    range bar, the actual the next report states as a dot, green met / red missed), and keyword
    intensity over the years (mentions per 10,000 characters, mean over the reports of each year)."""
    published = govreport.store().published
    if not published.exists():
        context.log.info(f"No warehouse at {published}: nothing to draw.")
        return dg.MaterializeResult(metadata={"charts": 0})
    out = published.parent / CHARTS_DIRNAME
    stat = published.stat()
    source = {"warehouse": published.name, "mtime_ns": stat.st_mtime_ns, "size": stat.st_size,
              "config": config.model_dump()}
    stamp = out / STAMP
    if not config.force and stamp.exists() and json.loads(stamp.read_text()) == source:
        context.log.info(f"Charts in {out} are up to date with {published.name}.")
        return dg.MaterializeResult(metadata={"charts_dir": dg.MetadataValue.path(str(out)), "redrawn": False})

    font = find_cjk_font()
    if font is None:
        context.log.warning("No font with Chinese glyphs found: charts use ASCII labels (label_en, "
                            "region codes). Install one (e.g. Debian fonts-wqy-microhei or fonts-noto-cjk) "
                            "or set GOVREPORT_CJK_FONT to a font file.")
    with connect(published, read_only=True) as con:
        data = read_chart_data(con, config.max_regions)

    out.mkdir(parents=True, exist_ok=True)
    written: list[tuple[str, bytes]] = []
    png = png_bytes(keyword_intensity_figure(data.keyword_rows, font=font, max_keywords=config.max_keywords,
                                             n_reports=data.n_reports))
    (out / "keyword_intensity.png").write_bytes(png)
    written.append(("keyword_intensity.png", png))
    for r in data.regions:
        name = f"targets_vs_actuals_{_slug(r['region'])}.png"
        png = png_bytes(targets_vs_actuals_figure(data.per_region[r["region"]], r["region"],
                                                  region_code=r["region_code"], font=font))
        (out / name).write_bytes(png)
        written.append((name, png))
    keep = {name for name, _ in written}
    for old in out.glob("targets_vs_actuals_*.png"):  # regions no longer charted
        if old.name not in keep:
            old.unlink()
    stamp.write_text(json.dumps(source))

    shown = "\n".join(_embed(name, png) for name, png in written[:1 + config.embed])
    listing = "\n".join(f"- `{name}` ({len(png) // 1024} KiB)" for name, png in written)
    context.log.info(f"Drew {len(written)} charts in {out} (font: {font or 'none, ASCII labels'}).")
    return dg.MaterializeResult(metadata={
        "charts_dir": dg.MetadataValue.path(str(out)),
        "charts": len(written),
        "font": font or "none (ASCII labels)",
        "files": dg.MetadataValue.md(listing),
        "preview": dg.MetadataValue.md(shown),
        "redrawn": True,
    })
