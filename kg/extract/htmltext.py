"""Reduce an HTML page to its readable text, dropping scripts, styles, comments and markup.

Robust to the HTML found in saved news pages: missing ``</head>``/``</p>``, stray or unclosed
end tags, comments, CDATA, entities, inline ``<svg>``. No markup or script text ever reaches the
result: after parsing, anything still shaped like a tag (for example from an escaped
``&lt;script&gt;`` in the page's text) is removed as well.

>>> html_to_text("<html><head><title>T</title><script>alert(1)</script></head>"
...              "<body><p>Peru &amp; Chile.<p>Second <b>para</b>.</body></html>")
'Peru & Chile.\\nSecond para.'
>>> looks_like_html("<!DOCTYPE html><html><body><p>Hi</p></body></html>")
True
>>> looks_like_html("The border at <Chacalluta> was closed.")
False
"""
from __future__ import annotations

import re
from html.parser import HTMLParser

# Elements whose content is never article text.
SKIP = {
    "script", "style", "noscript", "template", "head", "title", "svg", "math", "iframe", "object",
    "embed", "canvas", "audio", "video", "select", "textarea", "button", "map", "frameset",
}
# Elements that end a line of text.
BLOCK = {
    "p", "div", "br", "hr", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
    "tr", "td", "th", "table", "thead", "tbody", "tfoot", "caption", "article", "section", "main",
    "header", "footer", "nav", "aside", "blockquote", "pre", "figure", "figcaption", "address",
    "body", "html", "form", "fieldset", "legend", "details", "summary",
}
# What may appear inside <head>; any other start tag means the page forgot </head>.
HEAD_CONTENT = {"title", "meta", "link", "style", "script", "base", "noscript", "template", "object"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

_LEFTOVER_TAG = re.compile(
    r"<!--.*?(?:-->|$)|</?[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]*)?/?>|<![A-Za-z\[][^<>]*>"
    r"|</?[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]*)?\Z",  # a tag cut off at the end of the page
    re.S,
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_stack: list[str] = []

    def handle_starttag(self, tag, attrs):
        if "head" in self.skip_stack and tag not in HEAD_CONTENT and tag != "head":
            # implied </head>: the page's body started without closing the head
            del self.skip_stack[self.skip_stack.index("head"):]
        if tag in SKIP and tag not in VOID:
            self.skip_stack.append(tag)
        elif tag in BLOCK:
            self.parts.append("\n")

    def handle_startendtag(self, tag, attrs):  # <br/>, <script src=... />
        if tag in BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self.skip_stack:
            # close it and anything left open inside it
            index = len(self.skip_stack) - 1 - self.skip_stack[::-1].index(tag)
            del self.skip_stack[index:]
        elif tag in BLOCK and not self.skip_stack:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skip_stack:
            self.parts.append(data)

    # comments, <!DOCTYPE>, <?php ... ?>, CDATA and unknown declarations are not text
    def handle_comment(self, data):
        pass

    def handle_decl(self, decl):
        pass

    def handle_pi(self, data):
        pass

    def unknown_decl(self, data):
        pass


def strip_markup(text: str) -> str:
    """Anything shaped like a tag or comment, removed (also from text that was escaped in the page)."""
    return _CONTROL.sub(" ", _LEFTOVER_TAG.sub(" ", text))


def html_to_text(html: str) -> str:
    """The visible text of an HTML page, one paragraph per line, with no markup left."""
    collector = _TextCollector()
    try:
        collector.feed(html)
        collector.close()
        text = "".join(collector.parts)
    except Exception:  # html.parser is lenient, but never let a malformed page crash extraction
        text = strip_markup(re.sub(r"<(script|style)\b.*?(?:</\1\s*>|$)", " ", html, flags=re.S | re.I))
        import html as _html

        text = _html.unescape(text)
    return tidy_lines(strip_markup(text))


def tidy_lines(text: str) -> str:
    """One space between words, no blank lines: the shape of every text read from a page."""
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


_HTML_START = re.compile(r"\A(?:\s|<!--.*?-->|<\?xml[^>]*>)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])", re.I | re.S)
_COMMON_TAG = re.compile(
    r"</?(?:p|div|span|a|br|b|i|em|strong|script|style|html|head|body|meta|link|li|ul|ol|h[1-6]|"
    r"table|tr|td|img|section|article|header|footer|nav|iframe|noscript|figure)\b[^<>]*>",
    re.I,
)


def looks_like_html(text: str) -> bool:
    """Whether ``text`` (for example a ``.txt`` file) is really an HTML document or fragment."""
    head = text[:65536]
    if _HTML_START.match(head):
        return True
    tags = _COMMON_TAG.findall(head)
    if len(tags) < 4 or not any(t.startswith("</") for t in tags):
        return False
    return "<script" in head.lower() or sum(map(len, tags)) >= 0.02 * len(head.strip()) or len(tags) >= 20
