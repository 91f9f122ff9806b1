#!/bin/sh
# Installs what is missing, builds Dangol and starts it on the default
# database ($XDG_DATA_HOME/dangol/dangol.db). Arguments go to dangol,
# e.g. build-aux/run.sh --db /tmp/try.db
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build="$top/build"

"$top/build-aux/deps.sh"

log="$build/run-build.log"
mkdir -p "$build"
if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" "$top" >"$log" 2>&1 || { cat "$log"; exit 1; }
fi
# Quiet when it works, the whole compiler output when it does not.
meson compile -C "$build" >"$log" 2>&1 || { cat "$log"; exit 1; }

export GSETTINGS_SCHEMA_DIR="$build/data${GSETTINGS_SCHEMA_DIR:+:$GSETTINGS_SCHEMA_DIR}"
export DANGOL_LOCALEDIR="$build/po"
export DANGOL_SEEDS_DIR="$top/seeds"
exec "$build/src/dangol" "$@"
