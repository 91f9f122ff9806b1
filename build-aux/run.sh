#!/bin/sh
# Installs what is missing, builds Dangol and starts it on the default
# database ($XDG_DATA_HOME/dangol/dangol.db). Arguments go to dangol,
# e.g. build-aux/run.sh --db /tmp/try.db
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build="$top/build"

"$top/build-aux/deps.sh"

if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" "$top" >/dev/null
fi
meson compile -C "$build" >/dev/null

export GSETTINGS_SCHEMA_DIR="$build/data${GSETTINGS_SCHEMA_DIR:+:$GSETTINGS_SCHEMA_DIR}"
export DANGOL_LOCALEDIR="$build/po"
exec "$build/src/dangol" "$@"
