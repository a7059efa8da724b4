"""Danish text analysis: tokens, Snowball stems, compound splits and concepts.

A text becomes a bag of terms: ``w:<stem>`` for content words and ``c:<concept>``
for every vocabulary synonym group it mentions, so "KOL" and "lungesygdom" meet in
``c:kol`` while plain words still match on their stems.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import chain

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
    pga ift mht dvs osv ca mv mm etc ifm iht vha inkl ekskl ang vedr iflg mvh
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
    "bære": ("bære", "bærer", "bæres", "bærende", "båret"),
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
    "fare": ("fare", "farer", "farerne"),
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
    "dyrere": ("dyre", "dyrere", "dyreste"),
    "ridder": ("ridder", "ridderen", "riddere", "ridderne"),
    # A garden ("haven", "haver") is not the sea ("havet"), which Snowball cuts
    # to the same "hav" — nor the verb "have" ("vil gerne have hjælp").
    "haven": ("haven", "haver", "haverne", "havens", "havernes"),
    # Snowball keeps the neuter and the superlative of lonely apart from "ensom".
    "ensom": ("ensomt", "ensomst", "ensomste"),
    # Early/former ("tidligere lærer", "tidligt om morgenen") is cut to "tid",
    # so it was time ("har tid").
    "tidlig": ("tidlig", "tidlige", "tidligt", "tidligere", "tidligst", "tidligste"),
    # A fourth round, from everyday sentences and the most common Danish words.
    # "ret" (quite, a dish) is no right ("rettigheder"), "nyt" (new) not useful
    # ("nyttig"), "en del" (a fair amount) does not share ("dele erfaringer"), and
    # "noget" (something) is not "nogen" (somebody): "mangler noget" is no
    # loneliness. "tide" ("på tide") is no time; an effort ("indsats") is no
    # inmate ("indsatte"); a
    # programme is no programming; "red", "redde" (rode, to save) are no
    # "Redderne"; a cross ("kors", "Røde Kors") is no choir ("kor").
    "rettighed": ("rettighed", "rettigheden", "rettigheder", "rettighederne"),
    "lejeret": ("lejeret", "lejeretten"),
    "nyttig": ("nyttig", "nyttige", "nyttigt"),
    "dele": ("dele", "deler", "deles", "delte", "delt"),
    "noget": ("noget",),
    "tide": ("tide",),
    "indsats": ("indsats", "indsatsen", "indsatser", "indsatserne"),
    "programmere": ("programmere", "programmerer", "programmeret", "programmerede"),
    "redderne": ("redderne",),
    "kors": ("kors", "korset", "korsets"),
    # To listen ("lytter", "lytte") is no listening conversation ("lyttende"),
    # control ("kontrol", "kontrollere") no controlling partner
    # ("kontrollerende"), a point ("punkt") no puncture ("punkteret"), to stir or
    # touch ("røre") not nimble ("rørig"), to defend ("forsvare") not the armed
    # forces ("forsvaret"), the press ("pressen") no stress ("presset"), a box
    # ("kasse") no treasurer ("kasserer"), rock music no rockers ("rockere"),
    # to hold ("rummer") no room, available ("tilgængelig") no accessibility,
    # weak ("svag") not sickly ("svagelig"), a lamb ("lam") no paralysis
    # ("lammelse"), beans ("bønner") no prayer ("bøn"), farewell ("afsked") no
    # dismissal ("afskediget"), named after ("opkaldt") no phone call, confusing
    # ("forvirrende") no dementia ("forvirret"), a statement ("udtalelse") no
    # pronunciation ("udtale"), drunk ("har drukket kaffe") no drinking ("druk"),
    # local ("lokal") no room ("lokale"), dear ("dyre") no animal ("dyr").
    "lyttende": ("lyttende",),
    "kontrollerende": ("kontrollerende",),
    "punktere": ("punktere", "punkterer", "punkteret", "punkterede"),
    "rørig": ("rørig", "rørige", "rørigt"),
    "forsvaret": ("forsvaret", "forsvarets"),
    "presse": ("presse", "pressen", "pressens"),
    "kasserer": ("kasserer", "kassereren", "kasserere"),
    "rocker": ("rocker", "rockeren", "rockere", "rockerne"),
    "rumme": ("rumme", "rummer", "rummede"),
    "tilgængelighed": ("tilgængelighed", "tilgængeligheden"),
    "svagelig": ("svagelig", "svagelige", "svageligt"),
    "lammelse": ("lammelse", "lammelsen", "lammelser"),
    "bønner": ("bønner", "bønnerne"),
    "afskedig": ("afskediget", "afskedigede", "afskedigelse", "afskedigelser"),
    "opkaldt": ("opkaldt",),
    "forvirrende": ("forvirrende",),
    "udtalelse": ("udtalelse", "udtalelsen", "udtalelser", "udtalelserne"),
    "drukket": ("drukket",),
    "lokalt": ("lokal",),
    # Shaken ("rystet") is no Parkinson's tremor ("rysten"), outdated
    # ("forældet") no parents, to perform ("præstere") no priest, to manage
    # ("bestyrer") no board, urgent ("presserende") no stress, and "syr" (sews)
    # is no Syrian ("syrer").
    "rysten": ("rysten",),
    "forældet": ("forældet", "forældede"),
    "præstere": ("præstere", "præsterer", "præsteret", "præsterede"),
    "bestyre": ("bestyre", "bestyrer", "bestyrede", "bestyret"),
    "presserende": ("presserende",),
    "syrer": ("syrer", "syreren", "syrere", "syrerne"),
    # Trained as a nurse ("uddannet sygeplejerske") is no need for education.
    "uddannet": ("uddannet", "uddannede"),
    # Signs ("skiltet", "skiltene") are no divorce ("skilt"), a fish for dinner
    # ("fisk") is no fishing ("fiske").
    "skilte": ("skilte", "skiltet", "skiltene"),
    "fiske": ("fiske", "fisker", "fiskede", "fisket"),
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
    # "i morgen" (tomorrow) and "god morgen" are no morning, "af natur" (by
    # nature) no nature, "hvor gammel", "fem år gammel" not old, "det er en
    # skam" (a pity) no shame, "min mand" (my husband) no men's group; free time
    # or a vacant room ("ledig tid", "ledige lokaler") is no unemployment, and
    # to study for ("læser til sygeplejerske") is no reading.
    "morgen": ("i morgen", "god morgen"),
    "natur": ("af natur",),
    "gammel": ("år gammel", "måneder gammel", "uger gammel", "hvor gammel"),
    "gamle": ("år gamle", "måneder gamle", "hvor gamle"),
    "skam": ("en skam", "er skam", "var skam"),
    "ledig": (
        "ledig tid",
        "ledig plads",
        "ledige pladser",
        "ledigt lokale",
        "ledige lokaler",
    ),
    "læse": ("læser til", "læse til", "læst til", "læste til"),
    "mand": ("min mand", "din mand", "sin mand", "hendes mand"),
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
    bagerst bande bandlys byttedyr danskvand datterselskab drukn elevator enkelt
    eventuel eventyr excellen franskbrød fuld fødselsdag fødselsdato gammeldags
    grusom hestekræfter hundred jammer kostbar kostede legend legering
    lejlighedsvis malerisk mandag mandarin mandskab markant marked markering
    marketing middagslur middagstid mobilis morgendag naturligvis operationel
    operativ operatør præstation rampelys selskab skattejagt skiltning spild
    strandede strandet tegnebog terminal terminator terminolog trans tutorial
    tvivlsom tyskland udenforstående vaskeægte
"""
_NOT_COMPOUND_ENDS_TEXT = """
    afbrydelse afbrydelser afskaffe afspiller anskaffe arbejderklasse bearbejde
    børnehaven børnehaverne christoffer coronavirus domstole dristige
    efterfølges eftermiddag forarbejde forbrydelse forbrydelser forelæsning
    forsikringen forsikringer forsyning fortolkning fremskaffe genforening
    genfødsel godmorgen grafiske grammer gunstige indskrænket indvandring
    kabinettet konkurser kraften kristoffer kunstige listige middelklasse
    modarbejde overdrevent overfalde overklasse overmorgen overstige prestige
    samarbejde sammenligninger selskab signatur skrammer sofiske solopgang
    sommerfugle stammer stamning stoffer strammer stramning syrer særskilt
    tilskaffe tjenesteydelse tjenesteydelser udspiller udvandring underklasse
    undskylder verdensklasse værdipapirer
"""
NOT_COMPOUND_STARTS = frozenset(_NOT_COMPOUND_STARTS_TEXT.split())
NOT_COMPOUND_ENDS = frozenset(_NOT_COMPOUND_ENDS_TEXT.split())


