-- wrk script for bench/http/run.sh and bench/http/cases.sh.
--   SHIGAN_COOKIE  the Cookie header to send (empty: none, as for /healthz)
--   BENCH_NAME     label for the result line
--   BENCH_PATHS    optional file of request paths, one a line: each request takes the next one (each thread starts
--                  at its own place), so a run reads many rows instead of one cached row; without it, the URL's path
-- At the end prints one tab-separated line that the scripts collect:
--   RESULT name req/s p50_ms p95_ms p99_ms max_ms requests non2xx socket_errors

local cookie = os.getenv("SHIGAN_COOKIE")
if cookie ~= nil and cookie ~= "" then
  wrk.headers["Cookie"] = cookie
end
wrk.headers["Accept"] = "application/json"

local list = os.getenv("BENCH_PATHS")
if list ~= nil and list ~= "" then
  local paths = {}
  for line in io.lines(list) do
    if line ~= "" then
      paths[#paths + 1] = line
    end
  end
  local threads = 0
  function setup(thread)
    threads = threads + 1
    thread:set("first", threads)
  end

  local next_path = 0
  function init(args)
    -- Threads start a long way apart in the list, so no two send the same path at once.
    next_path = ((first or 1) - 1) * 7919 % #paths
  end

  function request()
    next_path = next_path % #paths + 1
    return wrk.format(nil, paths[next_path])
  end
end

function done(summary, latency, requests)
  local name = os.getenv("BENCH_NAME") or wrk.path
  local seconds = summary.duration / 1e6
  local e = summary.errors
  local socket = e.connect + e.read + e.write + e.timeout
  -- wrk keeps latencies in microseconds.
  io.write(string.format("RESULT\t%s\t%.2f\t%.3f\t%.3f\t%.3f\t%.3f\t%d\t%d\t%d\n",
    name, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, summary.requests, e.status, socket))
end
