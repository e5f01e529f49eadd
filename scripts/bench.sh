#!/usr/bin/env bash
# The benchmarks of docs/benchmarks.md, in one command:  ./laurel bench [--quick] [--people N] [--keep]
#   1. engine: one person, ten years of facts, every individual award with the trace on and off,
#      beside a hand-written Java evaluator of four awards (vn.laurel.tools.bench.EngineBench, in tools/);
#   2. batch from PostgreSQL: N generated people x 10 years imported into a throwaway PostgreSQL, then
#      `laurel batch` over all of them with -Xmx512m, beside `COPY ... TO STDOUT` of the same rows,
#      run just before and just after the batch (the I/O limit).
#   3. two instances (scripts/bench-follow.sh, every mode, --quick included): two servers on the same
#      throwaway PostgreSQL, in a database of their own (laurel_follow); a rule change taken through review
#      on the first (draft, save, propose, another's approval, publish), published at once or after the
#      approved rules were compiled ahead (RuleWarmer): how long the second takes to serve it (3 rounds
#      of each with --quick, 5 otherwise);
#   4. pages (scripts/bench-pages.sh, every mode): each page of the web workbench for the demo department,
#      signed in through the form, against PostgreSQL (database laurel_pages): median, p95, max of 30
#      requests each (10 with --quick), against the target of 300 ms;
#   5. HTTP (not with --quick unless --http): wrk against POST /api/v1/subjects/{id}/eligibility (random
#      subjects, decisions saved) and, beside it, the no-op GET /health/live of the same server, at
#      rising connection counts; then two rule changes published under load (since issue 15 a reload
#      makes a draft: its check, the review and the publication are timed, and failed requests counted);
#      its best throughput at p99 <= 50 ms is set beside the engine's for the same question (step 1);
#   6. two instances (scripts/bench-two.sh, with HTTP): two servers on the same database of generated people,
#      eligibility on one alone, then on both at once; the audit chain both appended to verified afterwards.
#   7. verify (scripts/bench-verify.sh, every mode): a database of its own, laurel_verify, filled with
#      --verify N decisions (default 10 000 with --quick, 100 000 otherwise; the issue's figure: 1 000 000),
#      verified whole, from a checkpoint, and with its last record altered.
# Step 4 also prints the size of the stored decision of P-0001 for every award (SIZE).
# --quick: 2 000 people, short engine rounds and 3 two-instance rounds, about two minutes; the default is 20 000 people.
# The ratios are printed on the last lines. Each measurement is printed with the load average, since
# the machine may be shared: prefer the ratios, measured side by side, to the absolute numbers.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="$ROOT/api/target/laurel-api.jar"
# The engine benchmark and the generator are in tools/ (not in the service's jar): they run beside it.
TOOLS_JAR="$ROOT/tools/target/laurel-tools.jar"
TOOLS_CP="$TOOLS_JAR:$JAR"
QUICK=""; PEOPLE=""; KEEP=""; HTTP=1; VERIFY_N=""
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) QUICK="--quick"; HTTP=""; shift ;;
    --http) HTTP=1; shift ;;
    --people) PEOPLE="$2"; shift 2 ;;
    --verify) VERIFY_N="$2"; shift 2 ;;
    --keep) KEEP=1; shift ;;
    -h|--help) sed -n '2,30p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "laurel bench: unknown option $1" >&2; exit 2 ;;
  esac
