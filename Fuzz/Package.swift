// swift-tools-version: 6.2
import PackageDescription

// libFuzzer targets for alpaca-dash (issue 8). Build and run them with `scripts/fuzz.sh`, which
// passes `--sanitize=fuzzer --sanitize=address` so that every module — the main package's
// included — is compiled with coverage instrumentation and AddressSanitizer. Built without those
// flags (a plain `swift build --package-path Fuzz`) the targets link no fuzzer and are useless.

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

/// One executable per fuzz target; each is a pure function of the input bytes.
let fuzzTargets = [
    "fuzz-snapshots", "fuzz-chain", "fuzz-json", "fuzz-rfc3339", "fuzz-sanitizer", "fuzz-ratelimit",
    "fuzz-config", "fuzz-keys", "fuzz-cli", "fuzz-audit", "fuzz-stream",
]

let package = Package(
    name: "alpaca-dash-fuzz",
    platforms: [.macOS(.v15)],
    products: fuzzTargets.map { .executable(name: $0, targets: [$0]) },
    dependencies: [
        .package(name: "alpaca-dash", path: "..")
    ],
    targets: [
        .target(
            name: "FuzzSupport",
            dependencies: [.product(name: "AlpacaDashKit", package: "alpaca-dash")],
            swiftSettings: swiftSettings
        )
    ]
        + fuzzTargets.map { name in
            .executableTarget(
                name: name,
                dependencies: ["FuzzSupport", .product(name: "AlpacaDashKit", package: "alpaca-dash")],
                swiftSettings: swiftSettings
            )
        }
)
