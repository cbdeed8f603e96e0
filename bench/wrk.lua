-- wrk script for `make bench`: the request comes from the environment, the
-- result goes to stdout as one JSON line that bench/run.py reads.
--   BENCH_METHOD   GET or POST
--   BENCH_BODY     form-encoded body (POST)
--   BENCH_CSRF     the CSRF token, sent as cookie and X-CSRFToken header
wrk.method = os.getenv("BENCH_METHOD") or "GET"
local body = os.getenv("BENCH_BODY") or ""
if body ~= "" then
  wrk.body = body
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
end
local csrf = os.getenv("BENCH_CSRF") or ""
if csrf ~= "" then
  wrk.headers["Cookie"] = "csrftoken=" .. csrf
  wrk.headers["X-CSRFToken"] = csrf
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH {"requests": %d, "duration_us": %d, "p50_us": %d, "p95_us": %d, ' ..
    '"errors": %d, "bad_status": %d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    e.connect + e.read + e.write + e.timeout, e.status))
end
