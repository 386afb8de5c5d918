"""inbrief outside its own command line: editors, shells, pre-commit and GitHub Actions."""

from __future__ import annotations

import copy
import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path, PurePosixPath

import pytest
import yaml
from jsonschema import Draft202012Validator

from conftest import REPO, copy_project, run
from test_wheel import wheel  # noqa: F401 — the fixture: the package built as a wheel

# --- JSON Schemas: `inbrief schema` ------------------------------------------------------------


def _printed(name: str) -> dict:
    result = run("--project", str(REPO), "schema", name)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _listed() -> dict[str, str]:
    """Schema name → file pattern, as `inbrief schema` lists them."""
    result = run("--project", str(REPO), "schema")
    assert result.exit_code == 0, result.output
    return dict(line.split()[:2] for line in result.stdout.splitlines())


@pytest.fixture(scope="module")
def printed() -> dict[str, Draft202012Validator]:
    validators = {}
    for name in _listed():
        schema = _printed(name)
        Draft202012Validator.check_schema(schema)
        validators[name] = Draft202012Validator(schema)
    return validators


def _shipped_files() -> list[str]:
    files = ["inbrief.yaml", *(p.relative_to(REPO).as_posix()
                               for p in sorted((REPO / "data").rglob("*.yaml")))]
    assert len(files) > 25
    return files


def _applicable(rel: str) -> list[str]:
    """The schemas an editor applies to a file: every one whose pattern matches it."""
    return [name for name, glob in _listed().items() if PurePosixPath(rel).match(glob)]


def test_schema_lists_every_kind_of_file():
    assert _listed() == {
        "inbrief": "inbrief.yaml",
        "facts": "data/facts.yaml",
        "text": "data/text/en.yaml",
        "translation": "data/text/*.yaml",
        "audience": "data/audiences/*.yaml",
        "audience-texts": "data/text/audiences/*/*.yaml",
        "glossary": "data/glossary.yaml",
    }


def test_printed_schema_is_the_published_copy():
    for name in _listed():
        published = (REPO / "docs" / "schema" / f"{name}.schema.json").read_text(encoding="utf-8")
        assert json.loads(published) == _printed(name), name


@pytest.mark.parametrize("rel", _shipped_files())
def test_printed_schemas_accept_every_shipped_file(printed, rel):
    names = _applicable(rel)
    assert names, f"{rel}: no schema applies to it"
    data = yaml.safe_load((REPO / rel).read_text(encoding="utf-8"))
    for name in names:
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in printed[name].iter_errors(data)]
        assert errors == [], f"{rel} against {name}"


def test_source_text_gets_both_text_schemas():
    assert _applicable("data/text/en.yaml") == ["text", "translation"]
    assert _applicable("data/text/fr.yaml") == ["translation"]
    assert _applicable("data/text/audiences/migrants/fr.yaml") == ["audience-texts"]


@pytest.mark.parametrize("rel,inner", [
    ("inbrief.yaml", ("output",)),
    ("data/facts.yaml", ("contact", "address")),
    ("data/text/en.yaml", ("document",)),
    ("data/text/en.yaml", ("mission", "commitments")),   # a section, then a block of a kind
    ("data/text/fr.yaml", ("labels",)),
    ("data/text/fr.yaml", ("mission", "commitments")),
    ("data/audiences/government.yaml", ()),
    ("data/text/audiences/government/ar.yaml", ("callout", "message")),
])
def test_unknown_key_is_rejected(printed, rel, inner):
    data = yaml.safe_load((REPO / rel).read_text(encoding="utf-8"))
    broken = []
    for depth in range(len(inner) + 1):
        bad = copy.deepcopy(data)
        node = bad
        for key in inner[:depth]:
            node = node[key]
        node["colour"] = "blue"
        broken.append(bad)
    for name in _applicable(rel):
        for bad in broken:
            errors = list(printed[name].iter_errors(bad))
            # Named in the message, or (where any id may be a section or a block, which must
            # then be a mapping) at that key: the file itself has no error (the test above).
            assert any("'colour'" in e.message or "colour" in e.absolute_path for e in errors), \
                f"{rel} against {name}: {[e.message for e in errors]}"


