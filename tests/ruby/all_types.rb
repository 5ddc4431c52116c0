# tests/ruby/all_types.rb - ruby-odbc (Debian's ruby-odbc, the ANSI "odbc"
# module) against athena-local through the DSN named by ATHENA_TEST_DSN and
# DSN-less: every column of sampledb.all_types exactly, bounded multibyte
# text whole, a 100,000-row fetch (its time printed), error messages (ruby-odbc
# is an ODBC 2 application: it gets ODBC 2 SQLSTATEs).
# Prints TAP. Debian's odbc.so does not link libodbc: run it with
# LD_PRELOAD=libodbc.so.2 (see docs/clients.md).
require "odbc"

$n = 0
$failed = 0
def check(ok, what, detail = nil)
  $n += 1
  $failed += 1 unless ok
  puts "#{ok ? 'ok' : 'not ok'} #{$n} - #{what}"
  puts "# #{detail}" if !ok && detail
end

def is(got, want, what)
  check(got.eql?(want) || (got.is_a?(Float) && want.is_a?(Float) && got.nan? && want.nan?), what,
        "got #{got.inspect}, want #{want.inspect}")
end

dsn = ENV.fetch("ATHENA_TEST_DSN", "athena-local")
T = ODBC::TimeStamp
D = ODBC::Date
TM = ODBC::Time
N = nil
u = ->(s) { s.encode("UTF-8").b } # the driver's SQL_C_CHAR text: UTF-8 bytes

