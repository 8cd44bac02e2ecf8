// Tests for TTLCacheTests arrive with their issue.
