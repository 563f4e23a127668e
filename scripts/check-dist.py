#!/usr/bin/env python3
"""Checks the wheel and sdist that `make dist` put in dist/, the way users get them.

1. The wheel holds the labextension that was just built (byte for byte), under
   share/jupyter/labextensions/jupyterlab-notecast, with install.json, and the
   translations with the `jupyterlab.locale` entry point that makes the server find them.
2. The sdist builds the same wheel without npm: it carries the built labextension,
   so the build hook has nothing to build (a stand-in `npm` that fails proves it).
3. In a fresh venv, `pip install <wheel>` with JupyterLab and Notebook 7 (at the versions
   pinned in constraints-dev.txt) gives `jupyter labextension list` showing the extension
   "enabled OK", its files where JupyterLab looks, its French catalog found by
   jupyterlab_server, and both `jupyter lab` and `jupyter notebook` putting it in the
   extensions their pages load.
4. The same in another fresh venv with the newest JupyterLab 4 and Notebook 7 that PyPI
   serves (what `pip install jupyterlab <wheel>` gives a user today), and there Chromium
   shows the player: `/lab?notecast=<tutorial>` opens it, and Notebook 7's page activates
   the extension.

Everything temporary (the venv, the servers' folders) goes at the end, also on failure.
Only the standard library: this runs before anything is installed.
"""

from __future__ import annotations

import argparse
import configparser
import hashlib
import html.parser
import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tarfile
import tempfile
import time
import urllib.error
import urllib.request
import zipfile
from pathlib import Path

LABEXT_NAME = "jupyterlab-notecast"
MODULE = "jupyterlab_notecast"
I18N_DOMAIN = "notecast"
LANGUAGE = "fr_FR"
# The server pages whose page config must name the extension: JupyterLab's and Notebook 7's.
APPS = {"lab": "/lab", "notebook": "/tree"}


class CheckFailed(Exception):
    """What is wrong with the distribution, and what to do about it."""


def step(text: str) -> None:
    print(f"==> {text}", flush=True)


def ok(text: str) -> None:
    print(f"    ok: {text}", flush=True)


def one(folder: Path, pattern: str) -> Path:
    found = sorted(folder.glob(pattern))
    if len(found) != 1:
        names = ", ".join(p.name for p in found) or "none"
        raise CheckFailed(f"expected one {pattern} in {folder}, found {names}: run `make clean dist` to build it afresh")
    return found[0]


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def wheel_files(wheel: Path) -> dict[str, str]:
    """Each file of a wheel, name → sha256 of its bytes."""
    with zipfile.ZipFile(wheel) as archive:
        return {info.filename: digest(archive.read(info)) for info in archive.infolist() if not info.is_dir()}


def tree_files(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): digest(p.read_bytes()) for p in sorted(root.rglob("*")) if p.is_file()}


def differences(expected: dict[str, str], actual: dict[str, str]) -> list[str]:
    lines = [f"missing {name}" for name in sorted(expected.keys() - actual.keys())]
    lines += [f"unexpected {name}" for name in sorted(actual.keys() - expected.keys())]
    lines += [f"differs {name}" for name in sorted(expected.keys() & actual.keys()) if expected[name] != actual[name]]
    return lines


