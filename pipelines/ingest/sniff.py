"""What a raw file is, by its bytes first and its name second; and how to decode it.

- ``MAGIC_SIGNATURES``: binary formats that sometimes hide under a text name (PDF, images, archives,
  Office files). A match is a rejection with the format's name.
- ``detect_format``: ``markdown`` / ``text`` / ``html`` / ``csv`` / ``jsonl`` from the extension,
  overridden by the content when the content is unmistakable (an HTML document saved as ``.txt``).
- ``decode``: BOMs first (UTF-8, UTF-16, UTF-32), then strict UTF-8, then charset-normalizer
  restricted to the encodings Chinese reports come in (GB18030 ⊃ GBK ⊃ GB2312, Big5, UTF-16
  without BOM). The detected codec is recorded per document.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

import charset_normalizer

MAX_BYTES = 20 * 1024 * 1024  # far larger than any report (the longest in the corpus is < 0.5 MB)

MAGIC_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"PK\x03\x04", "zip archive (or docx/xlsx)"),
    (b"PK\x05\x06", "zip archive (empty)"),
    (b"\x1f\x8b", "gzip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE2 document (doc/xls)"),
    (b"{\\rtf", "RTF document"),
    (b"\x7fELF", "ELF executable"),
    (b"MZ", "Windows executable"),
)
RIFF_WEBP = (b"RIFF", b"WEBP")

EXTENSION_FORMATS = {
    ".md": "markdown", ".markdown": "markdown",
    ".txt": "text", ".text": "text",
    ".html": "html", ".htm": "html", ".shtml": "html", ".xhtml": "html",
    ".csv": "csv",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
}
HTML_SNIFF = re.compile(r"^\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])", re.I)
HTML_TAGS = re.compile(r"<(?:p|div|br|span|td|table|body|html|head|script|a)\b[^>]*>", re.I)

# Encodings a Chinese report is saved in, for charset-normalizer to choose from.
CANDIDATE_ENCODINGS = ["gb18030", "big5", "utf_16_le", "utf_16_be"]

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def binary_signature(data: bytes) -> str | None:
    """The name of the binary format whose magic bytes start ``data``, or None."""
    for magic, name in MAGIC_SIGNATURES:
        if data.startswith(magic):
            return name
    if data[:4] == RIFF_WEBP[0] and data[8:12] == RIFF_WEBP[1]:
        return "WebP image"
    return None


def extension_format(source_path: str) -> str | None:
    lower = source_path.lower()
    for ext, fmt in EXTENSION_FORMATS.items():
        if lower.endswith(ext):
            return fmt
    return None


class UnsupportedFormat(ValueError):
    pass


def detect_format(source_path: str, text: str) -> str:
    """The format to parse ``text`` as: the extension's, unless the content says HTML.

    A file with no extension is sniffed (HTML, JSONL, else plain text); a file with an extension
    we do not read (``.tsv``, ``.docx`` …) that is not HTML inside raises ``UnsupportedFormat``.
    """
    by_name = extension_format(source_path)
    head = text[:2000]
    if by_name != "html" and (
        HTML_SNIFF.match(head) or (head.lstrip().startswith("<") and len(HTML_TAGS.findall(head)) >= 5)
    ):
        return "html"
    if by_name == "html" and not HTML_SNIFF.match(head) and not HTML_TAGS.search(text[:20000]):
        return "text"  # a page saved as plain text under its .html address
    suffix = source_path.rsplit("/", 1)[-1].rpartition(".")[2].lower() if "." in source_path.rsplit("/", 1)[-1] else ""
    if by_name is None and suffix:
        raise UnsupportedFormat(
            f"unsupported file type .{suffix}: ingest reads .txt .md .html .htm .csv .jsonl (or HTML content under any name)"
        )
    if by_name is None:
        stripped = text.lstrip()
        if stripped.startswith("{") and "\n{" in stripped[:200000]:
            return "jsonl"
        return "text"
    return by_name


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    # bytes that could not be read as the file's encoding: dropped NULs, stray sequences of another
    # encoding (decoded as that encoding), or undecodable bytes replaced with U+FFFD
    replaced_bytes: int = 0
    note: str | None = None  # what was repaired, in words; None for a clean file


class UndecodableError(ValueError):
    pass


# control characters, surrogates, private use, replacement character
_IMPLAUSIBLE = re.compile("[\x00-\x08\x0b\x0e-\x1f\ud800-\uf8ff\ufffd]")


def _plausible(text: str) -> bool:
    """Decoded text that is mostly letters, CJK, digits, punctuation and whitespace."""
    if not text:
        return True
    sample = text[:20000]
    return len(_IMPLAUSIBLE.findall(sample)) / len(sample) < 0.01


def _looks_utf16(data: bytes) -> str | None:
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even_nul = sample[0::2].count(0) / (len(sample) / 2)
    odd_nul = sample[1::2].count(0) / (len(sample) / 2)
    # ASCII-heavy UTF-16 has NULs on one side; CJK-heavy UTF-16 has none, left to the detector.
    if odd_nul > 0.3 and even_nul < 0.05:
        return "utf_16_le"
    if even_nul > 0.3 and odd_nul < 0.05:
        return "utf_16_be"
    return None


def decode(data: bytes) -> Decoded:
    """Decode raw bytes; raise ``UndecodableError`` with the reason when no encoding fits."""
    for bom, codec in BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                raise UndecodableError(f"undecodable bytes: {codec} byte-order mark but invalid {codec} ({exc.reason} at byte {exc.start})") from exc
            if not _plausible(text):
                raise UndecodableError(f"undecodable bytes: {codec} byte-order mark but the text is control or unassigned characters")
            return Decoded(text, codec)
    try:
        text = data.decode("utf-8")
        if "\x00" not in text[:4000] and _plausible(text):
            return Decoded(text, "utf-8")
    except UnicodeDecodeError:
        pass
    utf16 = _looks_utf16(data)
    nuls = data.count(0)
    if nuls and not utf16 and nuls <= MAX_REPAIRED_SHARE * len(data):
        # a few NUL bytes in an otherwise 8-bit file (a scraper's or editor's leftovers): drop them
        try:
            text = data.replace(b"\x00", b"").decode("utf-8")
        except UnicodeDecodeError:
            text = None
        if text is not None and _plausible(text):
            return Decoded(text, "utf-8", nuls, f"dropped {nuls} NUL byte{'s' if nuls > 1 else ''}")
    if utf16:
        try:
            text = data.decode(utf16)
            if _plausible(text):
                return Decoded(text, utf16.replace("_", "-"))
        except UnicodeDecodeError:
            pass
    best = charset_normalizer.from_bytes(data, cp_isolation=CANDIDATE_ENCODINGS).best()
    if best is not None and _plausible(text := str(best)):
        return Decoded(text, best.encoding.replace("_", "-"))
    repaired = decode_with_repairs(data.replace(b"\x00", b"") if nuls <= MAX_REPAIRED_SHARE * len(data) else data)
    if repaired is not None:
        return repaired
    if best is not None:
        raise UndecodableError(f"undecodable bytes: best guess {best.encoding} gives control or replacement characters")
    raise UndecodableError("undecodable bytes: not UTF-8, GB18030/GBK, Big5 or UTF-16")


# -- a file in one encoding with a few stretches in another, or a few broken bytes ----------------
# At most this share of a file's bytes may be repaired or replaced; past it the file is rejected
# (it is not text in any one encoding, and guessing would corrupt the report).
MAX_REPAIRED_SHARE = 0.01
MAX_STRAY_PER_LINE = 8
LINE_CODECS = ("utf-8", "gb18030", "big5")
_ESCAPED = re.compile("[\udc80-\udcff]")
_ESCAPED_RUN = re.compile("[\udc80-\udcff]+")
_UTF8_SEQ = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _strict(chunk: bytes, codec: str) -> str | None:
    try:
        return chunk.decode(codec)
    except UnicodeDecodeError:
        return None


def _repair_line(line: bytes, codec: str) -> tuple[str, int] | None:
    """A line of ``codec`` text holding stray UTF-8 sequences (a quote or word pasted from a UTF-8
    page into a GBK file): (text, bytes read as UTF-8), or None. A stray sequence is one whose
    removal lets the bytes before it decode strictly; the rest is solved the same way (memoized by
    offset, so a long line costs one pass per candidate)."""
    text = _strict(line, codec)
    if text is not None:
        return text, 0
    if codec == "utf-8":
        return None
    starts = [m for m in _UTF8_SEQ.finditer(line)]
    memo: dict[int, tuple[str, int] | None] = {}

    def solve(pos: int, depth: int) -> tuple[str, int] | None:
        if pos in memo:
            return memo[pos]
        whole = _strict(line[pos:], codec)
        result = (whole, 0) if whole is not None else None
        if result is None and depth < MAX_STRAY_PER_LINE:
            for m in starts:
                if m.start() < pos:
                    continue
                head = _strict(line[pos:m.start()], codec)
                if head is None:
                    continue
                rest = solve(m.end(), depth + 1)
                if rest is not None:
                    result = (head + m.group().decode("utf-8") + rest[0], len(m.group()) + rest[1])
                    break
        memo[pos] = result
        return result

    return solve(0, 0)


def decode_with_repairs(data: bytes) -> Decoded | None:
    """Decode a file that no single codec reads cleanly, line by line (newlines never sit inside a
    multibyte character in UTF-8, GB18030 or Big5): the codec that reads the most bytes is the
    file's; a line it cannot read is repaired (stray UTF-8 sequences decoded as UTF-8) or, failing
    that, decoded with U+FFFD for the bad bytes. None when more than ``MAX_REPAIRED_SHARE`` of the
    bytes would need it."""
    lines = data.split(b"\n")
    clean = {c: sum(len(l) for l in lines if _strict(l, c) is not None) for c in LINE_CODECS}
    codec = max(LINE_CODECS, key=lambda c: (clean[c], -LINE_CODECS.index(c)))
    budget = max(MAX_REPAIRED_SHARE * len(data), 8)
    out, stray, replaced = [], 0, 0
    for line in lines:
        fixed = _repair_line(line, codec)
        if fixed is not None:
            out.append(fixed[0])
            stray += fixed[1]
            continue
        text = line.decode(codec, errors="surrogateescape")  # each bad byte → one lone surrogate
        replaced += len(_ESCAPED.findall(text))
        out.append(_ESCAPED_RUN.sub("\ufffd", text))
        if stray + replaced > budget:
            return None
    if stray + replaced > budget:
        return None
    text = "\n".join(out)
    if not _plausible(text.replace("\ufffd", "")):
        return None
    notes = []
    if stray:
        notes.append(f"{stray} bytes of stray UTF-8 sequences read as UTF-8")
    if replaced:
        notes.append(f"{replaced} undecodable byte{'s' if replaced > 1 else ''} replaced with U+FFFD")
    return Decoded(text, codec, stray + replaced, f"{codec} with " + " and ".join(notes))
