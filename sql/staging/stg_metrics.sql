-- grain: one row per metric mention
-- reads: metrics (loaded table); value is already in the base unit (magnitudes folded in),
-- value_text keeps the quantity as written beside it
select
    doc_id,
    metric_id,
    sentence_id,
    indicator,
    indicator_code,
    measure,
    direction,
    value_text,
    cast(value as double) as value,
    cast(value_high as double) as value_high,
    unit,
    qualifier,
    target_strength,
    statement,
    period,
    cast(reference_year as integer) as reference_year,
    period_kind,
    cast(base_year as integer) as base_year,
    coalesce(is_stretch_marked, false) as is_stretch_marked,
    cast(signed_value as double) as signed_value,
    char_start,
    char_end
from metrics
