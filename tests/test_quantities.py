"""Amounts read from text: scales, multipliers, frequencies and intervals, compound durations, "always"."""

from __future__ import annotations

import pytest

from promptops import change_lexicon as lexicon
from promptops.change_checks import compare_texts
from promptops.quantities import extract_quantities


@pytest.mark.parametrize(
    ("text", "quantities"),
    [
        # magnitudes: a suffix or word scales the number; "m" is a million only after a currency
        ("1M requests, 400k GB-seconds", ["1000000", "400000 GB"]),
        ("$2.4m and €3bn", ["$2400000", "€3000000000"]),
        ("5 mn users, 7B parameters", ["5000000", "7000000000"]),
        ("a 5m cable", ["5 m"]),
        # multipliers and frequencies
        ("1.5x faster", ["1.5×"]),
        ("2x daily", ["2× per day"]),
        ("time and a half", ["1.5×"]),
        ("double time", ["2×"]),
        ("one and a half times faster", ["1.5×"]),
        # intervals and compound durations
        ("every 12 hours", ["every 12 hour"]),
        ("every other day", ["every 2 day"]),
        ("2 hours 30 minutes", ["2.5 hour"]),
        ("1 hour and 15 minutes", ["1.25 hour"]),
        ("5 days, 2 days", ["5 day", "2 day"]),
        ("two and a half days", ["2.5 day"]),
        # "always" is no amount
        ("open 24/7", []),
        ("open 24 hours a day, 7 days a week", []),
        ("365 days a year", []),
        # new units
        ("2 tbsp, 1 tsp, 1 cup", ["2 tbsp", "1 tsp", "1 cup"]),
        ("60 mph or 97 km/h", ["60 mph", "97 km/h"]),
        ("Step 2: Drain the pasta.", []),
    ],
)
def test_quantities_read_from_text(text: str, quantities: list[str]) -> None:
    assert [q.full for q in extract_quantities(text) if not q.implied] == quantities


@pytest.mark.parametrize(
    ("text", "implied"),
    [
        ("one in the morning and one in the evening", ["2× per day"]),
        ("with breakfast, lunch and dinner", ["3× per day"]),
        ("every day", ["every 1 day"]),
        ("prices doubled", ["2×"]),
        ("a couple of minutes", ["2"]),
        ("your first bag", ["#1"]),
        ("in the morning or in the evening", []),  # either, not both: no frequency
    ],
)
def test_loosely_said_quantities_are_implied(text: str, implied: list[str]) -> None:
    assert [q.full for q in extract_quantities(text) if q.implied] == implied


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("twice a day", "every 12 hours", True),
        ("once a week", "every 7 days", True),
        ("every 6 hours", "four times a day", True),
        ("twice a day", "every 6 hours", False),
        ("every 12 hours", "12 hours", True),  # an interval is also its duration
        ("1 cup", "250 ml", True),  # a metric cup
        ("1 cup", "240 ml", True),  # a US cup, rounded
        ("2 tsp", "2 tbsp", False),
    ],
)
def test_frequencies_intervals_and_units_compare_by_amount(a: str, b: str, same: bool) -> None:
    (qa,), (qb,) = extract_quantities(a), extract_quantities(b)
    assert qa.matches(qb) is same


