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


SCORED_CHILD_TAGS = ("p", "span", "font", "strong", "b", "br", "h1", "h2", "h3", "h4", "h5", "h6")


def _text_counts(body: LexborNode) -> tuple[list[LexborNode], dict[int, int], dict[int, int]]:
    """(element nodes in document order, CJK characters under each node, each node's own score) in
    one bottom-up pass: no recursion and no repeated deep text, so a page of 50,000 nested
    ``<div>``s costs what a flat one does. The own score counts the node's direct text and its
    direct paragraph-like children (``<p>``, ``<span>``, ``<br>``, headings …)."""
    nodes = [n for n in body.traverse(include_text=False)]
    deep: dict[int, int] = {}
    own: dict[int, int] = {}
    for node in reversed(nodes):  # children before parents
        total = score = 0
        for child in node.iter(include_text=True):
            if child.tag == "-text":
                n = _cjk_count(child.text_content or "")
                total += n
                score += n
            else:
                n = deep.get(child.mem_id, 0)
                total += n
                if child.tag in SCORED_CHILD_TAGS:
                    score += n
        deep[node.mem_id] = total
        own[node.mem_id] = score
    return nodes, deep, own


def _main_node(tree: LexborHTMLParser) -> LexborNode | None:
    body = tree.body
    if body is None:
        return None
    nodes, deep, own = _text_counts(body)
    best, best_score = None, 0
    for node in nodes:
        if node.tag in ("p", "span", "font", "a", "b", "strong"):
            continue
        score = own[node.mem_id]
        if score > best_score:
            best, best_score = node, score
    if best is None:
        return body
    # climb while the parent's extra text is small next to the article (split bodies, headings)
    node = best
    total = deep[node.mem_id]
    while node.parent is not None and node.parent.tag not in ("html", None):
        parent_total = deep.get(node.parent.mem_id, total)
        if parent_total > total * 1.5 + 200:
            break
        node, total = node.parent, parent_total
        if node.tag == "body":
            break
    return node


def _walk(root: LexborNode, out: list[tuple[str, int | None]], buf: list[str], level: list[int | None]) -> None:
    """One line per block element, heading levels from ``<h1>``–``<h6>``, inline elements joined
    within the line. An explicit stack rather than recursion: nesting depth is whatever the page has."""
    stack: list[tuple[str, LexborNode | None]] = [("visit", root)]
    while stack:
        action, node = stack.pop()
        if action == "text":
            buf.append(node.text_content or "")
        elif action == "start":
            _flush(out, buf, level)
            if node.tag in HEADING_TAGS:
                level[0] = HEADING_TAGS[node.tag]
        elif action == "end":
            _flush(out, buf, level)
            level[0] = None
        else:  # visit: the node's children, in order
            todo: list[tuple[str, LexborNode | None]] = []
            for child in node.iter(include_text=True):
                if child.tag == "-text":
                    todo.append(("text", child))
                elif child.tag in BLOCK_TAGS:
                    todo += [("start", child), ("visit", child), ("end", None)]
                else:
                    todo.append(("visit", child))
            stack.extend(reversed(todo))


def _flush(out: list[tuple[str, int | None]], buf: list[str], level: list[int | None]) -> None:
    if not buf:
        return
    text = " ".join("".join(buf).split())
    buf.clear()
    if text:
        out.append((text, level[0]))


# 64+ identical wrapper tags in a row with nothing between them (generated or hostile pages: 50,000
# nested <div>s) make an HTML5 tree builder quadratic — every start tag scans the open-element stack.
# Such a run carries no text and no structure, so it is collapsed to one tag before parsing.
WRAPPER_RUN_MIN = 64
_OPEN_RUN = re.compile(r"(<(?P<t>[a-zA-Z][a-zA-Z0-9]{0,9})\b[^<>]*>\s*)(?:<(?P=t)\b[^<>]*>\s*){%d,}" % (WRAPPER_RUN_MIN - 1))
_CLOSE_RUN = re.compile(r"(</(?P<t>[a-zA-Z][a-zA-Z0-9]{0,9})\s*>\s*)(?:</(?P=t)\s*>\s*){%d,}" % (WRAPPER_RUN_MIN - 1))


def collapse_wrapper_runs(markup: str) -> str:
    """Runs of the same empty wrapper tag (``<div><div><div>…``, ``…</div></div>``) → one tag."""
    if markup.count("<") < WRAPPER_RUN_MIN * 8:
        return markup
    markup = _OPEN_RUN.sub(lambda m: m.group(1), markup)
    return _CLOSE_RUN.sub(lambda m: m.group(1), markup)


def html_article(markup: str) -> HtmlArticle:
    tree = LexborHTMLParser(collapse_wrapper_runs(markup))
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
