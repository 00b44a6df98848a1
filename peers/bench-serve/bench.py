#!/usr/bin/env python3
"""Helpers of run.sh (standard library only; loopback only).

  inputs CEDAR_DIR OUT BATCH   write the request bodies and cedar-agent's policy file
  port                         print a free TCP port on 127.0.0.1
  wait URL SECONDS             wait until GET URL answers 2xx
  check OURS CEDAR OUT         both services give the same answers before measuring
  table OUT BATCH              print the figures of the runs in OUT as a Markdown table
"""

import http.client
import json
import os
import re
import socket
import sys
import time
import urllib.parse

# The equivalent request measured on both services: 21Vianet uses Customer
# Data to provide the service in mainland China (the "typical allow" of
# docs/performance.md).
TYPICAL_ALLOW = {
    "service": "azure",
    "party": "operator",
    "action": "use",
    "data": "customer_content",
    "purpose": "provide_service",
    "location": "mainland_china",
    "authorizations": [],
    "circumstance": "none",
    "objections": [],
}


def fail(message):
    print(f"bench.py: {message}", file=sys.stderr)
    sys.exit(1)


def split_policies(text):
    """Cedar policy text -> one string per policy (cedar-agent takes one
    policy per entry). A policy ends at a `;` outside strings and comments."""
    policies, start, i, n = [], 0, 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            end = text.find("\n", i)
            i = n if end < 0 else end + 1
            continue
        if c == '"':
            i += 1
            while i < n and text[i] != '"':
                i += 2 if text[i] == "\\" else 1
        elif c == ";":
            policies.append(text[start : i + 1].strip())
            start = i + 1
        i += 1
    if text[start:].strip() and not all(
        line.strip().startswith("//") or not line.strip() for line in text[start:].splitlines()
    ):
        fail("text after the last policy's `;`")
    return policies


def ours(request):
    """Our wire format: no circumstance is an absent field, not "none"."""
    request = dict(request)
    if request.get("circumstance") == "none":
        del request["circumstance"]
    return request


def cedar(request):
    """The independent encoding's request (peers/tests/support/mod.rs):
    principal = the party, resource = the data element, the rest in the
    context; every context key is present."""
    return {
        "principal": f'Party::"{request["party"]}"',
        "action": f'Action::"{request["action"]}"',
        "resource": f'Data::"{request["data"]}"',
        "context": {
            "purpose": request["purpose"],
            "location": request["location"],
            "authorizations": request.get("authorizations", []),
            "circumstance": request.get("circumstance", "none"),
            "objections": request.get("objections", []),
            "service": request["service"],
        },
    }


def cases(cedar_dir):
    with open(os.path.join(cedar_dir, "cases.json")) as f:
        return json.load(f)


def write_json(path, value):
    with open(path, "w") as f:
        json.dump(value, f, separators=(",", ":"))


def inputs(cedar_dir, out, batch):
    with open(os.path.join(cedar_dir, "statement.cedar")) as f:
        texts = split_policies(f.read())
    policies = []
    for text in texts:
        found = re.search(r'@id\("([^"]+)"\)', text)
        if not found:
            fail(f"a policy without @id: {text[:200]}")
        policies.append({"id": found.group(1), "content": text})
    if len({p["id"] for p in policies}) != len(policies):
        fail("two policies share an @id")
    write_json(os.path.join(out, "cedar-policies.json"), policies)
    write_json(os.path.join(out, "cedar-single.json"), cedar(TYPICAL_ALLOW))
    write_json(os.path.join(out, "ours-single.json"), ours(TYPICAL_ALLOW))
    # The batch: the encoding's 247 hand-written cases (about half allowed),
    # in turn, up to BATCH requests.
    all_cases = [ours(case["request"]) for case in cases(cedar_dir)]
    write_json(os.path.join(out, "ours-batch.json"), [all_cases[i % len(all_cases)] for i in range(batch)])
    print(f"{len(policies)} Cedar policies; batch of {batch} requests from {len(all_cases)} cases")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        print(s.getsockname()[1])


class Client:
    """One keep-alive connection to a loopback URL."""

    def __init__(self, url):
        parsed = urllib.parse.urlsplit(url)
        if parsed.hostname != "127.0.0.1":
            fail(f"{url}: loopback only")
        self.conn = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=10)

    def request(self, method, path, body=None):
        headers = {"Content-Type": "application/json"} if body is not None else {}
        data = None if body is None else json.dumps(body).encode()
        self.conn.request(method, path, body=data, headers=headers)
        response = self.conn.getresponse()
        payload = response.read()
        if not 200 <= response.status < 300:
            fail(f"{method} {path}: HTTP {response.status}: {payload[:500]!r}")
        return json.loads(payload) if payload else None


def wait(url, seconds):
    parsed = urllib.parse.urlsplit(url)
    deadline = time.monotonic() + float(seconds)
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=1)
            conn.request("GET", parsed.path or "/")
            if 200 <= conn.getresponse().status < 300:
                return
        except OSError:
            pass
        time.sleep(0.1)
    fail(f"{url} did not answer within {seconds} s")


