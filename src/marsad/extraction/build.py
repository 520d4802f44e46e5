"""Event drafts become model Events: actors resolved, places and dates filled, claims compared.

Reads: drafts of one document, the knowledge base, the document's country. Adds: the
`Event` objects of the codebook. Drafts that tell the same incident twice in one article
(same type, compatible actors, places and dates) are merged first: one event, one claim per
source, `contested` when their figures disagree, the lowest figure kept (ACLED's rule).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache

from marsad.extraction.attribution import Attribution
from marsad.extraction.events import Draft
from marsad.extraction.knowledge import Knowledge
from marsad.extraction.mentions import Found, Mentions
from marsad.kb.lexicons import Trigger
from marsad.model import Acled, Actor, Claim, DateSpan, Event, Figure, Location, Plover, Span


@dataclass(frozen=True, slots=True)
class Context:
    mentions: Mentions
    knowledge: Knowledge
    country: str | None  # ISO2 of the document's main country

    def span(self, start: int, end: int) -> Span:
        return Span(start, end, self.mentions.text[start:end])


def actor_of(ctx: Context, found: Found | None) -> Actor | None:
    """The canonical actor of a mention; a generic one ("الجيش") takes the document's country."""
    if found is None:
        return None
    entry = ctx.knowledge.resolve(found.value, ctx.country)
    mention = ctx.span(found.start, found.end)
    if entry is None:
        return Actor(None, None, mention.text, None, ctx.country, mention)
    return Actor(entry.id, entry.name, entry.name_ar, entry.type, entry.country, mention)


def phrase_actor(ctx: Context, span: tuple[int, int]) -> Actor:
    """A source the knowledge base does not know ("مصادر محلية"): named by its own words."""
    mention = ctx.span(*span)
    return Actor(None, None, mention.text, "other", None, mention)


def _location(ctx: Context, found: Found) -> Location:
    result = found.value.result
    place = result.match
    mention = ctx.span(found.start, found.end)
    return Location(place.name, place.name_ar, place.country, place.admin1, place.admin2, place.lat, place.lon,
                    place.geonames_id, result.precision, mention)


def _date(ctx: Context, found: Found | None) -> DateSpan | None:
    if found is None:
        return None
    d = found.value
    start = d.start_date.isoformat() if d.start_date else None
    end = d.end_date.isoformat() if d.end_date else start
    return DateSpan(start, end, d.precision, ctx.span(found.start, found.end))


def _same_actor(a: Found | None, b: Found | None) -> bool:
    return a is None or b is None or a.value == b.value


PLACE_BOUND = {"ASSAULT", "COERCE", "PROTEST"}


def _place_rows(d: Draft) -> set[int]:
    return {p.value.result.match.row for p in d.places}


def _places_clash(x: Draft, y: Draft) -> bool:
    """Both drafts name places and share none."""
    px, py = _place_rows(x), _place_rows(y)
    return bool(px and py and not px & py)


# Ways of attacking that one incident may be told with ("غارات" and "قصف" for one raid); across families
# two drafts tell two incidents (a roadside bomb and a gun battle of the same day).
MODE_FAMILIES = {"aerial": "remote", "shelling": "remote", "chemical": "remote",
                 "explosive": "bomb", "suicide": "bomb", "grenade": "bomb",
                 "firearms": "fight", "melee": "fight", "territory": "fight"}


def _modes_clash(x: Draft, y: Draft) -> bool:
    """Both drafts say how the attack was made, in different families of means."""
    fx = MODE_FAMILIES.get(x.trigger.value.mode or "")
    fy = MODE_FAMILIES.get(y.trigger.value.mode or "")
    return fx is not None and fy is not None and fx != fy


def _apart(x: Draft, y: Draft) -> bool:
    """Two drafts that cannot tell one incident: their places or their means of attack differ."""
    return _places_clash(x, y) or _modes_clash(x, y)


