"""Benchmark the matching index: 200,000 synthetic Danish offers, top-10 queries.

    .venv/bin/python bench/bench_matching.py [--offers 200000] [--queries 200]

Generates offers deterministically (seeded), builds the index (time, memory), then
times needs → top-10 offers in process and prints p50/p95/max in milliseconds.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from faelles.matching import MatchIndex, Record, geo, store  # noqa: E402
from faelles.matching.records import KINDS, SLOTS  # noqa: E402

# (categories, offer sentences, need sentences) — written for this benchmark.
THEMES = [
    (
        ["health.chronic.copd"],
        [
            "Jeg har selv KOL og vil gerne gå ture med andre lungesyge",
            "Tidligere sygeplejerske tilbyder vejrtrækningsøvelser for KOL-patienter",
            "Erfaren ligemand med lungesygdom – vi kan snakke om hverdagen",
        ],
        [
            "Jeg har fået KOL og søger nogen at gå en tur med",
            "Savner en at tale med om at leve med lungesygdom",
        ],
    ),
    (
        ["health.chronic.diabetes"],
        [
            "Diabetiker gennem 20 år deler gerne erfaringer om kost og blodsukker",
            "Vi laver sund mad sammen for folk med type 2-diabetes",
        ],
        ["Har lige fået sukkersyge og vil gerne tale med en der har prøvet det"],
    ),
    (
        ["youth.homework"],
        [
            "Pensioneret lærer giver lektiehjælp i matematik og dansk",
            "Studerende tilbyder hjælp til lektier i engelsk og fysik",
            "Lektiecafé på biblioteket hver onsdag – alle er velkomne",
        ],
        [
            "Min søn i 8. klasse har brug for hjælp til matematik",
            "Søger lektiehjælp til to børn, gerne om eftermiddagen",
        ],
    ),
    (
        ["elderly.visiting", "elderly.loneliness"],
        [
            "Jeg vil gerne være besøgsven for en ældre og drikke kaffe sammen",
            "Frisk pensionist har tid til hyggesnak og gåture med en ensom nabo",
        ],
        [
            "Min mor på 88 sidder meget alene og savner selskab",
            "Ældre mand søger en at snakke med et par gange om måneden",
        ],
    ),
    (
        ["integration.danish"],
        [
            "Sprogven: vi øver dansk over en kop kaffe",
            "Pensioneret dansklærer tilbyder samtaletræning for nydanskere",
        ],
        [
            "Jeg er ny i Danmark og vil gerne øve at tale dansk",
            "Ukrainsk familie søger hjælp til at lære dansk",
        ],
    ),
    (
        ["nature.green"],
        [
            "Jeg har en stor have og deler gerne højbede med naboer",
            "Haveglad pensionist hjælper med lugning og hækklipning",
        ],
        [
            "Søger hjælp til havearbejde – jeg kan ikke længere klippe hæk",
            "Vil gerne starte en fælleshave i boligforeningen",
        ],
    ),
    (
        ["local.rooms"],
        [
            "Forsamlingshuset udlåner lokale til foreninger om aftenen",
            "Vores beboerhus har et mødelokale med kaffemaskine og projektor",
        ],
        [
            "Vores strikkeklub mangler et lokale at mødes i",
            "Søger et sted at holde møder for en ny forældregruppe",
        ],
    ),
    (
        ["digital.it_help"],
        [
            "Jeg hjælper gerne ældre med iPad, MitID og digital post",
            "IT-café hver torsdag: hjælp til computer og smartphone",
        ],
        [
            "Min far kan ikke finde ud af MitID og e-boks",
            "Har brug for hjælp til min nye tablet",
        ],
    ),
    (
        ["sport.walking", "sport.exercise"],
        [
            "Gåhold for seniorer mandag og torsdag formiddag",
            "Løbeklub for begyndere – vi løber sammen i skoven",
        ],
        [
            "Vil gerne i gang med at motionere, gerne sammen med andre",
            "Søger en at gå ture med om morgenen",
        ],
    ),
    (
        ["families.grandparents", "families.single"],
        [
            "Reservebedstemor med god tid vil gerne være en del af en børnefamilie",
            "Bedstefar-type tilbyder at hente børn og læse højt",
        ],
        [
            "Enlig mor søger en reservebedsteforælder til mine to drenge",
            "Vi savner bedsteforældre tæt på – børnene er 4 og 7",
        ],
    ),
    (
        ["employment.jobsearch"],
        [
            "HR-konsulent hjælper med CV og jobansøgning",
            "Tidligere leder tilbyder øvelse i jobsamtaler",
        ],
        ["Har været ledig længe og trænger til hjælp med ansøgninger"],
    ),
    (
        ["local.repair"],
        [
            "Pensioneret tømrer hjælper med småreparationer",
            "Cykelværksted i kælderen: vi fikser cykler sammen",
        ],
        [
            "Min cykel er gået i stykker og jeg har ikke råd til en cykelsmed",
            "Søger hjælp til at samle møbler og skifte pærer",
        ],
    ),
]
FILLERS = [
    "Jeg bor tæt på centrum.",
    "Ring eller skriv gerne.",
    "Jeg har bil.",
    "Det er gratis.",
    "Jeg glæder mig til at høre fra dig.",
    "Vi kan mødes hos mig eller ude.",
    "Jeg er tålmodig og rolig.",
    "Jeg har erfaring fra foreningslivet.",
    "Jeg taler også engelsk.",
]
HOME = [
    "5300",
    "5330",
    "5350",
    "5370",
    "5380",
    "5390",
    "5000",
    "5200",
    "5210",
    "5220",
    "5230",
    "5240",
    "5250",
    "5260",
    "5270",
    "4640",
    "4654",
    "4690",
    "4683",
    "8660",
    "8680",
    "8670",
    "8362",
    "2610",
    "2650",
    "2600",
    "2720",
]


def _record(rng: random.Random, i: int, side: str, codes: list[str]) -> dict:
    cats, offers, needs = rng.choice(THEMES)
    lines = offers if side == "offer" else needs
    text = rng.choice(lines) + " " + " ".join(rng.sample(FILLERS, 2))
    rec: dict = {
        "id": f"{side[0]}{i}",
        "title": text.split(" – ")[0][:60],
        "text": text,
    }
    if rng.random() < 0.6:
        rec["categories"] = [rng.choice(cats)]
    if rng.random() < 0.5:
        rec["kind"] = rng.choice(list(KINDS))
    rec["postcode"] = rng.choice(HOME) if rng.random() < 0.7 else rng.choice(codes)
    if rng.random() < 0.5:
        rec["radius_km"] = rng.choice([2, 5, 10, 20, 50])
    rec["mode"] = rng.choice(
        [
            ["in_person"],
            ["in_person", "phone"],
            ["online"],
            ["in_person", "online", "phone"],
        ]
    )
    if rng.random() < 0.6:
        rec["availability"] = rng.sample(SLOTS, rng.randint(1, 6))
    if rng.random() < 0.2:
        rec["has" if side == "offer" else "requires"] = ["boerneattest"]
    if rng.random() < 0.3:
        rec["languages"] = rng.sample(["da", "en", "ar", "uk", "de"], 2)
    rec["created"] = (
        dt.date(2026, 11, 1) - dt.timedelta(rng.randint(0, 400))
    ).isoformat()
    rec["newcomer"] = rng.random() < 0.1
    rec["underserved"] = rng.random() < 0.1
    return rec


def _rss_mb() -> float:
    """Resident memory now (Linux), so the index's share can be told apart."""
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * resource.getpagesize() / 2**20


