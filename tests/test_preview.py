"""inbrief preview: real pages on 127.0.0.1, seen by a real headless browser."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from PIL import Image

from conftest import copy_project

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read()


@pytest.fixture
def preview(tmp_path):
    project = copy_project(tmp_path / "p")
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "inbrief", "--project", str(project), "preview", "--lang", "en",
         "--layout", "factsheet", "--audience", "general", "--port", str(port),
         "--out", str(tmp_path / "out")],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    end = time.monotonic() + 60
    while time.monotonic() < end:
        try:
            if json.loads(get(base + "/status"))["version"] >= 1:
                break
        except OSError:
            pass
        time.sleep(0.3)
    else:
        proc.kill()
        pytest.fail("preview did not build: " + proc.communicate()[0])
    yield base, tmp_path
    proc.send_signal(signal.SIGINT)
    output, _ = proc.communicate(timeout=30)
    assert proc.returncode == 0 and "Traceback" not in output, output


def test_preview_serves_real_pages(preview):
    base, _ = preview
    info = json.loads(get(base + "/pages?lang=en&layout=factsheet&audience=general"))
    assert info["pages"] == 1
    png = get(base + "/page.png?lang=en&layout=factsheet&audience=general&page=1")
    assert png.startswith(b"\x89PNG")
    assert b"<select id=\"lang\">" in get(base + "/")


@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed")
def test_headless_chromium_shows_the_rendered_page(preview):
    base, tmp = preview
    shot = tmp / "shot.png"
    subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
         "--no-first-run", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", f"--user-data-dir={tmp / 'chromium'}", "--window-size=1200,1000",
         "--virtual-time-budget=8000", f"--screenshot={shot}",
         base + "/?lang=en&layout=factsheet&audience=general"],
        check=True, capture_output=True, timeout=120,
        # In-process builds point FONTCONFIG_FILE at inbrief's font-less configuration;
        # Chromium needs the machine's fonts for its own UI text, or it aborts.
        env={k: v for k, v in os.environ.items() if k != "FONTCONFIG_FILE"})
    image = Image.open(shot).convert("RGB")
    width, height = image.size
    # The page image's IOM-blue cover band, below the preview's own header bar.
    band = [image.getpixel((x, y)) for x in range(width // 4, 3 * width // 4, 8)
            for y in range(120, 260, 8)]
    blue = sum(1 for r, g, b in band if r < 20 and 35 < g < 70 and 140 < b < 180)
    assert blue > len(band) * 0.5, "the rendered page is not in the screenshot"
