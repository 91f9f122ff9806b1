#!/bin/sh
# Fails when a translation has untranslated or fuzzy messages, or does not
# compile, so that every string a person reads reaches them in their language.
set -eu
podir=$1
status=0
for lang in $(grep -v '^#' "$podir/LINGUAS"); do
  stats=$(msgfmt --check --statistics -o /dev/null "$podir/$lang.po" 2>&1) || {
    echo "$lang.po does not compile: $stats"; status=1; continue; }
  echo "$lang: $stats"
  case "$stats" in
    *untranslated*|*fuzzy*) echo "$lang.po is incomplete"; status=1 ;;
  esac
done
exit $status
