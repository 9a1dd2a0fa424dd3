import importlib.util
import json

from rasd.evaluate import actor_similarity, load_jsonl, score


def test_actor_similarity_is_loose():
    assert actor_similarity("Iran-backed militias", "Iran-backed militia groups") >= 0.6
    assert actor_similarity("Unidentified armed group", "Coalition forces") < 0.6
    assert actor_similarity(None, None) == 1.0


def test_matching_rules():
    g = {
        "a": {
            "events": [
                {
                    "event_type": "Battles",
                    "sub_event_type": "Armed clash",
                    "event_date": "2022-01-05",
                    "latitude": 33.0,
                    "longitude": 44.0,
                    "fatalities": 2,
                }
            ]
        }
    }
    near = {
        "a": {
            "events": [
                {
                    "event_type": "Battles",
                    "sub_event_type": "Armed clash",
                    "event_date": "2022-01-06",
                    "latitude": 33.2,
                    "longitude": 44.1,
                    "fatalities": 2,
                }
            ]
        }
    }
    far = {
        "a": {
            "events": [
                {
                    "event_type": "Battles",
                    "sub_event_type": "Armed clash",
                    "event_date": "2022-01-05",
                    "latitude": 35.0,
                    "longitude": 44.0,
                }
            ]
        }
    }
    assert score(g, near).matched == 1 and score(g, near).attribute("fatalities") == 1.0
    assert score(g, far).matched == 0


def test_same_figures_as_the_team_scorer(shared, tmp_path):
    import rasd.cli

    pred = tmp_path / "pred.jsonl"
    gold = shared / "gold" / "dev.jsonl"
    assert rasd.cli.main(["extract", str(gold), "-o", str(pred), "-q"]) == 0
    spec = importlib.util.spec_from_file_location(
        "score_events", shared / "tools" / "score_events.py"
    )
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    theirs = mod.score(mod._load(str(gold)), mod._load(str(pred)))
    ours = score(load_jsonl(gold), load_jsonl(pred)).to_dict()
    for k in (
        "gold_events",
        "pred_events",
        "matched",
        "precision",
        "recall",
        "f1",
        "negatives_clean",
    ):
        assert ours[k] == theirs[k], k
    assert ours["attributes"] == theirs["attributes"]
    json.dumps(ours)
