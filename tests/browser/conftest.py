"""JupyterLab in a temporary folder, driven in Debian's Chromium by Playwright.

The server listens on 127.0.0.1 on a free port, with no token, news and update checks off, and
its config, data, runtime and workspace folders (and HOME) in a temporary folder, so nothing
of the machine's own Jupyter set-up leaks in. It is always terminated in the fixture's
finalizer. Without /usr/bin/chromium or the playwright package the tests skip, saying why.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
START_TIMEOUT = 180  # seconds: JupyterLab starts slowly on 2 busy cores


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _skip_reason() -> str | None:
    if not CHROMIUM.exists():
        return (
            f"Chromium is not installed at {CHROMIUM} "
            "(apt-get install chromium; .ci/run does it in CI)"
        )
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed (pip install -e '.[test]')"
    return None


def pytest_collection_modifyitems(config, items):
    reason = _skip_reason()
    if reason is None:
        return
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(pytest.mark.skip(reason=reason))


class LabServer:
    """A running JupyterLab: ``url``, ``root`` (its folder) and the process."""

    def __init__(self, root: Path, home: Path):
        self.root = root
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = home / "jupyterlab.log"
        env = {
            **os.environ,
            "HOME": str(home),
            "JUPYTER_CONFIG_DIR": str(home / "config"),
            "JUPYTER_DATA_DIR": str(home / "data"),
            "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
            "JUPYTERLAB_WORKSPACES_DIR": str(home / "workspaces"),
            "JUPYTERLAB_SETTINGS_DIR": str(home / "settings"),
            "JUPYTER_PLATFORM_DIRS": "1",
            "IPYTHONDIR": str(home / "ipython"),
            "MPLCONFIGDIR": str(home / "mpl"),
        }
        command = [
            sys.executable, "-m", "jupyter", "lab",
            "--no-browser",
            "--ServerApp.ip=127.0.0.1",
            f"--ServerApp.port={self.port}",
            "--ServerApp.port_retries=0",
            "--IdentityProvider.token=",
            "--ServerApp.password=",
            f"--ServerApp.root_dir={root}",
            "--LabApp.news_url=None",
            "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
            "--LabApp.expose_app_in_browser=True",
        ]  # fmt: skip
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            command.append("--allow-root")  # CI containers run as root
        # --LabApp.news_url=None stops fetching news, but JupyterLab 4 still asks "Would you
        # like to get notified about official Jupyter news?" unless the user has answered.
        settings = home / "settings" / "@jupyterlab" / "apputils-extension"
        settings.mkdir(parents=True)
        (settings / "notification.jupyterlab-settings").write_text(
            json.dumps({"fetchNews": "false", "checkForUpdates": False}), encoding="utf-8"
        )
        self._log_stream = self.log.open("wb")
        self.process = subprocess.Popen(
            command, cwd=root, env=env, stdout=self._log_stream, stderr=subprocess.STDOUT
        )

    def wait_until_ready(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"JupyterLab exited early:\n{self.log.read_text()[-3000:]}")
            try:
                with urllib.request.urlopen(f"{self.url}/api/status", timeout=5) as response:
                    if response.status == 200 and "started" in json.loads(response.read()):
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.5)
        raise RuntimeError(
            f"JupyterLab did not answer /api/status in {START_TIMEOUT} s:\n"
            + self.log.read_text()[-3000:]
        )

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=20)
        self._log_stream.close()


@pytest.fixture(scope="session")
def lab(tmp_path_factory):
    """One JupyterLab server for the whole run, on a fresh temporary root folder.

    It starts empty; each test module copies its notebooks in (under their own names).
    """
    base = tmp_path_factory.mktemp("lab")
    root, home = base / "root", base / "home"
    root.mkdir()
    home.mkdir()
    server = LabServer(root, home)
    try:
        server.wait_until_ready()
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, launched by Playwright (no browser download)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def screenshot_on_failure(request):
    """Call with a page; if the test fails, a screenshot lands in tests/browser/screenshots/."""
    pages = []
    yield pages.append
    failed = getattr(request.node, "rep_call", None)
    if failed is not None and failed.failed:
        SCREENSHOTS.mkdir(exist_ok=True)
        for number, page in enumerate(pages):
            name = f"{request.node.name}-{number}.png".replace("/", "_")
            try:
                page.screenshot(path=str(SCREENSHOTS / name), full_page=True)
            except Exception as error:  # the page may be gone; the test failure matters more
                print(f"no screenshot: {error}")


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call":
        item.rep_call = report
    return report


def copy_into(lab: LabServer, *paths: Path) -> None:
    for path in paths:
        shutil.copy(path, lab.root / path.name)
