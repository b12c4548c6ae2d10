-- Token buckets, all or nothing: a request takes one token from every bucket it falls under (its user's and the
-- global one, or its account's and its address's), or from none when any of them is empty, so a refused request never
-- spends a token. The same refill rule as Spring Cloud Gateway's RedisRateLimiter: `rate` tokens per second up to
-- `burst`, computed lazily from the time of the last take; the broker's clock (TIME), so every gateway agrees.
-- KEYS: one hash per bucket (t: tokens, ts: ms of the last take). ARGV: per bucket, rate (tokens/s) then burst.
-- Returns {allowed (1|0), the tightest bucket's index (1-based), its tokens left (floor), ms until a token is back}.
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local tokens = {}
local allowed = 1
local wait = 0
local tightest = 1
for i = 1, #KEYS do
  local rate = tonumber(ARGV[2 * i - 1])
  local burst = tonumber(ARGV[2 * i])
  local state = redis.call('HMGET', KEYS[i], 't', 'ts')
  local t = tonumber(state[1]) or burst
  local ts = tonumber(state[2]) or now
  t = math.min(burst, t + math.max(0, now - ts) * rate / 1000)
  tokens[i] = t
  if t < 1 then
    allowed = 0
    wait = math.max(wait, math.ceil((1 - t) * 1000 / rate))
  end
  if t < tokens[tightest] then
    tightest = i
  end
end
for i = 1, #KEYS do
  local rate = tonumber(ARGV[2 * i - 1])
  local burst = tonumber(ARGV[2 * i])
  if allowed == 1 then
    tokens[i] = tokens[i] - 1
  end
  redis.call('HSET', KEYS[i], 't', tostring(tokens[i]), 'ts', now)
  -- Gone once it would be full again anyway.
  redis.call('PEXPIRE', KEYS[i], math.ceil(burst * 1000 / rate) + 1000)
end
return {allowed, tightest, math.floor(tokens[tightest]), wait}
