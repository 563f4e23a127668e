"""Notecast's compiler at documentation build time, with no Node.js: the compiler and the
script's validation bundled as one script (build/compiler/notecast-compiler.js, shipped in the
wheel as jupyterlab_notecast/web/notecast-compiler.js) run in V8 through mini-racer."""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from pathlib import Path

#: The files the wheel carries for pages: the web player (build/web) and the compiler bundle.
WEB_DIR = Path(__file__).resolve().parent.parent / "web"
PLAYER_DIR = WEB_DIR / "player"
COMPILER_BUNDLE = WEB_DIR / "notecast-compiler.js"

#: Seconds one tutorial may take to compile before the build gives up on it.
COMPILE_TIMEOUT = 60


class CompilerUnavailable(RuntimeError):
    """The compiler cannot run here: mini-racer or the bundle is missing."""


@dataclass
class Problem:
    message: str
    severity: str
    line: int | None = None
    column: int | None = None
    rule: str | None = None


@dataclass
class Loaded:
    #: The compiled script as JSON text; None when there are errors.
    script: str | None
    problems: list[Problem]


_local = threading.local()


def _context():
    context = getattr(_local, "context", None)
    if context is not None:
        return context
    try:
        from py_mini_racer import MiniRacer
    except ImportError as error:
        raise CompilerUnavailable(
            "the notecast directive compiles tutorials with mini-racer, which is not installed: "
            "pip install 'jupyterlab-notecast[sphinx]'"
        ) from error
    if not COMPILER_BUNDLE.is_file():
        raise CompilerUnavailable(
            f"{COMPILER_BUNDLE} is missing: reinstall jupyterlab-notecast, or in a source checkout run `npm run build:web`"
        )
    context = MiniRacer()
    context.eval(COMPILER_BUNDLE.read_text(encoding="utf-8"))
    _local.context = context
    return context


def load_tutorial(text: str, path: str, kind: str) -> Loaded:
    """Compile Markdown (`kind` "markdown") or validate a compiled script ("json"), as `notecast compile` does."""
    call = f"notecastLoad({json.dumps(text)}, {json.dumps(path)}, {json.dumps(kind)})"
    answer = json.loads(_context().eval(call).get(timeout=COMPILE_TIMEOUT))
    problems = [
        Problem(
            message=problem["message"],
            severity=problem["severity"],
            line=problem.get("line"),
            column=problem.get("column"),
            rule=problem.get("ruleId"),
        )
        for problem in answer["problems"]
    ]
    return Loaded(script=answer.get("script"), problems=problems)
