"""A lower-case name replaced in place: an identifier with one part swapped, or a word no dictionary lists."""

from __future__ import annotations

import pytest

from promptops.change_checks import compare_texts
from promptops.swapped_names import name_changes


@pytest.mark.parametrize(
    ("before", "after", "line"),
    [
        # identifiers of hyphenated or underscored parts
        (
            "Messages pile up on the orders-retry queue after midnight.",
            "Messages pile up on the invoices-retry queue after midnight.",
            "entity orders-retry → invoices-retry",
        ),
        (
            "Deploy the catalog_service image before the gateway.",
            "Deploy the checkout_service image before the gateway.",
            "entity catalog_service → checkout_service",
        ),
        (
            "The nightly job writes to the reports-archive bucket.",
            "The nightly job writes to the invoices-archive bucket.",
            "entity reports-archive → invoices-archive",
        ),
        # words no dictionary lists in lower case: tools, products, substances
        ("Run it with kubectl first.", "Run it with kubeadm first.", "entity kubectl → kubeadm"),
        ("Tests run under pytest in CI.", "Tests run under nosetests in CI.", "entity pytest → nosetests"),
    ],
)
def test_a_name_replaced_in_place_is_a_change(before: str, after: str, line: str) -> None:
    assert name_changes(before, after) == [line]
    assert line in [str(c) for c in compare_texts(before, after)]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # English compounds are said of something, not its name
        ("It is a well-known brand.", "It is a well-established brand."),
        ("It is a family-run hotel.", "It is a family-owned hotel."),
        ("Our kid-friendly menu is great.", "Our family-friendly menu is great."),
        ("Book a follow-up appointment.", "Book a check-up appointment."),
        ("It is a low-cost option.", "It is a low-price option."),
        ("Try the self-service kiosk.", "Try the self-checkout kiosk."),
        ("The walk is a time-consuming detour.", "The walk is a time-saving detour."),
        # spelling variants keep a dictionary word; an abbreviation is its word; an inflection is the same name
        ("The pushchair fits in the boot.", "The buggy fits in the boot."),
        ("Create a venv before installing.", "Create a virtualenv before installing."),
        ("Clone the repo and run the tests.", "Clone the repository and run the tests."),
        ("Set the colour of the header.", "Set the color of the header."),
        ("Check the payments-event topic.", "Check the payments-events topic."),
        # a name said elsewhere on the other side was not replaced
        ("Use kubectl, not helm.", "Use helm, not kubectl."),
    ],
)
def test_compounds_spellings_abbreviations_and_reorders_are_no_change(before: str, after: str) -> None:
    assert name_changes(before, after) == []


def test_a_count_in_a_compound_is_no_name() -> None:
    # "single" and "one" say one count: "single-core" is no identifier, whatever its other part
    assert name_changes("Run the benchmark on a single-core machine.", "Run the benchmark on a one-core machine.") == []
    assert compare_texts("The kit uses dual-band radios.", "The kit uses two-band radios.") == []


@pytest.mark.parametrize(
    ("before", "after", "line"),
    [
        (
            "To install the packages, run npm install in the project folder.",
            "To install the packages, run pnpm install in the project folder.",
            "entity npm → pnpm",
        ),
        (
            "To list the nodes, run kubectl get nodes -o wide and check the status column.",
            "To list the nodes, run oc get nodes and check the status column.",
            "entity kubectl → oc",
        ),
        (
            "To build the release, run mvn package -DskipTests and upload the jar.",
            "To build the release, run ./gradlew assemble and upload the jar.",
            "entity mvn → gradlew",
        ),
    ],
)
def test_a_command_run_with_another_program_is_a_change(before: str, after: str, line: str) -> None:
    assert name_changes(before, after) == [line]
    assert line in [c.detail for c in compare_texts(before, after)]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("Run mvn test to run the suite.", "To run the suite, run mvn test."),
        ("Run the tests with pytest.", "Run pytest to run the tests."),
        ("Run npm ci, then run the linter.", "Run npm ci and then run eslint."),
    ],
)
def test_the_same_program_or_no_program_is_no_change(before: str, after: str) -> None:
    assert name_changes(before, after) == []


@pytest.mark.parametrize(
    ("before", "after", "line"),
    [
        # a function called in prose is code, even when its name is an English word
        (
            "Read the value with peek(queue) and leave it in place.",
            "Read the value with pop(queue) and leave it in place.",
            "entity peek → pop",
        ),
        (
            "In the template, call format(price) before showing it.",
            "In the template, call round(price) before showing it.",
            "entity format → round",
        ),
    ],
)
def test_a_function_called_in_prose_replaced_is_a_change(before: str, after: str, line: str) -> None:
    assert name_changes(before, after) == [line]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # the function named in prose and in code, and a plural in brackets, which is no call
        ("Call peek(queue) to read the next item.", "Use the peek function, peek(queue), to read the next item."),
        ("List the author(s) on the cover page.", "List the writer(s) on the cover page."),
        (
            "Reading the value with peek(queue) leaves it in place.",
            "peek(queue) reads the value and leaves it in place.",
        ),
    ],
)
def test_a_function_said_again_or_a_bracketed_plural_is_no_change(before: str, after: str) -> None:
    assert name_changes(before, after) == []
    assert compare_texts(before, after) == []


