-- wrk script of scripts/bench.sh: POST the eligibility of a random subject of the file $IDS for 2025, which saves
-- the decision (a GET answers without saving since issue 13; the benchmark measures the saving path, as before).
local ids = {}
init = function(args)
  for line in io.lines(os.getenv("IDS")) do ids[#ids + 1] = line end
  math.randomseed(os.time() + tonumber(tostring(ids):match("0x(%x+)") or "0", 16) % 100000)
end
request = function()
  return wrk.format("POST", "/api/v1/subjects/" .. ids[math.random(#ids)] .. "/eligibility?year=2025")
end
