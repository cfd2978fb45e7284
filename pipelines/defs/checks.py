"""Asset checks on ``warehouse_tables``, run against this run's build file before it is published.

| check                  | severity | blocking | what fails it                                            |
|------------------------|----------|----------|----------------------------------------------------------|
| unique_ids             | ERROR    | yes      | a duplicated id, or a row whose document is gone          |
| offsets_round_trip     | ERROR    | yes      | ``clean_text[char_start:char_end]`` ≠ the row's text       |
| metric_units_allowed   | ERROR    | no       | a metric unit outside the allowed set                    |
| no_page_furniture      | WARN     | no       | a web-page furniture phrase left in ``clean_text``        |
| documents_with_metrics | WARN     | no       | a document with zero metric mentions                     |

A blocking check that fails stops the run before ``published_warehouse``: the analysts' file stays
as it was, and the failed build stays in ``warehouse/.build/`` for inspection until the next run.
A run that found nothing to do has no build: its checks pass and say so (the published file passed
them when it was built). The queries are in ``pipelines/warehouse/checks.py``.
"""

import dagster as dg

from pipelines.defs.resources import GovReportResource
from pipelines.warehouse.checks import (Markdown, check_documents_have_metrics, check_furniture, check_offsets,
                                        check_unique_ids, check_units)

TARGET = dg.AssetKey("warehouse_tables")


def _metadata(meta: dict) -> dict:
    return {k: dg.MetadataValue.md(v) if isinstance(v, Markdown) else v for k, v in meta.items()}


def _make_check(fn, name: str, description: str, severity: dg.AssetCheckSeverity, blocking: bool):
    @dg.asset_check(asset=TARGET, name=name, description=description, blocking=blocking)
    def _check(context: dg.AssetCheckExecutionContext, govreport: GovReportResource) -> dg.AssetCheckResult:
        store = govreport.store()
        run_id = context.run.run_id
        if not store.has_build(run_id):
            return dg.AssetCheckResult(passed=True, metadata={
                "checked": "nothing: this run changed nothing (the published warehouse passed when it was built)"})
        with store.build(run_id) as build:
            passed, meta = fn(build.con)
        if not passed:
            context.log.warning(f"Check {name} failed: {({k: v for k, v in meta.items() if isinstance(v, int)})}"
                                + (" — the warehouse will not be published." if blocking else ""))
        return dg.AssetCheckResult(passed=passed, severity=severity, metadata=_metadata(meta))

    return _check


E, W = dg.AssetCheckSeverity.ERROR, dg.AssetCheckSeverity.WARN
asset_checks = [
    _make_check(check_unique_ids, "unique_ids",
                "Every id is unique and not null; no row belongs to a document that is gone.", E, True),
    _make_check(check_offsets, "offsets_round_trip",
                "clean_text[char_start:char_end] is exactly each section heading, paragraph, sentence "
                "and metric value_text of the documents this run loaded.", E, True),
    _make_check(check_units, "metric_units_allowed",
                "Every metric unit is a base unit of the allowed set (check_rules/allowed_units.csv "
                "and the extractor's unit table), or a compound over allowed denominators like "
                "元/平方公里 or 元/人·月.", E, False),
    _make_check(check_furniture, "no_page_furniture",
                "No web-page furniture phrase (打印本页, 上一篇：, 责任编辑：…) is left in the clean "
                "text of the documents this run loaded.", W, False),
    _make_check(check_documents_have_metrics, "documents_with_metrics",
                "Flags documents this run loaded that have no metric mention at all (a truncated "
                "file, or an extraction miss).", W, False),
]
