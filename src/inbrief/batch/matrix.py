"""The build matrix: languages × layouts × audiences, filtered and ordered stably."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import UserError

if TYPE_CHECKING:  # a rendering worker unpickles targets without the config models
    from ..config.model import Config


@dataclass(frozen=True, order=True)
class Target:
    lang: str
    layout: str
    audience: str

    @property
    def key(self) -> str:
        return f"{self.lang}/{self.layout}/{self.audience}"

    def filename(self, config: Config, fmt: str = "pdf", suffix: str = "") -> str:
        name = config.output.filename.format(lang=self.lang, layout=self.layout,
                                             audience=self.audience, slug=config.slug)
        stem = name.rsplit(".", 1)[0] if name.endswith(".pdf") else name
        return f"{stem}{suffix}.{fmt}"


def in_shard(target: Target, shard: tuple[int, int] | None) -> bool:
    """A target's shard depends only on its own key: stable when the config is reordered."""
    if shard is None:
        return True
    k, n = shard
    digest = hashlib.sha256(target.key.encode()).digest()
    return int.from_bytes(digest[:8], "big") % n == k - 1


def matrix(config: Config, langs=(), layouts=(), audiences=(), shard=None) -> list[Target]:
    """All targets, or those matching the filters; unknown filter values are usage errors."""
    _check("language", langs, config.languages, "--lang")
    _check("layout", layouts, list(config.layouts), "--layout")
    _check("audience", audiences, config.audiences, "--audience")
    return sorted(
        t for t in (
            Target(lang, layout, audience)
            for lang in config.languages if not langs or lang in langs
            for layout in config.layouts if not layouts or layout in layouts
            for audience in config.audiences if not audiences or audience in audiences)
        if in_shard(t, shard)
    )


def _check(what: str, asked, known: list[str], option: str) -> None:
    unknown = [a for a in asked if a not in known]
    if unknown:
        raise UserError(f"inbrief.yaml: unknown {what} {', '.join(repr(u) for u in unknown)} "
                        f"given to {option} — known: {', '.join(known)}")
