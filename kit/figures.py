"""Figures for the analyses: described matplotlib figures, ready to show in a notebook.

Each function builds a :class:`matplotlib.figure.Figure` with the object API (no ``pyplot``,
no global state, nothing shown by side effect) and returns it as a
:class:`kit.accessible.DescribedFigure`: ``.figure`` is the matplotlib Figure (its attributes
work on the result too), ``.alt_text`` says what the figure shows and its main finding, and
the last line of a notebook cell shows it as an image with that text alternative and a
caption. ``figure.savefig("file.png")`` saves it. Colours are the Okabe-Ito palette,
which readers with colour-blindness can tell apart; unreliable values are also hatched and
labelled, so colour is never the only cue. Widths stay within 9 inches.

>>> import kit
>>> figure = readability_figure(kit.load_story())
>>> figure.axes[0].get_title()
'Readability grade levels by version'
>>> print(figure.alt_text)  # doctest: +ELLIPSIS
Bar chart of 5 grade-level readability formulas ... for versions 000, 001 and 004...
"""

from __future__ import annotations

from kit.accessible import describe
from kit.locate import as_versions
from kit.story import Story, Version

#: Okabe & Ito (2008) colour-blind-safe palette.
OKABE_ITO = (
    "#E69F00",  # orange
    "#56B4E9",  # sky blue
    "#009E73",  # bluish green
    "#F0E442",  # yellow
    "#0072B2",  # blue
    "#D55E00",  # vermillion
    "#CC79A7",  # reddish purple
    "#000000",  # black
)
GRADE_AXIS_LIMIT = 25


def _figure(width: float = 8.0, height: float = 4.5):
    from matplotlib.figure import Figure

    return Figure(figsize=(min(width, 9.0), height), layout="constrained")


def readability_figure(target: Story | Version | str, reference_grade: float | None = 7):
    """Grouped bars: each grade-level formula for each version, unreliable ones hatched.

    Values beyond grade 25 are cut at the top and printed on the bar. The dashed line marks
    ``reference_grade`` (US adults read on average at about 7th-grade level, DuBay 2004);
    pass None to leave it out.

    >>> import kit
    >>> figure = readability_figure(kit.load_story()["001"], reference_grade=None)
    >>> figure.axes[0].get_ylabel()
    'US school grade (higher = harder)'
    """
    from kit.readability import GRADE_FORMULAS, readability_table

    table = readability_table(target)
    figure = _figure()
    axes = figure.add_subplot()
    versions = list(table.index)
    group_width = 0.8
    bar_width = group_width / len(GRADE_FORMULAS)
    for number, formula in enumerate(GRADE_FORMULAS):
        for position, version_id in enumerate(versions):
            value = float(table.loc[version_id, formula])
            reliable = bool(table.loc[version_id, "reliable"])
            if formula == "SMOG":
                reliable = reliable and bool(table.loc[version_id, "SMOG reliable"])
            x = position - group_width / 2 + (number + 0.5) * bar_width
            shown = max(min(value, GRADE_AXIS_LIMIT), 0)
            axes.bar(
                x,
                shown,
                width=bar_width * 0.95,
                color=OKABE_ITO[number],
                edgecolor="black",
                linewidth=0.6,
                hatch=None if reliable else "///",
                label=formula if position == 0 else None,
            )
            if value > GRADE_AXIS_LIMIT:
                axes.text(x, shown - 0.5, f"{value:.0f}", rotation=90, ha="center", va="top")
    for position, version_id in enumerate(versions):
        if not bool(table.loc[version_id, "reliable"]):
            axes.annotate(
                "not meaningful (see 'why' in the table)",
                (position, GRADE_AXIS_LIMIT + 1.5),
                ha="center",
                va="center",
                fontsize=8,
                bbox={"boxstyle": "round", "facecolor": "white", "alpha": 0.9},
            )
    if reference_grade is not None:
        axes.axhline(
            reference_grade,
            color="black",
            linestyle="--",
            linewidth=1,
            label=f"grade {reference_grade}: average US adult reader (DuBay 2004)",
        )
    axes.set_xticks(range(len(versions)), [f"version {v}" for v in versions])
    axes.set_ylim(0, GRADE_AXIS_LIMIT + 3)
    axes.set_ylabel("US school grade (higher = harder)")
    axes.set_xlabel("version of the story (hatched bars: the formula's assumptions do not hold)")
    axes.set_title("Readability grade levels by version")
    axes.legend(title="formula", fontsize=8, loc="upper left", ncols=2)
    return describe(figure, *_readability_description(table, reference_grade))


