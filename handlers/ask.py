"""The chat answer to a question, and its follow-ups in the same thread (`plus`, « et à Fréjus ? »).

An answer first says what was understood (need, audience, place, and which commune was chosen when
the name was ambiguous or misspelt), so a wrong guess is visible at once; then the best lieux as
cards; then, honestly, what is missing (« Dans quelle commune ? », nothing near, nothing at all).
"""

from __future__ import annotations

from dataclasses import replace

from handlers import texts_fr as texts
from handlers.conversation import ThreadState
from handlers.lieu_view import lieu_card, load_details
from handlers.messages import Card, Message, Reply
from handlers.registry import Context, command, fallback
from handlers.routing_view import transmit_buttons
from knowledge.lexicon_fr import FOLLOW_UP_CLOSINGS, FOLLOW_UP_OPENINGS, THANKS_SIGNALS, THANKS_WORDS
from knowledge.query import Place, Query, SearchResult
from knowledge.taxonomy import AUDIENCES, NEEDS
from knowledge.textnorm import fold


def place_text(place: Place) -> str:
    """« près de Draguignan (83) » or « dans le Var (83) »."""
    if place.kind == "departement":
        return texts.in_departement(place.code, place.name)
    return texts.NEAR_COMMUNE.format(name=place.name, dep=place.dep)


def place_notes(place: Place) -> list[str]:
    """Which commune was chosen among namesakes, and how a misspelt name was read."""
    notes = []
    if place.how == "fuzzy":
        notes.append(texts.READ_AS.format(name=place.name))
    if place.alternatives > 0:
        notes.append(texts.CHOSEN_COMMUNE.format(name=place.name, dep=place.dep))
    return notes


def understood(query: Query) -> str:
    """« J'ai compris : créer son entreprise · pour créateurs d'entreprise · près de Draguignan (83) »."""
    parts = []
    if query.needs:
        parts.append(texts.NEEDS_SEPARATOR.join(NEEDS.get(code, code) for code in query.needs))
    elif query.lieu_words:
        parts.append(texts.NAMED_LIEU.format(words=" ".join(query.lieu_words)))
    if query.audiences:
        labels = texts.NEEDS_SEPARATOR.join(AUDIENCES.get(code, code) for code in query.audiences)
        parts.append(texts.FOR_AUDIENCES.format(audiences=labels))
    if query.place is not None:
        parts.append(place_text(query.place))
    line = texts.UNDERSTOOD.format(parts=texts.UNDERSTOOD_SEPARATOR.join(parts))
    notes = place_notes(query.place) if query.place is not None else []
    return " ".join([line, *notes])


def _words(text: str) -> list[str]:
    return fold(text).replace("'", " ").split()


def continues(text: str) -> bool:
    """« et pour la facturation électronique ? », « aussi la CAF », « la CAF aussi ? »: the message
    carries on the thread's last question."""
    words = _words(text)
    return bool(words) and (words[0] in FOLLOW_UP_OPENINGS or words[-1] in FOLLOW_UP_CLOSINGS)


def is_thanks(text: str) -> bool:
    """« merci », « ok super », « parfait, bonne journée ! »: thanks or leave-taking, nothing asked."""
    words = _words(text)
    return bool(words) and len(words) <= 12 and all(w in THANKS_WORDS for w in words) \
        and any(w in THANKS_SIGNALS for w in words)


def follow_up(query: Query, previous: ThreadState | None, text: str = "") -> Query:
    """Complete a short follow-up with what the thread already said.

    « et à Fréjus ? » or « pour les jeunes » (no need) reuse the previous need, which also answers
    « Dans quelle commune ? »; a need alone after a place alone (« Fréjus » then « la CAF ») uses
    that place, and so does a need that carries on the thread (« et pour la facturation
    électronique ? » after an answer about Aubagne). A new question without a place is asked its
    place again rather than silently given an old one.
    """
    if previous is None:
        return query
    before = previous.query
    if previous.awaiting == "place" and query.place is not None and not query.needs and not query.lieu_words \
            and before.lieu_words:
        # « une médiathèque ? » — « Dans quelle commune ? » — « Fréjus »
        return replace(before, place=query.place, audiences=query.audiences or before.audiences)
    if not query.needs and not query.lieu_words and before.needs and (query.place or query.audiences):
        return replace(query, needs=before.needs, audiences=query.audiences or before.audiences,
                       place=query.place or before.place, lieu_words=())
    if query.needs and query.place is None and not query.lieu_words and before.place is not None \
            and (previous.awaiting == "need" or continues(text)):
        return replace(query, place=before.place)
    return query