def test_translations_may_be_partial_the_source_may_not(printed):
    partial = {"document": {"title": "L’OIM en bref"}, "labels": {"as_of": "au {year}"},
               "mission": {"commitments": {"items": ["Un engagement"]}}}
    assert list(printed["translation"].iter_errors(partial)) == []
    assert list(printed["audience-texts"].iter_errors(partial)) == []
    assert list(printed["text"].iter_errors(partial)), "the source text must be complete"
    # Partial, not lax: what a translation does say follows the rules.
    for bad in ({"document": {"title": ""}}, {"documnet": {"title": "x"}},
                {"figures": {"Not An Id": "x"}},
                {"mission": {"commitments": {"items": [42]}}},
                {"mission": {"commitments": {"itmes": ["Un engagement"]}}}):
        assert list(printed["translation"].iter_errors(bad)), bad


def test_schema_out_writes_files_and_the_vscode_setting(project):
    out = project / ".vscode" / "schema"
    result = run("--project", str(project), "schema", "--out", str(out))
    assert result.exit_code == 0, result.output
    setting = json.loads(result.stdout)["yaml.schemas"]
    assert setting["./.vscode/schema/text.schema.json"] == "data/text/en.yaml"
    assert setting["./.vscode/schema/audience-texts.schema.json"] == "data/text/audiences/*/*.yaml"
    for path in setting:
        assert (project / path).is_file()


def test_schema_unknown_name_lists_the_known_ones():
    result = run("--project", str(REPO), "schema", "texts")  # the classic model's name
    assert result.exit_code == 2
    assert "'texts' is not a schema" in result.stderr and "translation" in result.stderr


def test_init_maps_every_schema(tmp_path):
    assert run("init", str(tmp_path / "site")).exit_code == 0
    settings = json.loads((tmp_path / "site/.vscode/settings.json").read_text(encoding="utf-8"))
    mapping = settings["yaml.schemas"]
    assert mapping == {f"./schema/{name}.schema.json": glob for name, glob in _listed().items()}
    for path in mapping:
        assert (tmp_path / "site" / path).is_file()


def test_installed_wheel_prints_the_schemas(wheel, tmp_path):
    """Installed from a wheel, with no docs/ folder anywhere: the schemas come from the models."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    py = venv / "bin" / "python"
    purelib = Path(subprocess.check_output(
        [str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        text=True).strip())
    with zipfile.ZipFile(wheel) as zf:  # as in test_wheel.py: what pip does for a pure wheel
        zf.extractall(purelib)
    (purelib / "zz_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    outside = tmp_path / "elsewhere"  # not in a project
    outside.mkdir()
    printed = subprocess.run([str(py), "-m", "inbrief", "schema", "audience-texts"], cwd=outside,
                             env=env, capture_output=True, text=True, check=True).stdout
    assert printed == (REPO / "docs/schema/audience-texts.schema.json").read_text(encoding="utf-8")
    subprocess.run([str(py), "-m", "inbrief", "schema", "--out", "schema"], cwd=outside, env=env,
                   capture_output=True, check=True)
    assert sorted(p.name for p in (outside / "schema").iterdir()) == sorted(
        f"{name}.schema.json" for name in _listed())


# --- Shell completion ---------------------------------------------------------------------------


def _complete(args: str, incomplete: str = "") -> list[str]:
    """What Tab offers after `inbrief ARGS INCOMPLETE`, through Click's own machinery."""
    from click.shell_completion import ShellComplete

    from inbrief.cli.main import cli

    comp = ShellComplete(cli, {}, "inbrief", "_INBRIEF_COMPLETE")
    return [item.value for item in comp.get_completions(args.split(), incomplete)]


@pytest.mark.parametrize("command", ["build", "check", "list", "watch", "preview"])
def test_completion_offers_the_configured_languages(command, monkeypatch):
    monkeypatch.chdir(REPO / "data")  # a subfolder: the project is found upwards
    assert _complete(f"{command} --lang") == ["en", "fr", "es", "ar", "uk"]


def test_completion_of_layouts_and_audiences_by_prefix(monkeypatch):
    monkeypatch.chdir(REPO)
    assert _complete("build --layout", "b") == ["brief", "booklet"]
    assert _complete("build --lang fr --audience") == ["general", "government", "partners",
                                                       "migrants"]
    assert _complete("build --audience", "g") == ["general", "government"]