@pytest.mark.parametrize(
    ("text", "quantities"),
    [
        # a share said in words is a percentage; "half a cup" and "half an hour" stay amounts
        ("half the price", ["50%"]),
        ("a quarter of the budget", ["25%"]),
        ("three quarters of the staff", ["75%"]),
        ("half a cup", ["0.5 cup"]),
        ("half an hour", ["0.5 hour"]),
        # "an hour and a half" is one duration, not an hour and a bare half
        ("an hour and a half", ["1.5 hour"]),
        ("a day and a half", ["1.5 day"]),
        # "half" before a word that is no unit takes a share of it, as "half the price" does
        ("tickets at half price", ["50%"]),
        ("half off the entry fee", ["50%"]),
        ("half an hour late", ["0.5 hour"]),
        ("a half hour", ["0.5 hour"]),
        ("at half past seven", []),
        # "quarter" before a unit of time is a quarter of it, as "half hour" is half; before any other word no amount
        ("billed per quarter hour of labour", ["0.25 hour"]),
        ("a quarter-hour stretch break", ["0.25 hour"]),
        ("sales dipped in the last quarter", []),
        # "a second" before a noun is one more of a series (implied), not a second of time
        ("wait a second before retrying", ["1 second"]),
        ("a second later it beeps", ["1 second"]),
        ("get a second person to help", []),
        # pressures and knots are units
        ("50 bar", ["50 bar"]),
        ("32 psi", ["32 psi"]),
        ("25 knots", ["25 knot"]),
    ],
)
def test_shares_article_durations_and_more_units(text: str, quantities: list[str]) -> None:
    assert [q.full for q in extract_quantities(text) if not q.implied] == quantities


def test_the_first_before_a_count_is_no_position() -> None:
    # "the first few days" says "the initial days"; "the first day" is a position
    assert [q.full for q in extract_quantities("sore in the first few days") if not q.implied] == []
    assert [q.full for q in extract_quantities("sore on the first day") if not q.implied] == ["#1"]


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("one lesson per week", "a lesson a week", True),  # "a week" may be the period
        ("two lessons per week", "a lesson a week", False),
        ("once a month", "a week", False),
        ("50 bar", "50 psi", False),
        ("2 bar", "29 psi", True),
        ("25 knots", "46 km/h", True),
        ("25 knots", "25 km/h", False),
    ],
)
def test_article_periods_and_new_units_compare_by_amount(a: str, b: str, same: bool) -> None:
    qa, qb = extract_quantities(a)[-1], extract_quantities(b)[-1]
    assert qa.matches(qb) is same


def test_a_second_before_a_noun_is_the_second_of_a_series() -> None:
    (second,) = extract_quantities("get a second person to help")
    assert second.implied and second.ordinal and second.value == 2
    (two,) = extract_quantities("it takes two people")
    assert second.matches(two)
    (hyphenated,) = extract_quantities("a half-price ticket")
    assert hyphenated.implied and hyphenated.full == "50%"


def test_a_period_adverb_alone_is_once_per_period() -> None:
    # "weekly" alone says "once a week": a counterpart of it, never a change of its own
    (weekly,) = extract_quantities("the hives are checked weekly")
    assert weekly.implied and weekly.full == "1× per week"
    assert weekly.matches(extract_quantities("check the hives once a week")[-1])
    assert weekly.matches(extract_quantities("check the hives every 7 days")[-1])
    assert not weekly.matches(extract_quantities("check the hives twice a week")[-1])
    assert not weekly.matches(extract_quantities("a trial of 7 days")[-1])  # a duration is no frequency
    # after a number it is that number's period
    assert [q.full for q in extract_quantities("twice weekly")] == ["2× per week"]


@pytest.mark.parametrize(
    ("text", "quantities"),
    [
        ("charge it from half to 80%", ["50%", "80%"]),
        ("about half.", ["50%"]),
        ("cut the price by half", ["50%"]),
        # an amount or a time before another word, as before
        ("half an hour", ["0.5 hour"]),
        ("half past seven", []),
        ("half the price", ["50%"]),
    ],
)
def test_half_alone_is_a_share(text: str, quantities: list[str]) -> None:
    assert [q.full for q in extract_quantities(text)] == quantities


def test_a_count_the_wording_already_says_is_implied() -> None:
    # "between" already says two; a range after it is counted as before
    (pair,) = extract_quantities("the teacher places students between two levels")
    assert pair.implied
    assert [q.implied for q in extract_quantities("allow between two and four days")] == [False, False]
    assert not extract_quantities("choose from two levels")[0].implied
    # a scale after a word that leaves its count open is as vague as "hundreds of"
    (vague,) = extract_quantities("the file shrinks by several hundred KB")
    assert vague.implied
    assert not extract_quantities("the file shrinks by two hundred KB")[0].implied


