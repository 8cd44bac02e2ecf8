// Tests for CurlTransportTests arrive with their issue.
