#!/bin/sh
# dangol --import and --export-csv/--export-vcard/--export-ical from a
# script: a Korean sheet in CP949 imported twice adds nothing the second
# time; into a journey's stage and a new cohort; a vCard file; each export
# read back by a reader independent of the writer, and Dangol's own vCard
# export imported again adds nothing; bad input exits 2 and changes
# nothing, options that do not go together exit 3, a failure exits 1, and
# an import while Dangol runs is refused.
# No window opens: DISPLAY and WAYLAND_DISPLAY are unset.
# Usage: test-cli-import.sh DANGOL SEED-DATABASE READ-VCARD READ-ICAL OWN-BUS-NAME
set -u
dangol=$1
seed=$2
read_vcard=$3
read_ical=$4
own_name=$5
python=/usr/bin/python3
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
exits () {
  # exits STATUS DESCRIPTION: ok when the last command exited STATUS.
  if [ "$last" = "$1" ]; then ok 0 "$2"; else ok 1 "$2 (exit $last)"; sed 's/^/# stderr: /' "$tmp/err" | head -5; fi
}
run () {
  "$dangol" --db "$db" "$@" </dev/null >"$tmp/out" 2>"$tmp/err"
  last=$?
}
sql () {
  "$python" -c 'import sqlite3, sys
for row in sqlite3.connect(sys.argv[1]).execute(sys.argv[2]):
    print("|".join(str(v) for v in row))' "$db" "$1"
}
same_db () {
  # The rows of every customer, enrollment and cohort, as they are now.
  sql "SELECT id, uuid, name, phone, email, organization, note, tags_text, updated_at FROM customers ORDER BY id" >"$tmp/now"
  sql "SELECT id, customer_id, stage_id, cohort_id FROM enrollments ORDER BY id" >>"$tmp/now"
  sql "SELECT id, name, date FROM cohorts ORDER BY id" >>"$tmp/now"
  cmp -s "$tmp/now" "$1"
}
snapshot () {
  same_db /dev/null
  cp "$tmp/now" "$1"
}

echo "1..63"

db="$tmp/one.db"
"$seed" "$db" >/dev/null 2>&1
check "the seed database was written" test -s "$db"
customers_before=$(sql "SELECT count(*) FROM customers")

# A sign-up sheet as Excel on Korean Windows saves it: CP949, a header in
# Korean, one row refused.
printf '%s\r\n' "이름,휴대폰,이메일,소속" \
  "한지민,010-5555-0001,jimin@example.kr,단골상사" \
  "오세훈,010-5555-0002,,한빛" \
  "최유진,010-12,choi@example.kr," \
  | iconv -f UTF-8 -t CP949 >"$tmp/signup.csv"

run --import "$tmp/signup.csv"
exits 0 "--import of a CP949 sheet exits 0"
check "it prints the summary" grep -q "^2 added, 0 updated, 0 skipped, 1 refused$" "$tmp/out"
check "each refused row is on stderr" grep -q "Row 4: Phone: “010-12” is too short" "$tmp/err"
check "the names were read as CP949" test "$(sql "SELECT organization FROM customers WHERE name = '한지민'")" = "단골상사"

snapshot "$tmp/after-first"
run --import "$tmp/signup.csv"
exits 0 "the same sheet again exits 0"
check "the second time adds and updates nothing" grep -q "^0 added, 0 updated, 0 skipped, 1 refused$" "$tmp/out"
check "the second time changes nothing" same_db "$tmp/after-first"

