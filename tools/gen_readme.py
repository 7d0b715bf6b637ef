# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Build each addon's README.rst and static/description/index.html from its
readme/*.md fragments, laid out as OCA's oca-gen-addon-readme lays them out.

oca-gen-addon-readme is not on PyPI and converts Markdown with pandoc; this
script converts the Markdown our fragments use (headings, paragraphs, bullet
and numbered lists, indented code blocks, pipe tables, inline code, emphasis,
links, images) to reStructuredText itself and renders the HTML with docutils,
which Odoo already requires. Docutils warnings are errors: a fragment the
converter does not understand fails the build instead of rendering wrong.

    python3 tools/gen_readme.py [--check] ADDON_DIR...
"""

import argparse
import ast
import posixpath
import re
import sys
from pathlib import Path

SECTIONS = [  # fragment, section title (None: under the addon's title)
    ("DESCRIPTION.md", None),
    ("INSTALL.md", "Installation"),
    ("CONFIGURE.md", "Configuration"),
    ("USAGE.md", "Usage"),
    ("ROADMAP.md", "Known issues / Roadmap"),
    ("HISTORY.md", "Changelog"),
]
# underline per Markdown heading level: inside a section, and for the
# description (which has no section of its own, so its headings are sections)
UNDERLINES = {"section": ["=", "-", "~", "^"], "description": ["=", "=", "-", "~"]}
INLINE_CODE = re.compile(r"(?<!`)`([^`]+)`(?!`)")
IMAGE = re.compile(r"!\[([^\]]*)\]\(([^)\s]+)\)")
LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")
LIST_ITEM = re.compile(r"^(\s*)([-*]|\d+\.)\s+(.*)$")


def inline(text):
    """Markdown inline markup to reStructuredText (code, links, emphasis)."""
    parts = []
    last = 0
    for match in INLINE_CODE.finditer(text):
        parts.append(_inline_text(text[last : match.start()]))
        parts.append(f"``{match.group(1)}``")
        last = match.end()
    parts.append(_inline_text(text[last:]))
    return "".join(parts)


def _inline_text(text):
    # a word ending in "_" is a reference in reStructuredText
    text = re.sub(r"([^\W_])_(\W|$)", r"\1\\_\2", text)
    text = IMAGE.sub(lambda m: f"|{m.group(1)}|", text)
    return LINK.sub(lambda m: f"`{m.group(1)} <{m.group(2)}>`__", text)


def _table(lines):
    rows = [
        [cell.strip() for cell in line.strip().strip("|").split("|")]
        for line in lines
        if not re.match(r"^\s*\|?\s*:?-{2,}", line)
    ]
    out = [".. list-table::", "   :header-rows: 1", ""]
    for row in rows:
        for i, cell in enumerate(row):
            prefix = "   * - " if i == 0 else "     - "
            out.append(prefix + (inline(cell) or ".."))
    return out


def _list(lines):
    """Bullet/numbered items with continuation lines; nesting by indent."""
    out = []
    stack = []  # open items: (Markdown indent, marker column, text column)
    for line in lines:
        match = LIST_ITEM.match(line)
        if not match:
            out.append(" " * (stack[-1][2] if stack else 0) + inline(line.strip()))
            continue
        lead, marker, text = match.groups()
        depth = len(lead)
        while stack and depth < stack[-1][0]:
            stack.pop()
            out.append("")
        if stack and depth == stack[-1][0]:
            column = stack.pop()[1]
        elif stack:  # a nested list starts
            column = stack[-1][2]
            out.append("")
        else:
            column = 0
        marker = "#." if marker[0].isdigit() else "-"
        stack.append((depth, column, column + len(marker) + 1))
        out.append(f"{' ' * column}{marker} {inline(text)}")
    return out


def md_to_rst(markdown, kind="section"):
    underline = UNDERLINES[kind]
    lines = markdown.rstrip().splitlines()
    out = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            i += 1
            continue
        heading = re.match(r"^(#{1,4})\s+(.*)$", line)
        if heading:
            title = inline(heading.group(2).strip())
            char = underline[len(heading.group(1)) - 1]
            out += [title, char * len(title), ""]
            i += 1
            continue
        block = []
        while i < len(lines) and lines[i].strip():
            block.append(lines[i])
            i += 1
        # an indented code block may contain blank lines
        if all(b.startswith("    ") for b in block):
            while (
                i + 1 < len(lines)
                and not lines[i].strip()
                and lines[i + 1].startswith("    ")
            ):
                block.append("")
                i += 1
                while i < len(lines) and lines[i].strip():
                    block.append(lines[i])
                    i += 1
            out += ["::", ""] + ["    " + b[4:] if b else "" for b in block] + [""]
        elif block[0].lstrip().startswith("|"):
            out += _table(block) + [""]
        elif LIST_ITEM.match(block[0]):
            out += _list(block) + [""]
        else:
            out += [inline(b.strip()) for b in block] + [""]
    return "\n".join(out).rstrip() + "\n"


def image_substitutions(markdown, for_html=False):
    """An image of a fragment is written as OCA's fragments write it: relative
    to readme/ (``../static/description/screenshot.png``). README.rst, beside
    readme/, shows it from ``static/description/`` (as GitHub renders it);
    index.html, in static/description/, by its file name (Odoo's Apps form
    serves such names from the addon's static/description/)."""
    out = []
    for alt, src in IMAGE.findall(markdown):
        if not src.startswith(("http://", "https://", "/")):
            path = posixpath.normpath(posixpath.join("readme", src))
            src = posixpath.relpath(path, "static/description" if for_html else ".")
        out += [f".. |{alt}| image:: {src}", f"   :alt: {alt}", ""]
    return out


def missing_images(addon):
    """The images the fragments of ``addon`` show that are not in it."""
    missing = []
    for fragment in sorted((addon / "readme").glob("*.md")):
        for _alt, src in IMAGE.findall(fragment.read_text()):
            if src.startswith(("http://", "https://", "/")):
                continue
            if not (fragment.parent / src).is_file():
                missing.append(f"{fragment.relative_to(addon.parent)}: {src}")
    return missing


def build_rst(addon, for_html=False):
    """README.rst of ``addon``; ``for_html``: the source of its index.html
    (the same text, image paths relative to static/description/)."""
    manifest = ast.literal_eval((addon / "__manifest__.py").read_text())
    title = manifest["name"]
    frags = {
        f: (addon / "readme" / f).read_text()
        for f, _t in SECTIONS + [("CONTRIBUTORS.md", None), ("CREDITS.md", None)]
        if (addon / "readme" / f).is_file()
    }
    out = [
        "=" * len(title),
        title,
        "=" * len(title),
        "",
        "..",
        "   !!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!",
        "   !! This file is generated by ./suite readme from readme/*.md !!",
        "   !! changes will be overwritten.                              !!",
        "   !!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!",
        "",
        f"**Maturity:** {manifest.get('development_status', 'Beta')} · "
        f"**License:** {manifest['license']} · **Version:** {manifest['version']}",
        "",
    ]
    for text in frags.values():
        out += image_substitutions(text, for_html)
    out += [md_to_rst(frags["DESCRIPTION.md"], "description"), ""]
    out += ["**Table of contents**", "", ".. contents::", "   :local:", ""]
    for fragment, section in SECTIONS[1:]:
        if fragment in frags:
            out += [section, "=" * len(section), "", md_to_rst(frags[fragment]), ""]
    out += [
        "Bug Tracker",
        "===========",
        "",
        "Bugs are tracked in the issues of the suite's repository"
        + (f": {manifest['website']}." if manifest.get("website") else "."),
        "",
        "Credits",
        "=======",
        "",
        "Authors",
        "-------",
        "",
    ]
    out += [f"- {author.strip()}" for author in manifest["author"].split(",")]
    out.append("")
    if "CONTRIBUTORS.md" in frags:
        out += ["Contributors", "------------", "", md_to_rst(frags["CONTRIBUTORS.md"])]
    if "CREDITS.md" in frags:
        out += ["Other credits", "-------------", "", md_to_rst(frags["CREDITS.md"])]
    if manifest.get("maintainers"):
        out += [
            "Maintainers",
            "-----------",
            "",
            "This module is maintained by: " + ", ".join(manifest["maintainers"]) + ".",
            "",
        ]
    return "\n".join(out).rstrip() + "\n"


def build_html(rst):
    from docutils.core import publish_string

    return publish_string(
        rst,
        writer_name="html4css1",
        settings_overrides={
            "report_level": 2,  # warnings are shown ...
            "halt_level": 2,  # ... and stop the build
            "embed_stylesheet": False,
            "stylesheet_path": [],
            "output_encoding": "unicode",
            "xml_declaration": False,
        },
    )


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail when stale")
    parser.add_argument("addons", nargs="+", type=Path)
    args = parser.parse_args(argv)
    stale = []
    for addon in args.addons:
        missing = missing_images(addon)
        if missing:
            print("image not found: " + ", ".join(missing), file=sys.stderr)
            return 1
        rst = build_rst(addon)
        try:
            html = build_html(build_rst(addon, for_html=True))
        except Exception as exc:  # docutils' SystemMessage and the like
            print(f"{addon.name}: README.rst does not render: {exc}", file=sys.stderr)
            return 1
        targets = {
            addon / "README.rst": rst,
            addon / "static" / "description" / "index.html": html,
        }
        for path, text in targets.items():
            current = path.read_text() if path.is_file() else None
            if current == text:
                continue
            if args.check:
                stale.append(str(path))
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text)
                print(f"wrote {path}")
    if stale:
        print(
            "stale (run ./suite readme and commit): " + ", ".join(stale),
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
