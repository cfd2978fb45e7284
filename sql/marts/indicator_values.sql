-- grain: one row per metric mention, with its document's context and its sentence's text
-- reads: stg_metrics, stg_sentences, stg_documents
with metrics as (select * from stg_metrics),
sentences as (select * from stg_sentences),
documents as (select * from stg_documents),

final as (
    select
        m.doc_id,
        d.region,
        d.province,
        d.admin_level,
        d.year,
        s.part,
        m.statement,
        m.indicator,
        m.indicator_code,
        m.measure,
        m.direction,
        m.value,
        m.value_high,
        m.unit,
        m.qualifier,
        m.target_strength,
        m.period,
        m.reference_year,
        m.value_text,
        s.sentence_text as sentence,
        m.metric_id,
        m.sentence_id
    from metrics m
    join documents d using (doc_id)
    left join sentences s using (sentence_id)
)

select * from final