# Into the seed's journey, its second stage, a new cohort.
journey=$(sql "SELECT name FROM journeys ORDER BY position LIMIT 1")
stage=$(sql "SELECT s.name FROM stages s JOIN journeys j ON j.id = s.journey_id WHERE j.name = '$journey' ORDER BY s.position LIMIT 1 OFFSET 1")
printf '%s\r\n' "성함,연락처" "강다니엘,010-5555-0003" "한지민,010 5555 0001" >"$tmp/lecture.csv"
run --import "$tmp/lecture.csv" --journey "$journey" --stage "$stage" --cohort "12/15 특강" --cohort-date 2026-12-15
exits 0 "--import into a journey, stage and cohort exits 0"
check "it says how many it enrolled" grep -q "^2 enrolled in “$stage”$" "$tmp/out"
check "both are in the new cohort, in that stage" \
  test "$(sql "SELECT count(*) FROM enrollments e JOIN cohorts c ON c.id = e.cohort_id JOIN stages s ON s.id = e.stage_id WHERE c.name = '12/15 특강' AND c.date = '2026-12-15' AND s.name = '$stage'")" = 2

# A vCard file, named like anything else.
printf '%s\r\n' "BEGIN:VCARD" "VERSION:2.1" "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=EB=B0=B1;=EC=A7=80=EC=98=81;;;" \
  "TEL;CELL:010-5555-0004" "TEL;HOME:02-555-0004" "PHOTO;ENCODING=BASE64;TYPE=JPEG:QUFBQQ==" "" "END:VCARD" \
  "BEGIN:VCARD" "FN:버전없음" "END:VCARD" >"$tmp/contacts.txt"
run --import "$tmp/contacts.txt"
exits 0 "--import of a vCard file exits 0"
check "the vCard file's summary" grep -q "^1 added, 0 updated, 0 skipped, 1 refused$" "$tmp/out"
check "a refused card is on stderr by its number" grep -q "Card 2: VERSION is missing" "$tmp/err"
check "what was left out is told" grep -q "^1 photo left out$" "$tmp/out"
check "the card's customer is there, its other number in the note" \
  test "$(sql "SELECT phone || '|' || note FROM customers WHERE name = '백지영'")" = "010-5555-0004|Phone: 02-555-0004 (home)"

# The exports, each read back by another reader.
active=$(sql "SELECT count(*) FROM customers WHERE archived = 0")
run --export-csv "$tmp/out.csv"
exits 0 "--export-csv exits 0"
check "the CSV holds every customer" \
  test "$("$python" -c 'import csv, sys; print(len(list(csv.reader(open(sys.argv[1], encoding="utf-8-sig")))) - 1)' "$tmp/out.csv")" = "$active"
check "the CSV file is private" test "$(stat -c %a "$tmp/out.csv")" = 600

run --export-vcard "$tmp/out.vcf"
exits 0 "--export-vcard exits 0"
check "python3-vobject reads every card" test "$("$python" "$read_vcard" "$tmp/out.vcf" | wc -l)" = "$active"
snapshot "$tmp/before-round-trip"
run --import "$tmp/out.vcf"
check "Dangol's own vCard export imported again adds nothing" \
  grep -q "^0 added, 0 updated, 0 skipped, 0 refused$" "$tmp/out"
check "and changes nothing" same_db "$tmp/before-round-trip"

run --export-ical "$tmp/out.ics"
exits 0 "--export-ical exits 0"
open=$(sql "SELECT count(*) FROM followups WHERE status = 'open'")
check "python3-icalendar reads every open follow-up" \
  test "$("$python" "$read_ical" "$tmp/out.ics" | tail -n +2 | wc -l)" = "$open"

# Bad input: exit 2, nothing changed.
snapshot "$tmp/before-bad"
run --import "$tmp/signup.csv" --journey "없는 여정" --stage "$stage"
exits 2 "an unknown journey exits 2"
run --import "$tmp/signup.csv" --journey "$journey" --stage "없는 단계"
exits 2 "an unknown stage exits 2"
printf '%s\r\n' "점수,번호" "1,2" "3,4" >"$tmp/no-names.csv"
run --import "$tmp/no-names.csv"
exits 2 "a sheet with no column of names exits 2"
check "it says so in the terminal's words" grep -q "^dangol: No column of names was found in “$tmp/no-names.csv”.$" "$tmp/err"
printf '%s\r\n' "이름,연락처" >"$tmp/header-only.csv"
run --import "$tmp/header-only.csv"
exits 2 "a sheet with no rows exits 2"
check "nothing was changed by bad input" same_db "$tmp/before-bad"

