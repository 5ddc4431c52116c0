help
help all_types
help impressions
