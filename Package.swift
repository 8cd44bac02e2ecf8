// swift-tools-version: 6.2
import PackageDescription

/// One set of settings for every Swift target (swift-log / hummingbird style).
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("NonisolatedNonsendingByDefault"),
]

let package = Package(
    name: "alpaca-dash",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "alpaca-dash", targets: ["AlpacaDash"]),
        // The libraries behind the program, for the fuzz package in Fuzz/ (which depends on this one by path).
        .library(
            name: "AlpacaDashKit",
            targets: [
                "HTTPCore", "MarketModel", "TTLCache", "MarketMetrics", "AlpacaAPI", "Pipeline", "DashConfig",
                "TUICore",
                "TUINCurses", "DashboardUI", "FaultInjection", "MessagePack", "AlpacaStream",
            ]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket", from: "2.8.1"),
    ],
    targets: [
        // C adapters: the only places C is seen.
        .systemLibrary(name: "CNCurses", pkgConfig: "ncursesw", providers: [.apt(["libncurses-dev"])]),
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),

        // Foundations.
        .target(name: "HTTPCore", swiftSettings: swiftSettings),
        .target(name: "MarketModel", swiftSettings: swiftSettings),
        .target(name: "TTLCache", swiftSettings: swiftSettings),
        .target(name: "MarketMetrics", dependencies: ["MarketModel", "TTLCache"], swiftSettings: swiftSettings),
        .target(
            name: "MetricsExport",
            dependencies: [
                "MarketMetrics", "MarketModel", "TTLCache", .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings
        ),

        // Network.
        .target(name: "CurlTransport", dependencies: ["HTTPCore", "CCurl"], swiftSettings: swiftSettings),
        .target(name: "AlpacaAPI", dependencies: ["HTTPCore", "MarketModel"], swiftSettings: swiftSettings),
        // The market-data stream: MessagePack, the protocol's messages, and the WebSocket client.
        .target(name: "MessagePack", swiftSettings: swiftSettings),
        .target(
            name: "AlpacaStream", dependencies: ["AlpacaAPI", "MarketModel", "MessagePack"],
            swiftSettings: swiftSettings),
        .target(
            name: "AlpacaStreamClient",
            dependencies: [
                "AlpacaStream", "AlpacaAPI", "MarketModel",
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(name: "FaultInjection", dependencies: ["MarketModel"], swiftSettings: swiftSettings),
        .target(
            name: "AlpacaSimulator",
            dependencies: [
                "MarketModel", "FaultInjection", "MessagePack", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
            ],
            swiftSettings: swiftSettings
        ),

        // Pipeline.
        .target(
            name: "Pipeline",
            dependencies: [
                "AlpacaAPI", "AlpacaStream", "MarketModel", "TTLCache", "MarketMetrics",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),

        // The config file.
        .target(name: "DashConfig", dependencies: ["Pipeline", "MarketModel"], swiftSettings: swiftSettings),

        // Terminal UI.
        .target(name: "TUICore", swiftSettings: swiftSettings),
        .target(name: "TUINCurses", dependencies: ["TUICore", "CNCurses"], swiftSettings: swiftSettings),
        .target(
            name: "DashboardUI",
            dependencies: ["TUICore", "MarketModel", "TTLCache", "MarketMetrics"],
            swiftSettings: swiftSettings
        ),

        // The program.
        .executableTarget(
            name: "AlpacaDash",
            dependencies: [
                "DashboardUI", "TUINCurses", "TUICore", "Pipeline", "DashConfig", "CurlTransport", "AlpacaAPI",
                "HTTPCore", "AlpacaSimulator", "FaultInjection", "MarketModel", "TTLCache", "MarketMetrics",
                "MetricsExport", "AlpacaStream", "AlpacaStreamClient",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "Benchmarks",
            dependencies: [
                "Pipeline", "AlpacaAPI", "MarketModel", "TTLCache", "MarketMetrics", "TUICore", "HTTPCore",
                "DashboardUI",
                "AlpacaSimulator", "CurlTransport", "AlpacaStream", "MessagePack",
            ],
            path: "Benchmarks",
            swiftSettings: swiftSettings
        ),

        // Test support: regular target used only by tests.
        .target(
            name: "TUITestSupport",
            dependencies: ["TUICore"],
            swiftSettings: swiftSettings
        ),

        .target(
            name: "SimulatorTestSupport",
            dependencies: [
                "AlpacaSimulator", "CurlTransport", "AlpacaAPI", "MarketModel", "AlpacaStream",
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),

        // Tests.
        .testTarget(
            name: "MarketModelTests", dependencies: ["MarketModel", "TUITestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "CurlTransportTests",
            dependencies: ["CurlTransport", "HTTPCore", "AlpacaSimulator", "SimulatorTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "AlpacaAPITests",
            dependencies: [
                "AlpacaAPI", "HTTPCore", "MarketModel", "CurlTransport", "AlpacaSimulator", "SimulatorTestSupport",
                "TUITestSupport",
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "AlpacaSimulatorTests",
            dependencies: [
                "AlpacaSimulator", "MarketModel", "HTTPCore", "CurlTransport", "AlpacaStream", "SimulatorTestSupport",
                "FaultInjection",
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "AlpacaStreamTests",
            dependencies: ["AlpacaStream", "MessagePack", "AlpacaAPI", "MarketModel"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "AlpacaStreamClientTests",
            dependencies: [
                "AlpacaStreamClient", "AlpacaStream", "AlpacaSimulator", "SimulatorTestSupport", "MarketModel",
                "FaultInjection", "TUITestSupport", "AlpacaAPI", "CurlTransport",
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "TTLCacheTests", dependencies: ["TTLCache", "TUITestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "MarketMetricsTests", dependencies: ["MarketMetrics", "TUITestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "MetricsExportTests",
            dependencies: [
                "MetricsExport", "MarketMetrics", "Pipeline", "AlpacaAPI", "AlpacaSimulator", "SimulatorTestSupport",
                "CurlTransport", "HTTPCore", "FaultInjection", "MarketModel", "TTLCache",
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PipelineTests",
            dependencies: [
                "Pipeline", "AlpacaAPI", "MarketModel", "TTLCache", "MarketMetrics", "CurlTransport", "HTTPCore",
                "AlpacaSimulator", "SimulatorTestSupport", "FaultInjection", "DashConfig", "TUITestSupport",
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "TUICoreTests",
            dependencies: ["TUICore", "TUITestSupport"],
            exclude: ["__Snapshots__"],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "TUINCursesTests", dependencies: ["TUINCurses", "TUICore"], swiftSettings: swiftSettings),
        .testTarget(
            name: "DashboardUITests",
            dependencies: ["DashboardUI", "TUICore", "MarketModel", "TTLCache", "MarketMetrics", "TUITestSupport"],
            exclude: ["__Snapshots__"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "AlpacaDashTests",
            // AlpacaDash is not imported: it is here so the binary the tests run is built first.
            dependencies: [
                "AlpacaDash", "SimulatorTestSupport", "AlpacaSimulator", "MarketModel", "AlpacaAPI", "Pipeline",
                "CurlTransport", "FaultInjection", "MarketMetrics", "AlpacaStream",
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