run --import "$tmp/signup.csv" --journey "$journey" --stage "$stage" --cohort x --cohort-date 2026-02-30
exits 2 "a --cohort-date that is no day exits 2"
check "nothing was changed by a bad date" same_db "$tmp/before-bad"
run --import "$tmp/signup.csv" --stage "$stage"
exits 3 "--stage without --journey exits 3"
run --cohort x --export-csv "$tmp/x.csv"
exits 3 "--cohort without --import exits 3"
run --import "$tmp/missing.csv"
exits 1 "a file that is not there exits 1"
"$dangol" --db "$tmp/no-such.db" --import "$tmp/signup.csv" </dev/null >"$tmp/out" 2>"$tmp/err"
last=$?
exits 1 "--import into a --db that is not there exits 1"
check "it says there is no database there" grep -q "There is no database at “$tmp/no-such.db”: nothing was imported." "$tmp/err"
check "and creates none" test ! -e "$tmp/no-such.db"
"$dangol" --db "$tmp/no-such.db" --backup "$tmp/no-such.dangol" </dev/null >"$tmp/out" 2>"$tmp/err"
last=$?
exits 1 "--backup of a --db that is not there exits 1"
check "it says nothing was backed up" grep -q "There is no database at “$tmp/no-such.db”: nothing was backed up." "$tmp/err"
"$dangol" --db "$tmp/no-such.db" --export-vcard "$tmp/no-such.vcf" </dev/null >"$tmp/out" 2>"$tmp/err"
last=$?
exits 1 "--export-vcard of a --db that is not there exits 1"
check "it says nothing was exported, and creates neither file" \
  sh -c 'grep -q "nothing was exported" "$1" && test ! -e "$2" && test ! -e "$3"' sh "$tmp/err" "$tmp/no-such.db" "$tmp/no-such.vcf"

# More refusals and conflicts than the import keeps messages for: the
# first 1,000 are printed, then how many more there were.
"$python" -c 'import sys
print("이름,휴대폰\r")
for i in range(1005): print("거부%d,010-12\r" % i)' >"$tmp/refused.csv"
run --import "$tmp/refused.csv"
exits 0 "--import of 1,005 refused rows exits 0"
check "1,000 refused rows are printed, then how many more" \
  sh -c 'test "$(grep -c "^Row [0-9]*: Phone" "$1")" = 1000 && tail -n 1 "$1" | grep -q "^… and 5 more refused rows$"' sh "$tmp/err"
