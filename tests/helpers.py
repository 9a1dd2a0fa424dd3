"""Inputs shared by several test files: an Arabic sentence written for the tests, an HTML
page and an RSS feed around it, and a corpus made from the bundled examples."""

import json
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "src" / "rasd" / "data" / "examples"

TEXT = "قتل ثلاثة أشخاص في انفجار عبوة ناسفة في حي الكرادة ببغداد اليوم، بحسب مصدر أمني عراقي."
HTML = f"""<!doctype html><html><head><title>انفجار في بغداد</title></head><body>
<nav>الرئيسية | أخبار | رياضة</nav><article><h1>انفجار في بغداد</h1><p>{TEXT}</p>
<p>وأضاف المصدر أن قوات الأمن طوقت المكان ونقلت الجرحى إلى المستشفى.</p></article>
<footer>جميع الحقوق محفوظة</footer></body></html>"""


def rss(items: list[tuple[str, str, str]]) -> str:
    body = "".join(
        f"<item><title>{t}</title><link>https://news.example/{i}</link><guid>{i}</guid>"
        f"<pubDate>Mon, 13 Mar 2023 10:00:00 GMT</pubDate><description>{d}</description></item>"
        for i, t, d in items
    )
    return f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Example</title>{body}</channel></rss>'


def corpus(path: Path, n: int) -> list[dict]:
    """n articles made from the bundled examples, each its own document, some on other days."""
    base = [
        json.loads(x)
        for f in sorted(EXAMPLES.glob("*.jsonl"))
        for x in f.read_text(encoding="utf-8").splitlines()
        if x.strip()
    ]
    rows = []
    for i in range(n):
        b = base[i % len(base)]
        pub = date.fromisoformat(b["published"]).toordinal() + (i // len(base)) % 5
        rows.append(
            {
                "id": f"{b['id']}-{i}",
                "text": b["text"],
                "outlet": f"outlet-{i % 7}",
                "published": date.fromordinal(pub).isoformat(),
                "url": f"https://example.org/{i}",
            }
        )
    path.write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8"
    )
    return rows
