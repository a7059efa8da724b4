"""The bridge between listings in the database and the pure matching engine.

One ``MatchIndex`` per municipality and side lives in process memory. Every write
to a listing stamps it with the municipality's next revision (``MatchState``); before
answering, the cached index fetches the rows with a newer revision — one indexed
query, usually empty — and adds or removes them. So the index is never rebuilt on a
write and several worker processes stay correct without talking to each other.

Stored indexes: ``warm()`` (a worker's start, ``faelles warm-matching``, the daily
job) writes each index it had to build to a file (``faelles.matching.store``) in
``FAELLES_MATCHING_INDEX_DIR``, and the next worker maps that file in well under a
second instead of analysing every listing again, then catches up through the
revisions like any cached index. The file carries the revision and day it is
current for and a random token that ``MatchState`` also holds: a file whose token
the database does not hold (another worker wrote a newer one; the database was
restored from a backup) is ignored and the index is built from the database.

Visibility goes through the engine's ``requires``/``has`` filter: a listing shown
to members only *requires* the token ``~medlem``, one for employees ``~medarbejder``,
and the query *has* the tokens of the person looking. So a restricted listing can
never be ranked for someone who may not see it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import threading
import uuid
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db.models import F
from django.utils import timezone

from faelles.matching import Match, MatchIndex, Record, store
from faelles.matching.learning import learn_associations
from faelles.matching.text import default_analyzer

from .models import (
    ChildCertificateVerification,
    DeclinedPair,
    Listing,
    MatchState,
    Proposal,
    Side,
    Visibility,
    mask_to_slots,
)

CHILD_CERTIFICATE = "børneattest"
VISIBILITY_TOKEN = {Visibility.MEMBERS: "~medlem", Visibility.EMPLOYEES: "~medarbejder"}
FIELDS = (
    "pk",
    "side",
    "owner_id",
    "kind",
    "categories",
    "title",
    "text",
    "mode_in_person",
    "mode_online",
    "mode_phone",
    "postcode",
    "radius_km",
    "availability",
    "available_from",
    "available_until",
    "commitment",
    "capacity",
    "min_age",
    "languages",
    "requires_child_certificate",
    "visibility",
    "is_active",
    "expires_on",
    "created_at",
    "revision",
)


def record_from(row: dict, *, certified: bool, for_query: bool = False) -> Record:
    """A listing (as a ``values()`` dict) as the engine's record."""
    requires: list[str] = []
    if row["side"] == Side.NEED and row["requires_child_certificate"]:
        requires.append(CHILD_CERTIFICATE)
    if not for_query and row["visibility"] in VISIBILITY_TOKEN:
        requires.append(VISIBILITY_TOKEN[row["visibility"]])
    has = [CHILD_CERTIFICATE] if certified and row["side"] == Side.OFFER else []
    modes = [
        m
        for m, f in (
            ("in_person", "mode_in_person"),
            ("online", "mode_online"),
            ("phone", "mode_phone"),
        )
        if row[f]
    ]
    created = row["created_at"]
    return Record(
        id=str(row["pk"]),
        title=row["title"],
        text=row["text"],
        kind=(row["kind"],),
        categories=tuple(row["categories"] or ()),
        mode=tuple(modes),
        postcode=row["postcode"] or None,
        radius_km=float(row["radius_km"]) if row["radius_km"] else None,
        availability=tuple(mask_to_slots(row["availability"])),
        available_from=row["available_from"],
        available_until=row["available_until"],
        commitment=row["commitment"] or None,
        capacity=row["capacity"] if row["commitment"] == "group" else None,
        requires=tuple(requires),
        has=tuple(has),
        min_age=row["min_age"],
        languages=tuple(row["languages"] or ()),
        created=created.date() if isinstance(created, dt.datetime) else created,
        extra={"owner_id": row["owner_id"]},
    )


