#!/bin/sh
# dangol --backup and --restore from a script: a round trip through a
# backup gives back the same data; a broken file exits 2 with its problem
# on stderr and changes nothing; a restore with no terminal to ask on and
# no --yes is refused (3); so are options that do not go together. None
# opens a window: DISPLAY and WAYLAND_DISPLAY are unset.
# Usage: test-cli-backup.sh DANGOL SEED-DATABASE
set -u
dangol=$1
seed=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
unset DISPLAY WAYLAND_DISPLAY
# No session bus: no running Dangol to find, whatever runs on the machine.
export DBUS_SESSION_BUS_ADDRESS="unix:path=$tmp/no-bus"
export XDG_DATA_HOME="$tmp/data"

n=0
failed=0
ok () {
  n=$((n + 1))
  if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=1; fi
}
check () {
  # check DESCRIPTION COMMAND...: ok when COMMAND succeeds.
  desc=$1; shift
  if "$@"; then ok 0 "$desc"; else ok 1 "$desc"; fi
}

echo "1..17"

db="$tmp/one.db"
"$seed" "$db" >/dev/null 2>&1
check "the seed database was written" test -s "$db"

"$dangol" --db "$db" --backup "$tmp/first.json" >"$tmp/out" 2>"$tmp/err"
ok $? "--backup exits 0"
check "--backup wrote the file" test -s "$tmp/first.json"
check "the backup file is private" test "$(stat -c %a "$tmp/first.json")" = 600
check "--backup says what it wrote" grep -q "first.json" "$tmp/out"

# Into another database: the round trip gives the same backup back.
other="$tmp/other.db"
"$dangol" --db "$other" --restore "$tmp/first.json" --yes </dev/null >"$tmp/out" 2>"$tmp/err"
ok $? "--restore --yes exits 0"
"$dangol" --db "$other" --backup "$tmp/second.json" >/dev/null 2>&1
status=$?
# exported_at differs; every record must not.
sed '/"exported_at"/d' "$tmp/first.json" >"$tmp/first.cmp"
sed '/"exported_at"/d' "$tmp/second.json" >"$tmp/second.cmp"
if [ $status = 0 ] && cmp -s "$tmp/first.cmp" "$tmp/second.cmp"; then ok 0 "restored data backs up the same"
else ok 1 "restored data backs up the same"; diff "$tmp/first.cmp" "$tmp/second.cmp" | head -20 | sed 's/^/# /'; fi
check "a new database gets no safety copy" \
  sh -c "! ls '$tmp'/dangol-before-restore-*.db >/dev/null 2>&1"

# Into a database with data: a private copy of it is kept first.
"$dangol" --db "$db" --restore "$tmp/first.json" --yes </dev/null >"$tmp/out" 2>"$tmp/err"
status=$?
copy=$(ls "$tmp"/dangol-before-restore-*.db 2>/dev/null | head -1)
if [ $status = 0 ] && [ -n "$copy" ] && [ "$(stat -c %a "$copy")" = 600 ] && grep -q "dangol-before-restore-" "$tmp/out"
then ok 0 "a restore keeps a private safety copy and says where"
else ok 1 "a restore keeps a private safety copy and says where"; fi

# A broken file: exit 2, its problem on stderr, the database unchanged.
cp "$other" "$tmp/other-before.db"
printf '{"format": "dangol-backup", "version": 1, "exported_at": "not a date"' >"$tmp/broken.json"
"$dangol" --db "$other" --restore "$tmp/broken.json" --yes </dev/null >"$tmp/out" 2>"$tmp/err"
ok $([ $? = 2 ] && echo 0 || echo 1) "a broken file exits 2"
check "its problem is on stderr" test -s "$tmp/err"
sed 's/^/# stderr: /' "$tmp/err" | head -5
check "the database is unchanged" cmp -s "$other" "$tmp/other-before.db"

printf '{"format": "something-else", "version": 1}' >"$tmp/wrong.json"
"$dangol" --db "$other" --restore "$tmp/wrong.json" --yes </dev/null >/dev/null 2>"$tmp/err"
ok $([ $? = 2 ] && echo 0 || echo 1) "a file of another format exits 2"

# No terminal and no --yes: refused before anything is replaced.
"$dangol" --db "$other" --restore "$tmp/first.json" </dev/null >"$tmp/out" 2>"$tmp/err"
ok $([ $? = 3 ] && echo 0 || echo 1) "--restore without --yes and no terminal exits 3"
check "it says to add --yes" grep -q -- "--yes" "$tmp/err"

"$dangol" --db "$other" --backup "$tmp/x.json" --restore "$tmp/first.json" >/dev/null 2>&1
ok $([ $? = 3 ] && echo 0 || echo 1) "--backup with --restore exits 3"

"$dangol" --db "$tmp/missing.db" --backup "$tmp/y.json" >/dev/null 2>&1
status=$?
if [ $status = 1 ] && [ ! -e "$tmp/missing.db" ] && [ ! -e "$tmp/y.json" ]; then ok 0 "--backup of a missing database exits 1 and creates nothing"
else ok 1 "--backup of a missing database exits 1 and creates nothing"; fi

exit $failed
