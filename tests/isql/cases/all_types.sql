SELECT * FROM sampledb.all_types ORDER BY id