done
[ -z "$PEOPLE" ] && { [ -n "$QUICK" ] && PEOPLE=2000 || PEOPLE=20000; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
now() { date +%s.%N; }

if [ ! -f "$JAR" ] || [ ! -f "$TOOLS_JAR" ] || [ -n "$(find "$ROOT/engine/src/main" "$ROOT/api/src/main" -newer "$JAR" -type f -print -quit)" ] \
  || [ -n "$(find "$ROOT/tools/src/main" -newer "$TOOLS_JAR" -type f -print -quit)" ]; then
  echo "bench: building the jars..." >&2
  (cd "$ROOT" && ./mvnw -B -q -DskipTests package -pl tools -am) >&2
fi
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB RAM, $($JAVA -version 2>&1 | head -1), $(psql --version)"

echo "== 1. engine"
$JAVA -Xmx512m -cp "$TOOLS_CP" vn.laurel.tools.bench.EngineBench --rules "$ROOT/rules" $QUICK 2>/dev/null | tee /tmp/laurel-bench-engine.$$
RATIOS=$(grep '^RATIO' /tmp/laurel-bench-engine.$$)
# The engine's answer to the HTTP benchmark's question (one person, every award, trace on, as a saved decision
# is traced): the HTTP step compares its throughput with this, measured in the same run.
ENGINE_RPS=$(awk '/every individual award .*trace on/ { gsub(",", ""); for (i = 1; i <= NF; i++) if ($(i + 1) == "persons/s") print $i }' \
  /tmp/laurel-bench-engine.$$ | head -1); export ENGINE_RPS
rm -f /tmp/laurel-bench-engine.$$

echo "== 2. batch from PostgreSQL: $PEOPLE people x 10 years"
export PGPORT=${BENCH_PGPORT:-55499}
export PGDIR="${TMPDIR:-/tmp}/laurel-bench-pg-$PGPORT"
DATA="${TMPDIR:-/tmp}/laurel-bench-data-$PEOPLE"
URL="jdbc:postgresql://127.0.0.1:$PGPORT/laurel"
PSQL=(psql -X -q -h 127.0.0.1 -p "$PGPORT" -U postgres -d laurel -v ON_ERROR_STOP=1)
trap '[ -z "$KEEP" ] && bash "$ROOT/scripts/pg-throwaway.sh" stop >/dev/null 2>&1 || true' EXIT
bash "$ROOT/scripts/pg-throwaway.sh" start >/dev/null
[ -f "$DATA/ratings.csv" ] || $JAVA -cp "$TOOLS_CP" vn.laurel.tools.Generate --people "$PEOPLE" --out "$DATA" >/dev/null
t0=$(now)
$JAVA -Xmx1g "-Dlaurel.rules.dir=$ROOT/rules" -cp "$JAR" vn.laurel.api.tools.ImportCommand "$DATA" --db "$URL" >/dev/null 2>&1
printf 'import: %.1f s (load %s)\n' "$(echo "$(now) - $t0" | bc)" "$(load)"
"${PSQL[@]}" -c "VACUUM ANALYZE" >/dev/null

# The rows a batch reads: units, subjects, and every current fact of every kind.
copy_all() {
  local t
  t=$(now)
  local args=()   # one session, as the batch keeps its connections
  for table in org_unit subject; do args+=(-c "\\copy (SELECT * FROM $table) TO '/dev/null'"); done
  for table in membership rating title commendation initiative discipline absence attestation member_aggregate cluster_member; do
    args+=(-c "\\copy (SELECT * FROM $table WHERE current_flag = TRUE) TO '/dev/null'")
  done
  "${PSQL[@]}" "${args[@]}"
  echo "$(now) - $t" | bc
}
ROWS=$("${PSQL[@]}" -At -c "SELECT (SELECT COUNT(*) FROM org_unit) + (SELECT COUNT(*) FROM subject)
  + (SELECT COUNT(*) FROM membership WHERE current_flag) + (SELECT COUNT(*) FROM rating WHERE current_flag)
  + (SELECT COUNT(*) FROM title WHERE current_flag) + (SELECT COUNT(*) FROM commendation WHERE current_flag)
  + (SELECT COUNT(*) FROM initiative WHERE current_flag) + (SELECT COUNT(*) FROM discipline WHERE current_flag)
  + (SELECT COUNT(*) FROM absence WHERE current_flag) + (SELECT COUNT(*) FROM attestation WHERE current_flag)
  + (SELECT COUNT(*) FROM member_aggregate WHERE current_flag) + (SELECT COUNT(*) FROM cluster_member WHERE current_flag)")
copy_all >/dev/null   # a first pass warms the cache, as the batch's own reads will find it
L1=$(load); C1=$(copy_all)
printf 'COPY TO STDOUT of the same rows (%s rows): %.2f s (load %s)\n' "$ROWS" "$C1" "$L1"
L2=$(load); t0=$(now)
$JAVA -Xmx512m "-Dlaurel.rules.dir=$ROOT/rules" -cp "$JAR" vn.laurel.api.tools.BatchCommand --year 2025 --db "$URL" \
  > /tmp/laurel-bench-batch.$$ 2>/tmp/laurel-bench-batch-err.$$ || { cat /tmp/laurel-bench-batch-err.$$ >&2; exit 1; }
B=$(echo "$(now) - $t0" | bc)
SUBJECTS=$(grep '"subjects"' /tmp/laurel-bench-batch.$$ | tr -dc '0-9')
OUTCOMES=$(grep '"outcomesWritten"' /tmp/laurel-bench-batch.$$ | tr -dc '0-9')
INNER=$(grep '"seconds"' /tmp/laurel-bench-batch.$$ | tr -dc '0-9.')
rm -f /tmp/laurel-bench-batch.$$ /tmp/laurel-bench-batch-err.$$
printf 'batch, -Xmx512m, all awards, outcomes written: %.2f s for %s subjects, %s outcomes, %.0f subjects/s (%.1f s without JVM start and rule compile) (load %s)\n' \
  "$B" "$SUBJECTS" "$OUTCOMES" "$(echo "$SUBJECTS / $B" | bc -l)" "$INNER" "$L2"
L3=$(load); C2=$(copy_all)
printf 'COPY TO STDOUT again, after the batch: %.2f s (load %s)\n' "$C2" "$L3"
C=$(echo "($C1 + $C2) / 2" | bc -l)

# A failure here is reported and the benchmarks go on: the other figures stand on their own.
bash "$ROOT/scripts/bench-follow.sh" "$URL" "$([ -n "$QUICK" ] && echo 3 || echo 5)" | tee /tmp/laurel-bench-follow.$$ \
  || echo "bench: the two-instance benchmark failed (logs: ${TMPDIR:-/tmp}/laurel-bench-follow-1.log, -2.log)" >&2
RATIOS="$RATIOS
$(grep -E '^(RATIO|FOLLOW)' /tmp/laurel-bench-follow.$$ || true)"
rm -f /tmp/laurel-bench-follow.$$

bash "$ROOT/scripts/bench-pages.sh" "$URL" "$([ -n "$QUICK" ] && echo 10 || echo 30)" | tee /tmp/laurel-bench-pages.$$ \
  || echo "bench: the pages benchmark failed (log: ${TMPDIR:-/tmp}/laurel-bench-pages.log)" >&2
RATIOS="$RATIOS
$(grep -E '^(PAGES|SIZE)' /tmp/laurel-bench-pages.$$ || true)"
rm -f /tmp/laurel-bench-pages.$$

if [ -n "$HTTP" ]; then
  bash "$ROOT/scripts/bench-http.sh" "$URL" "$DATA/people.csv" | tee /tmp/laurel-bench-http.$$
  RATIOS="$RATIOS
$(grep -E '^(RATIO|PUBLISH)' /tmp/laurel-bench-http.$$)"
  rm -f /tmp/laurel-bench-http.$$
  bash "$ROOT/scripts/bench-two.sh" "$URL" "$DATA/people.csv" 8 "$([ -n "$QUICK" ] && echo 10 || echo 20)" | tee /tmp/laurel-bench-two.$$ \
    || echo "bench: the two-instance load test failed (logs: ${TMPDIR:-/tmp}/laurel-bench-two-*.log)" >&2
  RATIOS="$RATIOS
$(grep -E '^TWO' /tmp/laurel-bench-two.$$ || true)"
  rm -f /tmp/laurel-bench-two.$$
fi
# The verify step: a database of its own, new at each run (its last record is altered on purpose at the end).
[ -z "$VERIFY_N" ] && { [ -n "$QUICK" ] && VERIFY_N=10000 || VERIFY_N=100000; }
"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS laurel_verify WITH (FORCE)" -c "CREATE DATABASE laurel_verify" >/dev/null
bash "$ROOT/scripts/bench-verify.sh" "jdbc:postgresql://127.0.0.1:$PGPORT/laurel_verify" "$VERIFY_N" | tee /tmp/laurel-bench-verify.$$ \
  || echo "bench: the verify benchmark failed" >&2
RATIOS="$RATIOS
$(grep -E '^VERIFY' /tmp/laurel-bench-verify.$$ | grep -v generated || true)"
rm -f /tmp/laurel-bench-verify.$$
RATIOS="$RATIOS
$(printf 'RATIO batch vs COPY of the same rows (%s people): %.1f× (batch %.1f s, COPY %.2f s; target at most 2×)' "$PEOPLE" "$(echo "$B / $C" | bc -l)" "$B" "$C")"
echo "$RATIOS"
