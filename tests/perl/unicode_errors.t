# Non-ASCII and emoji text in SQL, column names and data through DBD::ODBC's
# ANSI calls (UTF-8 bytes end to end), and errors: SQLSTATE and message.
use strict;
use warnings;
use FindBin;
use lib $FindBin::Bin;
use Test::More;
use AthenaTest;

my $dbh = athena_connect();

my $sth = $dbh->prepare(q{SELECT CAST('é日本😀' AS varchar) AS "x😀y", length('é日本😀') AS n, }
                        . q{to_hex(to_utf8('😀')) AS h});
$sth->execute;
is_deeply($sth->{NAME}, ['x😀y', 'n', 'h'], 'column names with an emoji');
is_deeply($sth->fetchrow_arrayref, ['é日本😀', '4', 'F09F9880'], 'Athena got the text as UTF-8');
$sth->finish;

my $ids = $dbh->selectcol_arrayref(q{SELECT id FROM sampledb.all_types WHERE c_varchar10 = 'é日本😀'});
is_deeply($ids, [6], 'emoji in a WHERE clause');

my $map = $dbh->selectrow_arrayref(q{SELECT c_map, c_row, c_json FROM sampledb.all_types WHERE id = 6});
is_deeply($map, ['{k"ey=null, é=1}', '{x=null, y=日本}', '{"k":"日本 😀","q":"\\""}'], 'non-ASCII data');

sub error_of {
    my ($sql) = @_;
    my $ok = eval { $dbh->do($sql); 1 };
    return $ok ? ['no error'] : [$DBI::state, $DBI::errstr];
}

is_deeply(error_of('SELECT * FROM sampledb.no_such_table'),
          ['42S02', "[Athena ODBC][Athena]TABLE_NOT_FOUND: line 1:15: Table "
                    . "'awsdatacatalog.sampledb.no_such_table' does not exist (SQL-42S02)"],
          'unknown table');
is_deeply(error_of('SELEC 1'),
          ['42000', "[Athena ODBC][Athena]InvalidRequestException: line 1:1: mismatched input 'SELEC'. Expecting: "
                    . "'ALTER', 'ANALYZE', 'CREATE', 'DESCRIBE', 'DROP', 'EXPLAIN', 'INSERT', 'SELECT', 'SHOW', "
                    . "'TABLE', 'VALUES', 'WITH', '(' (SQL-42000)"],
          'syntax error');
is_deeply(error_of('SELECT 1 / 0'),
          ['22012', '[Athena ODBC][Athena]DIVISION_BY_ZERO: Division by zero (SQL-22012)'], 'division by zero');
is_deeply(error_of('SELECT * FROM nöpe日'),
          ['42S02', "[Athena ODBC][Athena]TABLE_NOT_FOUND: line 1:15: Table 'awsdatacatalog.sampledb.nöpe日' "
                    . "does not exist (SQL-42S02)"],
          'a message with BMP characters');
# unixODBC limitation: DBD::ODBC reads messages with ODBC 2's SQLError, which
# unixODBC answers from its own UCS-2 copy; converting that back to UTF-8
# fails at the emoji's surrogate pair and keeps each SQLWCHAR's low byte
# (U+D83D -> '=', U+DE00 -> NUL), so the message ends there.
is_deeply(error_of('SELECT * FROM nope😀'),
          ['42S02', "[Athena ODBC][Athena]TABLE_NOT_FOUND: line 1:15: Table 'awsdatacatalog.sampledb.nope= "
                    . "(SQL-42S02)"],
          'unixODBC limitation: a message with an emoji ends at the emoji');

my ($status) = $dbh->selectrow_array(q{SELECT 'still works after errors'});
is($status, 'still works after errors', 'the connection survives errors');
$dbh->disconnect;
done_testing();
