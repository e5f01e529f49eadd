#!/usr/bin/env bash
# Verification of the audit chain at scale:  scripts/bench-verify.sh JDBC_URL N
#   1. fills the (PostgreSQL) database with N decisions chained in format 3, 4–5 KB records, 14 outcome and
#      35 fact rows each (vn.laurel.tools.bench.ChainData, COPY); skipped when the chain already holds N or more;
#   2. `laurel verify` of the whole chain with -Xmx256m: one pass, memory flat (peak heap and RSS reported);
#   3. a signed checkpoint, 10 000 more decisions, and `laurel verify --from-checkpoint latest`: only those;
#   4. the last decision's outcome row changed behind the chain: verify walks to the end and names it.
# Prints `VERIFY …` lines (with the load average: the machine may be shared). Target: 1 000 000 in at most 60 s.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
URL="${1:?usage: scripts/bench-verify.sh JDBC_URL N}"; N="${2:?usage: scripts/bench-verify.sh JDBC_URL N}"
JAR="$ROOT/api/target/laurel-api.jar"; TOOLS_JAR="$ROOT/tools/target/laurel-tools.jar"
if [ ! -f "$JAR" ] || [ ! -f "$TOOLS_JAR" ] || [ -n "$(find "$ROOT/engine/src/main" "$ROOT/api/src/main" "$ROOT/tools/src/main" -newer "$TOOLS_JAR" -type f -print -quit)" ]; then
  echo "bench-verify: building the jars..." >&2
  (cd "$ROOT" && ./mvnw -B -q -DskipTests package -pl tools -am) >&2
fi
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
CP="$TOOLS_JAR:$JAR"
XMX="${VERIFY_XMX:-256m}"
KEY="${TMPDIR:-/tmp}/laurel-bench-verify-key.pem"
load() { cut -d' ' -f1-3 /proc/loadavg; }
now() { date +%s.%N; }
HOST_PORT=$(echo "$URL" | sed -E 's#jdbc:postgresql://([^/]+)/.*#\1#'); DBNAME=$(echo "$URL" | sed -E 's#.*/([^/?]+).*#\1#')
PSQL=(psql -X -q -At -h "${HOST_PORT%:*}" -p "${HOST_PORT#*:}" -U postgres -d "$DBNAME")
have=$("${PSQL[@]}" -c "SELECT last_sequence FROM decision_chain_head WHERE id = 1" 2>/dev/null || echo 0)
if [ "${have:-0}" -lt "$N" ]; then
  t0=$(now)
  $JAVA -Xmx1g -cp "$CP" vn.laurel.tools.bench.ChainData --db "$URL" --decisions $((N - ${have:-0}))
  printf 'VERIFY generated %s decisions: %.0f s (load %s)\n' "$((N - ${have:-0}))" "$(echo "$(now) - $t0" | bc)" "$(load)"
fi
SIZE=$("${PSQL[@]}" -c "SELECT pg_size_pretty(pg_database_size(current_database()))")

verify() {  # label, then the arguments of laurel verify
  local label="$1"; shift
  local out="${TMPDIR:-/tmp}/laurel-bench-verify.$$" l t rc=0
  l=$(load); t=$(now)
  $JAVA "-Xmx$XMX" -cp "$JAR" vn.laurel.api.tools.VerifyCommand --db "$URL" "$@" >"$out" || rc=$?
  t=$(echo "$(now) - $t" | bc)
  local checked intact peak rss kind seq
  checked=$(grep -m1 '"checked"' "$out" | tr -dc '0-9' || true); intact=$(grep -m1 '"intact"' "$out" | grep -o 'true\|false' || true)
  peak=$(grep '"peakHeapMb"' "$out" | tr -dc '0-9' || true); rss=$(grep '"peakRssMb"' "$out" | tr -dc '0-9' || true)
  kind=$(grep -m1 '"kind"' "$out" | sed -E 's/.*: "([A-Z]+)".*/\1/' || true); seq=$(grep -m1 '"sequence"' "$out" | tr -dc '0-9' || true)
  printf 'VERIFY %s: %.1f s wall (JVM start included), %s records checked, intact %s%s, exit %s, -Xmx%s peak heap %s MB, peak RSS %s MB (load before %s)\n' \
    "$label" "$t" "$checked" "$intact" "${kind:+, first problem $kind at record $seq}" "$rc" "$XMX" "$peak" "$rss" "$l"
  rm -f "$out"
}
echo "database: $SIZE; $(nproc) cores; $($JAVA -version 2>&1 | head -1)"
verify "$N decisions"
$JAVA -cp "$CP" vn.laurel.tools.bench.ChainData --db "$URL" --checkpoint "$KEY" >/dev/null
$JAVA -Xmx1g -cp "$CP" vn.laurel.tools.bench.ChainData --db "$URL" --decisions 10000 >/dev/null 2>&1
LAUREL_CHECKPOINT_KEY_FILE="$KEY" verify "$N decisions + 10000, from the checkpoint at $N" --from-checkpoint latest
$JAVA -cp "$CP" vn.laurel.tools.bench.ChainData --db "$URL" --break-last >/dev/null
verify "$((N + 10000)) decisions, the last one's outcome row changed"