# -- How people really type -------------------------------------------------------
#
# Needs are written on phones, by newcomers to Danish and by the old. Before a word
# is analysed it is respelled once (memoised per word): a known misspelling
# (``SPELLINGS``); a letter repeated for emphasis ("sååå", "hjæææælp") written
# once or twice; Danish letters typed without a Danish keyboard ("aeldre", "boern",
# "paa", "gaa"; ``_LETTERS``); a long unknown word one typing slip from exactly one
# vocabulary word ("ensomhde", "frivilig"). A word the analysis knows — a
# vocabulary word, a stop word, a filler word or a word whose stem the vocabulary
# uses — is never respelled, nor one in ``NOT_RESPELLED``, and the letter and slip
# rules only ever give a word it knows. Web and e-mail addresses, phone numbers and
# dotted abbreviations are no words, and "besøgs-ven" is "besøgsven" when that is
# a vocabulary word.

# Written for this project: spellings of the vocabulary's important words that
# people really write — newcomers' and dyslexic spellings, Norwegian and Swedish
# forms of a Scandinavian newcomer, English words for a concept. Only words no
# Danish text uses otherwise. Part of the stored index's fingerprint (store.py).
_SPELLINGS = {
    "ensomhed": (
        "ensomhet ensomheten ensomed ensomhd ensommed ensomheed "
        "ensomhedd ensumhed ensamhet ensamheten ensomhede"
    ),
    "ensom": "ensam ensum",
    "ensomme": "ensamma ensumme",
    "besøgsven": "besøksvenn besøgvenn besøksven besøgsvenn besøgven besøgsvend "
    "besøgsvænn besøgsvæn besøksvän besöksvän",
    "besøgsvenner": "besøksvenner besøgvenner besøgsvener",
    "hjemmehjælp": "hjemmehjelp hjemehjælp hjemmehjæp hjemmehjalp hemtjänst "
    "hjemehjelp hjemmehjælb",
    "hjælp": "hjelp hjæp hjælb jælp",
    "hjælpe": "hjelpe hjælbe hjæpe jælpe hjälpa",
    "hjælper": "hjelper hjælber",
    "ældre": "eldre ældere",
    "lektier": "lekser leksene lektir lektjer lecktier lægtier läxor läxa",
    "lektiehjælp": "leksehjelp leksehjælp läxhjälp lektihjælp",
    "psykolog": "psycholog psykholog sykolog psyholog psyolog psychologist",
    "demens": "demenz dements demes dimens",
    "alzheimer": "alzhaimer altsheimer alzeimer alsheimer alzhaimers altzheimer",
    "handicap": "handikap handycap hendicap handicab",
    "handicappet": "handikappet handikapet",
    "handicappede": "handikappede handicapede handikapede",
    "kørestol": "kørrestol kørstol rullestol rullstol",
    "sygdom": "sykdom sjukdom sygdum",
    "syg": "syk sjuk",
    "træning": "trening träning",
    "genoptræning": "genoptrening genoptræneing",
    "frivillig": "frivilig frievillig",
    "frivillige": "frivilige frievillige",
    "fællesskab": "fælleskab fællesskap felleskap fellesskap gemenskap",
    "kræft": "kreft",
    "depression": "depresion depretion depresjon",
    "diabetes": "diabetis diabetus diabetess",
    "sygeplejerske": "sygeplejeske sjuksköterska",
    "misbrug": "missbrug misbruk missbruk",
    "flygtning": "flyktning flykting",
    "flygtninge": "flyktninger flyktingar",
    "rengøring": "rengjøring rengöring rengørring",
    "indkøb": "inkøb indkøp",
    "økonomi": "ekonomi",
    "sprog": "språk",
    "venner": "vänner",
    "ven": "vän",
    # Spoken forms as people write them in a message.
    "ikke": "ik ikk ikkr",
    "kan": "ka",
}
SPELLINGS = {
    wrong: right for right, words in _SPELLINGS.items() for wrong in words.split()
}

