#!/usr/bin/python3
"""Reads a vCard file with python3-vobject, a reader independent of the
EVCard that wrote it, and prints one line per card:
FN, TEL (with its types), EMAIL, ORG, CATEGORIES, BDAY, UID and NOTE,
separated by tabs, newlines in the note written as \\n."""
import sys

import vobject


def value(card, name):
    item = getattr(card, name, None)
    if item is None:
        return ""
    v = item.value
    if isinstance(v, list):
        return ",".join(v)
    return str(v)


def main():
    with open(sys.argv[1], encoding="utf-8", newline="") as f:
        text = f.read()
    for card in vobject.readComponents(text):
        tel = getattr(card, "tel", None)
        tel_text = ""
        if tel is not None:
            types = ",".join(tel.params.get("TYPE", []))
            tel_text = "%s;%s" % (tel.value, types)
        fields = [
            value(card, "fn"),
            tel_text,
            value(card, "email"),
            value(card, "org"),
            value(card, "categories"),
            value(card, "bday"),
            value(card, "uid"),
            value(card, "note").replace("\n", "\\n"),
        ]
        print("\t".join(fields))


main()
