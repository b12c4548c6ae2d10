-- redis-lua: admit one reservation, atomically (see docs/phase3-redis-design.md).
-- KEYS: 1 stock (units Redis still admits), 2 users (hash user -> units), 3 orders (hash order id -> "user|qty"),
--       4 pending (zset order id -> take time, ms: admitted, not yet seen in PostgreSQL),
--       5 loaded (the deal's terms the state was built for)
-- ARGV: 1 order id, 2 user id, 3 quantity, 4 per-user limit, 5 now (ms), 6 starts at (ms), 7 ends at (ms),
--       8 the deal's terms (a deal id reused by a new database must not inherit an old deal's state)
-- Returns OK (units taken), REPEAT (this order id, same request), CONFLICT (this order id, another request),
-- NOT_ACTIVE, LIMIT, SOLD_OUT, or NOT_LOADED (no state for this deal: rebuild it from PostgreSQL first).
-- Same order of checks as the database path: idempotency, window, per-user limit, stock.
if redis.call('GET', KEYS[5]) ~= ARGV[8] then
  return 'NOT_LOADED'
end
local request = ARGV[2] .. '|' .. ARGV[3]
local earlier = redis.call('HGET', KEYS[3], ARGV[1])
if earlier then
  if earlier == request then
    return 'REPEAT'
  end
  return 'CONFLICT'
end
local now = tonumber(ARGV[5])
if now < tonumber(ARGV[6]) or now >= tonumber(ARGV[7]) then
  return 'NOT_ACTIVE'
end
local quantity = tonumber(ARGV[3])
local bought = tonumber(redis.call('HGET', KEYS[2], ARGV[2]) or '0')
if bought + quantity > tonumber(ARGV[4]) then
  return 'LIMIT'
end
if tonumber(redis.call('GET', KEYS[1]) or '0') < quantity then
  return 'SOLD_OUT'
end
redis.call('DECRBY', KEYS[1], quantity)
redis.call('HINCRBY', KEYS[2], ARGV[2], quantity)
redis.call('HSET', KEYS[3], ARGV[1], request)
redis.call('ZADD', KEYS[4], now, ARGV[1])
return 'OK'