# Danish letters typed without a Danish keyboard, or with the letter dropped:
# "aa" for "å", "oe" for "ø", "ae" for "æ", Swedish and German "ö" and "ä", and
# plain "o"/"a" for "ø"/"å". A word gets the fewest replacements that give a word
# the analysis knows, the two-letter spellings first ("paa" is "på").
_LETTERS = (("aa", "å"), ("oe", "ø"), ("ae", "æ"), ("ö", "ø"), ("ä", "æ"))
_DROPPED = (("o", "ø"), ("a", "å"))
_MAX_SITES = 8  # a word with more places to respell is left as it is
# Written for this project from a scan of the 29,000 most common Danish words:
# words and names that a rule below would make another, known word ("humor" is
# not "humør", "loft" not "løft", "roer" not "rør", "Kaare" not "kåre", "do" is a
# toilet, "boede" (lived) is no fine, "Kirsten" is not "kristen"). Part of the
# stored index's fingerprint (store.py).
_NOT_RESPELLED_TEXT = """
    ar bal bla boder boede bon do doe domme gaven haarder hand hard hore humor
    kaare kar kirkegaard kirsten las laser loft malling ove persson rad rode
    roede roer roere roret so star tar toer torsten
"""
NOT_RESPELLED = frozenset(_NOT_RESPELLED_TEXT.split())

