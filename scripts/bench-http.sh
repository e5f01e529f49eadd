#!/usr/bin/env bash
# Benchmark 3 of docs/benchmarks.md, on its own or called by scripts/bench.sh: the service on an
# existing PostgreSQL holding generated people, wrk against POST /api/v1/subjects/{id}/eligibility
# (random subjects, every award, the decision saved: the GET of the same URL saves nothing since issue 13,
# so the benchmark POSTs to keep measuring the same work) and, beside it at each step, the no-op
# GET /health/live of the same server, at 1 to 32 connections; then two rule reloads under load, each
# after an edit of a copy of rules/ the server reads: one under common/ (every regime is built again:
# the full catalogue) and one in law-2022/ (only that regime is built again; the others are reused).
# usage: scripts/bench-http.sh JDBC_URL PEOPLE_CSV     (env BENCH_HTTP_PORT, default 18099)
# Prints a line per step, then RATIO/RELOAD lines. BENCH_JAVA_OPTS: extra JVM options of the server (a profiler, say).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="$ROOT/api/target/laurel-api.jar"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
URL="$1"; PEOPLE_CSV="$2"
load() { cut -d' ' -f1-3 /proc/loadavg; }
echo "== 3. HTTP: wrk, 10 s per step, eligibility (all awards, decision saved) vs the no-op /health/live"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
PORT=${BENCH_HTTP_PORT:-18099}
IDS="${TMPDIR:-/tmp}/laurel-bench-ids.$$"; export IDS
RULES="${TMPDIR:-/tmp}/laurel-bench-rules.$$"; rm -rf "$RULES"; cp -r "$ROOT/rules" "$RULES"
awk -F, 'NR > 1 { print $1 }' "$PEOPLE_CSV" > "$IDS"
# The demo client sees the generated province (root unit GEN), as a province-wide client's token would.
LAUREL_DEMO_ACCOUNTS=true LAUREL_DB_URL="$URL" $JAVA -Xmx1g ${BENCH_JAVA_OPTS:-} "-Dlaurel.rules.dir=$RULES" "-Dlaurel.scenarios.dir=$ROOT/examples/scenarios" \
  "-Dlaurel.security.demo-client-scope=GEN" \
  "-Dmicronaut.server.port=$PORT" -jar "$JAR" > "${TMPDIR:-/tmp}/laurel-bench-server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; rm -f "$IDS"; rm -rf "$RULES"' EXIT
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/health/live" >/dev/null && break; sleep 0.5; done
# The throwaway database has no real users: the demo accounts sign the requests (HTTP Basic, as a client would).
AUTH="Authorization: Basic $(printf client:client | base64)"
ADMIN=(-u admin:admin)
# wrk's latency figures in ms, whatever unit it prints them in
ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n *= 1; else if (v ~ /s$/) n *= 1000; printf "%.1f", n }'; }
step() { # eligibility|noop connections -> "rps p50 p99 errors"
  local args=("http://127.0.0.1:$PORT/health/live") out
  [ "$1" = eligibility ] && args=(-s "$ROOT/scripts/bench-http.lua" "http://127.0.0.1:$PORT")
  out=$(wrk -t "$(( $2 < 2 ? 1 : 2 ))" -c "$2" -d 10s --latency -H "$AUTH" "${args[@]}" 2>&1)
  echo "$(echo "$out" | awk '/Requests\/sec/ { r = $2 } END { print r + 0 }') $(ms "$(echo "$out" | awk '$1 == "50%" { print $2 }')") $(ms "$(echo "$out" | awk '$1 == "99%" { print $2 }')") $(echo "$out" | awk '/Non-2xx|Socket errors/ { s = s $0 "; " } END { print (s == "" ? "none" : s) }')"
}
wrk -t 2 -c 4 -d 10s -H "$AUTH" -s "$ROOT/scripts/bench-http.lua" "http://127.0.0.1:$PORT" >/dev/null 2>&1   # warm-up
wrk -t 2 -c 4 -d 5s -H "$AUTH" "http://127.0.0.1:$PORT/health/live" >/dev/null 2>&1
BEST_E=0; BEST_N=0; BEST_E_AT="none"; BEST_N_AT="none"; PEAK_E=0; PEAK_N=0
for c in 1 2 4 8 16 32; do
  read -r rps p50 p99 errs <<< "$(step eligibility "$c")"
  printf '  eligibility  %2d connections: %8.0f req/s  p50 %6.1f ms  p99 %7.1f ms  errors: %s (load %s)\n' "$c" "$rps" "$p50" "$p99" "$errs" "$(load)"
  # A step with failed requests measures the errors, not the service: it never counts.
  if [ "$errs" = none ]; then
    if [ "$(echo "$p99 <= 50 && $rps > $BEST_E" | bc)" = 1 ]; then BEST_E=$rps; BEST_E_AT="$c connections, p99 $p99 ms"; fi
    if [ "$(echo "$rps > $PEAK_E" | bc)" = 1 ]; then PEAK_E=$rps; fi
  fi
  read -r rps p50 p99 errs <<< "$(step noop "$c")"
  printf '  no-op        %2d connections: %8.0f req/s  p50 %6.1f ms  p99 %7.1f ms  errors: %s (load %s)\n' "$c" "$rps" "$p50" "$p99" "$errs" "$(load)"
  if [ "$errs" = none ]; then
    if [ "$(echo "$p99 <= 50 && $rps > $BEST_N" | bc)" = 1 ]; then BEST_N=$rps; BEST_N_AT="$c connections, p99 $p99 ms"; fi
    if [ "$(echo "$rps > $PEAK_N" | bc)" = 1 ]; then PEAK_N=$rps; fi
  fi
