"""PDF (its text layer) and Word ``.docx`` → the report's lines, with heading hints like Markdown's.

PDF, through PDFium (``pypdfium2``): every character with its box, size, font and weight, page by
page. From those:

1. **Page furniture**: a line in the top or bottom band of a page (``MARGIN_BAND`` of its height)
   that is a page number (``— 3 —``, ``- 3 -``, ``第3页``, ``3/12``, ``3``) or whose text recurs in that
   band on other pages (a running header or footer: ``重庆市渝中区人民政府``) is dropped.
2. **Paragraphs from wrapped lines**: the body's left edge and right edge are the most common line
   starts and ends. A line continues the paragraph before it unless the previous line stopped short
   of the right edge, this line is indented or centred, or its size/font/weight differs (a heading);
   across a page break too. Chinese lines join without a space (PDFium's generated spaces between
   Chinese and digits — ``2024 年`` — are dropped); two Latin words keep one.
3. **Heading hints**: a paragraph set larger than the body, in bold (weight ≥ 600 or stroked
   "fake bold"), or in another font than the body's (Chinese official documents set ``一、`` in 黑体
   and ``（一）`` in 楷体 beside 仿宋 body text), and short, gets level 0 — the depth comes from its
   numbering, as for a bold Markdown line; a paragraph that *opens* with such a span and goes on in
   body type gets a run-in hint covering the span.

Word ``.docx``, through python-docx: body paragraphs and table cells in document order (headers,
footers and their page numbers are not body text, so they never come in); ``Heading N``/``标题 N``
styles or an outline level → level N, ``Title`` → 0, a paragraph all in bold → 0, a bold lead
followed by plain text → run-in.

What cannot be read gets a reason that says what to do: ``OfficeUnreadable``.
"""
from __future__ import annotations

import ctypes
import io
import re
import zipfile
from collections import Counter
from dataclasses import dataclass

from pipelines.ingest.markdown import RunIn

MARGIN_BAND = 0.09
MIN_TEXT_CJK_PER_PAGE = 5
HEADING_MAX_CHARS = 60
# Chinese line breaking (no line may start with ，。、 …) leaves a full line up to ~2 characters short
WRAP_SLACK_EM = 3.0
PAGE_NUMBER = re.compile(
    r"^[\s\-—–－_·•]*(?:第\s*)?\d{1,4}\s*(?:页)?(?:\s*[/／]\s*\d{1,4}|\s*共\s*\d{1,4}\s*页)?[\s\-—–－_·•]*$"
)
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef“”‘’—…]")
_LATIN = re.compile(r"[A-Za-z0-9]")


class OfficeUnreadable(ValueError):
    """A PDF or Word file that has no report text we can read; the message says what to do."""


# -- PDF ----------------------------------------------------------------------------------------
@dataclass
class _Line:
    text: str
    x0: float
    x1: float
    y: float
    size: float
    font: str
    bold: bool          # most of the line is bold
    bold_prefix: int    # length of a bold/other-font span that opens the line (0 if none)
    page: int


@dataclass
class _Char:
    ch: str
    x0: float
    x1: float
    y: float
    size: float
    font: str
    bold: bool
    generated: bool


