SELECT * FROM no_such_table
SELEC 1
SELECT CAST(chr(233) AS INTEGER) AS bad
SELECT 1 / 0
SELECT 'still works after errors' AS status
