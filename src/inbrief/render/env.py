"""The Jinja environment: autoescaped, strict, and able to say which line broke."""

from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path

from jinja2 import (ChoiceLoader, Environment, FileSystemLoader, PrefixLoader,
                    StrictUndefined, TemplateError, TemplateNotFound, TemplateSyntaxError,
                    UndefinedError)
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment

from ..errors import ContentError, Problem
from . import filters
from .cache import bytecode_cache


def make_env(folders: list[Path], kinds: list[Path] = ()) -> Environment:
    """One environment per search path and state of its files: templates compile once per
    process, not once per target. Any added, removed or edited template (as under
    `inbrief watch`) changes the key, so an override placed earlier on the path is seen.
    """
    stamps = tuple(sorted((str(p), p.stat().st_mtime_ns) for f in [*folders, *kinds]
                          for p in f.rglob("*") if p.is_file()))
    return _env(tuple(folders), tuple(kinds), stamps)


@lru_cache(maxsize=32)
def _env(folders: tuple[Path, ...], kinds: tuple[Path, ...], _stamps: tuple) -> Environment:
    # Sandboxed: templates are shared between offices, and a plain Environment lets
    # ``{{ cycler.__init__.__globals__.os.popen(...) }}`` run commands on the build machine.
    env = SandboxedEnvironment(
        # The cache key above already holds every template's stamp: no second stat per include.
        auto_reload=False,
        # A block kind's partials are ``kinds/<kind>/…``, found file by file along the kinds'
        # folders (audience, project, built-in), like every other template.
        loader=ChoiceLoader([FileSystemLoader([str(f) for f in folders]),
                             PrefixLoader({"kinds": FileSystemLoader([str(k) for k in kinds])})]),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        bytecode_cache=bytecode_cache(),
    )
    env.filters.update(filters.FILTERS)
    env.tests.update(filters.TESTS)
    return env


def render(env: Environment, name: str, context: dict) -> str:
    """Render ``name``; template mistakes become located problems, not tracebacks."""
    try:
        return env.get_template(name).render(context)
    except TemplateSyntaxError as exc:
        raise ContentError([Problem(exc.filename or name, exc.lineno, None,
                                    f"template syntax error: {exc.message}",
                                    "fix the Jinja tag at this line")]) from None
    except TemplateNotFound as exc:
        raise _located(name, f"template '{exc.name}' not found",
                       "check the name in the include/extends tag") from None
    except SecurityError as exc:
        raise _located(name, f"template refused by the sandbox: {exc}",
                       "templates may use the content and filters, not Python internals") from None
    except UndefinedError as exc:
        raise _located(name, f"undefined variable: {exc.message}",
                       "check the spelling against the content model "
                       "(docs/content-format.md)") from None
    except TemplateError as exc:
        raise _located(name, f"template error: {exc}") from None


def _located(name: str, message: str, hint: str = "") -> ContentError:
    """The problem at the template line that was running when the exception being handled
    was raised (its innermost template frame), else at the top template."""
    path, line = _template_frame(sys.exc_info()[2])
    return ContentError([Problem(path or name, line, None, message, hint)])


def _template_frame(tb) -> tuple[str | None, int | None]:
    """The innermost traceback frame that belongs to a template file."""
    found = (None, None)
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith((".j2", ".html", ".jinja")):
            found = (filename, tb.tb_lineno)
        tb = tb.tb_next
    return found
