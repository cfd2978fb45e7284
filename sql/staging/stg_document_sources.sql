-- grain: one row per raw file that produced a document (a report saved under two names has two)
-- reads: document_sources (loaded table)
select
    doc_id,
    source_path,
    sha256
from document_sources
