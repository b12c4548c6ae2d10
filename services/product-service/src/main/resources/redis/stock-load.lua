-- redis-lua: (re)build a deal's state from one PostgreSQL snapshot, unless another instance already did.
-- KEYS: as stock-take.lua.
-- ARGV: 1 the deal's terms, 2 remaining units, 3 now (ms), 4 expire at (ms), 5 number of users U, then U pairs
--       (user, units), then triples (order id, "user|qty", 1 if still RESERVED else 0). RESERVED ones go to
--       pending, so that the sweep looks at them again after the hold: one released between the snapshot and this
--       load gives its units back then.
-- Returns 1 if loaded, 0 if the state was there already. State left by another deal of the same id is replaced.
if redis.call('GET', KEYS[5]) == ARGV[1] then
  return 0
end
redis.call('DEL', KEYS[1], KEYS[2], KEYS[3], KEYS[4])
redis.call('SET', KEYS[1], ARGV[2])
-- A placeholder in each collection keeps the key (and so its expiry) alive while it is otherwise empty: a hash or
-- sorted set created later by stock-take.lua would have none. '_' is never a user or order id (uuids), and its
-- score is never older than the hold.
redis.call('HSET', KEYS[2], '_', 0)
redis.call('HSET', KEYS[3], '_', '_|0')
redis.call('ZADD', KEYS[4], '+inf', '_')
local users = tonumber(ARGV[5])
local i = 6
for _ = 1, users do
  redis.call('HSET', KEYS[2], ARGV[i], ARGV[i + 1])
  i = i + 2
end
while i <= #ARGV do
  redis.call('HSET', KEYS[3], ARGV[i], ARGV[i + 1])
  if ARGV[i + 2] == '1' then
    redis.call('ZADD', KEYS[4], ARGV[3], ARGV[i])
  end
  i = i + 3
end
redis.call('SET', KEYS[5], ARGV[1])
for k = 1, 5 do
  redis.call('PEXPIREAT', KEYS[k], ARGV[4])
end
return 1
