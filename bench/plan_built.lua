-- A saved plan whose page is not kept, as its owner sees it after changing it without
-- JavaScript, or the first time after the content or the release changed: every request opens
-- another of the plans bench/run.py made that nothing has opened yet (tokens.lua), so each page
-- is built. The update POST takes plans from the first half of the list; these come from the
-- second.
OFFSETS = {warm = 20000, measure = 30000}

request = function()
  return wrk.format("GET", "/plan/" .. next_token() .. "/")
end
