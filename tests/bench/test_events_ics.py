"""The .ics benchmark on a few events: it runs and says what it measured. No timing is
asserted here; speed is measured only by `make bench`."""

from icalendar import Calendar

from bench import events_ics
from cnvh.events import feeds


def test_the_benchmark_prints_its_figures(capsys: object) -> None:
    assert events_ics.main(["--events", "30", "--repeats", "1"]) == 0
    lines = capsys.readouterr().out.splitlines()  # type: ignore[attr-defined]
    assert lines[0].startswith("ics file of 30 events: ")
    assert lines[1].startswith("ics of 30 events: ") and lines[1].endswith(" s")


def test_the_benchmarks_events_make_a_valid_calendar() -> None:
    made = events_ics.events(30)
    calendar = Calendar.from_ical(feeds.ics(made, lambda event: f"https://x/{event.pk}/"))
    entries = calendar.walk("VEVENT")
    assert len(entries) == 30
    # Every third event has daily hours; one-day ones among them are timed.
    assert sum(1 for event in made if event.starts_at) == 10
