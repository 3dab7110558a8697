-- Takes one request from a bucket of clock-aligned windows, atomically, in one round trip.
-- KEYS[i]: window i's counter for its current period.
-- ARGV[i]: window i's limit; ARGV[n + i]: milliseconds until that counter may be forgotten.
-- Returns each window's count after the call, then 1 if the request was taken, 0 if refused.
-- A refused request is not counted: a client hammering a full bucket does not push its reset away.
local n = #KEYS
local counts = {}
for i = 1, n do
  counts[i] = tonumber(redis.call('GET', KEYS[i]) or '0')
end
for i = 1, n do
  if counts[i] >= tonumber(ARGV[i]) then
    counts[n + 1] = 0
    return counts
  end
end
for i = 1, n do
  counts[i] = redis.call('INCR', KEYS[i])
  if counts[i] == 1 then
    redis.call('PEXPIRE', KEYS[i], ARGV[n + i])
  end
end
counts[n + 1] = 1
return counts