done
echo "  reload under load: eligibility at 4 connections for 30 s; after 5 s an edit under common/ and a reload, after 18 s an edit in law-2022/ and a reload"
wrk -t 2 -c 4 -d 30s --latency -H "$AUTH" -s "$ROOT/scripts/bench-http.lua" "http://127.0.0.1:$PORT" > "${TMPDIR:-/tmp}/laurel-bench-reload.$$" 2>&1 &
WRK=$!
reload_after_edit() { # file -> "status seconds"
  printf '\n// benchmark edit %s\n' "$(date +%s%N)" >> "$RULES/$1"
  curl -s -o /dev/null -w '%{http_code} %{time_total}' "${ADMIN[@]}" -X POST "http://127.0.0.1:$PORT/api/v1/ruleset/reload"
}
sleep 5
RELOAD=$(reload_after_edit common/creative-labor-certificate.drl)
sleep 8
RELOAD_ONE=$(reload_after_edit law-2022/advanced-laborer.drl)
wait $WRK
FAILED=$(awk '/Non-2xx/ { n += $NF } /Socket errors/ { gsub(",", ""); n += $4 + $6 + $8 + $10 } END { print n + 0 }' "${TMPDIR:-/tmp}/laurel-bench-reload.$$")
printf '  reload after an edit under common/ (every regime built, every scenario run, swap): HTTP %s in %.2f s (load %s)\n' "${RELOAD% *}" "${RELOAD#* }" "$(load)"
printf '  reload after an edit in law-2022/ (that regime built, the others reused, every scenario run, swap): HTTP %s in %.2f s\n' "${RELOAD_ONE% *}" "${RELOAD_ONE#* }"
printf '  during the 30 s: %s requests, %s failed\n' "$(awk '/requests in/ { print $1 }' "${TMPDIR:-/tmp}/laurel-bench-reload.$$")" "$FAILED"
rm -f "${TMPDIR:-/tmp}/laurel-bench-reload.$$"
echo "$(printf 'RATIO HTTP eligibility vs no-op, best throughput with p99 <= 50 ms: %.4f (eligibility %.0f req/s at %s; no-op %.0f req/s at %s; target at least 0.25)' \
  "$(echo "$BEST_E / $BEST_N" | bc -l)" "$BEST_E" "$BEST_E_AT" "$BEST_N" "$BEST_N_AT")
$(printf 'RATIO HTTP eligibility vs no-op, peak throughput whatever the latency: %.4f (%.0f vs %.0f req/s)' "$(echo "$PEAK_E / $PEAK_N" | bc -l)" "$PEAK_E" "$PEAK_N")
$(printf 'RELOAD of the full catalogue under load: %.2f s, of one edited regime %.2f s; %s failed requests (target at most 2 s, none failed)' "${RELOAD#* }" "${RELOAD_ONE#* }" "$FAILED")"
