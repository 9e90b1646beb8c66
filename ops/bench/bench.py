#!/usr/bin/env python3
"""The measurements of ./rapport bench, against a suite the launcher has started for it.

The launcher starts the suite on a fresh database, passes where everything is, and stops it all
afterwards; this script measures and writes the Markdown report. Python's standard library only,
plus wrk (ingest), pgbench (PostgreSQL's commit rate) and java (the JDBC loop on H2).
Each phase that fails is reported with what failed, and the next phases go on where they can.
"""

import argparse
import datetime
import http.client as httpclient
import json
import os
import platform
import queue
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import urllib.error
import urllib.parse
import urllib.request
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

DAY = 86400


def say(text):
    print(text, flush=True)


# --- HTTP --------------------------------------------------------------------------------------


class Http:
    def __init__(self, gateway, key, services):
        self.gateway = gateway.rstrip("/")
        self.key = key
        self.services = services  # name -> base URL

    def request(self, method, url, body=None, headers=None, timeout=60):
        data = None
        all_headers = {"X-Api-Key": self.key, "Accept": "application/json"}
        if body is not None:
            data = json.dumps(body).encode() if not isinstance(body, bytes) else body
            all_headers["Content-Type"] = "application/json"
        all_headers.update(headers or {})
        request = urllib.request.Request(url, data=data, method=method, headers=all_headers)
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    def api(self, method, path, body=None, timeout=60):
        # the dashboard's page is HTML; everything else answers JSON
        headers = {"Accept": "text/html"} if path == "/" else None
        return self.request(method, self.gateway + path, body, headers=headers, timeout=timeout)

    def json(self, url):
        status, body = self.request("GET", url)
        if status != 200:
            raise RuntimeError(f"GET {url} answered {status}: {body[:300]!r}")
        return json.loads(body)


def percentile(values, p):
    if not values:
        return None
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, int(round(p / 100.0 * len(ordered) + 0.5)) - 1))
    return ordered[index]


