"""Who did it to whom: actor1, assoc_actor1, actor2, assoc_actor2 of one event.

Reads: the actor mentions of the event's sentence, its trigger, its figures and its claim.
Adds: `Roles`. The rules are positional and cue-based, in this order:
- "بين X وY" (clashes): X and Y;
- agent cues (نفذتها، شنته، أطلقها، من قبل، على يد) and the genitive after an attack noun
  ("هجوما للقوات الحكومية", "قصف قوات النظام");
- target cues (على، ضد، مواقع، استهدف) and victims counted with the figures ("400 متمرد");
- associate cues (مع، بدعم من، بقيادة) and "X وY" after actor1;
- word order: the subject after a verb (VSO) or before it (SVO, "شن X هجوما");
- an armed source that reports its own action ("قال الجيش إن غاراته ...").
Civilians are never the agent of an attack; protests default to the country's protesters.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from marsad.extraction.attribution import Attribution
from marsad.extraction.mentions import AND_GAP, Found, Mentions

AGENT_CUE = re.compile(
    r"(?:^|\s)(?:(?:نفذ|شن|أطلق|اطلق|تبن|ألق|القا|ارتكب|فجر)\S*|قبل|جانب|يد|بها|به)\s*$"
)
TARGET_CUE = re.compile(
    r"(?:^|\s)(?:أهداف\S*(?: تابعة)? ل|على|ضد|استهدف\S*|يستهدف\S*|تستهدف\S*|مواقع|موقع|مقرات|مقر|تجمعات|تجمع|معاقل|مناطق سيطرة|نقاط|"
    r"عناصر|مقاتلي|مسلحي|ثكنات|معسكرات|معسكر|مخازن|مستودعات|آليات|اليات|تحصينات|قواعد|قاعدة|دوريات|دورية|رتل|موكب|معتقلي|منازل|"
    r"عنصرا من|عناصر من|من مقاتلي|من عناصر|من|بحق|إلى|الى|قرب|بالقرب من|أمام|امام|داخل)\s*ل?$"
)
ASSOC_CUE = re.compile(r"(?:^|\s)(?:مع|بمشاركة|بدعم من|بدعم|بمساندة|بإسناد|باسناد|إلى جانب|الى جانب|برفقة|بقيادة|"
                       r"مدعوم\S* من|الموالية ل|الموالي ل|الموالين ل)\s*$")
BETWEEN = re.compile(r"(?:^|\s)بين\s+(?:\S+\s+)?$")
OBJECT_CUE = re.compile(r"(?:^|\s)(?:من|إلى|الى|على|ضد|مع|عن|بين|نظيره|نظيرته|نظيريه)\s*$")
COMPLEMENTIZER_PRONOUN = re.compile(r"(?:^|\s)[إأا]ن(?:ه|ها|هم|هما)\s")
TARGETED_TYPES = {"ASSAULT", "COERCE", "THREATEN", "SANCTION"}
PAIRWISE = {"CONSULT", "AGREE", "COOPERATE", "REJECT", "ACCUSE", "REQUEST", "THREATEN", "SUPPORT", "AID",
            "SANCTION", "CONCEDE"}
ARMED = {"state_forces", "rebel_group", "political_militia", "identity_militia", "external_force"}
VICTIM_TYPES = {"civilians"}


@dataclass(slots=True)
class Roles:
    actor1: Found | None = None
    assoc1: list[Found] = field(default_factory=list)
    actor2: Found | None = None
    assoc2: list[Found] = field(default_factory=list)


@dataclass(slots=True, unsafe_hash=True)  # not frozen only for speed (one per trigger); never assign to one
class Scene:
    """What role assignment reads: the text, the trigger, the clause and sentence, the claim."""

    mentions: Mentions
    trigger: Found
    clause: tuple[int, int]
    sentence: tuple[int, int]
    attribution: Attribution | None
    victims: tuple[tuple[int, int], ...]  # spans of the counted victims ("400 متمرد")
    type_of: Callable[[Found], str | None]  # an actor mention's type
    numbers: tuple[Found, ...]  # the sentence's numbers and casualty words (read once per sentence)
    casualties: tuple[Found, ...]


def _before(text: str, pos: int, lo: int, width: int = 24) -> str:
    return text[max(lo, pos - width):pos]


def joined(text: str, a: Found, b: Found) -> bool:
    """True when b follows a joined by "و" only ("الحكومة السورية وروسيا")."""
    if b.start < a.end:
        return False
    gap = text[a.end:b.start]
    return bool(AND_GAP.match(gap)) or (gap.strip() == "" and b.prefix.startswith("و"))


QUANTITY = re.compile(r"(?:\s(?:عشرات|مئات|آلاف|الاف|ألوف|بضعة|عدة|عدد من|[0-9]+))+\s*$")
# The last word of whatever QUANTITY matches: without one of these last, the substitution is a no-op.
QUANTITY_LAST = frozenset({"عشرات", "مئات", "آلاف", "الاف", "ألوف", "بضعة", "عدة", "من"})


def _cue_text(scene: Scene, c: Found) -> str:
    """What stands just before a name: the proclitic ("ل", "و") is part of it, a quantity is not
    ("شنه مئات المستوطنين" reads as "شنه المستوطنين")."""
    before = _before(scene.mentions.text, c.start, scene.sentence[0], 40)
    words = before.rsplit(None, 1)
    if words and (words[-1] in QUANTITY_LAST or words[-1].isdigit()):
        before = QUANTITY.sub(" ", before)
    return before[-24:] + c.prefix


def _is_victim(scene: Scene, c: Found) -> bool:
    """Whether a name is acted on (the names counted with the figures are taken before, in assign_roles)."""
    if c.start <= scene.trigger.start and scene.trigger.end <= c.end:
        return False  # "قتلى الضربات الجوية الأمريكية": the name holding the attack word made the attack
    if scene.trigger.value.plover not in ("ASSAULT", "COERCE"):
        return False
    if scene.type_of(c) in VICTIM_TYPES:
        return True
    # "اعتقلت 17 مشتبها", "أوقفت ثلاثة مسلحين", "مقتل شرطيين اثنين": a counted group is acted on
    if any(0 <= c.start - n.end <= 2 or 0 <= n.start - c.end <= 2 for n in scene.numbers):
        return True
    # "مقتل عنصرين من الشرطة", "إصابة جنود": the people a casualty word counts
    m = scene.mentions
    return any(t.end <= c.start and t.value.kind in ("killed", "injured") and m.distance(t, c) <= 2
               for t in scene.casualties)


OPPONENT = re.compile(r"(?:^|\s)(?:مع|ضد)\s+(?:(?:مقاتلي|مسلحي|عناصر|مناصري|أنصار|انصار|قوات)\s+)?$")


def _opponent(scene: Scene, c: Found, cue: str) -> bool:
    """"اشتباكات مع مقاتلي حماس", "معارك عنيفة مع قوات X": who a fight is with is the other side."""
    t = scene.trigger
    return (t.value.mode in ("firearms", "melee", None) and c.start > t.end
            and scene.mentions.distance(t, c) <= 4 and OPPONENT.search(cue) is not None)


def _adjective_agent(scene: Scene, candidates: list[Found]) -> Found | None:
    """"غارة إسرائيلية", "قذائف مدفعية إسرائيلية", "غارات يرجح أنها روسية": the nationality after
    an attack word names the attacker (unless it belongs to a name already read)."""
    t = scene.trigger
    if t.value.plover not in TARGETED_TYPES:
        return None
    for adj in scene.mentions.within("adjective", t.end, scene.sentence[1]):
        if scene.mentions.distance(t, adj) > 3:
            break
        if any(c.start <= adj.start and adj.end <= c.end for c in candidates):
            continue
        return adj
    return None


REPEL = re.compile(r"(?:^|\s)و?(?:صد|صدت|صدوا|تصدى|تصدت|تصدوا|أحبط|احبط|أحبطت|احبطت|أفشل|افشل|أفشلت|افشلت|"
                   r"يصد|تصد|أسقط|اسقط|أسقطت|اسقطت|اعترض|اعترضت)\S*\s+(?:\S+\s+){0,3}$")


def _repeller(scene: Scene, candidates: list[Found], attacker: Found | None) -> Found | None:
    """"صدت القوات المسلحة هجوما شنته X": who repelled an attack is what it was aimed at."""
    m, t = scene.mentions, scene.trigger
    if t.value.plover != "ASSAULT":
        return None
    verb = REPEL.search(m.text, max(scene.sentence[0], t.start - 60), t.start)
    if verb is None:
        return None
    around = [c for c in candidates if c is not attacker and (attacker is None or c.value != attacker.value)
              and verb.start() - 40 <= c.start < t.start]
    if around:
        return around[-1]
    source = scene.attribution.source if scene.attribution else None
    if source is not None and (attacker is None or source.value != attacker.value):
        return source  # "قال الجيش إن قواته صدت هجوما"
    return None


def _source_agent(scene: Scene) -> Found | None:
    """The claim's source as the agent: an armed party telling its own action, a speaker of a
    speech act, or "قال X إنه/إنها ..." and "أعلن X فرض ..." (no other subject)."""
    a = scene.attribution
    if a is None or a.source is None or scene.trigger.start < a.source.end:
        return None
    between = scene.mentions.text[a.source.end:scene.trigger.start]
    if COMPLEMENTIZER_PRONOUN.search(between + " ") or scene.type_of(a.source) in ARMED:
        return a.source
    if scene.trigger.value.plover in PAIRWISE:
        return a.source
    # "أعلن الجيش استعادة ...": announcing one's own action, with no "أن" between
    announces = a.verb.value.form.lstrip("و").startswith(("أعلن", "اعلن"))
    if announces and not re.search(r"(?:^|\s)[إأا]ن\s", between):
        return a.source
    return None


# "قواته", "مقاتليه", "طائراتها": a party's own forces, named by a pronoun
OWN_FORCES = r"و?(?:قوات|مقاتلي|مقاتلو|عناصر|جنود|طائرات|مقاتلات|وحدات|طيران|مسيرات|سفن)(?:ه|ها|هم|نا)"
OWN_ANYWHERE = re.compile(rf"(?:^|\s){OWN_FORCES}(?:\s|$)")
OWN_AFTER = re.compile(rf"\s*{OWN_FORCES}(?:\s|$)")


def _own_forces_agent(scene: Scene) -> Found | None:
    """"قال الجيش الأمريكي إن قواته قتلت ...", "أعلن حزب الله أن مقاتليه قصفوا ...": the forces a source
    calls its own, subject of the event word, are the source."""
    a = scene.attribution
    if a is None or a.source is None or scene.trigger.start < a.source.end:
        return None
    text, t = scene.mentions.text, scene.trigger
    if REPEL.search(text, max(scene.sentence[0], t.start - 60), t.start):
        return None  # "قواته صدت هجوما ...": the attack is the other side's
    between = text[max(scene.clause[0], a.source.end):t.start]
    if OWN_ANYWHERE.search(between) or "verb" in t.value.flags and OWN_AFTER.match(text, t.end):
        return a.source
    # "أعلن الجيش أنه بدأ بضرب أهداف": the pronoun of "أنه" right before the event word is the source
    if PRONOUN_THEN.search(text, max(a.source.end, t.start - 30), t.start):
        return a.source
    return None


PRONOUN_THEN = re.compile(r"(?:^|\s)[إأا]ن(?:ه|ها|هم)\s+(?:\S+\s+)?$")


def _genitive_agent(scene: Scene, free: list[Found]) -> Found | None:
    """"هجوما للقوات الحكومية", "قصف قوات النظام": the name right after an attack noun."""
    t = scene.trigger
    if "noun" not in t.value.flags:
        return None
    for c in free:
        if c.start >= t.end:
            gap = scene.mentions.text[t.end:c.start]
            if gap.strip() == "" and c.prefix in ("", "ل") and not ASSOC_CUE.search(gap):
                return c
            break
    return None


def _head_of_chain(text: str, items: list[Found], c: Found) -> Found:
    """The first name of "X وY وZ" that ends with c."""
    i = items.index(c)
    while i > 0 and joined(text, items[i - 1], items[i]):
        i -= 1
    return items[i]


def _subject(scene: Scene, candidates: list[Found]) -> Found | None:
    """The agent by word order: after a verb (VSO), else before the trigger (SVO, "شن X هجوما"),
    else a name spanning the trigger ("الغارات الروسية")."""
    m, t, text = scene.mentions, scene.trigger, scene.mentions.text
    after = [c for c in candidates if c.start >= t.end]
    before = [c for c in candidates if c.end <= t.start]
    if "verb" in t.value.flags and before and m.distance(before[-1], t) == 0:
        return _head_of_chain(text, before, before[-1])  # SVO: "قوات التحالف قصفت"
    if "verb" in t.value.flags and after and m.distance(t, after[0]) <= 4:
        return after[0]
    if t.value.plover in PAIRWISE and len(before) >= 2:
        return before[0]  # "أخبر X Y في مكالمة": subject first, then the object
    if before and m.distance(before[-1], t) <= 8:
        return _head_of_chain(text, before, before[-1])
    covering = [c for c in candidates if c.start <= t.start and c.end >= t.end]
    if covering:
        return covering[0]
    if after and m.distance(t, after[0]) <= 1:
        return after[0]
    return None


def assign_roles(scene: Scene, candidates: list[Found]) -> Roles:
    """Decide the roles of the event triggered by `scene.trigger` (see the module docstring)."""
    text = scene.mentions.text
    plover = scene.trigger.value.plover
    roles = Roles()
    agents, targets, assocs, free, between = [], [], [], [], []
    for c in candidates:
        cue = _cue_text(scene, c)
        if plover == "ASSAULT" and BETWEEN.search(cue):
            between.append(c)
        elif any(c.start < e and s < c.end for s, e in scene.victims):
            targets.append(c)  # counted with the dead or wounded ("400 متمرد")
        elif AGENT_CUE.search(cue):
            agents.append(c)  # "هجوم شنه مئات المستوطنين": a quantity before the agent makes no victim
        elif _is_victim(scene, c) or plover == "ASSAULT" and _opponent(scene, c, cue):
            targets.append(c)
        elif ASSOC_CUE.search(cue):
            assocs.append(c)
        elif plover in TARGETED_TYPES and TARGET_CUE.search(cue) or plover in PAIRWISE and OBJECT_CUE.search(cue):
            targets.append(c)
        else:
            free.append(c)
    # a name given twice ("محمد حمدان دقلو (حميدتي)") keeps the role of its first mention
    target_ids = {c.value for c in targets}
    targets += [c for c in free if c.value in target_ids]
    free = [c for c in free if c.value not in target_ids]
    if between:
        roles.actor1 = between[0]
        rest = [c for c in candidates if c.start > between[0].start and joined(text, between[0], c)]
        roles.actor2 = rest[0] if rest else None
    if roles.actor1 is None and agents:
        roles.actor1 = agents[0]
    if roles.actor1 is None:
        roles.actor1 = _genitive_agent(scene, free)
    if roles.actor1 is None:
        roles.actor1 = _own_forces_agent(scene)
    if roles.actor1 is None and plover == "ASSAULT" and scene.trigger.value.mode == "firearms":
        # "قتل 12 عنصرا من قوات النظام و7 من مقاتلي جيش الإسلام في اشتباكات": both sides are parties
        sides = [c for c in candidates if scene.type_of(c) not in VICTIM_TYPES]
        if len(sides) >= 2 and not free:
            roles.actor1, roles.actor2 = sides[0], next((s for s in sides[1:] if s.value != sides[0].value), None)
    if roles.actor1 is None:
        roles.actor1 = _adjective_agent(scene, candidates)
    in_clause = [c for c in free if scene.clause[0] <= c.start < scene.clause[1]]
    if roles.actor1 is None and in_clause:
        roles.actor1 = _subject(scene, in_clause)
    if roles.actor1 is None and free:
        roles.actor1 = _subject(scene, free)
    if roles.actor1 is None:
        roles.actor1 = _source_agent(scene)
    if roles.actor1 is None and len({c.value for c in free}) == 1:
        roles.actor1 = free[0]
    taken = {id(roles.actor1), id(roles.actor2)}
    remaining = [c for c in free if id(c) not in taken]
    if roles.actor1 is not None:
        for c in remaining:
            last = roles.assoc1[-1] if roles.assoc1 else roles.actor1
            if joined(text, last, c):
                if plover in PAIRWISE and roles.actor2 is None:
                    roles.actor2 = c
                else:
                    roles.assoc1.append(c)
        taken |= {id(c) for c in roles.assoc1} | {id(roles.actor2)}
        remaining = [c for c in remaining if id(c) not in taken]
    if roles.actor2 is None and targets:
        roles.actor2 = targets[0]
    if roles.actor2 is None:
        after = [c for c in remaining if c.start >= scene.trigger.end
                 and c.value != getattr(roles.actor1, "value", None)]
        if after and (plover in PAIRWISE or scene.mentions.distance(scene.trigger, after[0]) <= 3):
            roles.actor2 = after[0]
        elif plover in PAIRWISE and roles.actor1 is not None:
            # VSO with an object: "واتهم X Y", "استقبل X Y"
            after_actor = [c for c in remaining if c.start >= roles.actor1.end]
            roles.actor2 = after_actor[0] if after_actor else None
    if roles.actor2 is None:
        roles.actor2 = _repeller(scene, candidates, roles.actor1)
    if roles.actor1 is not None:
        roles.assoc1.extend(a for a in assocs if a.value != roles.actor1.value and a is not roles.actor2)
    if roles.actor2 is not None:
        for c in targets + remaining:
            if c is not roles.actor2 and joined(text, roles.actor2, c):
                roles.assoc2.append(c)
    if roles.actor1 and roles.actor2 and roles.actor1.value == roles.actor2.value:
        roles.actor2 = None
    return roles
