-- grain: one row per sentence
-- reads: sentences (loaded table)
select
    doc_id,
    sentence_id,
    paragraph_id,
    section_id,
    cast(ordinal as integer) as ordinal,
    part,
    coalesce(is_target_statement, false) as is_target_statement,
    text as sentence_text,
    char_start,
    char_end
from sentences
