-- grain: one row per document
-- reads: stg_documents, stg_sections, stg_sentences, stg_metrics
with documents as (select * from stg_documents),
sections as (select * from stg_sections),
sentences as (select * from stg_sentences),
metrics as (select * from stg_metrics),

section_counts as (
    select doc_id, count(*) as n_sections from sections group by doc_id
),
sentence_counts as (
    select doc_id, count(*) as n_sentences from sentences group by doc_id
),
metric_counts as (
    select
        doc_id,
        count(*) as n_metrics,
        count(*) filter (where statement = 'target') as n_targets
    from metrics
    group by doc_id
),

final as (
    select
        d.doc_id,
        d.region,
        d.province,
        d.admin_level,
        d.year,
        d.report_date,
        d.title,
        d.source_path,
        d.is_complete,
        d.completeness_note,
        d.char_count,
        coalesce(sc.n_sections, 0) as n_sections,
        coalesce(tc.n_sentences, 0) as n_sentences,
        coalesce(mc.n_metrics, 0) as n_metrics,
        coalesce(mc.n_targets, 0) as n_targets
    from documents d
    left join section_counts sc using (doc_id)
    left join sentence_counts tc using (doc_id)
    left join metric_counts mc using (doc_id)
)

select * from final
