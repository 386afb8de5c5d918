"""The built-in default project and scaffolding of new projects."""
