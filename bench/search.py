"""Benchmark: activity search over 50,000 generated services, on SQLite and on PostgreSQL.

Run: make bench-search   (or .venv/bin/python -m bench.search [--services N] [--queries N])
Prints p50/p95/p99 latency of `knowledge.store.search.search` over mixed queries; the data set
is generated (not example data) into var/bench/search.db and a PostgreSQL database omzien_bench.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from pathlib import Path

from sqlalchemy import create_engine, insert, text
from sqlalchemy.engine import Engine

from knowledge import lexicon
from knowledge.store import models as m
from knowledge.store import search, seed, taxonomy
from knowledge.store.reference import Municipality, Postcode, Town
from omzien.db import engine_for
from omzien.migrate import upgrade
from omzien.settings import ROOT

POSTGRES_ADMIN = "postgresql+psycopg2://postgres@127.0.0.1:5432/postgres"
POSTGRES_BENCH = "postgresql+psycopg2://postgres@127.0.0.1:5432/omzien_bench"
DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
WORDS = ["buurt", "samen", "koffie", "gezellig", "groep", "club", "middag", "ochtend", "huis"]


def generate(engine: Engine, count: int, rng: random.Random) -> None:
    """Fill an empty, migrated database with reference places and `count` services."""
    seed.seed_reference(engine)
    rows = seed.reference_rows()
    postcodes: dict[str, list[dict]] = {}
    for row in rows[Postcode]:
        postcodes.setdefault(row["municipality_code"], []).append(row)
    municipalities = [mun for mun in rows[Municipality] if mun["code"] in postcodes]
    categories = list(lexicon.activities())
    terms = [
        taxonomy.term(tax, code)
        for tax in (taxonomy.ACTIVITIES, taxonomy.GROUPS)
        for code in taxonomy.codes(tax)
    ]
    tables: dict[type, list[dict]] = {table: [] for table in (
        m.Organization, m.Service, m.Location, m.Address, m.ServiceAtLocation,
        m.Schedule, m.CostOption, m.Attribute, m.ServiceSearch)}  # fmt: skip
    for mun in municipalities:
        tables[m.Organization].append({"id": mun["code"], "name": f"Welzijn {mun['name']}"})
    for n in range(count):
        mun = municipalities[n % len(municipalities)]
        pc = rng.choice(postcodes[mun["code"]])
        sid, cats = f"bench-{n}", rng.sample(categories, rng.choice([1, 1, 2]))
        amount, day = rng.choice([0, 0, 2.5]), rng.choice(DAYS)
        words = [lexicon.activities()[c]["synonyms"][rng.randrange(3)] for c in cats]
        tables[m.Service].append({
            "id": sid, "organization_id": mun["code"], "name": f"{words[0].title()} {n}",
            "description": " ".join(words + rng.sample(WORDS, 3)), "status": "active",
            "search_terms": " ".join(sorted(set(" ".join(words + cats).split()))),
            "assured_date": None,
        })  # fmt: skip
        point = {
            "latitude": pc["latitude"] + rng.uniform(-0.01, 0.01),
            "longitude": pc["longitude"] + rng.uniform(-0.01, 0.01),
        }
        tables[m.Location].append(
            {"id": sid, "organization_id": mun["code"], "location_type": "physical", **point}
        )
        tables[m.Address].append({
            "id": sid, "location_id": sid, "address_1": f"Straat {n}", "city": pc["town"],
            "postal_code": pc["pc4"], "state_province": "", "country": "NL",
            "address_type": "physical",
        })  # fmt: skip
        tables[m.ServiceAtLocation].append({"id": sid, "service_id": sid, "location_id": sid})
        tables[m.Schedule].append({
            "id": sid, "service_id": sid, "freq": "WEEKLY", "interval": 1,
            "byday": day, "valid_to": None,
        })  # fmt: skip
        tables[m.CostOption].append({"id": sid, "service_id": sid, "amount": amount})
        tables[m.ServiceSearch].append({
            "service_id": sid, **point, "categories": f"|{'|'.join(cats)}|", "groups": "",
            "free": amount == 0, "byday": day, "valid_to": None, "assured_date": None,
            "search_terms": tables[m.Service][-1]["search_terms"],
        })  # fmt: skip
        for code in cats:
            tables[m.Attribute].append({
                "id": f"{sid}:{code}", "link_id": sid, "link_type": "service",
                "taxonomy_term_id": taxonomy.term_id(taxonomy.ACTIVITIES, code),
            })  # fmt: skip
    with engine.begin() as connection:
        taxonomies = {t["taxonomy_detail"]["id"]: t["taxonomy_detail"] for t in terms}
        connection.execute(insert(m.Taxonomy), list(taxonomies.values()))
        connection.execute(insert(m.TaxonomyTerm), [
            {"id": t["id"], "taxonomy_id": t["taxonomy_detail"]["id"], "code": t["code"],
             "name": t["name"], "description": ""} for t in terms])  # fmt: skip
        for table, batch in tables.items():
            for start in range(0, len(batch), 5000):
                connection.execute(insert(table), batch[start : start + 5000])


def queries(count: int, rng: random.Random) -> list[search.Query]:
    """Mixed queries: hobby words, free text, no interest; towns, municipalities, postcodes."""
    rows = seed.reference_rows()
    towns = [r["name"] for r in rows[Town]]
    municipalities = [r["name"] for r in rows[Municipality]]
    pcs = [r["pc4"] for r in rows[Postcode]]
    words = [w for entry in lexicon.activities().values() for w in entry["synonyms"]]
    found = []
    for _ in range(count):
        kind = rng.random()
        q = rng.choice(words) if kind < 0.7 else ("ik doe graag modelbouw" if kind < 0.8 else "")
        where = rng.random()
        place = rng.choice(municipalities) if where < 0.4 else rng.choice(towns)
        found.append(search.Query(
            q=q, place=None if where >= 0.8 else place,
            postcode=rng.choice(pcs) if where >= 0.8 else None,
            day=rng.choice(["di", "zaterdag", None, None]), free=rng.random() < 0.2,
            group=rng.choice([None, None, "ouderen"]), offset=rng.choice([0, 0, 3]),
        ))  # fmt: skip
    return found


def measure(engine: Engine, batch: list[search.Query]) -> list[float]:
    """Milliseconds per query, after a warm-up."""
    for query in batch[:50]:
        search.search(engine, query)
    times = []
    for query in batch:
        start = time.perf_counter()
        search.search(engine, query)
        times.append((time.perf_counter() - start) * 1000)
    return times


def report(name: str, times: list[float]) -> None:
    """Print p50, p95 and p99."""
    cuts = statistics.quantiles(times, n=100)
    print(
        f"{name:<11} {len(times)} queries: p50 {cuts[49]:.1f} ms, p95 {cuts[94]:.1f} ms, "
        f"p99 {cuts[98]:.1f} ms, mean {statistics.fmean(times):.1f} ms"
    )


def fresh_postgres() -> str | None:
    """Recreate the benchmark database on the machine's PostgreSQL; None when unreachable."""
    admin = create_engine(POSTGRES_ADMIN, isolation_level="AUTOCOMMIT", future=True)
    try:
        with admin.connect() as connection:
            connection.execute(text("DROP DATABASE IF EXISTS omzien_bench WITH (FORCE)"))
            connection.execute(text("CREATE DATABASE omzien_bench"))
        return POSTGRES_BENCH
    except Exception as error:  # noqa: BLE001 - report and go on with SQLite only
        print(f"PostgreSQL skipped: not reachable at 127.0.0.1:5432 ({type(error).__name__})")
        return None
    finally:
        admin.dispose()


def main() -> None:
    """Generate the data set, run the queries on SQLite and PostgreSQL, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--services", type=int, default=50_000)
    parser.add_argument("--queries", type=int, default=1_000)
    args = parser.parse_args()
    path = ROOT / "var" / "bench" / "search.db"
    path.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    batch = queries(args.queries, random.Random(7))
    for name, url in (("SQLite", f"sqlite:///{path}"), ("PostgreSQL", fresh_postgres())):
        if url is None:
            continue
        upgrade(url)
        start = time.perf_counter()
        generate(engine_for(url), args.services, random.Random(42))
        print(f"{name}: {args.services} services generated in {time.perf_counter() - start:.0f} s")
        report(name, measure(engine_for(url), batch))


if __name__ == "__main__":
    main()
