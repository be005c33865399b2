-- wrk script for bench/http/mix.sh: a weighted mix of what a province's users do at once.
--   MIX_SPEC     tab-separated lines "weight  name  role  kind  source":
--                  role   a name in MIX_COOKIES, or - for an anonymous request
--                  kind   GET, or OPEN311 (a form-encoded report to the URL in source, built as open311.lua does)
--                  source a path, or @FILE: one path a line, each request takes the next one
--   MIX_COOKIES  file of "role<TAB>Cookie header" lines; re-read every few seconds, so a script that signs in again
--                in the background keeps long runs on fresh cookies (a cookie older than a minute is re-validated
--                against the database and re-issued on every answer, which a browser stores and wrk does not)
--   MIX_KEY, MIX_VILLAGES, MIX_TAG   the Open311 api_key, a file of village codes, a tag put in every description
--   MIX_TOKENS   prefix of the files the threads write the tokens of their accepted Open311 reports to (PREFIX<n>.txt)
--   BENCH_NAME   label for the result line
-- At the end prints the usual RESULT line (as report.lua), then one MIXCOUNT line per request kind (how many were
-- sent) and a MIXSTATUS line (answers by status class: 2xx 3xx 4xx 5xx). wrk cannot tell which request an answer
-- belongs to, so per-endpoint times come from the proxy's access log (mix.sh), not from here.

local counter = 1
local threads = {}

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

local function encode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

-- Open311 reports: every seeded category, the required questions answered (see open311.lua).
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

local kinds = {}   -- { name, role, kind, paths, next, weight }
local total = 0
local cookies = {}
local cookie_file
local since_read = 0
local villages = {}
local key, tag, tokens
local n = 0
sent = {}          -- per kind index: requests sent (read by done() through thread:get)
status = { 0, 0, 0, 0, 0 }
accepted = 0

local function read_cookies()
  if not cookie_file then return end
  local f = io.open(cookie_file, "r")
  if not f then return end
  for line in f:lines() do
    local role, value = line:match("^([^\t]+)\t(.*)$")
    if role then cookies[role] = value end
  end
  f:close()
end

function init(args)
  math.randomseed(id * 7919)
  for line in io.lines(os.getenv("MIX_SPEC")) do
    local weight, name, role, kind, source = line:match("^(%d+)\t([^\t]+)\t([^\t]+)\t([^\t]+)\t(.+)$")
    if weight and tonumber(weight) > 0 then
      local paths = {}
      if source:sub(1, 1) == "@" then
        for p in io.lines(source:sub(2)) do
          if p ~= "" then paths[#paths + 1] = p end
        end
      else
        paths[1] = source
      end
      total = total + tonumber(weight)
      kinds[#kinds + 1] = { name = name, role = role, kind = kind, paths = paths, next = (id * 7919) % #paths, upto = total }
      sent[#kinds] = 0
    end
  end
  cookie_file = os.getenv("MIX_COOKIES")
  read_cookies()
  key = encode(os.getenv("MIX_KEY") or "")
  tag = os.getenv("MIX_TAG") or "mix"
  local list = os.getenv("MIX_VILLAGES")
  if list and list ~= "" then
    for line in io.lines(list) do
      if line ~= "" then villages[#villages + 1] = line end
    end
  end
  local prefix = os.getenv("MIX_TOKENS")
  if prefix and prefix ~= "" then
    tokens = io.open(prefix .. id .. ".txt", "w")
    tokens:setvbuf("line")
  end
end

local function open311(path)
  n = n + 1
  local code = services[(n * 7 + id) % #services + 1]
  local village = villages[(n * 13 + id) % #villages + 1]
  local text = string.format("压测 %s %d-%d：%s", tag, id, n, descriptions[n % #descriptions + 1])
  local body = "api_key=" .. key .. "&service_code=" .. code .. "&address_id=" .. village
    .. "&address_string=" .. encode("村委会旁") .. "&description=" .. encode(text)
    .. "&first_name=" .. encode("秀英") .. "&last_name=" .. encode("王") .. "&phone=13812345678"
    .. (required[code] or "")
  return wrk.format("POST", path, { ["Content-Type"] = "application/x-www-form-urlencoded", ["Accept"] = "application/json" }, body)
end

function request()
  since_read = since_read + 1
  if since_read >= 2000 then
    since_read = 0
    read_cookies()
  end
  local r = math.random(total)
  local k
  for i = 1, #kinds do
    if r <= kinds[i].upto then k = i break end
  end
  local e = kinds[k]
  sent[k] = sent[k] + 1
  e.next = e.next % #e.paths + 1
  local path = e.paths[e.next]
  if e.kind == "OPEN311" then
    return open311(path)
  end
  local headers = { ["Accept"] = "application/json" }
  if e.role ~= "-" then headers["Cookie"] = cookies[e.role] end
  return wrk.format("GET", path, headers)
end

function response(code, headers, body)
  local class = math.floor(code / 100)
  if class >= 1 and class <= 5 then status[class] = status[class] + 1 end
  -- An accepted Open311 report answers [{"service_request_id":…,"token":…}]; nothing else in the mix has a token.
  if tokens and code == 200 and body:sub(1, 2) == "[{" then
    local token = body:match('"token":"([^"]+)"')
    if token then
      tokens:write(token, "\n")
      accepted = accepted + 1
    end
  end
end

function done(summary, latency, requests)
  local name = os.getenv("BENCH_NAME") or wrk.path
  local seconds = summary.duration / 1e6
  local e = summary.errors
  local socket = e.connect + e.read + e.write + e.timeout
  io.write(string.format("RESULT\t%s\t%.2f\t%.3f\t%.3f\t%.3f\t%.3f\t%d\t%d\t%d\n",
    name, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, summary.requests, e.status, socket))
  local counts, classes, acks = {}, { 0, 0, 0, 0, 0 }, 0
  for _, t in ipairs(threads) do
    local s = t:get("sent")
    for i, c in pairs(s) do counts[i] = (counts[i] or 0) + c end
    local st = t:get("status")
    for i = 1, 5 do classes[i] = classes[i] + st[i] end
    acks = acks + t:get("accepted")
  end
  -- The names are in the spec, in its order; mix.sh pairs them up.
  for i = 1, #counts do
    io.write(string.format("MIXCOUNT\t%d\t%d\n", i, counts[i]))
  end
  io.write(string.format("MIXSTATUS\t%d\t%d\t%d\t%d\t%d\t%d\n", classes[1], classes[2], classes[3], classes[4], classes[5], acks))
  io.write(string.format("MIXSOCKET\tconnect %d\tread %d\twrite %d\ttimeout %d\n", e.connect, e.read, e.write, e.timeout))
end
