# Every column of sampledb.all_types through DBD::ODBC, with the exact Perl
# value of each (tests/athena-local/src/engine/README.md lists the data).
# DBD::ODBC fetches integers as SQL_C_LONG, varbinary as SQL_C_BINARY and the
# rest as SQL_C_CHAR text (UTF-8 bytes: this DBD::ODBC is an ANSI build).
use strict;
use warnings;
use FindBin;
use lib $FindBin::Bin;
use Test::More;
use AthenaTest;
use B ();

my $dbh = athena_connect();
my $u = undef;
my @N16 = ($u) x 16;
my @columns = qw(id c_boolean c_tinyint c_smallint c_integer c_bigint c_real c_double c_decimal c_decimal_wide
                 c_varchar c_varchar10 c_char c_varbinary c_date c_time c_timestamp c_timestamp_tz c_array_int
                 c_array_varchar c_map c_row c_json c_uuid c_ipaddress c_interval_ym c_interval_ds);
my @types = (4, -7, -6, 5, 4, -5, 7, 8, 3, 3, 12, 12, 1, -3, 91, 92, 93, (12) x 10);
my @expected = (
    [1, '1', '1', '100', 1000, '100000', '1.5', '2.25', '12.50', '12345.678900000', 'hello', 'short', 'ab   ',
     'abc', '2017-01-02', '01:02:03.456', '2017-01-01 12:34:56.789', '2017-01-01 00:00:00.000 UTC', '[1, 2, 3]',
     '[a, b]', '{a=1, b=2}', '{x=1, y=abc}', '{"a":1,"b":[1,2]}', '123e4567-e89b-12d3-a456-426614174000',
     '192.168.0.1', '1-2', '2 03:04:05.678'],
    [2, '0', '-128', '-32768', -2147483648, '-9223372036854775808', '-3.4028235E38', '-1.7976931348623157E308',
     '-99999999.99', '-99999999999999999999999999999.999999999', 'A', 'a', 'a    ', "\x00", '0001-01-01',
     '00:00:00.000', '0001-01-01 00:00:00.000', '1970-01-01 00:00:00.000 UTC', '[-2147483648]', '[A]',
     '{a=-2147483648}', '{x=-2147483648, y=A}', '[]', '00000000-0000-0000-0000-000000000001', '0.0.0.0', '-1-6',
     '-1 00:00:00.001'],
    [3, '1', '127', '32767', 2147483647, '9223372036854775807', '3.4028235E38', '1.7976931348623157E308',
     '99999999.99', '99999999999999999999999999999.999999999', 'zzzzzzzzzz', 'zzzzzzzzzz', 'zzzzz', "\xff",
     '9999-12-31', '23:59:59.999', '9999-12-31 23:59:59.999', '9999-12-31 23:59:59.999 UTC',
     '[2147483647, -2147483648, 0]', '[x, y, z]', '{z=2147483647}', '{x=2147483647, y=z}',
     '{"max":1.7976931348623157E308}', 'ffffffff-ffff-ffff-ffff-ffffffffffff', '2001:db8::1', '178956970-7',
     '9999 23:59:59.999'],
    [4, ($u) x 26],
    [5, '0', '0', '0', 0, '0', '0.0', '0.0', '0.00', '0.000000000', '', '', '     ', '', '1970-01-01',
     '00:00:00.000', '1970-01-01 00:00:00.000', '1970-01-01 00:00:00.000 UTC', '[]', '[]', '{}', '{x=0, y=}', '{}',
     '00000000-0000-0000-0000-000000000000', '::', '0-0', '0 00:00:00.000'],
    [6, '1', '42', '42', 42, '42', 'NaN', '1.0E-4', '-0.10', '0.000000001',
     "quote \" comma , tab \t newline \n é ü 日本 😀", 'é日本😀', 'ü😀   ', "\xc3\xa9\xf0\x9f\x98\x80",
     '2000-02-29', '12:00:00.000', '2000-02-29 12:00:00.000', '2000-02-29 12:00:00.500 UTC', '[1, null, 3]',
     '[a,b, c"d, null, ]', '{k"ey=null, é=1}', '{x=null, y=日本}', '{"k":"日本 😀","q":"\\""}',
     'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '2001:db8:85a3::8a2e:370:7334', '1-0', '0 00:00:00.001'],
    [7, '0', '-1', '-1', -1, '-1', 'Infinity', '-Infinity', '0.01', '-0.000000001', "line1\r\nline2", 'x',
     'x    ', ($u) x 5, '[null]', '[null]', '{n=null}', '{x=null, y=null}', 'null', ($u) x 4],
    [8, ($u) x 5, '-Infinity', '1.0E7', $u, $u, '  padded  ', @N16],
    [9, ($u) x 5, '0.1', '123456.789', $u, $u, ',', @N16],
    [10, ($u) x 5, '1.0E-5', '0.001', $u, $u, '"', @N16],
    [11, ($u) x 5, '1.6777216E7', '9.999999E-4', $u, $u, "\t", @N16],
    [12, ($u) x 5, '1.4E-45', '4.9E-324', $u, $u, "\n", @N16],
);

# c_varchar10 and c_char hold more UTF-8 bytes than their size in
# characters; DBD::ODBC sizes a bound column's buffer from the character
# count (SQL_DESC_DISPLAY_SIZE + 1), so those two are read as LOBs with
# SQLGetData (odbc_lob_read), which has no size limit. odbc_lob_read reads
# NULL and '' alike, so the query also says which of them are NULL.
my @lob = (12, 13);   # numbers: DBD::ODBC's bind_col refuses the string "12"
my $sth = $dbh->prepare('SELECT t.*, c_varchar10 IS NULL, c_char IS NULL FROM sampledb.all_types t ORDER BY id');
$sth->execute;
is_deeply([ @{ $sth->{NAME} }[0 .. 26] ], \@columns, 'column names');
is_deeply([ @{ $sth->{TYPE} }[0 .. 26] ], \@types, 'SQL types');
for my $col (@lob) {
    $sth->bind_col($col, undef, { TreatAsLOB => 1 });
}
my $row_number = 0;
while (my $row = $sth->fetchrow_arrayref) {
    my @got = @$row[0 .. 26];
    my %is_null = (12 => $row->[27], 13 => $row->[28]);
    for my $col (@lob) {
        my ($all, $piece, $n) = ('');
        while (($n = $sth->odbc_lob_read($col, \$piece, 256))) {
            $all .= $piece;
        }
        $got[$col - 1] = $is_null{$col} ? undef : $all;
    }
    my $want = $expected[$row_number++];
    is_deeply(\@got, $want, "row id $want->[0]") or diag explain \@got;
}
is($row_number, 12, '12 rows');

# NULL and '' stay apart.
my $rows = $dbh->selectall_arrayref('SELECT id, c_varchar, c_varbinary FROM sampledb.all_types WHERE id IN (4, 5) ORDER BY id');
is_deeply($rows, [[4, undef, undef], [5, '', '']], "NULL is undef, '' is ''");

# Integer columns arrive as Perl numbers (SQL_C_LONG), not text.
my ($int) = $dbh->selectrow_array('SELECT c_integer FROM sampledb.all_types WHERE id = 2');
ok(B::svref_2object(\$int)->FLAGS & B::SVf_IOK, 'integer column is an IV');
is($int, -2147483648, 'integer value');

# The value in pieces: each truncated piece of SQLGetData fills the buffer
# (ODBC), and DBD::ODBC joins BufferLength - 1 bytes of each.
for my $size (2, 3, 5, 8) {
    my $s = $dbh->prepare('SELECT c_varchar10 FROM sampledb.all_types WHERE id = 6');
    $s->execute;
    $s->bind_col(1, undef, { TreatAsLOB => 1 });
    $s->fetch;
    my ($all, $piece, $n) = ('');
    my $calls = 0;
    while (($n = $s->odbc_lob_read(1, \$piece, $size)) && $calls++ < 20) {
        $all .= $piece;
    }
    is(unpack('H*', $all), unpack('H*', 'é日本😀'), "odbc_lob_read in pieces of $size bytes (hex)");
    $s->finish;
}

# A bound (not LOB) c_varchar10 of id 6: 12 UTF-8 bytes for 10 characters.
# DBD::ODBC sizes its buffer from SQL_DESC_DISPLAY_SIZE, which counts the
# bytes an ANSI application receives (4 per character), so it arrives whole.
my $short = $dbh->prepare('SELECT c_varchar10, c_char FROM sampledb.all_types WHERE id = 6');
$short->execute;
my $bound = $short->fetchrow_arrayref;
is(unpack('H*', $bound->[0]), unpack('H*', 'é日本😀'), 'bound c_varchar10 of id 6: whole (hex)');
is(unpack('H*', $bound->[1]), unpack('H*', 'ü😀   '), 'bound c_char of id 6: whole, blank-padded (hex)');
is($short->{PRECISION}[0], 10, 'c_varchar10 column size (PRECISION): 10 characters');
$short->finish;

$dbh->disconnect;
done_testing();