_REPEATED = re.compile(r"(.)\1\1+")  # three or more of a letter: "sååå", "hjæææælp"
_FUZZY_MIN = 7  # an unknown word this long may be one typing slip from a known one
# Swapped in Danish inflection, not by a slip: "orkester"/"orkestre", "fængsel"/
# "fængsle", "åben"/"åbne".
_INFLECTED_SWAPS = frozenset(("er", "re", "el", "le", "en", "ne"))

# Text that is no words: web and e-mail addresses, phone numbers (8 digits or more,
# maybe in groups: "+45 12 34 56 78"), and abbreviations with full stops ("f.eks.",
# "bl.a.", "m.m.", "o.l.", "p.g.a."), which would leave letters such as "eks".
NOT_WORDS = re.compile(
    r"(?:https?://|www\.)\S+"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|\b(?:[a-z0-9-]+\.)+(?:dk|com|org|net|eu|info)\b(?:/\S*)?"
    r"|(?<![\w+])(?:\+|00)?\d(?:[ .-]?\d){7,}(?!\w)"
    r"|(?<!\w)(?:f\.\s?eks|bl\.\s?a|m\.\s?m|o\.\s?l|m\.\s?v|d\.\s?v\.\s?s"
    r"|p\.\s?g\.\s?a|i\.\s?f\.\s?t|m\.\s?h\.\s?t|o\.\s?s\.\s?v|t\.\s?o\.\s?m)\.?(?!\w)",
    re.IGNORECASE,
)
# Cheap test whether a text may hold any of that: "@", "/", "www", a full stop
# right before a letter, a letter or "bl" alone before a full stop, 8 digits.
_MAYBE_NOT_WORDS = re.compile(
    r"[@/]|www|\.(?:[a-zA-Z]|(?<=\b\w\.)|(?<=\b[bB][lL]\.))|\d(?:[ .-]?\d){7}"
)
# A word with hyphens inside ("besøgs-ven", "type 2-diabetes").
_TOKEN = re.compile(r"[0-9a-zæøåéèüöäáíóú]+(?:-[0-9a-zæøåéèüöäáíóú]+)*")
# The rules above, for the stored index's fingerprint (store.py).
RESPELLING_RULES = (
    _LETTERS,
    _DROPPED,
    _MAX_SITES,
    _REPEATED.pattern,
    _FUZZY_MIN,
    tuple(sorted(_INFLECTED_SWAPS)),
    NOT_WORDS.pattern,
    _TOKEN.pattern,
)