def check(ours_url, cedar_url, out):
    """Before measuring: cedar-agent holds every policy, and both services
    answer the measured request and all 247 cases the same way (and as the
    cases expect)."""
    with open(os.path.join(out, "cedar-policies.json")) as f:
        expected_ids = {p["id"] for p in json.load(f)}
    us, them = Client(ours_url), Client(cedar_url)
    loaded = {p["id"] for p in them.request("GET", "/v1/policies")}
    if loaded != expected_ids:
        fail(
            f"cedar-agent holds {len(loaded)} policies, not the {len(expected_ids)} of statement.cedar "
            f"(missing: {sorted(expected_ids - loaded)[:5]}); see its log"
        )
    single = us.request("POST", "/v1/decide", ours(TYPICAL_ALLOW))["decision"]["effect"]
    theirs = them.request("POST", "/v1/is_authorized", cedar(TYPICAL_ALLOW))["decision"]
    if (single, theirs) != ("allow", "Allow"):
        fail(f"the measured request: ours {single}, cedar-agent {theirs}; both should allow")
    all_cases = cases(os.path.dirname(os.path.abspath(__file__)) + "/../cedar")
    decisions = us.request("POST", "/v1/decide", [ours(c["request"]) for c in all_cases])["decisions"]
    disagreements = 0
    for case, decision in zip(all_cases, decisions, strict=True):
        mine = decision["decision"]["effect"]
        other = them.request("POST", "/v1/is_authorized", cedar(case["request"]))["decision"].lower()
        if not mine == other == case["expected"]:
            disagreements += 1
            print(f"  {json.dumps(case['request'])}: ours {mine}, cedar-agent {other}, expected {case['expected']}")
    if disagreements:
        fail(f"{disagreements} of {len(all_cases)} cases answered differently")
    allowed = sum(c["expected"] == "allow" for c in all_cases)
    print(
        f"check: cedar-agent holds the {len(loaded)} policies; both allow the measured request; "
        f"both give the expected answer on all {len(all_cases)} cases ({allowed} allow)"
    )


def read_number(path):
    with open(path) as f:
        return f.read().split()


def table(out, batch):
    runs = [
        ("ours-single", "`vianet-privacy serve`, 1 request a call, log on disk", 1),
        ("ours-batch", f"`vianet-privacy serve`, {batch} requests a call, log on disk", batch),
        ("ours-batch-tmpfs", f"`vianet-privacy serve`, {batch} requests a call, log on tmpfs", batch),
        ("cedar-single", "`cedar-agent`, 1 request a call", 1),
    ]
    rows, figures = [], {}
    for name, label, per_call in runs:
        path = os.path.join(out, f"{name}.wrk")
        if not os.path.exists(path):
            continue
        with open(path) as f:
            found = [line for line in f if line.startswith("RESULT ")]
        if not found:
            fail(f"{path}: no RESULT line (did wrk fail?)")
        r = dict(item.split("=") for item in found[-1].split()[1:])
        seconds = int(r["duration_us"]) / 1e6
        calls = int(r["requests"]) / seconds
        decisions = calls * per_call
        figures[name] = (decisions, int(r["p99_us"]))
        cpu = "—"
        if os.path.exists(os.path.join(out, f"{name}.cpu")):
            ticks, per_second = map(int, read_number(os.path.join(out, f"{name}.cpu")))
            if int(r["requests"]):
                cpu = f"{ticks / per_second / (int(r['requests']) * per_call) * 1e6:.1f} µs"
        logged = "—"
        if os.path.exists(os.path.join(out, f"{name}.logged")):
            lines = int(read_number(os.path.join(out, f"{name}.logged"))[0])
            size = int(read_number(os.path.join(out, f"{name}.logged-bytes"))[0])
            logged = f"{lines:,} ({size / seconds / 1e6:,.0f} MB/s)"
        rows.append(
            f"| {label} | {calls:,.0f} | {decisions:,.0f} | {int(r['p50_us']) / 1000:.2f} ms "
            f"| {int(r['p99_us']) / 1000:.2f} ms | {cpu} | {int(r['errors'])} | {logged} |"
        )
    print("| run | calls/s | decisions/s | p50 | p99 | server CPU per decision | errors | decision-log lines |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    print("\n".join(rows))
    if "ours-single" in figures and "cedar-single" in figures:
        (ours_rate, ours_p99), (cedar_rate, cedar_p99) = figures["ours-single"], figures["cedar-single"]
        print(
            f"\nsingle: {ours_rate / cedar_rate:.1f}x cedar-agent's throughput (target >= 10x); "
            f"p99 {ours_p99 / 1000:.2f} ms against {cedar_p99 / 1000:.2f} ms (target: lower)"
        )
    for name in ("ours-batch", "ours-batch-tmpfs"):
        if name in figures:
            where = "on disk" if name == "ours-batch" else "on tmpfs"
            print(f"batch: {figures[name][0]:,.0f} decisions/s with the decision log {where} (target >= 500,000)")


def main(argv):
    commands = {
        "inputs": (3, lambda a: inputs(a[0], a[1], int(a[2]))),
        "port": (0, lambda a: free_port()),
        "wait": (2, lambda a: wait(a[0], a[1])),
        "check": (3, lambda a: check(a[0], a[1], a[2])),
        "table": (2, lambda a: table(a[0], int(a[1]))),
    }
    if len(argv) < 1 or argv[0] not in commands or len(argv) - 1 != commands[argv[0]][0]:
        fail(__doc__)
    commands[argv[0]][1](argv[1:])


if __name__ == "__main__":
    main(sys.argv[1:])