def _compatible(x: Draft, y: Draft) -> bool:
    """Two drafts of one article telling the same incident."""
    if x.trigger.value.plover != y.trigger.value.plover or y.another:
        return False
    if _apart(x, y):
        return False
    # the same place, or the same head count ("اعتقال 40 فلسطينيا" twice), ties two tellings
    same_place = bool(_place_rows(x) & _place_rows(y)) or bool(x.counts & y.counts)
    rx, ry = x.roles, y.roles
    agree = _same_actor(rx.actor1, ry.actor1) and _same_actor(rx.actor2, ry.actor2)
    swapped = (rx.actor1 is not None and ry.actor2 is not None and rx.actor1.value == ry.actor2.value
               and _same_actor(rx.actor2, ry.actor1))  # a clash told from the other side
    # the same attack at the same place is one incident even when a sentence misread its actors
    if not (agree or swapped or (same_place and x.trigger.value.plover in PLACE_BOUND)):
        return False
    if not same_place and rx.actor1 is None and ry.actor1 is None and rx.actor2 is None and ry.actor2 is None:
        return False
    if x.date and y.date:
        a, b = x.date.value, y.date.value
        if a.start_date and b.start_date and (a.end_date or a.start_date) < b.start_date:
            return False
        if a.start_date and b.start_date and (b.end_date or b.start_date) < a.start_date:
            return False
    source_x = source_key(x.attribution)
    source_y = source_key(y.attribution)
    # one source telling two figures is two incidents; two sources with two figures is a dispute
    kx, ky = x.figures.killed, y.figures.killed
    return not (kx and ky and kx.min != ky.min and source_x == source_y)


def source_key(a: Attribution | None) -> object:
    """Who makes a claim: the source actor's id, else the phrase's span."""
    if a is None:
        return None
    return a.source.value if a.source is not None else a.phrase


def _toll_target(out: list[Draft], d: Draft) -> Draft | None:
    """A death toll with no attack word of its own ("قالت الوزارة إن عدد القتلى بلغ 13"), or a bare
    "الاعتقالات", belongs to the last event of its type that its place does not contradict."""
    for o in reversed(out):
        if o.trigger.value.plover == d.trigger.value.plover and not _apart(o, d):
            return o
    return None


def _headline_target(out: list[Draft], d: Draft) -> Draft | None:
    """The body's telling of the incident a title line announces: same type, no clash of place,
    date or figure."""
    for o in out:
        if o.trigger.value.plover != d.trigger.value.plover or o is d or _apart(o, d):
            continue
        ko, kd = o.figures.killed, d.figures.killed
        if ko and kd and ko.min != kd.min:
            continue
        return o
    return None


def merge_drafts(drafts: list[Draft]) -> list[Draft]:
    """Fold drafts of the same incident into the first one (order kept). A bare death toll joins
    the attack it counts, or stands alone only when it names a place and an actor or a day."""
    body = [d for d in drafts if not d.headline]
    heads = [d for d in drafts if d.headline]
    out: list[Draft] = []
    for d in body:
        target = next((o for o in out if _compatible(o, d)), None)
        if target is None and d.back_reference and not d.another:
            target = _toll_target(out, d)
            if target is None and not (d.places and (d.date or d.roles.actor1 or d.roles.actor2)):
                continue
        if target is None:
            out.append(d)
            continue
        _fold(target, d)
    for d in heads:
        target = _headline_target(out, d)
        if target is None:
            out.insert(0, d)
        else:
            _fold(target, d)
    return out


