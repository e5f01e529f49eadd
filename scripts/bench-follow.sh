#!/usr/bin/env bash
# Benchmark of docs/benchmarks.md ("Issue 15"), on its own or called by scripts/bench.sh: how long a
# second instance of the service takes to serve a rule change published through the first.
# Two servers (java -jar, as `./laurel serve` starts one) on one PostgreSQL server, in a database of
# their own, laurel_follow, dropped and created again at each run (so that the servers seed it from
# rules/ and examples/scenarios/, and the publications below never reach the `laurel` database the
# batch and HTTP benchmarks read). Then, side by side in one run, N rounds of two variants, each the
# whole review over HTTP on instance 1: a draft (policy), an edited file saved (a comment appended to
# rules/awards/advanced-unit.drl, whose rules only LAW_2022 lists: that regime is compiled again, the
# others are reused), proposed
# (policy), approved by another person (admin, naming the draft's contentHash), then published (policy):
#   a. "publish at once": published as soon as the approval answered;
#   b. "publish after warm-up": published 2.5 poll intervals after the approval, so that RuleWarmer
#      (every instance, every laurel.rules.poll-interval) has compiled the approved rules ahead.
# Measured for each: the publish call's own time, and the time from its answer until instance 2's
# GET /api/v1/ruleset names the published version (polled every 10 ms). The order of the two variants
# alternates from round to round (a b, b a, a b, ...); one unmeasured round first warms both JVMs up.
# usage: scripts/bench-follow.sh JDBC_URL [ROUNDS]   (JDBC_URL: any database of the PostgreSQL server to use;
#        ROUNDS default 5; env BENCH_FOLLOW_PORT, default 18101: instance 1 there, instance 2 on the next port)
# Prints a line per round, then the RATIO and FOLLOW lines. BENCH_JAVA_OPTS: extra JVM options of both servers.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="$ROOT/api/target/laurel-api.jar"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
URL="$1"; ROUNDS="${2:-5}"
POLL_MS=1000   # laurel.rules.poll-interval, set explicitly below so that the wait of variant b matches it
P1=${BENCH_FOLLOW_PORT:-18101}; P2=$((P1 + 1))
HOSTPORT=$(echo "$URL" | sed -E 's#^jdbc:postgresql://([^/]+)/.*#\1#')
PGH=${HOSTPORT%:*}; PGP=${HOSTPORT##*:}
[ "$PGP" = "$HOSTPORT" ] && PGP=5432
FOLLOW_URL="jdbc:postgresql://$PGH:$PGP/laurel_follow"
echo "== 3. two instances on one PostgreSQL (database laurel_follow): a publication on instance 1, followed by instance 2; $ROUNDS rounds"
PGOPTIONS="-c client_min_messages=warning" psql -X -q -h "$PGH" -p "$PGP" -U postgres -d postgres -v ON_ERROR_STOP=1 \
  -c "DROP DATABASE IF EXISTS laurel_follow WITH (FORCE)" -c "CREATE DATABASE laurel_follow" >/dev/null
LOGS="${TMPDIR:-/tmp}/laurel-bench-follow"
PIDS=()
trap 'for p in ${PIDS[@]+"${PIDS[@]}"}; do kill "$p" 2>/dev/null || true; done; for p in ${PIDS[@]+"${PIDS[@]}"}; do wait "$p" 2>/dev/null || true; done' EXIT
start() { # port log
  LAUREL_DEMO_ACCOUNTS=true LAUREL_DB_URL="$FOLLOW_URL" $JAVA -Xmx768m ${BENCH_JAVA_OPTS:-} \
    "-Dlaurel.rules.dir=$ROOT/rules" "-Dlaurel.scenarios.dir=$ROOT/examples/scenarios" "-Dlaurel.demo.dir=$ROOT/examples/demo" \
    "-Dlaurel.rules.poll-interval=${POLL_MS}ms" "-Dmicronaut.server.port=$1" -jar "$JAR" > "$2" 2>&1 &
  PIDS+=($!)
}
wait_up() { # port log
  for _ in $(seq 1 360); do
    curl -sf -u auditor:auditor "http://127.0.0.1:$1/api/v1/ruleset" >/dev/null && return 0
    sleep 0.5
  done
  echo "bench-follow: the server on port $1 did not start; its log: $2" >&2; tail -20 "$2" >&2; exit 1
}
# One after the other: the first seeds the empty database (revision 1), the second starts on it.
t0=$(date +%s.%N)
start "$P1" "$LOGS-1.log"; wait_up "$P1" "$LOGS-1.log"
start "$P2" "$LOGS-2.log"; wait_up "$P2" "$LOGS-2.log"
printf '  both instances up in %.1f s (logs %s-1.log, %s-2.log)\n' "$(echo "$(date +%s.%N) - $t0" | bc)" "$LOGS" "$LOGS"

python3 - "$P1" "$P2" "$ROUNDS" "$POLL_MS" <<'PY'
import base64, json, statistics, sys, time, urllib.error, urllib.request

p1, p2, rounds, poll_ms = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
I1, I2 = f"http://127.0.0.1:{p1}/api/v1/ruleset", f"http://127.0.0.1:{p2}/api/v1/ruleset"
FILE = "rules/awards/advanced-unit.drl"
FOLLOW_TIMEOUT = 30.0

def load():
    return " ".join(open("/proc/loadavg").read().split()[:3])

def call(method, url, user, body=None, ctype="application/json"):
    """-> (status, body bytes, seconds)"""
    data = None
    if body is not None:
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, method=method)
    req.add_header("Authorization", "Basic " + base64.b64encode(f"{user}:{user}".encode()).decode())
    if data is not None:
        req.add_header("Content-Type", ctype)
    t = time.monotonic()
    try:
        with urllib.request.urlopen(req, timeout=120) as r:
            out, status = r.read(), r.status
    except urllib.error.HTTPError as e:
        out, status = e.read(), e.code
    return status, out, time.monotonic() - t

