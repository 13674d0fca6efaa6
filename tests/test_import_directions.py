"""Which part of medfin may import which: the layout of service/ by concern, held.

Every module under service/ and rules/ is parsed (nothing is imported or run), and each
``import`` and ``from ... import`` in it, at the top or inside a function, relative or
absolute, is resolved to the medfin module it names. A module may import its own
package, and what ``ALLOWED`` lists for it: a package (all of it) or one module of one.
"""

from __future__ import annotations

import ast
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

#: A module directly in service/ (the app factory, the commands, the server) belongs to
#: the top; every other module to its package.
TOP = "service"
#: What the views and the scenario runner stand on.
BELOW_VIEWS = {
    "rules",
    "service.shared",
    "service.http",
    "service.formats",
    "service.pages",
    "service.requests",
    "service.storage",
}

#: Each part of medfin, and what it may import besides itself: a package, or one module of one.
ALLOWED: dict[str, set[str]] = {
    # The rules are pure: nothing of the service.
    "rules": set(),
    # Stockholm's clock, the characters text may hold, the event log read as facts.
    "service.shared": {"rules"},
    # HTTP plumbing: the storage and the decisions are handed in by create_app.
    "service.http": {"rules.errors", "service.shared"},
    # Documents: the store, its events and the decisions are handed in by the views.
    "service.formats": {"rules", "service.shared"},
    "service.pages": {"rules", "service.formats", "service.shared"},
    # A recorded event's schema makes the store's Draft.
    "service.requests": {"rules", "service.shared", "service.storage"},
    "service.storage": {"rules", "service.shared", "service.http.problems"},
    # The scenario runner runs the app itself (service.create_app), in process.
    "service.steps": {*BELOW_VIEWS, TOP},
    "service.views": {*BELOW_VIEWS, "service.steps"},
    # The app factory and the commands put it all together.
    TOP: {*BELOW_VIEWS, "service.steps", "service.views"},
}
#: The packages of service/, each a concern.
PACKAGES = tuple(part for part in ALLOWED if part.startswith("service."))


def modules() -> dict[str, Path]:
    """Every module of rules/ and service/ by dotted name (shipped/ holds links to data)."""
    found = {}
    for top in ("rules", "service"):
        for folder, subfolders, files in os.walk(ROOT / top):
            subfolders[:] = sorted(d for d in subfolders if d not in ("shipped", "__pycache__"))
            for name in files:
                if name.endswith(".py"):
                    path = Path(folder, name)
                    parts = path.relative_to(ROOT).with_suffix("").parts
                    found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


MODULES = modules()


def part_of(module: str) -> str:
    """The package of ``module`` that ``ALLOWED`` speaks of."""
    if module == "rules" or module.startswith("rules."):
        return "rules"
    return next((p for p in PACKAGES if module == p or module.startswith(p + ".")), TOP)


def imported(module: str, path: Path) -> list[tuple[int, str]]:
    """(line, medfin module) for every import in ``module``, relative ones resolved."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            for alias in node.names:
                # ``from service.storage import tokens`` imports the module service.storage.tokens.
                target = f"{base}.{alias.name}"
                found.append((node.lineno, target if target in MODULES else base))
    return [(line, name) for line, name in found if name.split(".")[0] in ("rules", "service")]


def allows(importer: str, target: str) -> bool:
    own, theirs = part_of(importer), part_of(target)
    if own == theirs:
        return True
    return any(target == entry or target.startswith(entry + ".") or theirs == entry for entry in ALLOWED[own])


def test_the_table_names_every_package_of_service():
    packages = {m for m, p in MODULES.items() if p.name == "__init__.py" and m.count(".") == 1}
    packages = {m for m in packages if m.startswith("service.")}  # rules/ has its own clauses package
    assert packages == set(PACKAGES), "a package of service/ that the table does not place, or one it names"


def test_every_import_goes_the_allowed_way():
    forbidden = [
        f"{path.relative_to(ROOT)}:{line}: {module} ({part_of(module)}) imports {target} ({part_of(target)})"
        for module, path in sorted(MODULES.items())
        for line, target in imported(module, path)
        if not allows(module, target)
    ]
    assert not forbidden, "imports against the allowed directions:\n" + "\n".join(forbidden)


def test_the_resolver_sees_relative_and_function_level_imports(tmp_path):
    path = tmp_path / "__init__.py"
    path.write_text("def f():\n    from ..storage import tokens\n    from . import page_content\n")
    assert imported("service.pages", path) == [(2, "service.storage.tokens"), (3, "service.pages.page_content")]
    assert not allows("service.pages", "service.storage.tokens")
    assert not allows("service.http.caching", "rules") and allows("service.http.problems", "rules.errors")


def test_every_package_under_service_says_what_lives_there_and_what_it_may_import():
    for folder, subfolders, files in os.walk(ROOT / "service"):
        subfolders[:] = [d for d in subfolders if d not in ("shipped", "__pycache__")]
        if not any(name.endswith(".py") for name in files):
            continue  # templates, assets
        init = Path(folder, "__init__.py")
        assert init.is_file(), f"{Path(folder).relative_to(ROOT)} has no __init__.py"
        docstring = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert docstring, f"{init.relative_to(ROOT)} has no docstring"
