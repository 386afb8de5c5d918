"""Hostile content renders as text; builds read nothing outside the project and never
touch the network unless --allow-remote is given."""

from __future__ import annotations

import shutil
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from pypdf import PdfReader

import inbrief
from conftest import run

PACKAGE = Path(inbrief.__file__).parent

BRIEF = ("--lang", "en", "--layout", "brief", "--audience", "general")
SVG = (b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
       b'<rect width="10" height="10" fill="#0033a0"/></svg>')


@pytest.fixture
def server():
    """A local HTTP server that records every request it gets."""
    seen: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - http.server's naming
            seen.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "image/svg+xml")
            self.end_headers()
            self.wfile.write(SVG)

        def log_message(self, *_args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", seen
    httpd.shutdown()


def _override(project, name: str):
    """The project's copy of a built-in file, to change: a design template (templates/…) or
    a block kind's partial (blocks/<kind>/…)."""
    builtin = PACKAGE / ("design/" + name if name.startswith("templates/")
                         else "blocks/kinds/" + name.removeprefix("blocks/"))
    dest = project / name
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(builtin, dest)
    return dest


def _text(pdf) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(pdf).pages)


def _pdf_objects(pdf) -> str:
    """Every object reachable from the trailer, streams decoded, as text: to search for
    what must not be there (a file's contents, an attachment, a file: link)."""
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, StreamObject

    reader = PdfReader(pdf)
    parts, seen, stack = [], set(), [reader.trailer]
    while stack:
        obj = stack.pop()
        if isinstance(obj, IndirectObject):
            if obj.idnum in seen:
                continue
            seen.add(obj.idnum)
            obj = obj.get_object()
        if isinstance(obj, StreamObject):
            parts.append(obj.get_data().decode("latin-1"))
        if isinstance(obj, DictionaryObject):
            for key, value in obj.items():
                parts.append(str(key))
                stack.append(value)
        elif isinstance(obj, ArrayObject):
            stack.extend(obj)
        else:
            parts.append(str(obj))
    return "\n".join(parts)


def test_hostile_text_renders_literally(project, server):
    url, seen = server
    en = project / "data/text/en.yaml"
    hostile = ('<img src="file:///etc/passwd"> <script>alert(1)</script> {{ 7*6 }} '
               f'[passwd](file:///etc/passwd) [home]({url}/link) and **strong** [IOM](https://www.iom.int)')
    text = en.read_text(encoding="utf-8")
    # The lead of the mission's commitments (rich text), a single-quoted YAML scalar.
    old = "    lead: 'As the leading international organization for migration, IOM acts with its partners\n"
    assert old in text
    en.write_text(text.replace(old, "    lead: '" + hostile.replace('"', "'").replace("'", "''")
                               + " " + old.split("'", 1)[1], 1), encoding="utf-8")
    result = run("--project", str(project), "build", *BRIEF)
    assert result.exit_code == 0, result.output
    assert "links to 'file:///etc/passwd', which is shown as text" in result.stderr
    pdf = project / "output/en/iom-in-brief-brief-general.pdf"
    shown = _text(pdf)
    assert "<img src='file:///etc/passwd'>" in shown
    assert "<script>alert(1)</script>" in shown
    assert "{{ 7*6 }}" in shown and "42" not in shown.split("{{")[0][-5:]
    assert "[passwd](file:///etc/passwd)" in shown
    assert "**strong**" not in shown and "strong" in shown  # the Markdown subset works
    everything = _pdf_objects(pdf)
    assert "root:x:0:0" not in everything
    assert "/EmbeddedFile" not in everything and "/FileAttachment" not in everything
    uris = {str(a.get_object()["/A"]["/URI"]) for page in PdfReader(pdf).pages
            for a in page.get("/Annots") or [] if "/A" in a.get_object()
            and "/URI" in a.get_object()["/A"]}
    assert "https://www.iom.int" in uris  # the allowed Markdown link is a real link...
    assert not [u for u in uris if not u.startswith(("https:", "http:", "mailto:"))], uris
    assert seen == [], "the build made a network request"


def test_templates_cannot_read_outside_the_project(project, tmp_path):
    secret = tmp_path / "secret.css"
    secret.write_text("body { background: red }", encoding="utf-8")
    assert run("--project", str(project), "build", *BRIEF).exit_code == 0
    pdf = project / "output/en/iom-in-brief-brief-general.pdf"
    before = pdf.read_bytes()
    partial = _override(project, "templates/partials/section.html.j2")
    partial.write_text(partial.read_text(encoding="utf-8") +
                       f'<link rel="stylesheet" href="{secret.as_uri()}">\n'
                       '<img src="file:///etc/passwd" alt="x">\n'
                       '<img src="../../../../etc/hostname" alt="y">\n', encoding="utf-8")
    result = run("--project", str(project), "build", *BRIEF)
    assert result.exit_code == 1, result.output
    assert f"{secret.as_uri()}: {secret} is outside the project" in result.stderr
    assert "file:///etc/passwd: /etc/passwd is outside the project" in result.stderr
    assert pdf.read_bytes() == before


def test_no_network_unless_allowed(project, server):
    url, seen = server
    partial = _override(project, "blocks/text/block.html.j2")
    partial.write_text(partial.read_text(encoding="utf-8") +
                       f'<img src="{url}/logo.svg" alt="logo">\n', encoding="utf-8")
    refused = run("--project", str(project), "build", *BRIEF)
    assert refused.exit_code == 1, refused.output
    assert f"{url}/logo.svg: network access is off (pass --allow-remote" in refused.stderr
    assert seen == []
    allowed = run("--project", str(project), "build", *BRIEF, "--allow-remote")
    assert allowed.exit_code == 0, allowed.output
    assert seen == ["/logo.svg"]  # the same server does see a request: the test can fail


def test_image_inside_project_is_allowed(project):
    partial = _override(project, "blocks/text/block.html.j2")
    (project / "assets").mkdir()
    (project / "assets/logo.svg").write_bytes(SVG)
    partial.write_text(partial.read_text(encoding="utf-8") +
                       '<img src="assets/logo.svg" alt="logo">\n', encoding="utf-8")
    result = run("--project", str(project), "build", *BRIEF)
    assert result.exit_code == 0, result.output
    assert "refused" not in result.stderr


def test_billion_laughs_fails_fast_with_bounded_memory(project):
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 10):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [" + ", ".join([f"*{prev}"] * 10) + "]")
    (project / "data/facts.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    # A fresh process, so that its peak memory is this check's alone.
    code = ("import resource, sys, time; from click.testing import CliRunner; "
            "from inbrief.cli.main import cli; t = time.perf_counter(); "
            f"r = CliRunner().invoke(cli, ['--project', {str(project)!r}, 'check']); "
            "print(r.exit_code, round(time.perf_counter() - t, 2), "
            "resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024); print(r.output)")
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60)
    wall = time.monotonic() - started
    status, seconds, peak_mb = done.stdout.split("\n", 1)[0].split()
    assert status == "2", done.stdout + done.stderr
    assert "more than 100000 values" in done.stdout
    assert float(seconds) < 5 and wall < 15
    assert int(peak_mb) < 300, f"{peak_mb} MB"
