-- grain: one row per target (region, year, indicator_code, measure, as in targets), joined with the
-- actual figure for that year that a later report of the same region states (indicator_series;
-- usually the next year's report). actual_value is null when no later report states it.
-- reads: targets, indicator_series, stg_indicator_polarity
--
-- Comparisons use signed values (a 下降/降低 change counts as negative), so a target "能耗降低3%以上"
-- (value 3, '>=', down) reads as "change <= -3". met (null when the actual or units are missing):
--   '>=', '>', '<=', '<'  the inequality as stated (以上, 超过, 以内, 低于);
--   'range' [lo, hi]      higher-is-better: actual >= lo (overshooting a growth range is no miss);
--                         lower-is-better: actual <= hi; band: lo <= actual <= hi;
--   '~' (左右, 约)        the actual is no worse than the target by more than approx_tolerance
--                         (relative, default 5%): higher: actual >= t - tol*|t|; lower (a ceiling:
--                         CPI 涨幅3%左右): actual <= t + tol*|t|; band: |actual - t| <= tol*|t|;
--   '=' (a bare number)   a threshold on the better side: higher: actual >= t; lower: actual <= t;
--                         band: within the tolerance.
-- Which side is better comes from seeds/indicator_polarity.csv (default 'higher', tolerance 0.05).
-- The actual's own qualifier is not used: "降幅超过3%" counts as a fall of 3 (actual_qualifier shows it).
-- gap = actual - target (signed; for a range, actual - its low end), in the target's unit.
-- target_lo, target_hi, actual_signed: the signed values compared (target_lo = target_hi unless a
-- range), for charts and for analysts who check a verdict.
with targets_in as (select * from targets),
actuals as (select * from indicator_series),
polarity as (select * from stg_indicator_polarity),

paired as (
    select
        t.*,
        a.value as actual_value,
        a.value_high as actual_value_high,
        a.unit as actual_unit,
        a.qualifier as actual_qualifier,
        a.direction as actual_direction,
        a.signed_value as actual_signed,
        a.doc_id as actual_source_doc_id,
        a.source_year as actual_source_year,
        a.sentence as actual_sentence,
        a.n_agreeing as actual_n_agreeing,
        coalesce(p.better, 'higher') as better,
        coalesce(p.approx_tolerance, 0.05) as approx_tolerance,
        -- the sign extraction gave the target (signed_value, pipelines/extract/timescope.py)
        case when t.signed_value < 0 and t.value > 0 then -1 else 1 end as target_sign
    from targets_in t
    left join actuals a
      on a.region is not distinct from t.region
     and a.indicator_code = t.indicator_code
     and a.measure = t.measure
     and a.reference_year = t.year
     and a.source_plan_year > t.year
    left join polarity p on p.indicator_code = t.indicator_code
),

signed as (
    select
        *,
        least(target_sign * value, target_sign * coalesce(value_high, value)) as target_lo,
        greatest(target_sign * value, target_sign * coalesce(value_high, value)) as target_hi,
        -- a qualifier on a fall's magnitude turns around on the signed scale
        case when target_sign = -1 then
            case qualifier when '>=' then '<=' when '>' then '<' when '<=' then '>=' when '<' then '>'
                           else qualifier end
        else qualifier end as signed_qualifier,
        (actual_unit is not distinct from unit) as same_unit
    from paired
),

judged as (
    select
        *,
        case
            when actual_signed is null or target_lo is null or not same_unit then null
            when signed_qualifier = '>=' then actual_signed >= target_lo
            when signed_qualifier = '>' then actual_signed > target_lo
            when signed_qualifier = '<=' then actual_signed <= target_hi
            when signed_qualifier = '<' then actual_signed < target_hi
            when signed_qualifier = 'range' then
                case better when 'lower' then actual_signed <= target_hi
                            when 'band' then actual_signed between target_lo and target_hi
                            else actual_signed >= target_lo end
            when signed_qualifier = '~' then
                case better when 'lower' then actual_signed <= target_hi + approx_tolerance * abs(target_hi)
                            when 'band' then abs(actual_signed - target_lo) <= approx_tolerance * abs(target_lo)
                            else actual_signed >= target_lo - approx_tolerance * abs(target_lo) end
            else
                case better when 'lower' then actual_signed <= target_hi
                            when 'band' then abs(actual_signed - target_lo) <= approx_tolerance * abs(target_lo)
                            else actual_signed >= target_lo end
        end as met
    from signed
),

final as (
    select
        region,
        province,
        admin_level,
        indicator_code,
        measure,
        year,
        value as target_value,
        value_high as target_value_high,
        qualifier as target_qualifier,
        direction as target_direction,
        target_strength,
        stretch_value,
        unit,
        actual_value,
        actual_direction,
        actual_qualifier,
        actual_source_doc_id,
        actual_source_year,
        met,
        case when same_unit then round(actual_signed - target_lo, 6) end as gap,
        better,
        target_lo,
        target_hi,
        actual_signed,
        sentence as target_sentence,
        actual_sentence,
        doc_id as target_doc_id,
        actual_n_agreeing
    from judged
)

select * from final
