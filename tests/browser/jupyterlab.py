"""Driving one JupyterLab page: open a notebook, Run All, read what it shows, run axe, close.

Everything goes through JupyterLab's own commands (the app is exposed to the page by
``--LabApp.expose_app_in_browser``), so a test waits for what JupyterLab says is done rather
than for a guessed delay. axe-core comes with the ``axe-playwright-python`` package (its
``axe.min.js`` is in the wheel), so nothing is downloaded when the tests run.
"""

from __future__ import annotations

import json
from pathlib import Path

TIMEOUT_MS = 240_000  # generous: kernels and JupyterLab are slow on 2 busy cores
OPEN_NOTEBOOK = '[data-kit-test="open-notebook"]'

#: What axe-core checks: every cell of the open notebook, inputs and outputs (the kit's
#: tables, figures and widgets are outputs). The cell list around them is left out: it is
#: JupyterLab's ``role="feed"`` element, whose cells have no ``role="article"``
#: (aria-required-children, critical), JupyterLab's own markup.
CELLS = f"{OPEN_NOTEBOOK} .jp-Cell"

#: JupyterLab's own violations inside the cells, found with JupyterLab 4.6 and axe-core 4.12,
#: excluded by selector (never by rule), each with its reason. The kit can neither cause nor
#: fix them: they are not in any output.
JUPYTERLAB_OWN: dict[str, str] = {
    ".jp-InputArea-editor .cm-content": (
        "aria-input-field-name (serious): CodeMirror's editable code area has "
        'role="textbox" and no accessible name'
    ),
    ".jp-collapseHeadingButton": (
        "button-name (critical): the button that folds a Markdown heading's section has "
        "no text or label"
    ),
}


def axe_script() -> str:
    """The axe-core script shipped inside the axe-playwright-python wheel."""
    import axe_playwright_python

    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")


def wait_for_app(page) -> None:
    page.wait_for_function(
        "() => window.jupyterapp !== undefined && window.jupyterapp.shell !== undefined",
        timeout=TIMEOUT_MS,
    )
    page.evaluate("() => window.jupyterapp.restored")


def open_notebook(page, path: str) -> None:
    """Open ``path`` (relative to the server's root) and wait until its kernel is idle."""
    page.evaluate(
        """async (path) => {
            const app = window.jupyterapp;
            const widget = await app.commands.execute('docmanager:open',
                                                      {path, factory: 'Notebook'});
            await widget.context.ready;
            await widget.sessionContext.ready;
            app.shell.activateById(widget.id);
            widget.content.node.setAttribute('data-kit-test', 'open-notebook');
        }""",
        path,
    )
    page.wait_for_function(
        """() => {
            const widget = window.jupyterapp.shell.currentWidget;
            const kernel = widget && widget.sessionContext.session
                && widget.sessionContext.session.kernel;
            return kernel && kernel.status === 'idle';
        }""",
        timeout=TIMEOUT_MS,
    )


def run_all(page) -> None:
    """Run All, as the Run menu does; return when the kernel has run every cell it was sent.

    JupyterLab's run-all settles at the first error while the kernel goes on with the cells
    behind it (those tagged ``raises-exception`` do not stop it). So an empty request is sent
    after them: the kernel answers requests in order, so when it is done, so are they.
    """
    page.evaluate(
        """async () => {
            const app = window.jupyterapp;
            const widget = app.shell.currentWidget;
            await app.commands.execute('notebook:run-all-cells');
            const kernel = widget.sessionContext.session.kernel;
            await kernel.requestExecute({code: '', silent: true, store_history: false}).done;
        }"""
    )
    wait_until_idle(page)
    # ipywidgets draw their views after the kernel is done: wait until each one has content
    page.wait_for_function(
        """(selector) => [...document.querySelectorAll(
                selector + ' [data-mime-type="application/vnd.jupyter.widget-view+json"]')]
            .every(output => output.childElementCount > 0 || output.textContent.trim())""",
        arg=OPEN_NOTEBOOK,
        timeout=TIMEOUT_MS,
    )


def wait_until_every_cell_ran(page) -> None:
    """Wait until every code cell shows an execution number and the kernel is idle."""
    page.wait_for_function(
        """(selector) => {
            const kernel = window.jupyterapp.shell.currentWidget.sessionContext.session.kernel;
            const prompts = [...document.querySelectorAll(selector + ' .jp-InputPrompt')];
            return kernel.status === 'idle' && prompts.length > 0
                && prompts.every(p => /\\[\\d+\\]/.test(p.textContent));
        }""",
        arg=OPEN_NOTEBOOK,
        timeout=TIMEOUT_MS,
    )


def wait_until_idle(page) -> None:
    """Wait until no cell is queued or running (no [*] prompt) and the kernel is idle."""
    page.wait_for_function(
        """(selector) => {
            const kernel = window.jupyterapp.shell.currentWidget.sessionContext.session.kernel;
            const prompts = [...document.querySelectorAll(selector + ' .jp-InputPrompt')];
            return kernel.status === 'idle' && !prompts.some(p => p.textContent.includes('*'));
        }""",
        arg=OPEN_NOTEBOOK,
        timeout=TIMEOUT_MS,
    )


def notebook_json(page) -> dict:
    """The open notebook as nbformat JSON, outputs included (what a save would write)."""
    return json.loads(
        page.evaluate(
            """() => JSON.stringify(
                window.jupyterapp.shell.currentWidget.context.model.toJSON())"""
        )
    )


def close_everything(page) -> None:
    """Close every open document without saving and shut its kernel down."""
    page.evaluate(
        """async () => {
            const app = window.jupyterapp;
            for (const widget of [...app.shell.widgets('main')]) {
                if (widget.sessionContext) {
                    await widget.sessionContext.shutdown();
                }
                if (widget.context) {
                    widget.context.model.dirty = false;
                }
                widget.dispose();
            }
        }"""
    )


def axe_violations(page, script: str, include: str, exclude: list[str]) -> list[dict]:
    """Run axe-core on the elements matching ``include``, minus ``exclude``; the violations."""
    page.evaluate(script)
    results = page.evaluate(
        """async ([include, exclude]) => axe.run(
            {include: [include], exclude: exclude.map(selector => [selector])},
            {resultTypes: ['violations']})""",
        [include, exclude],
    )
    return results["violations"]


def describe_violations(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    {' '.join(map(str, node['target']))}: {node['html'][:200]}")
    return "\n".join(lines)
