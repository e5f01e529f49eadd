#!/usr/bin/env bash
# Two instances on one PostgreSQL under load (docs/benchmarks.md "Issue 20"), on its own or called by
# scripts/bench.sh after the HTTP step: two servers started as `./laurel serve` starts one (java -jar)
# on the same database of generated people, behind nginx as in deploy/compose.yaml (installed when
# missing; without it, wrk splits its connections between the two itself), wrk against
# POST /api/v1/subjects/{id}/eligibility of random subjects (every award, the decision saved and
# chained) — first one instance alone, then both through the proxy with the same connections — and
# afterwards the audit chain verified through the API: both instances append to one chain, which must
# be intact, with every saved decision in it.
# usage: scripts/bench-two.sh JDBC_URL PEOPLE_CSV [CONNECTIONS] [SECONDS]   (default 8 connections, 15 s;
#        env BENCH_TWO_PORTS, default "18131 18132 18130": the instances and the proxy)
# Prints a line per run, then the TWO line.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="$ROOT/api/target/laurel-api.jar"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
URL="$1"; PEOPLE_CSV="$2"; CONN="${3:-8}"; SECS="${4:-15}"
read -r P1 P2 PP <<< "${BENCH_TWO_PORTS:-18131 18132 18130}"
load() { cut -d' ' -f1-3 /proc/loadavg; }
command -v wrk >/dev/null || bash "$ROOT/scripts/apt-install.sh" wrk
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
[ -x "$NGINX" ] || bash "$ROOT/scripts/apt-install.sh" nginx-light || true
echo "== 6. two instances on one PostgreSQL: eligibility (decision saved) at $CONN connections, $SECS s"
IDS="${TMPDIR:-/tmp}/laurel-bench-two-ids.$$"; export IDS
awk -F, 'NR > 1 { print $1 }' "$PEOPLE_CSV" > "$IDS"
PIDS=()
PROXY="${TMPDIR:-/tmp}/laurel-bench-two-nginx.$$"
trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; [ -f "$PROXY/nginx.pid" ] && kill "$(cat "$PROXY/nginx.pid")" 2>/dev/null; rm -rf "$IDS" "$PROXY"' EXIT
for port in "$P1" "$P2"; do
  LAUREL_DEMO_ACCOUNTS=true LAUREL_DB_URL="$URL" $JAVA -Xmx768m ${BENCH_JAVA_OPTS:-} "-Dlaurel.rules.dir=$ROOT/rules" \
    "-Dlaurel.scenarios.dir=$ROOT/examples/scenarios" "-Dlaurel.security.demo-client-scope=GEN" \
    "-Dmicronaut.server.port=$port" -jar "$JAR" > "${TMPDIR:-/tmp}/laurel-bench-two-$port.log" 2>&1 &
  PIDS+=($!)
  # One after the other: the first creates or migrates the schema, the second finds it done.
  for _ in $(seq 1 240); do curl -sf "http://127.0.0.1:$port/health/live" >/dev/null && break; sleep 0.5; done
  curl -sf "http://127.0.0.1:$port/health/live" >/dev/null \
    || { echo "bench-two: the server on port $port did not start; its log: ${TMPDIR:-/tmp}/laurel-bench-two-$port.log" >&2; exit 1; }
done
# The proxy of deploy/nginx/laurel.conf, pointed at the two local instances.
if [ -x "$NGINX" ]; then
  mkdir -p "$PROXY"
  cat > "$PROXY/nginx.conf" <<CONF
daemon on; worker_processes 1; pid $PROXY/nginx.pid; error_log $PROXY/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $PROXY/body; proxy_temp_path $PROXY/proxy;
  upstream laurel { server 127.0.0.1:$P1 max_fails=2 fail_timeout=10s; server 127.0.0.1:$P2 max_fails=2 fail_timeout=10s; keepalive 32; }
  server {
    listen 127.0.0.1:$PP;
    location / {
      proxy_pass http://laurel; proxy_http_version 1.1; proxy_set_header Connection ""; proxy_set_header Host \$host;
      proxy_set_header X-Request-Id \$request_id; proxy_next_upstream error timeout http_503; proxy_next_upstream_tries 2;
    }
  }
}
CONF
  "$NGINX" -c "$PROXY/nginx.conf" -p "$PROXY" 2>"$PROXY/start.log" || { echo "bench-two: nginx did not start: $(cat "$PROXY/start.log")" >&2; NGINX=""; }
