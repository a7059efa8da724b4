"""Danish text analysis: tokens, Snowball stems, compound splits and concepts.

A text becomes a bag of terms: ``w:<stem>`` for content words and ``c:<concept>``
for every vocabulary synonym group it mentions, so "KOL" and "lungesygdom" meet in
``c:kol`` while plain words still match on their stems.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

import snowballstemmer

from faelles.matching.vocabulary import Vocabulary, load

# A word: letters and digits. Public, so the language check splits text the same way.
WORD = re.compile(r"[0-9a-zæøåéèüöäáíóú]+", re.IGNORECASE)

# Written for this project: function words that carry no matching signal.
_STOPWORDS_TEXT = """
    og i jeg det at en den til er som på de med han af for ikke der var mig sig men
    et har om vi min havde ham hun nu over da fra du ud sin dem os op man hans hvor
    eller hvad skal selv her alle vil blev kunne ind når være dog noget ville jo
    deres efter ned skulle denne end dette mit også under have dig anden hende mine
    alt meget sit sine vor mod disse hvis din nogle hos blive mange ad bliver hendes
    været thi jer sådan kan gerne godt lidt får få vores hver enten ved bare kun
    helst rigtig sammen nogen evt fx os hej tak mere mest godt hvordan hvorfor
    hvornår hvem hvilken hvilke hvilket
"""
STOPWORDS = frozenset(_STOPWORDS_TEXT.split())

# Filler: content words that occur in every kind of post and say nothing about
# what fits ("Begge nævner tale og år" was a reason once). Compared by stem, so
# every inflection ("taler", "årene") is dropped; vocabulary phrases that contain
# them ("tale dansk", "ingen at snakke med") still count as concepts.
_FILLER_TEXT = """
    år året årene års måned uge dag gang tid tale talte talt snakke sige fortælle ting folk person personer
    andre nogle lave gøre komme god ny stor lille hjælp hjælpe brug behov tilbud
    ønske søge finde kende vide lære gå tage give ønsker
