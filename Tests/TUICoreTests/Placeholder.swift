// Tests for TUICoreTests arrive with their issue.