else
  NGINX=""
fi
AUTH="Authorization: Basic $(printf client:client | base64)"
run() { # port connections seconds -> "requests rps p99 failed"
  local out
  out=$(wrk -t "$(( $2 < 2 ? 1 : 2 ))" -c "$2" -d "${3}s" --latency -H "$AUTH" -s "$ROOT/scripts/bench-http.lua" "http://127.0.0.1:$1" 2>&1)
  echo "$(echo "$out" | awk '/requests in/ { print $1 }') $(echo "$out" | awk '/Requests\/sec/ { print $2 + 0 }') \
$(echo "$out" | awk '$1 == "99%" { print $2 }') $(echo "$out" | awk '/Non-2xx/ { n += $NF } /Socket errors/ { gsub(",", ""); n += $4 + $6 + $8 + $10 } END { print n + 0 }')"
}
for port in "$P1" "$P2"; do run "$port" 4 15 >/dev/null; done   # warm-up of both JVMs (the JIT compiles the evaluation path)
chain() { curl -s -u auditor:auditor "http://127.0.0.1:$P1/api/v1/audit/verify" | python3 -c 'import json,sys; v=json.load(sys.stdin); print(v.get("intact"), v.get("checked"))'; }
read -r _ BEFORE <<< "$(chain)"
read -r N1 R1 L1 F1 <<< "$(run "$P1" "$CONN" "$SECS")"
printf '  one instance,  %2d connections: %6.0f req/s, p99 %s, %s requests, %s failed (load %s)\n' "$CONN" "$R1" "$L1" "$N1" "$F1" "$(load)"
if [ -n "$NGINX" ]; then
  run "$PP" 2 5 >/dev/null   # the proxy's connections to both opened
  read -r NA RA LA FA <<< "$(run "$PP" "$CONN" "$SECS")"; NB=0; RB=0; LB="-"; FB=0
  HOW="through nginx (round robin), $CONN connections"
  printf '  two instances, %s: %6.0f req/s, p99 %s, %s failed (load %s)\n' "$HOW" "$RA" "$LA" "$FA" "$(load)"
else
  HALF=$(( CONN / 2 < 1 ? 1 : CONN / 2 ))
  A="${TMPDIR:-/tmp}/laurel-bench-two-a.$$"; B="${TMPDIR:-/tmp}/laurel-bench-two-b.$$"
  run "$P1" "$HALF" "$SECS" > "$A" & WA=$!
  run "$P2" "$HALF" "$SECS" > "$B" & WB=$!
  wait $WA $WB
  read -r NA RA LA FA < "$A"; read -r NB RB LB FB < "$B"; rm -f "$A" "$B"
  HOW="no proxy (nginx missing): wrk $HALF connections to each"
  printf '  two instances, %s: %6.0f + %6.0f = %6.0f req/s, p99 %s / %s, %s failed (load %s)\n' "$HOW" "$RA" "$RB" \
    "$(echo "$RA + $RB" | bc)" "$LA" "$LB" "$(( FA + FB ))" "$(load)"
fi
T0=$(date +%s.%N)
read -r INTACT AFTER <<< "$(chain)"
VT=$(echo "$(date +%s.%N) - $T0" | bc)
SAVED=$(( N1 - F1 + NA - FA + NB - FB ))
printf '  the chain after: intact %s, %s records (%s before, %s decisions saved by the runs), verified in %.2f s\n' "$INTACT" "$AFTER" "$BEFORE" "$SAVED" "$VT"
OK=no; [ "$INTACT" = True ] && [ "$AFTER" -ge "$(( BEFORE + SAVED ))" ] && OK=yes
printf 'TWO instances on one PostgreSQL: together %.0f req/s, %s (one alone %.0f req/s at the same %s connections); chain intact after: %s (%s records, %s added by %s saved decisions); %s failed requests\n' \
  "$(echo "$RA + $RB" | bc)" "$HOW" "$R1" "$CONN" "$OK" "$AFTER" "$(( AFTER - BEFORE ))" "$SAVED" "$(( F1 + FA + FB ))"
