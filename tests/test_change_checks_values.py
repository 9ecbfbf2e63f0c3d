"""Numbers, units and literal values: a unit of another prefix on the same base unit, a quoted value or a file name
replaced in its slot, and numbers that the wording around them already says (a count of the items coordinated before
it or listed in the next sentence, the pair a relation needs, a rate's period, a "one" closing a sentence after "at",
an ordinal joined to its noun, "several times")."""

from __future__ import annotations

import pytest

from promptops.change_checks import compare_texts
from promptops.literal_values import literal_changes


def _details(before: str, after: str) -> list[str]:
    return [c.detail for c in compare_texts(before, after)]


def _numbers(before: str, after: str) -> list[str]:
    return [c.detail for c in compare_texts(before, after) if c.kind == "number"]


@pytest.mark.parametrize(
    ("before", "after", "line"),
    [
        ("The heat pump draws 3 kW at full load.", "The heat pump draws 3 MW at full load.", "unit kW → MW"),
        ("Top the glass up with 25 cl of tonic.", "Top the glass up with 25 ml of tonic.", "unit cl → ml"),
        (
            "The office line is rated at 20 megabits per second.",
            "The office line is rated at 20 megabytes per second.",
            "unit Mbps → MB",
        ),
        ("The archive tier holds 2 PB of scans.", "The archive tier holds 2 TB of scans.", "unit PB → TB"),
        ("The charger supplies 500 mA over USB.", "The charger supplies 500 amps over USB.", "unit mA → A"),
        ("Use a 9 V supply for the pedal.", "Use a 9 kV supply for the pedal.", "unit V → kV"),
    ],
)
def test_a_unit_with_another_prefix_on_the_same_base_unit_is_a_change(before: str, after: str, line: str) -> None:
    assert line in _numbers(before, after)


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("The home battery stores 13.5 kWh.", "The home battery stores 13.5 kilowatt-hours."),
        ("Each turbine is rated at 2 MW.", "Each turbine is rated at 2,000 kW."),
        ("A standard wine bottle is 75 cl.", "A standard wine bottle is 750 ml."),
        ("The drive writes 200 MB/s.", "The drive writes 200 megabytes per second."),
        ("The fibre plan gives 100 megabits per second.", "The fibre plan gives 100 Mbps."),
    ],
)
def test_the_same_amount_with_another_prefix_is_no_change(before: str, after: str) -> None:
    assert _numbers(before, after) == []


@pytest.mark.parametrize(
    ("before", "after", "line"),
    [
        (
            "Set the log level to 'warning' in the service file, then restart it.",
            "Set the log level to 'debug' in the service file, then restart it.",
            "value 'warning' → 'debug'",
        ),
        (
            'The bucket policy grants read access to the group "auditors" only.',
            'The bucket policy grants read access to the group "contractors" only.',
            "value 'auditors' → 'contractors'",
        ),
        (
            "The cron schedule is defined in jobs.yaml, next to the Dockerfile.",
            "The cron schedule is defined in tasks.toml, next to the Dockerfile.",
            "file jobs.yaml → tasks.toml",
        ),
    ],
)
def test_a_literal_value_replaced_in_its_slot_is_a_change(before: str, after: str, line: str) -> None:
    assert line in _details(before, after)


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # the value moved: no slot to compare, and it is said on both sides anyway
        ("Set the log level to 'warning' in the service file.", "In the service file, the level should be 'warning'."),
        ("Edit settings.py to register the app.", "Register the app in settings.py."),
        # the other side still says the old value elsewhere
        (
            "Tag the image 'stable' and keep 'latest' for nightly builds.",
            "Tag the image 'latest' for nightly builds, and 'stable' for releases.",
        ),
        # a value that is a word inside the other's word is no proof it was kept; an extension-only change is not this
        # check's ("notes.txt" → "notes.csv")
        ("Export the results to notes.txt first.", "Export the results to notes.csv first."),
        # a quoted value inside inline code is the code check's
        ("Pin it with `gem 'rack-cors'` in the Gemfile.", "Pin it with `gem 'rack-attack'` in the Gemfile."),
        # a label's value after a colon is the label check's
        ("Status: 'open'", "Status: 'closed'"),
    ],
)
def test_a_literal_kept_moved_or_read_by_another_check_is_no_value_change(before: str, after: str) -> None:
    assert literal_changes(before, after) == []


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # the coordination before the count is what it counts
        (
            "You can run lint and test as separate jobs in the same pipeline.",
            "Lint and test can be set up as two separate jobs of one pipeline.",
        ),
        ("Leeds and York are northern cities on the route.", "Leeds and York, two northern cities, are on the route."),
        # a count closing its sentence counts the items the next sentence parts with semicolons
        (
            "By train the trip takes 3 hours, and by coach it takes 5 hours.",
            "There are two routes. By train, it takes 3 hours; by coach, it takes 5 hours.",
        ),
        # a relation between two things needs two of them
        ("The tool reports whether the checksums match.", "The tool reports whether two checksums match."),
        ("A clash is flagged when bookings overlap.", "A clash is flagged when two bookings overlap."),
        ("Use diff to compare files.", "Use diff to compare two files."),
        # the "a week" of a count's rate is its period, no duration of its own
        (
            "The camp price covers three climbing sessions a week, all meals and a bunk.",
            "Climbing three times weekly, every meal and a bunk are covered by the camp price.",
        ),
        # a "one" closing the text after "at" or "from" is the number
        ("Seat numbers start at 1.", "Seat numbering starts at one."),
        # an ordinal joined to what it ranks says what "the first year" says
        ("The grant covers first-year tuition.", "The grant covers tuition for the first year."),
        # "several times" says how often, no plural of things that "one" would count against
        (
            "The script parses the same config file several times.",
            "The script keeps re-reading one config file over and over.",
        ),
    ],
)
def test_a_number_the_wording_around_it_already_says_is_no_change(before: str, after: str) -> None:
    assert _numbers(before, after) == []


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (
            "You can run lint and test as separate jobs in the same pipeline.",
            "Lint and test can be set up as three separate jobs of one pipeline.",
        ),
        (
            "By train the trip takes 3 hours, and by coach it takes 5 hours.",
            "There are four routes. By train, it takes 3 hours; by coach, it takes 5 hours.",
        ),
        ("The tool reports whether two checksums match.", "The tool reports whether three checksums match."),
        ("Pick two colours that match.", "Pick colours that match."),
        ("Seat numbers start at 1.", "Seat numbering starts at zero."),
        ("The grant covers tuition for the first year.", "The grant covers second-year tuition."),
    ],
)
def test_a_number_changed_around_the_wording_that_implies_it_is_flagged(before: str, after: str) -> None:
    assert _numbers(before, after) != []
