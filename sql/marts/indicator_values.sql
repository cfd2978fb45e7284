-- grain: one row per metric mention, with its document's context and its sentence's text
-- reads: stg_metrics, stg_sentences, stg_documents
-- the metric's own meaning columns come from extraction (pipelines/extract/timescope.py), not from
-- SQL: signed_value (a change carries the sign of its direction: 下降3.8% → -3.8; a level keeps its
-- value: 失业率降到5.2% → 5.2), period_kind ('year' for a full-year or unqualified figure,
-- 'part_year' for 上半年/一季度/1—11月 …, 'multi_year' for 年均/十四五时期/过去五年 … and for a change
-- against a named earlier year, e.g. 比2007年增长65.8% in a 2013 report: base_year 2007),
-- is_stretch_marked (the value's own clause opens with 力争/争取: a stretch target);
-- source_year (= year, the year the report was delivered); plan_year (the year its targets are
-- for: the next year for a report delivered October–December)
with metrics as (select * from stg_metrics),
sentences as (select * from stg_sentences),
documents as (select * from stg_documents),

joined as (
    select
        m.*,
        d.region,
        d.province,
        d.admin_level,
        d.year,
        coalesce(d.plan_year, d.year) as plan_year,
        s.part,
        s.is_target_statement,
        s.ordinal as sentence_ordinal,
        s.sentence_text
    from metrics m
    join documents d using (doc_id)
    left join sentences s using (sentence_id)
),

final as (
    select
        doc_id,
        region,
        province,
        admin_level,
        year,
        part,
        statement,
        indicator,
        indicator_code,
        measure,
        direction,
        value,
        value_high,
        unit,
        qualifier,
        target_strength,
        period,
        reference_year,
        value_text,
        sentence_text as sentence,
        metric_id,
        sentence_id,
        signed_value,
        period_kind,
        base_year,
        is_stretch_marked,
        coalesce(is_target_statement, false) as is_target_statement,
        sentence_ordinal,
        char_start,
        char_end,
        year as source_year,
        plan_year
    from joined
)

select * from final