def check_wheel(wheel: Path, labextension: Path) -> None:
    step(f"contents of {wheel.name}")
    files = wheel_files(wheel)
    version = wheel.name.split("-")[1]
    data = f"{MODULE}-{version}.data/data/share/jupyter/labextensions/{LABEXT_NAME}/"
    built = tree_files(labextension)
    if "static/style.js" not in built:
        raise CheckFailed(f"{labextension} has no static/style.js: run `make build-labextension` first")
    shipped = {name[len(data) :]: sha for name, sha in files.items() if name.startswith(data)}
    problems = differences({**built, "install.json": shipped.get("install.json", "")}, shipped)
    if "install.json" not in shipped:
        problems.append("missing install.json")
    if problems:
        raise CheckFailed(
            f"the wheel's labextension is not the one in {labextension}:\n  " + "\n  ".join(problems[:20]) + "\nRun `make clean dist`."
        )
    ok(f"the built labextension ({len(built)} files) and install.json under {data}")

    catalog = f"{MODULE}/locale/{LANGUAGE}/LC_MESSAGES/{I18N_DOMAIN}.json"
    if catalog not in files:
        raise CheckFailed(f"the wheel has no {catalog}: run `make translations`, then `make dist`")
    with zipfile.ZipFile(wheel) as archive:
        entry_points = configparser.ConfigParser()
        entry_points.read_string(archive.read(f"{MODULE}-{version}.dist-info/entry_points.txt").decode())
    if entry_points.get("jupyterlab.locale", I18N_DOMAIN, fallback=None) != MODULE:
        raise CheckFailed(
            f"the wheel's entry_points.txt lacks `[jupyterlab.locale] {I18N_DOMAIN} = {MODULE}`: "
            "check [project.entry-points] in pyproject.toml"
        )
    ok(f"{catalog} and the jupyterlab.locale entry point `{I18N_DOMAIN} = {MODULE}`")

    # The server extension is enabled by the config file the wheel puts in the environment.
    server_config = f"{MODULE}-{version}.data/data/etc/jupyter/jupyter_server_config.d/{MODULE}.json"
    if server_config not in files:
        raise CheckFailed(f"the wheel has no {server_config}: check [tool.hatch.build.targets.wheel.shared-data] in pyproject.toml")
    ok(f"{server_config} (enables the server extension)")

    # The web player and the compiler bundle the Sphinx directive copies and runs (npm run build:web).
    web = Path(__file__).resolve().parent.parent / MODULE / "web"
    built_web = tree_files(web) if web.is_dir() else {}
    for needed in ("player/notecast-player.js", "player/notecast-player.css", "notecast-compiler.js"):
        if needed not in built_web:
            raise CheckFailed(f"{web} has no {needed}: run `npm run build:web` (make web), then `make dist`")
    prefix = f"{MODULE}/web/"
    shipped_web = {name[len(prefix) :]: sha for name, sha in files.items() if name.startswith(prefix)}
    problems = differences(built_web, shipped_web)
    if problems:
        raise CheckFailed(
            f"the wheel's web player is not the one in {web}:\n  " + "\n  ".join(problems[:20]) + "\nCheck artifacts in pyproject.toml."
        )
    ok(f"the web player and the Sphinx directive's compiler ({len(built_web)} files) under {prefix}")


def check_sdist(sdist: Path, wheel: Path, build_python: str, scratch: Path) -> None:
    step(f"{sdist.name} builds the same wheel without npm")
    with tarfile.open(sdist) as archive:
        names = archive.getnames()
    top = sdist.name[: -len(".tar.gz")]
    if f"{top}/{MODULE}/labextension/static/style.js" not in names:
        raise CheckFailed(f"the sdist does not carry {MODULE}/labextension: check [tool.hatch.build.targets.sdist] artifacts")
    # A stand-in npm that fails: if the build hook wanted npm, the build fails and says so.
    fake_bin = scratch / "no-npm"
    fake_bin.mkdir()
    for tool in ("npm", "npx", "jlpm"):
        stand_in = fake_bin / tool
        stand_in.write_text("#!/bin/sh\necho 'building the wheel from the sdist must not need npm' >&2\nexit 1\n")
        stand_in.chmod(0o755)
    out = scratch / "wheel-from-sdist"
    env = {**os.environ, "PATH": f"{fake_bin}{os.pathsep}{os.environ.get('PATH', '')}"}
    # No build isolation: the build backend and its hooks come pinned from the dev venv, so this
    # needs no network; users' pip fetches them (hatchling and the two hatch plugins, no Node.js).
    run(
        [build_python, "-m", "pip", "wheel", "--quiet", "--no-build-isolation", "--no-deps", "--wheel-dir", str(out), str(sdist)],
        env=env,
        what="building a wheel from the sdist",
    )
    rebuilt = one(out, "*.whl")
    if rebuilt.name != wheel.name:
        raise CheckFailed(f"the sdist builds {rebuilt.name}, not {wheel.name}")
    problems = differences(wheel_files(wheel), wheel_files(rebuilt))
    if problems:
        raise CheckFailed("the wheel built from the sdist differs from dist's wheel:\n  " + "\n  ".join(problems[:20]))
    ok("same files, same bytes, and npm never ran")


def run(command: list[str], *, env: dict[str, str] | None = None, what: str) -> str:
    result = subprocess.run(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, check=False)
    if result.returncode != 0:
        raise CheckFailed(f"{what} failed (exit {result.returncode}):\n{result.stdout[-4000:]}")
    return result.stdout


def isolated_env(venv: Path, scratch: Path) -> dict[str, str]:
    """The fresh venv first on PATH; Jupyter's own folders in the scratch folder, so no
    configuration or extension of the developer's (or of the dev venv) is seen."""
    env = {key: value for key, value in os.environ.items() if key not in ("VIRTUAL_ENV", "JUPYTER_PATH", "JUPYTER_CONFIG_PATH", "PYTHONPATH")}
    dev_bin = os.path.dirname(sys.executable)
    path = [p for p in env.get("PATH", "").split(os.pathsep) if p and os.path.abspath(p) != os.path.abspath(dev_bin)]
    jupyter = scratch / "jupyter"
    env.update(
        PATH=os.pathsep.join([str(venv / "bin"), *path]),
        JUPYTER_CONFIG_DIR=str(jupyter / "config"),
        JUPYTER_DATA_DIR=str(jupyter / "data"),
        JUPYTER_RUNTIME_DIR=str(jupyter / "runtime"),
        JUPYTER_PLATFORM_DIRS="1",
        JUPYTERLAB_SETTINGS_DIR=str(jupyter / "settings"),
        JUPYTERLAB_WORKSPACES_DIR=str(jupyter / "workspaces"),
        IPYTHONDIR=str(jupyter / "ipython"),
    )
    return env


