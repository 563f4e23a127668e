"""``.. notecast:: tutorials/intro.md``: a Notecast tutorial played in a Sphinx page by the web
player ``<notecast-player>``, compiled when the docs are built (no Node.js on the builder).

Add ``"jupyterlab_notecast.sphinx"`` to ``extensions`` in conf.py (``pip install
'jupyterlab-notecast[sphinx]'``). Options: ``height`` (a CSS length), ``step`` (the step shown
first, from 1), ``try-url`` (the player's "Try it" link template) and ``lang`` (the player's
language). In MyST Markdown, the same directive goes in a ``{notecast}`` fence.

A tutorial's errors and warnings are Sphinx warnings at the tutorial's file:line:column (type
``notecast``, subtype the rule), so ``-W`` fails the build on them.
"""

from __future__ import annotations

import hashlib
import html
import re
from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.fileutil import copy_asset

from .. import __version__
from .compiler import COMPILE_TIMEOUT, PLAYER_DIR, CompilerUnavailable, load_tutorial

logger = logging.getLogger(__name__)

#: Where the player's files go in the built site.
STATIC_FOLDER = "_static/notecast"
#: The largest tutorial file read (the compiler has its own, smaller limits and says so).
MAX_READ_BYTES = 64 * 1024 * 1024

_CSS_LENGTH = re.compile(r"^\d+(\.\d+)?(px|em|rem|vh|svh|dvh|%)$")
_LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$")


def css_length(argument: str | None) -> str:
    value = directives.unchanged_required(argument).strip()
    if not _CSS_LENGTH.match(value):
        raise ValueError(f'"{value}" is not a CSS length such as 40rem, 600px or 80vh')
    return value


def language_tag(argument: str | None) -> str:
    value = directives.unchanged_required(argument).strip()
    if not _LANGUAGE_TAG.match(value):
        raise ValueError(f'"{value}" is not a language tag such as en, fr or pt-BR')
    return value


class notecast_player(nodes.General, nodes.Element):
    """A player: the compiled script (JSON text) and the element's attributes."""


class NotecastDirective(SphinxDirective):
    required_arguments = 1
    has_content = False
    option_spec = {
        "height": css_length,
        "step": directives.positive_int,
        "try-url": directives.uri,
        "lang": language_tag,
    }

    def run(self) -> list[nodes.Node]:
        relative, absolute = self.env.relfn2path(self.arguments[0], self.env.docname)
        path = Path(absolute)
        self.env.note_dependency(relative)
        try:
            with path.open("rb") as file:
                data = file.read(MAX_READ_BYTES + 1)
            if len(data) > MAX_READ_BYTES:
                raise OSError(f"larger than {MAX_READ_BYTES // (1024 * 1024)} MiB")
            text = data.decode("utf-8")
        except (OSError, UnicodeDecodeError) as error:
            reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
            logger.warning(
                f"cannot read the tutorial {self.arguments[0]}: {reason}",
                location=self.get_location(),
                type="notecast",
                subtype="read",
            )
            return []
        kind = "json" if path.suffix.lower() == ".json" else "markdown"
        try:
            loaded = load_tutorial(text, str(path), kind)
        except CompilerUnavailable as error:
            logger.warning(str(error), location=self.get_location(), type="notecast", subtype="compiler")
            return []
        except Exception as error:  # mini-racer's timeout, out-of-memory or a fault in the bundle
            logger.warning(
                f"cannot compile {path}: {type(error).__name__}: {error}; "
                f"a tutorial may take at most {COMPILE_TIMEOUT} s (see README, Sphinx limits)",
                location=self.get_location(),
                type="notecast",
                subtype="compiler",
            )
            return []
        for problem in loaded.problems:
            where = f"{path}:{problem.line or 1}:{problem.column or 1}"
            logger.warning(
                f"{problem.severity}: {problem.message}",
                location=where,
                type="notecast",
                subtype=problem.rule or "notecast",
            )
        if loaded.script is None:
            return []
        digest = hashlib.sha256(str(relative).encode("utf-8")).hexdigest()[:8]
        node = notecast_player(
            script=loaded.script,
            filename=f"{path.stem}.{digest}.json",
            options=dict(self.options),
        )
        self.set_source_info(node)
        return [node]


def visit_player_html(translator, node: notecast_player) -> None:
    builder = translator.builder
    page = Path(builder.get_outfilename(builder.current_docname))
    page.parent.mkdir(parents=True, exist_ok=True)
    target = page.parent / node["filename"]
    temporary = target.with_name(target.name + ".tmp")
    temporary.write_text(node["script"], encoding="utf-8")
    temporary.replace(target)
    options = node["options"]
    attributes = {"src": node["filename"]}
    if "step" in options:
        attributes["step"] = str(options["step"])
    if "try-url" in options:
        attributes["try-url"] = options["try-url"]
    if "lang" in options:
        attributes["lang"] = options["lang"]
    if "height" in options:
        attributes["style"] = f"display: block; height: {options['height']}; overflow: auto"
    written = " ".join(f'{name}="{html.escape(value, quote=True)}"' for name, value in attributes.items())
    translator.body.append(f'<div class="notecast"><notecast-player {written}></notecast-player></div>\n')
    raise nodes.SkipNode


def skip_player(translator, node: notecast_player) -> None:
    """Pages that are not HTML (PDF, man pages, text) have no player: the tutorial is left out."""
    raise nodes.SkipNode


def add_player_files(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """The player's module and stylesheet, once, on each page that has a player."""
    if doctree is None or not any(True for _ in doctree.findall(notecast_player)):
        return
    app.add_css_file("notecast/notecast-player.css")
    app.add_js_file("notecast/notecast-player.js", type="module")


def copy_player(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    if not (PLAYER_DIR / "notecast-player.js").is_file():
        logger.warning(
            f"{PLAYER_DIR} has no web player: reinstall jupyterlab-notecast, or in a source checkout run `npm run build:web`",
            type="notecast",
            subtype="player",
        )
        return
    copy_asset(str(PLAYER_DIR), str(Path(app.outdir) / STATIC_FOLDER))


def setup(app: Sphinx) -> dict:
    app.add_node(
        notecast_player,
        html=(visit_player_html, None),
        latex=(skip_player, None),
        text=(skip_player, None),
        man=(skip_player, None),
        texinfo=(skip_player, None),
    )
    app.add_directive("notecast", NotecastDirective)
    app.connect("html-page-context", add_player_files)
    app.connect("build-finished", copy_player)
    return {"version": __version__, "env_version": 1, "parallel_read_safe": True, "parallel_write_safe": True}
