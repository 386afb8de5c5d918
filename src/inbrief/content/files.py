"""Where a project keeps its data files: one place, so that loading, the translators' report
and ``explain`` name the same files."""

from __future__ import annotations

from pathlib import Path

FACTS_FILE = "facts.yaml"
GLOSSARY_FILE = "glossary.yaml"
TEXT_DIR = "text"
AUDIENCE_DIR = "audiences"


def text_path(data_dir: Path, lang: str) -> Path:
    """A language's text file: ``data/text/<lang>.yaml``."""
    return data_dir / TEXT_DIR / f"{lang}.yaml"


def audience_spec_path(data_dir: Path, name: str) -> Path:
    """What an audience sees: ``data/audiences/<name>.yaml``."""
    return data_dir / AUDIENCE_DIR / f"{name}.yaml"


def audience_text_path(data_dir: Path, name: str, lang: str) -> Path:
    """An audience's own words in a language: ``data/text/audiences/<name>/<lang>.yaml``."""
    return data_dir / TEXT_DIR / AUDIENCE_DIR / name / f"{lang}.yaml"


def glossary_path(data_dir: Path) -> Path:
    """Terms whose translation is fixed: ``data/glossary.yaml`` (i18n.glossary)."""
    return data_dir / GLOSSARY_FILE