def test_an_age_group_in_the_plural_is_its_number() -> None:
    (under,) = extract_quantities("under-fives eat free")
    assert under.value == 5
    assert under.matches(extract_quantities("children under five eat free")[0])
    assert extract_quantities("the over-seventies discount")[0].value == 70
    assert not extract_quantities("an under-the-counter fridge")


def test_first_before_a_noun_the_text_also_calls_final_opens_a_series() -> None:
    (first,) = [q for q in extract_quantities("The first step downloads it and the final step installs it.")]
    assert first.implied and first.ordinal
    assert not extract_quantities("Go to the first floor.")[0].implied


def test_single_both_and_coordinated_ordinals_are_counts() -> None:
    (single,) = extract_quantities("it sends every file in a single request")
    assert single.implied and single.value == 1
    (both,) = extract_quantities("Leeds and York both open on Sundays")
    assert both.implied and both.value == 2
    (dual,) = extract_quantities("a dual-band router")
    assert dual.implied and dual.value == 2
    assert [q.full for q in extract_quantities("the second and ninth pages, the first, third or fifth rows")] == [
        "#2",
        "#9",
        "#1",
        "#3",
        "#5",
    ]
    assert [q.full for q in extract_quantities("the third seventh")] == ["#3"]


def test_a_count_with_its_period_as_the_subject_is_a_rate() -> None:
    (sweeps,) = extract_quantities("Two sweeps a year is what we recommend.")
    assert sweeps.frequency and sweeps.unit == "year"
    assert sweeps.matches(extract_quantities("twice a year")[0])
    # its period is the period of an amount per period too: "two a week" = "two rest days per week"
    (rests,) = extract_quantities("taking one or two a week is fine")[1:]
    assert rests.matches(extract_quantities("two rest days per week")[0])
    # "a day" before another noun is no period
    assert not extract_quantities("two tickets and a day pass")[0].frequency


def test_an_s_glued_to_a_number_is_seconds_unless_it_is_a_decade() -> None:
    (interval,) = extract_quantities("Set the health check interval to 30s.")
    assert interval.unit == "second"
    (timeout,) = extract_quantities("a timeout of 10s")
    assert timeout.matches(extract_quantities("a timeout of 10 seconds")[0])
    assert not timeout.matches(extract_quantities("a timeout of 10ms")[0])
    for decade in ("furniture from the 1960s", "people in their 20s", "music of the 80s", "in her mid-30s"):
        assert extract_quantities(decade)[0].unit is None, decade
    # "100s of" is a plural number, not seconds
    assert extract_quantities("100s of users")[0].unit is None
    # "under-8s" is an age group; "over 5s" a duration
    assert extract_quantities("Under-8s climb free.")[0].unit is None
    assert extract_quantities("builds that take over 5s")[0].unit == "second"


@pytest.mark.parametrize(
    ("said", "unit", "value"),
    [
        ("a quarter of an hour", "hour", 0.25),
        ("three quarters of an hour", "hour", 0.75),
        ("a quarter of a mile", "mile", 0.25),
        ("half a litre", "litre", 0.5),
    ],
)
def test_a_share_of_one_unit_is_an_amount_of_that_unit(said: str, unit: str, value: float) -> None:
    (amount,) = extract_quantities(f"Allow {said} for it.")
    assert (amount.value, amount.unit, amount.percent) == (value, lexicon.UNITS[unit], False)


