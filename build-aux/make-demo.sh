#!/bin/sh
# Writes the demo data set of seeds/ again: make-demo.sh DG-MAKE-DEMO SEEDS-DIR
# (run by `meson compile -C build demo-data`). The generator makes the
# journeys from the templates in SEEDS-DIR; its output is the same on every
# run, so a change in the files comes from a change in the program, the
# templates or the backup format.
set -eu
generator=$1
seeds=$2
export DANGOL_SEEDS_DIR="$seeds"
# The generator's database lives only for the run: in memory it takes a
# second, not the fifteen of syncing every write to a disk.
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
  export TMPDIR=/dev/shm
fi
for lang in ko en; do
  "$generator" "$lang" "$seeds/demo-$lang.json"
done
# A backup is written 0600; these files ship for everyone to read.
chmod 644 "$seeds/demo-ko.json" "$seeds/demo-en.json"
