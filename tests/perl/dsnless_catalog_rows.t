# DBD::ODBC: connecting DSN-less, the catalog (table_info, column_info:
# SQLTables, SQLColumns) and 1,000,000 rows with the time printed.
use strict;
use warnings;
use FindBin;
use lib $FindBin::Bin;
use Test::More;
use Time::HiRes qw(time);
use AthenaTest;

# DSN-less: the driver by its name in odbcinst.ini and the keys in the string
# (the AWS documentation's example key pair, which athena-local accepts).
my $dsnless = 'dbi:ODBC:DRIVER={Athena ODBC};AwsRegion=us-east-1;EndpointOverride=' . $ENV{ATHENA_LOCAL_URL}
    . ';UID=AKIAIOSFODNN7EXAMPLE;PWD={wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY}'
    . ';S3OutputLocation=s3://athena-local-results/perl/';
my $dbh = DBI->connect($dsnless, undef, undef, { RaiseError => 1, PrintError => 0 });
ok($dbh, 'connect DSN-less (DRIVER={Athena ODBC} and the keys)');
is_deeply($dbh->selectrow_arrayref(q{SELECT 'é日本😀', count(*) FROM sampledb.numbers}), ['é日本😀', '1000000'],
          'DSN-less: a query');
$dbh->disconnect;

my $ok = eval { DBI->connect('dbi:ODBC:DSN=' . athena_dsn() . ';RowsToFetchPerBlock=abc', undef, undef,
                             { RaiseError => 1, PrintError => 0 }); 1 };
is_deeply([$ok, $DBI::state, $DBI::errstr],
          [undef, 'HY024', "[Athena ODBC][Driver]Invalid value 'abc' for RowsToFetchPerBlock: expected an integer "
                           . 'from 1 to 1000 (SQL-HY024)'],
          'a bad key value: the driver\'s message');

$dbh = athena_connect();
my $tables = $dbh->table_info(undef, 'sampledb', '%', undef)->fetchall_arrayref;
is_deeply($tables,
          [map({ ['AwsDataCatalog', 'sampledb', $_, 'TABLE', undef] } qw(all_types elb_logs impressions numbers)),
           ['AwsDataCatalog', 'sampledb', 'elb_errors', 'VIEW', 'Presto View']],
          'table_info: sampledb\'s tables and view, every field');
is_deeply([map { $_->[2] } @{ $dbh->table_info(undef, 'sampledb', 'elb%', 'VIEW')->fetchall_arrayref }],
          ['elb_errors'], 'table_info: a name pattern and a type');
is_deeply([$dbh->tables(undef, 'sampledb', 'n%', 'TABLE')], ['"AwsDataCatalog"."sampledb"."numbers"'],
          '$dbh->tables: quoted three-part names');

my $cols = $dbh->column_info(undef, 'sampledb', 'all_types', '%')->fetchall_arrayref({});
is_deeply([map { $_->{COLUMN_NAME} } @$cols],
          [qw(id c_boolean c_tinyint c_smallint c_integer c_bigint c_real c_double c_decimal c_decimal_wide
              c_varchar c_varchar10 c_char c_varbinary c_date c_time c_timestamp c_timestamp_tz c_array_int
              c_array_varchar c_map c_row c_json c_uuid c_ipaddress c_interval_ym c_interval_ds)],
          'column_info: all_types\' 27 columns in order');
is_deeply([map { $_->{DATA_TYPE} } @$cols], [4, -7, -6, 5, 4, -5, 7, 8, 3, 3, 12, 12, 1, -3, 91, 92, 93, (12) x 10],
          'column_info: DATA_TYPE');
is_deeply({ %{ $cols->[11] }{qw(TYPE_NAME COLUMN_SIZE CHAR_OCTET_LENGTH ORDINAL_POSITION IS_NULLABLE)} },
          { TYPE_NAME => 'varchar', COLUMN_SIZE => 10, CHAR_OCTET_LENGTH => 40, ORDINAL_POSITION => 12,
            IS_NULLABLE => 'YES' }, 'column_info: varchar(10)');
is_deeply([map { [$_->{COLUMN_NAME}, $_->{TYPE_NAME}] }
           @{ $dbh->column_info(undef, 'sampledb', 'impressions', 'd%')->fetchall_arrayref({}) }],
          [['dt', 'varchar']], 'column_info: a column pattern finds the partition key');

# 1,000,000 rows, fetched row by row into bound buffers
my $start = time;
my $sth = $dbh->prepare('SELECT n, n_text, half FROM sampledb.numbers');
$sth->execute;
my ($count, $sum, $bad) = (0, 0, 0);
while (my $row = $sth->fetchrow_arrayref) {
    $count++;
    $sum += $row->[0];
    $bad++ if $row->[1] ne $row->[0] || $row->[2] != $row->[0] / 2;
}
my $elapsed = time - $start;
diag(sprintf('1,000,000 rows x 3 columns in %.1f s (%.0f rows/s)', $elapsed, $count / $elapsed));
is_deeply([$count, $sum, $bad], [1000000, 500000500000, 0], '1,000,000 rows: count, sum of n, n_text and half agree');
$dbh->disconnect;
done_testing();
