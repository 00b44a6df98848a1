#!/usr/bin/env bash
# The decision service over HTTP, measured side by side with cedar-agent
# (docs/performance.md, "The decision service over HTTP").
#
#   bash peers/bench-serve/run.sh
#
# A benchmark, not a test: it prints figures and asserts no timing (it fails
# only when a tool is missing, a server does not start, or the two services
# answer differently). Loopback only; every run is bounded in time.
#
# 1. Builds `vianet-privacy` (release) and generates the inputs from
#    peers/cedar: cedar-agent's policy file (one entry per policy of
#    statement.cedar), the measured request in both wire formats, and a
#    batch of BATCH requests (the encoding's 247 cases, in turn).
# 2. Starts `vianet-privacy serve` on 127.0.0.1 with its decision log in a
#    file on disk, and cedar-agent on 127.0.0.1 with the policies.
# 3. Checks that both answer the measured request (allow) and all 247 cases
#    the same way, as the cases expect.
# 4. Runs wrk for DURATION against: ours, one request a call; ours, BATCH
#    requests a call (decision log on disk, then in memory on /dev/shm);
#    cedar-agent, one request a call. Prints a table: throughput, p50, p99,
#    and each server's CPU time per decision (from /proc, so that the
#    figure holds up when other work shares the machine).
#
# Tools (installed by hand, not dependencies of any crate): wrk (Debian:
# `apt-get install wrk`), cedar-agent (`cargo install --locked cedar-agent`),
# and python3 (standard library only).
#
# Settings (environment): DURATION (10s), THREADS (2: wrk's threads),
# CONNECTIONS (16: single calls), BATCH_CONNECTIONS (4), BATCH (1000),
# OUT (a new temporary directory: inputs, logs, wrk output), CEDAR_AGENT
# (cedar-agent in PATH or ~/.cargo/bin), CARGO_TARGET_DIR.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
DURATION="${DURATION:-10s}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-16}"
BATCH_CONNECTIONS="${BATCH_CONNECTIONS:-4}"
BATCH="${BATCH:-1000}"

die() {
  echo "run.sh: $*" >&2
  exit 1
}

# The tools, before anything is built.
command -v wrk >/dev/null || die "wrk is missing: install it with \`apt-get install wrk\` (Debian) and run again"
CEDAR_AGENT="${CEDAR_AGENT:-$(command -v cedar-agent || echo "$HOME/.cargo/bin/cedar-agent")}"
[ -x "$CEDAR_AGENT" ] || die "cedar-agent is missing: install it with \`cargo install --locked cedar-agent\` (or set CEDAR_AGENT) and run again"
command -v python3 >/dev/null || die "python3 is missing (it generates the inputs and checks the answers)"

OUT="${OUT:-$(mktemp -d "${TMPDIR:-/tmp}/bench-serve.XXXXXX")}"
mkdir -p "$OUT"
pids=()
cleanup() {
  local pid
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  # The decision logs of the batch runs are gigabytes; the rest is small.
  rm -f "$OUT"/*.decisions.jsonl /dev/shm/ours-batch-tmpfs.decisions.jsonl
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "== machine"
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "wrk: $(wrk --version 2>&1 | head -1)"
echo "cedar-agent: $("$CEDAR_AGENT" --version 2>&1 | head -1)"
echo "out: $OUT"

echo "== build (release)"
(cd "$root" && cargo build --release --quiet -p vianet-privacy-cli)
target="${CARGO_TARGET_DIR:-$root/target}"
ours_bin="$target/release/vianet-privacy"
[ -x "$ours_bin" ] || die "no $ours_bin after the build"

echo "== inputs"
python3 "$here/bench.py" inputs "$root/peers/cedar" "$OUT" "$BATCH"

# One server at a time is measured; both stay up so the check can compare.
start_ours() { # name [directory of the decision log, $OUT by default]
  local port
  port="$(python3 "$here/bench.py" port)"
  ours_log="${2:-$OUT}/$1.decisions.jsonl"
  "$ours_bin" serve --addr "127.0.0.1:$port" --decision-log "$ours_log" \
    --max-batch "$BATCH" 2>"$OUT/$1.stderr" &
  pids+=($!)
  ours_pid=$!
  ours_url="http://127.0.0.1:$port"
  python3 "$here/bench.py" wait "$ours_url/healthz" 20 || { cat "$OUT/$1.stderr" >&2; die "vianet-privacy serve did not start"; }
}
stop_ours() { # name: counts the decision log's lines and bytes, then removes it
  kill "$ours_pid"
  wait "$ours_pid" 2>/dev/null || true
  wc -l <"$ours_log" | tr -d ' ' >"$OUT/$1.logged"
  wc -c <"$ours_log" | tr -d ' ' >"$OUT/$1.logged-bytes"
  rm -f "$ours_log"
}

echo "== start"
cedar_port="$(python3 "$here/bench.py" port)"
# `--log-level error`: cedar-agent otherwise logs every query on standard
# error; this is its fastest setting (ours keeps its decision log on).
"$CEDAR_AGENT" --addr 127.0.0.1 --port "$cedar_port" --policies "$OUT/cedar-policies.json" \
  --log-level error 2>"$OUT/cedar-agent.stderr" &
pids+=($!)
cedar_pid=$!
cedar_url="http://127.0.0.1:$cedar_port"
python3 "$here/bench.py" wait "$cedar_url/v1/" 20 || { cat "$OUT/cedar-agent.stderr" >&2; die "cedar-agent did not start"; }
start_ours check
echo "vianet-privacy serve: $ours_url; cedar-agent: $cedar_url"

echo "== check: the same answers before measuring"
python3 "$here/bench.py" check "$ours_url" "$cedar_url" "$OUT"
stop_ours check

# The CPU time a process has used, in clock ticks (user + system, every thread).
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

measure() { # name url connections body server-pid
  echo "-- $1: wrk -t$THREADS -c$3 -d$DURATION, body $(wc -c <"$4" | tr -d ' ') bytes"
  local before
  before="$(cpu_ticks "$5")"
  wrk -t"$THREADS" -c"$3" -d"$DURATION" --timeout 10s --latency -s "$here/post.lua" "$2" -- "$4" | tee "$OUT/$1.wrk"
  echo "$(($(cpu_ticks "$5") - before)) $(getconf CLK_TCK)" >"$OUT/$1.cpu"
}

echo "== measure (load before: $(cut -d' ' -f1-3 /proc/loadavg))"
start_ours ours-single
measure ours-single "$ours_url/v1/decide" "$CONNECTIONS" "$OUT/ours-single.json" "$ours_pid"
stop_ours ours-single
start_ours ours-batch
measure ours-batch "$ours_url/v1/decide" "$BATCH_CONNECTIONS" "$OUT/ours-batch.json" "$ours_pid"
stop_ours ours-batch
# The same batch with the decision log in memory (tmpfs): what the service
# does when the disk is not the limit.
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
  start_ours ours-batch-tmpfs /dev/shm
  measure ours-batch-tmpfs "$ours_url/v1/decide" "$BATCH_CONNECTIONS" "$OUT/ours-batch.json" "$ours_pid"
  stop_ours ours-batch-tmpfs
fi
measure cedar-single "$cedar_url/v1/is_authorized" "$CONNECTIONS" "$OUT/cedar-single.json" "$cedar_pid"
kill "$cedar_pid"

echo "== figures (load after: $(cut -d' ' -f1-3 /proc/loadavg))"
python3 "$here/bench.py" table "$OUT" "$BATCH"
