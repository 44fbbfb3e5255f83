"""The code keeps the shape docs/architecture.md describes: imports run one way, with no loops.

`lint-imports` (import-linter, configured in pyproject.toml) checks the layers: which app may
import which, and inside the forms, the hub's models and home. Imports inside functions count
there too, so a loop cannot be hidden in one; and apart from the app-ready hooks Django needs,
there are none.
"""

import ast
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[1]
APPS = (
    "website",
    "accounts",
    "submissions",
    "casestudies",
    "hub",
    "home",
    "taxonomy",
    "listings",
    "ops",
)


def project_modules():
    for app in APPS:
        for path in sorted((BASE_DIR / app).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


def lint_imports(config: Path, *, cwd: Path) -> subprocess.CompletedProcess:
    """`lint-imports` in a process of its own (it configures logging as a command does)."""
    return subprocess.run(
        [str(Path(sys.executable).parent / "lint-imports"), "--config", str(config), "--no-cache"],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_imports_keep_the_layers_and_make_no_loops():
    result = lint_imports(BASE_DIR / "pyproject.toml", cwd=BASE_DIR)
    assert result.returncode == 0, result.stdout + result.stderr


def imports_inside_functions(path: Path) -> list[tuple[str, int]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            for inner in ast.walk(node):
                if isinstance(inner, ast.Import | ast.ImportFrom):
                    found.append((node.name, inner.lineno))
    return found


def test_imports_inside_functions_only_where_django_needs_them():
    # AppConfig.ready(): signal receivers are connected once the app registry is ready.
    allowed = {("apps.py", "ready")}
    hidden = [
        f"{path.relative_to(BASE_DIR)}:{line} (in {function}())"
        for path in project_modules()
        for function, line in imports_inside_functions(path)
        if (path.name, function) not in allowed
    ]
    assert hidden == []


def test_each_form_has_its_own_sub_package():
    submissions = BASE_DIR / "submissions"
    assert (submissions / "enquiries" / "__init__.py").exists()
    assert (submissions / "applications" / "__init__.py").exists()
    prefixed = [str(p.relative_to(BASE_DIR)) for p in submissions.rglob("application_*")]
    assert prefixed == []


def test_the_checks_find_a_loop(tmp_path):
    """The checks above can fail: a throwaway package whose modules import each other."""
    package = tmp_path / "looped"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("from looped import b\n")
    (package / "b.py").write_text("def later():\n    from looped import a\n")
    config = tmp_path / "importlinter.toml"
    config.write_text(
        '[tool.importlinter]\nroot_packages = ["looped"]\n\n'
        "[[tool.importlinter.contracts]]\n"
        'name = "no loops"\ntype = "acyclic_siblings"\nancestors = ["looped"]\n'
    )
    result = lint_imports(config, cwd=tmp_path)
    assert result.returncode == 1
    assert "No cycles are allowed in looped" in result.stdout
    assert imports_inside_functions(package / "b.py") == [("later", 2)]