def viewer_tokens(levels) -> tuple[str, ...]:
    return tuple(VISIBILITY_TOKEN[v] for v in levels if v in VISIBILITY_TOKEN)


# -- revisions -------------------------------------------------------------------------


def bump(municipality, listing_ids) -> int:
    """Give these listings the municipality's next revision (call inside the write).

    The counter row stays locked until the transaction commits, so revisions become
    visible in the order they were handed out.
    """
    state, _ = MatchState.objects.get_or_create(municipality=municipality)
    MatchState.objects.filter(pk=state.pk).update(revision=F("revision") + 1)
    revision = MatchState.objects.values_list("revision", flat=True).get(pk=state.pk)
    Listing.objects.filter(pk__in=list(listing_ids)).update(revision=revision)
    return revision


def bump_owner_offers(municipality, person) -> None:
    ids = Listing.objects.filter(
        municipality=municipality, owner=person, side=Side.OFFER
    ).values_list("pk", flat=True)
    bump(municipality, list(ids))


# -- the cache ---------------------------------------------------------------------------


@dataclass
class _Entry:
    index: MatchIndex
    revision: int
    lock: threading.Lock
    day: dt.date
    """The day the index is current for: listings that expire and attests that run
    out change nothing in the database, so a new day is caught up explicitly."""
    stale_file: bool = True
    """Whether the stored file (if any) lags behind this index by a build or a day."""


_cache: dict[tuple[int, str], _Entry] = {}
_cache_lock = threading.Lock()


def clear_cache() -> None:
    with _cache_lock:
        _cache.clear()


def _certified_owner_ids(municipality_id: int, today: dt.date, owner_ids=None) -> set:
    qs = ChildCertificateVerification.objects.filter(
        municipality_id=municipality_id, valid_until__gte=today
    )
    if owner_ids is not None:
        qs = qs.filter(person_id__in=owner_ids)
    return set(qs.values_list("person_id", flat=True))


def _build(municipality_id: int, side: str, today: dt.date) -> _Entry:
    revision = (
        MatchState.objects.filter(municipality_id=municipality_id)
        .values_list("revision", flat=True)
        .first()
        or 0
    )
    certified = (
        _certified_owner_ids(municipality_id, today) if side == Side.OFFER else set()
    )
    rows = (
        Listing.objects.filter(municipality_id=municipality_id, side=side)
        .active(today)
        .values(*FIELDS)
        .iterator(chunk_size=5000)
    )
    index = MatchIndex.build(
        (record_from(r, certified=r["owner_id"] in certified) for r in rows),
        associations=learned_associations(municipality_id, side),
    )
    return _Entry(index=index, revision=revision, lock=threading.Lock(), day=today)


# -- stored indexes ------------------------------------------------------------------

logger = logging.getLogger(__name__)
TOKEN_FIELD: dict[str, str] = {
    Side.OFFER: "offer_index_token",
    Side.NEED: "need_index_token",
}


def stored_path(municipality_id: int, side: str) -> Path | None:
    folder = settings.FAELLES_MATCHING_INDEX_DIR
    return Path(folder) / f"{municipality_id}-{side}.idx" if folder else None


def _load(municipality_id: int, side: str, today: dt.date) -> _Entry | None:
    """The stored index, if the database vouches for it; None to build anew."""
    path = stored_path(municipality_id, side)
    if path is None or not path.exists():
        return None
    try:
        index, meta = store.load(path)
    except store.StoreError as exc:
        logger.info("stored match index not used: %s", exc)
        return None
    state = (
        MatchState.objects.filter(municipality_id=municipality_id)
        .values("revision", TOKEN_FIELD[side])
        .first()
    )
    token = state and state[TOKEN_FIELD[side]]
    if (
        not token
        or str(token) != meta.get("token")
        or meta.get("municipality") != municipality_id
        or int(meta["revision"]) > state["revision"]
    ):
        return None
    day = dt.date.fromisoformat(meta["day"])
    if day > today:
        return None
    index.associations = learned_associations(municipality_id, side)
    entry = _Entry(
        index=index,
        revision=int(meta["revision"]),
        lock=threading.Lock(),
        day=day,
        stale_file=False,
    )
    _refresh(entry, municipality_id, side, today)
    if today > entry.day:
        _new_day(entry, municipality_id, side, today)
        entry.stale_file = True
    return entry


