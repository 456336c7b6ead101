"""Benchmark: the whole analysis of the story at 1x, 10x and 100x its length.

Targets: the analysis of the story itself (1x, after a warm-up that loads the dictionaries)
takes well under a second; the cost grows about linearly: from 10x to 100x the time may grow
at most 10 * SLACK times (SLACK = 2.5), else the script exits non-zero (superlinear).
The longer corpora are built from the story's own paragraphs, shuffled, in Version objects.
"""

from __future__ import annotations

import random
import sys
import time
from types import MappingProxyType

import kit
from kit import artifacts, attribution, compare, framing, readability
from kit.story import Story, Version

SCALES = (1, 10, 100)
SLACK = 2.5
TARGET_1X_SECONDS = 1.0


def scaled_story(story: Story, factor: int, seed: int = 7) -> Story:
    """A story whose versions are ``factor`` times longer (paragraphs repeated and shuffled).

    Every call builds new texts (a closing word is added), so no cache from an earlier run helps.
    """
    rng = random.Random(seed)
    versions = []
    for version in story:
        paragraphs = list(version.paragraphs) * factor
        rng.shuffle(paragraphs)
        text = version.headline + "\n\n" + "\n\n".join(paragraphs) + f"\n\nEnd {factor}."
        if len(version.paragraphs) == 1:  # one-line text stays one line (like 004)
            text = version.headline + " " + " ".join(paragraphs) + f" end {factor}"
        versions.append(
            Version(version.id, version.headline, text, MappingProxyType(dict(version.metadata)))
        )
    return Story(story.title, tuple(versions), story.path)


def analyse(story: Story) -> None:
    """Run every analysis the lessons use on the story."""
    first, second, third = story.versions[:3]
    readability.readability_table(story)
    readability.paragraph_readability(story)
    attribution.sources_table(story)
    for version in story:
        attribution.datelines(version)
        attribution.photo_credits(version)
    artifacts.find_artifacts(story)
    framing.concordance(story, "clampdown")
    framing.lexical_choices(story)
    framing.connotation(story)
    framing.keyness(first, second)
    compare.align(first, second).html()
    compare.align(second, third).html()
    compare.immutables(story)


def timed(story: Story) -> float:
    start = time.perf_counter()
    analyse(story)
    return time.perf_counter() - start


def main() -> int:
    """Print the timings; return 0 when both targets are met."""
    story = kit.load_story()
    analyse(story)  # warm-up: loads textstat's dictionary, VADER's lexicon
    times = {}
    for factor in SCALES:
        corpus = scaled_story(story, factor)
        words = sum(len(v.body.split()) for v in corpus)
        times[factor] = timed(corpus)
        print(f"{factor:>4}x  {words:>7} words  {times[factor]:7.2f} s", flush=True)
    growth = times[100] / times[10]
    print(f"growth 10x -> 100x: {growth:.1f} (linear = 10, limit {10 * SLACK:.0f})")
    ok_speed = times[1] < TARGET_1X_SECONDS
    ok_growth = growth <= 10 * SLACK
    print(f"target 1x < {TARGET_1X_SECONDS} s -> {'met' if ok_speed else 'MISSED'}")
    print(f"target roughly linear -> {'met' if ok_growth else 'MISSED (superlinear)'}")
    return 0 if ok_speed and ok_growth else 1


if __name__ == "__main__":
    sys.exit(main())
