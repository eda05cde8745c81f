-- wrk script: single-object checks of random ids in 0..1,999,999 of workspace "load" (about
-- half blocked after check.sh's setup), with the bearer token from the TOKEN environment variable.
-- PACE_MS (environment, default 0): each connection waits that long before each request, to
-- offer a fixed-ish rate (closed loop: latencies are the service's only; see docs/benchmarks.md).
local token = os.getenv("TOKEN") or ""
local pace = tonumber(os.getenv("PACE_MS") or "0")
wrk.headers["Authorization"] = "Bearer " .. token
function setup(thread) thread:set("seed", math.random(1, 1000000)) end
function init(args) math.randomseed(os.time() + (seed or 0)) end
function request()
  return wrk.format("GET", "/v1/workspaces/load/objects/jira/issue/" .. math.random(0, 1999999))
end
if pace > 0 then function delay() return pace end end
