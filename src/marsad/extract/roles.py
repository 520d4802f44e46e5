"""Who did it to whom: actor1, assoc_actor1, actor2, assoc_actor2 of one event.

Reads: the actor mentions of the event's sentence, its trigger, its figures and its claim.
Adds: `Roles`. The rules are positional and cue-based: agent cues (نفذتها، من قبل، شنها),
target cues (على، ضد، مواقع، استهدف), associate cues (مع، بدعم من), victims counted with the
figures, verb-subject order (VSO and SVO), construct nouns (غارات التحالف), "بين X وY", and a
trigger with a pronoun suffix (غاراته) pointing back at the claim's source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from marsad.extract.attribution import Attribution
from marsad.extract.figures import Figures
from marsad.extract.mentions import Found, Mentions

AGENT_CUE = re.compile(
    r"(?:نفذ|نفذت|نفذها|نفذتها|شنها|شنتها|شنه|شنته|قبل|جانب|يد|يقودها|بقيادة|قادها|أطلقها|اطلقها|تبنت|تبنى)\s*$"
)
TARGET_CUE = re.compile(
    r"(?:على|ضد|استهدف|استهدفت|استهدفوا|يستهدف|تستهدف|مواقع|مقرات|مقر|تجمعات|معاقل|مناطق سيطرة|نقاط|"
    r"عناصر|مقاتلي|مسلحي|ثكنات|آليات|اليات|تحصينات|قواعد|قاعدة|دوريات|دورية|رتل|موكب|معتقلي|منازل)\s*$"
)
ASSOC_CUE = re.compile(r"(?:مع|بمشاركة|بدعم من|بدعم|بمساندة|بإسناد|باسناد|إلى جانب|الى جانب|برفقة)\s*$")
BETWEEN = re.compile(r"بين\s*$")
AND_GAP = re.compile(r"^\s*(?:،\s*)?و\s*$|^\s*و$")
PAIRWISE = {"CONSULT", "AGREE", "COOPERATE", "REJECT"}


@dataclass(slots=True)
class Roles:
    actor1: Found | None = None
    assoc1: list[Found] = field(default_factory=list)
    actor2: Found | None = None
    assoc2: list[Found] = field(default_factory=list)


def _before(text: str, pos: int, lo: int) -> str:
    return text[max(lo, pos - 24):pos]


def _joined(text: str, a: Found, b: Found) -> bool:
    """True when b follows a joined by "و" only ("الحكومة السورية وروسيا")."""
    if b.start < a.end:
        return False
    gap = text[a.end:b.start]
    return bool(AND_GAP.match(gap)) or (gap == "" and b.prefix.startswith("و"))


def assign_roles(
    mentions: Mentions,
    candidates: list[Found],
    trigger: Found,
    clause: tuple[int, int],
    sentence: tuple[int, int],
    figures: Figures,
    attribution: Attribution | None,
    victims: list[Found],
) -> Roles:
    """Decide the roles of the event triggered by `trigger` (see the module docstring)."""
    text = mentions.text
    roles = Roles()
    plover = trigger.value.plover
    victim_ids = {v.value for v in victims}
    agents, targets, assocs, free = [], [], [], []
    for c in candidates:
        prefix = _before(text, c.start, sentence[0]) + c.prefix
        if c in victims or c.value in victim_ids and c.start > trigger.start:
            targets.append(c)
        elif AGENT_CUE.search(prefix):
            agents.append(c)
        elif ASSOC_CUE.search(prefix):
            assocs.append(c)
        elif TARGET_CUE.search(prefix) and plover not in PAIRWISE:
            targets.append(c)
        else:
            free.append(c)
    between = [c for c in free if BETWEEN.search(_before(text, c.start, sentence[0]))]
    if between:
        first = between[0]
        roles.actor1 = first
        rest = [c for c in free if c.start > first.start and c is not first]
        if rest:
            roles.actor2 = rest[0]
    if roles.actor1 is None and agents:
        roles.actor1 = agents[0]
    if roles.actor1 is None and attribution and attribution.source and _has_pronoun_suffix(text, trigger):
        roles.actor1 = attribution.source
    in_clause = [c for c in free if clause[0] <= c.start < clause[1]] or free
    if roles.actor1 is None and in_clause:
        roles.actor1 = _subject(mentions, in_clause, trigger)
    remaining = [c for c in free if c is not roles.actor1 and c is not roles.actor2]
    # coordination: "X وY" directly after actor1 is an associate (a second party for pairwise types)
    if roles.actor1 is not None:
        for c in remaining:
            if _joined(text, roles.actor1, c) or (roles.assoc1 and _joined(text, roles.assoc1[-1], c)):
                if plover in PAIRWISE and roles.actor2 is None:
                    roles.actor2 = c
                else:
                    roles.assoc1.append(c)
        remaining = [c for c in remaining if c not in roles.assoc1 and c is not roles.actor2]
    if roles.actor2 is None and targets:
        roles.actor2 = targets[0]
    if roles.actor2 is None:
        after = [c for c in remaining if c.start >= trigger.end and c.value != getattr(roles.actor1, "value", None)]
        if plover in PAIRWISE or after and mentions.distance(trigger, after[0]) <= 3:
            roles.actor2 = after[0] if after else None
    if roles.actor1 is not None:
        roles.assoc1.extend(a for a in assocs if a.value != roles.actor1.value)
    if roles.actor2 is not None:
        for c in targets + remaining:
            if c is not roles.actor2 and _joined(text, roles.actor2, c):
                roles.assoc2.append(c)
    if roles.actor1 and roles.actor2 and roles.actor1.value == roles.actor2.value:
        roles.actor2 = None
    return roles


def _has_pronoun_suffix(text: str, trigger: Found) -> bool:
    end = trigger.end
    return end < len(text) and text[end].isalpha()


def _subject(mentions: Mentions, candidates: list[Found], trigger: Found) -> Found | None:
    """The agent by word order: right after a verb trigger (VSO), else the nearest before it (SVO
    and "شن X هجوما"), else the construct noun right after a noun trigger ("قصف قوات النظام")."""
    is_verb = "verb" in trigger.value.flags
    after = [c for c in candidates if c.start >= trigger.end]
    before = [c for c in candidates if c.end <= trigger.start]
    if is_verb and after and mentions.distance(trigger, after[0]) <= 2:
        return after[0]
    if before and mentions.distance(before[-1], trigger) <= 8:
        return before[-1]
    if after and mentions.distance(trigger, after[0]) <= 1:
        return after[0]
    covering = [c for c in candidates if c.start <= trigger.start and c.end >= trigger.end]
    return covering[0] if covering else None