def _fold(target: Draft, d: Draft) -> None:
    """Add draft d's evidence, claims and missing arguments to target (a mere back-reference,
    "طوق حول مكان الانفجار", adds its evidence and claims but not its actors)."""
    target.evidence.extend(e for e in d.evidence if e not in target.evidence)
    target.claims.extend(d.claims)
    if d.back_reference:
        target.date = target.date or d.date
        return
    r, s = target.roles, d.roles
    r.actor1 = r.actor1 or s.actor1
    r.actor2 = r.actor2 or s.actor2
    r.assoc1.extend(a for a in s.assoc1 if a.value not in {b.value for b in r.assoc1})
    r.assoc2.extend(a for a in s.assoc2 if a.value not in {b.value for b in r.assoc2})
    target.places = target.places or d.places
    target.date = target.date or d.date


def _claims(ctx: Context, draft: Draft) -> tuple[list[Claim], Figure | None, Figure | None, bool]:
    claims: list[Claim] = []
    seen: set[object] = set()
    for attribution, figures in draft.claims:
        if attribution is None:
            continue
        key = (source_key(attribution), figures.killed and figures.killed.min)
        if key in seen:
            continue
        seen.add(key)
        source = (actor_of(ctx, attribution.source) if attribution.source is not None
                  else phrase_actor(ctx, attribution.phrase) if attribution.phrase else None)
        claims.append(Claim(source, ctx.mentions.text[attribution.verb.start:attribution.verb.end],
                            ctx.span(*attribution.span), figures.killed, figures.injured))
    killed = _lowest([f.killed for _, f in draft.claims])
    injured = _lowest([f.injured for _, f in draft.claims])
    stated = {f.killed.min for _, f in draft.claims if f.killed is not None}
    return claims, killed, injured, len(stated) > 1


def _lowest(figures: list[Figure | None]) -> Figure | None:
    present = [f for f in figures if f is not None and f.min is not None]
    return min(present, key=lambda f: f.min) if present else None


def _acled(ctx: Context, draft: Draft, actor1: Actor | None, actor2: Actor | None) -> Acled | None:
    t = draft.trigger.value
    if t.plover not in ("ASSAULT", "PROTEST", "COERCE", "RETREAT") and "territory" not in t.flags:
        return Acled(t.acled_event_type, t.acled_sub_event_type or None) if t.acled_event_type else None
    civilians = actor2 is not None and actor2.type == "civilians"
    if "territory" in t.flags:
        state = actor1 is not None and actor1.type in ("state_forces", "government")
        return Acled("Battles", "Government regains territory" if state else "Non-state actor overtakes territory")
    if t.acled_event_type:
        if t.plover == "ASSAULT" and t.mode in ("firearms", None) and civilians:
            return Acled("Violence against civilians", "Attack")
        return Acled(t.acled_event_type, t.acled_sub_event_type or None)
    if t.plover == "ASSAULT":
        return Acled("Violence against civilians", "Attack") if civilians else Acled("Battles", "Armed clash")
    return None


def _confidence(event_fields: list[object], modality: str) -> float:
    filled = sum(1 for f in event_fields if f)
    base = 0.45 + 0.09 * filled
    return round(min(base, 0.95) * (0.8 if modality != "asserted" else 1.0), 2)


REMOTE_MODES = {"aerial", "shelling", "explosive", "suicide", "civilians", "chemical", "grenade"}


def _civilian_toll(trigger, killed: Figure) -> bool:
    """Victims counted as civilians, or as people killed by remote violence (ACLED's practice)."""
    return killed.group == "civilians" or (killed.group == "unknown" and trigger.mode in REMOTE_MODES)


def generic_actor(ctx: Context, generic_id: str, mention: Span | None) -> Actor | None:
    """The document country's actor of a generic id ("*-CIV" → Civilians (Syria))."""
    entry = ctx.knowledge.resolve(generic_id, ctx.country) if ctx.country else None
    if entry is None:
        return None
    return Actor(entry.id, entry.name, entry.name_ar, entry.type, entry.country, mention)


