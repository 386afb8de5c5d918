"""The slots a layout's template shows: every ``slots.<name>`` it (or what it extends or
includes) reads, so a project's own layout may add slots of its own."""

from __future__ import annotations

from jinja2 import Environment, TemplateNotFound, TemplateSyntaxError, nodes


def template_slots(env: Environment, name: str) -> frozenset[str]:
    found: set[str] = set()
    seen: set[str] = set()
    todo = [name]
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        try:
            source, _, _ = env.loader.get_source(env, current)
            slots, refs = _read(env, source)
        except (TemplateNotFound, TemplateSyntaxError):  # reported when it is rendered
            continue
        found |= slots
        todo += refs
    return frozenset(found)


_READ: dict[str, tuple[frozenset[str], tuple[str, ...]]] = {}


def _read(env: Environment, source: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """The slots one template's source reads and the templates it names. Parsing is the cost
    (every layout, for the check and for each audience's design), so once per source text:
    every design's environment is made by ``render.env.make_env``, with the same syntax."""
    if source not in _READ:
        _READ[source] = _parse(env, source)
    return _READ[source]


def _parse(env: Environment, source: str) -> tuple[frozenset[str], tuple[str, ...]]:
    tree = env.parse(source)
    slots = set()
    for node in tree.find_all((nodes.Getattr, nodes.Getitem)):
        if isinstance(node.node, nodes.Name) and node.node.name == "slots":
            if isinstance(node, nodes.Getattr):
                slots.add(node.attr)
            elif isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, str):
                slots.add(node.arg.value)
    refs = tuple(node.template.value for node in tree.find_all(
        (nodes.Extends, nodes.Include, nodes.Import, nodes.FromImport))
        if isinstance(node.template, nodes.Const) and isinstance(node.template.value, str))
    return frozenset(slots), refs


def layout_slots(project, env: Environment) -> dict[str, frozenset[str]]:
    """Each layout of the project: the slots its template shows."""
    return {name: template_slots(env, f"layouts/{cfg.template or name + '.html.j2'}")
            for name, cfg in project.config.layouts.items()}


def check_config_slots(project) -> list:
    """inbrief.yaml's slots: each layout's map is checked against its template's slots and
    the sections of the source text file and of every audience's own."""
    from ..blocks.load import section_ids
    from ..content.yamlsrc import load
    from ..blocks.slots import check_slot_map
    from .blocks_doc import load_block_design

    mapped = {name: cfg.slots for name, cfg in project.config.layouts.items() if cfg.slots}
    if not mapped:
        return []
    source = project.config.source_language
    files = [project.data_dir / "text" / f"{source}.yaml",
             *sorted((project.data_dir / "text" / "audiences").glob(f"*/{source}.yaml"))]
    known: list[str] = []
    # Read through the content loader's cache, which the content's own loading then reuses;
    # the files' own problems are the content's to report.
    for path in files:
        src, problems = load(path, project.root)
        if problems or src is None:
            return []
        known += [sid for sid in section_ids(src.data) if sid not in known]
    slots = layout_slots(project, load_block_design(project, None).env)
    problems = []
    for layout, mapping in mapped.items():
        problems += check_slot_map(project.source, ("layouts", layout, "slots"), layout, mapping,
                                   slots[layout], known)
    return problems
