#!/usr/bin/env python3
"""Assemble a self-hosted Pyodide for the JupyterLite site: nothing is fetched from a CDN.

The Pyodide kernel of JupyterLite loads its runtime from `pyodideUrl` and every package it
installs at start through `pyodide-lock.json` next to it; a stock site points both at
cdn.jsdelivr.net. This puts together a distribution that needs no host but the site's own:

- the runtime and standard library from npm's `pyodide` package (node_modules/pyodide), at
  the version jupyterlite-pyodide-kernel was made for;
- the pure-Python wheels the kernel imports at start, downloaded from PyPI by pip at the
  versions pinned in lite/pyodide-wheels.txt (py3-none-any only: nothing compiled for wasm);
- a pyodide-lock.json naming only those wheels, with their real sha256 and dependencies,
  so a package the site does not ship is a clear "not found", never a request to a CDN.

The output folder is laid out as jupyterlite's PyodideAddon expects of a local
`pyodide_url` (a folder `pyodide` holding the distribution in `pyodide/`).

Usage: lite-pyodide.py --npm node_modules/pyodide --wheels lite/pyodide-wheels.txt \
           --download build/lite-wheels --out build/lite-pyodide/pyodide
"""

from __future__ import annotations

import argparse
import email.parser
import hashlib
import json
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

# What loadPyodide reads from its index URL at start (pyodide.mjs imports pyodide.asm.mjs).
RUNTIME_FILES = ["pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip"]
# The interpreter Pyodide is: dependency markers are evaluated for it, not for this machine.
BROWSER_MARKERS = {
    "sys_platform": "emscripten",
    "platform_system": "Emscripten",
    "platform_machine": "wasm32",
    "os_name": "posix",
    "implementation_name": "cpython",
    "platform_python_implementation": "CPython",
}


def fail(message: str) -> None:
    print(f"lite-pyodide: {message}", file=sys.stderr)
    sys.exit(1)


def expected_pyodide_version() -> str:
    try:
        from jupyterlite_pyodide_kernel.constants import PYODIDE_VERSION
    except ImportError:
        fail("jupyterlite-pyodide-kernel is not installed in this Python; run `make setup`.")
    return PYODIDE_VERSION


def read_pins(path: Path) -> dict[str, str]:
    pins: dict[str, str] = {}
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        match = re.fullmatch(r"([A-Za-z0-9][A-Za-z0-9._-]*)==([A-Za-z0-9.+!]+)", line)
        if not match:
            fail(f"{path}:{number}: expected `name==version`, found {line!r}.")
        pins[canonicalize_name(match[1])] = match[2]
    return pins


def download(pins: dict[str, str], dest: Path, python: str) -> None:
    """pip fetches just the pinned files (no resolver run, no dependencies of its own)."""
    dest.mkdir(parents=True, exist_ok=True)
    have = {wheel_key(p) for p in dest.glob("*.whl")}
    missing = [f"{name}=={version}" for name, version in pins.items() if (name, version) not in have]
    if not missing:
        return
    command = [sys.executable, "-m", "pip", "download", "--quiet", "--disable-pip-version-check",
               "--no-deps", "--only-binary=:all:", "--platform", "any", "--implementation", "py",
               "--abi", "none", "--python-version", python, "--dest", str(dest), *missing]
    if subprocess.run(command).returncode != 0:
        fail(f"pip could not download {', '.join(missing)} from PyPI (see pip's message above).")


def wheel_key(path: Path) -> tuple[str, str]:
    name, version = path.name.split("-")[:2]
    return canonicalize_name(name), version