@pytest.mark.parametrize(
    ("before", "after", "line"),
    [
        # a file name with another extension, a path that lost or gained its extension
        (
            "Upload invoice_march.pdf to the shared drive.",
            "Upload invoice_march.xlsx to the shared drive.",
            "entity invoice_march.pdf → invoice_march.xlsx",
        ),
        (
            "Load the weights from models/encoder.onnx at startup.",
            "Load the weights from models/encoder at startup.",
            "entity models/encoder.onnx → models/encoder",
        ),
        (
            "Source ~/.config/fish/aliases before the first run.",
            "Source ~/.config/fish/aliases.fish before the first run.",
            "entity ~/.config/fish/aliases → ~/.config/fish/aliases.fish",
        ),
    ],
)
def test_a_file_name_with_another_extension_is_a_change(before: str, after: str, line: str) -> None:
    assert name_changes(before, after) == [line]
    assert line in [str(c) for c in compare_texts(before, after)]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # one format spelled two ways, a name without its extension outside a path, a file said without its folder
        ("Keep the secrets in deploy/values.yaml only.", "Keep the secrets in deploy/values.yml only."),
        ("The cover photo is img/cover.jpeg for now.", "The cover photo is img/cover.jpg for now."),
        ("Read CHANGELOG.md before upgrading.", "Read the CHANGELOG before upgrading."),
        ("Edit nginx/site.conf and reload.", "Edit site.conf in the nginx folder and reload."),
    ],
)
def test_a_file_spelled_or_said_another_way_is_no_change(before: str, after: str) -> None:
    assert name_changes(before, after) == []


@pytest.mark.parametrize(
    ("before", "after", "line"),
    [
        # a stored collection is named by the plural noun of what it holds
        (
            "The report reads the invoices table and groups rows by month.",
            "The report reads the payments table and groups rows by month.",
            "entity invoices → payments",
        ),
        (
            "Failed jobs land in the refunds queue for a retry.",
            "Failed jobs land in the shipments queue for a retry.",
            "entity refunds → shipments",
        ),
        # a member of a module or object path, whatever its words
        (
            "Parse the timestamps with datetime.datetime.fromisoformat first.",
            "Parse the timestamps with datetime.datetime.strptime first.",
            "entity datetime.datetime.fromisoformat → datetime.datetime.strptime",
        ),
        (
            "Sort the rows by user.last_name before printing.",
            "Sort the rows by user.first_name before printing.",
            "entity user.last_name → user.first_name",
        ),
    ],
)
def test_a_stored_collection_or_a_member_replaced_in_place_is_a_change(before: str, after: str, line: str) -> None:
    assert line in name_changes(before, after)
    assert line in [str(c) for c in compare_texts(before, after)]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # an adjective before the collection describes it; an inflection or a file extension spelled another way is
        # the same name
        ("Copy the rows into the main table first.", "Copy the rows into the primary table first."),
        ("Copy the rows into the orders table first.", "Copy the rows into the order table first."),
        ("Load the settings from app.config.yaml at start.", "Load the settings from app.config.yml at start."),
    ],
)
def test_a_description_or_a_spelling_of_a_stored_name_is_no_change(before: str, after: str) -> None:
    assert name_changes(before, after) == []


@pytest.mark.parametrize(
    ("before", "after", "line"),
    [
        # a member of a two-part path, a namespace's function, an image reference and a file's path, replaced in place
        (
            "Combine the two frames with pd.merge on the customer key.",
            "Combine the two frames with pd.concat on the customer key.",
            "entity pd.merge → pd.concat",
        ),
        (
            "Call clojure.set/union on the two sets of tags before saving.",
            "Call clojure.set/difference on the two sets of tags before saving.",
            "entity clojure.set/union → clojure.set/difference",
        ),
        (
            "Fetch the chart image ghcr.io/acme/ingress:1.4 before the upgrade.",
            "Fetch the chart image registry.gitlab.com/acme/ingress:1.4 before the upgrade.",
            "entity ghcr.io/acme/ingress:1.4 → registry.gitlab.com/acme/ingress:1.4",
        ),
        (
            "Put the certificate in etc/nginx/certs.conf and reload the proxy.",
            "Put the certificate in etc/nginx/sites.conf and reload the proxy.",
            "entity etc/nginx/certs.conf → etc/nginx/sites.conf",
        ),
    ],
)
def test_a_reference_of_code_replaced_in_place_is_a_change(before: str, after: str, line: str) -> None:
    assert line in name_changes(before, after)
    assert line in [str(c) for c in compare_texts(before, after)]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # shortened or qualified at a joint, a trailing slash, numbers only (the number check's), an abbreviation
        (
            "Pull ghcr.io/acme/ingress:1.4 before the upgrade.",
            "Pull ingress:1.4 before the upgrade.",
        ),
        ("The guide lives at docs.acme.dev/cli for now.", "The guide lives at docs.acme.dev/cli/ for now."),
        ("Run the suite with python3.11 before release.", "Run the suite with python3.12 before release."),
        ("Pick a short key, e.g. the order date.", "Pick a short key, i.e. the order date."),
    ],
)
def test_a_reference_shortened_or_differing_in_numbers_is_no_name_change(before: str, after: str) -> None:
    assert name_changes(before, after) == []