"""
FILLER = frozenset(_FILLER_TEXT.split())

# Words Snowball cuts down to another, common word's stem, so that they would meet
# texts they have nothing to do with: "billig" → "bil" (a car, so transport),
# "lejlighed" → "lej" (rent, so legal advice), "demens" → "dem" (a stop word, so
# dementia was never recognised), and those below. Each keeps a stem of its own (as Lucene's
# stemmer override does). Part of the stored index's fingerprint (store.py).
_OWN_STEMS = {
    "billig": ("billig", "billige", "billigt", "billigere", "billigst", "billigste"),
    "lejlighed": ("lejlighed", "lejligheden", "lejligheder", "lejlighederne"),
    "demens": ("demens", "demensen", "dement", "demente"),
    # "ingen kræfter" (no strength) is not cancer, "ledig" (out of work) is not a
    # joint ("led"), a roomy place is not a room, to carry ("bære") is not a berry,
    # a room ("værelse") is not the verb "være".
    "kræfter": ("kræfter", "kræfterne"),
    "ledig": ("ledig", "ledige", "ledigt", "ledighed", "ledigheden"),
    "rummelig": ("rummelig", "rummelige", "rummeligt", "rummelighed"),
    "bære": ("bære", "bærer", "båret"),
    "værelse": ("værelse", "værelset", "værelser", "værelserne"),
    # To go together ("følges") is not to follow ("følger", "følgende" = the
    # following); the past of "følge" is "fulgte", which Snowball keeps apart.
    "følges": ("følges", "fulgtes"),
    "følgende": ("følgende",),
    "følg": ("fulgte", "fulgt"),
    # The past of "høre" meets the present ("hørte ikke fra nogen"), and the
    # hearing ("hørelse", which Snowball cuts to "hør") is not every "høre".
    "hør": ("hørte", "hørt"),
    "hørelse": ("hørelse", "hørelsen"),
    # To trust ("stoler på") is not chairs ("stole", "stol").
    "stoler": ("stoler", "stolede", "stolet"),
    # Bills ("regninger", "regningen") are money, not arithmetic ("regning").
    "regninger": ("regninger", "regningerne", "regningen", "regningens"),
    # To think ("jeg synes") is not sight ("syn", "synet").
    "synes": ("synes",),
    # "dans" is cut to "dan" (to form: "danne", "dannelse") while "dansen",
    # "danse" keep "dans"; to lay ("lægge", "lagt") is not a doctor ("læge");
    # poor ("fattig") is not a grip ("fat").
    "dans": ("dans",),
    "lægge": ("læg", "lægge", "lægger", "lægges", "lagde", "lagt"),
    "fattig": ("fattig", "fattige", "fattigt", "fattigere", "fattigste"),
    # To long for ("længes") is not long ("længe"), to succeed ("lykkes") not
    # happiness ("lykke"); drugs ("stoffer") are not cloth ("stof"), and a daughter
    # ("datter", which Snowball cut to "dat") is not a date.
    "længes": ("længes", "længtes"),
    "lykkes": ("lykkes", "lykkedes"),
    "stoffer": ("stoffer", "stofferne"),
    "datter": ("datter", "datteren", "datters", "døtre", "døtrene"),
    # Common words that Snowball cut to a vocabulary word's stem: to apply
    # ("gælder") is no debt ("gæld"), to be due to ("skyldes") or guilt ("skyld")
    # does not owe ("skylder"); danger ("fare", "farlig") is not a father; behind
    # ("bag") is not baking; both ("både ... og") are not boats; to cost ("koster")
    # is no diet ("kost"); to correct ("rette") is no law ("ret"); to save money
    # ("spare") is no sparring; at one's disposal ("til rådighed") is no advice;
    # to depend ("afhænger") is no addiction; internal ("intern") is no internet;
    # to mark ("markere") is no field; a ticket ("billet") is no car; super and
    # soup are no SUP board; buns ("boller") are no home ("bolig"); a gang
    # ("bande") is no band; "jamen" (well, ...) is no jam session; ongoing
    # ("løbende") is no running; natural ("naturligt") is not nature.
    "gælde": ("gælde", "gælder", "gældende", "gjaldt", "gældt"),
    "skylde": ("skylde", "skylder", "skyldte", "skyldt"),
    "fare": ("fare", "farerne"),
    "farlig": ("farlig", "farlige", "farligt", "farligere", "farligste"),
    "bage": ("bage", "bager", "bagte", "bagt", "bages"),
    "både": ("både",),
    "koste": ("koste", "koster", "kostede", "kostet"),
    "rette": ("rette", "retter", "rettet", "rettede", "rettelse", "rettelser"),
    "spare": ("spare", "sparer", "sparet", "sparede", "spar"),
    "rådighed": ("rådighed", "rådigheden"),
    "afhænge": ("afhænge", "afhænger", "afhang", "afhængt"),
    "internet": ("internet", "internettet", "internettets"),
    "markere": ("markere", "markerer", "markeret", "markerede"),
    "billet": ("billet", "billetten", "billetter", "billetterne"),
    "super": ("super",),
    "suppe": ("suppe", "suppen", "supper", "supperne"),
    "bolle": ("bolle", "bollen", "boller", "bollerne"),
    "bande": ("bande", "banden", "bander", "banderne"),
    "jamen": ("jamen",),
    "løbende": ("løbende",),
    "naturlig": ("naturlig", "naturlige", "naturligt"),
    # Fully ("fuldt") is not drunk, a team is no Teams call, Mads is no food, a
    # post ("indlæg") is no hospital stay, a sign ("tegn") is no drawing, rising
    # ("stigende") is no ladder, to move ("rykke") is no reminder ("rykker"),
    # "sankt" is no foraging ("sanke"), dearer ("dyrere") no animal, a knight
    # ("ridder") no riding.
    "fuldt": ("fuldt",),
    "teams": ("teams",),
    "mads": ("mads",),
    "indlæggelse": ("indlægge", "indlægges", "indlæggelse", "indlæggelsen"),
    "tegne": ("tegne", "tegner", "tegnede", "tegnes"),
    "stigende": ("stigende",),
    "rykke": ("rykke", "rykket", "rykkede"),
    "sankt": ("sankt",),
    "dyrere": ("dyrere", "dyreste"),
    "ridder": ("ridder", "ridderen", "riddere", "ridderne"),
}
STEM_OVERRIDES = {word: stem for stem, words in _OWN_STEMS.items() for word in words}

# Words that mean something else inside these phrases, which hide them: there
# the word counts neither as a word (``w:``) nor as a vocabulary phrase of hidden
# words only, while a phrase that goes beyond them still counts ("ikke råd" and
# "råd til julegaver" are money). "har ikke råd" (cannot afford) is not advice.
# Part of the stored index's fingerprint (store.py).
HIDDEN_IN = {
    "råd": ("har råd", "havde råd", "haft råd", "ikke råd"),
    # To trust ("stole på") is not chairs; "borde og stole" still counts.
    "stole": (
        "at stole på",
        "kan stole på",
        "kunne stole på",
        "skal stole på",
        "må stole på",
        "tør stole på",
        "ikke stole på",
        "stole på hinanden",
    ),
    # "i løbet af" (during) is no running, "i hvert fald" (anyway) no fall,
    # "i forbindelse med" (in connection with) no network.
    "løbet": ("i løbet af",),
    "fald": (
        "i hvert fald",
        "i alle fald",
        "i ethvert fald",
        "i så fald",
        "i givet fald",
        "i værste fald",
        "i bedste fald",
        "i begge fald",
        "i det fald",
    ),
    "forbindelse": ("i forbindelse med",),
}

_MIN_PREFIX = 4  # shortest vocabulary word recognised at the start of a compound
_MIN_SUFFIX = 5  # ... and at its end ("omsorg" must not mean "sorg")
_MIN_SECOND = 3  # a compound's second word leaves at least this much of the stem
# Endings after a known word that make a form of that word, not a compound:
# "dansede" is "dans", "økonomiske" is "økonomi". Other endings must begin a
# second word: "danskere" is not "dans" + "kere", "enkelte" not "enke" + "lte".
_FORM_ENDINGS = frozenset(
    ("ede", "ende", "ene", "ere", "erne", "ers", "ens", "ets", "est", "este")
    + ("isk", "iske", "ske")
)
# The rules above, for the stored index's fingerprint (store.py).
COMPOUND_RULES = (_MIN_PREFIX, _MIN_SUFFIX, _MIN_SECOND, tuple(sorted(_FORM_ENDINGS)))

# Written for this project: common words that begin or end with a vocabulary word
# without being a compound of it. A known word inside one of these, at the start
# (or end) of an unknown word that starts (ends) with it, gives no concept:
# "fuldstændig" is not "fuld" (drunk), "hundrede" not "hund", "præstation" not
# "præst", "elevator" not "elev"; "undskylder" does not owe ("skylder"),
# "tyngdekraften" is no evening ("aften"), "giftstoffer" are no drugs. A listed
# start covers every form and compound that begins with it ("fuld" covers
# "fuldtid", "enkelt" covers "enkeltvis"); an end is listed in the forms that end
# with the known word ("grafiske", not "grafisk"). Part of the stored index's
# fingerprint (store.py).
_NOT_COMPOUND_STARTS_TEXT = """
    bagerst bande bandlys byttedyr datterselskab drukn elevator enkelt eventuel
    eventyr excellen fuld fødselsdag gammeldags grusom hestekræfter hundred
    jammer kostbar kostede legend legering lejlighedsvis malerisk mandag mandarin
    mandskab markant marked markering marketing mobilis morgendag naturligvis
    præstation rampelys selskab skattejagt skiltning spild strandede strandet
    terminal terminator terminolog trans tutorial tvivlsom tyskland
    udenforstående vaskeægte
