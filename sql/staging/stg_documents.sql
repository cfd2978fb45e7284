-- grain: one row per document
-- reads: documents (loaded table); drops clean_text, which analysts read from documents directly
select
    doc_id,
    source_path,
    title,
    region,
    province,
    admin_level,
    region_code,
    cast(year as integer) as year,
    report_date,
    cast(plan_year as integer) as plan_year,
    meeting,
    speaker,
    speaker_title,
    source_url,
    encoding,
    source_format,
    is_complete,
    completeness_note,
    replaced_bytes,
    decode_note,
    cast(char_count as integer) as char_count,
    pipeline_version,
    ingested_at
from documents
