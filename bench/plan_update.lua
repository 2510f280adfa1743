-- An action-status change on a saved plan, as the no-JavaScript form posts it. Each request
-- uses another of the plans bench/run.py made (all at version 1; tokens.lua), so none is ever
-- stale: the warm-up takes plans from the start of the list, the measured run from further on.
-- The CSRF cookie and form field carry the same unmasked secret, which Django accepts.
OFFSETS = {warm = 0, measure = 10000}
local csrf = "benchbenchbenchbenchbenchbench12"

request = function()
  local body = "csrfmiddlewaretoken=" .. csrf ..
    "&action=status&version=1&skill=leadership&status=in-progress"
  return wrk.format("POST", "/plan/" .. next_token() .. "/", {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = "csrftoken=" .. csrf,
  }, body)
end
