"""What a screen reader gets from the kit's outputs: figures with a text alternative that says
what they show and their main finding, tables with no empty header cell.

The browser tests (tests/browser/) check the same in JupyterLab with axe-core; these check it
fast, on the objects, for every figure function and every table function of the kit.
"""

from __future__ import annotations

import html
import inspect
import re

import pandas as pd
import pytest

import kit
from kit import accessible, artifacts, attribution, compare, credits, figures, framing, readability
from tests.conftest import write_story_folder

EMPTY_HEADER = re.compile(r"<th[^>]*>\s*</th>")

#: Every table function of the analysis modules, called on the shipped story.
TABLES = {
    "readability.readability_table": lambda s: readability.readability_table(s),
    "readability.paragraph_readability": lambda s: readability.paragraph_readability(s),
    "readability.formula_guide": lambda s: readability.formula_guide(),
    "attribution.quotations": lambda s: attribution.quotations(s["001"]),
    "attribution.attributions": lambda s: attribution.attributions(s["001"]),
    "attribution.sources_table": lambda s: attribution.sources_table(s),
    "credits.datelines": lambda s: credits.datelines(s["001"]),
    "attribution.datelines": lambda s: attribution.datelines(s["001"]),
    "credits.photo_credits": lambda s: credits.photo_credits(s["004"]),
    "compare.immutables": lambda s: compare.immutables(s),
    "compare.align": lambda s: compare.align(s["000"], s["001"]).to_frame(),
    "artifacts.find_artifacts": lambda s: artifacts.find_artifacts(s).to_frame(),
    "framing.concordance": lambda s: framing.concordance(s, "guard"),
    "framing.lexical_choices": lambda s: framing.lexical_choices(s),
    "framing.compare_headlines": lambda s: framing.compare_headlines(s),
    "framing.connotation": lambda s: framing.connotation(s),
    "framing.word_connotations": lambda s: framing.word_connotations(s),
    "framing.keyness": lambda s: framing.keyness(s["000"], s["001"]),
}
MODULES = (readability, attribution, credits, compare, framing)
FIGURES = [
    function
    for name, function in inspect.getmembers(figures, inspect.isfunction)
    if name.endswith("_figure")
    and not name.startswith("_")
    and function.__module__ == figures.__name__
]


def _alt_and_caption(shown_html: str) -> tuple[str, str]:
    alt = re.search(r'<img [^>]*alt="([^"]*)"', shown_html)
    caption = re.search(r"<figcaption>(.*?)</figcaption>", shown_html, flags=re.S)
    assert alt and caption, shown_html[:300]
    return html.unescape(alt.group(1)), html.unescape(caption.group(1))


# --------------------------------------------------------------------------- tables


def test_every_table_function_listed_in_a_module_docstring_is_checked():
    listed = set()
    for module in MODULES:
        for name in re.findall(r":func:`(\w+)`[^\n]*-> DataFrame", module.__doc__):
            listed.add(f"{module.__name__.split('.')[-1]}.{name}")
    assert listed, "the module docstrings list their table functions"
    assert listed <= set(TABLES), f"add to TABLES: {sorted(listed - set(TABLES))}"


@pytest.mark.parametrize("name", sorted(TABLES))
def test_kit_table_has_no_empty_header_cell(name, story):
    table = TABLES[name](story)
    assert isinstance(table, pd.DataFrame) and len(table), f"{name} returned no rows to show"
    shown = table._repr_html_()
    assert "<th" in shown
    assert EMPTY_HEADER.findall(shown) == [], f"{name}: empty header cells in {shown[:600]}"


REGION = re.compile(r'^<div class="kit-table" role="region" tabindex="0" aria-label="([^"]+)"')


@pytest.mark.parametrize("name", sorted(TABLES))
def test_kit_table_shows_in_a_focusable_labelled_region(name, story):
    # a wide table scrolls sideways in a notebook: a keyboard user can only scroll it if its
    # scrolling box takes the focus, and a screen reader names the region by its label
    table = TABLES[name](story)
    region = REGION.match(table._repr_html_())
    assert region, f"{name}: {table._repr_html_()[:200]}"
    label = html.unescape(region.group(1))
    assert str(table.columns[0]) in label, label
    assert REGION.match(table.iloc[:1, :2]._repr_html_()), "a part of the table is shown alike"


def test_a_plain_pandas_table_is_not_in_a_focusable_region():
    assert not REGION.match(pd.DataFrame({"words": [1]})._repr_html_())


