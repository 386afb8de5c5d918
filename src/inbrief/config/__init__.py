"""Project configuration: ``inbrief.yaml`` found, loaded and validated in one place."""

from .loader import CONFIG_NAME, Project, find_project, load_project

__all__ = ["CONFIG_NAME", "Project", "find_project", "load_project"]
