"""A changed article whose events all move elsewhere leaves no stale canonical event behind
(its old event's id would be taken again by the new report)."""

from __future__ import annotations

from datetime import date

from rasd.extraction.pipeline import extract_article
from rasd.model import Article
from rasd.store import Store

MOSUL = "قتل شخصان في انفجار عبوة ناسفة في مدينة الموصل اليوم، بحسب مصدر أمني."
TIKRIT = "قتل ثلاثة جنود في اشتباكات مع مسلحين قرب مدينة تكريت اليوم، بحسب مصدر أمني."


def _save(store: Store, text: str, day: date) -> None:
    art = Article(id="moving", text=text, published=day)
    store.save_batch([(art, extract_article(art))], store.start_run("test"))


def test_a_changed_article_replaces_its_canonical_event(tmp_path):
    store = Store(str(tmp_path / "s.db"))
    _save(store, MOSUL, date(2022, 1, 5))
    assert [e["location"] for e in store.events()] == ["Mosul"]
    _save(store, TIKRIT, date(2022, 3, 20))  # was: UNIQUE constraint failed: events.id
    assert [(e["location"], e["event_date"]) for e in store.events()] == [("Tikrit", "2022-03-20")]
    assert store.counts()["events"] == 1
    store.close()