def _slip(a: str, b: str) -> bool:
    """Whether a is b with one typing slip that keeps its letters: two neighbours
    swapped ("ensomhde"), a double letter written once ("frivilig") or a letter
    written twice ("ensommhed"). A changed, added or dropped letter in general
    made common words other words ("seneste" → "eneste"), so it is no slip."""
    if len(a) == len(b):
        i = next((i for i in range(len(a)) if a[i] != b[i]), len(a))
        pair = a[i : i + 2]
        return (
            pair == b[i : i + 2][::-1]
            and a[i + 2 :] == b[i + 2 :]
            and pair not in _INFLECTED_SWAPS
        )
    short, long = (a, b) if len(a) < len(b) else (b, a)
    if len(long) - len(short) != 1:
        return False
    i = next((i for i in range(len(short)) if short[i] != long[i]), len(short))
    return long[i + 1 :] == short[i:] and (
        (i > 0 and long[i] == long[i - 1])
        or (i + 1 < len(long) and long[i] == long[i + 1])
    )


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
        # The words the vocabulary writes, for respelling (hyphens and typing slips).
        self._lexicon = frozenset(w for w in words if not w.isdigit())
        self._known_words = self._lexicon | STOPWORDS | FILLER
        # Long vocabulary words by themselves and with one letter left out: a word
        # one slip from a vocabulary word shares one of these with it.
        self._near: dict[str, set[str]] = {}
        for w in self._lexicon:
            if len(w) >= _FUZZY_MIN - 1 and w not in STOPWORDS and w.isalpha():
                for k in range(len(w) + 1):
                    self._near.setdefault(w[:k] + w[k + 1 :], set()).add(w)
        self._respelled: dict[str, tuple[str, ...]] = {}
        # Stemming the variants above went through _word while the phrases and
        # prefixes were half built: what it remembered about unknown compounds
        # depended on the order of the vocabulary file.
        self._word_cache.clear()

    def words(self, text: str) -> list[str]:
        """The words of a text as the analysis reads them: without addresses and
        phone numbers, lower case, respelled (memoised per word)."""
        if _MAYBE_NOT_WORDS.search(text):
            text = NOT_WORDS.sub(" ", text)
        tokens = _TOKEN.findall(text.lower())
        respelled = self._respelled
        try:  # the usual case, all in C: every token seen before
            return list(chain.from_iterable(map(respelled.__getitem__, tokens)))
        except KeyError:
            for token in tokens:
                if token not in respelled:
                    respelled[token] = self._respell_token(token)
            return list(chain.from_iterable(map(respelled.__getitem__, tokens)))

    def _respell_token(self, token: str) -> tuple[str, ...]:
        if "-" not in token:
            return (self._respell(token),)
        # "besøgs-ven" is the vocabulary's "besøgsven"; "type 2-diabetes" and
        # "sosu-assistent" stay words of their own.
        joined = self._respell(token.replace("-", ""))
        if joined in self._lexicon:
            return (joined,)
        return tuple(self._respell(w) for w in token.split("-") if w)

    def known(self, word: str) -> bool:
        """A vocabulary, stop or filler word, or a word whose stem the vocabulary
        uses: such a word is never respelled, and respelling gives only these."""
        return word in self._known_words or self.stem(word) in self._words

    def _respell(self, word: str) -> str:
        """The word a person meant (see ``SPELLINGS`` and the rules above it)."""
        fixed = SPELLINGS.get(word)
        if fixed is not None:
            return fixed
        if word in NOT_RESPELLED or self.known(word) or not word.isalpha():
            return word
        if _REPEATED.search(word):  # "sååå", "hjæææælp": one or two of the letter
            runs = [m.span() for m in _REPEATED.finditer(word)]
            options = [word[:0]]
            at = 0
            for start, end in runs:
                options = [
                    o + word[at:start] + word[start] * n
                    for o in options
                    for n in (1, 2)
                ]
                at = end
            options = [o + word[at:] for o in options]
            for option in options:
                respelled = self._respell(option)
                if self.known(respelled):
                    return respelled
            return self._respell(options[0])
        for option, end, dropped in self._letter_options(word):
            # A dropped letter must give a vocabulary, stop or filler word itself
            # (a stem alone made "gave" "gåve"). The stem of a known word is one
            # the vocabulary uses, and a stem is the start of its word, taking in
            # every respelled letter.
            if option in self._known_words or (
                not dropped
                and any(option[:k] in self._words for k in range(end, len(option) + 1))
                and self.stem(option) in self._words
            ):
                return option
        if len(word) >= _FUZZY_MIN:
            near = {
                w
                for k in range(len(word) + 1)
                for w in self._near.get(word[:k] + word[k + 1 :], ())
                if _slip(word, w)
            } | {w for w in self._near.get(word, ()) if _slip(word, w)}
            if len(near) == 1:
                return near.pop()
        return word

    def _letter_options(self, word: str) -> list[tuple[str, int, int]]:
        """Spellings of the word with Danish letters, fewest replacements first
        and two-letter spellings ("aa") before dropped letters ("a"); each with
        where its last replaced letter ends and how many letters were dropped."""
        sites: list[tuple[int, int, str, int]] = []  # start, end, letter, dropped
        for letters, dropped in ((_LETTERS, 0), (_DROPPED, 1)):
            for old, new in letters:
                at = word.find(old)
                while at >= 0:
                    sites.append((at, at + len(old), new, dropped))
                    at = word.find(old, at + 1)
        if not sites or len(sites) > _MAX_SITES:
            return []
        options: list[tuple[int, int, str, int]] = []
        for mask in range(1, 1 << len(sites)):
            chosen = sorted(sites[i] for i in range(len(sites)) if mask >> i & 1)
            if any(a[1] > b[0] for a, b in zip(chosen, chosen[1:], strict=False)):
                continue  # overlapping: "aae"
            out, at = [], 0
            for start, end, new, _ in chosen:
                out.append(word[at:start] + new)
                at = end
            end = sum(map(len, out))
            out.append(word[at:])
            option = "".join(out)
            options.append((len(chosen), sum(c[3] for c in chosen), option, end))
        options.sort(key=lambda o: (o[0], o[1]))
        return [(o[2], o[3], o[1]) for o in options]

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
        for w in self.words(text):
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
