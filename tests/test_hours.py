"""Business hours as a visitor meets them, against the real Kazakhstan holiday calendar."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import holidays
import pytest

from kiosk.content.model import DateException, Hours, Period, Text
from kiosk.hours import (
    DayKind,
    HolidayCalendar,
    day_schedule,
    special_days,
    status_at,
    week_schedule,
)
from kiosk.hours.names import russian_name

ALMATY = ZoneInfo("Asia/Almaty")
MOSCOW = ZoneInfo("Europe/Moscow")
CALENDAR = HolidayCalendar()

WORKDAY = [Period(start="09:00", end="13:00"), Period(start="14:30", end="18:30")]
OFFICE = Hours(monday=WORKDAY, tuesday=WORKDAY, wednesday=WORKDAY, thursday=WORKDAY,
               friday=WORKDAY)


def at(year: int, month: int, day: int, hour: int, minute: int = 0, zone: ZoneInfo = ALMATY):
    return dt.datetime(year, month, day, hour, minute, tzinfo=zone)


def status(when: dt.datetime, hours: Hours = OFFICE):
    return status_at(hours, when, ALMATY, CALENDAR)


def first_working_day_after(day: dt.date) -> dt.date:
    """Monday to Friday and not a day off, straight from the holidays package."""
    while True:
        day += dt.timedelta(days=1)
        listed = holidays.country_holidays("KZ", years=day.year)
        if day.weekday() < 5 and day not in listed:
            return day


# Thursday 26 Nov 2026 is an ordinary working day, neither a holiday nor the eve of one.

def test_open_until_lunch_then_on_break_until_1430():
    before_lunch = status(at(2026, 11, 26, 12, 59))
    assert before_lunch.is_open
    assert before_lunch.closes_at == at(2026, 11, 26, 13, 0)
    assert before_lunch.reopens_at == at(2026, 11, 26, 14, 30)

    lunch = status(at(2026, 11, 26, 13, 0))
    assert not lunch.is_open and lunch.on_break
    assert lunch.opens_at == at(2026, 11, 26, 14, 30)

    after_lunch = status(at(2026, 11, 26, 14, 30))
    assert after_lunch.is_open and not after_lunch.on_break
    assert after_lunch.closes_at == at(2026, 11, 26, 18, 30)
    assert after_lunch.reopens_at is None


def test_early_morning_is_not_yet_open_rather_than_a_break():
    morning = status(at(2026, 11, 26, 8, 0))
    assert not morning.is_open and not morning.on_break
    assert morning.opens_at == at(2026, 11, 26, 9, 0)


def test_back_to_back_periods_are_one_stretch_without_a_break():
    hours = Hours(thursday=[Period(start="09:00", end="13:00"), Period(start="13:00", end="18:00")])
    noon = status(at(2026, 11, 26, 12, 0), hours)
    assert noon.closes_at == at(2026, 11, 26, 18, 0)
    assert noon.reopens_at is None
    assert day_schedule(hours, dt.date(2026, 11, 26), CALENDAR).breaks == []


def test_independence_day_is_closed_and_reopens_next_working_morning():
    holiday = status(at(2026, 12, 16, 10, 0))
    assert not holiday.is_open and not holiday.on_break
    assert holiday.today.kind is DayKind.HOLIDAY
    assert holiday.today.holiday_name("ru") == "День Независимости"
    assert holiday.opens_at == at(2026, 12, 17, 9, 0)


def test_a_body_open_on_holidays_keeps_its_weekly_hours_but_names_the_holiday():
    hours = OFFICE.model_copy(update={"public_holidays": False})
    holiday = status(at(2026, 12, 16, 10, 0), hours)
    assert holiday.is_open
    assert holiday.today.kind is DayKind.HOLIDAY
    assert holiday.today.holiday_name("en") == "Independence Day"


def test_sunday_5_january_2025_was_a_working_day_with_monday_hours():
    assert CALENDAR.is_transferred_workday(dt.date(2025, 1, 5))
    sunday = day_schedule(OFFICE, dt.date(2025, 1, 5), CALENDAR)
    assert sunday.kind is DayKind.TRANSFERRED_WORKDAY
    assert sunday.periods == OFFICE.monday
    assert status(at(2025, 1, 5, 10, 0)).is_open


def test_transferred_day_follows_the_configured_weekday():
    hours = OFFICE.model_copy(
        update={"transferred_workday_as": "friday", "friday": [Period(start="09:00", end="16:00")]}
    )
    sunday = day_schedule(hours, dt.date(2025, 1, 5), CALENDAR)
    assert (sunday.opens, sunday.closes) == (dt.time(9), dt.time(16))


def test_friday_3_january_2025_was_the_day_off_moved_from_that_sunday():
    friday = day_schedule(OFFICE, dt.date(2025, 1, 3), CALENDAR)
    assert friday.kind is DayKind.HOLIDAY and not friday.is_open_day
    assert friday.holiday_name("en") == "Day off (substituted from 01/05/2025)"
    assert friday.holiday_name("ru") == "Выходной день (перенесён с 05.01.2025)"
    assert friday.holiday_name("kk") == "Демалыс күні (05.01.2025 бастап ауыстырылды)"
    # Closed on Friday, shut on Saturday, open again on the working Sunday.
    assert status(at(2025, 1, 3, 10, 0)).opens_at == at(2025, 1, 5, 9, 0)


def test_eve_of_independence_day_2026_closes_an_hour_early():
    eve = day_schedule(OFFICE, dt.date(2026, 12, 15), CALENDAR)
    assert eve.kind is DayKind.PRE_HOLIDAY
    assert eve.closes == dt.time(17, 30)
    assert eve.opens == dt.time(9, 0) and eve.breaks == [(dt.time(13), dt.time(14, 30))]

    assert status(at(2026, 12, 15, 17, 29)).closes_at == at(2026, 12, 15, 17, 30)
    evening = status(at(2026, 12, 15, 17, 30))
    assert not evening.is_open
    assert evening.opens_at == at(2026, 12, 17, 9, 0)
    # A week earlier the same Tuesday hour is still open.
    assert status(at(2026, 12, 8, 17, 30)).is_open


def test_eve_means_the_calendar_day_before_not_the_last_working_day():
    # Capital Day 2026 is a Monday: the Friday before keeps its full hours.
    assert CALENDAR.is_holiday(dt.date(2026, 7, 6))
    assert not CALENDAR.is_pre_holiday(dt.date(2026, 7, 3))
    assert day_schedule(OFFICE, dt.date(2026, 7, 3), CALENDAR).closes == dt.time(18, 30)
    # Victory Day 2026 is a Saturday: the Friday is its eve.
    assert CALENDAR.is_pre_holiday(dt.date(2026, 5, 8))
    assert not CALENDAR.is_pre_holiday(dt.date(2026, 12, 16))


def test_shortening_cuts_the_last_period_only_and_never_below_its_start():
    hours = Hours(friday=[Period(start="09:00", end="13:00"), Period(start="17:00", end="17:30")])
    eve = day_schedule(hours, dt.date(2026, 5, 8), CALENDAR)
    assert eve.periods == [Period(start="09:00", end="13:00")]


def test_no_shortening_configured_keeps_the_eve_a_regular_day():
    hours = OFFICE.model_copy(update={"pre_holiday_shortening_minutes": 0})
    eve = day_schedule(hours, dt.date(2026, 12, 15), CALENDAR)
    assert eve.kind is DayKind.REGULAR and eve.closes == dt.time(18, 30)


def test_friday_midnight_points_to_monday_morning():
    friday_night = status(at(2026, 11, 20, 23, 59))
    assert not friday_night.is_open
    assert friday_night.opens_at == at(2026, 11, 23, 9, 0)


def test_a_period_ending_at_2359_closes_at_2359_and_the_night_goes_on_after_midnight():
    hours = Hours(friday=[Period(start="18:00", end="23:59")],
                  saturday=[Period(start="00:00", end="02:00")])
    late = status(at(2026, 11, 20, 23, 58), hours)
    assert late.is_open and late.closes_at == at(2026, 11, 20, 23, 59)
    last_minute = status(at(2026, 11, 20, 23, 59), hours)
    assert not last_minute.is_open and not last_minute.on_break
    assert last_minute.opens_at == at(2026, 11, 21, 0, 0)
    assert status(at(2026, 11, 21, 0, 0), hours).is_open


def test_new_years_eve_points_past_the_new_year_days_off():
    expected = first_working_day_after(dt.date(2026, 12, 31))
    # With holidays 0.109: 1-2 Jan (Fri-Sat), Sunday, and Mon 4 Jan observed for Sat 2 Jan.
    assert expected == dt.date(2027, 1, 5)
    evening = status(at(2026, 12, 31, 19, 0))
    assert not evening.is_open
    assert evening.opens_at == dt.datetime.combine(expected, dt.time(9), tzinfo=ALMATY)
    # 31 December is itself the eve of New Year's Day.
    assert evening.today.closes == dt.time(17, 30)


def test_utc_moments_are_read_in_almaty_time():
    early = status(at(2026, 11, 27, 3, 30, zone=dt.UTC))
    assert early.now == at(2026, 11, 27, 8, 30)
    assert early.now.utcoffset() == dt.timedelta(hours=5)
    assert not early.is_open and early.opens_at == at(2026, 11, 27, 9, 0)
    assert status(at(2026, 11, 27, 4, 0, zone=dt.UTC)).is_open


def test_a_utc_evening_already_tomorrow_in_almaty_opens_that_same_local_morning():
    night = status(at(2026, 11, 26, 20, 0, zone=dt.UTC))
    assert night.now.date() == dt.date(2026, 11, 27)
    assert night.opens_at == at(2026, 11, 27, 9, 0)
    assert night.opens_at.tzinfo is ALMATY


def test_moscow_time_is_two_hours_behind_almaty():
    # 11:00 in Moscow is 13:00 in Almaty: lunch.
    lunch = status(at(2026, 11, 27, 11, 0, zone=MOSCOW))
    assert lunch.on_break and lunch.opens_at == at(2026, 11, 27, 14, 30)


def test_an_exception_closes_a_whole_day_and_says_why():
    reason = Text(kk="Санитарлық күн", ru="Санитарный день", en="Cleaning day")
    hours = OFFICE.model_copy(
        update={"exceptions": [DateException(date=dt.date(2026, 11, 24), reason=reason)]}
    )
    closed = status(at(2026, 11, 24, 10, 0), hours)
    assert not closed.is_open and not closed.on_break
    assert closed.today.kind is DayKind.EXCEPTION
    assert closed.today.reason.get("ru") == ("Санитарный день", "ru")
    assert closed.opens_at == at(2026, 11, 25, 9, 0)
    listed = special_days(hours, dt.date(2026, 11, 1), 30, CALENDAR)
    assert [day.date for day in listed] == [dt.date(2026, 11, 24)]


def test_an_exception_can_open_on_a_holiday_and_still_name_it():
    hours = OFFICE.model_copy(update={"exceptions": [
        DateException(date=dt.date(2026, 12, 16), periods=[Period(start="10:00", end="14:00")]),
    ]})
    holiday = status(at(2026, 12, 16, 11, 0), hours)
    assert holiday.is_open and holiday.closes_at == at(2026, 12, 16, 14, 0)
    assert holiday.today.kind is DayKind.EXCEPTION
    assert holiday.today.holiday_name("kk") == "Тәуелсіздік күні"


def test_holiday_names_in_kazakh_russian_and_english():
    independence = dt.date(2026, 12, 16)
    assert CALENDAR.holiday_name(independence, "ru") == "День Независимости"
    assert CALENDAR.holiday_name(independence, "kk") == "Тәуелсіздік күні"
    assert CALENDAR.holiday_name(independence, "en") == "Independence Day"
    observed = CALENDAR.holiday_name(dt.date(2026, 3, 24), "ru")
    assert observed == "Наурыз мейрамы (перенесённый выходной)"
    assert CALENDAR.holiday_name(dt.date(2026, 5, 27), "ru") == "Курбан айт (предварительная дата)"
    assert CALENDAR.holiday_name(dt.date(2026, 11, 26), "ru") is None
    with pytest.raises(ValueError, match="unsupported language"):
        CALENDAR.holiday_name(independence, "de")


def test_republic_day_takes_its_new_name_from_2026():
    assert CALENDAR.holiday_name(dt.date(2025, 10, 25), "ru") == "День Республики"
    assert CALENDAR.holiday_name(dt.date(2026, 10, 25), "ru") == "День Республики Казахстан"


@pytest.mark.parametrize("year", range(2024, 2029))
def test_every_holiday_the_package_lists_has_a_russian_name(year: int):
    listed = holidays.country_holidays("KZ", years=year, language="en_US")
    missing = {name for name in listed.values() if russian_name(name, year) is None}
    assert not missing


def test_a_naive_moment_is_refused():
    with pytest.raises(ValueError, match="naive datetime"):
        status(dt.datetime(2026, 11, 26, 10, 0))


def test_week_of_independence_day_2026():
    week = week_schedule(OFFICE, dt.date(2026, 12, 16), CALENDAR)
    assert [day.date for day in week] == [dt.date(2026, 12, 14) + dt.timedelta(days=i)
                                          for i in range(7)]
    assert [day.kind for day in week] == [
        DayKind.REGULAR, DayKind.PRE_HOLIDAY, DayKind.HOLIDAY, DayKind.REGULAR,
        DayKind.REGULAR, DayKind.WEEKEND, DayKind.WEEKEND,
    ]


def test_special_days_of_march_2026():
    listed = special_days(OFFICE, dt.date(2026, 3, 1), 31, CALENDAR)
    assert [(day.date.day, day.kind) for day in listed] == [
        (8, DayKind.HOLIDAY), (9, DayKind.HOLIDAY), (20, DayKind.PRE_HOLIDAY),
        (21, DayKind.HOLIDAY), (22, DayKind.HOLIDAY), (23, DayKind.HOLIDAY),
        (24, DayKind.HOLIDAY), (25, DayKind.HOLIDAY),
    ]


def test_no_opening_within_60_days_gives_no_opening_time():
    closed_for_good = Hours()
    assert status(at(2026, 11, 26, 10, 0), closed_for_good).opens_at is None


# -- officials' reception ------------------------------------------------------------
def test_next_reception_follows_weeks_of_the_month_and_skips_holidays() -> None:
    from kiosk.content.model import ReceptionSlot
    from kiosk.hours.reception import next_reception, week_of_month

    calendar = HolidayCalendar()
    zone = ZoneInfo("Asia/Almaty")
    second_and_fourth_thursday = [ReceptionSlot(weekday="thursday", start="15:00",
                                                end="18:00", weeks=[2, 4])]
    # Friday 27 November 2026: the next 2nd/4th Thursday is 10 December.
    now = dt.datetime(2026, 11, 27, 11, 0, tzinfo=zone)
    day, slot = next_reception(second_and_fourth_thursday, now, calendar)
    assert day == dt.date(2026, 12, 10) and week_of_month(day) == 2
    # On that Thursday during the reception it is still "today"; after 18:00 it is the 24th.
    during = dt.datetime(2026, 12, 10, 16, 0, tzinfo=zone)
    assert next_reception(second_and_fourth_thursday, during, calendar)[0] == during.date()
    after = dt.datetime(2026, 12, 10, 18, 0, tzinfo=zone)
    assert next_reception(second_and_fourth_thursday, after, calendar)[0] == dt.date(2026, 12, 24)
    # A weekly Wednesday reception skips Independence Day, Wednesday 16 December 2026.
    weekly = [ReceptionSlot(weekday="wednesday", start="10:00", end="12:00")]
    before_holiday = dt.datetime(2026, 12, 9, 13, 0, tzinfo=zone)
    assert next_reception(weekly, before_holiday, calendar)[0] == dt.date(2026, 12, 23)
