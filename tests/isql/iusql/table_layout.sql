-- iusql-flags: -b -v
SELECT id, c_boolean, c_date, c_char FROM all_types WHERE id IN (1, 2, 4) ORDER BY id