# The JupyterLab and Notebook releases the extension supports (README, "Compatibility"): the
# newest of these that PyPI serves is checked beside the pinned ones.
NEWEST = ["jupyterlab>=4.6.4,<5", "notebook>=7.6.3,<8"]


def check_install(wheel: Path, constraints: Path | None, base_python: str, scratch: Path, chromium: str | None = None) -> None:
    """`constraints` pins JupyterLab and Notebook 7 as in development; None takes the newest."""
    scratch.mkdir()
    venv = scratch / "venv"
    which = "pinned" if constraints else "newest"
    step(f"pip install {wheel.name} with the {which} JupyterLab and Notebook 7 into a fresh venv")
    run([base_python, "-m", "venv", str(venv)], what="creating a venv")
    python = str(venv / "bin" / "python")
    env = isolated_env(venv, scratch)
    pins = ["-c", str(constraints), "jupyterlab", "notebook"] if constraints else NEWEST
    run(
        [python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *pins, str(wheel)],
        env=env,
        what=f"pip install {wheel.name} {' '.join(pins)}",
    )
    versions = run([python, "-c", "import jupyterlab, notebook; print(jupyterlab.__version__, notebook.__version__)"], env=env, what="reading versions")
    lab_version, notebook_version = versions.split()[-2:]
    ok(f"JupyterLab {lab_version}, Notebook {notebook_version}")
    version = wheel.name.split("-")[1]

    listing = re.sub(r"\x1b\[[0-9;]*m", "", run([str(venv / "bin" / "jupyter"), "labextension", "list"], env=env, what="jupyter labextension list"))
    line = next((text.strip() for text in listing.splitlines() if text.strip().startswith(f"{LABEXT_NAME} ")), None)
    expected = f"{LABEXT_NAME} v{version} enabled OK (python, {MODULE})"
    if line != expected:
        raise CheckFailed(f"`jupyter labextension list` should show `{expected}`, shows {line!r}:\n{listing}")
    ok(f"jupyter labextension list: {line}")

    # `jupyter server extension list` writes to stderr; run() keeps both.
    servers = re.sub(r"\x1b\[[0-9;]*m", "", run([str(venv / "bin" / "jupyter"), "server", "extension", "list"], env=env, what="jupyter server extension list"))
    if not re.search(rf"^\s*{MODULE} enabled\s*$", servers, re.M) or not re.search(rf"^\s*- Validating {MODULE}\.\.\.\s*$", servers, re.M):
        raise CheckFailed(f"`jupyter server extension list` should show {MODULE} enabled and valid:\n{servers}")
    ok(f"jupyter server extension list: {MODULE} enabled")

    installed = venv / "share" / "jupyter" / "labextensions" / LABEXT_NAME
    if not (installed / "package.json").is_file() or not (installed / "static" / "style.js").is_file():
        raise CheckFailed(f"{installed} lacks package.json or static/style.js")
    ok(f"{installed.relative_to(venv)} holds package.json and static/")

    found = run(
        [
            python,
            "-c",
            "import json, sys\n"
            "from jupyterlab_server.translation_utils import get_installed_packages_locale\n"
            f"data, message = get_installed_packages_locale({LANGUAGE!r})\n"
            f"entries = data.get({I18N_DOMAIN!r}, {{}})\n"
            "print(json.dumps({'entries': len(entries), 'message': message}))",
        ],
        env=env,
        what="reading the installed catalogs",
    )
    catalog = json.loads(found.strip().splitlines()[-1])
    if catalog["entries"] < 2:
        raise CheckFailed(f"jupyterlab_server finds no {LANGUAGE} catalog for {I18N_DOMAIN}: {catalog['message'] or 'no entries'}")
    ok(f"jupyterlab_server finds the {LANGUAGE} catalog of {I18N_DOMAIN} ({catalog['entries'] - 1} strings)")

    for app, page in APPS.items():
        check_served(venv, env, scratch, app, page, chromium)


class ConfigData(html.parser.HTMLParser):
    """The page config JupyterLab and Notebook 7 embed: <script id="jupyter-config-data">."""

    def __init__(self) -> None:
        super().__init__()
        self.inside = False
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.inside = tag == "script" and ("id", "jupyter-config-data") in attrs

    def handle_endtag(self, tag: str) -> None:
        self.inside = False

    def handle_data(self, data: str) -> None:
        if self.inside:
            self.text += data


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# What the page shows once the extension is active: JupyterLab opens `?notecast=<tutorial>` in the
# player, a region named after the tutorial; Notebook 7's file browser page has our announcer.
TUTORIAL = Path(__file__).resolve().parent.parent / "tutorials" / "01-python-basics.md"
SHOWN = {"lab": ('?notecast=01-python-basics.md&', 'aria-label="Tutorial player: Python basics"'), "notebook": ("?", 'id="notecast-announcer"')}


