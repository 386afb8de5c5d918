"""Content: YAML sources with locations, strict models, and their validation."""
