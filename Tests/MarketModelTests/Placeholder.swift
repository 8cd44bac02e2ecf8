// Tests for MarketModelTests arrive with their issue.