"$python" -c 'import sys
print("이름,휴대폰,소속\r")
for i in range(1005): print("많은%d,010-7%03d-%04d,%s\r" % (i, i // 1000, i % 1000, sys.argv[1]))' 가 >"$tmp/many-a.csv"
"$python" -c 'import sys
print("이름,휴대폰,소속\r")
for i in range(1005): print("많은%d,010-7%03d-%04d,%s\r" % (i, i // 1000, i % 1000, sys.argv[1]))' 나 >"$tmp/many-b.csv"
run --import "$tmp/many-a.csv"
run --import "$tmp/many-b.csv"
exits 0 "--import of 1,005 conflicting rows exits 0"
check "1,000 conflicts are printed, then how many more" \
  sh -c 'test "$(grep -c "^Row [0-9]*: " "$1")" = 1000 && tail -n 1 "$1" | grep -q "^… and 5 more fields kept as they were$"' sh "$tmp/err"

# On a terminal (script(1) gives the command one) a long import tells how
# far it has come on one line, written over, and takes it away before the
# summary; in a file, as everywhere above, it tells nothing.
check "in a file, no progress is written" sh -c '! grep -q "$(printf "\\r")" "$1"' sh "$tmp/err"
"$python" -c 'import sys
print("name,phone\r")
for i in range(600): print("Progress %d,010-6%03d-%04d\r" % (i, i // 1000, i % 1000))' >"$tmp/progress.csv"
script -q -e -c "\"$dangol\" --db \"$db\" --import \"$tmp/progress.csv\" </dev/null" /dev/null >"$tmp/tty" 2>&1
last=$?
exits 0 "--import on a terminal exits 0"
check "while it reads the file, it counts the rows" grep -q "Checking: 250 rows" "$tmp/tty"
check "it tells how far it has come" grep -q "Importing: 250 of 600 rows" "$tmp/tty"
check "and ends on every row, the line cleared before the summary" \
  grep -q "Importing: 600 of 600 rows$(printf "\\r\\033")\\[K600 added" "$tmp/tty"
script -q -e -c "\"$dangol\" --db \"$db\" --export-csv \"$tmp/progress-out.csv\" </dev/null" /dev/null >"$tmp/tty" 2>&1
last=$?
exits 0 "--export-csv on a terminal exits 0"
check "it tells how far it has come too" grep -q "Writing: [0-9]* of [0-9]* customers" "$tmp/tty"

# A line wider than the terminal would wrap and leave its start behind at
# each update: a narrow terminal gets the numbers alone. Widths are
# counted in columns, a Korean syllable taking two: the Korean line of 21
# characters takes 30.
for lang in en ko; do
  "$python" -c 'import sys
print("name,phone\r")
for i in range(600): print("Narrow %s %d,010-5%03d-%04d\r" % (sys.argv[1], i, i // 1000, i % 1000))' $lang >"$tmp/narrow-$lang.csv"
done
script -q -e -c "stty cols 20; \"$dangol\" --db \"$db\" --import \"$tmp/narrow-en.csv\" </dev/null" /dev/null >"$tmp/tty" 2>&1
last=$?
exits 0 "--import on a narrow terminal exits 0"
check "a terminal of 20 columns gets the numbers alone" \
  sh -c 'grep -q "250/600" "$1" && ! grep -q "Importing" "$1"' sh "$tmp/tty"
LANGUAGE=ko script -q -e -c "stty cols 28; \"$dangol\" --db \"$db\" --import \"$tmp/narrow-ko.csv\" </dev/null" /dev/null >"$tmp/tty" 2>&1
last=$?
exits 0 "--import in Korean on a narrow terminal exits 0"
check "28 columns are too few for the Korean line of 21 characters" \
  sh -c 'grep -q "250/600" "$1" && ! grep -q "가져오는 중" "$1"' sh "$tmp/tty"
LANGUAGE=ko script -q -e -c "stty cols 40; \"$dangol\" --db \"$db\" --export-csv \"$tmp/progress-out.csv\" </dev/null" /dev/null >"$tmp/tty" 2>&1
last=$?
exits 0 "--export-csv in Korean on a wide terminal exits 0"
check "40 columns are enough for it" grep -q "내보내는 중" "$tmp/tty"

# While Dangol runs (its name owned on a session bus of this test's own),
# --import writes nothing.
cat >"$tmp/while-running.sh" <<'SCRIPT'
"$1" "$2" io.github.dangol.Dangol >"$3/owner" 2>&1 &
owner=$!
i=0
while [ $i -lt 100 ] && ! grep -q owned "$3/owner"; do sleep 0.1; i=$((i + 1)); done
"$4" --db "$5" --import "$6" </dev/null >"$3/out" 2>"$3/err"
status=$?
kill $owner
exit $status
SCRIPT
snapshot "$tmp/before-running"
env -u DBUS_SESSION_BUS_ADDRESS dbus-run-session -- \
  sh "$tmp/while-running.sh" "$python" "$own_name" "$tmp" "$dangol" "$db" "$tmp/lecture.csv" 2>/dev/null
last=$?
exits 1 "--import while Dangol runs exits 1"
check "it says Dangol is running" grep -q "Dangol is running" "$tmp/err"
check "and changes nothing" same_db "$tmp/before-running"

exit $failed
