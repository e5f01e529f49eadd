#!/usr/bin/env bash
# Issue 20: the batch with its outcomes one row per subject (now) against one row per subject and award
# (before), in one run, each beside COPY TO STDOUT of the rows a batch reads (docs/benchmarks.md, Issue 7).
#   scripts/bench-batch-layout.sh BEFORE_JAR [PEOPLE]
# BEFORE_JAR: an api jar of the code before (e.g. built from main before issue 20); the jar of this tree is "after".
# A throwaway PostgreSQL of its own (BENCH_PGPORT, default 55621); the data generated with `laurel generate`.
# The two run in turns (before, after, before, after) so that they share the machine's load; COPY is timed
# before and after each. Prints `BATCH-LAYOUT …` lines and the outcome tables' sizes.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BEFORE="${1:?usage: scripts/bench-batch-layout.sh BEFORE_JAR [PEOPLE]}"; PEOPLE="${2:-20000}"
AFTER="${AFTER_JAR:-$ROOT/api/target/laurel-api.jar}"; TOOLS="${TOOLS_JAR:-$ROOT/tools/target/laurel-tools.jar}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
export PGPORT=${BENCH_PGPORT:-55621}
export PGDIR="${TMPDIR:-/tmp}/laurel-bench-layout-pg-$PGPORT"
DATA="${TMPDIR:-/tmp}/laurel-bench-data-$PEOPLE"
URL="jdbc:postgresql://127.0.0.1:$PGPORT/laurel"
PSQL=(psql -X -q -h 127.0.0.1 -p "$PGPORT" -U postgres -d laurel -v ON_ERROR_STOP=1)
load() { cut -d' ' -f1-3 /proc/loadavg; }
now() { date +%s.%N; }
trap '[ -z "${KEEP:-}" ] && bash "$ROOT/scripts/pg-throwaway.sh" stop >/dev/null 2>&1 || true' EXIT
bash "$ROOT/scripts/pg-throwaway.sh" start >/dev/null
[ -f "$DATA/ratings.csv" ] || $JAVA -cp "$TOOLS:$AFTER" vn.laurel.tools.Generate --people "$PEOPLE" --out "$DATA" >/dev/null
$JAVA -Xmx1g "-Dlaurel.rules.dir=$ROOT/rules" -cp "$BEFORE" vn.laurel.api.tools.ImportCommand "$DATA" --db "$URL" >/dev/null 2>&1
"${PSQL[@]}" -c "VACUUM ANALYZE" >/dev/null
copy_all() {  # the rows a batch reads, as scripts/bench.sh copies them
  local t args=()
  t=$(now)
  for table in org_unit subject; do args+=(-c "\\copy (SELECT * FROM $table) TO '/dev/null'"); done
  for table in membership rating title commendation initiative discipline absence attestation member_aggregate cluster_member; do
    args+=(-c "\\copy (SELECT * FROM $table WHERE current_flag = TRUE) TO '/dev/null'")
  done
  "${PSQL[@]}" "${args[@]}"
  echo "$(now) - $t" | bc
}
copy_all >/dev/null
COPIES=(); declare -A TOTAL=( [before]=0 [after]=0 )
COPIES+=("$(copy_all)")
for round in 1 2; do
  for layout in before after; do
    jar="$BEFORE"; [ "$layout" = after ] && jar="$AFTER"
    l=$(load); t0=$(now)
    $JAVA -Xmx512m "-Dlaurel.rules.dir=$ROOT/rules" -cp "$jar" vn.laurel.api.tools.BatchCommand --year 2025 --db "$URL" \
      > /tmp/laurel-bench-layout.$$ 2>/tmp/laurel-bench-layout-err.$$ || { cat /tmp/laurel-bench-layout-err.$$ >&2; exit 1; }
    b=$(echo "$(now) - $t0" | bc)
    c=$(copy_all); COPIES+=("$c")
    printf 'BATCH-LAYOUT %s round %s: %.2f s wall for %s subjects, %s outcomes (%s s inside); COPY after it %.2f s (load %s)\n' "$layout" "$round" "$b" \
      "$(grep '"subjects"' /tmp/laurel-bench-layout.$$ | tr -dc '0-9')" "$(grep '"outcomesWritten"' /tmp/laurel-bench-layout.$$ | tr -dc '0-9')" \
      "$(grep '"seconds"' /tmp/laurel-bench-layout.$$ | tr -dc '0-9.')" "$c" "$l"
    TOTAL[$layout]=$(echo "${TOTAL[$layout]} + $b" | bc)
  done
done
rm -f /tmp/laurel-bench-layout.$$ /tmp/laurel-bench-layout-err.$$
C=$(printf '%s\n' "${COPIES[@]}" | awk '{ s += $1 } END { print s / NR }')
"${PSQL[@]}" -At -c "SELECT 'BATCH-LAYOUT tables: batch_outcome (before) ' || COUNT(*) || ' rows, ' || pg_size_pretty(pg_total_relation_size('batch_outcome')) FROM batch_outcome" \
  -c "SELECT 'BATCH-LAYOUT tables: batch_subject (after) ' || COUNT(*) || ' rows, ' || pg_size_pretty(pg_total_relation_size('batch_subject')) FROM batch_subject"
for layout in before after; do
  printf 'RATIO batch vs COPY of the same rows, %s (%s people): %.1f× (batch %.1f s on average of 2, COPY %.2f s on average of %d)\n' "$layout" "$PEOPLE" \
    "$(echo "${TOTAL[$layout]} / 2 / $C" | bc -l)" "$(echo "${TOTAL[$layout]} / 2" | bc -l)" "$C" "${#COPIES[@]}"
done
