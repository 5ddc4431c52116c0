SELECT 1 AS one, 'two' AS two, NULL AS nothing, '' AS empty
SELECT n, n_text FROM numbers WHERE n <= 5 ORDER BY n
