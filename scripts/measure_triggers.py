"""How much the trigger forms derived from roots (lexicon/trigger_roots.tsv) add over the
hand-listed triggers (lexicon/triggers.tsv), on a corpus of articles rasd has not been
tuned on: how many derived-only forms occur, in how many articles, and where — so that
a reader can check each for false readings.

    python scripts/measure_triggers.py CORPUS.jsonl [--examples 2] [--top 40]

CORPUS.jsonl: JSON Lines with a `text` field (e.g. the audit set rebuilt by
scripts/audit_texts.py, or any news crawl).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict

from rasd.extraction.triggers import derived_triggers, lexicon
from rasd.resources import resources
from rasd.text.normalize import key, normalize


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus")
    ap.add_argument("--examples", type=int, default=2)
    ap.add_argument("--top", type=int, default=40)
    a = ap.parse_args()

    listed = {key(r["arabic"]) for r in resources().tsv("lexicon/triggers.tsv")}
    derived = {key(f): t for f, t in derived_triggers(resources()) if key(f) not in listed}
    matcher = lexicon().triggers
    hits: Counter[str] = Counter()
    articles: dict[str, set[int]] = defaultdict(set)
    examples: dict[str, list[str]] = defaultdict(list)
    n_articles = with_trigger = with_derived_only = 0
    with open(a.corpus, encoding="utf-8") as f:
        for i, line in enumerate(f):
            if not line.strip():
                continue
            text = normalize(json.loads(line).get("text") or "").text
            n_articles += 1
            found = [h for h in matcher.find_all(text) if h.value.strength != "cue"]
            kinds = {key(h.surface) in derived for h in found}
            with_trigger += bool(found)
            with_derived_only += kinds == {True}
            for h in found:
                k = key(h.surface)
                if k in derived:
                    hits[k] += 1
                    articles[k].add(i)
                    if len(examples[k]) < a.examples:
                        examples[k].append(
                            text[max(0, h.start - 40) : h.end + 40].replace("\n", " ")
                        )
    print(
        f"articles {n_articles}; with an event trigger {with_trigger}; "
        f"with derived triggers only {with_derived_only}"
    )
    print(
        f"derived forms not hand-listed: {len(derived)}; found in the corpus: {len(hits)}; "
        f"hits {sum(hits.values())}"
    )
    for k, n in hits.most_common(a.top):
        t = derived[k]
        print(
            f"  {k:14s} {t.category:10s} {t.strength:6s} {n:4d} hits in {len(articles[k]):3d} articles"
        )
        for ex in examples[k]:
            print(f"      … {ex} …")


if __name__ == "__main__":
    main()
