-- wrk script for bench/http/open311.sh: POSTs Open311 reports (form-encoded) and keeps the token of every 200.
--   SHIGAN_KEY       the Open311 api_key
--   SHIGAN_VILLAGES  file with one village division code a line (address_id)
--   SHIGAN_TAG       put in every description, so the run's cases can be counted in the database
--   SHIGAN_TOKENS    prefix of the files the threads write the tokens of their 200 answers to (PREFIX<n>.txt)
--   BENCH_NAME       label for the result line
-- At the end prints one tab-separated line that open311.sh collects:
--   RESULT name req/s p50_ms p95_ms p99_ms max_ms requests non2xx socket_errors

-- Every seeded category; those with a required question get an answer (see CategorySeed.cs; open311.sh checks
-- that these are exactly the categories with required questions).
local services = {
  "ZZ01", "ZZ02", "ZZ03", "ZZ04", "ZZ05", "ZZ06", "ZZ07", "ZZ08",
  "SC01", "SC02", "SC03", "SC04", "SC05", "SC06", "SC07",
  "ZF01", "ZF02", "ZF03", "ZF04", "ZF05", "ZF06", "ZF07", "ZF08",
  "BM01", "BM02", "BM03", "BM04", "BM05", "BM06", "BM07", "BM08",
}
local required = {
  ZF01 = "&attribute%5Bstage%5D=done",
  ZF02 = "&attribute%5Bstill%5D=yes",
  ZF04 = "&attribute%5Bkind%5D%5B%5D=sewage&attribute%5Bkind%5D%5B%5D=smell",
  ZZ03 = "&attribute%5Bpeople%5D=no",
}
local descriptions = {
  "河边排污口冒黑水，气味很重", "路灯坏了一个多星期", "村口垃圾堆满没人清运", "夜里施工噪声很大",
  "商店卖过期食品", "楼道堆放杂物堵住消防通道", "邻居为宅基地边界争吵", "自来水管爆裂漏水",
}

local function encode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local counter = 1

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end

local villages = {}
local tokens
local n = 0
local refused = 0
local key, tag

function init(args)
  key = encode(os.getenv("SHIGAN_KEY"))
  tag = os.getenv("SHIGAN_TAG")
  for line in io.lines(os.getenv("SHIGAN_VILLAGES")) do
    if line ~= "" then table.insert(villages, line) end
  end
  tokens = io.open(os.getenv("SHIGAN_TOKENS") .. id .. ".txt", "w")
  tokens:setvbuf("line")
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
  wrk.headers["Accept"] = "application/json"
end

function request()
  n = n + 1
  local code = services[(n * 7 + id) % #services + 1]
  local village = villages[(n * 13 + id) % #villages + 1]
  local text = string.format("压测 %s %d-%d：%s", tag, id, n, descriptions[n % #descriptions + 1])
  local body = "api_key=" .. key .. "&service_code=" .. code .. "&address_id=" .. village
    .. "&address_string=" .. encode("村委会旁") .. "&description=" .. encode(text)
    .. "&first_name=" .. encode("秀英") .. "&last_name=" .. encode("王") .. "&phone=13812345678"
    .. (required[code] or "")
  return wrk.format(nil, nil, nil, body)
end

function response(status, headers, body)
  if status == 200 then
    local token = body:match('"token":"([^"]+)"')
    if token then tokens:write(token, "\n") end
  else
    -- The first few refusals go to the log.
    refused = refused + 1
    if refused <= 3 then io.stderr:write(string.format("status %d: %s\n", status, body:sub(1, 300))) end
  end
end

function done(summary, latency, requests)
  local name = os.getenv("BENCH_NAME") or wrk.path
  local seconds = summary.duration / 1e6
  local e = summary.errors
  local socket = e.connect + e.read + e.write + e.timeout
  io.write(string.format("RESULT\t%s\t%.0f\t%.3f\t%.3f\t%.3f\t%.3f\t%d\t%d\t%d\n",
    name, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, summary.requests, e.status, socket))
end
