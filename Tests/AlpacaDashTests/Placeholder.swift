// Tests for AlpacaDashTests arrive with their issue.