def test_a_share_of_something_else_is_still_a_share() -> None:
    (share,) = extract_quantities("A quarter of the budget goes on rent.")
    assert share.percent and share.value == 25


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # a period said by its unit alone, after "the first", "the past", "the last", …, is one of that unit
        ("Keep the dressing dry for the first seven days.", "Keep the dressing dry for the first week."),
        ("Revenue grew 8% over the past twelve months.", "Revenue grew 8% over the past year."),
        ("The nurse visits daily for the first two weeks.", "The nurse visits every day for the first fortnight."),
        ("The ward was closed for the whole 24 hours.", "The ward was closed for the whole day."),
        # a word that is an amount of a unit: a decade is ten years, a century a hundred
        ("The lighthouse has stood empty for ten years.", "The lighthouse has stood empty for a decade."),
        ("The treaty held for over a hundred years.", "The treaty held for more than a century."),
        ("The archive covers the last 10 years.", "The archive covers the last decade."),
        ("Rents have doubled in two decades.", "Rents have doubled in 20 years."),
    ],
)
def test_a_period_said_by_its_unit_alone_is_one_of_it(before: str, after: str) -> None:
    assert [c.detail for c in compare_texts(before, after) if c.kind == "number"] == []


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("Keep the dressing dry for the first week.", "Keep the dressing dry for the first three weeks."),
        ("The lighthouse has stood empty for a decade.", "The lighthouse has stood empty for five years."),
        ("Rents have doubled in two decades.", "Rents have doubled in 12 years."),
        ("The archive covers the last 10 years.", "The archive covers the last century."),
    ],
)
def test_another_amount_than_a_period_said_by_its_unit_is_still_a_change(before: str, after: str) -> None:
    assert [c for c in compare_texts(before, after) if c.kind == "number"]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # the base of a rate ("per X", "a X", "/X" after an amount) changed: the same amount buys something else
        ("Kayak hire is $25 per paddler per day.", "Kayak hire is $25 per boat per day."),
        ("The caterer charges £18 per guest for the buffet.", "For the buffet, the caterer charges £18 per table."),
        ("Parking in the multi-storey costs $12 a day.", "Parking in the multi-storey costs $12 an hour."),
        ("Private tutoring is €40 an hour.", "Private tutoring is €40 a session."),
        ("Photocopying in the library costs 15p per page.", "Photocopying in the library costs 15p per document."),
        ("The team plan is $8/user.", "The team plan is $8/workspace."),
        ("Each tablet contains 5 mg per tablet of the active ingredient.", "It contains 5 mg per dose."),
    ],
)
def test_a_rate_with_another_base_is_a_change(before: str, after: str) -> None:
    assert [c for c in compare_texts(before, after) if c.kind == "number"]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # the same base said as "per X", "a X", "Xly", "/X", or left out on one side
        ("Parking in the multi-storey costs $12 per day.", "Parking in the multi-storey costs $12 a day."),
        ("Parking in the multi-storey costs $12 a day.", "Parking in the multi-storey costs $12 daily."),
        ("A double room is €90 per night.", "A double room is €90 a night."),
        ("The walking tour is $40 per person.", "The walking tour is $40 a head."),
        ("The walking tour is $40 per person.", "The walking tour costs $40 each."),
        ("The caterer charges £18 per guest.", "The caterer charges £18 for each guest."),
        ("Kayak hire is $25 per paddler per day.", "Kayak hire is $25 a day for each paddler."),
        ("Lockers cost $3 per additional hour.", "Lockers cost $3 for every extra hour."),
        ("Photocopying costs 15p per page.", "Photocopying costs fifteen pence per page."),
        ("The team plan is $8/user.", "The team plan is $8 per user."),
        ("Interest is 4 per cent a year.", "Interest is 4% per year."),
    ],
)
def test_a_rate_with_the_same_base_is_no_change(before: str, after: str) -> None:
    assert [c.detail for c in compare_texts(before, after) if c.kind == "number"] == []


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # an amount of money said in words, its minor unit after "and"
        ("The library fine is £12.50.", "The library fine is twelve pounds and fifty pence."),
        ("A bus ticket costs $3.75.", "A bus ticket costs three dollars and seventy-five cents."),
        ("A stamp costs 85p.", "A stamp costs eighty-five pence."),
    ],
)
def test_money_said_in_words_with_its_minor_unit_is_the_same_amount(before: str, after: str) -> None:
    assert [c.detail for c in compare_texts(before, after) if c.kind == "number"] == []


def test_money_said_in_words_with_another_minor_amount_is_a_change() -> None:
    changes = compare_texts("The library fine is £12.50.", "The library fine is twelve pounds and fifteen pence.")
    assert [c for c in changes if c.kind == "number"]


