"""Content files: what a facility manager is told when a file is wrong."""

from __future__ import annotations

import copy

import pytest
import yaml

from kiosk.content import ContentError, dump_yaml, parse_yaml
from kiosk.content.loader import validate
from tests.conftest import DEMO, ROOT


def demo_data() -> dict:
    return yaml.safe_load(DEMO.read_text(encoding="utf-8"))


def problems_of(data: dict) -> list[str]:
    with pytest.raises(ContentError) as caught:
        validate(data, "demo.yaml")
    return caught.value.problems


def test_demo_and_template_are_valid() -> None:
    for name in ("demo.yaml", "template.yaml"):
        content = parse_yaml((ROOT / "content" / name).read_text(encoding="utf-8"))
        assert content.locations


def test_impossible_time_names_the_exact_field() -> None:
    text = DEMO.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    data["locations"]["main"]["hours"]["tuesday"][1]["end"] = "25:00"
    assert problems_of(data) == [
        'locations.main.hours.tuesday[1].end: "25:00" is not a time of day '
        "(use HH:MM, 00:00 to 23:59)"
    ]


def test_unquoted_times_in_yaml_are_read_as_times() -> None:
    # YAML 1.1 would read 09:00 as the number 540; a manager should not need quotes.
    text = DEMO.read_text(encoding="utf-8").replace('"09:00"', "09:00")
    content = parse_yaml(text)
    assert content.locations["main"].hours.monday[0].start.hour == 9


def test_missing_kazakh_text_names_the_language() -> None:
    data = demo_data()
    del data["locations"]["main"]["name"]["kk"]
    assert problems_of(data) == ["locations.main.name: Kazakh text (kk) is required"]


def test_empty_russian_text_names_the_language() -> None:
    data = demo_data()
    data["locations"]["reception"]["appeals"]["channels"][0]["title"]["ru"] = "  "
    assert problems_of(data) == [
        "locations.reception.appeals.channels[0].title: Russian text (ru) is required"
    ]


def test_english_is_optional() -> None:
    data = demo_data()
    del data["locations"]["main"]["name"]["en"]
    assert validate(data).locations["main"].name.en is None


def test_every_fault_is_reported_at_once() -> None:
    data = demo_data()
    data["locations"]["main"]["hours"]["monday"][0]["start"] = "9"
    data["locations"]["main"]["contacts"]["email"] = "not-an-address"
    data["locations"]["main"]["colour"] = "blue"
    problems = problems_of(data)
    assert len(problems) == 3
    assert any(p.startswith("locations.main.colour: is not a known field") for p in problems)
    assert any(p.startswith('locations.main.contacts.email: "not-an-address"') for p in problems)


def test_overlapping_periods_are_refused() -> None:
    data = demo_data()
    data["locations"]["main"]["hours"]["monday"] = [
        {"start": "09:00", "end": "14:00"}, {"start": "13:00", "end": "18:00"}]
    assert problems_of(data) == [
        "locations.main.hours.monday: periods overlap or are out of order: "
        "09:00-14:00 and 13:00-18:00"
    ]


def test_period_ending_before_it_starts_is_refused() -> None:
    data = demo_data()
    data["locations"]["main"]["hours"]["friday"] = [{"start": "18:00", "end": "09:00"}]
    assert problems_of(data) == [
        "locations.main.hours.friday[0]: ends at 09:00 but starts at 18:00: "
        "the end must be later than the start"
    ]


def test_announcement_window_must_be_ordered() -> None:
    data = demo_data()
    item = data["locations"]["main"]["announcements"][0]
    item["display_until"] = "2020-01-01"
    (problem,) = problems_of(data)
    assert problem.startswith("locations.main.announcements[0]: display_until 2020-01-01 is before")


def test_unknown_default_location_lists_the_known_ones() -> None:
    data = demo_data()
    data["default_location"] = "annex"
    assert problems_of(data) == [
        '(top level): default_location "annex" is not one of the locations (main, reception)'
    ]


def test_broken_yaml_says_where() -> None:
    with pytest.raises(ContentError) as caught:
        parse_yaml("organisation:\n  id: [unclosed\n", "broken.yaml")
    (problem,) = caught.value.problems
    assert problem.startswith("line 3, column 1: not valid YAML")


def test_export_round_trip_is_lossless(demo_content) -> None:
    again = parse_yaml(dump_yaml(demo_content))
    assert again == demo_content


def test_published_schema_is_current() -> None:
    import json

    from kiosk.content.schema import json_schema

    published = json.loads((ROOT / "content" / "schema.json").read_text(encoding="utf-8"))
    assert published == json_schema(), "run 'make schema' and commit content/schema.json"


def test_a_deep_copy_of_demo_data_validates() -> None:
    assert validate(copy.deepcopy(demo_data())).organisation.id == "koktal-akimat"


def test_faults_in_a_file_name_their_line() -> None:
    text = DEMO.read_text(encoding="utf-8")
    broken = text.replace('end: "18:30"', 'end: "25:00"', 1)
    line = next(i for i, row in enumerate(broken.splitlines(), 1) if '"25:00"' in row)
    with pytest.raises(ContentError) as caught:
        parse_yaml(broken, "demo.yaml")
    (problem,) = caught.value.problems
    assert problem.startswith(f"line {line}: locations.main.hours.")
    assert problem.endswith('.end: "25:00" is not a time of day (use HH:MM, 00:00 to 23:59)')


def test_a_phone_number_read_as_a_number_is_refused() -> None:
    data = demo_data()
    data["locations"]["main"]["contacts"]["phones"] = [77270001234]
    (problem,) = problems_of(data)
    assert problem.startswith("locations.main.contacts.phones[0]: 77270001234 was read as a "
                              "number")
    data["locations"]["main"]["appeals"]["channels"][3]["phone"] = 1414  # short numbers are fine
    data["locations"]["main"]["contacts"]["phones"] = ["+7 727 000 12 34"]
    assert validate(data).locations["main"].appeals.channels[3].phone == "1414"


def test_duplicate_announcement_ids_are_refused() -> None:
    data = demo_data()
    items = data["locations"]["main"]["announcements"]
    items.append(copy.deepcopy(items[0]))
    (problem,) = problems_of(data)
    assert problem.startswith(f'locations.main.announcements: announcement id "{items[0]["id"]}"'
                              " is used twice")


@pytest.mark.parametrize(("change", "expected"), [
    (lambda d: d["locations"]["main"]["announcements"][0].update(display_from="11.12.2026"),
     'display_from: "11.12.2026" is not a date (use YYYY-MM-DD, e.g. 2026-12-31)'),
    (lambda d: d["locations"]["main"]["contacts"].update(phones="+7 727 000 12 34"),
     'contacts.phones: expected a list: write each item on its own line starting with "- "'),
    (lambda d: d["locations"]["main"]["hours"].update(pre_holiday_shortening_minutes=300),
     "pre_holiday_shortening_minutes: 300 is too large: at most 240"),
    (lambda d: d["locations"]["main"]["hours"]["monday"][0].update(start=9.0),
     'start: 9.0 is not a time of day: write times with a colon, e.g. "09:00"'),
])
def test_messages_speak_plainly(change, expected) -> None:
    data = demo_data()
    change(data)
    (problem,) = problems_of(data)
    assert problem.endswith(expected), problem


def test_yaml_mistakes_get_a_hint() -> None:
    with pytest.raises(ContentError) as caught:
        parse_yaml("organisation:\n  name:\n    kk: Әкімдік: бөлім\n", "x.yaml")
    assert "must be put in quotes" in caught.value.problems[0]