def generate(n: int, side: str, seed: int) -> list[Record]:
    rng = random.Random(seed)
    codes = list(geo.load().codes)
    return [Record.from_dict(_record(rng, i, side, codes)) for i in range(n)]


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--offers", type=int, default=200_000)
    p.add_argument("--queries", type=int, default=200)
    p.add_argument("--seed", type=int, default=20261124)
    args = p.parse_args()

    t0 = time.perf_counter()
    offers = generate(args.offers, "offer", args.seed)
    needs = generate(args.queries, "need", args.seed + 1)
    t_gen = time.perf_counter() - t0

    rss0 = _rss_mb()
    t0 = time.perf_counter()
    index = MatchIndex.build(offers)
    t_build = time.perf_counter() - t0
    rss_index = _rss_mb() - rss0

    today = dt.date(2026, 11, 1)
    index.query(needs[0], top=10, today=today)  # warm caches
    times, hits = [], 0
    for need in needs:
        t0 = time.perf_counter()
        result = index.query(need, top=10, today=today)
        times.append((time.perf_counter() - t0) * 1000)
        hits += len(result)
    ms = np.asarray(times)

    # The stored index (faelles/matching/store.py): save once, then load it the way
    # a new worker does, in a child process (so its memory is its own), and check
    # that it ranks exactly like the built one.
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "offers.idx"
        t0 = time.perf_counter()
        store.save(index, path, meta={})
        t_save = time.perf_counter() - t0
        file_mb = path.stat().st_size / 2**20
        t0 = time.perf_counter()
        loaded, _ = store.load(path)
        t_load = time.perf_counter() - t0
        same = all(
            [(m.id, m.score) for m in loaded.query(need, top=10, today=today)]
            == [(m.id, m.score) for m in index.query(need, top=10, today=today)]
            for need in needs
        )
        load_times = []
        for need in needs:
            t0 = time.perf_counter()
            loaded.query(need, top=10, today=today)
            load_times.append((time.perf_counter() - t0) * 1000)
        child = subprocess.run(
            [
                sys.executable,
                "-c",
                "import sys, time, re, pathlib;"
                "from faelles.matching import store, MatchIndex;"
                "rss = lambda: int(re.search(r'VmRSS:\\s+(\\d+)',"
                " pathlib.Path('/proc/self/status').read_text()).group(1)) / 1024;"
                "empty = MatchIndex(); before = rss();"
                "t1 = time.perf_counter();"
                "index, _ = store.load(pathlib.Path(sys.argv[1]), template=empty);"
                "print(time.perf_counter() - t1, rss() - before)",
                str(path),
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        child_load_s, child_rss_mb = (float(x) for x in child.stdout.split())
    report = {
        "offers": args.offers,
        "queries": args.queries,
        "generate_s": round(t_gen, 1),
        "build_s": round(t_build, 1),
        "index_rss_growth_mb": round(rss_index),
        "index_arrays_mb": round(index.nbytes() / 2**20),
        "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "p50_ms": round(float(np.percentile(ms, 50)), 1),
        "p95_ms": round(float(np.percentile(ms, 95)), 1),
        "max_ms": round(float(ms.max()), 1),
        "mean_results": round(hits / len(needs), 1),
        "stored_file_mb": round(file_mb),
        "store_save_s": round(t_save, 1),
        "store_load_s": round(t_load, 2),
        "store_load_new_process_s": round(child_load_s, 2),
        "new_process_rss_growth_mb": round(child_rss_mb),
        "loaded_p95_ms": round(float(np.percentile(np.asarray(load_times), 95)), 1),
        "loaded_ranks_identically": same,
        "python": platform.python_version(),
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
