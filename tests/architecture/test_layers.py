"""The layers of the code hold: careerpath assembles pages from the apps; guides may use
certifications and roles; certifications may use roles; roles uses neither; common no app.
The contract lives in pyproject.toml and CI runs it; these tests show it holds and that it
fails the build on an import against the layers."""

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ["careerpath", "roles", "certifications", "guides", "common"]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(directory: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=directory,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_code_keeps_its_layers():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def copy_of_the_code(tmp_path: Path) -> Path:
    for package in PACKAGES:
        shutil.copytree(
            ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__")
        )
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def test_the_roles_app_importing_guides_breaks_the_build(tmp_path):
    code = copy_of_the_code(tmp_path)
    ladder = code / "roles" / "ladder.py"
    # Even inside a function, where it would hide from a reader of the imports at the top.
    ladder.write_text(ladder.read_text() + "\n\ndef _faqs():\n    from guides.models import FAQ\n")
    result = lint_imports(code)
    assert result.returncode != 0
    assert "BROKEN" in result.stdout
    assert "roles.ladder -> guides.models" in result.stdout


def test_an_app_importing_careerpath_breaks_the_build(tmp_path):
    code = copy_of_the_code(tmp_path)
    selectors = code / "certifications" / "selectors.py"
    selectors.write_text(selectors.read_text() + "\nfrom careerpath import profiles  # noqa\n")
    result = lint_imports(code)
    assert result.returncode != 0
    assert "certifications.selectors -> careerpath.profiles" in result.stdout
