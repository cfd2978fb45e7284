-- grain: one row per document
-- reads: documents (loaded table); only the cleaned text, for views that search it (keyword_intensity)
select
    doc_id,
    clean_text,
    cast(char_count as integer) as char_count
from documents