def test_named_index_moves_to_the_corner_and_lookups_still_work(story):
    table = readability.readability_table(story)
    assert table.columns.name == "version"
    assert list(table.index) == list(story.ids)
    assert bool(table.loc["004", "reliable"]) is False
    header = table._repr_html_().split("<tbody>")[0]
    assert header.count("<tr") == 1, "one header row, not a second row for the index name"
    assert "<th>version</th>" in header


def test_a_plain_pandas_table_would_have_empty_header_cells():
    # the check above can fail: pandas' own display of a named index has empty header cells
    plain = pd.DataFrame({"words": [1]}, index=pd.Index(["000"], name="version"))
    assert EMPTY_HEADER.findall(plain._repr_html_())
    assert EMPTY_HEADER.findall(pd.DataFrame({"words": [1]})._repr_html_())
    assert not EMPTY_HEADER.findall(accessible.label_headers(plain)._repr_html_())


def test_label_headers_leaves_tables_with_named_columns_alone():
    table = pd.DataFrame({"a": [1]})
    table.columns.name = "letters"
    assert accessible.label_headers(table).columns.name == "letters"


# --------------------------------------------------------------------------- figures


def test_the_figure_functions_are_found():
    assert {f.__name__ for f in FIGURES} >= {"readability_figure", "lexical_choices_figure"}


@pytest.mark.parametrize("function", FIGURES, ids=lambda f: f.__name__)
def test_every_kit_figure_shows_with_alt_text_and_a_caption(function, story):
    shown = function(story)
    assert isinstance(shown, accessible.DescribedFigure)
    bundle = shown._repr_mimebundle_()
    assert bundle["image/png"], "front ends without HTML still get the picture"
    alt, caption = _alt_and_caption(bundle["text/html"])
    assert alt == shown.alt_text and caption == shown.caption
    for version_id in story.ids:
        assert version_id in alt, f"the alt text should name every version it shows: {alt}"
    assert len(alt.split()) >= 15, f"say what the figure shows and what it finds: {alt}"
    assert caption, "a visible caption says how to read the figure"


def test_readability_figure_says_which_scores_mean_nothing_and_why(story):
    table = readability.readability_table(story)
    alt = figures.readability_figure(story).alt_text
    for version_id in story.ids:
        if not table.loc[version_id, "reliable"]:
            assert f"The scores of {version_id} are not meaningful" in alt
            assert table.loc[version_id, "why"] in alt
    grades = table.loc[table["reliable"], "Flesch-Kincaid grade"]
    assert f"{grades.idxmax()} reads hardest (Flesch-Kincaid grade {grades.max():.1f})" in alt
    assert f"{grades.idxmin()} easiest ({grades.min():.1f})" in alt


def test_readability_figure_finding_follows_the_texts(tmp_path):
    easy = "The cat sat on the mat. The dog ran to the park. We had a lot of fun. " * 12
    hard = (
        "Notwithstanding considerable institutional deliberation, the legislators "
        "promulgated comprehensive regulatory amendments concerning environmental "
        "sustainability, intergovernmental cooperation and administrative accountability. "
    ) * 6
    story = kit.load_story(write_story_folder(tmp_path / "story", {"a": easy, "b": hard}))
    alt = figures.readability_figure(story).alt_text
    assert "b reads hardest" in alt and "a easiest" in alt, alt
    assert "not meaningful" not in alt
    one = figures.readability_figure(easy, reference_grade=None).alt_text
    assert "reads hardest" not in one and "Flesch-Kincaid grade of text" in one, one


def test_lexical_choices_figure_names_the_words_only_one_version_uses(story):
    table = framing.lexical_choices(story)
    group = table["group"].iloc[0]
    alt = figures.lexical_choices_figure(story, group=group).alt_text
    part = table[table["group"] == group]
    for _, row in part.iterrows():
        users = [v for v in story.ids if row[v] > 0]
        if len(users) == 1:
            assert f"{users[0]}: " in alt and row["choice"] in alt, (row["choice"], alt)
    assert "Most frequent: " in alt


def test_describe_takes_a_pyplot_figure_out_of_pyplot():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots()
    axes.bar(["000", "001"], [737, 398])
    shown = accessible.describe(figure, "Bar chart of words: 000 737, 001 398.", "Words.")
    assert figure.number not in plt.get_fignums(), "the notebook would show it twice"
    assert shown.savefig is not None and shown.axes == figure.axes
    assert 'alt="Bar chart of words: 000 737, 001 398."' in shown.html()


def test_describe_refuses_a_figure_without_text_alternative():
    from matplotlib.figure import Figure

    with pytest.raises(kit.KitError, match="Pass alt_text"):
        accessible.describe(Figure(), "  \n ")