def test_completion_reads_the_project_option(project, tmp_path, monkeypatch):
    config = project / "inbrief.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "languages: [en, fr, es, ar, uk]", "languages: [en, de]"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert _complete(f"--project {project} build --lang") == ["en", "de"]


@pytest.mark.parametrize("config,audiences", [
    (None, []),                                     # no project at all
    ("languages: [en, fr\n", []),                   # not YAML
    (b"\xff\xfe languages", []),                    # not UTF-8
    ("- just a list\n", ["general"]),               # the default audience
    ("languages: 42\nlayouts: [a]\naudiences: {x: 1}\n", []),  # wrong types
])
def test_completion_is_silent_without_a_usable_project(config, audiences, tmp_path, monkeypatch,
                                                       capsys):
    if isinstance(config, str):
        (tmp_path / "inbrief.yaml").write_text(config, encoding="utf-8")
    elif config is not None:
        (tmp_path / "inbrief.yaml").write_bytes(config)
    monkeypatch.chdir(tmp_path)
    assert _complete("build --lang") == []
    assert _complete("build --layout") == []
    assert _complete("build --audience") == audiences
    assert capsys.readouterr() == ("", "")


def test_completion_through_the_shell_protocol():
    """Exactly what the bash script does on Tab: the env-var protocol, in a real process."""
    env = {**os.environ, "_INBRIEF_COMPLETE": "bash_complete",
           "COMP_WORDS": "inbrief build --lang ", "COMP_CWORD": "3",
           "PYTHONPATH": str(REPO / "src")}
    done = subprocess.run([sys.executable, "-m", "inbrief"], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stderr == ""
    assert done.stdout.split() == [f"plain,{c}" for c in ("en", "fr", "es", "ar", "uk")]


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_command_prints_the_activation_script(shell):
    result = run("completion", shell)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"# inbrief completion for {shell}.")
    assert "_INBRIEF_COMPLETE" in result.stdout and f"{shell}_complete" in result.stdout
    assert result.stdout == run("completion", shell).stdout


def test_completion_command_uses_shell_env(monkeypatch):
    monkeypatch.setenv("SHELL", "/usr/bin/zsh")
    assert run("completion").stdout.startswith("# inbrief completion for zsh.")
    monkeypatch.setenv("SHELL", "/bin/tcsh")
    result = run("completion")
    assert result.exit_code == 2 and "name it: inbrief completion {bash|zsh|fish}" in result.stderr


# --- pre-commit hook ----------------------------------------------------------------------------


def _hooks() -> list[dict]:
    return yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))


def test_pre_commit_hook_runs_check_on_project_files():
    hook = next(h for h in _hooks() if h["id"] == "inbrief-check")
    assert hook["entry"] == "inbrief check"
    assert hook["language"] == "python" and hook["pass_filenames"] is False
    files = re.compile(hook["files"])
    for path in ("inbrief.yaml", "data/facts.yaml", "data/text/audiences/partners/fr.yaml",
                 "templates/layouts/brief.html.j2", "styles/base.css"):
        assert files.search(path), path
    for path in ("README.md", "src/inbrief/cli/main.py", "docs/schema/texts.schema.json",
                 "tests/data/facts.yaml", "output/manifest.json", "inbrief.yaml.bak"):
        assert not files.search(path), path


def test_pre_commit_accepts_the_manifest():
    clientlib = pytest.importorskip("pre_commit.clientlib",
                                    reason="pre-commit is not installed (pip install -e .[test])")
    hooks = clientlib.load_manifest(str(REPO / ".pre-commit-hooks.yaml"))
    assert [h["id"] for h in hooks] == ["inbrief-check"]