def _page_chars(textpage, raw) -> list[list[_Char]]:
    """The page's characters grouped into PDFium's lines (it puts ``\\r\\n`` between lines)."""
    n = raw.FPDFText_CountChars(textpage)
    lines: list[list[_Char]] = [[]]
    buf = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    for i in range(n):
        code = raw.FPDFText_GetUnicode(textpage, i)
        ch = chr(code) if code else ""
        if ch in ("\r", "\n"):
            if ch == "\n" or not lines[-1]:
                if lines[-1]:
                    lines.append([])
            continue
        if not ch or ch == "\ufffe":
            continue
        generated = bool(raw.FPDFText_IsGenerated(textpage, i))
        raw.FPDFText_GetCharBox(textpage, i, left, right, bottom, top)
        size = raw.FPDFText_GetFontSize(textpage, i)
        raw.FPDFText_GetFontInfo(textpage, i, buf, len(buf), flags)
        weight = raw.FPDFText_GetFontWeight(textpage, i)
        bold = weight >= 600 or bool(flags.value & (1 << 18))  # FontDescriptor ForceBold
        if not bold and not generated:
            obj = raw.FPDFText_GetTextObject(textpage, i)
            # fake bold: glyphs filled and stroked (FPDF_TEXTRENDERMODE_FILL_STROKE = 2)
            bold = bool(obj) and raw.FPDFTextObj_GetTextRenderMode(obj) == 2
        lines[-1].append(_Char(ch, left.value, right.value, (bottom.value + top.value) / 2, size,
                               buf.value.decode("latin-1", "replace"), bold, generated))
    return [line for line in lines if line]


def _line_text(chars: list[_Char]) -> str:
    out = []
    for i, c in enumerate(chars):
        if c.ch.isspace():
            prev = next((p.ch for p in reversed(chars[:i]) if not p.ch.isspace()), "")
            nxt = next((p.ch for p in chars[i + 1:] if not p.ch.isspace()), "")
            if c.generated and (_CJK.match(prev or " ") or _CJK.match(nxt or " ")):
                continue  # PDFium's space between 2024 and 年
            out.append(" ")
        else:
            out.append(c.ch)
    return " ".join("".join(out).split())


def _make_line(chars: list[_Char], page: int) -> _Line | None:
    text = _line_text(chars)
    if not text:
        return None
    real = [c for c in chars if not c.ch.isspace() and not c.generated] or chars
    sizes = Counter(round(c.size * 2) / 2 for c in real)
    fonts = Counter(c.font for c in real)
    n_bold = sum(c.bold for c in real)
    line = _Line(text, min(c.x0 for c in real), max(c.x1 for c in real),
                 sum(c.y for c in real) / len(real), sizes.most_common(1)[0][0],
                 fonts.most_common(1)[0][0], n_bold >= 0.8 * len(real), 0, page)
    return line


def _styled_prefix(chars: list[_Char], body_font: str, body_size: float) -> int:
    """Characters of a bold / other-font / larger span opening a line that then goes on in body type."""
    real = [c for c in chars if not c.ch.isspace()]

    def special(c: _Char) -> bool:
        return c.bold or (c.font != body_font) or c.size > body_size + 0.6

    k = 0
    while k < len(real) and special(real[k]):
        k += 1
    if k < 2 or k >= len(real) or not any(not special(c) for c in real[k:]):
        return 0
    return len(_line_text(real[:k]))


_UNBREAKABLE = re.compile(r"^.?[“‘（(《]?[A-Za-z0-9.%/\\-]+[”’）)》]?")


def _lead_width(chars: list[_Char]) -> float:
    """Width of a line's leading unit that line breaking keeps whole (``入“33618”``, ``GDP``): when the
    previous line stopped short by about this much, it was wrapped, not ended."""
    text = "".join(c.ch for c in chars)
    m = _UNBREAKABLE.match(text)
    if not m or not _LATIN.search(m.group()):
        return 0.0
    unit = chars[: len(m.group())]
    return unit[-1].x1 - unit[0].x0


def _mode(values: list[float], step: float) -> float:
    return Counter(round(v / step) * step for v in values).most_common(1)[0][0]


