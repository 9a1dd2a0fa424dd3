"""The records: evidence quotes the original text; an event survives JSON and back."""

from datetime import date

from rasd.model import Event, Evidence, Teller
from rasd.text.normalize import normalize


def test_evidence_quotes_the_original_characters():
    n = normalize("قُتِلَ ثلاثة في الأنبار")  # diacritics are dropped in the normalized text
    start = n.text.index("الانبار")
    ev = Evidence.at(n, start, start + 7, "gazetteer", "AFP")
    assert n.original[ev.start : ev.end] == ev.text == "الأنبار"
    assert ev.to_dict()["source"] == "AFP"


def test_a_teller_quotes_its_claim():
    n = normalize("وقالت الشرطة إن خمسة صواريخ سقطت")
    c = Teller("police", "official", "Alhurra", "a1").claim(n, "munitions", 5, 16, 27)
    assert c.quote == "خمسة صواريخ" and c.source == "police" and c.article_id == "a1"


def test_event_round_trip():
    ev = Event("Battles", "Armed clash", event_date=date(2023, 3, 12), fatalities=2)
    ev.cite("fatalities", Evidence(3, 8, "جنديان", "toll:dual"))
    back = Event.from_dict(ev.to_dict())
    assert back.to_dict() == ev.to_dict()
    assert back.fields["fatalities"][0].rule == "toll:dual"