def ok(step, status, out, want=(200, 201)):
    if status not in want:
        raise SystemExit(f"bench-follow: {step} answered HTTP {status}: {out[:600].decode(errors='replace')}")
    return json.loads(out) if out and out[:1] in (b"{", b"[") else out

def version(base):
    s, out, _ = call("GET", base, "auditor")
    return json.loads(out)["version"] if s == 200 else None

def one(n, variant):
    """The whole review on instance 1, then the wait for instance 2. -> dict of timings (ms)."""
    d = ok("create draft", *call("POST", f"{I1}/drafts", "policy", {"title": f"bench follow {n}{variant}"})[:2])
    did = d["id"]
    s, text, _ = call("GET", f"{I1}/drafts/{did}/files/{FILE}", "policy")
    ok("read file", s, text)
    edited = text + f"\n// bench {n}{variant} {time.time_ns()}\n".encode()
    saved = ok("save file", *call("PUT", f"{I1}/drafts/{did}/files/{FILE}", "policy", edited,
                                   "text/plain; charset=utf-8")[:2])
    if not saved.get("check", {}).get("passed", False):
        raise SystemExit(f"bench-follow: the saved draft {did} does not pass its check: {json.dumps(saved.get('check'))[:600]}")
    ok("propose", *call("POST", f"{I1}/drafts/{did}/propose", "policy", {"note": f"bench follow round {n}{variant}"})[:2])
    read = ok("read draft", *call("GET", f"{I1}/drafts/{did}", "admin")[:2])
    approved = ok("approve", *call("POST", f"{I1}/drafts/{did}/approve", "admin", {"contentHash": read["contentHash"]})[:2])
    if approved.get("status") != "APPROVED":
        raise SystemExit(f"bench-follow: draft {did} is {approved.get('status')} after the approval")
    if variant == "b":
        time.sleep(2.5 * poll_ms / 1000)
    before = version(I2)
    s, out, pub_s = call("POST", f"{I1}/drafts/{did}/publish", "policy", b"", "application/json")
    answered = time.monotonic()
    published = ok("publish", s, out)["revision"]["rulesVersion"]
    if published == before:
        raise SystemExit(f"bench-follow: draft {did} published the version already in service")
    follow = None
    while time.monotonic() - answered < FOLLOW_TIMEOUT:
        if version(I2) == published:
            follow = (time.monotonic() - answered) * 1000
            break
        time.sleep(0.01)
    own = version(I1) == published
    c = saved["check"]
    return {"publish": pub_s * 1000, "status": s, "follow": follow, "own": own,
            "compile": c.get("compileMs", 0), "scenarios": c.get("scenarioMs", 0)}

NAMES = {"a": "publish at once       ", "b": "publish after warm-up "}
def line(n, variant, r):
    f = "did not follow within %.0f s" % FOLLOW_TIMEOUT if r["follow"] is None else "instance 2 followed %6.0f ms after the answer" % r["follow"]
    print(f"  round {n} {variant}. {NAMES[variant]}: publish HTTP {r['status']} in {r['publish']:5.0f} ms, {f}"
          f"{'' if r['own'] else ' (instance 1 not on it!)'}; the save's check on instance 1: compile {r['compile']} ms, "
          f"scenarios {r['scenarios']} ms (load {load()})", flush=True)

line(0, "a", one(0, "a"))
print("  (round 0: warm-up of both JVMs, not counted)", flush=True)
res = {"a": [], "b": []}
for n in range(1, rounds + 1):
    for v in (("a", "b") if n % 2 else ("b", "a")):
        r = one(n, v)
        res[v].append(r)
        line(n, v, r)

def med(xs):
    return statistics.median(xs) if xs else float("nan")
fa = [r["follow"] for r in res["a"] if r["follow"] is not None]
fb = [r["follow"] for r in res["b"] if r["follow"] is not None]
lost = sum(1 for v in res for r in res[v] if r["follow"] is None)
ma, mb = med(fa), med(fb)
pa, pb = med([r["publish"] for r in res["a"]]), med([r["publish"] for r in res["b"]])
print(f"RATIO follow without warm-up vs with: {ma / mb if mb else float('inf'):.1f}× (median {ma:.0f} ms, median {mb:.0f} ms; "
      f"target: both at most 2000 ms)")
print(f"FOLLOW a publication on another instance, {rounds} rounds each: at once median {ma:.0f} ms (max {max(fa, default=float('nan')):.0f}), "
      f"after warm-up median {mb:.0f} ms (max {max(fb, default=float('nan')):.0f}); the publish call itself median {pa:.0f} / {pb:.0f} ms; "
      f"{lost} not followed within {FOLLOW_TIMEOUT:.0f} s (load {load()}; target at most 2000 ms)")
PY