def pdf_lines(data: bytes) -> list[tuple[str, int | RunIn | None]]:
    """The report's paragraphs from a PDF's text layer, with heading hints."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise OfficeUnreadable(
                "encrypted PDF (opening it needs a password): open it with its password and save or print "
                "it as a PDF without protection, then put that copy in the raw folder"
            ) from None
        detail = str(exc).rstrip(".").replace("Failed to load document ", "")
        raise OfficeUnreadable(f"damaged PDF that cannot be opened {detail}: download it again") from None
    pages: list[tuple[float, float, list[list[_Char]]]] = []
    try:
        for page in pdf:
            textpage = page.get_textpage()
            pages.append((page.get_width(), page.get_height(), _page_chars(textpage, raw)))
            textpage.close()
            page.close()
    finally:
        pdf.close()
    if not pages:
        raise OfficeUnreadable("PDF with no pages")
    cjk = sum(len(_CJK.findall(c.ch)) for _, _, lines in pages for line in lines for c in line)
    if cjk < MIN_TEXT_CJK_PER_PAGE * len(pages):
        raise OfficeUnreadable(
            f"PDF without a text layer ({len(pages)} page{'s' if len(pages) > 1 else ''}, {cjk} characters of "
            "text: scanned images): run OCR on it (e.g. `ocrmypdf -l chi_sim in.pdf out.pdf`) or find the "
            "text version of the report, and put that in the raw folder"
        )
    return _paragraphs(pages)


def _paragraphs(pages: list[tuple[float, float, list[list[_Char]]]]) -> list[tuple[str, int | RunIn | None]]:
    # 1. lines, and the running header/footer: text recurring in the margin bands
    band_texts: Counter[str] = Counter()
    per_page: list[list[tuple[_Line, list[_Char], bool]]] = []
    for p, (_, height, char_lines) in enumerate(pages):
        items = []
        for chars in char_lines:
            line = _make_line(chars, p)
            if line is None:
                continue
            in_band = line.y > height * (1 - MARGIN_BAND) or line.y < height * MARGIN_BAND
            items.append((line, chars, in_band))
        band_texts.update({re.sub(r"\d+", "#", l.text) for l, _, b in items if b})
        per_page.append(items)
    repeated = {t for t, n in band_texts.items() if n >= 2 and len(pages) >= 2}
    body: list[tuple[_Line, list[_Char]]] = []
    for items in per_page:
        for line, chars, in_band in items:
            if in_band and (PAGE_NUMBER.match(line.text) or re.sub(r"\d+", "#", line.text) in repeated):
                continue
            body.append((line, chars))
    if not body:
        return []
    # 2. the body's type and edges
    weights = Counter()
    for line, chars in body:
        weights[(line.size, line.font)] += len(line.text)
    body_size, body_font = weights.most_common(1)[0][0]
    typical = [l for l, _ in body if l.size == body_size and len(l.text) >= 10]
    left = _mode([l.x0 for l in typical], 2.0) if typical else min(l.x0 for l, _ in body)
    right = sorted(l.x1 for l in typical)[int(len(typical) * 0.9)] if typical else max(l.x1 for l, _ in body)
    em = body_size or 10.0

    def styled(line: _Line) -> bool:
        return line.bold or line.size > body_size + 0.6 or line.font != body_font

    # 3. join wrapped lines into paragraphs
    pitches = [a.y - b.y for (a, _), (b, _) in zip(body, body[1:]) if a.page == b.page and 0 < a.y - b.y < 4 * em]
    pitch = _mode(pitches, 0.5) if pitches else 1.5 * em

    def centred(line: _Line) -> bool:
        return line.x0 > left + 0.6 * em and abs((line.x0 - left) - (right - line.x1)) < 1.5 * em

    paragraphs: list[tuple[list[_Line], list[list[_Char]]]] = []
    prev: _Line | None = None
    for line, chars in body:
        same_type = prev is not None and styled(line) == styled(prev) and abs(line.size - prev.size) <= 0.6 \
            and (not styled(line) or line.font == prev.font)
        continues = (
            same_type
            and (prev.x1 >= right - WRAP_SLACK_EM * em                # the previous line ran to the edge,
                 or prev.x1 + _lead_width(chars) >= right - 0.5 * em)  # or the next word would not fit
            and (line.x0 <= left + 0.6 * em or centred(prev)          # not a new indented paragraph,
                 or (centred(line) and len(paragraphs[-1][0]) == 1))  # but a centred block's 2nd line
            and (line.page != prev.page or prev.y - line.y <= 1.6 * max(pitch, line.size))  # no gap
        )
        if continues:
            paragraphs[-1][0].append(line)
            paragraphs[-1][1].append(chars)
        else:
            paragraphs.append(([line], [chars]))
        prev = line
    out: list[tuple[str, int | RunIn | None]] = []
    for lines, char_lines in paragraphs:
        text = lines[0].text
        for line in lines[1:]:
            sep = " " if _LATIN.match(text[-1:]) and _LATIN.match(line.text[:1]) else ""
            text += sep + line.text
        level: int | RunIn | None = None
        if all(styled(l) for l in lines) and len(text) <= HEADING_MAX_CHARS:
            level = 0
        else:
            k = _styled_prefix(char_lines[0], body_font, body_size)
            if k and k < len(lines[0].text):
                level = RunIn(lines[0].text[:k])
        out.append((text, level))
    return out


# -- Word ---------------------------------------------------------------------------------------
HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*(\d)$", re.I)


def is_docx(data: bytes) -> bool:
    """A zip holding ``word/document.xml`` (a .docx; .xlsx/.pptx and plain zips are not)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return "word/document.xml" in z.namelist()
    except zipfile.BadZipFile:
        return False


