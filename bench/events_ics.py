"""`make bench`: the time to write the public calendar's iCalendar file of 5,000 events.

The events are built in memory (a few hundred venues, one to ten days each, a third with
daily hours, a tenth yearly, descriptions in Vietnamese), then written by the function
the feed `/calendar/events.ics` uses (`cnvh.events.feeds.ics`), best of 3. The database
read behind the feed is one query with its venues joined, measured by `make load`.
Prints the size of the file and `ics of N events: X.XXX s`.
"""

import argparse
import os
import sys
import time
from datetime import date, timedelta
from datetime import time as clock
from decimal import Decimal

DEFAULT_EVENTS = 5_000
REPEATS = 3


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.events_ics", description=__doc__)
    parser.add_argument("--events", type=int, default=DEFAULT_EVENTS, help="events in the file")
    parser.add_argument("--repeats", type=int, default=REPEATS, help="runs, the best is shown")
    return parser.parse_args(argv)


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cnvh.settings")
    import django

    django.setup()


def events(count: int) -> list:
    """`count` published events, unsaved, each with its venue."""
    from cnvh.events.models import Event, Status, Venue

    venues = [
        Venue(
            pk=number,
            name=f"Nhà văn hóa số {number}",
            address=f"{number} phố Hàng Bài",
            latitude=Decimal("21.02") + Decimal(number) / 10_000,
            longitude=Decimal("105.85"),
        )
        for number in range(1, 301)
    ]
    first = date(2026, 1, 1)
    made = []
    for number in range(1, count + 1):
        starts = first + timedelta(days=number % 365)
        hours = number % 3 == 0
        made.append(
            Event(
                pk=number,
                title_vi=f"Đêm nhạc dân tộc số {number}",
                title_en=f"Traditional music night {number}",
                kind="performance",
                status=Status.PUBLISHED,
                venue=venues[number % len(venues)],
                starts_on=starts,
                ends_on=starts + timedelta(days=number % 10),
                starts_at=clock(19, 0) if hours else None,
                ends_at=clock(21, 30) if hours else None,
                recurs_yearly=number % 10 == 0,
                expected_attendance=500,
                sequence=1,
                description_vi="Các nghệ nhân biểu diễn ca trù, chèo và quan họ.",
                description_en="Artists perform ca trù, chèo and quan họ.",
            )
        )
    return made


def run(count: int, repeats: int) -> tuple[float, int]:
    """The best time of `repeats` runs, and the file's size in bytes."""
    from cnvh.events import feeds

    found = events(count)
    times, size = [], 0
    for _ in range(repeats):
        started = time.perf_counter()
        body = feeds.ics(found, lambda event: f"https://cnvh.example.vn/calendar/{event.pk}/")
        times.append(time.perf_counter() - started)
        size = len(body)
    return min(times), size


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    _setup()
    best, size = run(args.events, args.repeats)
    print(f"ics file of {args.events:,} events: {size / 2**20:.2f} MiB")
    print(f"ics of {args.events} events: {best:.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
