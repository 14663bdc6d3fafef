"""Compensation statements for 10,000 households under each real scheme (goal: under one second in total).

Loads the three real schemes (compensation/scheme_data.py) into a throwaway database, reads each version back
as the calculator reads it, makes --households synthetic households (a fixed seed: storeys, titles, options,
signing days, groups, shops, land and attachments in proportions like a survey's), and times computing every
household's statement under its chosen option, as an export does (inside ``calculator.batch()``, which pauses
Python's cyclic garbage collector) and also one by one with the collector running; then the three-option comparison
of every household in a batch. Prints the median and the best of --runs runs, and a calibration of the machine's
speed.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python bench/bench_compensation.py
"""

import argparse
import random
import statistics
import time
from decimal import Decimal

from harness import calibration_ms, throwaway_database  # first: it sets Django up

# isort: split
from compensation import calculator as c
from compensation import scheme_data


def households(count, scheme, seed=20211):
    """Synthetic households with the facts the scheme reads."""
    rng = random.Random(seed)
    structures = sorted({s for rule in scheme.rules for s in rule.conditions.structures}) or [""]
    items = [rule.code for rule in scheme.rules if rule.basis == c.ITEM]
    made = []
    for _ in range(count):
        storey_count = rng.choice((1, 1, 2, 2, 3))
        structure = rng.choice(structures)
        storeys = tuple(
            c.Storey(number, Decimal(rng.randrange(4000, 15000)) / 100, structure)
            for number in range(1, storey_count + 1)
        )
        area = sum(storey.area for storey in storeys)
        option = rng.choice(scheme.options)
        shop = rng.random() < 0.1
        made.append(
            c.HouseholdFacts(
                option=option,
                storeys=storeys,
                title_status=rng.choice((c.LEGAL, c.LEGAL, c.LEGAL, c.NO_CERTIFICATE)),
                use=c.NON_RESIDENTIAL if shop else c.RESIDENTIAL,
                non_residential_area=Decimal(rng.randrange(20, 200)) if shop else Decimal(0),
                appraised_non_residential=Decimal(rng.randrange(100000, 900000)) if shop else Decimal(0),
                licence_before_notice=shop,
                registered_staff=rng.randrange(0, 6) if shop else 0,
                monthly_wage=Decimal(rng.randrange(2000, 5000)),
                annual_tax=Decimal(rng.randrange(0, 80000)),
                stoppage=c.FULL if shop else "",
                homestead_area=area + Decimal(rng.randrange(0, 200)),
                homestead_far_area=Decimal(rng.randrange(0, 30)),
                appraised_house=area * Decimal(rng.randrange(2500, 4000)),
                appraised_attachments=Decimal(rng.randrange(0, 50000)),
                appraised_decoration=Decimal(rng.randrange(0, 80000)),
                basement_area=Decimal(rng.choice((0, 0, 0, 30))),
                basement_height=Decimal(rng.choice(("1.9", "2.2", "2.6"))),
                land_mu={"farmland": Decimal(rng.randrange(0, 300)) / 100},
                items={code: Decimal(rng.randrange(1, 6)) for code in rng.sample(items, min(len(items), 4))},
                wished_area=area * Decimal("1.2") + rng.randrange(-20, 30) if option != c.CASH else None,
                agreed_transition_months=Decimal(rng.choice((12, 18, 24))),
                signing_day=rng.randrange(1, 45),
                group_households=rng.choice((0, 0, 0, 5, 12)),
                group_days=rng.randrange(1, 15),
            )
        )
    return made


def timings_ms(action, runs):
    """Median and best of the runs: the machine is shared, so the best shows the code, the median the day."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), min(times)


def measure_statements(count=10_000, runs=5):
    """For each real scheme, loaded unless the database has it: (document number, rules, then median / best ms of
    statements in a batch, one by one with the collector on, comparisons in a batch, and the total in 元)."""
    from compensation.models import SchemeVersion
    from demo import compensation as demo
    from demo import data as demo_data
    from org import services as org_services
    from org.models import Organisation

    # The schemes belong to the demo county's projects.
    if not Organisation.objects.filter(kind=Organisation.Kind.COUNTY, short_name="兴县").exists():
        org_services.create_county(name=demo_data.COUNTY["name"], short_name=demo_data.COUNTY["short_name"])
    demo.load_demo()
    rows = []
    for number in (scheme_data.SANQI, scheme_data.ERQI_ADJUSTMENT, scheme_data.GUXIAN):
        version = SchemeVersion.objects.get(document_number=number)
        scheme = version.calculator_scheme()
        facts = households(count, scheme)

        def statements(scheme=scheme, facts=facts):
            compiled = c.compile_scheme(scheme)
            with c.batch():
                return [compiled.statement(household) for household in facts]

        def one_by_one(scheme=scheme, facts=facts):
            compiled = c.compile_scheme(scheme)
            return [compiled.statement(household) for household in facts]

        def comparisons(scheme=scheme, facts=facts):
            compiled = c.compile_scheme(scheme)
            with c.batch():
                return [compiled.compare(household) for household in facts]

        total = sum(statement.rounded_total for statement in statements())
        rows.append(
            (
                number,
                len(scheme.rules),
                timings_ms(statements, runs),
                timings_ms(one_by_one, runs),
                timings_ms(comparisons, runs),
                total,
            )
        )
    return rows


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--households", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()

    with throwaway_database():
        print(f"{options.households:,} households, median / best of {options.runs} runs")
        print(f"calibration: 10,000,000 empty loop turns in {calibration_ms():.0f} ms")
        print(
            "| scheme | rules | statements in a batch ms | statements one by one, collector on ms "
            "| comparisons (every option) in a batch ms | total 元 |"
        )
        print("|---|---:|---:|---:|---:|---:|")
        for number, rules, batch, one_by_one, comparisons, total in measure_statements(
            options.households, options.runs
        ):
            print(
                f"| {number} | {rules} | {batch[0]:.1f} / {batch[1]:.1f} | {one_by_one[0]:.1f} / {one_by_one[1]:.1f} "
                f"| {comparisons[0]:.1f} / {comparisons[1]:.1f} | {total:,} |"
            )


if __name__ == "__main__":
    main()
