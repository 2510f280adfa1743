-- A different tracking tag on every request, as campaign links and crawlers send them: the page
-- cache must answer these as it answers the plain page.
local counter = 0
local thread_tag = tostring({}):match("0x(%x+)") or "0"

request = function()
  counter = counter + 1
  local joiner = wrk.path:find("?", 1, true) and "&" or "?"
  local path = wrk.path .. joiner .. "utm_source=" .. thread_tag .. "-" .. counter
  return wrk.format(nil, path)
end
