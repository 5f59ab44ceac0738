"""flinklite as users get it: the sdist and the wheel built from it hold every module and every
data file the package reads at run time, and the installed package runs outside the checkout.

The build runs offline on the test environment's setuptools (the `test` extra pins one that
reads this pyproject), from a copy of the source files, so the checkout stays clean."""

from __future__ import annotations

import email
import os
import shutil
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from pathlib import Path

import pytest

import flinklite
from flinklite.resources import DATA_FILES

ROOT = Path(__file__).resolve().parents[2]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _source_files() -> list[str]:
    """The files a clean clone has (git's list), or the tree itself outside a git checkout."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if listed.returncode == 0 and listed.stdout.strip():
        return [f for f in listed.stdout.splitlines() if (ROOT / f).is_file()]
    junk = {"__pycache__", ".git", "build", "dist", ".pytest_cache", ".ruff_cache", ".hypothesis"}
    return [
        str(p.relative_to(ROOT))
        for p in ROOT.rglob("*")
        if p.is_file() and not junk & set(p.relative_to(ROOT).parts)
    ]


def _package_files(files: list[str]) -> dict[str, str]:
    """Where each file of the package lands once installed: flinklite/** as is, grammar/** under
    flinklite/grammar/ (pyproject's package-dir)."""
    shipped = {}
    for name in files:
        if name.startswith("flinklite/"):
            shipped[name] = name
        elif name.startswith("grammar/"):
            shipped[name] = "flinklite/" + name
    return shipped


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """sdist from a copy of the source, then the wheel from that sdist (python -m build's order)."""
    work = tmp_path_factory.mktemp("dist")
    source = work / "source"
    for name in _source_files():
        target = source / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, target)
    out = work / "out"
    built = subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(source)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert built.returncode == 0, f"python -m build failed:\n{built.stdout}\n{built.stderr}"
    (wheel,) = out.glob("*.whl")
    (sdist,) = out.glob("*.tar.gz")
    return {"wheel": wheel, "sdist": sdist, "work": work}


def test_the_listed_packages_are_the_packages_in_the_tree() -> None:
    # setuptools is given the list (the grammar's folder is mapped into the package), so a new
    # subpackage must be added to it, or the wheel ships without it.
    on_disk = {
        ".".join(p.parent.relative_to(ROOT).parts)
        for p in (ROOT / "flinklite").rglob("__init__.py")
    }
    on_disk.add("flinklite.grammar")
    assert set(PYPROJECT["tool"]["setuptools"]["packages"]) == on_disk


def test_the_wheel_holds_every_module_and_data_file(dist: dict[str, Path]) -> None:
    with zipfile.ZipFile(dist["wheel"]) as wheel:
        names = set(wheel.namelist())
    expected = set(_package_files(_source_files()).values())
    assert expected, "no package files found in the source tree"
    assert sorted(expected - names) == []
    for package, name in DATA_FILES:
        assert f"{package.replace('.', '/')}/{name}" in names


def test_the_sdist_holds_the_package_the_grammar_and_the_scripts(dist: dict[str, Path]) -> None:
    with tarfile.open(dist["sdist"]) as sdist:
        names = {m.name.split("/", 1)[1] for m in sdist.getmembers() if "/" in m.name}
    sources = _source_files()
    wanted = set(_package_files(sources)) | {
        f for f in sources if f.split("/")[0] in {"sql", "docs", "scripts", "tests", "bench"}
    }
    wanted |= {"pyproject.toml", "README.md", "LICENSE"}
    assert sorted(wanted - names) == []


def test_the_metadata_is_what_a_user_expects(dist: dict[str, Path]) -> None:
    with zipfile.ZipFile(dist["wheel"]) as wheel:
        (meta_name,) = [n for n in wheel.namelist() if n.endswith(".dist-info/METADATA")]
        meta = email.message_from_bytes(wheel.read(meta_name))
        assert any(n.endswith(".dist-info/licenses/LICENSE") for n in wheel.namelist())
    assert meta["Name"] == "flinklite"
    assert meta["Version"] == flinklite.__version__
    assert meta["License-Expression"] == "Apache-2.0"
    assert meta["Requires-Python"] == ">=3.11"
    assert meta["Description-Content-Type"] == "text/markdown"
    assert meta.get_payload().startswith("# flinklite")
    assert {"test", "lint", "dev"} <= set(meta.get_all("Provides-Extra"))
    assert meta.get_all("Classifier") and meta.get_all("Project-URL")


def _installed_python(dist: dict[str, Path], *args: str) -> subprocess.CompletedProcess[str]:
    """`python -S ARGS` on the installed wheel, from a folder outside the checkout.

    The wheel goes into a folder of its own (no dependencies: they come from this environment's
    site-packages, added as a plain path so its .pth files, an editable flinklite among them,
    stay off); `-S` keeps site from adding the checkout back."""
    installed = dist["work"] / "installed"
    if not installed.exists():
        subprocess.run(
            [sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "--quiet",
             "--target", str(installed), str(dist["wheel"])],
            check=True,
            capture_output=True,
            timeout=120,
        )  # fmt: skip
    import lark

    site_packages = Path(lark.__file__).resolve().parents[1]
    outside = dist["work"] / "elsewhere"
    outside.mkdir(exist_ok=True)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(installed), str(site_packages)]))
    env["XDG_CACHE_HOME"] = str(dist["work"] / "cache")
    return subprocess.run(
        [sys.executable, "-S", *args],
        cwd=outside,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_installed_wheel_runs_from_its_own_files(dist: dict[str, Path]) -> None:
    probe = (
        "import flinklite, flinklite.grammar, flinklite.sql.parser as p;"
        "print(flinklite.__file__); print(flinklite.grammar.__file__);"
        "print(type(p.parse_statement('SELECT 1')).__name__)"
    )
    out = _installed_python(dist, "-c", probe)
    assert out.returncode == 0, out.stderr
    package_file, grammar_file, statement = out.stdout.split()
    installed = dist["work"] / "installed"
    assert Path(package_file).is_relative_to(installed)
    assert Path(grammar_file).is_relative_to(installed)
    assert statement == "QueryStatement"


def test_the_installed_flinklite_runs_the_tutorial_script(dist: dict[str, Path]) -> None:
    script = dist["work"] / "anomaly_detection.sql"
    shutil.copy(ROOT / "sql" / "anomaly_detection.sql", script)
    out = _installed_python(dist, "-m", "flinklite", "-f", str(script))
    assert out.returncode == 0, out.stdout + out.stderr
    assert "[ERROR]" not in out.stdout
    assert "UNUSUAL_SALE" in out.stdout and "Received a total of 18 rows" in out.stdout


def test_the_installed_flinklite_reports_a_syntax_error(dist: dict[str, Path]) -> None:
    script = dist["work"] / "broken.sql"
    script.write_text("SELECT user_id,\nFROM sales;\n", encoding="utf-8")
    out = _installed_python(dist, "-m", "flinklite", "-f", str(script))
    assert out.returncode == 1
    assert "[ERROR] Could not execute SQL statement. Reason:" in out.stdout
    assert "line 2, column 1" in out.stdout
    assert "Traceback" not in out.stdout + out.stderr


def test_the_installed_flinklite_prints_its_version(dist: dict[str, Path]) -> None:
    out = _installed_python(dist, "-m", "flinklite", "--version")
    assert out.returncode == 0
    assert out.stdout.strip() == f"flinklite {flinklite.__version__}"
