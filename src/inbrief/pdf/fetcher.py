"""The only door through which WeasyPrint may load anything.

WeasyPrint's default fetcher reads any local file and any URL; a shared
template with ``<img src="file:///etc/passwd">`` must not work. We serve files
inside an allow-list of folders (resolved, so ``..`` and symlinks cannot
escape) and ``data:`` URIs, and nothing from the network.

Import this module only through :mod:`inbrief.pdf.engine`, which isolates
fontconfig before WeasyPrint loads.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlparse
from urllib.request import url2pathname

from weasyprint.urls import URLFetcher, URLFetcherResponse

MAX_RESOURCE_BYTES = 20_000_000


class SafeFetcher(URLFetcher):
    def __init__(self, roots: list[Path]):
        super().__init__(allowed_protocols=("file", "data"), allow_redirects=False)
        self.roots = [Path(r).resolve() for r in roots]
        self.refused: list[str] = []

    def allowed(self, path: Path) -> bool:
        real = path.resolve()
        return any(real == r or r in real.parents for r in self.roots)

    def fetch(self, url, headers=None):
        parsed = urlparse(url)
        scheme = parsed.scheme.lower()
        if scheme == "data":
            return super().fetch(url, headers)
        if scheme == "file":
            path = Path(url2pathname(unquote(parsed.path)))
            if not self.allowed(path):
                return self._refuse(url, f"{path} is outside the project")
            if not path.is_file():
                return self._refuse(url, f"{path} does not exist")
            if path.stat().st_size > MAX_RESOURCE_BYTES:
                return self._refuse(url, f"{path} is larger than {MAX_RESOURCE_BYTES:,} bytes")
            mime, _ = mimetypes.guess_type(path.name)
            headers = {"Content-Type": mime} if mime else {}
            return URLFetcherResponse(url, path.read_bytes(), headers)
        return self._refuse(url, "network access is disabled")

    def _refuse(self, url: str, why: str):
        self.refused.append(f"{url}: {why}")
        raise PermissionError(why)
