#!/usr/bin/env bash
# The benchmarks of docs/benchmarks.md, in one command:  ./laurel bench [--quick] [--people N] [--keep]
#   1. engine: one person, ten years of facts, every individual award with the trace on and off,
#      beside a hand-written Java evaluator of four awards (vn.laurel.engine.bench.EngineBench);
#   2. batch from PostgreSQL: N generated people x 10 years imported into a throwaway PostgreSQL, then
#      `laurel batch` over all of them with -Xmx512m, beside `COPY ... TO STDOUT` of the same rows,
#      run just before and just after the batch (the I/O limit).
#   3. HTTP (not with --quick unless --http): wrk against GET /api/v1/subjects/{id}/eligibility (random
#      subjects, decisions saved) and, beside it, the no-op GET /health/live of the same server, at
#      rising connection counts; then a rule reload under load (its time, and failed requests).
# --quick: 2 000 people and short engine rounds, under two minutes; the default is 20 000 people.
# The ratios are printed on the last lines. Each measurement is printed with the load average, since
# the machine may be shared: prefer the ratios, measured side by side, to the absolute numbers.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="$ROOT/api/target/laurel-api.jar"
QUICK=""; PEOPLE=""; KEEP=""; HTTP=1
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) QUICK="--quick"; HTTP=""; shift ;;
    --http) HTTP=1; shift ;;
    --people) PEOPLE="$2"; shift 2 ;;
    --keep) KEEP=1; shift ;;
    *) echo "laurel bench: unknown option $1" >&2; exit 2 ;;
  esac
