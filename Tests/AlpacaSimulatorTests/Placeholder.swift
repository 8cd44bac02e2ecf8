// Tests for AlpacaSimulatorTests arrive with their issue.
