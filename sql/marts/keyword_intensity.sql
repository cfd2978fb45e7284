-- grain: one row per document and keyword (zero counts included, so averages over years are right)
-- reads: stg_documents, stg_document_texts, stg_keywords
-- materialized: table (counting 40 terms in 50M characters takes seconds; analysts query it often)
-- count: non-overlapping occurrences of the keyword in the cleaned text; per_10k_chars: count per
-- 10,000 characters of the report. Keywords come from seeds/keywords.csv: add a row there to count
-- a new term (no code change; the next run rebuilds the views).
with documents as (select * from stg_documents),
texts as (select * from stg_document_texts),
terms as (select * from stg_keywords),

counted as (
    select
        t.doc_id,
        k.keyword,
        k.category,
        k.label_en,
        t.char_count,
        -- pieces between literal matches, minus one (twice as fast as the length-of-replace idiom)
        len(string_split(t.clean_text, k.keyword)) - 1 as n_occurrences
    from texts t
    cross join terms k
),

final as (
    select
        c.doc_id,
        d.region,
        d.province,
        d.admin_level,
        d.year,
        c.keyword,
        c.category,
        c.label_en,
        c.n_occurrences as "count",
        case when c.char_count > 0 then round(c.n_occurrences * 10000.0 / c.char_count, 4) end
            as per_10k_chars,
        c.char_count
    from counted c
    join documents d using (doc_id)
)

select * from final
