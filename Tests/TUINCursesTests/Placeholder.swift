// Tests for TUINCursesTests arrive with their issue.