def test_check_runs_without_weasyprint(tmp_path):
    """The hook's environment may lack Pango: `inbrief check` must not import WeasyPrint."""
    blocker = tmp_path / "blocked" / "weasyprint"
    blocker.mkdir(parents=True)
    (blocker / "__init__.py").write_text("raise ImportError('WeasyPrint is blocked here')\n")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(blocker.parent), str(REPO / "src")])}
    done = subprocess.run([sys.executable, "-m", "inbrief", "check"], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("ok: ")


def _index_unreachable() -> str:
    """Why pip cannot install inbrief's dependencies here, or "" when it can."""
    try:
        probe = subprocess.run([sys.executable, "-m", "pip", "index", "versions", "weasyprint",
                                "--timeout", "10", "--retries", "0"],
                               capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"pip could not query the package index ({exc})"
    if probe.returncode != 0:
        return "no package index reachable (`pip index versions weasyprint` failed)"
    return ""


def test_pre_commit_installs_the_hook_and_runs_it(tmp_path):
    """The hook as a user's pre-commit installs and runs it from a fresh clone (committed state),
    named in the user's .pre-commit-config.yaml as docs/editors.md shows."""
    pytest.importorskip("pre_commit", reason="pre-commit is not installed (pip install -e .[test])")
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    if not (REPO / ".git").exists():
        pytest.skip(f"{REPO} is not a git checkout: pre-commit installs hooks from a git repository")
    why = _index_unreachable()
    if why:
        pytest.skip(f"{why}: pre-commit must pip-install inbrief and its dependencies "
                    "into the hook's own environment")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "--quiet", str(REPO), str(clone)], check=True, timeout=120)
    rev = subprocess.run(["git", "rev-parse", "HEAD"], cwd=clone, check=True, timeout=60,
                         capture_output=True, text=True).stdout.strip()
    # The user's brief is a repository of its own that names the hook's repository and rev.
    user = copy_project(tmp_path / "brief")
    (user / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {clone}\n    rev: {rev}\n    hooks:\n      - id: inbrief-check\n",
        encoding="utf-8")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid"]
    subprocess.run([*git, "init", "--quiet"], cwd=user, check=True, timeout=60)
    subprocess.run([*git, "add", "."], cwd=user, check=True, timeout=60)
    subprocess.run([*git, "commit", "--quiet", "-m", "brief"], cwd=user, check=True, timeout=60)
    # Nothing from this checkout may leak into the hook's environment: it must use what
    # pre-commit installed from the clone.
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["PRE_COMMIT_HOME"] = str(tmp_path / "pre-commit-home")
    pre_commit = [sys.executable, "-m", "pre_commit", "run", "--all-files"]
    done = subprocess.run([*pre_commit, "--verbose"], cwd=user, env=env,
                          capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stdout + done.stderr
    assert re.search(r"inbrief check\.+Passed", done.stdout), done.stdout
    assert "ok: 5 language(s), 4 audience(s), 80 target(s) valid" in done.stdout

    # And it fails the commit when the content is wrong (the installed hook is reused).
    facts = user / "data" / "facts.yaml"
    facts.write_text(facts.read_text(encoding="utf-8") + "editon: 2026\n", encoding="utf-8")
    subprocess.run([*git, "commit", "--quiet", "-am", "typo"], cwd=user, check=True, timeout=60)
    done = subprocess.run(pre_commit, cwd=user, env=env, capture_output=True, text=True,
                          timeout=900)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "data/facts.yaml" in done.stdout and "editon" in done.stdout


# --- GitHub Action ------------------------------------------------------------------------------

EXPR = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


def _action() -> dict:
    return yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))


def _example_uses_of_the_action() -> list[dict]:
    workflow = yaml.safe_load((REPO / "docs/ci/github-actions.yml").read_text(encoding="utf-8"))
    steps = [s for job in workflow["jobs"].values() for s in job["steps"]]
    local = ("$/", "./")   # this repository's action: self-repository or workspace syntax
    return [s for s in steps if s.get("uses") in local or "/inbrief@" in s.get("uses", "")]


def test_action_is_composite_and_uses_the_documented_actions():
    action = _action()
    assert action["runs"]["using"] == "composite"
    uses = [s["uses"].split("@")[0] for s in action["runs"]["steps"] if "uses" in s]
    assert uses == ["actions/setup-python", "actions/upload-artifact"]
    text = (REPO / "action.yml").read_text(encoding="utf-8")
    assert "$ACTION_PATH/.ci/system-deps" in text and (REPO / ".ci/system-deps").is_file()
    assert 'pip install --disable-pip-version-check "$ACTION_PATH"' in text


