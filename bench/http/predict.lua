-- wrk script: POST one record to the path given as the first script argument
-- (e.g. /v1/predict or /v1/predict?explain=false). Prints p50/p90/p99 latency at the end.
-- With "distinct" as the second argument every request carries a User_ID of its own (what
-- real screening traffic looks like: each prediction adds a new key to the prediction log's
-- subject index); without it every request sends the same User_ID.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local fields = [["Age":34,"Gender":"Female","Occupation":"IT","Country":"UK","Consultation_History":"No","Stress_Level":"High","Sleep_Hours":5.5,"Work_Hours":55,"Physical_Activity_Hours":1}]]
wrk.body = [[{"User_ID":"bench-1",]] .. fields

local request_text
local path
local distinct = false
local prefix
local n = 0
local threads = 0

-- Runs in wrk's main state, once per thread: each thread's User_IDs get the thread's number and
-- the start time, so neither two threads nor a warm-up and the run after it share an id.
function setup(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end

function init(args)
  path = args[1] or "/v1/predict"
  distinct = args[2] == "distinct"
  prefix = string.format("bench-%d-%d-", os.time(), thread_number or 0)
  request_text = wrk.format(nil, path)
end

function request()
  if not distinct then
    return request_text
  end
  n = n + 1
  return wrk.format(nil, path, nil, '{"User_ID":"' .. prefix .. n .. '",' .. fields)
end

function done(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.status + summary.errors.timeout
  io.write(string.format(
    "requests=%d rps=%.0f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f errors=%d non2xx=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    errors, summary.errors.status))
end