def test_a_video_resolution_is_no_pence() -> None:
    assert extract_quantities("Stream it in 1080p or 720p.") == []


@pytest.mark.parametrize(
    ("before", "after", "same"),
    [
        # power: horsepower against watts
        ("The outboard motor delivers 15 hp.", "The outboard motor delivers 15 kW.", False),
        ("A 100 hp engine.", "A 74.6 kW engine.", True),
        ("A 100 bhp engine.", "A 100 horsepower engine.", True),
    ],
)
def test_horsepower_is_a_unit_of_power(before: str, after: str, same: bool) -> None:
    changes = [c for c in compare_texts(before, after) if c.kind == "number"]
    assert (changes == []) == same


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # a period after a count, "a fortnight", is as often as "every two weeks"; "more than once" is at least twice
        ("Staff get one training day a fortnight.", "Staff get one training day every two weeks."),
        (
            "Retrying the upload twice won't duplicate the file.",
            "The file isn't duplicated if you retry more than once.",
        ),
    ],
)
def test_a_period_or_a_repetition_said_otherwise_is_no_change(before: str, after: str) -> None:
    assert [c.detail for c in compare_texts(before, after) if c.kind == "number"] == []


def test_a_period_after_a_count_against_another_interval_is_a_change() -> None:
    changes = compare_texts("Staff get one training day a week.", "Staff get one training day every two weeks.")
    assert [c for c in changes if c.kind == "number"]


@pytest.mark.parametrize(
    ("before", "after", "changed"),
    [
        # an ISO code of a currency before or after the amount, beyond the dollar, euro, pound, yen and rupee
        ("The museum ticket costs SEK 180.", "The museum ticket costs €180.", True),
        ("The transfer fee is CHF 35.", "The transfer fee is $35.", True),
        ("The museum ticket costs SEK 180.", "The museum ticket costs 180 SEK.", False),
        ("The transfer fee is CHF 35.", "The transfer fee is 35 Swiss francs.", False),
    ],
)
def test_an_iso_currency_code_names_its_currency(before: str, after: str, changed: bool) -> None:
    assert bool([c for c in compare_texts(before, after) if c.kind == "number"]) == changed


@pytest.mark.parametrize(
    ("before", "after", "changed"),
    [
        # a price for a group of people against a price per person of that group
        (
            "The boat charter is $300 per day for up to six people.",
            "For up to six people, the boat charter is $300 per person per day.",
            True,
        ),
        (
            "The cabin is $120 a night for up to four guests.",
            "For up to four guests, the cabin costs $120 per night.",
            False,
        ),
        ("Half board is €62 per person per night.", "Half board is €62 a night.", False),
        # an evening, like a night, comes once a day
        ("Pub quiz entry is £3 per evening for each team.", "Each team pays £3 a night to enter the quiz.", False),
        ("Pub quiz entry is £3 per evening for each team.", "Each team pays £3 a week to enter the quiz.", True),
    ],
)
def test_a_group_price_said_per_person_is_a_change(before: str, after: str, changed: bool) -> None:
    assert bool([c for c in compare_texts(before, after) if c.kind == "number"]) == changed


@pytest.mark.parametrize(
    ("before", "after", "changed"),
    [
        # an ordinal word after "a" or an adjective is the ordinal said as digits or after "the"
        (
            "Hiring a ninth waiter for the shift would leave nobody to train him.",
            "A 9th waiter would have nobody to train him.",
            False,
        ),
        (
            "If the patient misses the first infusion appointment, the nurse rebooks it.",
            "A missed first infusion appointment is rebooked by the nurse.",
            False,
        ),
        # still a change: another ordinal, or the ordinal said with no article on the other side
        (
            "Hiring a ninth waiter for the shift would leave nobody to train him.",
            "A 10th waiter would have nobody to train him.",
            True,
        ),
        (
            "Priya leads the first climb, with Omar as second climber.",
            "Omar leads the climb and Priya is the second climber.",
            True,
        ),
    ],
)
def test_an_ordinal_word_after_an_article_is_its_number(before: str, after: str, changed: bool) -> None:
    assert bool([c for c in compare_texts(before, after) if c.kind == "number"]) == changed


