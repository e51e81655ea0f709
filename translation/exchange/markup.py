"""
Inline markup of rich-text segments, as CAT tools can protect it.

wagtail-localize cuts rich text into segments whose text keeps simple inline HTML:
``Erster <b>fetter</b> Satz mit <a id="a1">Link</a>.`` (the link's target is stored
beside the segment, never in it). Sent as escaped text, a translator could drop a
closing tag, rename it or add a link, and the import would repair or lose it silently.

So an XLIFF 2.0 export turns each element into an inline code: ``<pc>`` for an element
with text inside (bold, italic, a link), ``<ph>`` for a standalone one (a line break).
CAT tools lock codes: they can be moved, not edited. The import maps each code back to
its element by id. Both formats are checked before anything is written: a target must
carry exactly the codes of its source (each once, none unknown, properly nested), with
only the tags rich text allows.
"""

import re
from collections import Counter
from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser

from django.utils.translation import gettext as _

#: Inline elements rich-text segments may hold, and the XLIFF 2.0 code of each.
PAIRED = {"b": ("fmt", "xlf:b"), "strong": ("fmt", "xlf:b"), "i": ("fmt", "xlf:i"), "em": ("fmt", "xlf:i"),
          "a": ("link", None), "sup": ("fmt", None), "sub": ("fmt", None), "code": ("fmt", None), "span": ("fmt", None)}
STANDALONE = {"br": ("fmt", "xlf:lb")}


class MarkupError(ValueError):
    """A segment's inline markup is broken or not allowed; the message says how."""


#: Where Python's HTMLParser sees markup begin: a tag, an end tag, a comment, a declaration
#: or a processing instruction.
_MARKUP_START = re.compile(r"<(?=[!?/A-Za-z])")
#: A whole start or end tag whose quoted values hold neither ``<`` nor ``>``. Checked
#: before HTMLParser sees a text: on unclosed tags and quotes that span tags (``<a`` or
#: ``<a b='>'`` repeated) it takes time quadratic in the text's length, minutes for a
#: few hundred KB of a returned file.
_WHOLE_TAG = re.compile(r"""</?[A-Za-z](?:[^<>"']|"[^<>"]*"|'[^<>']*')*>""")


@dataclass(frozen=True)
class Code:
    """One inline element of a source segment: its code id, tag and attributes."""

    id: str
    tag: str
    attributes: tuple
    paired: bool

    def start(self):
        attributes = "".join(f' {name}="{escape(value or "")}"' for name, value in self.attributes)
        return f"<{self.tag}{attributes}>" if self.paired else f"<{self.tag}{attributes}/>"

    def end(self):
        return f"</{self.tag}>"


