-- wrk script: counts the answers by status code (all threads together) and prints one "STATUS code count" line each.
--   SHIGAN_COOKIE  the Cookie header to send (empty: none)
local cookie = os.getenv("SHIGAN_COOKIE")
if cookie ~= nil and cookie ~= "" then
  wrk.headers["Cookie"] = cookie
end
wrk.headers["Accept"] = "application/json"

local threads = {}
function setup(thread)
  threads[#threads + 1] = thread
end

function init(args)
  counts = {}
end

function response(status, headers, body)
  counts[status] = (counts[status] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for code, n in pairs(thread:get("counts")) do
      total[code] = (total[code] or 0) + n
    end
  end
  for code, n in pairs(total) do
    io.write(string.format("STATUS\t%d\t%d\n", code, n))
  end
  local e = summary.errors
  io.write(string.format("ERRORS\tconnect %d\tread %d\twrite %d\ttimeout %d\n", e.connect, e.read, e.write, e.timeout))
end
