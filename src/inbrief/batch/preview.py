"""``inbrief preview``: the real pages of the PDFs in a browser, refreshed after each rebuild.

A small HTTP server on 127.0.0.1 only: an index page with a selector for
language, layout and audience, page images rasterised from the built PDF with
PDFium (what prints, not a browser's approximation), and a build counter the
page polls to reload itself. The watch loop runs in a background thread.
"""

from __future__ import annotations

import html
import io
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

from ..errors import UserError
from . import manifest

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>inbrief preview</title>
<style>
body {{ margin: 0; font: 14px system-ui, sans-serif; background: #e9edf4; color: #1b2330; }}
header {{ position: sticky; top: 0; background: #0033a0; color: #fff; padding: 10px 16px;
          display: flex; gap: 12px; align-items: center; }}
header h1 {{ font-size: 16px; margin: 0 12px 0 0; }}
select {{ font-size: 14px; }}
#status {{ margin-left: auto; opacity: .85; }}
main {{ display: flex; flex-wrap: wrap; gap: 16px; padding: 16px; justify-content: center; }}
main img {{ background: #fff; box-shadow: 0 1px 4px rgba(0,0,0,.25); max-width: 100%; }}
.empty {{ padding: 40px; }}
</style></head>
<body>
<header><h1>inbrief preview</h1>
<label>Language <select id="lang">{langs}</select></label>
<label>Layout <select id="layout">{layouts}</select></label>
<label>Audience <select id="audience">{audiences}</select></label>
<span id="status"></span></header>
<main id="pages"></main>
<script>
let version = -1;
const ids = ["lang", "layout", "audience"];
const params = new URLSearchParams(location.search);
ids.forEach(id => {{ if (params.get(id)) document.getElementById(id).value = params.get(id); }});
async function show() {{
  const q = ids.map(id => id + "=" + encodeURIComponent(document.getElementById(id).value)).join("&");
  const info = await (await fetch("/pages?" + q)).json();
  const main = document.getElementById("pages");
  main.innerHTML = "";
  if (!info.pages) {{ main.innerHTML = '<p class="empty">' + info.message + "</p>"; return; }}
  for (let i = 1; i <= info.pages; i++) {{
    const img = document.createElement("img");
    img.alt = "page " + i;
    img.src = "/page.png?" + q + "&page=" + i + "&v=" + info.sha256.slice(0, 12);
    main.appendChild(img);
  }}
}}
async function poll() {{
  try {{
    const s = await (await fetch("/status")).json();
    document.getElementById("status").textContent = s.message;
    if (s.version !== version) {{ version = s.version; await show(); }}
  }} catch (e) {{ document.getElementById("status").textContent = "preview server stopped"; }}
  setTimeout(poll, 1000);
}}
ids.forEach(id => document.getElementById(id).addEventListener("change", show));
poll();
</script></body></html>
"""


class State:
    def __init__(self, out: Path, config):
        self.out = out
        self.config = config
        self.version = 0
        self.message = "building…"
        self.lock = threading.Lock()

    def bump(self, message: str) -> None:
        with self.lock:
            self.version += 1
            self.message = message


def make_handler(state: State):
    cfg = state.config

    def options(values, selected):
        return "".join(f'<option{" selected" if v == selected else ""}>{html.escape(v)}</option>'
                       for v in values)

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):  # keep the terminal for build messages
            pass

        def _send(self, code: int, body: bytes, ctype: str) -> None:
            self.send_response(code)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

        def _entry(self, q):
            pick = {k: (q.get(k) or [""])[0] for k in ("lang", "layout", "audience")}
            for e in manifest.read(state.out)["targets"]:
                if (e.get("format", "pdf") == "pdf" and not e.get("variant")
                        and all(e.get(k) == v for k, v in pick.items())):
                    return e
            return None

        def do_GET(self):
            url = urlparse(self.path)
            q = parse_qs(url.query)
            if url.path == "/":
                body = PAGE.format(langs=options(cfg.languages, cfg.source_language),
                                   layouts=options(list(cfg.layouts), next(iter(cfg.layouts))),
                                   audiences=options(cfg.audiences, cfg.audiences[0]))
                return self._send(200, body.encode(), "text/html; charset=utf-8")
            if url.path == "/status":
                with state.lock:
                    body = json.dumps({"version": state.version, "message": state.message})
                return self._send(200, body.encode(), "application/json")
            if url.path == "/pages":
                e = self._entry(q)
                body = ({"pages": e["pages"], "sha256": e["sha256"]} if e else
                        {"pages": 0, "message": "not built: choose a target the watch builds"})
                return self._send(200, json.dumps(body).encode(), "application/json")
            if url.path == "/page.png":
                e = self._entry(q)
                if not e:
                    return self._send(404, b"not built", "text/plain")
                try:
                    number = int((q.get("page") or ["1"])[0])
                    png = render_png(state.out / e["path"], number)
                except (ValueError, IndexError):
                    return self._send(404, b"no such page", "text/plain")
                return self._send(200, png, "image/png")
            return self._send(404, b"not found", "text/plain")

    return Handler


def render_png(pdf_path: Path, number: int, scale: float = 1.5) -> bytes:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        if not 1 <= number <= len(pdf):
            raise IndexError(number)
        image = pdf[number - 1].render(scale=scale).to_pil()
    finally:
        pdf.close()
    buf = io.BytesIO()
    image.save(buf, format="PNG")
    return buf.getvalue()


def serve(port: int, state: State) -> ThreadingHTTPServer:
    try:
        server = ThreadingHTTPServer(("127.0.0.1", port), make_handler(state))
    except OSError as exc:
        raise UserError(f"cannot listen on 127.0.0.1:{port}: {exc.strerror} — choose another "
                        f"--port") from None
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
