#!/usr/bin/env python3
"""Rebuild, check and (for part "older") draw rasd's frozen audit set.

The repository holds no article text: each part of the audit set is a folder
``audit/<part>/`` with ``pointers.jsonl`` (where each text lives in a public
corpus, how it is cut out, its sha256) and ``annotations.jsonl`` (the events,
same ids, same order).  This script rebuilds the texts from the mirrored
corpora and writes gold-format JSON Lines that ``score_events.py`` reads.

Rebuild (every part, or one):

    python scripts/audit_texts.py --mirror /work/.mirror --out /tmp/audit.jsonl [--part older|recent|all]
    python scripts/audit_texts.py --mirror /work/.mirror --out /tmp/fusion.jsonl --part older --fusion

  Output lines: {"id", "outlet", "published", "text", "events"} (+ "note" when
  the annotation has one; with --fusion also "incidents").  A corpus whose
  mirror is missing is named with the ``fetch`` call that brings it; the exit
  status is 1 on any sha256 mismatch, 2 when a mirror or commit is missing.

Draw part "older" again (prints the draw; --write rewrites
audit/older/pointers.jsonl, annotations are never touched):

    python scripts/audit_texts.py draw --mirror /work/.mirror [--write]

  See ``draw_older`` for the procedure (seed, filter, strata, replacements).

Mirrors are the snapshots that the search tool's ``fetch`` puts under
``<mirror>/<owner>+<name>/repo`` (a bare git directory, or a clone with a
``.git`` directory); texts are read with ``git show <commit>:<path>``.  Only
the standard library is used.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import io
import json
import pathlib
import random
import re
import subprocess
import sys
import unicodedata
import zipfile

ROOT = pathlib.Path(__file__).resolve().parents[1]
AUDIT = ROOT / "audit"
DEV = pathlib.Path("/work/shared/gold/dev.jsonl")


# ---------------------------------------------------------------- helpers


def norm(text: str) -> str:
    """Normalized text for duplicate checks: NFC, whitespace runs -> one space."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class MissingMirror(Exception):
    pass


def git_dir(mirror: pathlib.Path, repo: str) -> pathlib.Path:
    d = mirror / repo.replace("/", "+") / "repo"
    if (d / ".git").is_dir():
        d = d / ".git"
    if not (d / "HEAD").exists():
        raise MissingMirror(repo)
    return d


def git_show(mirror: pathlib.Path, repo: str, commit: str, path: str) -> bytes:
    r = subprocess.run(
        ["git", "--git-dir", str(git_dir(mirror, repo)), "show", f"{commit}:{path}"],
        capture_output=True,
    )
    if r.returncode:
        raise MissingMirror(f"{repo} (no {path} at commit {commit}: {r.stderr.decode().strip()})")
    return r.stdout


