-- redis-lua: give back what one admission took, exactly once (the order id leaves the orders hash with it), so a
-- retried or duplicated give-back cannot raise the counter twice.
-- KEYS: as stock-take.lua. ARGV: 1 order id. Returns the units given back (0: nothing was held for this id).
if redis.call('EXISTS', KEYS[5]) == 0 then
  return 0
end
local held = redis.call('HGET', KEYS[3], ARGV[1])
if not held then
  return 0
end
local bar = string.find(held, '|', 1, true)
local user = string.sub(held, 1, bar - 1)
local quantity = tonumber(string.sub(held, bar + 1))
redis.call('HDEL', KEYS[3], ARGV[1])
redis.call('ZREM', KEYS[4], ARGV[1])
redis.call('INCRBY', KEYS[1], quantity)
redis.call('HINCRBY', KEYS[2], user, -quantity)
return quantity
