// Tests for AlpacaAPITests arrive with their issue.
