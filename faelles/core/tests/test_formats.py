"""Date and time formats per interface language (``faelles/formats``)."""


def test_dates_are_day_first_in_both_languages():
    """English dates follow the British/Danish order and the 24-hour clock."""
    from datetime import datetime

    from django.utils import translation
    from django.utils.formats import date_format

    moment = datetime(2026, 12, 8, 13, 5)
    with translation.override("en"):
        assert date_format(moment, "DATE_FORMAT") == "8 December 2026"
        assert date_format(moment, "DATETIME_FORMAT") == "8 December 2026 13:05"
        assert date_format(moment, "SHORT_DATETIME_FORMAT") == "08/12/2026 13:05"
    with translation.override("da"):
        assert date_format(moment, "DATETIME_FORMAT") == "8. december 2026 13:05"
