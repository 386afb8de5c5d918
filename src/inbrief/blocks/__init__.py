"""Block kinds: folders with a schema (and later partials) that type a text file's blocks.

Kinds sit below rendering: nothing here imports render/, pdf/, batch/, cli/ or i18n/, so the
loader, translations and exports can all ask the same registry what a block may hold.
"""

from .compile import field_at, text_paths, values_of
from .registry import Kind, Registry, load_registry
from .schema_json import source_schema
from .sections import Block, Section, Sections, validate_sections
from .translation import validate_translation

__all__ = ["Block", "Kind", "Registry", "Section", "Sections", "field_at", "load_registry",
           "source_schema", "text_paths", "validate_sections", "validate_translation", "values_of"]