@pytest.mark.parametrize(
    ("before", "after", "changed"),
    [
        # "the first" of a series said as where the series starts
        (
            "Most puppies need four vaccinations, with the first at about eight weeks old.",
            "Plan on four vaccinations in total, starting at roughly eight weeks old.",
            False,
        ),
        (
            "The course has five lessons, the first on a Monday evening.",
            "The five-lesson course begins on a Monday evening.",
            False,
        ),
        # still a change: "the first" against another ordinal, or against nothing at all
        (
            "Most puppies need four vaccinations, with the first at about eight weeks old.",
            "Plan on four vaccinations, the second at roughly eight weeks old.",
            True,
        ),
        ("Only the first lesson is free.", "Lessons are free.", True),
    ],
)
def test_the_first_said_as_a_start_is_no_change(before: str, after: str, changed: bool) -> None:
    assert bool([c for c in compare_texts(before, after) if c.kind == "number"]) == changed


@pytest.mark.parametrize(
    ("before", "after", "changed"),
    [
        # a share said in words where it is read as none ("below a quarter when …") is the share the other side reads
        (
            "Recharge the scooter when the battery is below a quarter.",
            "Recharge the scooter once less than a quarter of its charge remains.",
            False,
        ),
        (
            "Water the seedlings when soil moisture drops below 25%.",
            "Water the seedlings once soil moisture is below a quarter.",
            False,
        ),
        # still a change: another share
        (
            "Recharge the scooter when the battery is below a quarter.",
            "Recharge the scooter once less than half of its charge remains.",
            True,
        ),
    ],
)
def test_a_share_said_in_words_is_its_percentage(before: str, after: str, changed: bool) -> None:
    assert bool([c for c in compare_texts(before, after) if c.kind == "number"]) == changed


@pytest.mark.parametrize(
    ("before", "after", "changed"),
    [
        # "at the first opportunity" says "as soon as possible": no place in a series
        (
            "Tell the landlord about any leak at the first opportunity.",
            "Tell the landlord about any leak as soon as you can.",
            False,
        ),
        ("Report the fault at the first available moment.", "Report the fault straight away.", False),
        # still a change: a number or another ordinal on the other side
        ("Submit the form at the first opportunity.", "Submit the form after the third reminder.", True),
        ("Apply the brake at the first chance you get.", "Apply the brake within two seconds.", True),
    ],
)
def test_the_first_opportunity_is_as_soon_as_possible(before: str, after: str, changed: bool) -> None:
    assert bool([c for c in compare_texts(before, after) if c.kind == "number"]) == changed


@pytest.mark.parametrize(
    ("before", "after", "changed"),
    [
        # a ratio is the share a fraction word says: "one in four" = "a quarter", "one in two" = "half"
        (
            "Roughly one in five seedlings fails to sprout in cold soil.",
            "About a fifth of the seedlings won't sprout if the soil is cold.",
            False,
        ),
        (
            "One in four survey replies came from students.",
            "A quarter of the survey replies came from students.",
            False,
        ),
        ("One in two visitors buy a ticket online.", "Half of the visitors buy a ticket online.", False),
        ("Two out of every three tenants renewed.", "Two thirds of tenants renewed.", False),
        ("Just 1 in 3 bulbs flowered.", "Only one-third of the bulbs flowered.", False),
        # still a change: another ratio, another share
        ("Roughly one in three seedlings fails to sprout.", "Roughly one in four seedlings fails to sprout.", True),
        ("One in four survey replies came from students.", "A third of the survey replies came from students.", True),
        ("Two thirds of tenants renewed.", "Three quarters of tenants renewed.", True),
        # the counted noun may stand between the two counts: "one patient in ten" = "one in ten patients" = 10%
        ("Only one applicant in ten is invited to interview.", "Only 10% of applicants get an interview.", False),
        ("Only one applicant in ten is invited to interview.", "Only 25% of applicants get an interview.", True),
    ],
)
def test_a_ratio_is_the_share_it_says(before: str, after: str, changed: bool) -> None:
    assert bool([c for c in compare_texts(before, after) if c.kind == "number"]) == changed


