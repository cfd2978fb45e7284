-- grain: one row per region, indicator_code, measure, reference_year: the actual figure for that
-- year (single-year figures only)
-- reads: indicator_values
-- choice among the mentions of one key, in order: the indicator's usual unit (the most frequent
-- for its code and measure) over another; a full-year figure over a part-year one; an actual over
-- an estimate (预计); a figure from a later report over one from the same year's report; the
-- earliest such report (the next year's, as it first stated the figure); an exact figure
-- (qualifier '=') over an approximate one; for a level, the more precise (more digits as written:
-- 30145.79亿元 over 3万亿元); then document order. Multi-year figures (年均, 十四五时期, a change
-- against a named earlier year such as 比2007年增长65.8%) are left out.
-- n_mentions: every mention of the key; n_agreeing: those stating the chosen value (same unit);
-- n_documents: the reports stating the chosen value
with mentions as (
    select *
    from indicator_values
    where statement in ('actual', 'estimate')
      and indicator_code is not null
      and measure is not null
      and reference_year is not null
      and period_kind <> 'multi_year'
),

usual_units as (
    select indicator_code, measure, mode(unit) as usual_unit
    from mentions
    group by indicator_code, measure
),

ranked as (
    select
        m.*,
        row_number() over (
            partition by region, indicator_code, measure, reference_year
            order by
                (unit is not distinct from usual_unit) desc,
                (period_kind = 'year') desc,
                (statement = 'actual') desc,
                (plan_year > reference_year) desc,
                plan_year,
                (qualifier = '=') desc,
                case when measure = 'level' then length(regexp_replace(value_text, '[^0-9]', '', 'g')) end
                    desc nulls last,
                sentence_ordinal,
                char_start,
                doc_id
        ) as pick
    from mentions m
    join usual_units u using (indicator_code, measure)
),

chosen as (select * from ranked where pick = 1),

agreement as (
    select
        c.metric_id,
        count(*) as n_mentions,
        count(*) filter (where m.unit is not distinct from c.unit
                           and abs(m.signed_value - c.signed_value) <= 1e-9 * greatest(abs(c.value), 1)
                           and m.value_high is not distinct from c.value_high) as n_agreeing,
        count(distinct m.doc_id) filter (where m.unit is not distinct from c.unit
                           and abs(m.signed_value - c.signed_value) <= 1e-9 * greatest(abs(c.value), 1)
                           and m.value_high is not distinct from c.value_high) as n_documents
    from chosen c
    join mentions m
      on m.region is not distinct from c.region
     and m.indicator_code = c.indicator_code
     and m.measure = c.measure
     and m.reference_year = c.reference_year
    group by c.metric_id
),

final as (
    select
        c.region,
        c.province,
        c.admin_level,
        c.indicator_code,
        c.measure,
        c.reference_year,
        c.indicator,
        c.value,
        c.value_high,
        c.signed_value,
        c.unit,
        c.qualifier,
        c.direction,
        c.statement,
        c.period,
        c.doc_id,
        c.source_year,
        c.plan_year as source_plan_year,
        c.sentence,
        c.metric_id,
        a.n_mentions,
        a.n_agreeing,
        a.n_documents
    from chosen c
    join agreement a using (metric_id)
)

select * from final
