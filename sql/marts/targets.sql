-- grain: one row per region, year, indicator_code, measure: the annual target a report set for
-- the year it plans (year = the report's plan_year, the next year for a report delivered
-- October–December; reference_year = plan_year; multi-year goals such as 到2025年/年均 are left out)
-- reads: indicator_values, stg_indicator_polarity
-- the target is the first mention in the target statement (主要预期目标 …), else the first in the
-- report; the stretch value is another mention of the same key in the same sentence whose clause
-- opens with 力争/争取 and whose value is more ambitious, on the indicator's better side (e.g.
-- 增长7.5%左右，力争8% → value 7.5, stretch 8)
with mentions as (
    select *
    from indicator_values
    where statement = 'target'
      and indicator_code is not null
      and measure is not null
      and reference_year = plan_year
      and period_kind = 'year'
),

ranked as (
    select
        *,
        row_number() over (
            partition by region, plan_year, indicator_code, measure
            order by is_stretch_marked, is_target_statement desc, sentence_ordinal, char_start, doc_id
        ) as pick,
        count(*) over (partition by region, plan_year, indicator_code, measure) as n_mentions
    from mentions
),

primary_target as (select * from ranked where pick = 1),

polarity as (select * from stg_indicator_polarity),

stretch as (
    select
        r.region, r.plan_year, r.indicator_code, r.measure,
        r.value as stretch_value,
        r.value_high as stretch_value_high,
        r.qualifier as stretch_qualifier,
        r.sentence as stretch_sentence,
        row_number() over (partition by r.region, r.plan_year, r.indicator_code, r.measure
                           order by r.sentence_ordinal, r.char_start, r.doc_id) as pick_stretch
    from ranked r
    join primary_target p
      on r.region is not distinct from p.region
     and r.plan_year = p.plan_year
     and r.indicator_code = p.indicator_code
     and r.measure = p.measure
    left join polarity pol on pol.indicator_code = r.indicator_code
    where r.pick > 1
      and r.is_stretch_marked
      and r.sentence_id = p.sentence_id
      and r.unit is not distinct from p.unit
      and case coalesce(pol.better, 'higher')
              when 'higher' then r.signed_value > p.signed_value
              when 'lower' then r.signed_value < p.signed_value
              else r.signed_value <> p.signed_value
          end
),

final as (
    select
        p.region,
        p.province,
        p.admin_level,
        p.plan_year as year,
        p.indicator_code,
        p.measure,
        p.indicator,
        p.value,
        p.value_high,
        p.signed_value,
        p.unit,
        p.qualifier,
        p.direction,
        p.target_strength,
        s.stretch_value,
        s.stretch_value_high,
        s.stretch_qualifier,
        p.sentence,
        s.stretch_sentence,
        p.doc_id,
        p.metric_id,
        p.is_target_statement,
        p.n_mentions,
        p.source_year
    from primary_target p
    left join stretch s
      on s.pick_stretch = 1
     and s.region is not distinct from p.region
     and s.plan_year = p.plan_year
     and s.indicator_code = p.indicator_code
     and s.measure = p.measure
)

select * from final
