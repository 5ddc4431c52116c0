# Connecting with DBD::ODBC (Debian's build uses the ANSI ODBC functions),
# what the driver says about itself, and type_info_all.
use strict;
use warnings;
use FindBin;
use lib $FindBin::Bin;
use Test::More;
use DBI qw(:sql_types);
use AthenaTest;

my $dbh = athena_connect();
ok($dbh, 'connect with the DSN');
is($dbh->{odbc_has_unicode}, 0, 'an ANSI build of DBD::ODBC: strings are UTF-8 bytes');
is($dbh->get_info(17), 'Amazon Athena', 'SQL_DBMS_NAME');
is($dbh->get_info(2), athena_dsn(), 'SQL_DATA_SOURCE_NAME');
is($dbh->get_info(29), '"', 'SQL_IDENTIFIER_QUOTE_CHAR');

my $ti = $dbh->type_info_all;
is_deeply($ti->[0], {
    TYPE_NAME => 0, DATA_TYPE => 1, COLUMN_SIZE => 2, LITERAL_PREFIX => 3, LITERAL_SUFFIX => 4,
    CREATE_PARAMS => 5, NULLABLE => 6, CASE_SENSITIVE => 7, SEARCHABLE => 8, UNSIGNED_ATTRIBUTE => 9,
    FIXED_PREC_SCALE => 10, AUTO_UNIQUE_VALUE => 11, LOCAL_TYPE_NAME => 12, MINIMUM_SCALE => 13,
    MAXIMUM_SCALE => 14, SQL_DATA_TYPE => 15, SQL_DATETIME_SUB => 16, NUM_PREC_RADIX => 17,
    INTERVAL_PRECISION => 18,
}, 'type_info_all: the 19 columns of SQLGetTypeInfo, in ODBC 3 order');
my @rows = @$ti[1 .. $#$ti];
my @order = map { $_->[1] } @rows;
is_deeply(\@order, [sort { $a <=> $b } @order], 'rows ordered by DATA_TYPE');

# The best match for each SQL type, as docs/types.md maps Athena's types
# (column sizes only where ODBC fixes them; tests/odbc/odbc_info checks the
# rest of each row).
my %want = (
    SQL_BIT()            => ['boolean',   1,  undef],
    SQL_TINYINT()        => ['tinyint',   3,  undef],
    SQL_SMALLINT()       => ['smallint',  5,  undef],
    SQL_INTEGER()        => ['integer',   10, undef],
    SQL_BIGINT()         => ['bigint',    19, undef],
    SQL_DECIMAL()        => ['decimal',   38, undef],
    SQL_TYPE_DATE()      => ['date',      10, "DATE '"],
);
for my $type (sort { $a <=> $b } keys %want) {
    my $info = $dbh->type_info($type);
    is_deeply([ $info->{TYPE_NAME}, $info->{COLUMN_SIZE}, $info->{LITERAL_PREFIX} ], $want{$type},
              "type_info($type): $want{$type}[0]");
}
for ([SQL_REAL, 'real', undef], [SQL_DOUBLE, 'double', undef], [SQL_TYPE_TIME, 'time', "TIME '"],
     [SQL_TYPE_TIMESTAMP, 'timestamp', "TIMESTAMP '"]) {
    my ($type, $name, $prefix) = @$_;
    my $info = $dbh->type_info($type);
    is_deeply([ $info->{TYPE_NAME}, $info->{LITERAL_PREFIX} ], [ $name, $prefix ], "type_info($type): $name");
}
for ([SQL_CHAR, 'char', "'"], [SQL_VARCHAR, 'varchar', "'"], [SQL_VARBINARY, 'varbinary', "X'"]) {
    my ($type, $name, $prefix) = @$_;
    my $info = $dbh->type_info($type);
    is_deeply([ $info->{TYPE_NAME}, $info->{DATA_TYPE}, $info->{LITERAL_PREFIX}, $info->{LITERAL_SUFFIX} ],
              [ $name, $type, $prefix, "'" ], "type_info($type): $name");
}
my @character = map { $_->[0] } grep { $_->[1] == SQL_VARCHAR } @rows;
is($character[0], 'varchar', 'SQL_VARCHAR: varchar first');
ok(scalar(grep { $_ eq 'json' } @character), 'json is character data');

ok($dbh->disconnect, 'disconnect');
done_testing();
