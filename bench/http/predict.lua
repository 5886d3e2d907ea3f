-- wrk script: POST one record to the path given as the first script argument
-- (e.g. /v1/predict or /v1/predict?explain=false). Prints p50/p90/p99 latency at the end.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = [[{"User_ID":"bench-1","Age":34,"Gender":"Female","Occupation":"IT","Country":"UK","Consultation_History":"No","Stress_Level":"High","Sleep_Hours":5.5,"Work_Hours":55,"Physical_Activity_Hours":1}]]

local request_text
function init(args)
  request_text = wrk.format(nil, args[1] or "/v1/predict")
end

function request()
  return request_text
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