def test_action_expressions_name_real_inputs_and_steps():
    action = _action()
    inputs = set(action["inputs"])
    assert {"shard", "langs", "layouts", "audiences", "out", "python-version", "args"} <= inputs
    text = (REPO / "action.yml").read_text(encoding="utf-8")
    for expr in EXPR.findall(text):
        for name in re.findall(r"\binputs\.([\w-]+)", expr):
            assert name in inputs, expr
        for step in re.findall(r"\bsteps\.([\w-]+)\.", expr):
            assert step in {s.get("id") for s in action["runs"]["steps"]}, expr
    for name, spec in action["inputs"].items():
        assert spec["description"] and isinstance(spec.get("default"), str), name


def test_example_workflow_passes_only_inputs_the_action_has():
    inputs = _action()["inputs"]
    uses = _example_uses_of_the_action()
    assert uses, "the example's shard jobs should use the action"
    for step in uses:
        assert set(step.get("with", {})) <= set(inputs), step
        assert all(n in step.get("with", {}) for n, s in inputs.items() if s.get("required"))
    assert uses[0]["with"]["shard"] == "${{ matrix.shard }}/3"


def _run_build_step(tmp_path: Path, inbrief: str, **given: str) -> tuple[list[str], dict]:
    """The action's Build step as the runner executes it: inputs through env, then bash."""
    action = _action()
    step = next(s for s in action["runs"]["steps"] if s.get("id") == "build")
    values = {name: spec.get("default", "") for name, spec in action["inputs"].items()}
    values.update({k.replace("_", "-"): v for k, v in given.items()})
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    for var, expr in step["env"].items():
        env[var] = values[EXPR.fullmatch(expr).group(1).removeprefix("inputs.")]
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    (bin_dir / "inbrief").write_text(inbrief, encoding="utf-8")
    (bin_dir / "inbrief").chmod(0o755)
    env["PATH"] = f"{bin_dir}{os.pathsep}{env['PATH']}"
    env["GITHUB_OUTPUT"] = str(tmp_path / "github-output")
    (tmp_path / "github-output").write_text("")
    done = subprocess.run(["bash", "-e", "-c", step["run"]], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    outputs = dict(line.split("=", 1) for line in
                   (tmp_path / "github-output").read_text().splitlines())
    return done.stdout.splitlines(), outputs


RECORD_ARGS = '#!/bin/sh\nfor a in "$@"; do echo "arg:$a"; done\n'


@pytest.mark.parametrize("given,argv,out,artifact", [
    ({"shard": "2/3", "langs": "en, fr", "audiences": "general", "args": "--strict --paper letter"},
     ["--shard", "2/3", "--lang", "en", "--lang", "fr", "--audience", "general", "--out",
      "shard-2", "--strict", "--paper", "letter"], "shard-2", "shard-2"),
    ({}, ["--out", "output"], "output", "output"),
    ({"layouts": "brief factsheet", "out": "dist/briefs"},
     ["--layout", "brief", "--layout", "factsheet", "--out", "dist/briefs"],
     "dist/briefs", "briefs"),
    ({"shard": "1/4", "out": "here", "artifact_name": "a4-part-1", "project": "site"},
     ["--shard", "1/4", "--out", "here"], "here", "a4-part-1"),
])
def test_action_build_step_turns_inputs_into_options(tmp_path, given, argv, out, artifact):
    lines, outputs = _run_build_step(tmp_path, RECORD_ARGS, **given)
    got = [line[4:] for line in lines if line.startswith("arg:")]
    assert got == ["--project", given.get("project", "."), "build", *argv]
    assert outputs == {"out": out, "artifact-name": artifact}


def test_action_build_step_builds_for_real(tmp_path):
    real = f'#!/bin/sh\nPYTHONPATH="{REPO / "src"}" exec "{sys.executable}" -m inbrief "$@"\n'
    lines, outputs = _run_build_step(tmp_path, real, project=str(REPO), langs="en",
                                     layouts="factsheet", audiences="general", shard="1/1")
    shard = tmp_path / outputs["out"]
    assert outputs == {"out": "shard-1", "artifact-name": "shard-1"}
    manifest = json.loads((shard / "manifest.json").read_text(encoding="utf-8"))
    assert [t["path"] for t in manifest["targets"]] == ["en/iom-in-brief-factsheet-general.pdf"]
    assert (shard / "en/iom-in-brief-factsheet-general.pdf").stat().st_size > 10_000
