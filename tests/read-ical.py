#!/usr/bin/python3
"""Reads an iCalendar file with python3-icalendar, a reader independent of
the libical that wrote it, and prints the calendar's PRODID and VERSION,
then one line per VTODO, ordered by SUMMARY: SUMMARY, UID, DUE, DTSTART,
RRULE, STATUS, whether COMPLETED is set, and DESCRIPTION (newlines as \\n),
separated by |."""
import sys

import icalendar


def when(component, name):
    prop = component.get(name)
    if prop is None:
        return ""
    return prop.dt.isoformat()


def main():
    with open(sys.argv[1], "rb") as f:
        calendar = icalendar.Calendar.from_ical(f.read())
    print("%s|%s" % (calendar.get("PRODID"), calendar.get("VERSION")))
    rows = []
    for todo in calendar.walk("VTODO"):
        rrule = todo.get("RRULE")
        rows.append("|".join([
            str(todo.get("SUMMARY")),
            str(todo.get("UID")),
            when(todo, "DUE"),
            when(todo, "DTSTART"),
            rrule.to_ical().decode() if rrule is not None else "",
            str(todo.get("STATUS")),
            "completed" if todo.get("COMPLETED") is not None else "",
            str(todo.get("DESCRIPTION", "")).replace("\n", "\\n"),
        ]))
    for row in sorted(rows):
        print(row)


main()
