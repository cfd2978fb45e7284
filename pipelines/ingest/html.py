"""HTML pages → the article's lines, with heading levels from ``<h1>``–``<h6>``.

Parser: selectolax's Lexbor engine (a real HTML5 parser, C speed). The article is found the way
readability-style extractors do, but deterministically and without dropping short lines:

1. drop elements that are never article text: scripts, styles, comments, forms, nav, header,
   footer, aside, iframes, buttons, and elements whose id/class says nav/menu/footer/share/comment;
2. score every element by the Chinese characters in its own ``<p>``/text children, pick the one
   holding the most (the article body), and climb to its parent while the parent adds little
   besides (so a body split over sibling ``<div>``s stays whole);
3. walk the chosen element, emitting one line per block element (``p``, ``div``, ``br``, ``li``,
   ``h1``–``h6``, table cells …), inline elements joined within the line.

The page ``<title>`` / first ``<h1>`` are returned for the title metadata. The furniture rules
table then removes whatever bylines and toolbars were inside the article element.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser, LexborNode

NEVER_TEXT_TAGS = (
    "script", "style", "noscript", "template", "nav", "header", "footer", "form", "aside",
    "iframe", "button", "select", "input", "textarea", "svg", "canvas", "object", "embed", "link",
    "meta",
)
FURNITURE_ATTR = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|menu|breadcrumb|crumb|footer|share|comment|sidebar|"
    r"toolbar|pager|pagination|related|copyright|banner|ad|ads|login|search|qrcode)(?:$|[\s_-]|\d)",
    re.I,
)
BLOCK_TAGS = frozenset(
    "address article blockquote br dd div dl dt fieldset figcaption figure h1 h2 h3 h4 h5 h6 hr "
    "li main ol p pre section table tbody thead tfoot tr td th ul center".split()
)
HEADING_TAGS = {f"h{i}": i for i in range(1, 7)}
CJK = re.compile(r"[\u4e00-\u9fff]")
MIN_ARTICLE_CJK = 50


@dataclass
class HtmlArticle:
    lines: list[tuple[str, int | None]]
    page_title: str | None
    cjk_chars: int


def _cjk_count(text: str) -> int:
    return len(CJK.findall(text))


def _strip_furniture_elements(tree: LexborHTMLParser) -> None:
    for node in list(tree.root.traverse(include_text=False)):
        tag = node.tag
        if tag == "-comment" or tag in NEVER_TEXT_TAGS:
            node.decompose()
            continue
        attrs = node.attributes
        marker = f"{attrs.get('id') or ''} {attrs.get('class') or ''}"
        if marker.strip() and FURNITURE_ATTR.search(marker) and tag not in ("body", "html"):
            node.decompose()


def _own_text_score(node: LexborNode) -> int:
    """CJK characters in the node's direct text and direct paragraph-like children."""
    score = 0
    for child in node.iter(include_text=True):
        if child.tag == "-text":
            score += _cjk_count(child.text_content or "")
        elif child.tag in ("p", "span", "font", "strong", "b", "br", "h1", "h2", "h3", "h4", "h5", "h6"):
            score += _cjk_count(child.text(deep=True))
    return score


def _main_node(tree: LexborHTMLParser) -> LexborNode | None:
    body = tree.body
    if body is None:
        return None
    best, best_score = None, 0
    for node in body.traverse(include_text=False):
        if node.tag in ("p", "span", "font", "a", "b", "strong"):
            continue
        score = _own_text_score(node)
        if score > best_score:
            best, best_score = node, score
    if best is None:
        return body
    # climb while the parent's extra text is small next to the article (split bodies, headings)
    node = best
    total = _cjk_count(node.text(deep=True))
    while node.parent is not None and node.parent.tag not in ("html", None):
        parent_total = _cjk_count(node.parent.text(deep=True))
        if parent_total > total * 1.5 + 200:
            break
        node, total = node.parent, parent_total
        if node.tag == "body":
            break
    return node


def _walk(node: LexborNode, out: list[tuple[str, int | None]], buf: list[str], level: list[int | None]) -> None:
    for child in node.iter(include_text=True):
        tag = child.tag
        if tag == "-text":
            buf.append(child.text_content or "")
            continue
        if tag in BLOCK_TAGS:
            _flush(out, buf, level)
            if tag in HEADING_TAGS:
                level[0] = HEADING_TAGS[tag]
            _walk(child, out, buf, level)
            _flush(out, buf, level)
            level[0] = None
        else:
            _walk(child, out, buf, level)


def _flush(out: list[tuple[str, int | None]], buf: list[str], level: list[int | None]) -> None:
    if not buf:
        return
    text = " ".join("".join(buf).split())
    buf.clear()
    if text:
        out.append((text, level[0]))


def html_article(markup: str) -> HtmlArticle:
    tree = LexborHTMLParser(markup)
    title_node = tree.css_first("title")
    page_title = title_node.text(deep=True).strip() if title_node else None
    h1 = tree.css_first("h1")
    if h1 is not None and h1.text(deep=True).strip():
        page_title = h1.text(deep=True).strip()
    _strip_furniture_elements(tree)
    main = _main_node(tree)
    lines: list[tuple[str, int | None]] = []
    if main is not None:
        buf: list[str] = []
        level: list[int | None] = [None]
        if main.tag in HEADING_TAGS:
            level[0] = HEADING_TAGS[main.tag]
        _walk(main, lines, buf, level)
        _flush(lines, buf, level)
    cjk = sum(_cjk_count(t) for t, _ in lines)
    return HtmlArticle(lines, page_title or None, cjk)