@pytest.mark.parametrize(
    ("text", "quantities"),
    [
        ("one in three days", ["1", "3 day"]),  # a time, no share
        ("a 2 in 1 charger", ["2", "1"]),  # no share of one
        ("a fifth of the budget", ["20%"]),
        ("the third of May", ["#3"]),  # an ordinal, no share
        ("one room in three hotels", ["1", "3"]),  # the second count counts a noun of its own
    ],
)
def test_what_is_no_ratio(text: str, quantities: list[str]) -> None:
    assert [q.full for q in extract_quantities(text)] == quantities


@pytest.mark.parametrize(
    ("before", "after", "changed"),
    [
        # a compound number in words joined by hyphens and "and" is one number
        ("Book a 150-seat hall for the gala.", "Book a one-hundred-and-fifty-seat hall for the gala.", False),
        ("The ferry carries 240 passengers.", "The ferry carries two-hundred-and-forty passengers.", False),
        ("The trail is 125 kilometres long.", "The trail is one-hundred-and-twenty-five kilometres long.", False),
        # still a change: another number in the same construction
        ("Book a one-hundred-and-fifty-seat hall.", "Book a one-hundred-and-seventy-seat hall.", True),
        ("The ferry carries 240 passengers.", "The ferry carries two-hundred-and-sixty passengers.", True),
    ],
)
def test_a_hyphenated_number_with_and_is_one_number(before: str, after: str, changed: bool) -> None:
    assert bool([c for c in compare_texts(before, after) if c.kind == "number"]) == changed


def test_a_recurring_share_is_shown_to_two_decimals_and_other_numbers_as_written() -> None:
    [third] = compare_texts("About one in three flights is cancelled.", "About one in four flights is cancelled.")
    assert str(third) == "number 33.33% → 25%"
    [fine] = compare_texts("The tolerance is 12.5625 mm.", "The tolerance is 12.5626 mm.")
    assert str(fine) == "number 12.5625 → 12.5626"


@pytest.mark.parametrize(
    ("text", "quantities"),
    [
        # a proper fraction of digits before what it is a share of is a share, as its words say
        ("Never prune more than 1/4 of the canopy.", ["25%"]),
        ("Fill it to 2/3 of its height.", ["66.67%"]),
        # no share: "24/7", a date, a fraction of an inch
        ("Open 24/7 for all members.", []),
        ("Due on 3/4/2025 for all.", ["3", "4", "2025"]),
        ("Drill 3/16 of an inch deep.", ["3", "16"]),
    ],
)
def test_a_fraction_of_digits_is_a_share(text: str, quantities: list[str]) -> None:
    assert [q.full for q in extract_quantities(text)] == quantities


def test_a_fraction_of_digits_says_what_its_words_say() -> None:
    assert (
        compare_texts("Never prune more than a quarter of the canopy.", "Never prune more than 1/4 of the canopy.")
        == []
    )
    details = [
        c.detail for c in compare_texts("Never prune more than a quarter of it.", "Never prune more than 1/3 of it.")
    ]
    assert details == ["number 25% → 33.33%"]


@pytest.mark.parametrize(
    ("before", "after", "details"),
    [
        # a count of a unit before its period is an amount per period, however the other side places the period
        ("The plan includes 5 free gigabytes per month.", "Each month comes with 5 gigabytes free.", []),
        (
            "The plan includes 5 free gigabytes per month.",
            "The plan includes 5 free gigabytes per week.",
            ["unit per month → per week"],
        ),
    ],
)
def test_a_count_of_a_unit_before_its_period_is_an_amount_per_period(
    before: str, after: str, details: list[str]
) -> None:
    assert [c.detail for c in compare_texts(before, after)] == details


