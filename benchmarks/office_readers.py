"""PDF and Word readers compared on Chinese text: fidelity against the report's own text, and time.

    python benchmarks/office_readers.py REPORT.pdf REPORT.docx REPORT.txt

REPORT.txt is the report's text (one paragraph a line); the PDF and DOCX carry the same text (e.g.
``tests/fixtures/ingest/office/`` made by its ``make_office_fixtures.py``, or a whole report laid out
the same way). Candidates not installed are skipped: pypdf, pdfminer.six, pdfplumber, pypdfium2 for
PDF; python-docx, docx2python for Word. *recall* = share of the reference's Chinese characters,
digits and punctuation found in order in the extracted text; *precision* = share of the extracted
ones that are the reference's (the running header and page numbers lower it); time = median of 3.
The last line is the pipeline's own reader (``pipelines.ingest.office``: pypdfium2 plus paragraph
rebuilding and furniture removal).
"""
from __future__ import annotations

import difflib
import re
import statistics
import sys
import time
from pathlib import Path

KEEP = re.compile(r"[\u4e00-\u9fff0-9%.，。、；：“”（）]")


def _pypdf(p):
    import pypdf
    return "\n".join(pg.extract_text() for pg in pypdf.PdfReader(p).pages)


def _pdfminer(p):
    from pdfminer.high_level import extract_text
    return extract_text(str(p))


def _pdfplumber(p):
    import pdfplumber
    with pdfplumber.open(p) as d:
        return "\n".join(pg.extract_text() or "" for pg in d.pages)


def _pypdfium2(p):
    import pypdfium2 as pdfium
    return "\n".join(pg.get_textpage().get_text_bounded() for pg in pdfium.PdfDocument(p))


def _python_docx(p):
    import docx
    return "\n".join(x.text for x in docx.Document(p).paragraphs)


def _docx2python(p):
    from docx2python import docx2python
    with docx2python(p) as r:
        return r.text


def _ours_pdf(p):
    from pipelines.ingest.office import pdf_lines
    return "\n".join(t for t, _ in pdf_lines(Path(p).read_bytes()))


def _ours_docx(p):
    from pipelines.ingest.office import docx_lines
    return "\n".join(t for t, _ in docx_lines(Path(p).read_bytes()))


def main(pdf: str, docx_path: str, ref_path: str) -> None:
    ref = "".join(KEEP.findall(Path(ref_path).read_text(encoding="utf-8")))
    print(f"{'reader':<28}{'ms':>8}{'recall':>9}{'precision':>11}")
    for name, fn, path in [("pypdf", _pypdf, pdf), ("pdfminer.six", _pdfminer, pdf), ("pdfplumber", _pdfplumber, pdf),
                           ("pypdfium2", _pypdfium2, pdf), ("python-docx", _python_docx, docx_path),
                           ("docx2python", _docx2python, docx_path), ("pipeline (pdf)", _ours_pdf, pdf),
                           ("pipeline (docx)", _ours_docx, docx_path)]:
        try:
            fn(path)
        except ImportError:
            print(f"{name:<28}not installed")
            continue
        times = []
        for _ in range(3):
            t = time.perf_counter()
            text = fn(path)
            times.append(time.perf_counter() - t)
        got = "".join(KEEP.findall(text))
        sm = difflib.SequenceMatcher(None, ref, got, autojunk=False)
        matched = sum(b.size for b in sm.get_matching_blocks())
        print(f"{name:<28}{statistics.median(times) * 1000:>8.0f}{matched / len(ref):>9.4f}{matched / max(len(got), 1):>11.4f}")


if __name__ == "__main__":
    main(*sys.argv[1:4])
