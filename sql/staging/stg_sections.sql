-- grain: one row per section (a heading and everything under it)
-- reads: sections (loaded table)
select
    doc_id,
    section_id,
    parent_section_id,
    cast(level as integer) as level,
    cast(ordinal as integer) as ordinal,
    heading,
    part,
    char_start,
    char_end,
    content_end
from sections
