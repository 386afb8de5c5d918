"""What a build or check was asked for: the matrix selection and the output options.

Apart from build.py so that commands which render nothing (check on a clean project) can
describe their selection without importing the rendering stack.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass
class Options:
    langs: tuple[str, ...] = ()
    layouts: tuple[str, ...] = ()
    audiences: tuple[str, ...] = ()
    out: Path | None = None
    force: bool = False
    format: str = "pdf"
    strict: bool = False
    debug: bool = False
    paper: str = "a4"
    print_mode: bool = False
    jobs: int = 1
    """Worker processes for rendering; the CLI defaults to the CPU count."""
    shard: tuple[int, int] | None = None
    """(k, n): build only the k-th of n deterministic, disjoint, covering parts of the matrix."""
    pdf_variant: str | None = None
    timeout: float | None = None
    """Seconds one target may take before it fails (None: no limit)."""
    allow_remote: bool = False
    """Let templates load http(s) resources (timeout and size cap); off by default."""

    def output_options(self) -> dict:
        """The options that change a file's bytes (not which files, nor how many workers)."""
        return {"format": self.format, "paper": self.paper, "print": self.print_mode,
                "pdf_variant": self.pdf_variant, "allow_remote": self.allow_remote}

    @property
    def variant_suffix(self) -> str:
        """Non-default outputs get their own file names, never overwriting the default PDFs."""
        parts = []
        if self.paper != "a4":
            parts.append(self.paper)
        if self.print_mode:
            parts.append("print")
        if self.pdf_variant and self.pdf_variant != "pdf/ua-1":
            parts.append(self.pdf_variant.replace("pdf/", "pdf").replace("/", "-"))
        return "".join("-" + p for p in parts)
