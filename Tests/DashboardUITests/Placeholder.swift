// Tests for DashboardUITests arrive with their issue.
