-- grain: one row per policy keyword
-- reads: keywords (seed table, from seeds/keywords.csv; add a row there to count a new term)
select
    trim(keyword) as keyword,
    nullif(trim(category), '') as category,
    nullif(trim(label_en), '') as label_en
from keywords
where nullif(trim(keyword), '') is not null
