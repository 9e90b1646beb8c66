-- wrk script of ./rapport bench: each request logs a CONNECTED contact with a fresh contactId on one of
-- the accounts listed in BENCH_ACCOUNTS (a file, one id a line), round robin, with the key in BENCH_KEY.
-- Only 201s count as recorded; done() prints them as "created N" and every other status as "status S N".

local accounts = {}
for line in io.lines(os.getenv("BENCH_ACCOUNTS")) do
    if #line > 0 then accounts[#accounts + 1] = line end
end
local key = os.getenv("BENCH_KEY")
local run = tonumber(os.getenv("BENCH_RUN") or "0", 16) or 0
local threads = {}
local counter = 0

function setup(thread)
    counter = counter + 1
    thread:set("number", counter)
    table.insert(threads, thread)
end

function init(args)
    math.randomseed(run * 1000 + number)
    statuses = {}
    sent = number
end

-- random 32-bit words, as hex: a version-4-shaped UUID whose first word is the run and thread
local function uuid()
    return string.format("%08x-%04x-4%03x-%04x-%04x%08x", (run + number) % 0x100000000,
        math.random(0, 0xffff), math.random(0, 0xfff), 0x8000 + math.random(0, 0x3fff),
        math.random(0, 0xffff), math.random(0, 0x7fffffff) * 2 + math.random(0, 1))
end

function request()
    sent = sent + 1
    local account = accounts[(sent % #accounts) + 1]
    local body = '{"contactId":"' .. uuid() .. '","channel":"CALL","outcome":"CONNECTED",'
        .. '"staffId":"bench","staffRole":"ACCOUNT_MANAGER"}'
    return wrk.format("POST", "/api/outreach/accounts/" .. account .. "/contacts",
        { ["Content-Type"] = "application/json", ["X-Api-Key"] = key }, body)
end

function response(status, headers, body)
    statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
    local totals = {}
    for _, thread in ipairs(threads) do
        local counts = thread:get("statuses")
        for status, n in pairs(counts) do
            totals[status] = (totals[status] or 0) + n
        end
    end
    io.write(string.format("created %d\n", totals[201] or 0))
    for status, n in pairs(totals) do
        if status ~= 201 then io.write(string.format("status %d %d\n", status, n)) end
    end
    io.write(string.format("seconds %.3f\n", summary.duration / 1e6))
    io.write(string.format("latency p50 %.1f p99 %.1f\n", latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
