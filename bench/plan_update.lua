-- An action-status change on a saved plan, as the no-JavaScript form posts it. Each request
-- uses another of the plans bench/run.py made (all at version 1), so none is ever stale: the
-- warm-up takes plans from the start of the list, the measured run from further on, and each
-- of the two threads every other one. The CSRF cookie and form field carry the same unmasked
-- secret, which Django accepts.
local csrf = "benchbenchbenchbenchbenchbench12"
local threads = 0

function setup(thread)
  thread:set("thread_number", threads)
  threads = threads + 1
end

local tokens, index, stride = {}, 1, 2

function init(args)
  local file = io.open(args[1])
  for token in file:read("*a"):gmatch("%S+") do tokens[#tokens + 1] = token end
  file:close()
  local offset = args[2] == "measure" and 10000 or 0
  index = offset + (thread_number or 0) + 1
end

request = function()
  local token = tokens[index]
  index = index + stride
  local body = "csrfmiddlewaretoken=" .. csrf ..
    "&action=status&version=1&skill=leadership&status=in-progress"
  return wrk.format("POST", "/plan/" .. token .. "/", {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = "csrftoken=" .. csrf,
  }, body)
end
