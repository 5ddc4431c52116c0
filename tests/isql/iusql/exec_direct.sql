-- iusql-flags: -b -v -d| -c -e
SELECT 'direct' AS how, chr(233) AS e_acute, length(chr(128512)) AS n
SELECT * FROM no_such_table
