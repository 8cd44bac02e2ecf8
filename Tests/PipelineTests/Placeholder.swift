// Tests for PipelineTests arrive with their issue.
