-- A saved plan whose page is not kept, as its owner sees it after changing it without
-- JavaScript, or the first time after the content or the release changed: every request opens
-- another of the plans bench/run.py made that nothing has opened yet, so each page is built.
-- The update POST takes plans from the first half of the list; these come from the second.
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
  local offset = args[2] == "measure" and 30000 or 20000
  index = offset + (thread_number or 0) + 1
end

request = function()
  local token = tokens[index]
  index = index + stride
  return wrk.format("GET", "/plan/" .. token .. "/")
end
