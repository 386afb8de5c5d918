"""Same inputs, same bytes; the manifest describes exactly what is on disk."""

from __future__ import annotations

import hashlib
import json
import shutil

from conftest import REPO, run


def test_two_builds_are_byte_identical_whatever_the_jobs(built, tmp_path):
    """The session's build ran its targets in worker processes (one per CPU); this one lays them
    out one after the other in one worker (--jobs 1). Arabic, right to left: the brief and the
    leaflet (test_font_subsetting builds its factsheet and imposed booklet again, and
    English's, in new processes)."""
    again = tmp_path / "again"
    result = run("--project", str(REPO), "build", "--out", str(again), "--force", "--jobs", "1",
                 "--lang", "ar", "--layout", "brief", "--layout", "leaflet",
                 "--audience", "general")
    assert result.exit_code == 0, result.output
    second = {p.relative_to(again): p.read_bytes() for p in again.rglob("*.pdf")}
    first = {p.relative_to(built): p.read_bytes() for p in built.rglob("*.pdf")
             if p.relative_to(built) in second}
    assert first.keys() == second.keys() and len(first) == 2
    for name in first:
        assert first[name] == second[name], f"{name} differs between two builds"


def test_manifest_matches_files(built):
    manifest = json.loads((built / "manifest.json").read_text())
    assert {(t["lang"], t["layout"], t["audience"]) for t in manifest["targets"]} == {
        (lang, layout, audience) for lang in ("ar", "en", "es", "fr", "uk")
        for layout in ("booklet", "brief", "factsheet", "leaflet")
        for audience in ("general", "government", "partners", "migrants")}
    for t in manifest["targets"]:
        data = (built / t["path"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == t["sha256"]
        assert t["bytes"] == len(data)
        assert isinstance(t["pages"], int) and t["pages"] >= 1
        assert isinstance(t["cached"], bool) and isinstance(t["warnings"], list)


def test_unchanged_inputs_are_cached(built):
    before = {p: p.stat().st_mtime_ns for p in built.rglob("*.pdf")}
    result = run("--project", str(REPO), "build", "--out", str(built))
    assert result.exit_code == 0, result.output
    assert "0 built, 80 cached" in result.output
    assert before == {p: p.stat().st_mtime_ns for p in built.rglob("*.pdf")}
    manifest = json.loads((built / "manifest.json").read_text())
    assert all(t["cached"] for t in manifest["targets"])


def test_shards_are_disjoint_and_cover_the_matrix():
    import json as _json

    def keys(*args):
        result = run("--project", str(REPO), "list", "--json", *args)
        assert result.exit_code == 0, result.output
        return [(t["lang"], t["layout"], t["audience"]) for t in _json.loads(result.stdout)["targets"]]

    everything = keys()
    parts = [keys("--shard", f"{k}/3") for k in (1, 2, 3)]
    assert sorted(sum(parts, [])) == sorted(everything)
    assert all(part for part in parts)
    assert len(set(sum(parts, []))) == len(everything)
    # Stable under reordering of the configuration: a target's shard depends on its key only.
    from inbrief.batch.matrix import Target, in_shard

    assert all(in_shard(Target(*key), (1, 3)) for key in parts[0])


def test_hints_from_the_last_build_do_not_change_the_bytes(built, tmp_path):
    """A rebuild reuses the last copyfit step and notes-page count; the bytes must not move.

    The last build is the session's (from an empty folder, so found by the full search). The
    French booklet is copyfitted back to 8 pages (it would need notes pages otherwise) and the
    French leaflet to its two; the English partners' booklet has one notes page.
    """
    out = tmp_path / "out"
    shutil.copytree(built, out)
    for select in (("--lang", "fr", "--layout", "leaflet", "--layout", "booklet",
                    "--audience", "general"),
                   ("--lang", "en", "--layout", "booklet", "--audience", "partners")):
        args = ("--project", str(REPO), "build", *select, "--out", str(out), "--jobs", "1")
        manifest = json.loads((out / "manifest.json").read_text())
        mine = [t for t in manifest["targets"] if t["lang"] == select[1]
                and t["layout"] in select[3:-2:2] and t["audience"] == select[-1]]
        first = {t["path"]: (built / t["path"]).read_bytes() for t in mine}
        if select[1] == "fr":
            assert len(mine) == 2 and all(t["copyfit"] for t in mine)
        else:
            assert [t["filler_pages"] for t in mine] == [1]

        def now() -> dict[str, bytes]:
            return {path: (out / path).read_bytes() for path in first}

        assert run(*args, "--force").exit_code == 0  # exact hints: one layout per target
        assert now() == first
        # Hints of an older build (other inputs, another step) are not answers either: built
        # again (--force: the inputs' digest alone would call them cached), by the full search.
        manifest = json.loads((out / "manifest.json").read_text())
        for t in manifest["targets"]:
            if t["path"] in first:
                t.update(fingerprint="stale",
                         copyfit={"scale": 0.95, "leading": 0.96, "space": 0.65})
        (out / "manifest.json").write_text(json.dumps(manifest))
        result = run(*args, "--force")
        assert result.exit_code == 0 and f"{len(mine)} built" in result.output, result.output
        assert now() == first
