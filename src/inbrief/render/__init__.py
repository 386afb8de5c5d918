"""Rendering: content + templates + styles → one HTML document and its stylesheets."""