def check_served(venv: Path, env: dict[str, str], scratch: Path, app: str, page: str, chromium: str | None) -> None:
    step(f"jupyter {app} loads the extension on {page}")
    root = scratch / f"root-{app}"
    root.mkdir()
    shutil.copy(TUTORIAL, root / TUTORIAL.name)
    port, token = free_port(), secrets.token_hex(16)
    log_path = scratch / f"{app}.log"
    command = [
        str(venv / "bin" / "jupyter"),
        app,
        "--no-browser",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        f"--ServerApp.root_dir={root}",
        f"--IdentityProvider.token={token}",
        # Every command here may run as root; Jupyter refuses root without this.
        "--ServerApp.allow_root=True",
    ]
    with open(log_path, "w") as log:
        server = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        body = fetch_page(f"http://127.0.0.1:{port}{page}?token={token}", server, log_path)
        parser = ConfigData()
        parser.feed(body)
        if not parser.text:
            raise CheckFailed(f"{page} has no jupyter-config-data")
        config = json.loads(parser.text)
        ours = [ext for ext in config.get("federated_extensions", []) if ext.get("name") == LABEXT_NAME]
        if not ours:
            raise CheckFailed(f"jupyter {app} does not load {LABEXT_NAME}: it is not in {page}'s federated_extensions")
        if any(name.split(":")[0] == LABEXT_NAME for name in config.get("disabledExtensions", [])):
            raise CheckFailed(f"jupyter {app} lists {LABEXT_NAME} among its disabled extensions")
        ok(f"{page} loads {LABEXT_NAME} ({ours[0].get('load')})")
        if chromium:
            query, expected = SHOWN[app]
            url = f"http://127.0.0.1:{port}{page}{query}token={token}"
            dom = rendered(chromium, url, scratch / f"chromium-{app}")
            if expected not in dom:
                raise CheckFailed(f"Chromium's page {page}{query.rstrip('&?')} does not show {expected} after 30 s of page time: the extension did not activate")
            ok(f"in Chromium, {page}{query.rstrip('&?')} shows {expected}")
    finally:
        stop(server)


def rendered(chromium: str, url: str, profile: Path) -> str:
    """The page's DOM after its scripts ran (30 s of page time), from headless Chromium."""
    command = [
        chromium,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        "--virtual-time-budget=30000",
        "--dump-dom",
        url,
    ]
    result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, timeout=180, check=False)
    if result.returncode != 0:
        raise CheckFailed(f"{chromium} exited {result.returncode} rendering {url.split('?')[0]}")
    return result.stdout


def fetch_page(url: str, server: subprocess.Popen[bytes], log_path: Path, timeout: float = 60) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise CheckFailed(f"the server exited early ({server.returncode}):\n{log_path.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode()
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.25)
    raise CheckFailed(f"no answer from {url.split('?')[0]} within {timeout:.0f} s:\n{log_path.read_text()[-3000:]}")


def stop(server: subprocess.Popen[bytes]) -> None:
    """SIGTERM to the server's process group, SIGKILL if it lingers."""
    if server.poll() is not None:
        return
    try:
        os.killpg(server.pid, 15)
        server.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, 9)
        server.wait()
    except ProcessLookupError:
        pass


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=Path("dist"))
    parser.add_argument("--labextension", type=Path, default=Path(MODULE) / "labextension")
    parser.add_argument("--constraints", type=Path, default=Path("constraints-dev.txt"))
    parser.add_argument("--base-python", default="python3", help="the Python the fresh venv is made from")
    parser.add_argument("--chromium", default="/usr/bin/chromium", help="the browser that checks the player opens with the newest JupyterLab")
    args = parser.parse_args()
    started = time.monotonic()
    scratch = Path(tempfile.mkdtemp(prefix="notecast-dist-check-"))
    try:
        wheel = one(args.dist, "*.whl")
        sdist = one(args.dist, "*.tar.gz")
        check_wheel(wheel, args.labextension)
        check_sdist(sdist, wheel, sys.executable, scratch)
        check_install(wheel.resolve(), args.constraints.resolve(), args.base_python, scratch / "pinned")
        check_install(wheel.resolve(), None, args.base_python, scratch / "newest", args.chromium)
    except CheckFailed as failure:
        print(f"dist check failed: {failure}", file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    print(f"==> {args.dist}/ checked in {time.monotonic() - started:.0f} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
