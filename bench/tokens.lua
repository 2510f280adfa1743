-- What the plan scripts share: the tokens of the plans bench/run.py made, read from the file
-- named by the first argument. Each of wrk's two threads takes every other token, starting at
-- the script's OFFSETS for the phase (the second argument: "warm" or "measure"), so no token
-- is used twice in a run.
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
  index = OFFSETS[args[2]] + (thread_number or 0) + 1
end

function next_token()
  local token = tokens[index]
  index = index + stride
  return token
end
