#!/usr/bin/env bash
# Benchmark of docs/benchmarks.md ("Issue 16"), on its own or called by scripts/bench.sh: how long each
# page of the web workbench takes to answer for the demo department (200 people, 10 units, ten years),
# signed in through the sign-in form as a browser is, against PostgreSQL. One server (java -jar, as
# `./laurel serve` starts one) on a database of its own, laurel_pages, dropped and created again at
# each run and loaded with the demo department. A saved decision (for the auditor's report page) and a
# finished batch (for the batch page) are made first through the API. Each page is then asked 5 times
# unmeasured and N times measured, one after the other (a person at a desk, not a load test: that is
# scripts/bench-http.sh); the time is from the request to the last byte of the page, as curl's
# time_total. Assets (CSS, htmx) are not counted: a browser caches them.
# usage: scripts/bench-pages.sh JDBC_URL [N]   (JDBC_URL: any database of the PostgreSQL server to use; N default 30;
#        env BENCH_PAGES_PORT, default 18111)
# Prints a line per page (median, p95, max), then the PAGES line: the slowest p95 against the 300 ms target.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="$ROOT/api/target/laurel-api.jar"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
URL="$1"; N="${2:-30}"
PORT=${BENCH_PAGES_PORT:-18111}
HOSTPORT=$(echo "$URL" | sed -E 's#^jdbc:postgresql://([^/]+)/.*#\1#')
PGH=${HOSTPORT%:*}; PGP=${HOSTPORT##*:}
[ "$PGP" = "$HOSTPORT" ] && PGP=5432
PAGES_URL="jdbc:postgresql://$PGH:$PGP/laurel_pages"
echo "== 4. the web workbench's pages for the demo department (database laurel_pages), $N requests each"
PGOPTIONS="-c client_min_messages=warning" psql -X -q -h "$PGH" -p "$PGP" -U postgres -d postgres -v ON_ERROR_STOP=1 \
  -c "DROP DATABASE IF EXISTS laurel_pages WITH (FORCE)" -c "CREATE DATABASE laurel_pages" >/dev/null
LOG="${TMPDIR:-/tmp}/laurel-bench-pages.log"
PID=""
trap '[ -n "$PID" ] && { kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; }' EXIT
LAUREL_DEMO=true LAUREL_DEMO_ACCOUNTS=true LAUREL_DB_URL="$PAGES_URL" $JAVA -Xmx768m ${BENCH_JAVA_OPTS:-} \
  "-Dlaurel.rules.dir=$ROOT/rules" "-Dlaurel.scenarios.dir=$ROOT/examples/scenarios" "-Dlaurel.demo.dir=$ROOT/examples/demo" \
  "-Dmicronaut.server.port=$PORT" -jar "$JAR" > "$LOG" 2>&1 &
PID=$!
for _ in $(seq 1 360); do
  curl -sf -u auditor:auditor "http://127.0.0.1:$PORT/api/v1/ruleset" >/dev/null && break
  sleep 0.5
done
curl -sf -u auditor:auditor "http://127.0.0.1:$PORT/api/v1/ruleset" >/dev/null \
  || { echo "bench-pages: the server did not start; its log: $LOG" >&2; tail -20 "$LOG" >&2; exit 1; }

DECISION_FILE="${TMPDIR:-/tmp}/laurel-bench-pages-decision.$$"
python3 - "$PORT" "$N" "$DECISION_FILE" <<'PY'
import base64, http.cookiejar, json, re, statistics, sys, time, urllib.parse, urllib.request

port, n = int(sys.argv[1]), int(sys.argv[2])
base = f"http://127.0.0.1:{port}"
YEAR, UNIT, PERSON = 2025, "HN-SKHCN-DEMO", "P-0001"

def api(method, path, body=None, user="admin"):
    r = urllib.request.Request(base + path, method=method, data=None if body is None else json.dumps(body).encode(),
                               headers={"Authorization": "Basic " + base64.b64encode(f"{user}:{user}".encode()).decode(),
                                        "Content-Type": "application/json", "Accept": "application/json"})
    with urllib.request.urlopen(r, timeout=120) as a:
        return json.loads(a.read() or b"null")

# What the auditor's and the batch pages show: one saved decision, one finished batch.
decision = api("POST", f"/api/v1/subjects/{PERSON}/eligibility?year={YEAR}")
decision_id = decision.get("decisionId")
open(sys.argv[3], "w").write(str(decision_id))
batch = api("POST", "/api/v1/batches", {"year": YEAR, "unit": UNIT, "includeSubunits": True})
batch_id = batch.get("id")
for _ in range(600):
    if api("GET", f"/api/v1/batches/{batch_id}").get("status") in ("DONE", "FAILED"): break
    time.sleep(0.2)

jar = http.cookiejar.CookieJar()
class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *a, **k): return None
browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
def fetch(path, data=None):
    try:
        with browser.open(urllib.request.Request(base + path, data=data), timeout=120) as a:
            return a.status, a.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()
status, form = fetch("/login")
token = re.search(rb'name="_csrf" value="([^"]+)"', form).group(1).decode()
status, _ = fetch("/login", urllib.parse.urlencode({"_csrf": token, "username": "admin", "password": "admin"}).encode())
assert status == 303, f"sign-in answered {status}"

