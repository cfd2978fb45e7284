-- grain: one row per raw file the ingest stage rejected, with the reason
-- reads: rejected_documents (loaded table)
select
    source_path,
    sha256,
    reason,
    detected_at
from rejected_documents
