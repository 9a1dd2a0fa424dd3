"""Event mentions: triggers in a sentence, typed over the ACLED taxonomy, with the
clause's cues deciding what is not an event (threats, plans, denials, trials, totals).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from rasd.resources import Resources, resources, split_forms
from rasd.taxonomy import taxonomy
from rasd.text.matcher import Hit, Matcher
from rasd.text.morphology import derive
from rasd.text.normalize import key
from rasd.text.words import alternation, clitics, grammar, inflected


@dataclass(frozen=True, slots=True)
class Trigger:
    category: str
    weapon: str | None
    strength: str  # strong, weak, cue
    # a phrase's categories that the verb alone would tell, and the phrase does not
    # (فككت … خلية: an arrest, not a defusal)
    replaces: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Lexicon:
    triggers: Matcher[Trigger]
    # nouns in ة with a possessive suffix, where ة is written ت (غارته، ضربتها، معركتهم)
    bound: Matcher[Trigger]
    categories: dict[str, tuple[str, str]]
    precedence: list[str]
    fighting: frozenset[str]  # categories that tell fighting: their clauses join one frame
    separate: frozenset[str]  # categories whose strong trigger opens a frame of its own
    not_event: Matcher[tuple[str, str, int, int]]  # (reason, scope, reach before, reach after)
    spares: dict[str, frozenset[str]]  # reason → trigger categories its cue leaves alone
    supports: dict[str, frozenset[str]]  # reason → trigger categories its cue makes events
    bare: frozenset[str]  # reasons whose cue counts only without a proclitic (لو, not ولو)
    background: Matcher[str]
    civilians: Matcher[str]
    security: Matcher[str]
    police: Matcher[str]
    militants: Matcher[str]  # armed men as victims: an attack on them is a clash
    return_fire: Matcher[str]
    near: Matcher[str]
    settlement: Matcher[str]  # also "division" (محافظة), "district" (مديرية), "quarter" (حي)
    establishment: Matcher[str]
    topic_shift: Matcher[str]
    prepositions: Matcher[str]  # a country name that is also an adjective follows one
    furniture: Matcher[str]  # "line" (a teaser) or "end" (tags: the article is over)


def _words(forms: list[str], label: str) -> list[tuple[str, str]]:
    return [(f, label) for f in forms]


def lexicon() -> Lexicon:
    """Triggers, the taxonomy and the clause cues (built once)."""
    return resources().get(_build)


def _definite_phrases(trig: list[tuple[str, Trigger]]) -> list[tuple[str, Trigger]]:
    """قصف جوي → القصف الجوي، ضربات جوية → الضربات الجوية: a noun and its adjective take the
    article together (the matcher lets it stand before the first word only). The phrase
    types the event its noun tells (القصف الجوي is an air strike, not shelling) with the
    noun's own strength: الهجوم الكيماوي tells no more than الهجوم does (mostly an event
    already told, in a week of reactions)."""
    article = "\u0627\u0644"
    listed = {key(f) for f, _ in trig}
    heads = {key(f): t.strength for f, t in trig if " " not in f.strip()}
    out = []
    for f, t in trig:
        words = f.split()
        # الهجوم الكيماوي: in the weeks after one, the definite phrase names that attack in
        # every reaction, and chemical outranks the strikes made in answer to it
        if t.category == "chemical":
            continue
        if len(words) > 1 and not any(w.startswith(article) for w in words):
            definite = " ".join(article + w for w in words)
            if key(definite) not in listed:
                strength = heads.get(key(words[0]), "cue")
                out.append((definite, Trigger(t.category, t.weapon, strength, t.replaces)))
    return out


def _build(res: Resources) -> Lexicon:
    types = res.yaml("lexicon/event_types.yaml")
    cats = {k: (v[0], v[1]) for k, v in types["categories"].items()}
    trig = [
        (r["arabic"], Trigger(r["category"], r["weapon"] or None, r["strength"]))
        for r in res.tsv("lexicon/triggers.tsv")
    ]
    listed = {key(form) for form, _ in trig}
    trig += [(f, t) for f, t in derived_triggers(res) if key(f) not in listed]
    trig += _definite_phrases(trig)
    trig += _dual_phrases(trig)
    cues = res.yaml("lexicon/cues.yaml")
    ne = [
        (f, (reason, spec["scope"], int(spec.get("reach", 45)), int(spec.get("after", 20))))
        for reason, spec in cues["not_event"].items()
        for f in spec["forms"]
    ]
    c = clitics()
    return Lexicon(
        triggers=Matcher(trig, suffixes=c.trigger_suffixes),
        bound=Matcher(_bound_stems(trig), suffixes=c.bound_suffixes, bare=False),
        categories=cats,
        precedence=list(types["precedence"]),
        fighting=frozenset(types["fighting"]),
        separate=frozenset(types["separate"]),
        not_event=Matcher(ne),
        spares={r: frozenset(spec.get("spares", ())) for r, spec in cues["not_event"].items()},
        supports={r: frozenset(spec.get("supports", ())) for r, spec in cues["not_event"].items()},
        bare=frozenset(r for r, spec in cues["not_event"].items() if spec.get("bare")),
        background=Matcher(_words(cues["background"], "background")),
        civilians=Matcher(
            _words([*cues["civilians"], *inflected(cues["civilian_stems"])], "civilians"),
            suffixes=c.noun_suffixes,
        ),
        security=Matcher(_words(cues["security"], "security"), suffixes=c.noun_suffixes),
        return_fire=Matcher(_words(cues["return_fire"], "return")),
        police=Matcher(_words(cues["police"], "police"), suffixes=c.noun_suffixes),
        militants=Matcher(_words(cues["militants"], "militants"), suffixes=c.noun_suffixes),
        near=Matcher(_words(cues["near"], "near")),
        # مدينة X introduces a name, المدينة (the city) does not
        settlement=Matcher(
            _words(cues["settlement"], "settlement")
            + _words(cues["quarter"], "quarter")
            + _words(cues["division"], "division")
            + _words(cues["district"], "district"),
            article_optional=False,
        ),
        establishment=Matcher(_words(cues["establishment"], "establishment")),
        topic_shift=Matcher(_words(cues["topic_shift"], "shift")),
        prepositions=Matcher(_words(cues["prepositions"], "preposition"), article_optional=False),
        furniture=Matcher(
            _words(cues["page_furniture"]["line"], "line")
            + _words(cues["page_furniture"]["end"], "end"),
            article_optional=False,
        ),
    )


def _dual_phrases(trig: list[tuple[str, Trigger]]) -> list[tuple[str, Trigger]]:
    """طائرة مسيرة → طائرتين مسيرتين، طائرتان مسيرتان: a phrase of nouns and adjectives in ة
    takes the dual on every word, each ة written ت (clitics.yaml dual_suffixes)."""
    listed = {key(f) for f, _ in trig}
    out = []
    for form, t in trig:
        words = key(form).split()
        if len(words) < 2 or t.strength == "cue" or not all(w.endswith("ه") for w in words):
            continue
        for suffix in clitics().dual_suffixes:
            dual = " ".join(w[:-1] + "ت" + suffix for w in words)
            if dual not in listed:
                out.append((dual, t))
    return out


def _bound_stems(trig: list[tuple[str, Trigger]]) -> list[tuple[str, Trigger]]:
    """The stem a one-word noun in ة takes before a possessive or dual suffix: غارة → غارت
    (غارته، غارتين), unless that stem is itself a listed word (ضربت is "she struck")."""
    listed = {key(f) for f, _ in trig}
    out = []
    for form, t in trig:
        k = key(form)
        if " " in k or len(k) < 4 or not k.endswith("ه") or t.strength == "cue":
            continue
        stem = k[:-1] + "ت"
        if stem not in listed:
            out.append((stem, t))
    return out


@dataclass(frozen=True)
class _Phrasal:
    pattern: regex.Pattern[str]
    trigger: Trigger
    name: str
    verbs: tuple[str, ...]  # a cheap test before the pattern


def _phrasal(res: Resources) -> list[_Phrasal]:
    out = []
    for name, spec in res.yaml("lexicon/phrasal.yaml").items():
        forms = tuple(key(v) for v in spec["verbs"])
        verbs = alternation(list(forms))
        objects = alternation([key(o) for o in spec["objects"]])
        gap = int(spec.get("gap", 4))
        clitic = "[بل]?" if spec.get("noun_clitics") else ""  # قام بتدمير منازل
        pattern = regex.compile(
            rf"(?<![\p{{L}}])[وف]?{clitic}(?P<verb>{verbs})(?:\s+[\p{{L}}\p{{N}}]+){{0,{gap}}}?\s+"
            rf"(?:[وب]?){objects}(?![\p{{L}}])"
        )
        replaces = frozenset(spec.get("replaces", ()))
        trigger = Trigger(spec["category"], spec.get("weapon") or None, spec["strength"], replaces)
        out.append(_Phrasal(pattern, trigger, name, forms))
    return out


def phrasal_triggers(text: str) -> list[Hit[Trigger]]:
    """Triggers of phrasal.yaml: a verb and its object apart (فتحت القوات … النار); the hit
    is the verb, its surface the words from the verb to the object."""
    hits = []
    for p in resources().get(_phrasal):
        if not any(v in text for v in p.verbs):
            continue
        for m in p.pattern.finditer(text):
            s, e = m.span("verb")
            hits.append(Hit(s, e, p.trigger, m.group(), m.start(), e))
    return hits


def without_replaced(found: list[Hit[Trigger]], phrasal: list[Hit[Trigger]]) -> list[Hit[Trigger]]:
    """The single-word hits less those a phrase over them reads otherwise (its verb or its
    object: مسيرة انتحارية is a drone, not a suicide bombing)."""
    spans = [
        (h.word_start, h.word_start + len(h.surface), h.value.replaces)
        for h in phrasal
        if h.value.replaces
    ]
    if not spans:
        return found
    return [
        h
        for h in found
        if not any(s <= h.start < e and h.value.category in gone for s, e, gone in spans)
    ]


def derived_triggers(res: Resources) -> list[tuple[str, Trigger]]:
    """The trigger forms derived from the roots of trigger_roots.tsv (verbs, verbal nouns
    and participles of the derived form given), each with its category and strength."""
    out: list[tuple[str, Trigger]] = []
    for r in res.tsv("lexicon/trigger_roots.tsv"):
        forms = derive(
            r["root"],
            r["form"],
            tuple(split_forms(r["nouns_given"])),
            tuple(split_forms(r["except"])),
        )
        # the imperfect tells a habit, an opinion or what goes on more often than news
        # (الذين يفجرون أنفسهم): it only refines an event another word tells
        present = "cue" if r["verbs"] else ""
        for strength, words in (
            (r["verbs"], forms.verbs),
            (present, forms.present),
            (r["nouns"], forms.nouns),
            (r["participles"], forms.participles),
        ):
            if strength:
                trigger = Trigger(r["category"], r["weapon"] or None, strength)
                out.extend((w, trigger) for w in words)
    return out


def valid_pair(event_type: str, sub_event_type: str) -> bool:
    """Whether a sub-event type belongs to an event type in ACLED's hierarchy."""
    return taxonomy().valid(event_type, sub_event_type)