"""
_NOT_COMPOUND_ENDS_TEXT = """
    afskaffe afspiller anskaffe arbejderklasse bearbejde christoffer domstole
    dristige efterfølges eftermiddag forarbejde forelæsning forsyning
    fortolkning fremskaffe genforening genfødsel grafiske grammer gunstige
    indskrænket indvandring kabinettet konkurser kraften kristoffer kunstige
    listige middelklasse modarbejde overdrevent overfalde overklasse overmorgen
    overstige prestige samarbejde sammenligninger selskab signatur skrammer
    sofiske solopgang sommerfugle stammer stamning stoffer stramning strammer
    syrer særskilt tilskaffe udspiller udvandring underklasse undskylder
    verdensklasse værdipapirer
"""
NOT_COMPOUND_STARTS = frozenset(_NOT_COMPOUND_STARTS_TEXT.split())
NOT_COMPOUND_ENDS = frozenset(_NOT_COMPOUND_ENDS_TEXT.split())


class DanishStemmer:
    """Snowball's Danish stemmer, memoised per word. Not thread-safe (Snowball keeps
    state in the stemmer), so each analyzer or checker owns one."""

    def __init__(self) -> None:
        self._stemmer = snowballstemmer.stemmer("danish")
        self._cache: dict[str, str] = {}

    def __call__(self, word: str) -> str:
        s = self._cache.get(word)
        if s is None:
            s = STEM_OVERRIDES.get(word) or self._stemmer.stemWord(word)
            self._cache[word] = s
        return s


@dataclass(slots=True)
class Analysis:
    """The terms of one text, with what a person would call them in a reason."""

    terms: Counter[str] = field(default_factory=Counter)
    surface: dict[str, str] = field(default_factory=dict)
    categories: Counter[str] = field(default_factory=Counter)
    length: int = 0


class Analyzer:
    """Turns Danish text into terms; memoises per word, so big corpora are cheap."""

    def __init__(self, vocabulary: Vocabulary | None = None) -> None:
        self.vocabulary = vocabulary if vocabulary is not None else load()
        self.stem = DanishStemmer()
        self.filler = frozenset(self.stem(w) for w in FILLER)
        self._word_cache: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
        self.phrases: dict[tuple[str, ...], list[str]] = {}
        self._first: set[str] = set()
        self._max_len = 1
        self._prefixes: dict[str, list[str]] = {}
        self._keys: dict[str, tuple[tuple[str, ...], str | None]] = {}
        # Stems of the words the vocabulary uses: a compound's second word may be
        # one of them even when Snowball leaves little of the whole word's stem
        # ("skoleven" → "skolev", but "ven" is a word).
        words = {
            w
            for c in self.vocabulary.concepts.values()
            for v in c.variants
            for w in WORD.findall(v)
        }
        words.update(p for parts in self.vocabulary.splits.values() for p in parts)
        self._words = frozenset(
            self.stem(w) for w in words | FILLER if w not in STOPWORDS and len(w) > 1
        )
        for concept in self.vocabulary.concepts.values():
            for variant in concept.variants:
                key = tuple(self.stems(variant))
                if not key or (len(key) == 1 and key[0] in STOPWORDS):
                    continue  # "menighed" stems to "men": never the word "men"
                self.phrases.setdefault(key, []).append(concept.id)
                self._first.add(key[0])
                self._max_len = max(self._max_len, len(key))
                if len(key) == 1 and len(variant) >= _MIN_PREFIX and variant.isalpha():
                    self._prefixes.setdefault(variant, []).append(concept.id)
        # Hiding phrases per first stem: (stems, positions of the hidden word).
        self._hiding: dict[str, list[tuple[tuple[str, ...], tuple[int, ...]]]] = {}
        self._hidden_stems = frozenset(self.stem(w) for w in HIDDEN_IN)
        for word, hiding in HIDDEN_IN.items():
            hidden = self.stem(word)
            for phrase in hiding:
                key = tuple(self.stems(phrase))
                at = tuple(j for j, s in enumerate(key) if s == hidden)
                self._hiding.setdefault(key[0], []).append((key, at))
        # Phrase lengths per first stem, longest first: only those are tried.
        lengths: dict[str, set[int]] = {}
        for key in self.phrases:
            lengths.setdefault(key[0], set()).add(len(key))
        self._lengths = {s: tuple(sorted(n, reverse=True)) for s, n in lengths.items()}
        # Stemming the variants above went through _word while the phrases and
        # prefixes were half built: what it remembered about unknown compounds
        # depended on the order of the vocabulary file.
        self._word_cache.clear()

    def stems(self, text: str) -> list[str]:
        """Stems of a phrase, with compounds split; used for vocabulary variants."""
        out: list[str] = []
        for w in WORD.findall(text.lower()):
            out.extend(self._word(w)[0])
        return out

    def _word(self, word: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """(sequence stems, extra concepts from a compound prefix/suffix)."""
        hit = self._word_cache.get(word)
        if hit is not None:
            return hit
        parts = self.vocabulary.splits.get(word)
        seq = tuple(self.stem(p) for p in parts) if parts else (self.stem(word),)
        extra: list[str] = []
        known = len(seq) == 1 and seq in self.phrases
        if (
            not parts
            and not known
            and word not in STEM_OVERRIDES  # "kræfterne" has a stem of its own
            and self._prefixes
            and len(word) >= _MIN_PREFIX + 3
        ):
            # Unknown compound: "diabetesforening" starts with a known word.
            # What follows the known word must be a second word (the word's stem
            # goes on for _MIN_SECOND letters or more, or the rest is a word the
            # vocabulary uses) or an ending of the known word itself; "danskere"
            # (stem "dansk") does not start with "dans".
            rest_of_stem = len(seq[0])
            for k in range(len(word) - 3, _MIN_PREFIX - 1, -1):
                ids = self._prefixes.get(word[:k])
                if ids and (
                    not 0 < rest_of_stem - k < _MIN_SECOND
                    or word[k:] in _FORM_ENDINGS
                    or self.stem(word[k:]) in self._words
                ):
                    # Not inside a listed word of its own ("fuldstændig").
                    if not any(
                        word[:j] in NOT_COMPOUND_STARTS for j in range(k, len(word) + 1)
                    ):
                        extra.extend(ids)
                    break
            for k in range(3, len(word) - _MIN_SUFFIX + 1):
                ids = self._prefixes.get(word[k:])
                if ids:
                    # Not inside a listed word of its own ("undskylder").
                    if not any(word[j:] in NOT_COMPOUND_ENDS for j in range(k + 1)):
                        extra.extend(ids)
                    break
        hit = (seq, tuple(dict.fromkeys(extra)))
        self._word_cache[word] = hit
        return hit

    def _term_keys(self, word: str) -> tuple[tuple[str, ...], str | None]:
        """Per word: its ``w:`` term keys, and the whole compound's key if split."""
        hit = self._keys.get(word)
        if hit is None:
            parts = self._word(word)[0]
            keys: tuple[str, ...] = ()
            if word not in STOPWORDS:
                keys = tuple(
                    "w:" + p for p in parts if len(p) > 1 and p not in self.filler
                )
            whole = "w:" + self.stem(word) if len(parts) > 1 else None
            hit = self._keys[word] = (keys, whole)
        return hit

    def analyse(self, text: str) -> Analysis:
        result = Analysis()
        terms = result.terms
        surface = result.surface
        seq: list[str] = []
        raw_for: list[str] = []
        for w in WORD.findall(text.lower()):
            parts, extra = self._word(w)
            keys, whole = self._term_keys(w)
            if len(parts) == 1:
                seq.append(parts[0])
                raw_for.append(w)
            else:
                seq.extend(parts)
                raw_for.extend([w] * len(parts))
            if whole is not None:  # keep the compound itself as a term too
                terms[whole] = terms.get(whole, 0) + 1
                surface.setdefault(whole, w)
            for key in keys:
                terms[key] = terms.get(key, 0) + 1
                surface.setdefault(key, w)
            for cid in extra:
                self._add_concept(result, cid, w)
        hidden = self._hidden(seq)
        if hidden:  # a hidden word is no term ("råd" in "har ikke råd")
            for i in hidden:
                if len(self._word(raw_for[i])[0]) > 1:
                    continue  # part of a compound: the compound stays a term
                for key in self._term_keys(raw_for[i])[0]:
                    terms[key] -= 1
                    if terms[key] <= 0:
                        del terms[key]
                        surface.pop(key, None)
        lengths = self._lengths
        phrases = self.phrases
        size = len(seq)
        for i, s in enumerate(seq):
            tried = lengths.get(s)
            if tried is None:
                continue
            for n in tried:  # longest vocabulary phrase starting here
                if i + n > size:
                    continue
                ids = phrases.get(tuple(seq[i : i + n]))
                if ids and hidden and hidden.issuperset(range(i, i + n)):
                    break  # only hidden words: "råd" in "har ikke råd"
                if ids:
                    words = " ".join(dict.fromkeys(raw_for[i : i + n]))
                    for cid in ids:
                        self._add_concept(result, cid, words)
                    break
        result.length = sum(terms.values())
        return result

    def _hidden(self, seq: list[str]) -> set[int]:
        """Positions of words hidden by a phrase around them (``HIDDEN_IN``)."""
        hidden: set[int] = set()
        if self._hidden_stems.isdisjoint(seq):
            return hidden  # the usual case, and cheap
        hiding = self._hiding
        for i, s in enumerate(seq):
            for key, at in hiding.get(s, ()):
                if tuple(seq[i : i + len(key)]) == key:
                    hidden.update(i + j for j in at)
        return hidden

    def _add_concept(self, result: Analysis, cid: str, words: str) -> None:
        """Count a concept; remember the words that said it ("rygerlunger"), or
        the head's own spelling when they are the head ("KOL", not "kol")."""
        key = "c:" + cid
        result.terms[key] = result.terms.get(key, 0) + 1
        concept = self.vocabulary.concepts[cid]
        said = concept.head if words == concept.head.lower() else words
        result.surface.setdefault(key, said)
        for slug in concept.categories:
            result.categories[slug] += 1


_DEFAULT: Analyzer | None = None


def default_analyzer() -> Analyzer:
    """One shared analyzer per process, so its word caches are reused."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Analyzer()
    return _DEFAULT