def lexical_choices_figure(target: Story | Version | str, group: str | None = None):
    """Horizontal bars: how often each word of the concept groups occurs, per version.

    >>> import kit
    >>> figure = lexical_choices_figure(kit.load_story(), group="the government's measures")
    >>> figure.axes[0].get_xlabel()
    'occurrences per 1,000 words'
    """
    from kit.framing import lexical_choices

    table = lexical_choices(target)
    if group is not None:
        table = table[table["group"] == group]
    versions = [version.id for version in as_versions(target)]
    labels = [f"{row['group']}: {row['choice']}" for _, row in table.iterrows()]
    figure = _figure(8.0, max(2.5, 0.3 * len(labels) * max(1, len(versions)) / 2 + 1.5))
    axes = figure.add_subplot()
    height = 0.8 / max(1, len(versions))
    for number, version_id in enumerate(versions):
        values = table[f"{version_id} per 1,000 words"].to_list()
        positions = [row + number * height for row in range(len(labels))]
        axes.barh(
            positions,
            values,
            height=height * 0.95,
            color=OKABE_ITO[number % len(OKABE_ITO)],
            hatch=("", "//", "..", "xx", "\\\\")[number % 5],
            edgecolor="black",
            linewidth=0.5,
            label=f"version {version_id}",
        )
    axes.set_yticks([row + 0.4 - height / 2 for row in range(len(labels))], labels, fontsize=8)
    axes.invert_yaxis()
    axes.set_xlabel("occurrences per 1,000 words")
    axes.set_title("Which word each version chose" + (f" ({group})" if group else ""))
    axes.legend(fontsize=8)
    return describe(figure, *_lexical_choices_description(table, versions, group))


def _joined(items) -> str:
    items = [str(item) for item in items]
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _readability_description(table, reference_grade) -> tuple[str, str]:
    """(alt text, caption) of the readability figure, from the table it was drawn from."""
    from kit.readability import GRADE_FORMULAS

    versions = list(table.index)
    alt = (
        f"Bar chart of {len(GRADE_FORMULAS)} grade-level readability formulas "
        f"({_joined(GRADE_FORMULAS)}) for version{'s' if len(versions) > 1 else ''} "
        f"{_joined(versions)}, in US school grades. "
    )
    meaningful = [v for v in versions if bool(table.loc[v, "reliable"])]
    grade = {v: float(table.loc[v, "Flesch-Kincaid grade"]) for v in meaningful}
    if len(set(grade.values())) > 1:
        hardest, easiest = max(grade, key=grade.get), min(grade, key=grade.get)
        alt += (
            f"Of the versions whose scores are meaningful, {hardest} reads hardest "
            f"(Flesch-Kincaid grade {grade[hardest]:.1f}) and {easiest} easiest "
            f"({grade[easiest]:.1f}). "
        )
    elif meaningful:
        alt += f"Flesch-Kincaid grade of {_joined(meaningful)}: {grade[meaningful[0]]:.1f}. "
    for version_id in versions:
        if version_id not in meaningful:
            why = table.loc[version_id, "why"]
            alt += f"The scores of {version_id} are not meaningful ({why}). "
    if reference_grade is not None and meaningful:
        scores = [float(table.loc[v, f]) for v in meaningful for f in GRADE_FORMULAS]
        side = "above" if min(scores) > reference_grade else None
        side = "below" if max(scores) < reference_grade else side
        if side:
            alt += (
                f"Every meaningful score is {side} grade {reference_grade:g}, the average US "
                "adult reader's level."
            )
    caption = (
        "Readability grade levels by version. Hatched bars: the formula's assumptions do not "
        f"hold for that text; bars cut at grade {GRADE_AXIS_LIMIT} carry their value."
    )
    if reference_grade is not None:
        caption += f" Dashed line: grade {reference_grade:g}, the average US adult (DuBay 2004)."
    return alt, caption