def iso(seconds):
    return datetime.datetime.fromtimestamp(seconds, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


# --- the processes ----------------------------------------------------------------------------


def resident_memory(run_dir):
    """Each component's VmRSS in MB, from its pid file."""
    sizes = {}
    for name in ("h2", "accounts-service", "outreach-service", "insights-service", "gateway"):
        try:
            with open(os.path.join(run_dir, name + ".pid")) as file:
                pid = file.read().strip()
            with open(f"/proc/{pid}/status") as file:
                for line in file:
                    if line.startswith("VmRSS:"):
                        sizes[name] = int(line.split()[1]) / 1024.0
        except (OSError, ValueError):
            continue
    return sizes


def processors(http):
    """Every processor of every service: (service, name, lag, replaying, head, position)."""
    found = []
    for service, base in http.services.items():
        for processor in http.json(base + "/actuator/processors"):
            found.append((service, processor["name"], processor["lag"], processor["replaying"],
                          processor["head"], processor["position"]))
    return found


def await_caught_up(http, timeout, quiet_for=0.0):
    """Waits until every processor of every service has lag 0 and is not replaying; the seconds it took."""
    started = time.time()
    caught_up_since = None
    last = None
    while True:
        state = processors(http)
        behind = [p for p in state if p[2] != 0 or p[3]]
        if not behind:
            caught_up_since = caught_up_since or time.time()
            if time.time() - caught_up_since >= quiet_for:
                return caught_up_since - started
        else:
            caught_up_since = None
            last = behind
        if time.time() - started > timeout:
            raise RuntimeError(f"processors still behind after {timeout:.0f}s: "
                               + ", ".join(f"{s}/{n} lag {lag}" for s, n, lag, *_ in last))
        time.sleep(0.2)


def log_count(path, text):
    try:
        with open(path, errors="replace") as file:
            return sum(1 for line in file if text in line)
    except OSError:
        return 0


def insights_heap_mb(http, metric="jvm_memory_used_bytes"):
    """insights' heap in MB, the sum of its pools: used (garbage not yet collected included), or max."""
    status, body = http.request("GET", http.services["insights"] + "/actuator/prometheus",
                                headers={"Accept": "text/plain"})
    if status != 200:
        return None
    total = 0.0
    for line in body.decode().splitlines():
        if line.startswith(metric + "{") and 'area="heap"' in line:
            total += max(0.0, float(line.rsplit(" ", 1)[1]))
    return total / (1024 * 1024)


# --- the history to import --------------------------------------------------------------------

TIERS = [("STRATEGIC", 0.05), ("KEY", 0.2), ("CORE", 0.45), ("LONG_TAIL", 0.3)]
CHANNELS = [("CALL", 0.45), ("EMAIL", 0.25), ("VIDEO", 0.12), ("MEETING", 0.1), ("SITE_VISIT", 0.05), ("EVENT", 0.03)]
OUTCOMES = [("CONNECTED", 0.7), ("VOICEMAIL", 0.18), ("NO_ANSWER", 0.12)]
ROLES = [("ACCOUNT_MANAGER", 0.6), ("SALES", 0.15), ("SUPPORT", 0.12), ("EXECUTIVE", 0.08), ("DELIVERY", 0.05)]
AGENDAS = [("CHECK_IN", 0.5), ("REVIEW", 0.2), ("SUPPORT", 0.15), ("SALES", 0.15)]
ZONES = ["Europe/Paris", "Europe/London", "America/New_York", "Asia/Tokyo", "Australia/Sydney", "UTC"]
CURRENCIES = ["EUR", "GBP", "USD"]
COMPETITORS = ["Northwind", "Globex", "Initech", "Umbrella"]
REASONS = ["NEGLECT", "UNRESPONSIVE", "QUALITY", "PRICE", "COMPETITOR_OFFER", "UNMET_NEED", "CHAMPION_LEFT",
           "BUDGET_CUT", "OTHER"]
OWNERS = [f"owner-{n:02d}" for n in range(1, 21)]
SEED = 1913


def pick(rng, weighted):
    roll = rng.random()
    for value, weight in weighted:
        roll -= weight
        if roll <= 0:
            return value
    return weighted[-1][0]


def uuid_of(rng):
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def account_id(index):
    return uuid_of(random.Random(f"{SEED}-account-{index}"))


def account_history(index, now):
    """About 20 records of one account over the two years up to now, in the order they happened."""
    rng = random.Random(f"{SEED}-history-{index}")
    start = now - 730 * DAY
    opened = start + rng.uniform(0, 90 * DAY)
    end = now - 3600
    aid = account_id(index)
    owner = OWNERS[index % len(OWNERS)]
    lines = [{"type": "account", "accountId": aid, "name": f"Bench account {index}", "tier": pick(rng, TIERS),
              "annualValue": rng.randrange(5, 500) * 1000, "currency": rng.choice(CURRENCIES), "ownerId": owner,
              "timezone": rng.choice(ZONES), "occurredAt": iso(opened)}]
    lost = rng.random() < 0.05
    last = end - (rng.uniform(30, 200) * DAY if lost else 0)
    moments = sorted(rng.uniform(opened + 3600, last) for _ in range(16))
    events = []  # (moment, record)

    def later(moment, days):
        return min(last, moment + rng.uniform(1, days) * DAY)

    for moment in moments[:12]:
        outcome = pick(rng, OUTCOMES)
        events.append((moment, {"type": "contact", "accountId": aid, "contactId": uuid_of(rng),
                                "channel": pick(rng, CHANNELS), "outcome": outcome, "staffId": owner,
                                "staffRole": pick(rng, ROLES), "agenda": pick(rng, AGENDAS),
                                "occurredAt": iso(moment)}))
    pitch_at = moments[12]
    pitch_id = uuid_of(rng)
    events.append((pitch_at, {"type": "pitch", "accountId": aid, "pitchId": pitch_id, "offering": "Managed dashboards",
                              "faceToFace": rng.random() < 0.5, "staffId": owner, "occurredAt": iso(pitch_at)}))
    events.append((later(pitch_at, 30), {"type": "pitch-outcome", "pitchId": pitch_id,
                                         "outcome": rng.choice(["WON", "DECLINED", "DEFERRED"]),
                                         "occurredAt": None}))
    feedback_at = moments[13]
    events.append((feedback_at, {"type": "feedback", "accountId": aid, "feedbackId": uuid_of(rng), "source": "SURVEY",
                                 "npsScore": rng.randrange(0, 11), "doingRight": "Responsive team",
                                 "doingWrong": "Slow invoices" if rng.random() < 0.3 else None,
                                 "staffId": owner, "occurredAt": iso(feedback_at)}))
    if rng.random() < 0.6:
        need_at = moments[14]
        need_id = uuid_of(rng)
        events.append((need_at, {"type": "unmet-need", "accountId": aid, "needId": need_id,
                                 "description": "Reports by cost centre", "category": rng.choice(
                                     ["Reporting", "Integration", "Support", "Analytics"]),
                                 "discoveredVia": "Account review", "staffId": owner, "occurredAt": iso(need_at)}))
        if rng.random() < 0.5:
            events.append((later(need_at, 60), {"type": "need-resolution", "needId": need_id, "outcome": "ADDRESSED",
                                                "how": "Shipped in the spring release", "occurredAt": None}))
    if rng.random() < 0.3:
        events.append((moments[15], {"type": "competitor-signal", "accountId": aid, "signalId": uuid_of(rng),
                                     "competitor": rng.choice(COMPETITORS), "note": "Seen at their office",
                                     "staffId": owner, "occurredAt": iso(moments[15])}))
    call_at = rng.uniform(opened + 3600, last - 2 * DAY) if last - opened > 3 * DAY else None
    if call_at is not None:
        call_id = uuid_of(rng)
        due = call_at + DAY
        events.append((call_at, {"type": "call", "accountId": aid, "callId": call_id, "staffId": owner,
                                 "dueAt": iso(due), "purpose": "Quarterly check-in", "occurredAt": iso(call_at)}))
        if rng.random() < 0.7:
            contact_id = uuid_of(rng)
            events.append((due, {"type": "contact", "accountId": aid, "contactId": contact_id, "channel": "CALL",
                                 "outcome": "CONNECTED", "staffId": owner, "staffRole": "ACCOUNT_MANAGER",
                                 "occurredAt": iso(due)}))
            events.append((due + 60, {"type": "call-completion", "callId": call_id, "contactId": contact_id,
                                      "occurredAt": None}))
        else:
            events.append((due + 3600, {"type": "call-missed", "callId": call_id, "occurredAt": None}))
    events.sort(key=lambda pair: pair[0])
    for moment, record in events:
        record["occurredAt"] = iso(moment)
        lines.append({k: v for k, v in record.items() if v is not None})
    if lost:
        lost_at = last + DAY
        reason = rng.choice(REASONS)
        lines.append({"type": "loss", "accountId": aid, "reason": reason, "note": "Did not renew",
                      "occurredAt": iso(lost_at)})
        if rng.random() < 0.6:
            lines.append({"type": "exit-interview", "accountId": aid, "interviewId": uuid_of(rng),
                          "primaryReason": reason, "otherReasons": [], "whatWeCouldHaveDone": "Call more often",
                          "winBackChance": rng.choice(["NONE", "LOW", "MEDIUM", "HIGH"]), "staffId": owner,
                          "occurredAt": iso(lost_at + 7 * DAY)})
        if rng.random() < 0.1:
            lines.append({"type": "win-back", "accountId": aid, "occurredAt": iso(lost_at + 20 * DAY)})
    return lines


def write_history(path, first, count, now):
    with open(path, "w") as file:
        lines = 0
        for index in range(first, first + count):
            for record in account_history(index, now):
                file.write(json.dumps(record, separators=(",", ":")) + "\n")
                lines += 1
    return lines


def import_file(http, path):
    """POST /api/import of an NDJSON file; the import's summary, its refusals and the wall-clock seconds."""
    target = urllib.parse.urlsplit(http.gateway)
    connection = httpclient.HTTPConnection(target.hostname, target.port, timeout=3600)
    size = os.path.getsize(path)
    started = time.time()
    with open(path, "rb") as body:
        connection.request("POST", "/api/import", body=body, headers={
            "X-Api-Key": http.key, "Content-Type": "application/x-ndjson", "Accept": "application/x-ndjson",
            "Content-Length": str(size)})
        response = connection.getresponse()
        summary, refused, stopped = None, [], None
        for raw in response:
            line = raw.decode().strip()
            if not line:
                continue
            item = json.loads(line)
            if "summary" in item:
                summary = item["summary"]
            elif "refused" in item:
                refused.append(item["refused"])
            elif "stopped" in item:
                stopped = item["stopped"]
            elif "progress" not in item:
                raise RuntimeError(f"the import answered {response.status}: {line[:300]}")
    seconds = time.time() - started
    connection.close()
    if stopped:
        raise RuntimeError(f"the import stopped: {json.dumps(stopped)[:400]}")
    if summary is None:
        raise RuntimeError(f"the import gave no summary (status {response.status})")
    return summary, refused, seconds


# --- the phases ---------------------------------------------------------------------------------


class Bench:
    def __init__(self, args):
        self.args = args
        key = open(os.path.join(args.home, "api-key")).read().strip()
        self.http = Http(args.gateway, key, {"accounts": args.accounts, "outreach": args.outreach,
                                             "insights": args.insights})
        self.work = tempfile.mkdtemp(prefix="rapport-bench-")
        self.results = {"failures": [], "sizes": []}
        self.now = time.time()
        self.loaded = 0
        self.smoke = args.smoke
        self.seconds = {"commit": 3 if args.smoke else 10, "ingest": 3 if args.smoke else 15}
        self.samples = 10 if args.smoke else 50
        self.read_seconds = 1 if args.smoke else 4

    def phase(self, name, action):
        say(f"\n== {name}")
        started = time.time()
        try:
            action()
            say(f"   ({time.time() - started:.0f}s)")
        except Exception as error:  # every phase's failure goes in the report, and the next phase runs
            detail = f"{type(error).__name__}: {error}"
            say(f"   FAILED: {detail}")
            traceback.print_exc()
            self.results["failures"].append((name, detail))
        # the report so far, so that a run stopped halfway leaves what it measured
        write_report(self.args, self.results)

    # 1. idle

    def idle(self):
        self.results["startup_seconds"] = self.args.startup_seconds
        await_caught_up(self.http, 60)
        time.sleep(2)
        self.results["rss_idle"] = resident_memory(self.args.run_dir)
        say("   resident memory (MB): " + ", ".join(f"{k} {v:.0f}" for k, v in self.results["rss_idle"].items()))

    # 2. the database's own commit rate

    def commit_rate(self):
        rates = {}
        if self.args.db == "postgres":
            script = os.path.join(self.work, "insert.sql")
            with open(script, "w") as file:
                file.write("INSERT INTO bench_commit (client, at) VALUES (:client_id, now());\n")
            subprocess.run(["psql", "-q", "-h", self.args.pg_host, "-p", self.args.pg_port, "-U", self.args.pg_user,
                            "-d", self.args.pg_database, "-v", "ON_ERROR_STOP=1", "-c",
                            "CREATE TABLE IF NOT EXISTS public.bench_commit (id bigserial PRIMARY KEY, client int, "
                            "at timestamptz)"], check=True, capture_output=True)
            for clients in (1, 8):
                out = subprocess.run(["pgbench", "-n", "-h", self.args.pg_host, "-p", self.args.pg_port,
                                      "-U", self.args.pg_user, "-f", script, "-c", str(clients), "-j", str(min(clients, 2)),
                                      "-T", str(self.seconds["commit"]), self.args.pg_database],
                                     check=True, capture_output=True, text=True).stdout
                match = re.search(r"tps = ([0-9.]+) \(without initial connection time\)", out)
                if not match:
                    raise RuntimeError("no tps in pgbench's output: " + out[-400:])
                rates[clients] = float(match.group(1))
            self.results["commit_tool"] = "pgbench, one single-row INSERT per transaction"
        else:
            for clients in (1, 8):
                out = subprocess.run(["java", "-cp", self.args.h2_jar, os.path.join(HERE, "CommitRate.java"),
                                      self.args.jdbc_url, "sa", "", str(clients), str(self.seconds["commit"])],
                                     check=True, capture_output=True, text=True).stdout
                match = re.search(r"tps ([0-9.]+)", out)
                if not match:
                    raise RuntimeError("no tps in CommitRate's output: " + out[-400:])
                rates[clients] = float(match.group(1))
            self.results["commit_tool"] = "a JDBC loop (ops/bench/CommitRate.java), one single-row INSERT per transaction"
        self.results["commit"] = rates
        say("   commits/s: " + ", ".join(f"{c} clients {r:.0f}" for c, r in rates.items()))

    # accounts for wrk and for the freshness probes, opened 400 days ago without any contact

    def setup_accounts(self):
        opened = iso(self.now - 400 * DAY)
        count = 5 if self.smoke else 20
        self.ingest_accounts = [str(uuid.uuid4()) for _ in range(count)]
        self.probes = [str(uuid.uuid4()) for _ in range(2 * self.samples)]
        path = os.path.join(self.work, "setup.ndjson")
        with open(path, "w") as file:
            for index, aid in enumerate(self.ingest_accounts + self.probes):
                file.write(json.dumps({"type": "account", "accountId": aid, "name": f"Bench probe {index}",
                                       "tier": "CORE", "annualValue": 10000, "currency": "EUR", "ownerId": "bench",
                                       "timezone": "UTC", "occurredAt": opened}) + "\n")
        summary, refused, _ = import_file(self.http, path)
        if refused:
            raise RuntimeError(f"setup accounts refused: {refused[:3]}")
        self.accounts_file = os.path.join(self.work, "ingest-accounts")
        with open(self.accounts_file, "w") as file:
            file.write("\n".join(self.ingest_accounts) + "\n")
        await_caught_up(self.http, 120)

    # 3. ingest through the gateway

    def wrk(self, connections, seconds):
        environment = dict(os.environ, BENCH_ACCOUNTS=self.accounts_file, BENCH_KEY=self.http.key,
                           BENCH_RUN=f"{random.getrandbits(28):07x}")
        return subprocess.Popen(["wrk", "-t", str(min(connections, 2)), "-c", str(connections), "-d", f"{seconds}s",
                                 "--timeout", "30s", "-s", os.path.join(HERE, "ingest.lua"), self.http.gateway],
                                env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)

    @staticmethod
    def wrk_result(process):
        out, _ = process.communicate()
        created = re.search(r"^created (\d+)$", out, re.M)
        seconds = re.search(r"^seconds ([0-9.]+)$", out, re.M)
        if process.returncode != 0 or not created or not seconds:
            raise RuntimeError("wrk failed: " + out[-600:])
        others = {int(s): int(n) for s, n in re.findall(r"^status (\d+) (\d+)$", out, re.M)}
        errors = re.search(r"Socket errors: .*", out)
        return int(created.group(1)) / float(seconds.group(1)), others, errors.group(0) if errors else ""

    def ingest(self):
        rates = {}
        for connections in (1, 8):
            rate, others, errors = self.wrk_result(self.wrk(connections, self.seconds["ingest"]))
            rates[connections] = {"rate": rate, "others": others, "errors": errors}
            say(f"   {connections} connections: {rate:.1f} contacts/s (201s)"
                + (f"; other statuses {others}" if others else "") + (f"; {errors}" if errors else ""))
        self.results["ingest"] = rates
        # what the load left behind for the processors to do
        self.results["ingest_catch_up"] = await_caught_up(self.http, 1800)
        say(f"   processors caught up {self.results['ingest_catch_up']:.1f}s after the load")

    # 4. freshness

    def freshness_sample(self, account):
        status, body = self.http.api("POST", f"/api/outreach/accounts/{account}/contacts", {
            "contactId": str(uuid.uuid4()), "channel": "CALL", "outcome": "CONNECTED", "staffId": "bench",
            "staffRole": "ACCOUNT_MANAGER"})
        acknowledged = time.time()
        if status != 201:
            raise RuntimeError(f"a probe's contact answered {status}: {body[:300]!r}")
        deadline = acknowledged + 120
        while time.time() < deadline:
            status, body = self.http.api("GET", f"/api/insights/accounts/{account}/health")
            if status == 200 and json.loads(body)["daysSinceContact"] == 0:
                return (time.time() - acknowledged) * 1000
            time.sleep(0.01)
        return None

    def freshness(self, probes):
        values, missed = [], 0
        for account in probes:
            value = self.freshness_sample(account)
            if value is None:
                missed += 1
            else:
                values.append(value)
        return {"p50": percentile(values, 50), "p99": percentile(values, 99), "max": max(values, default=None),
                "samples": len(values), "missed": missed}

    def freshness_idle(self):
        await_caught_up(self.http, 600)
        result = self.freshness(self.probes[:self.samples])
        self.results["fresh_idle"] = result
        say(f"   idle: p50 {result['p50']:.0f} ms, p99 {result['p99']:.0f} ms ({result['samples']} samples)")

    def freshness_load(self):
        await_caught_up(self.http, 600)
        lag_before = max(p[2] for p in processors(self.http))
        process = self.wrk(8, 3600)
        time.sleep(2)
        lags = []
        try:
            probes = self.probes[self.samples:]
            values, missed = [], 0
            for account in probes:
                value = self.freshness_sample(account)
                lags.append(max(p[2] for p in processors(self.http)))
                if value is None:
                    missed += 1
                else:
                    values.append(value)
        finally:
            process.send_signal(2)  # wrk prints its summary on SIGINT
        rate, others, _ = self.wrk_result(process)
        result = {"p50": percentile(values, 50), "p99": percentile(values, 99), "max": max(values, default=None),
                  "samples": len(values), "missed": missed, "load_rate": rate, "lag_before": lag_before,
                  "lag_first_half": max(lags[:len(lags) // 2], default=0), "lag_second_half": max(lags[len(lags) // 2:], default=0),
                  "catch_up": await_caught_up(self.http, 3600)}
        self.results["fresh_load"] = result
        say(f"   under 8-connection load ({rate:.0f} contacts/s): p50 {result['p50']:.0f} ms, p99 {result['p99']:.0f} ms,"
            f" largest lag {result['lag_first_half']} then {result['lag_second_half']};"
            f" caught up {result['catch_up']:.1f}s after the load")

    # 5. sizes: import, then reads at 50/s

    def reads(self, accounts):
        """Each read's path, given a random loaded account."""
        as_of = datetime.date.fromtimestamp(self.now - 30 * DAY).isoformat() + "T00:00:00Z"
        return [
            ("directory list", lambda a: "/api/accounts?size=20"),
            ("directory list, filtered", lambda a: "/api/accounts?tier=KEY&status=ACTIVE&size=20"),
            ("one account", lambda a: f"/api/accounts/{a}"),
            ("timeline", lambda a: f"/api/outreach/accounts/{a}/timeline?size=20"),
            ("portfolio list (health)", lambda a: "/api/insights/health?size=20"),
            ("portfolio list, neglected", lambda a: "/api/insights/health?neglected=true&sort=VALUE&size=20"),
            ("portfolio figures now", lambda a: "/api/insights/portfolio"),
            ("portfolio figures asOf", lambda a: f"/api/insights/portfolio?asOf={as_of}"),
            ("portfolio trend (90 days)", lambda a: "/api/insights/portfolio/trend"),
            ("portfolio trend (13 weeks, weekly)", lambda a: f"/api/insights/portfolio/trend?from={iso(self.now - 91 * DAY)}&step=P7D"),
            ("account health", lambda a: f"/api/insights/accounts/{a}/health"),
            ("account health asOf", lambda a: f"/api/insights/accounts/{a}/health?asOf={iso(self.now - 200 * DAY)}"),
            ("account health history", lambda a: f"/api/insights/accounts/{a}/health/history"),
            ("call list", lambda a: f"/api/insights/call-list?owner={random.choice(OWNERS)}"),
            ("losses", lambda a: "/api/insights/losses"),
            ("unmet needs", lambda a: "/api/insights/unmet-needs?status=OPEN"),
            ("events head", lambda a: "/api/events/head"),
            ("events page", lambda a: f"/api/events?after={random.randrange(0, max(1, self.head))}&limit=100"),
            ("dashboard page", lambda a: "/"),
        ]

    def constant_rate(self, path_of, accounts, rate, seconds):
        """Open model: request i is due at start + i/rate, whoever is still busy; latency counts from then."""
        count = int(rate * seconds)
        due = queue.Queue()
        latencies, failures = [], []
        lock = threading.Lock()

        def worker():
            while True:
                item = due.get()
                if item is None:
                    return
                scheduled, path = item
                status, body = self.http.api("GET", path)
                finished = time.time()
                with lock:
                    if status == 200:
                        latencies.append((finished - scheduled) * 1000)
                    else:
                        failures.append(f"{status} {path}: {body[:200]!r}")

        workers = [threading.Thread(target=worker, daemon=True) for _ in range(16)]
        for thread in workers:
            thread.start()
        start = time.time() + 0.05
        for i in range(count):
            scheduled = start + i / rate
            pause = scheduled - time.time()
            if pause > 0:
                time.sleep(pause)
            due.put((scheduled, path_of(random.choice(accounts))))
        for _ in workers:
            due.put(None)
        for thread in workers:
            thread.join(timeout=120)
        return latencies, failures

    def size(self, size):
        result = {"size": size, "reads": []}
        self.results["sizes"].append(result)
        more = size - self.loaded
        path = os.path.join(self.work, f"history-{size}.ndjson")
        lines = write_history(path, self.loaded, more, self.now)
        say(f"   importing {more} accounts more ({lines} records) to reach {size}")
        summary, refused, seconds = import_file(self.http, path)
        self.loaded = size
        result.update(lines=lines, recorded=summary["recorded"], unchanged=summary["unchanged"],
                      refused=summary["refused"], import_seconds=seconds, import_rate=summary["recorded"] / seconds,
                      refusals=refused[:5])
        say(f"   import: {summary['recorded']} recorded, {summary['refused']} refused in {seconds:.1f}s:"
            f" {result['import_rate']:.0f} events/s")
        for refusal in refused[:5]:
            say(f"     refused: {json.dumps(refusal)[:300]}")
        result["catch_up"] = await_caught_up(self.http, 6 * 3600)
        say(f"   every processor caught up {result['catch_up']:.1f}s after the import")
        self.head = max(p[4] for p in processors(self.http))
        result["head"] = self.head
        accounts = [account_id(i) for i in range(size)]
        heaps = []
        for name, path_of in self.reads(accounts):
            latencies, failures = self.constant_rate(path_of, accounts, 50, self.read_seconds)
            heaps.append(insights_heap_mb(self.http) or 0)
            read = {"name": name, "example": path_of(accounts[0]), "p50": percentile(latencies, 50),
                    "p99": percentile(latencies, 99), "max": max(latencies, default=None), "count": len(latencies),
                    "failures": len(failures), "failure": failures[0] if failures else None}
            result["reads"].append(read)
            say(f"   {name:36} p50 {fmt_ms(read['p50']):>8} p99 {fmt_ms(read['p99']):>8}"
                + (f"  {len(failures)} failed: {failures[0]}" if failures else ""))
        result["heap_max"] = max(heaps)
        result["heap_limit"] = insights_heap_mb(self.http, "jvm_memory_max_bytes")
        say(f"   insights' heap used while answering: up to {result['heap_max']:.0f} MB")

    def rss_loaded(self):
        self.results["rss_loaded"] = resident_memory(self.args.run_dir)
        say("   resident memory (MB): " + ", ".join(f"{k} {v:.0f}" for k, v in self.results["rss_loaded"].items()))

    # 6. rebuild

    def rebuild(self):
        """Each processor in turn: reset, then timed until every segment is back at the position it was reset
        at with lag 0; insights' account read models also until the rebuilt rows replace the live ones."""
        rebuilds = []
        self.results["rebuilds"] = rebuilds
        switched = "Rebuilt the account read models up to global index"
        insights_log = os.path.join(self.args.home, "logs", "insights-service.log")
        for service, name, *_ in processors(self.http):
            base = self.http.services[service]
            switches = log_count(insights_log, switched)
            events = max(p[4] for p in processors(self.http) if p[0] == service)
            started = time.time()
            status, body = self.http.request("POST", f"{base}/actuator/processors/{name}")
            if status >= 300:
                raise RuntimeError(f"POST {base}/actuator/processors/{name} answered {status}: {body[:300]!r}")
            replayed = None
            while True:
                state = self.http.json(f"{base}/actuator/processors/{name}")
                if replayed is None and state["lag"] == 0 and all(
                        not segment["replaying"] or (segment["resetAt"] or 0) <= (segment["position"] or 0)
                        for segment in state["segmentDetails"]):
                    replayed = time.time() - started
                if replayed is not None and (service != "insights" or log_count(insights_log, switched) > switches):
                    break
                if time.time() - started > 6 * 3600:
                    raise RuntimeError(f"{service}/{name} did not finish its rebuild within 6 hours")
                time.sleep(0.1)
            seconds = time.time() - started
            rebuilds.append({"service": service, "processor": name, "events": events, "seconds": seconds,
                             "replayed": replayed, "rate": events / seconds})
            say(f"   {service}/{name}: {events} events in {seconds:.1f}s (replayed in {replayed:.1f}s),"
                f" {events / seconds:.0f} events/s")

    def run(self):
        self.phase("Idle: start-up and resident memory", self.idle)
        self.phase("The database's own commit rate", self.commit_rate)
        self.phase("Accounts for ingest and freshness", self.setup_accounts)
        if hasattr(self, "accounts_file"):
            self.phase("Ingest through the gateway (wrk)", self.ingest)
            self.phase("Freshness, idle", self.freshness_idle)
            self.phase("Freshness under 8-connection load", self.freshness_load)
        for size in self.args.sizes:
            self.phase(f"{size} accounts: import and reads", lambda: self.size(size))
        self.phase("Resident memory after the largest load", self.rss_loaded)
        self.phase("Rebuild of every read model", self.rebuild)
        write_report(self.args, self.results)
        say(f"\nThe report is in {self.args.out}")
        return 1 if self.results["failures"] else 0


# --- the report ----------------------------------------------------------------------------------


def fmt_ms(value):
    return "—" if value is None else (f"{value:.0f} ms" if value >= 10 else f"{value:.1f} ms")


def fmt(value, digits=0):
    return "—" if value is None else f"{value:,.{digits}f}"


def verdict(ok):
    return "n/a" if ok is None else ("met" if ok else "**not met**")


def machine():
    model = "unknown"
    try:
        with open("/proc/cpuinfo") as file:
            for line in file:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
        with open("/proc/meminfo") as file:
            memory = int(file.readline().split()[1]) / 1024 / 1024
    except OSError:
        memory = 0
    return model, os.cpu_count(), memory


def git(*args):
    try:
        return subprocess.run(["git", "-C", ROOT, *args], capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def write_report(args, r):
    model, cpus, memory = machine()
    commit = git("rev-parse", "HEAD")
    dirty = " (with uncommitted changes)" if git("status", "--porcelain", "--untracked-files=no") else ""
    out = []
    w = out.append
    w("# Benchmarks")
    w("")
    w(f"The last run of `./rapport bench` (`{args.command_line}`). Rerun it with the same command; "
      "it starts a suite of its own on a fresh database and ports 18080–18083 (and 19092 for H2), "
      "so it can run beside `./rapport up`, and writes this file again. The figures are one run's, on one "
      "machine: compare runs on the same machine only.")
    w("")
    w("How early Rapport warns, how often it cries wolf, and what a backtest and a calibration cost at "
      "1,000 to 100,000 accounts: [benchmarks-backtest.md](benchmarks-backtest.md) (`./rapport bench --backtest`).")
    w("")
    w("| | |")
    w("|---|---|")
    w(f"| date | {datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M UTC')} |")
    w(f"| commit | `{commit}`{dirty} |")
    w(f"| machine | {cpus} CPUs ({model}), {memory:.1f} GB RAM, {platform.system()} {platform.release()} |")
    w(f"| database | {args.db_version} |")
    w(f"| Java | {args.java_version} |")
    w(f"| JVM options | `{args.java_opts or '(none)'}` |")
    w(f"| sizes | {', '.join(f'{s:,}' for s in args.sizes)} accounts{' (smoke)' if args.smoke else ''} |")
    w(f"| rate limit | raised for the run (`RAPPORT_RATE_LIMIT_PER_SECOND` {args.rate_limit}): the default 50/s per principal would answer most of the load 429 |")
    w("")
    if r["failures"]:
        w("**Phases that failed in this run:**")
        w("")
        for name, detail in r["failures"]:
            w(f"- {name}: `{detail[:500]}`")
        w("")

    commit_rate = r.get("commit", {})
    ingest = r.get("ingest", {})
    fresh_idle, fresh_load = r.get("fresh_idle"), r.get("fresh_load")
    sizes = r.get("sizes", [])
    largest = sizes[-1] if sizes else None
    pg8 = commit_rate.get(8)

    def ratio(value, base):
        return None if value is None or not base else value / base

    w("## Goals (issue 10)")
    w("")
    w("| goal | measured | verdict |")
    w("|---|---|---|")
    ingest8 = ingest.get(8, {}).get("rate")
    w(f"| ingest through the gateway, 8 clients ≥ 0.35 × the database's 8-client commit rate | "
      f"{fmt(ingest8, 1)} events/s = {fmt(ratio(ingest8, pg8), 3)} × {fmt(pg8)} | "
      f"{verdict(None if ratio(ingest8, pg8) is None else ratio(ingest8, pg8) >= 0.35)} |")
    import_rates = [s for s in sizes if s.get("import_rate")]
    if import_rates:
        best = min(s["import_rate"] for s in import_rates)
        w(f"| bulk import ≥ 0.5 × that rate | {fmt(best)} events/s (slowest size) = {fmt(ratio(best, pg8), 3)} × | "
          f"{verdict(None if ratio(best, pg8) is None else ratio(best, pg8) >= 0.5)} |")
    for label, fresh in (("idle", fresh_idle), ("under 8-client load", fresh_load)):
        if fresh and fresh["p50"] is not None:
            ok = fresh["p50"] < 100 and fresh["p99"] < 1000 and not fresh["missed"]
            w(f"| freshness {label}: p50 < 100 ms, p99 < 1 s | p50 {fmt_ms(fresh['p50'])}, p99 {fmt_ms(fresh['p99'])}"
              + (f", {fresh['missed']} not seen within 120 s" if fresh["missed"] else "") + f" | {verdict(ok)} |")
    if fresh_load:
        # a lag of a few batches comes and goes; growing means the second half's is well above the first's
        growing = fresh_load["lag_second_half"] > 1.5 * fresh_load["lag_first_half"] + 100
        w(f"| no processor lag growing under load | largest lag {fresh_load['lag_first_half']} in the first half of the "
          f"samples, {fresh_load['lag_second_half']} in the second; caught up {fresh_load['catch_up']:.1f} s after | "
          f"{verdict(not growing)} |")
    for s in sizes:
        worst = max((x for x in s["reads"] if x["p99"] is not None), key=lambda x: x["p99"], default=None)
        failed = sum(x["failures"] for x in s["reads"])
        if worst:
            target = "every read at 100,000 accounts: p99 < 100 ms" if s["size"] >= 100000 else \
                f"(anchor) every read p99 < 100 ms, here at {s['size']:,} accounts"
            w(f"| {target} | worst p99 {fmt_ms(worst['p99'])} ({worst['name']})"
              + (f"; {failed} reads failed" if failed else "") + f" | {verdict(worst['p99'] < 100 and not failed)} |")
    if largest and largest.get("heap_max"):
        w(f"| insights' heap under 512 MB while answering | up to {largest['heap_max']:.0f} MB at {largest['size']:,} "
          f"accounts | {verdict(largest['heap_max'] < 512)} |")
    if not any(s["size"] >= 100000 for s in sizes):
        w("| every read at 100,000 accounts | not run (see below) | not measured |")
    for rebuild in r.get("rebuilds", []):
        w(f"| rebuild ≥ 50,000 events/s: {rebuild['service']} `{rebuild['processor']}` | {fmt(rebuild['rate'])} events/s "
          f"| {verdict(rebuild['rate'] >= 50000)} |")
    idle_total = sum(r.get("rss_idle", {}).values())
    if idle_total:
        w(f"| the whole suite idle under 1.5 GB resident | {idle_total / 1024:.2f} GB | {verdict(idle_total < 1536)} |")
    if r.get("startup_seconds") is not None:
        w(f"| healthy within 40 s of `./rapport up` | {r['startup_seconds']:.1f} s | {verdict(r['startup_seconds'] <= 40)} |")
    w("")

    w("## The database's own commit rate")
    w("")
    w(f"{r.get('commit_tool', 'not measured')}, {args.commit_seconds} s per client count, into a scratch table "
      "(`bench_commit`) of the bench's own database.")
    w("")
    w("| clients | commits/s |")
    w("|---|---|")
    for clients, rate in commit_rate.items():
        w(f"| {clients} | {fmt(rate)} |")
    w("")

    w("## Ingest through the gateway")
    w("")
    w(f"wrk (`ops/bench/ingest.lua`), `POST /api/outreach/accounts/{{id}}/contacts` with a fresh `contactId` per "
      f"request, spread over {5 if args.smoke else 20} accounts, {args.ingest_seconds} s per connection count; "
      "only 201s are counted. Anchor (issue 10, before the rework): 1 client 65–125/s, 8 clients 140–200/s "
      "against PostgreSQL's ~5,500 commits/s.")
    w("")
    w("| connections | contacts/s (201) | × the database's commit rate, same client count | other answers |")
    w("|---|---|---|---|")
    for connections, item in ingest.items():
        other = ", ".join(f"{n} × {s}" for s, n in item["others"].items()) or "none"
        if item["errors"]:
            other += "; " + item["errors"]
        w(f"| {connections} | {fmt(item['rate'], 1)} | {fmt(ratio(item['rate'], commit_rate.get(connections)), 3)} | {other} |")
    if "ingest_catch_up" in r:
        w("")
        w(f"Every processor had caught up {r['ingest_catch_up']:.1f} s after the last of this load.")
    w("")

    w("## Freshness")
    w("")
    w("From a contact's 201 until `GET /api/insights/accounts/{id}/health` reflects it (`daysSinceContact` 0 on an "
      "account opened 400 days ago without a contact until then), polled every 10 ms, one sample at a time. "
      "Anchor: idle p50 about 1.5 s; under 4-client load p90/p99 over 30 s.")
    w("")
    w("| | samples | p50 | p99 | max | load |")
    w("|---|---|---|---|---|---|")
    if fresh_idle:
        w(f"| idle | {fresh_idle['samples']} | {fmt_ms(fresh_idle['p50'])} | {fmt_ms(fresh_idle['p99'])} | "
          f"{fmt_ms(fresh_idle['max'])} | none |")
    if fresh_load:
        w(f"| under load | {fresh_load['samples']} | {fmt_ms(fresh_load['p50'])} | {fmt_ms(fresh_load['p99'])} | "
          f"{fmt_ms(fresh_load['max'])} | wrk, 8 connections: {fmt(fresh_load['load_rate'])} contacts/s |")
    w("")

    for s in sizes:
        w(f"## {s['size']:,} accounts")
        w("")
        w(f"Imported through `POST /api/import` ({s['lines']:,} NDJSON records for the accounts added, "
          f"about 20 an account over two years: contacts mostly, pitches and outcomes, feedback, needs and "
          f"resolutions, competitor sightings, planned calls completed or missed, about 5 % lost with exit "
          f"interviews and a few won back): {s['recorded']:,} recorded, {s['unchanged']:,} unchanged, "
          f"{s['refused']:,} refused, in {s['import_seconds']:.1f} s: **{fmt(s['import_rate'])} events/s**, "
          f"{fmt(ratio(s['import_rate'], pg8), 3)} × the database's 8-client commit rate. Anchor: 40–140 events/s. "
          f"Every processor of every service had lag 0 {s['catch_up']:.1f} s after the import answered "
          f"(store head {s['head']:,}).")
        for refusal in s.get("refusals", []):
            w(f"- refused: `{json.dumps(refusal)[:300]}`")
        w("")
        w(f"Reads through the gateway at 50 a second (open model: each request due at a fixed interval, its "
          f"latency counted from then), {int(50 * args.read_seconds)} per read, on random accounts:")
        w("")
        w("| read | example | p50 | p99 | max | failed |")
        w("|---|---|---|---|---|---|")
        for read in s["reads"]:
            w(f"| {read['name']} | `{read['example'].split('?')[0]}` | {fmt_ms(read['p50'])} | {fmt_ms(read['p99'])} | "
              f"{fmt_ms(read['max'])} | {read['failures']}" + (f": `{read['failure'][:120]}`" if read['failure'] else "")
              + " |")
        w("")
        w(f"insights' heap used while answering (sum of the heap pools, sampled after each read): up to "
          f"{fmt(s.get('heap_max'))} MB, of a maximum heap of {fmt(s.get('heap_limit'))} MB. Used heap counts "
          "garbage not yet collected, and the JVM collects less the larger its maximum (by default a quarter of "
          "the machine's memory): to see whether it answers within 512 MB, rerun with "
          "`RAPPORT_JAVA_OPTS=-Xmx512m`.")
        w("")

    w("## Rebuild")
    w("")
    w("`POST /actuator/processors/{name}` on each service's port, one processor at a time, timed until every "
      "segment is back at the position it was reset at with lag 0 (replayed), and for insights' `histories` until "
      "the rebuilt tables have replaced the live ones (its log says so); events/s is the store's head over the "
      "whole time.")
    w("")
    w("| service | processor | events | replayed (s) | done (s) | events/s |")
    w("|---|---|---|---|---|---|")
    for rebuild in r.get("rebuilds", []):
        w(f"| {rebuild['service']} | {rebuild['processor']} | {rebuild['events']:,} | {rebuild['replayed']:.1f} | "
          f"{rebuild['seconds']:.1f} | {fmt(rebuild['rate'])} |")
    w("")

    w("## Start-up and resident memory")
    w("")
    if r.get("startup_seconds") is not None:
        w(f"`./rapport up --detach` until every component answered healthy: {r['startup_seconds']:.1f} s "
          "(jars already built).")
        w("")
    w("| process | idle (MB) | after the largest load (MB) |")
    w("|---|---|---|")
    idle, loaded = r.get("rss_idle", {}), r.get("rss_loaded", {})
    for name in sorted(set(idle) | set(loaded)):
        w(f"| {name} | {fmt(idle.get(name))} | {fmt(loaded.get(name))} |")
    w(f"| **total** | {fmt(sum(idle.values()))} | {fmt(sum(loaded.values()))} |")
    w("")
    w("VmRSS from `/proc/<pid>/status`, the pids from `$RAPPORT_HOME/run/*.pid`.")
    w("")
    w("## How to rerun")
    w("")
    w("```sh")
    w("./mvnw -q -DskipTests package        # or let ./rapport bench build what is stale")
    w("./rapport bench --db postgres --sizes 1000,10000 --out docs/benchmarks.md")
    w("./rapport bench --smoke --db h2 --out /tmp/bench.md   # what CI runs, a few minutes")
    w("```")
    w("")
    w("It needs wrk, and for `--db postgres` pgbench, psql, createdb and dropdb with a PostgreSQL server at "
      "`RAPPORT_BENCH_PG_HOST`:`RAPPORT_BENCH_PG_PORT` (127.0.0.1:5432) that the user `RAPPORT_BENCH_PG_USER` "
      "(postgres) may create databases on. README.md, *Benchmark*, says what each phase does.")
    notes = list(args.note)
    largest_size = max(args.sizes)
    rates = [s["import_rate"] for s in sizes if s.get("import_rate")]
    for target in (10000, 100000):
        if largest_size < target and not args.smoke or target == 100000 and largest_size < target:
            estimate = ""
            if rates:
                hours = (target - largest_size) * 20 / min(rates) / 3600
                estimate = (f": importing the {target - largest_size:,} accounts more (about 20 events each) at the "
                            f"slowest import rate measured here, {min(rates):,.0f} events/s, would take about "
                            f"{hours:,.1f} hours, before the reads and the rebuild")
            notes.append(f"{target:,} accounts{estimate}. Run it with `--sizes ...,{target}` when there is the time.")
    if notes:
        w("")
        w("## Not run")
        w("")
        for note in notes:
            w(f"- {note}")
    with open(args.out, "w") as file:
        file.write("\n".join(out) + "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--gateway", required=True)
    parser.add_argument("--accounts", required=True)
    parser.add_argument("--outreach", required=True)
    parser.add_argument("--insights", required=True)
    parser.add_argument("--home", required=True)
    parser.add_argument("--run-dir", required=True)
    parser.add_argument("--db", choices=["h2", "postgres"], required=True)
    parser.add_argument("--db-version", default="unknown")
    parser.add_argument("--java-version", default="unknown")
    parser.add_argument("--java-opts", default="")
    parser.add_argument("--jdbc-url", default="")
    parser.add_argument("--h2-jar", default="")
    parser.add_argument("--pg-host", default="127.0.0.1")
    parser.add_argument("--pg-port", default="5432")
    parser.add_argument("--pg-user", default="postgres")
    parser.add_argument("--pg-database", default="")
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--smoke", action="store_true")
    parser.add_argument("--startup-seconds", type=float)
    parser.add_argument("--rate-limit", default="")
    parser.add_argument("--out", required=True)
    parser.add_argument("--note", action="append", default=[])
    parser.add_argument("--command-line", default="./rapport bench")
    args = parser.parse_args()
    args.sizes = sorted(int(s) for s in args.sizes.split(",") if s.strip())
    args.commit_seconds = 3 if args.smoke else 10
    args.ingest_seconds = 3 if args.smoke else 15
    args.read_seconds = 1 if args.smoke else 4
    bench = Bench(args)
    try:
        return bench.run()
    finally:
        shutil.rmtree(bench.work, ignore_errors=True)  # the generated NDJSON files


if __name__ == "__main__":
    sys.exit(main())