class _Tokens(HTMLParser):
    """Splits segment HTML into text and element events, checking nesting and tags."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.events = []  # ("text", str) | ("start", Code) | ("end", tag) | ("empty", Code)
        self.open = []
        self.count = 0

    def _code(self, tag, attrs, paired):
        self.count += 1
        return Code(str(self.count), tag, tuple(attrs), paired)

    def handle_starttag(self, tag, attrs):
        if tag in STANDALONE:
            self.events.append(("empty", self._code(tag, attrs, False)))
        elif tag in PAIRED:
            self.open.append(tag)
            self.events.append(("start", self._code(tag, attrs, True)))
        else:
            raise MarkupError(_("The tag <%(tag)s> is not allowed here.") % {"tag": tag})

    def handle_startendtag(self, tag, attrs):
        if tag not in STANDALONE:
            raise MarkupError(_("The tag <%(tag)s/> is not allowed here.") % {"tag": tag})
        self.events.append(("empty", self._code(tag, attrs, False)))

    def handle_endtag(self, tag):
        if tag in STANDALONE:
            return
        if not self.open or self.open[-1] != tag:
            raise MarkupError(_("The closing tag </%(tag)s> does not match an opening tag.") % {"tag": tag})
        self.open.pop()
        self.events.append(("end", tag))

    def handle_data(self, data):
        self.events.append(("text", data))


def events(html):
    for start in _MARKUP_START.finditer(html):
        if not _WHOLE_TAG.match(html, start.start()):
            raise MarkupError(
                _("Unreadable markup at “%(text)s”: write a “<” in the text as “&lt;”.")
                % {"text": html[start.start():start.start() + 20]}
            )
    parser = _Tokens()
    try:
        parser.feed(html)
        parser.close()
    except AssertionError as error:  # HTMLParser's way of refusing some declarations
        raise MarkupError(_("Unreadable markup: %(error)s") % {"error": error}) from error
    if parser.open:
        raise MarkupError(_("The tag <%(tag)s> is not closed.") % {"tag": parser.open[-1]})
    return parser.events


def codes(html):
    """The inline codes of a segment, by id."""
    return {code.id: code for kind, code in events(html) if kind in ("start", "empty")}


def signature(html):
    """What must be the same in a source and its translation: each element and link once."""
    return sorted(
        (code.tag, dict(code.attributes).get("id", "") if code.tag == "a" else "")
        for kind, code in events(html)
        if kind in ("start", "empty")
    )


def check_target(source, target):
    """``None`` when ``target`` may replace ``source``, else a message naming what is wrong."""
    try:
        wanted = signature(source)
    except MarkupError:
        return None  # a source we cannot read is compared as text only
    try:
        found = signature(target)
    except MarkupError as error:
        return str(error)
    if found != wanted:
        return _("The markup differs from the source: expected %(wanted)s, found %(found)s.") % {
            "wanted": ", ".join(f"<{tag}>" for tag, _id in wanted) or _("none"),
            "found": ", ".join(f"<{tag}>" for tag, _id in found) or _("none"),
        }
    return None


# XLIFF 2.0 ------------------------------------------------------------------------------


def write_inline(element, html, namespace):
    """Append ``html`` to the XLIFF ``<source>``/``<target>`` ``element`` as text and inline codes."""
    import xml.etree.ElementTree as ET

    try:
        found = events(html)
    except MarkupError:
        # Markup we cannot read as codes (none is expected from rich text) travels as text.
        element.text = html
        return
    stack = [element]

    def append_text(text):
        current = stack[-1]
        children = list(current)
        if children:
            children[-1].tail = (children[-1].tail or "") + text
        else:
            current.text = (current.text or "") + text

    for kind, value in found:
        if kind == "text":
            append_text(value)
        elif kind == "start":
            code_type, sub_type = PAIRED[value.tag]
            attributes = {"id": value.id, "type": code_type, "canDelete": "no", "canCopy": "no",
                          "dispStart": value.start(), "dispEnd": value.end()}
            if sub_type:
                attributes["subType"] = sub_type
            stack.append(ET.SubElement(stack[-1], f"{{{namespace}}}pc", attributes))
        elif kind == "end":
            stack.pop()
        else:
            code_type, sub_type = STANDALONE[value.tag]
            attributes = {"id": value.id, "type": code_type, "canDelete": "no", "canCopy": "no", "disp": value.start()}
            if sub_type:
                attributes["subType"] = sub_type
            ET.SubElement(stack[-1], f"{{{namespace}}}ph", attributes)


def read_inline(element, source_html, namespace):
    """
    The HTML of an XLIFF ``<target>``: its text escaped, each ``<pc>``/``<ph>`` turned back
    into the source's element with that id. ``MarkupError`` for unknown, repeated or missing
    codes and any other element.
    """
    known = codes(source_html)
    used = Counter()

    def render(node):
        parts = [escape(node.text or "", quote=False)]
        for child in node:
            tag = child.tag.removeprefix(f"{{{namespace}}}") if isinstance(child.tag, str) else ""
            code = known.get(child.get("id", ""))
            if tag not in ("pc", "ph") or code is None or code.paired != (tag == "pc"):
                raise MarkupError(
                    _("Unknown inline code <%(tag)s id=\"%(id)s\">.") % {"tag": tag, "id": child.get("id", "")}
                )
            used[code.id] += 1
            if code.paired:
                # A repeated code is refused below; not descending into it again bounds
                # the depth by the source's codes however deeply a file nests them.
                if used[code.id] == 1:
                    parts.append(code.start() + render(child) + code.end())
            elif len(child) or (child.text or "").strip():
                raise MarkupError(_("The placeholder %(id)s must be empty.") % {"id": code.id})
            else:
                parts.append(code.start())
            parts.append(escape(child.tail or "", quote=False))
        return "".join(parts)

    html = render(element)
    if set(used) != set(known) or any(count > 1 for count in used.values()):
        missing = sorted(set(known) - set(used), key=int)
        repeated = sorted((code for code, count in used.items() if count > 1), key=int)
        raise MarkupError(
            _("Every inline code of the source must appear once (missing: %(missing)s; repeated: %(repeated)s).")
            % {"missing": ", ".join(missing) or "-", "repeated": ", ".join(repeated) or "-"}
        )
    return html


def normalized(html):
    """``html`` written the way ``read_inline`` writes it, so the two compare equal."""
    parts = []
    for kind, value in events(html):
        if kind == "text":
            parts.append(escape(value, quote=False))
        elif kind == "start" or kind == "empty":
            parts.append(value.start())
        else:
            parts.append(f"</{value}>")
    return "".join(parts)
