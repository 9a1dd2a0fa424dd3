"""Items by position: slicing a sentence's hits and the item nearest a trigger."""

from dataclasses import dataclass

from rasd.extraction.spans import ByStart, nearest


@dataclass
class It:
    start: int
    end: int


def test_within_keeps_whole_items_unless_told():
    b = ByStart([It(10, 15), It(0, 3), It(18, 25)])
    assert [i.start for i in b.within(0, 20)] == [0, 10]
    assert [i.start for i in b.within(0, 20, whole=False)] == [0, 10, 18]


def test_nearest_prefers_items_after_the_trigger_when_asked():
    before, after = It(0, 8), It(12, 14)
    assert nearest([before, after], 10) is before
    assert nearest([before, after], 10, prefer_after=True) is after
    assert nearest([], 10) is None
