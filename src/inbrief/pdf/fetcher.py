"""The only door through which WeasyPrint may load anything.

WeasyPrint's default fetcher reads any local file and any URL; a shared
template with ``<img src="file:///etc/passwd">`` must not work. We serve files
inside an allow-list of folders (resolved, so ``..`` and symlinks cannot
escape) and ``data:`` URIs, and nothing from the network unless the user
passed ``--allow-remote``: then http(s) only, no redirects (a redirect could
point anywhere), a timeout and a size cap. Every refusal is recorded; the
build fails the target rather than print a page with a hole in it.

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
REMOTE_TIMEOUT = 10
# One download per URL and process: the layouts a target's copyfit tries all see the same
# bytes (a resource that changed between two tries would make the choice meaningless), and a
# server is asked once, not once per try.
_DOWNLOADED: dict[str, tuple[bytes, dict]] = {}


class SafeFetcher(URLFetcher):
    def __init__(self, roots: list[Path], allow_remote: bool = False):
        protocols = ("file", "data", "http", "https") if allow_remote else ("file", "data")
        super().__init__(allowed_protocols=protocols, allow_redirects=False,
                         timeout=REMOTE_TIMEOUT)
        self.roots = [Path(r).resolve() for r in roots]
        self.allow_remote = allow_remote
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
        if scheme in ("http", "https") and self.allow_remote:
            return self._remote(url, headers)
        if scheme in ("http", "https"):
            return self._refuse(url, "network access is off (pass --allow-remote, or copy the "
                                     "file into the project)")
        return self._refuse(url, f"'{scheme}:' addresses are never loaded")

    def _remote(self, url, headers):
        if url in _DOWNLOADED:
            data, got = _DOWNLOADED[url]
            return URLFetcherResponse(url, data, got)
        try:
            response = super().fetch(url, headers)
        except Exception as exc:  # timeouts, DNS, HTTP errors, refused redirects
            return self._refuse(url, f"could not be downloaded: {exc}")
        try:
            data = response.read(MAX_RESOURCE_BYTES + 1)
        finally:
            response.close()
        if len(data) > MAX_RESOURCE_BYTES:
            return self._refuse(url, f"is larger than {MAX_RESOURCE_BYTES:,} bytes")
        _DOWNLOADED[url] = data, dict(response.headers.items())
        return URLFetcherResponse(url, data, _DOWNLOADED[url][1])

    def _refuse(self, url: str, why: str):
        self.refused.append(f"{url}: {why}")
        raise PermissionError(why)