def save_stored(municipality_id: int, side: str) -> Path | None:
    """Write the cached index of one side to its file; the database vouches for it."""
    path = stored_path(municipality_id, side)
    entry = _cache.get((municipality_id, side))
    if path is None or entry is None:
        return None
    token = uuid.uuid4()
    with entry.lock:
        store.save(
            entry.index,
            path,
            meta={
                "municipality": municipality_id,
                "side": side,
                "revision": entry.revision,
                "day": entry.day.isoformat(),
                "token": str(token),
            },
        )
        entry.stale_file = False
    MatchState.objects.get_or_create(municipality_id=municipality_id)
    MatchState.objects.filter(municipality_id=municipality_id).update(
        **{TOKEN_FIELD[side]: token}
    )
    return path


def _refresh(entry: _Entry, municipality_id: int, side: str, today: dt.date) -> None:
    changed = list(
        Listing.objects.filter(
            municipality_id=municipality_id, side=side, revision__gt=entry.revision
        ).values(*FIELDS)
    )
    if not changed:
        return
    certified = (
        _certified_owner_ids(municipality_id, today, {r["owner_id"] for r in changed})
        if side == Side.OFFER
        else set()
    )
    for row in changed:
        if row["is_active"] and row["expires_on"] >= today:
            entry.index.add(record_from(row, certified=row["owner_id"] in certified))
        else:
            entry.index.remove(str(row["pk"]))
        entry.revision = max(entry.revision, row["revision"])


def _new_day(entry: _Entry, municipality_id: int, side: str, today: dt.date) -> None:
    """Drop listings that expired since ``entry.day``; re-add offers whose holder's
    børneattest ran out (they lose the "has børneattest" token)."""
    expired = Listing.objects.filter(
        municipality_id=municipality_id,
        side=side,
        expires_on__gte=entry.day,
        expires_on__lt=today,
    ).values_list("pk", flat=True)
    for pk in expired:
        entry.index.remove(str(pk))
    if side == Side.OFFER:
        lapsed = ChildCertificateVerification.objects.filter(
            municipality_id=municipality_id,
            valid_until__gte=entry.day,
            valid_until__lt=today,
        ).values("person_id")
        rows = list(
            Listing.objects.filter(
                municipality_id=municipality_id, side=side, owner_id__in=lapsed
            )
            .active(today)
            .values(*FIELDS)
        )
        if rows:
            certified = _certified_owner_ids(
                municipality_id, today, {r["owner_id"] for r in rows}
            )
            for row in rows:
                entry.index.add(
                    record_from(row, certified=row["owner_id"] in certified)
                )
    entry.index.associations = learned_associations(municipality_id, side)
    entry.day = today


def learned_associations(municipality_id: int, side: str) -> dict:
    """What this municipality's people have said yes and no to, as concept
    associations for the index of ``side`` (see ``faelles.matching.learning``).

    Accepted proposals (a forløb was agreed; it may since have finished) count as
    yes, declined ones as no; suggestions an employee dismissed count as neither.
    Only vocabulary concepts of the two texts are counted and a pair needs five
    collaborations behind it, so no person can be read out of the result. Rebuilt
    with the index and each new day.
    """
    analyse = default_analyzer().analyse
    rows = (
        Proposal.objects.filter(
            municipality_id=municipality_id,
            status__in=(Proposal.Status.ACCEPTED, Proposal.Status.DECLINED),
        )
        .values_list(
            "need__title", "need__text", "offer__title", "offer__text", "status"
        )
        .iterator(chunk_size=2000)
    )
    learned = learn_associations(
        (
            analyse(f"{nt}\n{nx}").terms,
            analyse(f"{ot}\n{ox}").terms,
            status == Proposal.Status.ACCEPTED,
        )
        for nt, nx, ot, ox, status in rows
    )
    if side == Side.OFFER:  # a need asks the offers' index
        return learned
    inverted: dict[str, dict[str, float]] = {}
    for a, related in learned.items():
        for b, strength in related.items():
            inverted.setdefault(b, {})[a] = strength
    return inverted


