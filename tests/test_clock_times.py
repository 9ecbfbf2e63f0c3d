"""Clock times: "7:30 p.m." = "half past seven in the evening" = "19:30"; am or pm unsaid matches either."""

from __future__ import annotations

import pytest

from promptops.clock_times import find_clock_times, parts_of_day


@pytest.mark.parametrize(
    ("text", "times"),
    [
        ("Doors open at 7:30 p.m.", ["7:30 pm"]),
        ("Doors open at 7:30pm.", ["7:30 pm"]),
        ("Doors open at 7.30 PM.", ["7:30 pm"]),
        ("The call is at 19:30.", ["7:30 pm"]),
        ("The call is at 07:30.", ["7:30 am"]),  # a leading zero is 24-hour notation
        ("The call is at 7:30.", ["7:30"]),  # am or pm unsaid
        ("It starts at 8 p.m. and ends at 10pm", ["8:00 pm", "10:00 pm"]),
        ("Open 9am–5pm.", ["9:00 am", "5:00 pm"]),
        ("at half past seven in the evening", ["7:30 pm"]),
        ("at quarter past seven", ["7:15"]),
        ("at a quarter to eight", ["7:45"]),
        ("at ten past six in the morning", ["6:10 am"]),
        ("at 20 minutes past 9", ["9:20"]),
        ("at seven o'clock", ["7:00"]),
        ("at nine o’clock in the morning", ["9:00 am"]),
        ("at seven in the evening", ["7:00 pm"]),
        ("at seven thirty", ["7:30"]),
        ("at noon, at midday, at midnight, at 12 noon", ["12:00 pm", "12:00 pm", "12:00 am", "12:00 pm"]),
        ("at 12 pm and 12 a.m.", ["12:00 pm", "12:00 am"]),
        ("The backup runs at 23:15:00.", ["11:15 pm"]),
    ],
)
def test_clock_times_are_found_in_their_common_spellings(text: str, times: list[str]) -> None:
    assert [t.text for t in find_clock_times(text)] == times


@pytest.mark.parametrize(
    "text",
    [
        "a 16:9 screen",  # a ratio: minutes are two digits
        "It takes 5 to 10 days.",
        "five to ten days",
        "between 30 and 40 people",
        "I am at 8.5 out of 10.",
        "a 1.30 kg bag",
        "Wait 2 minutes before 5 retries.",
        "at eight",  # a bare hour is a time or a count: the number check reads it
    ],
)
def test_numbers_that_are_not_clock_times(text: str) -> None:
    assert find_clock_times(text) == []


def test_a_time_without_am_or_pm_matches_either_half_of_the_day() -> None:
    (evening,) = find_clock_times("at 7:30 p.m.")
    (morning,) = find_clock_times("at 7:30 a.m.")
    (unsaid,) = find_clock_times("at half past seven")
    assert unsaid.matches(evening) and unsaid.matches(morning) and evening.matches(unsaid)
    assert not evening.matches(morning)
    assert evening.minutes == 19 * 60 + 30


def test_the_hours_a_bare_number_may_name() -> None:
    (eight_pm,) = find_clock_times("at 8 p.m.")
    (eight,) = find_clock_times("at eight o'clock")
    (half_past,) = find_clock_times("at 7:30 p.m.")
    assert eight_pm.hours == (8, 20)
    assert eight.hours == (8, 20)
    assert half_past.hours == ()  # not on the hour: "at seven" is another time


@pytest.mark.parametrize(
    ("text", "times"),
    [
        # a bare hour with a part of the day is a time only after "at", "by", "from", …; else it counts
        ("one in the morning and one in the evening", []),
        ("at one in the morning", ["1:00 am"]),
        ("seven pm", ["7:00 pm"]),
    ],
)
def test_a_bare_hour_before_a_part_of_the_day(text: str, times: list[str]) -> None:
    assert [t.text for t in find_clock_times(text)] == times


@pytest.mark.parametrize(
    ("text", "part", "inside"),
    [
        ("at noon", "afternoon", True),
        ("at noon", "morning", True),  # "before noon" is the morning
        ("at 9 am", "morning", True),
        ("at 10 pm", "night", True),
        ("at 3 pm", "morning", False),
        ("at 3:00", "afternoon", True),  # am or pm unsaid: either half of the day
    ],
)
def test_a_time_within_a_part_of_the_day(text: str, part: str, inside: bool) -> None:
    (time,) = find_clock_times(text)
    assert time.within(part) is inside


def test_parts_of_day_named_outside_clock_times() -> None:
    assert parts_of_day("Cloud thickens through the afternoon; showers at 4 in the evening.") == {"afternoon"}
