SELECT * FROM no_such_table
SELEC 1
SELECT no_such_column FROM numbers
SELECT 1 / 0
SELECT 'still works after errors' AS status