def git_ls(mirror: pathlib.Path, repo: str, commit: str) -> list[tuple[str, str]]:
    """(blob sha, path) of every file of the commit."""
    out = subprocess.run(
        ["git", "--git-dir", str(git_dir(mirror, repo)), "ls-tree", "-r", commit],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rows = []
    for line in out.splitlines():
        meta, path = line.split("\t", 1)
        rows.append((meta.split()[2], path))
    return rows


def git_blobs(mirror: pathlib.Path, repo: str, shas: list[str]) -> list[bytes]:
    """Contents of many blobs at once (git cat-file --batch)."""
    p = subprocess.Popen(
        ["git", "--git-dir", str(git_dir(mirror, repo)), "cat-file", "--batch"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    out = []
    for s in shas:  # one at a time: writing all first can fill both pipes
        p.stdin.write((s + "\n").encode())
        p.stdin.flush()
        n = int(p.stdout.readline().split()[2])
        out.append(p.stdout.read(n))
        p.stdout.read(1)
    p.stdin.close()
    p.wait()
    return out


# ---------------------------------------------------------------- records and text rules

TREC_TAGS = ("DOCNO", "URL", "SRC", "CAT", "TITLE", "TIME", "AUTHOR", "ABSTRACT", "TEXT")


def parse_trec(raw: str) -> dict:
    """One ANT-corpus document (<DOC><DOCNO>…<TEXT>…</TEXT></DOC>) as a dict of its tags."""
    rec = {}
    for t in TREC_TAGS:
        m = re.search(f"<{t}>(.*?)</{t}>", raw, re.S)
        rec[t] = m.group(1) if m else None
    return rec


def load_record(mirror: pathlib.Path, p: dict, cache: dict):
    """The corpus record a pointer designates (JSON object, or dict of TREC tags)."""
    key = (p["repo"], p["commit"], p["path"], p.get("member"))
    if key not in cache:
        data = git_show(mirror, p["repo"], p["commit"], p["path"])
        if p.get("member"):
            data = zipfile.ZipFile(io.BytesIO(data)).read(p["member"])
        name = p.get("member") or p["path"]
        if name.endswith(".txt"):
            cache[key] = parse_trec(data.decode("utf-8"))
        elif name.endswith(".jsonl"):
            cache[key] = [json.loads(x) for x in data.decode("utf-8").splitlines()]
        else:
            cache[key] = json.loads(data.decode("utf-8"))
    obj = cache[key]
    loc = p.get("locator") or {}
    if "index" in loc:
        return obj[loc["index"]]
    if "line" in loc:
        return obj[loc["line"]]
    return obj


def rule_content_stripped(rec: dict) -> str:
    """SaudiNewsNet article object: its ``content`` field, stripped."""
    return (rec.get("content") or "").strip()


def rule_trec_text_stripped(rec: dict) -> str:
    """ANT-corpus document: the inside of its <TEXT> element, stripped."""
    return (rec.get("TEXT") or "").strip()


TEXT_RULES = {
    "content-stripped": rule_content_stripped,
    "trec-TEXT-stripped": rule_trec_text_stripped,
}


def part_rules(part: str):
    """A part may bring its own rules: audit/<part>/text_rules.py with build_text(record, rule)."""
    f = AUDIT / part / "text_rules.py"
    if not f.exists():
        return None
    spec = importlib.util.spec_from_file_location(f"audit_{part}_text_rules", f)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.build_text


def build_text(rec, rule: str, part: str) -> str:
    if rule in TEXT_RULES:
        return TEXT_RULES[rule](rec)
    fn = part_rules(part)
    if fn is None:
        raise ValueError(f"unknown text rule {rule!r} (part {part})")
    return fn(rec, rule)


# ---------------------------------------------------------------- rebuild


def read_jsonl(path: pathlib.Path) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def parts_of(arg: str) -> list[str]:
    have = sorted(d.name for d in AUDIT.iterdir() if (d / "pointers.jsonl").exists())
    if arg == "all":
        return have
    if arg not in have:
        sys.exit(f"no part {arg!r} under {AUDIT} (have: {', '.join(have) or 'none'})")
    return [arg]


def rebuild(args) -> int:
    mirror = pathlib.Path(args.mirror)
    out_lines, missing, bad, cache = [], set(), [], {}
    for part in parts_of(args.part):
        d = AUDIT / part
        pointers = read_jsonl(d / "pointers.jsonl")
        ann = read_jsonl(d / "annotations.jsonl")
        if [p["id"] for p in pointers] != [a["id"] for a in ann][: len(pointers)]:
            print(f"{part}: annotations.jsonl ids do not follow pointers.jsonl", file=sys.stderr)
        if args.fusion:
            pointers += read_jsonl(d / "fusion_pointers.jsonl")
            ann += read_jsonl(d / "fusion_annotations.jsonl")
            incidents: dict[str, list[str]] = {}
            for f in read_jsonl(d / "fusion.jsonl"):
                incidents.setdefault(f["id"], []).append(f["incident"])
            pointers = [p for p in pointers if p["id"] in incidents]
        events = {a["id"]: a for a in ann}
        for p in pointers:
            try:
                text = build_text(load_record(mirror, p, cache), p["text_rule"], part)
            except MissingMirror as e:
                missing.add(str(e))
                continue
            got = sha(text)
            if got != p["sha256"] or len(text) != p["chars"]:
                bad.append(
                    f"{p['id']}: sha256 {got[:12]}… != {p['sha256'][:12]}… "
                    f"(chars {len(text)} vs {p['chars']})"
                )
                continue
            a = events.get(p["id"])
            if a is None:
                bad.append(f"{p['id']}: no annotation")
                continue
            line = {
                "id": p["id"],
                "outlet": p["outlet"],
                "published": p["published"],
                "text": text,
                "events": a["events"],
            }
            if a.get("note"):
                line["note"] = a["note"]
            if args.fusion:
                line["incidents"] = incidents[p["id"]]
            out_lines.append(line)
    if missing:
        print("missing corpora; bring them with the search tool's fetch:", file=sys.stderr)
        for m in sorted(missing):
            repo = m.split(" ")[0]
            print(f"  fetch github:{repo}    ({m})", file=sys.stderr)
    for b in bad:
        print("MISMATCH " + b, file=sys.stderr)
    if missing:
        # a part rebuilt without its corpora would score as a smaller, other audit set
        print(f"nothing written to {args.out}", file=sys.stderr)
        return 2
    with open(args.out, "w", encoding="utf-8") as f:
        for line in out_lines:
            f.write(json.dumps(line, ensure_ascii=False) + "\n")
    n_ev = sum(len(line["events"]) for line in out_lines)
    print(f"{len(out_lines)} articles verified ({n_ev} events) -> {args.out}", file=sys.stderr)
    return 1 if bad else 0


# ---------------------------------------------------------------- draw of part "older"

SNN = ("inparallel/SaudiNewsNet", "4e39239966c2ae8a3faa591201acb9cd1f51199d")
ANT1 = ("antcorpus/antcorpus.data", "06f6a10e80c7a0e7aee0bba2f0a6372c35c45c83")
ANT2 = ("antcorpus/antcorpus.multisource.data", "f117ce44a9cfad0dcbd341b7d744e4c3cdb4fed8")

SEED = 20150721
MIN_CHARS, MAX_CHARS = 250, 6000
MIN_HITS = 3  # conflict-word occurrences needed for the pool
# (stratum, how many from the pool, how many at random from everything)
STRATA = [("SaudiNewsNet", 22, 8), ("ANT-multisource", 18, 7), ("ANT-JawharaFM", 10, 5)]

# Broad conflict-word list, written from general Arabic (not from rasd): stems
# and common inflections; a word may carry the clitics و/ف, ب/ل/ك and the article.
CONFLICT_WORDS = """
قتل قتلى قتيل مقتل يقتل تقتل اغتيال اغتال مصرع حتفه حتفهم استشهد شهيد شهداء
هجوم هجمات هاجم يهاجم اعتداء اعتداءات كمين
انفجار تفجير تفجيرات انتحاري ناسف ناسفة عبوة عبوات مفخخ مفخخة لغم ألغام الغام
اشتباك اشتباكات اشتبك مواجهات معارك معركة اقتتال
غارة غارات قصف يقصف تقصف
قذيفة قذائف هاون مدفعي مدفعية صاروخ صواريخ صاروخية
اعتقال اعتقل اعتقلت معتقل معتقلين القبض توقيف احتجاز مداهمة مداهمات داهم داهمت
احتجاج احتجاجات احتجاجية محتج محتجين تظاهر مظاهرة مظاهرات متظاهر متظاهرين اعتصام شغب
خطف اختطاف اختطف مختطف رهائن رهينة
قنبلة قنابل متفجرات متفجرة
مسلح مسلحون مسلحين مسلحة ميليشيا ميليشيات مليشيا مليشيات
إرهابي ارهابي إرهابية ارهابية إرهابيين ارهابيين
جرحى جريح
""".split()  # noqa: SIM905
CONFLICT_PHRASES = [
    "ضربة جوية",
    "ضربات جوية",
    "طائرة بدون طيار",
    "طائرات بدون طيار",
    "دون طيار",
    "إطلاق نار",
    "اطلاق نار",
    "إطلاق النار",
    "اطلاق النار",
    "قوات الأمن",
    "قوات الامن",
    "الأجهزة الأمنية",
    "الاجهزة الامنية",
    "وقفة احتجاجية",
    "برميل متفجر",
    "براميل متفجرة",
    "طائرة مسيرة",
    "طائرات مسيرة",
]
CONFLICT_RE = re.compile(
    r"(?:^|(?<=[\s\W]))(?:[وف]?(?:ب|ل|ك)?(?:ال)?|لل)(?:"
    + "|".join(sorted(set(CONFLICT_WORDS + CONFLICT_PHRASES), key=len, reverse=True))
    + ")"
)

# Articles drawn but unusable (not news, garbled, not a whole article): the next
# article of the same stratum in the seeded order replaces each.  Key: repo:path#index.
UNUSABLE: dict[str, str] = {}  # none so far: all 70 drawn articles were usable

SNN_OUTLETS = (
    None  # SaudiNewsNet: the corpus's own source id (aawsat, okaz, was, …), as in the dev set
)
ANT2_OUTLETS = {
    "AL": "Al Arabiya",
    "BB": "BBC Arabic",
    "CN": "CNN Arabic",
    "FR": "France 24 Arabic",
    "SK": "Sky News Arabia",
}
URL_DATE = [
    re.compile(r"/(20\d\d)/(\d\d)/(\d\d)/"),
    re.compile(r"/20\d\d/(20\d\d)(\d\d)(\d\d)/"),
    re.compile(r"/Issues/(20\d\d)(\d\d)(\d\d)/"),
]


def snn_published(rec: dict) -> str | None:
    """Date in the URL when the outlet puts one there (aleqt.com, al-jazirah.com, okaz.com.sa
    print issues), else the day of date_extracted."""
    for rx in URL_DATE:
        m = rx.search(rec.get("url") or "")
        if m:
            return "-".join(m.groups())
    return (rec.get("date_extracted") or "")[:10] or None


def ant_published(path: str, rec: dict) -> str | None:
    """The date at the end of the file name / DOCNO (YYYYMMDD, or DDMMYYYY in a few
    JawharaFM files); it is the date of the <TIME> element. A DDMMYYYY name whose day is
    20-29 also starts with "20": YYYYMMDD only when its month digits are 01-12."""
    m = re.search(r"-(\d{8})\.txt$", path)
    if not m:
        return None
    s = m.group(1)
    if s.startswith("20") and "01" <= s[4:6] <= "12":
        return f"{s[:4]}-{s[4:6]}-{s[6:]}"
    return f"{s[4:]}-{s[2:4]}-{s[:2]}"


def candidates_older(mirror: pathlib.Path) -> list[dict]:
    """Every article of the three corpora that may be drawn, in a fixed order."""
    dev = [json.loads(x)["text"] for x in DEV.open(encoding="utf-8")] if DEV.exists() else []
    dev_sha = {sha(norm(t)) for t in dev}
    dev_200 = {norm(t)[:200] for t in dev}
    rows = []
    repo, commit = SNN
    for _blob, path in sorted(git_ls(mirror, repo, commit), key=lambda r: r[1]):
        if not path.endswith(".zip"):
            continue
        z = zipfile.ZipFile(io.BytesIO(git_show(mirror, repo, commit, path)))
        for member in sorted(z.namelist()):
            for i, rec in enumerate(json.loads(z.read(member).decode("utf-8"))):
                pub = snn_published(rec)
                # the first batch (extracted 2015-07-21) also holds older articles: keep
                # only those whose URL carries their date
                if path.endswith("2015-07-21.zip") and pub == rec["date_extracted"][:10]:
                    continue
                rows.append(
                    dict(
                        stratum="SaudiNewsNet",
                        repo=repo,
                        commit=commit,
                        path=path,
                        member=member,
                        locator={"index": i},
                        text_rule="content-stripped",
                        text=rule_content_stripped(rec),
                        published=pub,
                        outlet=rec["source"],
                    )
                )
    for (repo, commit), stratum in ((ANT2, "ANT-multisource"), (ANT1, "ANT-JawharaFM")):
        files = sorted((b, p) for b, p in git_ls(mirror, repo, commit) if p.endswith(".txt"))
        files.sort(key=lambda r: r[1])
        for (_blob, path), data in zip(
            files, git_blobs(mirror, repo, [b for b, _ in files]), strict=True
        ):
            rec = parse_trec(data.decode("utf-8"))
            code = path.rsplit("/", 1)[-1].split("-")[0]
            outlet = "Jawhara FM" if stratum == "ANT-JawharaFM" else ANT2_OUTLETS[code]
            rows.append(
                dict(
                    stratum=stratum,
                    repo=repo,
                    commit=commit,
                    path=path,
                    member=None,
                    locator={},
                    text_rule="trec-TEXT-stripped",
                    text=rule_trec_text_stripped(rec),
                    published=ant_published(path, rec),
                    outlet=outlet,
                )
            )
    seen, out = set(), []
    for r in rows:
        t = r["text"]
        if not (MIN_CHARS <= len(t) <= MAX_CHARS) or not r["published"]:
            continue
        n = norm(t)
        if sha(n) in dev_sha or n[:200] in dev_200 or sha(n) in seen:
            continue
        seen.add(sha(n))
        r["hits"] = len(CONFLICT_RE.findall(t))
        r["key"] = f"{r['repo']}:{r['path']}" + (
            f"#{r['locator']['index']}" if r["locator"] else ""
        )
        out.append(r)
    return out


def draw_older(mirror: pathlib.Path) -> tuple[list[dict], dict]:
    """The draw of part "older".

    Candidates: every article of SaudiNewsNet (2015), ANT multisource (2018) and
    ANT JawharaFM (mostly 2015-2017) at the commits above whose text (text rule
    of its corpus) has MIN_CHARS..MAX_CHARS characters and a date, that is not a
    dev-set text (sha256 of norm() text, or its first 200 normalized characters)
    and not a repeat of an earlier candidate's normalized text.
    Pool: candidates with at least MIN_HITS matches of CONFLICT_RE.
    For each stratum (corpus) in STRATA: its pool, in candidate order, shuffled
    with random.Random(f"{SEED}/{stratum}/pool"), gives the pool draws; all its
    candidates, shuffled with random.Random(f"{SEED}/{stratum}/random"), give the
    random draws (an article already drawn is passed over).  Articles listed in
    UNUSABLE are passed over; the next one in the same order replaces them.
    The draw depends on the dev set it excludes: it was made with
    /work/shared/gold/dev.jsonl of sha256 4346bb7f5435638b… (49 articles); string
    seeds of random.Random are hashed with SHA-512, so the order is the same on
    every Python 3 version.
    """
    cands = candidates_older(mirror)
    drawn, stats = [], {}
    skip = set(UNUSABLE)
    for stratum, n_pool, n_rand in STRATA:
        mine = [c for c in cands if c["stratum"] == stratum]
        pool = [c for c in mine if c["hits"] >= MIN_HITS]
        stats[stratum] = {"candidates": len(mine), "pool": len(pool)}
        for kind, items, n in (("pool", pool, n_pool), ("random", mine, n_rand)):
            got = take_shuffled(items, n, f"{SEED}/{stratum}/{kind}", skip)
            drawn += [dict(c, drawn_as=kind) for c in got]
    return drawn, stats


def take_shuffled(items: list[dict], n: int, seed: str, skip: set[str]) -> list[dict]:
    """The first `n` of `items` shuffled with random.Random(seed), passing over the keys
    in `skip`; the keys taken join `skip`, so a later draw passes them over too."""
    order = list(items)
    random.Random(seed).shuffle(order)
    got: list[dict] = []
    for c in order:
        if len(got) == n:
            break
        if c["key"] in skip:
            continue
        skip.add(c["key"])
        got.append(c)
    return got


def pointer_of(c: dict, id_: str) -> dict:
    return {
        "id": id_,
        "repo": c["repo"],
        "commit": c["commit"],
        "path": c["path"],
        "member": c["member"],
        "locator": c["locator"],
        "text_rule": c["text_rule"],
        "sha256": sha(c["text"]),
        "chars": len(c["text"]),
        "published": c["published"],
        "outlet": c["outlet"],
        "drawn_as": c["drawn_as"],
    }


def draw(args) -> int:
    drawn, stats = draw_older(pathlib.Path(args.mirror))
    for s, v in stats.items():
        print(f"{s}: {v['candidates']} candidates, {v['pool']} in the pool", file=sys.stderr)
    pointers = [pointer_of(c, f"audit-older-{i:03d}") for i, c in enumerate(drawn, 1)]
    for p, c in zip(pointers, drawn, strict=True):
        print(
            p["id"],
            p["published"],
            p["drawn_as"],
            f"{p['outlet']:16s}",
            c["hits"],
            p["chars"],
            c["key"],
        )
    if args.write:
        with open(AUDIT / "older" / "pointers.jsonl", "w", encoding="utf-8") as f:
            for p in pointers:
                f.write(json.dumps(p, ensure_ascii=False) + "\n")
    return 0


# ---------------------------------------------------------------- main


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["draw"]:
        ap = argparse.ArgumentParser(prog="audit_texts.py draw")
        ap.add_argument("--mirror", default="/work/.mirror")
        ap.add_argument("--write", action="store_true", help="rewrite audit/older/pointers.jsonl")
        return draw(ap.parse_args(argv[1:]))
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mirror", default="/work/.mirror")
    ap.add_argument("--out", required=True)
    ap.add_argument("--part", default="all", help="a folder under audit/, or all")
    ap.add_argument(
        "--fusion",
        action="store_true",
        help="write the articles of the part's fusion.jsonl instead",
    )
    try:
        return rebuild(ap.parse_args(argv))
    except MissingMirror as e:  # pragma: no cover
        print(f"fetch github:{e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
