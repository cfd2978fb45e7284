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
    if utf16:
        try:
            text = data.decode(utf16)
            if _plausible(text):
                return Decoded(text, utf16.replace("_", "-"))
        except UnicodeDecodeError:
            pass
    best = charset_normalizer.from_bytes(data, cp_isolation=CANDIDATE_ENCODINGS).best()
    if best is None:
        raise UndecodableError("undecodable bytes: not UTF-8, GB18030/GBK, Big5 or UTF-16")
    text = str(best)
    if not _plausible(text):
        raise UndecodableError(f"undecodable bytes: best guess {best.encoding} gives control or replacement characters")
    return Decoded(text, best.encoding.replace("_", "-"))
