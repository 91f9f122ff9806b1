#!/bin/sh
# Fails when a translation misses a message the sources have, has fuzzy
# messages, or does not compile. The catalogue is checked against a template
# extracted from po/POTFILES.in now, so a new string that never reached ko.po
# fails here too.
set -eu
podir=$1
srcdir=$(cd "$podir/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

grep -v '^#' "$podir/POTFILES.in" | sed '/^$/d' > "$tmp/files"
xgettext --files-from="$tmp/files" --directory="$srcdir" --from-code=UTF-8 \
  --add-comments --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dngettext:2,3 --keyword=ngettext:1,2 --keyword=g_dpgettext2:2c,3 \
  --package-name=dangol -o "$tmp/dangol.pot"

status=0
for lang in $(grep -v '^#' "$podir/LINGUAS"); do
  msgmerge --quiet --no-fuzzy-matching -o "$tmp/$lang.po" "$podir/$lang.po" "$tmp/dangol.pot"
  stats=$(msgfmt --check --statistics -o /dev/null "$tmp/$lang.po" 2>&1) || {
    echo "$lang.po does not compile: $stats"; status=1; continue; }
  echo "$lang: $stats"
  case "$stats" in
    *untranslated*|*fuzzy*)
      echo "$lang.po is incomplete; these messages need a translation:"
      msgattrib --untranslated --no-obsolete "$tmp/$lang.po" | grep '^msgid' | sed 1d || true
      msgattrib --only-fuzzy --no-obsolete "$tmp/$lang.po" | grep '^msgid' | sed 1d || true
      status=1 ;;
  esac
done

# Korean says row N as "%u행" ("%u행: …"); a count of rows must say
# "행 %u개", or it reads as a row number.
if [ -f "$podir/ko.po" ]; then
  msgcat --no-wrap "$podir/ko.po" | python3 -c '
import re, sys
entries, cur, key = [], {}, None
for line in sys.stdin:
    line = line.rstrip("\n")
    m = re.match(r"(msgid|msgid_plural|msgstr(?:\[\d+\])?) \"(.*)\"$", line)
    if m:
        if m.group(1) == "msgid" and cur:
            entries.append(cur); cur = {}
        key = m.group(1); cur[key] = m.group(2)
    elif line.startswith("\"") and key:
        cur[key] += line[1:-1]
    elif not line.strip():
        key = None
entries.append(cur)
bad = [e["msgid"] for e in entries
       if re.search(r"%u (\w+ )?rows?\b", e.get("msgid", "") + " " + e.get("msgid_plural", ""))
       and any("%u행" in v for k, v in e.items() if k.startswith("msgstr"))]
for b in bad:
    print("ko.po: a count of rows reads as a row number (use \"행 %u개\"): " + b)
sys.exit(1 if bad else 0)' || status=1
fi
exit $status
