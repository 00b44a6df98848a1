-- wrk script: POST the body in the file named after `--` as JSON, and, when
-- done, print one machine-readable line for run.sh:
--   RESULT requests=N duration_us=N p50_us=N p99_us=N errors=N
-- (errors: connect, read, write, timeout and non-2xx/3xx answers).

function init(args)
   local path = args[1]
   local file = assert(io.open(path, "rb"), "cannot read " .. tostring(path))
   wrk.method = "POST"
   wrk.body = file:read("*a")
   file:close()
   wrk.headers["Content-Type"] = "application/json"
end

function done(summary, latency, requests)
   local e = summary.errors
   io.write(string.format(
      "RESULT requests=%d duration_us=%d p50_us=%d p99_us=%d errors=%d\n",
      summary.requests, summary.duration,
      latency:percentile(50), latency:percentile(99),
      e.connect + e.read + e.write + e.timeout + e.status))
end