def _lexical_choices_description(table, versions, group) -> tuple[str, str]:
    """(alt text, caption) of the lexical-choices figure, from the table it was drawn from."""
    words = f"word of the group '{group}'" if group else "word of the concept groups"
    alt = (
        f"Horizontal bar chart of how often each {words} occurs, per 1,000 words, in "
        f"version{'s' if len(versions) > 1 else ''} {_joined(versions)}. "
    )
    rate = {v: table.set_index("choice")[f"{v} per 1,000 words"].to_dict() for v in versions}
    if not any(value > 0 for values in rate.values() for value in values.values()):
        return alt + "None of these words occurs.", "Which word each version chose."
    if len(versions) > 1:
        only = {
            v: [
                w
                for w, value in rate[v].items()
                if value > 0 and not any(rate[other][w] > 0 for other in versions if other != v)
            ]
            for v in versions
        }
        if any(only.values()):
            alt += (
                "Words only one version uses: "
                + "; ".join(f"{v}: {_joined(chosen)}" for v, chosen in only.items() if chosen)
                + ". "
            )
        else:
            alt += "Every word that occurs here occurs in more than one version. "
    if group or len(versions) == 1:
        most = []
        for v in versions:
            top = max(rate[v].values())
            if top > 0:
                tied = [w for w, value in rate[v].items() if value == top]
                most.append(f"{v} {_joined(tied)} ({top:g} per 1,000 words)")
        alt += "Most frequent: " + "; ".join(most) + "."
    caption = (
        "Which word each version chose"
        + (f" for {group}" if group else "")
        + ": occurrences per 1,000 words; each version has its own colour and hatching."
    )
    return alt, caption


def closeness_tree_figure(target):
    """A tree of which copy is closest to which: versions joined by UPGMA on the collation's
    distances (the share of content words two versions do not share).

    ``target`` is a story, a list of versions or strings, or a collation result
    (:func:`kit.compare.collate`). The figure's ``alt_text`` holds one sentence saying what it
    shows.

    >>> import kit
    >>> figure = closeness_tree_figure(kit.load_story())
    >>> figure.axes[0].get_xlabel()
    'distance: share of content words not shared (0 = same words, 1 = none shared)'
    >>> figure.alt_text  # doctest: +ELLIPSIS
    'Tree of the versions: Versions 000 and 001 are closest ...'
    """
    from kit.compare import collate
    from kit.varianttable import VariantTable

    table = target if isinstance(target, VariantTable) else collate(target)
    tree = table.tree()
    figure = _figure(8.0, 1.2 + 0.5 * len(table.ids))
    axes = figure.add_subplot()
    rows: dict[str, int] = {}

    def draw(node):
        """Draw a subtree; return (y, x) of its joining point."""
        if isinstance(node, str):
            rows[node] = len(rows)
            return float(rows[node]), 0.0
        left, right, height = node
        y_left, x_left = draw(left)
        y_right, x_right = draw(right)
        x = 2 * height
        for y, x_child in ((y_left, x_left), (y_right, x_right)):
            axes.plot([x_child, x], [y, y], color="black", linewidth=1.5)
        axes.plot([x, x], [y_left, y_right], color="black", linewidth=1.5)
        axes.annotate(
            f"{x:.2f}",
            (x, (y_left + y_right) / 2),
            xytext=(4, 0),
            textcoords="offset points",
            va="center",
            fontsize=8,
        )
        return (y_left + y_right) / 2, x

    draw(tree)
    axes.set_yticks(list(rows.values()), [f"version {v}" for v in rows])
    axes.set_xlim(-0.02, 1.1)
    axes.set_ylim(len(rows) - 0.4, -0.6)  # first version at the top
    axes.set_xlabel("distance: share of content words not shared (0 = same words, 1 = none shared)")
    axes.set_title("Which copy is closest to which (joined closest first)")
    for side in ("top", "right", "left"):
        axes.spines[side].set_visible(False)
    caption = (
        "Which copy is closest to which: versions joined closest first; the number at each "
        "join is the distance between the groups it joins."
    )
    return describe(figure, f"Tree of the versions: {table.describe()}", caption)