def _cards(context: Context, result: SearchResult) -> tuple[Card, ...]:
    details = load_details(context.app.sessions, (hit.key for hit in result.hits))
    now = context.now()
    return tuple(lieu_card(hit, details.get(hit.key), now) for hit in result.hits)


def _heading(result: SearchResult, query: Query) -> str | None:
    if result.none_at_all:
        return texts.NONE_AT_ALL
    if result.out_of_reach:
        return texts.NONE_IN_REACH.format(km=texts.decimal(result.reach_km))
    if result.unplaced and result.hits and query.place is not None:
        return texts.UNPLACED.format(name=query.place.name, dep=query.place.dep)
    if result.none_near:
        return texts.NONE_NEAR.format(km=texts.decimal(result.near_km))
    if not result.hits:
        return texts.NO_RESULT
    return None


def _not_understood(notes: list[str]) -> list[Reply]:
    needs = texts.NEEDS_SEPARATOR.join(NEEDS.values())
    text = texts.NOT_UNDERSTOOD.format(needs=needs, example=texts.EXAMPLE_QUESTION)
    return [Reply(text=text, extra_lines=tuple(notes))]


@fallback
def answer(context: Context, message: Message, text: str) -> list[Reply]:
    """Understand a question, search, and answer with the best lieux (DESIGN §1, §4)."""
    settings = context.app.settings
    limit = settings.max_input_chars
    truncated = len(text) > limit
    understanding = context.app.understanding
    query = understanding.parse(text[:limit])
    notes = [texts.TRUNCATED.format(limit=texts.thousands(limit))] if truncated or query.truncated else []
    key = context.thread_key(message)
    previous = context.conversations.get(key)
    query = follow_up(query, previous, text)
    if not query.needs and not query.lieu_words and query.place is None and is_thanks(text):
        return [Reply(text=texts.THANKS_REPLY, extra_lines=tuple(notes))]
    if not query.needs and not query.lieu_words:
        if query.place is not None:  # keep the place: the next message may give the need alone
            context.conversations.put(key, ThreadState(query, awaiting="need"))
        return _not_understood(notes)

    if query.place is None:
        # Lieux from anywhere in France would only be noise (a kind of lieu too: « une
        # médiathèque »): ask where, keep the question.
        context.conversations.put(key, ThreadState(query, awaiting="place", offset=0, text=text[:limit]))
        return [Reply(text=understood(query), extra_lines=tuple(notes)), Reply(text=texts.WHICH_COMMUNE)]
    result = understanding.search(query, limit=settings.shown, offset=0)
    asked = text[:limit] if previous is None or not previous.text or query.needs != previous.query.needs \
        else f"{previous.text} — {text[:limit]}"
    context.conversations.put(key, ThreadState(query, awaiting=None, offset=len(result.hits), shown=result.hits,
                                               text=asked[:limit]))
    heading = _heading(result, query)
    lines = [*notes, *([heading] if heading else [])]
    return [Reply(text=understood(query), extra_lines=tuple(lines), cards=_cards(context, result),
                  footer=texts.MORE_AVAILABLE if result.more else None, kind="answer",
                  buttons=transmit_buttons(result.hits))]


@command("plus", aliases=("suite", "la suite", "encore", "autres", "d'autres", "plus de lieux"),
         help=texts.HELP_PLUS)
def more(context: Context, message: Message, argument: str) -> list[Reply]:
    """The next lieux of the thread's last search."""
    key = context.thread_key(message)
    state = context.conversations.get(key)
    if state is None or not (state.query.needs or state.query.lieu_words):
        return [Reply(text=texts.NO_SEARCH_YET)]
    if state.awaiting == "place":
        return [Reply(text=texts.WHICH_COMMUNE)]
    shown = context.app.settings.shown
    result = context.app.understanding.search(state.query, limit=shown, offset=state.offset)
    if not result.hits:
        return [Reply(text=texts.NOTHING_MORE)]
    context.conversations.put(key, replace(state, offset=state.offset + len(result.hits), shown=result.hits))
    return [Reply(text=understood(state.query), cards=_cards(context, result),
                  footer=texts.MORE_AVAILABLE if result.more else texts.NOTHING_MORE, kind="answer",
                  buttons=transmit_buttons(result.hits))]
