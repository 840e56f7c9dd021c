//! The two Lua scripts the limiter runs in Redis (each atomic there).

/// Compare-and-set: `KEYS[1]` becomes `ARGV[2]` only if it still holds `ARGV[1]` (a missing key
/// reads as `"0"`). `ARGV[3]` is a TTL in ms (`"0"` = none). Returns 1 if written, 0 if not.
///
/// The comparison is of strings, which is exact because the limiter only ever passes the
/// canonical decimal spelling of a state it read, and treats any other stored spelling
/// (`"007"`, `"+5"`, `"-0"`) as corrupt before it gets here: a non-canonical value never equals
/// `ARGV[1]`, so it can only make a write lose, and the next read repairs it.
pub(crate) const CAS_LUA: &str = r"
local cur = redis.call('GET', KEYS[1])
if not cur then cur = '0' end
if cur ~= ARGV[1] then return 0 end
if ARGV[3] == '0' then
  redis.call('SET', KEYS[1], ARGV[2])
else
  redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
end
return 1
";

/// Repair: deletes `KEYS[1]` if it is not a string (another type), or if it still holds the
/// corrupt value `ARGV[1]` that was read (so a valid state written meanwhile by another server
/// is kept). Returns 1 if deleted, 0 if not.
pub(crate) const REPAIR_LUA: &str = r"
local t = redis.call('TYPE', KEYS[1])['ok']
if t == 'none' then return 0 end
if t ~= 'string' or redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('DEL', KEYS[1])
  return 1
end
return 0
";
