"""A store filled with the bundled examples (SQLite, and PostgreSQL when RASD_TEST_PG names
a server) and an API client over it."""

from __future__ import annotations

import pytest
from backends import BACKENDS, PG, reset_pg
from fastapi.testclient import TestClient

from rasd.serve import ServeSettings, create_app
from rasd.serve.run import load_examples

TOKEN = "test-token-5f1c"
SEED_EVENT = {"location": "Ain al-Asad Air Base", "event_date": "2022-01-05"}


@pytest.fixture(scope="module", params=BACKENDS)
def examples_db(request, tmp_path_factory):
    if request.param == "sqlite":
        db = str(tmp_path_factory.mktemp("serve") / "rasd.db")
    else:
        reset_pg(PG)
        db = PG
    load_examples(db)
    return db


@pytest.fixture(scope="module")
def client(examples_db):
    app = create_app(ServeSettings(db=examples_db, token=TOKEN))
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


@pytest.fixture()
def fresh_client(tmp_path):
    """A client over its own SQLite store with the examples (for tests that write)."""

    def make(**settings):
        db = str(tmp_path / "w.db")
        load_examples(db)
        return TestClient(
            create_app(ServeSettings(db=db, **settings)), raise_server_exceptions=False
        )

    return make


@pytest.fixture()
def seed_event_id(client) -> str:
    """The id of the seed's 5 January Ain al-Asad event (two conflicting accounts)."""
    items = client.get("/events", params={"country": "IRQ", "limit": 1000}).json()["items"]
    return next(e["id"] for e in items if all(e[k] == v for k, v in SEED_EVENT.items()))