@dataclass
class Frame:
    """What a clause says happened: its trigger categories and cues."""

    anchor: Hit[Trigger]
    others: list[Hit[Trigger]] = field(default_factory=list)  # further triggers joined to it
    hits: list[Hit[Trigger]] = field(default_factory=list)  # every trigger and cue of the frame
    span: tuple[int, int] | None = None  # the clauses it covers (normalized offsets)
    # where its actors may stand, when the sentence tells another event beside it
    # (اشتباكات …، فيما قصفت مدفعية التحالف …): each report has its own parties
    bounds: tuple[int, int] | None = None
    alone: bool = True  # the only frame of its sentence
    categories: set[str] = field(default_factory=set)
    weapons: list[str] = field(default_factory=list)
    strong: bool = False
    civilians: bool = False
    security: bool = False
    return_fire: bool = False
    police: bool = False  # the security targets are police (a station, a patrol of policemen)
    militants: bool = False  # the victims are armed men (مقتل 4 إرهابيين)
    landed: bool = False  # weapons hit something or caused casualties
    anaphoric: bool = False  # only refers back (الهجوم، الانفجار) to an event already told
    state_actor1: bool | None = None  # for territory: government side took it


def choose_type(frame: Frame, protest_victims: bool = False) -> tuple[str, str, str | None]:
    """(event_type, sub_event_type, weapon) of a frame, following ACLED's coding rules."""
    lex = lexicon()
    cats = frame.categories
    weapon = next((w for w in frame.weapons if w in ("suicide_bomb",)), None)
    weapon = weapon or next(
        (w for w in frame.weapons if w not in ("firearm", "other", "knife")), None
    )
    weapon = weapon or (frame.weapons[0] if frame.weapons else None)
    if cats & {"disrupt", "intercept"} and not frame.landed:
        return "Strategic developments", "Disrupted weapons use", weapon
    if "seizure" in cats and not frame.landed and not cats & lex.fighting:
        # اعتقلت القوات شابا ومصادرة سلاح: the arrest is the event, the arms its detail
        sub = "Arrests" if "arrest" in cats else "Disrupted weapons use"
        return "Strategic developments", sub, weapon
    if "protest" in cats or ("riot" in cats and "protest" in cats):
        if "riot" in cats or "mob" in cats:
            return "Riots", "Violent demonstration", None
        if protest_victims:
            return "Protests", "Excessive force against protesters", None
        if cats & {"intervention", "arrest", "firearm"}:
            # dispersed, arrested or shot at: the protest met force
            return "Protests", "Protest with intervention", None
        return "Protests", "Peaceful protest", None
    if (
        "aircraft" in cats
        and cats & {"shelling", "attack", "kill"}
        and not cats & {"ied", "explosion", "suicide", "exchange"}
    ):
        # قصفت طائرات تركية مواقع: shelling from the air is an air strike
        return "Explosions/Remote violence", "Air/drone strike", "airstrike"
    for cat in lex.precedence:
        if cat not in cats:
            continue
        etype, sub = lex.categories[cat]
        if cat == "territory":
            sub = (
                "Government regains territory"
                if frame.state_actor1
                else "Non-state actor overtakes territory"
            )
            if frame.state_actor1 is None:
                return "Battles", "Armed clash", weapon
            return etype, sub, weapon
        if cat in ("attack", "kill"):
            if frame.return_fire or "clash" in cats:
                return "Battles", "Armed clash", weapon or "firearm"
            if frame.civilians and not frame.security:
                return (
                    "Violence against civilians",
                    "Attack",
                    weapon or ("firearm" if "firearm" in cats else None),
                )
            if frame.security or frame.militants:
                # الجيش يقضي على 4 إرهابيين: security forces fighting armed men
                return "Battles", "Armed clash", weapon
            return "Violence against civilians", "Attack", weapon
        if cat == "arrest" and frame.weapons and cats & {"clash"}:
            continue
        return etype, sub, weapon
    return "Strategic developments", "Other", weapon


def death_noun(h: Hit[Trigger]) -> bool:
    """A noun of a death met (لقي مصرعه، لقوا حتفهم; grammar.yaml death_nouns): whoever is
    named before it died, and it tells an event only beside an act of violence."""
    return key(h.surface) in grammar("death_nouns")
