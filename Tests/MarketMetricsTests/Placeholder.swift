// Tests for MarketMetricsTests arrive with their issue.
