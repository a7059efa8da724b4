"""Dates and times in the English interface: day before month and the 24-hour
clock, as in Denmark and in British English ("8 December 2026 13:00"), rather
than Django's American defaults. Danish uses Django's own Danish formats."""

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y H:i"
TIME_FORMAT = "H:i"
MONTH_DAY_FORMAT = "j F"
YEAR_MONTH_FORMAT = "F Y"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
FIRST_DAY_OF_WEEK = 1  # Monday
