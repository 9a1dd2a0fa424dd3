"""Compiled tables kept between runs: made once, read back, made again when a file they
come from changes; a cache folder that cannot be used only costs time."""

import pytest

from rasd import cache


@pytest.fixture
def data(tmp_path):
    f = tmp_path / "names.tsv"
    f.write_text("arabic\nبغداد\n", encoding="utf-8")
    return f


def make_counter():
    calls = []

    def make():
        calls.append(1)
        return {"names": ["بغداد"], "n": len(calls)}

    return make, calls


def test_a_table_is_made_once_and_read_back(tmp_path, data, monkeypatch):
    monkeypatch.setenv("RASD_CACHE_DIR", str(tmp_path / "cache"))
    make, calls = make_counter()
    assert cache.compiled("t", [data], make) == {"names": ["بغداد"], "n": 1}
    assert cache.compiled("t", [data], make) == {"names": ["بغداد"], "n": 1}
    assert calls == [1]
    assert len(list((tmp_path / "cache").glob("t-*.marshal"))) == 1


def test_a_changed_file_makes_a_new_table(tmp_path, data, monkeypatch):
    monkeypatch.setenv("RASD_CACHE_DIR", str(tmp_path / "cache"))
    make, calls = make_counter()
    cache.compiled("t", [data], make)
    data.write_text("arabic\nبغداد\nالموصل\n", encoding="utf-8")
    assert cache.compiled("t", [data], make)["n"] == 2
    assert calls == [1, 1]
    # the table made from the old file is gone, another name's table stays
    cache.compiled("other", [data], make)
    names = sorted(p.name.split("-")[0] for p in (tmp_path / "cache").glob("*.marshal"))
    assert names == ["other", "t"]


def test_a_broken_cache_file_is_made_again(tmp_path, data, monkeypatch):
    monkeypatch.setenv("RASD_CACHE_DIR", str(tmp_path / "cache"))
    make, calls = make_counter()
    cache.compiled("t", [data], make)
    (path,) = (tmp_path / "cache").glob("t-*.marshal")
    path.write_bytes(b"\x00garbage")
    assert cache.compiled("t", [data], make)["n"] == 2
    assert cache.compiled("t", [data], make)["n"] == 2  # and stored again, whole


def test_caching_off_or_a_folder_that_cannot_be_written(tmp_path, data, monkeypatch):
    make, calls = make_counter()
    monkeypatch.setenv("RASD_CACHE_DIR", "off")
    cache.compiled("t", [data], make)
    cache.compiled("t", [data], make)
    assert calls == [1, 1]
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("RASD_CACHE_DIR", str(blocker / "cache"))  # below a file
    assert cache.compiled("t", [data], make)["names"] == ["بغداد"]
    assert not any(tmp_path.glob("**/*.tmp"))
