"""Project configuration: ``inbrief.yaml`` found, loaded and validated in one place.

The names are loaded on first use: ``config.find`` must stay importable without the
pydantic models, which are most of a cold command's start-up."""

__all__ = ["CONFIG_NAME", "Project", "find_project", "load_project"]


def __getattr__(name: str):
    if name in __all__:
        from . import loader

        return getattr(loader, name)
    raise AttributeError(name)
