"""The CI files users copy are safe to copy and valid: zizmor and the vendors' JSON Schemas.

docs/ci/github-actions.yml and action.yml are audited by zizmor (the GitHub Actions security
auditor) with its pedantic persona, which includes the default one: no finding at all, and
inline ignore comments are not honoured (--no-ignores), so a finding can only be fixed. All
three files are validated against the schemas that check-jsonschema bundles (GitHub's
workflow and action schemas, GitLab's CI schema).

Both tools run offline: zizmor with --offline (its online audits, which ask GitHub whether a
pinned commit belongs to its repository or has a known vulnerability, are skipped), and
check-jsonschema with its built-in copies of the schemas. Any connection they did try would go
to a proxy on a closed local port and fail.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
import yaml

from conftest import REPO

WORKFLOW = "docs/ci/github-actions.yml"
ACTION = "action.yml"


def _offline_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k.upper() not in {"NO_PROXY", "GH_TOKEN", "GITHUB_TOKEN", "ZIZMOR_GITHUB_TOKEN",
                                "ZIZMOR_CONFIG"}}
    for var in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        env[var] = env[var.lower()] = "http://127.0.0.1:9"   # discard port: nothing listens
    env["NO_COLOR"] = "1"
    return env


def _tool(name: str) -> str:
    """The console script installed with this interpreter (the `test` extra), else on PATH."""
    here = Path(sysconfig.get_path("scripts")) / name
    found = str(here) if here.is_file() else shutil.which(name)
    assert found, f"{name} is not installed: pip install -e '.[test]'"
    return found


def _run(argv: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run(argv, cwd=REPO, env=_offline_env(), capture_output=True, text=True,
                          timeout=120)


def _shown(done: subprocess.CompletedProcess) -> str:
    return (f"$ {' '.join(done.args)}\nexit {done.returncode}\n"
            f"--- stdout\n{done.stdout}\n--- stderr\n{done.stderr}")


def test_zizmor_finds_nothing():
    common = [_tool("zizmor"), "--offline", "--no-config", "--no-ignores", "--strict-collection",
              "--persona", "pedantic", "--no-progress", "--color", "never"]
    done = _run([*common, "--format", "json", WORKFLOW, ACTION])
    if done.returncode != 0 or done.stdout.strip() != "[]":
        # Show the findings as zizmor explains them, with the lines they point at.
        plain = _run([*common, "--show-audit-urls", "always", WORKFLOW, ACTION])
        pytest.fail(f"--format json: exit {done.returncode}\n\n{_shown(plain)}", pytrace=False)
    assert json.loads(done.stdout) == []


@pytest.mark.parametrize("schema,path", [
    ("vendor.github-workflows", WORKFLOW),
    ("vendor.github-actions", ACTION),
    ("vendor.gitlab-ci", "docs/ci/gitlab-ci.yml"),
])
def test_vendor_schema_accepts(schema, path):
    done = _run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, path])
    assert done.returncode == 0 and "ok -- validation done" in done.stdout, _shown(done)


PINNED = re.compile(r"uses: (?P<action>[\w.-]+/[\w./-]+)@(?P<sha>[0-9a-f]{40})"
                    r" # (?P<tag>v\d+\.\d+\.\d+)$")


def test_each_action_is_pinned_once_to_a_commit_with_its_release():
    """Every `uses:` of another repository: a full SHA and its release, the same in both files.

    (zizmor checks the SHA; this also wants the release written as vX.Y.Z, which Dependabot and
    pinact update along with the SHA, and one version of an action across the two files.)
    """
    seen: dict[str, set[tuple[str, str]]] = {}
    for path in (WORKFLOW, ACTION):
        text = (REPO / path).read_text(encoding="utf-8")
        doc = yaml.safe_load(text)
        steps = ([s for job in doc["jobs"].values() for s in job["steps"]] if "jobs" in doc
                 else doc["runs"]["steps"])
        uses = [s["uses"] for s in steps if "uses" in s]
        assert uses, path
        lines = [line.strip().removeprefix("- ") for line in text.splitlines()
                 if re.match(r"\s*(- )?uses: ", line)]
        assert len(lines) == len(uses), (path, lines)
        for used, line in zip(uses, lines):
            if used.startswith(("$/", "./")):   # this repository, at the commit being run
                continue
            match = PINNED.match(line)
            assert match, f"{path}: {line!r} is not `uses: OWNER/REPO@<40-hex SHA> # vX.Y.Z`"
            seen.setdefault(match["action"], set()).add((match["sha"], match["tag"]))
    assert {"actions/checkout", "actions/setup-python", "actions/upload-artifact"} <= set(seen)
    for action, pins in seen.items():
        assert len(pins) == 1, f"{action} is pinned to different commits: {sorted(pins)}"
