"""rules/ is pure: importing every module of it loads no web or database library."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import rules

FORBIDDEN = ("flask", "werkzeug", "marshmallow", "sqlalchemy", "psycopg", "requests", "service")


def test_rules_modules_import_no_web_or_database_library():
    modules = [m.name for m in pkgutil.walk_packages(rules.__path__, "rules.")]
    assert len(modules) >= 10, modules
    program = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        f"print(','.join(sorted(m for m in {FORBIDDEN!r} if m in sys.modules)))\n"
    )
    root = Path(rules.__file__).parents[1]
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, cwd=root, check=True)
    assert done.stdout.strip() == ""


def test_rules_pass_mypy_strict():
    root = Path(rules.__file__).parents[1]
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-error-summary", "rules"],
        capture_output=True,
        text=True,
        cwd=root,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_rules_read_no_setting_of_the_environment():
    """The service finds the decisions and hands their folders to rules: no module of
    rules/ reads an environment variable (os.environ, os.getenv)."""
    import ast

    root = Path(rules.__file__).parent
    reads = []
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr in ("environ", "getenv", "environb"):
                reads.append(f"{path.relative_to(root.parent)}:{node.lineno}")
    assert reads == []