@pytest.mark.parametrize(
    ("before", "after", "details"),
    [
        # a bare number pairs with its own twin, so it cannot stand for the number with a unit too
        (
            "The job reruns with delay=30, so the next run starts after 30 seconds.",
            "The job reruns with delay=30, so the next run starts after 30 minutes.",
            ["unit second → minute"],
        ),
        (
            "The job reruns with delay=30, so the next run starts after 30 seconds.",
            "The job reruns with delay=30, so the next run starts after 30.",
            [],
        ),
    ],
)
def test_a_bare_number_twin_is_no_counterpart_of_a_number_with_a_unit(
    before: str, after: str, details: list[str]
) -> None:
    assert [c.detail for c in compare_texts(before, after)] == details


@pytest.mark.parametrize(
    ("before", "after", "details"),
    [
        # a count of things is no amount of a unit of size or data
        ("The cache holds up to 500 entries.", "The cache holds up to 500 MB.", ["unit entries → MB"]),
        ("Each crate carries 40 bottles.", "Each crate carries 40 kg.", ["unit bottles → kg"]),
        # things often come one per unit of time
        ("You can spread the fee over 12 months.", "You can spread the fee over 12 instalments.", []),
    ],
)
def test_a_count_of_things_against_an_amount_of_a_unit_is_a_change(before: str, after: str, details: list[str]) -> None:
    assert [c.detail for c in compare_texts(before, after)] == details


@pytest.mark.parametrize(
    ("before", "after", "details"),
    [
        # a bare ordinal word before the plural noun it ranks
        (
            "The reading club is open to third graders.",
            "The reading club is open to fifth graders.",
            ["number #3 → #5"],
        ),
        ("The reading club is open to third graders.", "Third graders can join the reading club.", []),
        # "third parties" are outsiders, and "a third" is a share
        ("We never sell your data to third parties.", "We never sell your data to other companies.", []),
        ("A third of the seats are reserved.", "One third of the seats are reserved.", []),
    ],
)
def test_a_bare_ordinal_word_before_a_plural_noun_ranks_it(before: str, after: str, details: list[str]) -> None:
    assert [c.detail for c in compare_texts(before, after)] == details


@pytest.mark.parametrize(
    ("before", "after", "changed"),
    [
        # "N X for every one Y": "one" counts Y as "1" does, not a pronoun
        ("Mix 4 parts sand for every 1 part cement.", "Mix four parts sand for every one part cement.", False),
        ("Mix 4 parts sand for every 1 part cement.", "Mix four parts sand for every two parts cement.", True),
        # no count before, or a verb after: "one" stands for a noun
        ("We donate a book for every one sold.", "We donate a book for each copy sold.", False),
        ("Two members vote for every one that abstains.", "Two members vote for each member who abstains.", False),
    ],
)
def test_one_in_a_for_every_ratio_is_a_count(before: str, after: str, changed: bool) -> None:
    assert bool([c for c in compare_texts(before, after) if c.kind == "number"]) == changed


@pytest.mark.parametrize(
    ("before", "after", "same"),
    [
        # micro-units, a millionth: the micro sign (U+00B5) and the Greek mu (U+03BC) are both in use
        ("The dose is 200 mg of vitamin D.", "The dose is 200 \u00b5g of vitamin D.", False),
        ("The dose is 200 mg of vitamin D.", "The dose is 200 \u03bcg of vitamin D.", False),
        ("A lookup takes 80 ms on average.", "A lookup takes 80 \u00b5s on average.", False),
        ("A lookup takes 80 ms on average.", "A lookup takes 80us on average.", False),
        ("The filter stops particles of 5 mm.", "The filter stops particles of 5 \u03bcm.", False),
        ("A lookup takes 80 \u00b5s on average.", "A lookup takes 80 \u03bcs on average.", True),
        ("Take 400 mcg of folic acid daily.", "Take 400 \u00b5g of folic acid daily.", True),
        ("A lookup takes 2 ms on average.", "A lookup takes 2000 microseconds on average.", True),
        ("Split the bill between the 3 of us.", "Split the bill between the 3 of us now.", True),
    ],
)
def test_micro_units_are_millionths(before: str, after: str, same: bool) -> None:
    changes = [c for c in compare_texts(before, after) if c.kind == "number"]
    assert (changes == []) == same
