# tests/perl/AthenaTest.pm - what the DBD::ODBC tests share: a UTF-8 locale
# (unixODBC converts strings with the locale's character set) and a
# connection to the DSN ./run-tests registers (ATHENA_TEST_DSN).
package AthenaTest;
use strict;
use warnings;
use DBI;
use POSIX qw(setlocale LC_ALL);
use Exporter 'import';
our @EXPORT = qw(athena_connect athena_dsn);

setlocale(LC_ALL, 'C.UTF-8');

sub athena_dsn { $ENV{ATHENA_TEST_DSN} || 'athena-local' }

# The DSN carries the credentials: no user name or password here.
sub athena_connect {
    my (%attr) = @_;
    return DBI->connect('dbi:ODBC:DSN=' . athena_dsn(), undef, undef,
                        { RaiseError => 1, PrintError => 0, AutoCommit => 1, %attr });
}

1;
