SELECT * FROM all_types WHERE id IN (1, 2, 3, 4, 5) ORDER BY id
SELECT id, c_varchar FROM all_types WHERE id >= 7 ORDER BY id
