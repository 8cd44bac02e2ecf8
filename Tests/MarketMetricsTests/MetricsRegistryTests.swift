import MarketMetrics
import Testing

struct MetricsRegistryTests {
    @Test func anOpenBreakerKeepsTheConnectionOfflineWhateverStragglersReport() {
        let registry = MetricsRegistry()
        registry.setConnection(.degraded)
        registry.setCircuit(host: "data.example", isOpen: true)
        #expect(registry.snapshot().connection == .offline)
        registry.setConnection(.connected)  // an attempt sent before the breaker opened
        #expect(registry.snapshot().connection == .offline)
        registry.setCircuit(host: "paper.example", isOpen: true)
        registry.setCircuit(host: "data.example", isOpen: false)
        #expect(registry.snapshot().connection == .offline, "another host is still open")
        registry.setCircuit(host: "paper.example", isOpen: false)
        #expect(registry.snapshot().connection == .connected)
    }

    @Test func emptyRegistryListsThePipelineStagesInOrder() {
        let snapshot = MetricsRegistry().snapshot()
        #expect(snapshot.stages.map(\.name) == ["validate", "enrich", "derive", "rules", "qa", "cache"])
        #expect(snapshot.stages.allSatisfy { $0.successes == 0 && $0.failures == 0 && $0.p50 == nil })
        #expect(snapshot.endpoints.isEmpty)
        #expect(snapshot.rateLimit == nil)
        #expect(snapshot.connection == .unknown)
    }

    @Test func stagesComeInPipelineOrderThenOthersByName() {
        let registry = MetricsRegistry()
        for name in ["zeta", "qa", "cache", "alpha", "validate", "rules", "derive", "enrich"] {
            registry.recordStage(name, success: true, seconds: 0.001)
        }
        #expect(
            registry.snapshot().stages.map(\.name)
                == ["validate", "enrich", "derive", "rules", "qa", "cache", "alpha", "zeta"])
    }

    @Test func stageCountersAndPercentiles() {
        let registry = MetricsRegistry()
        for index in 1...100 {
            registry.recordStage("validate", success: index % 10 != 0, seconds: Double(index) / 1_000)
        }
        let validate = registry.snapshot().stages[0]
        #expect(validate.successes == 90)
        #expect(validate.failures == 10)
        let histogram = registry.stageLatency("validate")!
        #expect(histogram.count == 100)
        #expect(validate.p50 == histogram.percentile(0.5))
        #expect(validate.p99 == histogram.percentile(0.99))
        #expect(abs(validate.p50! - 0.050) / 0.050 <= LatencyHistogram.relativePrecision)
        #expect(abs(validate.p99! - 0.099) / 0.099 <= LatencyHistogram.relativePrecision)
    }

    @Test func endpointCountersByStatus() {
        let registry = MetricsRegistry()
        let endpoint = "GET /v2/stocks/snapshots"
        registry.recordRequest(endpoint: endpoint, status: 200, seconds: 0.05, error: nil, at: 1)
        registry.recordRequest(endpoint: endpoint, status: 429, seconds: 0.01, error: "too many requests", at: 2)
        registry.recordRequest(endpoint: endpoint, status: 503, seconds: 0.02, error: nil, at: 3)
        registry.recordRequest(endpoint: endpoint, status: nil, seconds: 10, error: "timed out", at: 4)
        registry.recordRequest(endpoint: endpoint, status: 0, seconds: 0.001, error: "connection reset", at: 5)
        registry.recordRequest(endpoint: endpoint, status: 200, seconds: 0.04, error: nil, at: 6)

        let metrics = registry.snapshot().endpoints[0]
        #expect(metrics.name == endpoint)
        #expect(metrics.requests == 6)
        #expect(metrics.errorsByStatus == [429: 1, 503: 1, 0: 2])
        #expect(metrics.errors == 4)
        #expect(metrics.rateLimited == 1)
        #expect(metrics.lastError == "connection reset", "a later success keeps the last error")
        #expect(metrics.lastErrorAt == 5)
        #expect(registry.endpointLatency(endpoint)?.count == 6)
    }

    @Test func failureWithoutTextGetsAStatusMessage() {
        let registry = MetricsRegistry()
        registry.recordRequest(endpoint: "clock", status: 502, seconds: 0.1, error: nil, at: 10)
        #expect(registry.snapshot().endpoints[0].lastError == "HTTP 502")
        registry.recordRequest(endpoint: "clock", status: nil, seconds: 0.1, error: nil, at: 11)
        #expect(registry.snapshot().endpoints[0].lastError == "transport failure")
        registry.recordRequest(endpoint: "clock", status: 200, seconds: 0.1, error: "malformed JSON", at: 12)
        let metrics = registry.snapshot().endpoints[0]
        #expect(metrics.errorsByStatus == [502: 1, 0: 1, 200: 1], "an undecodable 200 is a failure under 200")
        #expect(metrics.lastError == "malformed JSON")
        #expect(metrics.lastErrorAt == 12)
    }

    @Test func endpointsAreSortedByName() {
        let registry = MetricsRegistry()
        for name in ["GET /v2/stocks/snapshots", "GET /v1beta1/options/snapshots/AAPL", "GET /v2/clock"] {
            registry.recordRequest(endpoint: name, status: 200, seconds: 0.01, error: nil, at: 0)
        }
        #expect(
            registry.snapshot().endpoints.map(\.name)
                == ["GET /v1beta1/options/snapshots/AAPL", "GET /v2/clock", "GET /v2/stocks/snapshots"])
    }

    @Test func rateLimitAndConnection() {
        let registry = MetricsRegistry()
        registry.updateRateLimit(limit: 200, remaining: 150, resetAt: 1_700_000_000)
        registry.setConnection(.degraded)
        let snapshot = registry.snapshot()
        #expect(snapshot.rateLimit == RateLimitStatus(limit: 200, remaining: 150, resetAt: 1_700_000_000))
        #expect(snapshot.connection == .degraded)
        registry.updateRateLimit(limit: 200, remaining: 149, resetAt: nil)
        registry.setConnection(.connected)
        #expect(registry.snapshot().rateLimit?.remaining == 149)
        #expect(registry.snapshot().connection == .connected)
    }

    @Test func concurrentRecordingGivesExactTotals() async {
        let registry = MetricsRegistry()
        let tasks = 16
        let perTask = 5_000
        await withTaskGroup(of: Void.self) { group in
            for task in 0..<tasks {
                group.addTask {
                    for index in 0..<perTask {
                        registry.recordStage(
                            MetricsRegistry.pipelineStages[index % 6], success: index % 4 != 0, seconds: 0.000_5)
                        registry.recordRequest(
                            endpoint: "e\(task % 4)", status: index % 100 == 0 ? 429 : 200, seconds: 0.02,
                            error: nil, at: Double(index))
                    }
                }
            }
        }
        let snapshot = registry.snapshot()
        #expect(snapshot.stages.map { $0.successes + $0.failures }.reduce(0, +) == tasks * perTask)
        #expect(snapshot.stages.map(\.failures).reduce(0, +) == tasks * perTask / 4)
        #expect(snapshot.endpoints.map(\.requests).reduce(0, +) == tasks * perTask)
        #expect(snapshot.endpoints.map(\.rateLimited).reduce(0, +) == tasks * perTask / 100)
        #expect(snapshot.endpoints.allSatisfy { $0.requests == tasks / 4 * perTask })
        let latencyCounts = MetricsRegistry.pipelineStages.compactMap { registry.stageLatency($0)?.count }
        #expect(latencyCounts.reduce(0, +) == tasks * perTask)
    }
}