# ruby-odbc's values: SQL_C_CHAR strings for decimal, binary (hex) and the
# character-mapped types; ODBC::Time has no fraction of a second.
EXPECTED = [
  [1, 1, 1, 100, 1000, 100000, 1.5, 2.25, "12.50", "12345.678900000", "hello", "short", "ab   ", "616263",
   "2017-01-02", "01:02:03", "2017-01-01 12:34:56 789000000", "2017-01-01 00:00:00.000 UTC", "[1, 2, 3]",
   "[a, b]", "{a=1, b=2}", "{x=1, y=abc}", '{"a":1,"b":[1,2]}', "123e4567-e89b-12d3-a456-426614174000",
   "192.168.0.1", "1-2", "2 03:04:05.678"],
  [2, 0, -128, -32768, -2147483648, -9223372036854775808, -3.4028235e38, -1.7976931348623157e308,
   "-99999999.99", "-99999999999999999999999999999.999999999", "A", "a", "a    ", "00", "0001-01-01",
   "00:00:00", "0001-01-01 00:00:00 0", "1970-01-01 00:00:00.000 UTC", "[-2147483648]", "[A]",
   "{a=-2147483648}", "{x=-2147483648, y=A}", "[]", "00000000-0000-0000-0000-000000000001", "0.0.0.0",
   "-1-6", "-1 00:00:00.001"],
  [3, 1, 127, 32767, 2147483647, 9223372036854775807, 3.4028235e38, 1.7976931348623157e308,
   "99999999.99", "99999999999999999999999999999.999999999", "zzzzzzzzzz", "zzzzzzzzzz", "zzzzz", "FF",
   "9999-12-31", "23:59:59", "9999-12-31 23:59:59 999000000", "9999-12-31 23:59:59.999 UTC",
   "[2147483647, -2147483648, 0]", "[x, y, z]", "{z=2147483647}", "{x=2147483647, y=z}",
   '{"max":1.7976931348623157E308}', "ffffffff-ffff-ffff-ffff-ffffffffffff", "2001:db8::1", "178956970-7",
   "9999 23:59:59.999"],
  [4] + [N] * 26,
  [5, 0, 0, 0, 0, 0, 0.0, 0.0, "0.00", "0.000000000", "", "", "     ", "", "1970-01-01", "00:00:00",
   "1970-01-01 00:00:00 0", "1970-01-01 00:00:00.000 UTC", "[]", "[]", "{}", "{x=0, y=}", "{}",
   "00000000-0000-0000-0000-000000000000", "::", "0-0", "0 00:00:00.000"],
  [6, 1, 42, 42, 42, 42, Float::NAN, 0.0001, "-0.10", "0.000000001",
   u.("quote \" comma , tab \t newline \n é ü 日本 😀"), u.("é日本😀"), u.("ü😀   "), "C3A9F09F9880",
   "2000-02-29", "12:00:00", "2000-02-29 12:00:00 0", "2000-02-29 12:00:00.500 UTC", "[1, null, 3]",
   '[a,b, c"d, null, ]', u.('{k"ey=null, é=1}'), u.("{x=null, y=日本}"), u.('{"k":"日本 😀","q":"\""}'),
   "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "2001:db8:85a3::8a2e:370:7334", "1-0", "0 00:00:00.001"],
  [7, 0, -1, -1, -1, -1, Float::INFINITY, -Float::INFINITY, "0.01", "-0.000000001", "line1\r\nline2", "x",
   "x    ", N, N, N, N, N, "[null]", "[null]", "{n=null}", "{x=null, y=null}", "null", N, N, N, N],
  [8, N, N, N, N, N, -Float::INFINITY, 1.0e7, N, N, "  padded  "] + [N] * 16,
  [9, N, N, N, N, N, 0.1, 123456.789, N, N, ","] + [N] * 16,
  [10, N, N, N, N, N, 1.0e-5, 0.001, N, N, '"'] + [N] * 16,
  [11, N, N, N, N, N, 16777216.0, 9.999999e-4, N, N, "\t"] + [N] * 16,
  [12, N, N, N, N, N, 1.4e-45, 4.9e-324, N, N, "\n"] + [N] * 16,
].freeze

def plain(v)
  case v
  when ODBC::TimeStamp, ODBC::Date, ODBC::Time then v.to_s
  when String then v.b
  else v
  end
end

c = ODBC.connect(dsn)
check(c.connected?, "connect with the DSN #{dsn}")
s = c.tables
is(s.fetch_all.map { |r| r[2] }, %w[all_types elb_logs impressions numbers elb_errors], "SQLTables: sampledb's tables and view")
s.drop
s = c.columns("all_types")
cols = s.fetch_all
s.drop
is(cols.map { |r| r[3] }.first(3) + [cols.length], ["id", "c_boolean", "c_tinyint", 27], "SQLColumns: all_types' 27 columns in order")
is(cols.map { |r| r[5] }.values_at(0, 10, 11), ["integer", "varchar", "varchar"], "SQLColumns: TYPE_NAME")
is(cols.map { |r| r[6] }.values_at(10, 11), [255, 10], "SQLColumns: COLUMN_SIZE of varchar and varchar(10)")
s = c.run("SELECT * FROM sampledb.all_types ORDER BY id")
names = s.columns(true).map(&:name)
is(names.length, 27, "all_types has 27 columns")
rows = s.fetch_all
s.drop
is(rows.length, EXPECTED.length, "12 rows")
EXPECTED.each_with_index do |want, i|
  got = rows[i].map { |v| plain(v) }
  bad = (0...want.length).reject { |k| got[k].eql?(want[k]) || (want[k].is_a?(Float) && want[k].nan? && got[k].is_a?(Float) && got[k].nan?) }
  check(bad.empty?, "row #{want[0]}: every column exact",
        bad.map { |k| "#{names[k]}: got #{got[k].inspect}, want #{want[k].inspect}" }.join("; "))
end

# bounded multibyte text: the buffer ruby-odbc sizes from SQL_DESC_DISPLAY_SIZE holds the whole value
s = c.run("SELECT c_varchar10, c_char FROM sampledb.all_types WHERE id = 6")
cols = s.columns(true)
is(cols.map(&:length), [10, 5], "varchar(10), char(5): column sizes in characters")
row = s.fetch
s.drop
is(row[0].force_encoding("UTF-8"), "é日本😀", "varchar(10) holding 12 UTF-8 bytes arrives whole")
is(row[1].force_encoding("UTF-8"), "ü😀   ", "char(5) holding 'ü😀' arrives whole, blank-padded")

# Every fetch call of ruby-odbc (fetch, fetch_many, fetch_all, each) runs
# SQLFetchScroll for one row with Ruby's global lock given up, which costs
# 45-65 us of CPU a row in Ruby's thread hand-over (1,000,000 rows took 130 s
# on a busy 2-core machine; docs/clients.md): the suite fetches 100,000 rows
# and prints the time.
t0 = Process.clock_gettime(Process::CLOCK_MONOTONIC)
s = c.run("SELECT n FROM sampledb.numbers WHERE n <= 100000")
count = sum = 0
while (r = s.fetch)
  count += 1
  sum += r[0]
end
s.drop
elapsed = Process.clock_gettime(Process::CLOCK_MONOTONIC) - t0
is([count, sum], [100_000, 100_000 * 100_001 / 2], "100,000 rows, their sum exact")
puts format("# 100,000 rows fetched one at a time in %.2f s", elapsed)

begin
  c.run("SELECT * FROM sampledb.no_such_table")
  check(false, "a missing table raises")
rescue ODBC::Error => e
  is(e.message, "S0002 (0) [Athena ODBC][Athena]TABLE_NOT_FOUND: line 1:15: Table " \
                "'awsdatacatalog.sampledb.no_such_table' does not exist", "a missing table: Athena's message")
end
c.disconnect

# DSN-less: the driver by name from the private odbcinst.ini, the keys of the DSN in the string
drv = ODBC::Driver.new
drv.name = "athena-dsnless"
ini = File.read(ENV.fetch("ODBCINI"))
keys = ini.lines.map(&:strip).grep(/\A[A-Za-z0-9]+\s*=/).map { |l| l.split(/\s*=\s*/, 2) }.to_h
keys.delete("Description")
keys["Driver"] = "Athena ODBC"
keys.each { |k, v| drv.attrs[k] = v }
c = ODBC::Database.new
c.drvconnect(drv)
check(c.connected?, "connect DSN-less (DRIVER=Athena ODBC and the keys)")
is(c.run("SELECT count(*) FROM sampledb.numbers").fetch, [1_000_000], "DSN-less: count(*)")
begin
  c2 = ODBC::Database.new
  c2.drvconnect("DRIVER={Athena ODBC};Oops;AwsRegion=us-east-1")
  check(false, "a malformed connection string is refused")
rescue ODBC::Error => e
  is(e.message, "S1000 (0) [Athena ODBC][Driver]Invalid connection string: missing '=' after key 'Oops' " \
                "at position 22", "a malformed connection string: the driver's message, its prefix once")
end
c.disconnect
puts "1..#{$n}"
exit($failed.zero? ? 0 : 1)