done
[ -z "$PEOPLE" ] && { [ -n "$QUICK" ] && PEOPLE=2000 || PEOPLE=20000; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
now() { date +%s.%N; }

if [ ! -f "$JAR" ] || [ -n "$(find "$ROOT/engine/src/main" "$ROOT/api/src/main" -newer "$JAR" -type f -print -quit)" ]; then
  echo "bench: building the jar..." >&2
  (cd "$ROOT" && ./mvnw -B -q -DskipTests package -pl api -am) >&2
fi
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB RAM, $($JAVA -version 2>&1 | head -1), $(psql --version)"

echo "== 1. engine"
$JAVA -Xmx512m -cp "$JAR" vn.laurel.engine.bench.EngineBench --rules "$ROOT/rules" $QUICK 2>/dev/null | tee /tmp/laurel-bench-engine.$$
RATIOS=$(grep '^RATIO' /tmp/laurel-bench-engine.$$); rm -f /tmp/laurel-bench-engine.$$

echo "== 2. batch from PostgreSQL: $PEOPLE people x 10 years"
export PGPORT=${BENCH_PGPORT:-55499}
export PGDIR="${TMPDIR:-/tmp}/laurel-bench-pg-$PGPORT"
DATA="${TMPDIR:-/tmp}/laurel-bench-data-$PEOPLE"
URL="jdbc:postgresql://127.0.0.1:$PGPORT/laurel"
PSQL=(psql -X -q -h 127.0.0.1 -p "$PGPORT" -U postgres -d laurel -v ON_ERROR_STOP=1)
trap '[ -z "$KEEP" ] && bash "$ROOT/scripts/pg-throwaway.sh" stop >/dev/null 2>&1 || true' EXIT
bash "$ROOT/scripts/pg-throwaway.sh" start >/dev/null
[ -f "$DATA/ratings.csv" ] || $JAVA -cp "$JAR" vn.laurel.api.tools.Generate --people "$PEOPLE" --out "$DATA" >/dev/null
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

if [ -n "$HTTP" ]; then
  echo "== 3. HTTP: wrk, 10 s per step, eligibility (all awards, decision saved) vs the no-op /health/live"
  command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
  PORT=${BENCH_HTTP_PORT:-18099}
  IDS="${TMPDIR:-/tmp}/laurel-bench-ids.$$"; export IDS
  awk -F, 'NR > 1 { print $1 }' "$DATA/people.csv" > "$IDS"
  LAUREL_DB_URL="$URL" $JAVA -Xmx1g "-Dlaurel.rules.dir=$ROOT/rules" "-Dlaurel.scenarios.dir=$ROOT/examples/scenarios" \
    "-Dmicronaut.server.port=$PORT" -jar "$JAR" > "${TMPDIR:-/tmp}/laurel-bench-server.log" 2>&1 &
  SERVER=$!
  trap 'kill $SERVER 2>/dev/null; rm -f "$IDS"; [ -z "$KEEP" ] && bash "$ROOT/scripts/pg-throwaway.sh" stop >/dev/null 2>&1 || true' EXIT
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/health/live" >/dev/null && break; sleep 0.5; done
  # wrk's latency figures in ms, whatever unit it prints them in
  ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n *= 1; else if (v ~ /s$/) n *= 1000; printf "%.1f", n }'; }
  step() { # eligibility|noop connections -> "rps p50 p99 errors"
    local args=("http://127.0.0.1:$PORT/health/live") out
    [ "$1" = eligibility ] && args=(-s "$ROOT/scripts/bench-http.lua" "http://127.0.0.1:$PORT")
    out=$(wrk -t "$(( $2 < 2 ? 1 : 2 ))" -c "$2" -d 10s --latency "${args[@]}" 2>&1)
    echo "$(echo "$out" | awk '/Requests\/sec/ { r = $2 } END { print r + 0 }') $(ms "$(echo "$out" | awk '$1 == "50%" { print $2 }')") $(ms "$(echo "$out" | awk '$1 == "99%" { print $2 }')") $(echo "$out" | awk '/Non-2xx|Socket errors/ { s = s $0 "; " } END { print (s == "" ? "none" : s) }')"
  }
  wrk -t 2 -c 4 -d 10s -s "$ROOT/scripts/bench-http.lua" "http://127.0.0.1:$PORT" >/dev/null 2>&1   # warm-up
  wrk -t 2 -c 4 -d 5s "http://127.0.0.1:$PORT/health/live" >/dev/null 2>&1
  BEST_E=0; BEST_N=0; BEST_E_AT="none"; BEST_N_AT="none"; PEAK_E=0; PEAK_N=0
  for c in 1 2 4 8 16 32; do
    read -r rps p50 p99 errs <<< "$(step eligibility "$c")"
    printf '  eligibility  %2d connections: %8.0f req/s  p50 %6.1f ms  p99 %7.1f ms  errors: %s (load %s)\n' "$c" "$rps" "$p50" "$p99" "$errs" "$(load)"
    if [ "$(echo "$p99 <= 50 && $rps > $BEST_E" | bc)" = 1 ]; then BEST_E=$rps; BEST_E_AT="$c connections, p99 $p99 ms"; fi
    if [ "$(echo "$rps > $PEAK_E" | bc)" = 1 ]; then PEAK_E=$rps; fi
    read -r rps p50 p99 errs <<< "$(step noop "$c")"
    printf '  no-op        %2d connections: %8.0f req/s  p50 %6.1f ms  p99 %7.1f ms  errors: %s (load %s)\n' "$c" "$rps" "$p50" "$p99" "$errs" "$(load)"
    if [ "$(echo "$p99 <= 50 && $rps > $BEST_N" | bc)" = 1 ]; then BEST_N=$rps; BEST_N_AT="$c connections, p99 $p99 ms"; fi
    if [ "$(echo "$rps > $PEAK_N" | bc)" = 1 ]; then PEAK_N=$rps; fi
  done
  echo "  reload under load: eligibility at 4 connections for 20 s, POST /api/v1/ruleset/reload after 5 s"
  wrk -t 2 -c 4 -d 20s --latency -s "$ROOT/scripts/bench-http.lua" "http://127.0.0.1:$PORT" > "${TMPDIR:-/tmp}/laurel-bench-reload.$$" 2>&1 &
  WRK=$!
  sleep 5
  RELOAD=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -X POST "http://127.0.0.1:$PORT/api/v1/ruleset/reload")
  wait $WRK
  FAILED=$(awk '/Non-2xx/ { n += $NF } /Socket errors/ { gsub(",", ""); n += $4 + $6 + $8 + $10 } END { print n + 0 }' "${TMPDIR:-/tmp}/laurel-bench-reload.$$")
  printf '  reload: HTTP %s in %.2f s (compile, check, every scenario, swap); during the 20 s: %s requests, %s failed (load %s)\n' \
    "${RELOAD% *}" "${RELOAD#* }" "$(awk '/requests in/ { print $1 }' "${TMPDIR:-/tmp}/laurel-bench-reload.$$")" "$FAILED" "$(load)"
  rm -f "${TMPDIR:-/tmp}/laurel-bench-reload.$$"
  RATIOS="$RATIOS
$(printf 'RATIO HTTP eligibility vs no-op, best throughput with p99 <= 50 ms: %.2f (eligibility %.0f req/s at %s; no-op %.0f req/s at %s; target at least 0.25)' \
    "$(echo "$BEST_E / $BEST_N" | bc -l)" "$BEST_E" "$BEST_E_AT" "$BEST_N" "$BEST_N_AT")
$(printf 'RATIO HTTP eligibility vs no-op, peak throughput whatever the latency: %.4f (%.0f vs %.0f req/s)' "$(echo "$PEAK_E / $PEAK_N" | bc -l)" "$PEAK_E" "$PEAK_N")
$(printf 'RELOAD of the full catalogue under load: %.2f s, %s failed requests (target at most 2 s, none failed)' "${RELOAD#* }" "$FAILED")"
fi
RATIOS="$RATIOS
$(printf 'RATIO batch vs COPY of the same rows (%s people): %.1f× (batch %.1f s, COPY %.2f s; target at most 2×)' "$PEOPLE" "$(echo "$B / $C" | bc -l)" "$B" "$C")"
echo "$RATIOS"
