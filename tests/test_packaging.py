"""The kit installs as a wheel that carries its data, and `make lab` opens the lessons."""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REPO


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    pytest.importorskip("hatchling", reason="hatchling (test extra) builds the wheel offline")
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(REPO),
        ],
        check=True,
        capture_output=True,
    )
    return next(out.glob("*.whl"))


def test_wheel_carries_the_story_and_lexicons(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    for text in (REPO / "data" / "story").iterdir():
        assert f"kit/_data/story/{text.name}" in names
    assert any(name.startswith("kit/_data/lexicons/") for name in names)
    assert not any(name.startswith(("tests/", "notebooks/")) for name in names)
    assert "kit/grading/templates/feedback.html" in names  # the grader's feedback page


def test_wheel_version_is_kit_version(wheel):
    """pyproject.toml takes the version from kit/__init__.py: the wheel carries that one."""
    import kit

    archive = zipfile.ZipFile(wheel)
    metadata = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
    lines = archive.read(metadata).decode("utf-8").splitlines()
    assert f"Version: {kit.__version__}" in lines
    assert wheel.name.startswith(f"story_literacy_kit-{kit.__version__}-")


def test_installed_wheel_loads_its_own_story(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    code = "import kit; s = kit.load_story(); print(kit.__file__); print(s.path); print(s.ids)"
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(target)},
        capture_output=True,
        text=True,
        check=True,
    )
    module_file, story_path, ids = result.stdout.splitlines()
    assert module_file.startswith(str(target))
    assert story_path == str(target / "kit" / "_data" / "story")
    assert ids == "('000', '001', '004')"


SERVER_URL = re.compile(r"http://(?:127\.0\.0\.1|localhost):(\d+)/\S*token=([0-9a-f]+)\s")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.slow
def test_make_lab_opens_the_lessons_without_news(tmp_path):
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    if sys.prefix != str(REPO / ".venv"):
        pytest.skip("the suite is not running from the .venv that make sets up")
    port = _free_port()
    env = {**os.environ, "BROWSER": "true", "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime")}
    log = (tmp_path / "lab.log").open("w+")
    process = subprocess.Popen(
        ["make", "lab", f"PORT={port}"],
        cwd=REPO,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        match, deadline = None, time.monotonic() + 120
        while match is None and time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.5)
            log.seek(0)
            # the address the server really listens on: if another program took the port
            # between _free_port() and the server's start, JupyterLab moves to the next one
            match = SERVER_URL.search(log.read())
        log.seek(0)
        assert match, "JupyterLab did not start:\n" + log.read()[-3000:]
        port, token = int(match.group(1)), match.group(2)
        url = f"http://127.0.0.1:{port}/lab/tree/notebooks?token={token}"
        page = urllib.request.urlopen(url, timeout=30).read().decode("utf-8")
        assert '"news": {"disabled": true}' in page
        settings = json.loads(
            urllib.request.urlopen(
                f"http://127.0.0.1:{port}/lab/api/settings/"
                f"@jupyterlab/apputils-extension:notification?token={token}",
                timeout=30,
            ).read()
        )
        # overrides.json turns the schema default from "none" (ask) into "false" (never)
        fetch_news = settings["settings"].get(
            "fetchNews", settings["schema"]["properties"]["fetchNews"]["default"]
        )
        assert fetch_news == "false", "JupyterLab would ask about Jupyter news"
        contents = (
            urllib.request.urlopen(
                f"http://127.0.0.1:{port}/api/contents/notebooks?token={token}", timeout=30
            )
            .read()
            .decode("utf-8")
        )
        assert '"name": "README.md"' in contents or '"name":"README.md"' in contents
    finally:
        os.killpg(process.pid, 15)
        process.wait(timeout=30)
        log.close()
