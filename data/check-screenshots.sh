#!/bin/sh
# Fails when the metainfo names a screenshot that is not committed under
# data/screenshots/: software centres load each <image> from the repository's
# main branch, so a missing file would show as a broken image there.
set -eu
metainfo=$1
dir=$2
prefix='https://raw.githubusercontent.com/dangol/dangol/main/data/screenshots/'

urls=$(sed -n 's|.*<image[^>]*>\([^<]*\)</image>.*|\1|p' "$metainfo")
if [ -z "$urls" ]; then
  echo "$metainfo has no screenshots"
  exit 1
fi
status=0
for url in $urls; do
  case "$url" in
    "$prefix"*) ;;
    *) echo "not under $prefix: $url"; status=1; continue ;;
  esac
  file=$dir/${url#"$prefix"}
  if [ ! -f "$file" ]; then
    echo "missing: $file"
    status=1
  elif [ "$(wc -c < "$file")" -gt 307200 ]; then
    echo "larger than 300 KB: $file"
    status=1
  else
    echo "ok: $file"
  fi
done
exit $status
