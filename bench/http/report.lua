-- wrk script for bench/http/run.sh.
--   SHIGAN_COOKIE  the Cookie header to send (empty: none, as for /healthz)
--   BENCH_NAME     label for the result line
-- At the end prints one tab-separated line that run.sh collects:
--   RESULT name req/s p50_ms p95_ms p99_ms max_ms requests non2xx socket_errors

local cookie = os.getenv("SHIGAN_COOKIE")
if cookie ~= nil and cookie ~= "" then
  wrk.headers["Cookie"] = cookie
end
wrk.headers["Accept"] = "application/json"

function done(summary, latency, requests)
  local name = os.getenv("BENCH_NAME") or wrk.path
  local seconds = summary.duration / 1e6
  local e = summary.errors
  local socket = e.connect + e.read + e.write + e.timeout
  -- wrk keeps latencies in microseconds.
  io.write(string.format("RESULT\t%s\t%.0f\t%.3f\t%.3f\t%.3f\t%.3f\t%d\t%d\t%d\n",
    name, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, summary.requests, e.status, socket))
end
