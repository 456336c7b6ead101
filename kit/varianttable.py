"""The result of a collation: variant places, classified, with summaries per pair of versions.

:func:`kit.compare.collate` returns a :class:`VariantTable`. Its ``rows`` are the places where
the versions differ, each with a kind (see :mod:`kit.variants`), a plain explanation and
every version's reading; ``to_frame()`` shows them as a table, ``between(a, b)`` the
differences of two versions only, ``pair_summary()`` counts them per kind, ``distances()``
measures how far apart each pair is, and ``tree()`` joins the closest versions first.

>>> from kit.collation import collate
>>> table = collate(["One two three four five.", "One two three four six.", "Seven two."])
>>> table.distances().round(2).loc["text1", "text2"]
np.float64(0.2)
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

from kit.errors import UnknownVersionError
from kit.variants import (
    ADDED,
    KINDS,
    MOVE_MIN_WORDS,
    MOVED,
    PairDifference,
    classify_pair,
    content_keys,
    describe_tree,
    mark_moves,
    upgma,
)


@dataclass
class Variant:
    """One variant place: its kind, an explanation, the readings, and each pair's difference
    there (a pair of version ids -> :class:`PairDifference`)."""

    place: int
    kind: str
    explanation: str
    readings: dict
    pairs: dict


@dataclass
class PairVariant:
    """One difference between two versions: where (a place of the pair), what, both readings."""

    place: object
    difference: PairDifference


class VariantTable:
    """Versions collated: one :class:`Variant` per place where they differ.

    Built by :func:`kit.compare.collate` from the aligned columns, the places where all
    versions do not agree (``places``) and, for each pair of versions, the places where those
    two differ (``pair_places``).
    """

    def __init__(self, versions, token_lists, columns, places, pair_places):
        self.versions = tuple(versions)
        self.ids = tuple(version.id for version in self.versions)
        self.tokens = dict(zip(self.ids, token_lists, strict=True))
        self.columns = columns
        self._pair_places = pair_places
        self._pair_variants: dict[tuple[str, str], list[PairVariant]] = {}
        self.rows: list[Variant] = []
        for place in places:
            pairs = self._place_pairs(place)
            if not pairs:
                continue
            # the kind of the place: from pairs where both versions have words here, if any
            # (a version that lacks the whole passage would otherwise hide what changed)
            both = [
                found
                for (a, b), found in pairs.items()
                if place.readings[a].tokens and place.readings[b].tokens
            ]
            chosen = both or list(pairs.values())
            kind = next(k for k in KINDS if any(d.kind == k for d in chosen))
            explanation = next(d.explanation for d in chosen if d.kind == kind)
            self.rows.append(Variant(place.number, kind, explanation, place.readings, pairs))
        self._mark_row_moves()

    def _place_pairs(self, place) -> dict:
        """Each pair of versions whose readings differ at ``place``, with its difference
        (computed once per pair of distinct readings)."""
        groups: dict[str, list[str]] = {}
        for version_id, reading in place.readings.items():
            groups.setdefault(reading.text, []).append(version_id)
        pairs = {}
        members = list(groups.values())
        for first in range(len(members)):
            for second in range(first + 1, len(members)):
                id_a, id_b = members[first][0], members[second][0]
                found = classify_pair(
                    id_a,
                    id_b,
                    place.readings[id_a],
                    place.readings[id_b],
                    self.tokens[id_a],
                    self.tokens[id_b],
                )
                if found is None:
                    continue
                for a in members[first]:
                    for b in members[second]:
                        key = (a, b) if self.ids.index(a) < self.ids.index(b) else (b, a)
                        pairs[key] = found
        return pairs

    def _mark_row_moves(self) -> None:
        """A passage some versions have at one place and the others at another was moved."""
        candidates = []
        for row in self.rows:
            if row.kind != ADDED:
                continue
            owners = frozenset(
                v for v, r in row.readings.items() if content_keys(r, self.tokens[v])
            )
            if owners and len(owners) < len(self.ids):
                first = next(iter(sorted(owners)))
                words = set(content_keys(row.readings[first], self.tokens[first]))
                if len(words) >= MOVE_MIN_WORDS:
                    candidates.append((row, owners, words))
        for index, (row, owners, words) in enumerate(candidates):
            for other, other_owners, other_words in candidates[index + 1 :]:
                if owners & other_owners or other.kind == MOVED or row.kind == MOVED:
                    continue
                smaller = min(len(words), len(other_words))
                if smaller >= MOVE_MIN_WORDS and len(words & other_words) >= 0.8 * smaller:
                    for moved in (row, other):
                        moved.kind = MOVED
                        moved.explanation = (
                            "The same passage is at different places in different versions: "
                            "it was moved. Moving a passage changes what a reader sees first."
                        )

    def pair_variants(self, id_a: str, id_b: str) -> list[PairVariant]:
        """The differences of two versions, each classified (computed on first use)."""
        pair = (id_a, id_b) if self.ids.index(id_a) < self.ids.index(id_b) else (id_b, id_a)
        if pair not in self._pair_variants:
            self._pair_variants[pair] = self._classify(*pair, self._pair_places(*pair))
        return self._pair_variants[pair]

    def _classify(self, id_a: str, id_b: str, places) -> list[PairVariant]:
        tokens_a, tokens_b = self.tokens[id_a], self.tokens[id_b]
        differences, passages = {}, {}
        for place in places:
            reading_a, reading_b = place.readings[id_a], place.readings[id_b]
            found = classify_pair(id_a, id_b, reading_a, reading_b, tokens_a, tokens_b)
            differences[place.number] = found
            if found is not None and found.kind == ADDED:
                words_a = content_keys(reading_a, tokens_a)
                owner, reading = (id_a, reading_a) if words_a else (id_b, reading_b)
                words = set(content_keys(reading, self.tokens[owner]))
                passages[place.number] = (owner, reading.text, words)
        mark_moves(differences, passages)
        return [
            PairVariant(place, differences[place.number])
            for place in places
            if differences[place.number] is not None
        ]

    def __len__(self) -> int:
        return len(self.rows)

    def __repr__(self) -> str:
        return f"VariantTable(versions={self.ids}, variants={len(self.rows)})"

    def to_frame(self, kinds=None):
        """One row per variant: place, kind, explanation, then each version's reading,
        paragraph and character offset. ``kinds``: keep only these kinds (a list)."""
        import pandas as pd

        records = []
        for row in self.rows:
            if kinds is not None and row.kind not in kinds:
                continue
            record = {"place": row.place, "kind": row.kind, "explanation": row.explanation}
            for version_id in self.ids:
                reading = row.readings[version_id]
                record[version_id] = reading.text
                record[f"{version_id} paragraph"] = reading.paragraph
                record[f"{version_id} offset"] = reading.offset
            records.append(record)
        columns = ["place", "kind", "explanation"]
        for version_id in self.ids:
            columns += [version_id, f"{version_id} paragraph", f"{version_id} offset"]
        return pd.DataFrame(records, columns=columns)

    def between(self, id_a: str, id_b: str, kinds=None):
        """The differences of two versions only: place, kind, both readings, explanation."""
        import pandas as pd

        if id_a not in self.ids or id_b not in self.ids or id_a == id_b:
            valid = ", ".join(repr(i) for i in self.ids)
            raise UnknownVersionError(f"Choose two different versions among {valid}.")
        records = []
        for variant in self.pair_variants(id_a, id_b):
            found = variant.difference
            if kinds is not None and found.kind not in kinds:
                continue
            a, b = variant.place.readings[id_a], variant.place.readings[id_b]
            records.append(
                {
                    "place": variant.place.number,
                    "kind": found.kind,
                    f"in {id_a}": a.text,
                    f"in {id_b}": b.text,
                    f"{id_a} paragraph": a.paragraph,
                    f"{id_b} paragraph": b.paragraph,
                    "explanation": found.explanation,
                }
            )
        columns = ["place", "kind", f"in {id_a}", f"in {id_b}"]
        columns += [f"{id_a} paragraph", f"{id_b} paragraph", "explanation"]
        return pd.DataFrame(records, columns=columns)

    def explain_pair(self, id_a: str, id_b: str, kind: str | None = None) -> list[str]:
        """The explanations of the differences of two versions (of one kind, if given)."""
        frame = self.between(id_a, id_b, kinds=None if kind is None else [kind])
        return list(frame["explanation"])

    def pair_summary(self):
        """How many differences of each kind each pair of versions has (and the total)."""
        import pandas as pd

        counts = {}
        for pair in combinations(self.ids, 2):
            row = dict.fromkeys(KINDS, 0)
            for variant in self.pair_variants(*pair):
                row[variant.difference.kind] += 1
            row["total"] = sum(row.values())
            counts[f"{pair[0]} / {pair[1]}"] = row
        frame = pd.DataFrame.from_dict(counts, orient="index", columns=[*KINDS, "total"])
        frame.index.name = "versions"
        return frame

    def distance(self, id_a: str, id_b: str) -> float:
        """Share of the two versions' content words (not stop words) they do not share, 0-1."""
        a, b = self.ids.index(id_a), self.ids.index(id_b)
        tokens_a, tokens_b = self.tokens[id_a], self.tokens[id_b]
        shared = sum(
            1
            for column in self.columns
            if column[a] >= 0
            and column[b] >= 0
            and not tokens_a[column[a]].stop
            and tokens_a[column[a]].key == tokens_b[column[b]].key
        )
        total = sum(not t.stop for t in tokens_a) + sum(not t.stop for t in tokens_b)
        return 1.0 - 2 * shared / total if total else 0.0

    def distances(self):
        """A square table of :meth:`distance` between every two versions (0 = same words)."""
        import pandas as pd

        values = [[self.distance(a, b) if a != b else 0.0 for b in self.ids] for a in self.ids]
        return pd.DataFrame(values, index=list(self.ids), columns=list(self.ids))

    def tree(self):
        """The closeness tree (UPGMA): a leaf is a version id, a join (left, right, height)."""
        cache = {}

        def distance(a, b):
            if (a, b) not in cache:
                cache[(a, b)] = cache[(b, a)] = self.distance(a, b)
            return cache[(a, b)]

        return upgma(list(self.ids), distance)

    def describe(self) -> str:
        """One sentence on which versions are closest (from :meth:`tree`)."""
        return describe_tree(self.tree())

    def _repr_html_(self) -> str:
        from html import escape

        head = (
            f"<p>{len(self.rows)} places where versions {escape(', '.join(self.ids))} differ. "
            f"{escape(self.describe())} Use <code>.to_frame()</code> for every place, "
            "<code>.between(a, b)</code> for two versions.</p>"
        )
        return head + self.pair_summary().to_html()
