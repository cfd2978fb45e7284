-- grain: one row per document
-- reads: stg_documents, stg_document_sources, stg_sections, stg_paragraphs, stg_sentences,
-- stg_metrics
-- metadata, completeness, and counts: sections, paragraphs, sentences (and target-statement
-- sentences), metric mentions (and the target / actual / estimate ones, and those coded to an
-- indicator), the raw files the document came from
with documents as (select * from stg_documents),
sources as (select * from stg_document_sources),
sections as (select * from stg_sections),
paragraphs as (select * from stg_paragraphs),
sentences as (select * from stg_sentences),
metrics as (select * from stg_metrics),

source_counts as (
    select doc_id, count(*) as n_sources from sources group by doc_id
),
section_counts as (
    select doc_id, count(*) as n_sections from sections group by doc_id
),
paragraph_counts as (
    select doc_id, count(*) as n_paragraphs from paragraphs group by doc_id
),
sentence_counts as (
    select
        doc_id,
        count(*) as n_sentences,
        count(*) filter (where is_target_statement) as n_target_sentences,
        list(distinct part order by part) filter (where part is not null) as parts
    from sentences
    group by doc_id
),
metric_counts as (
    select
        doc_id,
        count(*) as n_metrics,
        count(*) filter (where statement = 'target') as n_targets,
        count(*) filter (where statement = 'actual') as n_actuals,
        count(*) filter (where statement = 'estimate') as n_estimates,
        count(*) filter (where indicator_code is not null) as n_coded_metrics
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
        coalesce(mc.n_targets, 0) as n_targets,
        coalesce(pc.n_paragraphs, 0) as n_paragraphs,
        coalesce(tc.n_target_sentences, 0) as n_target_sentences,
        coalesce(mc.n_actuals, 0) as n_actuals,
        coalesce(mc.n_estimates, 0) as n_estimates,
        coalesce(mc.n_coded_metrics, 0) as n_coded_metrics,
        tc.parts,
        coalesce(src.n_sources, 0) as n_sources,
        d.meeting,
        d.speaker,
        d.speaker_title,
        d.region_code,
        d.source_format,
        d.pipeline_version,
        d.ingested_at
    from documents d
    left join source_counts src using (doc_id)
    left join section_counts sc using (doc_id)
    left join paragraph_counts pc using (doc_id)
    left join sentence_counts tc using (doc_id)
    left join metric_counts mc using (doc_id)
)

select * from final
