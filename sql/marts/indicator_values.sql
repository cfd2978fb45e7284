-- grain: one row per metric mention, with its document's context and its sentence's text
-- reads: stg_metrics, stg_sentences, stg_documents
-- adds: signed_value (a change carries the sign of its direction: 下降3.8% → -3.8; a level keeps
-- its value: 失业率降到5.2% → 5.2), period_kind
-- ('year' for a full-year or unqualified figure, 'part_year' for 上半年/一季度/1—11月 …,
-- 'multi_year' for 年均/十四五时期/过去五年 … and for a change against a named earlier year, e.g.
-- 比2007年增长65.8% in a 2013 report: base_year 2007), is_stretch_marked (the value's own clause opens
-- with 力争/争取: a stretch target), source_year (= year, the report's year)
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
        s.part,
        s.is_target_statement,
        s.ordinal as sentence_ordinal,
        s.sentence_text,
        -- the sentence up to the value, for cues that precede it in the same clause
        substr(s.sentence_text, 1, greatest(m.char_start - s.char_start, 0)) as lead_in
    from metrics m
    join documents d using (doc_id)
    left join sentences s using (sentence_id)
),

with_base as (
    select
        *,
        -- a change measured against a named year in its own clause: 比2007年增长65.8%, 与1996年相比，增长68.9%
        case when measure in ('growth', 'pp_change', 'multiple') then
            cast(nullif(regexp_extract(lead_in, '(?:比|较|与)((?:19|20)\d{2})年(?:相比，)?[^，；。]*$', 1), '')
                 as integer)
        end as base_year
    from joined
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
        case when direction = 'down' and measure in ('growth', 'pp_change') then -value else value end
            as signed_value,
        case
            when base_year is not null and reference_year is not null and base_year < reference_year - 1
                then 'multi_year'
            when period is null or period = '全年' then 'year'
            when period like '%季度' or period like '%半年' or period like '%月' then 'part_year'
            else 'multi_year'
        end as period_kind,
        base_year,
        coalesce(regexp_matches(lead_in, '(力争|争取)[^，；：。]*$'), false) as is_stretch_marked,
        coalesce(is_target_statement, false) as is_target_statement,
        sentence_ordinal,
        char_start,
        char_end,
        year as source_year
    from with_base
)

select * from final