def _protest_roles(ctx: Context, trigger, actor1: Actor | None, actor2: Actor | None):
    """Protesters act; forces that break up a protest are acted on (actor2)."""
    if actor1 is not None and actor1.type in ("state_forces", "external_force", "government", "person"):
        actor1, actor2 = None, actor2 or (actor1 if actor1.type != "person" else None)
    if actor1 is None:
        actor1 = generic_actor(ctx, "*-RIO" if trigger.mode == "riot" else "*-PRO", None)
    return actor1, actor2


FORCE_TYPES = {"state_forces", "government", "political_militia", "identity_militia", "external_force"}


def force_on_protesters(drafts: list[Draft], type_of: Callable[[Found], str | None]) -> None:
    """Forces firing on or storming a protest ("أطلقت قوات الأمن الرصاص الحي على المتظاهرين") make the
    protest's event in ACLED's coding, Protests / Excessive force against protesters: the attack's
    draft becomes a PROTEST one, the protesters its actor1 and the forces its actor2."""
    for d in drafts:
        t, target, actor = d.trigger.value, d.roles.actor2, d.roles.actor1
        if (t.plover == "ASSAULT" and target is not None and type_of(target) == "protesters"
                and (actor is None or type_of(actor) in FORCE_TYPES)):
            d.trigger = Found(d.trigger.start, d.trigger.end, "trigger", _intervention(t), d.trigger.prefix)
            d.roles.actor1, d.roles.actor2 = target, actor


@cache
def _intervention(t: Trigger) -> Trigger:
    return replace(t, plover="PROTEST", mode="intervention", acled_event_type="Protests",
                   acled_sub_event_type="Excessive force against protesters")


def _distinct(actors) -> tuple[Actor, ...]:
    """Associates without repeats; a state named twice ("روسيا", "الروسية") is kept once."""
    out: list[Actor] = []
    for a in actors:
        if a is None:
            continue
        state = a.type in ("government", "state_forces", "external_force") and a.id and a.id[:3]
        if any(a.id == b.id or (state and b.id and b.id[:3] == state and b.type in
                                ("government", "state_forces", "external_force")) for b in out):
            continue
        out.append(a)
    return tuple(out)


def build_event(ctx: Context, draft: Draft, index: int) -> Event:
    """The model Event of one (merged) draft."""
    roles = draft.roles
    actor1 = actor_of(ctx, roles.actor1)
    actor2 = actor_of(ctx, roles.actor2)
    claims, killed, injured, contested = _claims(ctx, draft)
    t = draft.trigger.value
    if actor1 is not None and actor1.type == "civilians" and t.plover in ("ASSAULT", "COERCE"):
        actor1, actor2 = None, actor2 or actor1  # civilians are attacked, they do not attack
    if actor1 is None and t.plover == "ASSAULT" and t.mode in ("explosive", "suicide"):
        actor1 = generic_actor(ctx, "*-UAG", None)  # ACLED: an unclaimed bombing is an unidentified group's
    if actor2 is None and killed is not None and _civilian_toll(t, killed):
        actor2 = generic_actor(ctx, "*-CIV", killed.evidence)
    if t.plover == "PROTEST":
        actor1, actor2 = _protest_roles(ctx, t, actor1, actor2)
    locations = tuple(_location(ctx, p) for p in draft.places)
    date = _date(ctx, draft.date)
    evidence = tuple(ctx.span(s, e) for s, e in sorted(draft.evidence))
    return Event(
        id=f"e{index}",
        plover=Plover(t.plover, t.mode or None),
        evidence=evidence,
        modality=draft.modality,
        acled=_acled(ctx, draft, actor1, actor2),
        date=date,
        actor1=actor1,
        assoc_actor1=_distinct(actor_of(ctx, f) for f in roles.assoc1),
        actor2=actor2,
        assoc_actor2=_distinct(actor_of(ctx, f) for f in roles.assoc2),
        locations=locations,
        fatalities=killed,
        injured=injured,
        claims=tuple(claims),
        contested=contested,
        confidence=_confidence([actor1, actor2, locations, date, killed], draft.modality),
    )
