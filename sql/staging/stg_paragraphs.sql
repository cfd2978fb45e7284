-- grain: one row per paragraph
-- reads: paragraphs (loaded table)
select
    doc_id,
    paragraph_id,
    section_id,
    cast(ordinal as integer) as ordinal,
    part,
    text as paragraph_text,
    char_start,
    char_end
from paragraphs