def docx_lines(data: bytes) -> list[tuple[str, int | RunIn | None]]:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises several kinds for a broken package
        raise OfficeUnreadable(f"damaged Word file that cannot be opened ({type(exc).__name__}): "
                               "open it in Word or LibreOffice and save it again as .docx") from None
    out: list[tuple[str, int | RunIn | None]] = []

    def paragraph(p: Paragraph) -> None:
        text = p.text.strip()
        if not text:
            return
        level: int | RunIn | None = None
        style = (p.style.name if p.style is not None else "") or ""
        m = HEADING_STYLE.match(style)
        outline = p._p.find(".//{http://schemas.openxmlformats.org/wordprocessingml/2006/main}outlineLvl")
        if m:
            level = int(m.group(1))
        elif outline is not None and outline.get(
                "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}val", "9").isdigit() \
                and int(outline.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}val")) < 9:
            level = int(outline.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}val")) + 1
        elif style.lower() in ("title", "标题"):
            level = 0
        else:
            runs = [r for r in p.runs if r.text.strip()]
            bold = [bool(r.bold or (r.style is not None and r.style.font.bold)) for r in runs]
            if runs and all(bold):
                level = 0
            elif runs and bold[0]:
                k = next(i for i, b in enumerate(bold) if not b)
                prefix = "".join(r.text for r in runs[:k]).strip()
                if len(prefix) >= 2 and text.startswith(prefix):
                    level = RunIn(prefix)
        out.append((text, level))

    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph(Paragraph(child, document))
        elif tag == "tbl":
            for row in Table(child, document).rows:
                cells = [c.text.strip() for c in row.cells]
                cells = [c for i, c in enumerate(cells) if c and c not in cells[:i]]  # merged cells repeat
                if cells:
                    out.append((" ".join(cells), None))
    return out


OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def ole2_reason(data: bytes) -> str:
    """Why an OLE2 (Office 97–2003 container) file is not read, and what to do."""
    if "EncryptedPackage".encode("utf-16-le") in data[:1 << 20] or b"E\x00n\x00c\x00r\x00y\x00p\x00t\x00" in data[:1 << 20]:
        return ("encrypted Word file (opening it needs a password): open it with its password and save it "
                "as .docx without protection, then put that copy in the raw folder")
    if "WordDocument".encode("utf-16-le") in data[:1 << 20]:
        return ("legacy Word 97–2003 .doc: save it as .docx (Word: File › Save As › Word Document; "
                "LibreOffice: `soffice --headless --convert-to docx FILE.doc`) and put that in the raw folder")
    return "Office 97–2003 file (OLE2 container, not a Word document): ingest reads .docx and PDF"