pages = [
    ("home", "/"),
    ("search", "/search?q=nguyen+thi+hoa"),
    ("person", f"/people/{PERSON}?year={YEAR}"),
    ("unit", f"/units/{UNIT}?year={YEAR}"),
    ("unit tree", "/units"),
    ("who is eligible", f"/candidates?unit={UNIT}&includeSubunits=true&award=GRASSROOTS_EMULATION_SOLDIER&year={YEAR}"),
    ("who is eligible, XLSX", f"/candidates/export.xlsx?unit={UNIT}&includeSubunits=true&award=GRASSROOTS_EMULATION_SOLDIER&year={YEAR}"),
    ("what if", f"/what-if?subject={PERSON}&year={YEAR}"),
    ("batches", "/batches"),
    ("a batch", f"/batches/{batch_id}"),
    ("audit: decisions", f"/audit?subject={PERSON}"),
    ("audit: a decision", f"/audit/decisions/{decision_id}"),
    ("audit: verify", "/audit/verify"),
    ("audit: change log", "/audit/changes"),
]
worst = (0.0, "")
for name, path in pages:
    status, _ = fetch(path)
    if status != 200:
        print(f"  {name:24s} {path}: HTTP {status} (not measured)")
        continue
    for _ in range(5): fetch(path)
    times = []
    for _ in range(n):
        t = time.perf_counter(); fetch(path); times.append((time.perf_counter() - t) * 1000)
    times.sort()
    p95 = times[min(len(times) - 1, int(round(0.95 * len(times))) - 1)]
    print(f"  {name:24s} median {statistics.median(times):6.1f} ms  p95 {p95:6.1f} ms  max {times[-1]:6.1f} ms   {path}")
    if p95 > worst[0]: worst = (p95, name)

# The actions an official waits on (POSTs with the page's CSRF token): the what-if's evaluation of the
# untouched copy of P-0001's facts (every field of the form, as the browser sends it), a replay, a verify.
from html.parser import HTMLParser
class FormFields(HTMLParser):
    def __init__(self, form_id):
        super().__init__(); self.form_id, self.inside, self.fields, self.select, self.textarea = form_id, False, [], None, None
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form": self.inside = a.get("id") == self.form_id
        if not self.inside: return
        if tag == "input" and a.get("name") and a.get("type") not in ("submit", "button"):
            if a.get("type") in ("checkbox", "radio") and "checked" not in a: return
            self.fields.append((a["name"], a.get("value") or ""))
        elif tag == "select" and a.get("name"): self.select = [a["name"], None, None]
        elif tag == "option" and self.select is not None:
            if self.select[2] is None: self.select[2] = a.get("value", "")
            if "selected" in a: self.select[1] = a.get("value", "")
        elif tag == "textarea" and a.get("name"): self.textarea = [a["name"], ""]
    def handle_data(self, data):
        if self.textarea is not None: self.textarea[1] += data
    def handle_endtag(self, tag):
        if tag == "form": self.inside = False
        if tag == "select" and self.select is not None:
            self.fields.append((self.select[0], self.select[1] if self.select[1] is not None else (self.select[2] or ""))); self.select = None
        if tag == "textarea" and self.textarea is not None: self.fields.append(tuple(self.textarea)); self.textarea = None
def csrf_of(path):
    return re.search(rb'name="_csrf" value="([^"]+)"', fetch(path)[1]).group(1).decode()
status, html = fetch(f"/what-if?subject={PERSON}&year={YEAR}")
parser = FormFields("whatif-form"); parser.feed(html.decode())
whatif = urllib.parse.urlencode(parser.fields).encode()
token = csrf_of("/audit/verify")
actions = [
    ("what if: evaluate", "/what-if/evaluate", whatif),
    ("audit: replay", f"/audit/decisions/{decision_id}/replay", urllib.parse.urlencode({"_csrf": token, "with": "stored"}).encode()),
    ("audit: verify the chain", "/audit/verify", urllib.parse.urlencode({"_csrf": token, "what": "chain"}).encode()),
]
for name, path, body in actions:
    status, _ = fetch(path, body)
    if status != 200:
        print(f"  {name:24s} POST {path}: HTTP {status} (not measured)")
        continue
    for _ in range(5): fetch(path, body)
    times = []
    for _ in range(n):
        t = time.perf_counter(); fetch(path, body); times.append((time.perf_counter() - t) * 1000)
    times.sort()
    p95 = times[min(len(times) - 1, int(round(0.95 * len(times))) - 1)]
    print(f"  {name:24s} median {statistics.median(times):6.1f} ms  p95 {p95:6.1f} ms  max {times[-1]:6.1f} ms   POST {path}")
    if p95 > worst[0]: worst = (p95, name)
print(f"PAGES slowest p95 {worst[0]:.0f} ms ({worst[1]}); target under 300 ms for every page")
PY
# What the audit trail keeps for that decision (P-0001, every award, 2025): the stored record as text,
# and as PostgreSQL stores it (pg_column_size: after its own compression of long values).
DECISION_ID=$(cat "$DECISION_FILE"); rm -f "$DECISION_FILE"
read -r BYTES STORED <<< "$(psql -X -q -At -F ' ' -h "$PGH" -p "$PGP" -U postgres -d laurel_pages -c "SELECT
  CASE WHEN record_text IS NOT NULL THEN octet_length(record_text) ELSE octet_length(CAST(result AS TEXT)) END,
  CASE WHEN record_text IS NOT NULL THEN pg_column_size(record_text) ELSE pg_column_size(result) END
  FROM decision WHERE id = $DECISION_ID")"
echo "SIZE stored decision P-0001 every award: $BYTES bytes ($STORED bytes as PostgreSQL stores it; target at most 5120)"