def index_for(
    municipality_id: int, side: str, today: dt.date | None = None
) -> MatchIndex:
    """The up-to-date index of one side's active listings."""
    today = today or timezone.localdate()
    key = (municipality_id, side)
    entry = _cache.get(key)
    if entry is not None and today < entry.day:
        entry = None  # the clock went back (tests, or a fixed server clock): rebuild
    if entry is None:
        with _cache_lock:
            entry = _cache.get(key)
            if entry is None or today < entry.day:
                entry = _load(municipality_id, side, today) or _build(
                    municipality_id, side, today
                )
                _cache[key] = entry
                return entry.index
    with entry.lock:
        _refresh(entry, municipality_id, side, today)
        if today > entry.day:
            _new_day(entry, municipality_id, side, today)
            entry.stale_file = True
    return entry.index


def warm(*, save: bool = True, today: dt.date | None = None) -> int:
    """Load or build every active municipality's indexes now (e.g. when a worker
    starts), and store those that had to be built (or caught up a new day), so the
    next worker loads them from the file.

    Returns how many listings were indexed. Safe to call from a background thread
    while requests are served: a request that needs an index being built waits for
    it, and the cache lock keeps it from being built twice.
    """
    from faelles.municipalities.models import Municipality

    total = 0
    for municipality_id in Municipality.objects.filter(is_active=True).values_list(
        "pk", flat=True
    ):
        for side in (Side.OFFER, Side.NEED):
            total += len(index_for(municipality_id, side, today))
            entry = _cache.get((municipality_id, side))
            if save and entry is not None and entry.stale_file:
                save_stored(municipality_id, side)
    return total


# -- asking ------------------------------------------------------------------------------


@dataclass
class Found:
    listing: Listing
    match: Match

    def reasons(self, language: str = "da") -> list[str]:
        return self.match.texts(language)


def matches_for(
    listing: Listing, *, levels, top: int = 10, today: dt.date | None = None
) -> list[Found]:
    """The best listings of the other side for ``listing``, as ``levels`` may see."""
    today = today or timezone.localdate()
    other = Side.NEED if listing.side == Side.OFFER else Side.OFFER
    index = index_for(listing.municipality_id, other, today)
    row = {f: getattr(listing, "pk" if f == "pk" else f) for f in FIELDS}
    certified = listing.side == Side.OFFER and bool(
        _certified_owner_ids(listing.municipality_id, today, [listing.owner_id])
    )
    query = record_from(row, certified=certified, for_query=True)
    query = dataclasses.replace(query, has=query.has + viewer_tokens(levels))
    if listing.side == Side.NEED:
        declined = set(
            DeclinedPair.objects.filter(need=listing).values_list("offer_id", flat=True)
        )
    else:
        declined = set(
            DeclinedPair.objects.filter(offer=listing).values_list("need_id", flat=True)
        )
    found = index.query(query, top=top + len(declined) + 5, today=today)
    ids = [int(m.id) for m in found if int(m.id) not in declined]
    listings = (
        Listing.objects.filter(
            municipality_id=listing.municipality_id, pk__in=ids, visibility__in=levels
        )
        .active(today)
        .select_related("organisation")
    )
    by_id = {x.pk: x for x in listings}
    out = []
    for m in found:
        candidate = by_id.get(int(m.id))
        if candidate is None or candidate.owner_id == listing.owner_id:
            continue
        out.append(Found(candidate, m))
        if len(out) == top:
            break
    return out