def wheel_metadata(path: Path) -> tuple[email.message.Message, list[str]]:
    with zipfile.ZipFile(path) as wheel:
        names = wheel.namelist()
        info = next(n for n in names if re.fullmatch(r"[^/]+\.dist-info/METADATA", n))
        metadata = email.parser.Parser().parsestr(wheel.read(info).decode("utf-8"))
        top_level = next((n for n in names if n.endswith(".dist-info/top_level.txt")), None)
        if top_level:
            imports = [line.strip() for line in wheel.read(top_level).decode().splitlines() if line.strip()]
        else:
            # No top_level.txt (newer build backends): the importable names are the wheel's
            # top-level packages and modules.
            tops = {n.split("/")[0] for n in names if not n.split("/")[0].endswith((".dist-info", ".data"))}
            imports = sorted(t.removesuffix(".py") for t in tops if "/" not in t or t.endswith(".py"))
    return metadata, sorted(set(imports))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--npm", type=Path, required=True, help="node_modules/pyodide")
    parser.add_argument("--wheels", type=Path, required=True, help="the pinned wheels (name==version a line)")
    parser.add_argument("--download", type=Path, required=True, help="where pip keeps the downloaded wheels")
    parser.add_argument("--out", type=Path, required=True, help="the folder to write (named pyodide)")
    args = parser.parse_args()

    npm_version = json.loads((args.npm / "package.json").read_text())["version"]
    wanted = expected_pyodide_version()
    if npm_version != wanted:
        fail(f"node_modules/pyodide is {npm_version}, but jupyterlite-pyodide-kernel expects {wanted}; "
             f"pin `pyodide` at {wanted} in package.json.")
    npm_lock = json.loads((args.npm / "pyodide-lock.json").read_text())
    python = ".".join(npm_lock["info"]["python"].split(".")[:2])

    pins = read_pins(args.wheels)
    download(pins, args.download, python)

    environment = {**default_environment(), **BROWSER_MARKERS, "python_version": python,
                   "python_full_version": npm_lock["info"]["python"]}
    wheels = {wheel_key(p): p for p in args.download.glob("*.whl")}
    packages = {}
    for name, version in pins.items():
        path = wheels.get((name, version))
        if path is None:
            fail(f"{name}=={version} was not downloaded into {args.download}.")
        if not path.name.endswith("-none-any.whl"):
            fail(f"{path.name} is not a pure-Python wheel; only py3-none-any wheels run here.")
        metadata, imports = wheel_metadata(path)
        depends = []
        for spec in metadata.get_all("Requires-Dist") or []:
            requirement = Requirement(spec)
            if requirement.marker and not requirement.marker.evaluate({**environment, "extra": ""}):
                continue
            dependency = canonicalize_name(requirement.name)
            if dependency not in pins:
                fail(f"{name} {version} needs {requirement}, which {args.wheels} does not pin; add it there.")
            if not requirement.specifier.contains(pins[dependency], prereleases=True):
                fail(f"{name} {version} needs {requirement}, but {args.wheels} pins {dependency}=={pins[dependency]}.")
            depends.append(dependency)
        packages[name] = {
            "name": name,
            "version": version,
            "file_name": path.name,
            "install_dir": "site",
            "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
            "package_type": "package",
            "imports": imports,
            "depends": sorted(depends),
            "unvendored_tests": False,
        }

    # Written afresh each time, so a wheel dropped from the pins is gone from the site too.
    dist = args.out / "pyodide"
    if args.out.exists():
        shutil.rmtree(args.out)
    dist.mkdir(parents=True)
    for name in RUNTIME_FILES:
        shutil.copy2(args.npm / name, dist / name)
    for package in packages.values():
        shutil.copy2(args.download / package["file_name"], dist / package["file_name"])
    lock = {"info": npm_lock["info"], "packages": dict(sorted(packages.items()))}
    (dist / "pyodide-lock.json").write_text(json.dumps(lock, indent=1) + "\n", encoding="utf-8")
    size = sum(p.stat().st_size for p in dist.iterdir())
    print(f"lite-pyodide: Pyodide {npm_version} (npm) + {len(packages)} wheels (PyPI), {size / 1e6:.1f} MB in {dist}")


if __name__ == "__main__":
    main()
