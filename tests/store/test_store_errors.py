"""A store that cannot be used is one line and exit status 3, never a traceback; query
commands never create a store (issue 11, cases 10 and 12)."""

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from rasd.cli import main
from rasd.store import Store, StoreError

TEXT = "قتل ثلاثة جنود في اشتباكات مع مسلحين قرب مدينة تكريت أمس، بحسب مصدر أمني."


@pytest.fixture
def article(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(TEXT, encoding="utf-8")
    return str(p)


def _one_line_error(capsys, code, args, expect):
    assert main(args) == code
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "Traceback" not in err, err
    assert expect in err, err


def _free_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def test_a_file_that_is_not_a_database(capsys, tmp_path, article):
    other = tmp_path / "notes.txt"
    other.write_text("not a database, just notes\n" * 10, encoding="utf-8")
    _one_line_error(capsys, 3, ["extract", article, "--db", str(other)], "not a SQLite database")
    assert other.read_text(encoding="utf-8").startswith("not a database")


def test_a_read_only_folder(capsys, tmp_path, article):
    if os.geteuid() == 0:  # root ignores permissions; /proc takes no new file even from root
        folder = Path("/proc")
    else:
        folder = tmp_path / "ro"
        folder.mkdir()
        folder.chmod(0o500)
    try:
        _one_line_error(capsys, 3, ["extract", article, "--db", str(folder / "x.db")], "cannot")
    finally:
        if folder != Path("/proc"):
            folder.chmod(0o700)


def test_a_missing_folder(capsys, tmp_path, article):
    _one_line_error(
        capsys, 3, ["extract", article, "--db", str(tmp_path / "no" / "x.db")], "no folder"
    )


def test_postgresql_refusing_the_connection(capsys, article):
    url = f"postgresql://rasd:secret@127.0.0.1:{_free_port()}/rasd"
    _one_line_error(capsys, 3, ["extract", article, "--db", url], "cannot open the store")
    assert "secret" not in capsys.readouterr().err


def test_an_unsupported_url_scheme(capsys, article):
    _one_line_error(
        capsys, 3, ["extract", article, "--db", "mysql://u:p@localhost/x"], "unsupported"
    )
    with pytest.raises(StoreError):
        Store("mysql://u:p@localhost/x")


def test_no_traceback_from_a_real_process(tmp_path, article):
    r = subprocess.run(
        [sys.executable, "-m", "rasd.cli", "extract", article, "--db", "mysql://x/y"],
        capture_output=True,
    )
    assert r.returncode == 3 and b"Traceback" not in r.stderr
    assert len(r.stderr.decode().strip().splitlines()) == 1


@pytest.mark.parametrize("command", ["stats", "events"])
def test_query_commands_never_create_a_store(capsys, tmp_path, command):
    """`rasd stats --db typo.db` created an empty store and exited 0 (issue 11, case 12)."""
    typo = tmp_path / "typo.db"
    _one_line_error(capsys, 3, [command, "--db", str(typo)], "no store at")
    assert not typo.exists() and list(tmp_path.iterdir()) == []
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    _one_line_error(capsys, 3, [command, "--db", str(empty)], "no rasd store")
    assert empty.read_bytes() == b""


def test_a_store_written_after_it_was_opened_read_only(capsys, tmp_path, article):
    db = tmp_path / "x.db"
    assert main(["extract", article, "--db", str(db), "-q", "--published", "2023-03-14"]) == 0
    capsys.readouterr()
    assert main(["stats", "--db", str(db)]) == 0
    assert "articles 1" in capsys.readouterr().out
