-- Deletes a guard or lock only if it still holds this caller's token: a lease that ran out and was taken by
-- someone else is not theirs to delete. KEYS: 1 the key. ARGV: 1 the token. Returns 1 if deleted.
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
