// swift-tools-version:6.1
import PackageDescription

/// simlane-reconcile: a declarative reconciler for sim-racing clubs' Discord servers.
/// See `docs/` and README.md; the module boundaries follow DESIGN.md (pure `Spec` and
/// `Planner`, I/O only in `Discord`'s transport, `Reconciler`, the emulator and the CLI).
let package = Package(
    name: "simlane-reconcile",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "simlane-reconcile", targets: ["simlane-reconcile"]),
        .executable(name: "simlane-bench", targets: ["simlane-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/apple/swift-crypto", exact: "4.5.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket", exact: "2.8.1"),
        .package(url: "https://github.com/hummingbird-project/swift-websocket", exact: "1.6.2"),
    ],
    targets: [
        // Discord's wire types: pure values shared by the client, the emulator, Spec and Planner.
        .target(name: "DiscordTypes"),
        // The REST client: routes, rate limiter, retries, transport.
        .target(name: "Discord", dependencies: [
            "DiscordTypes",
            .product(name: "Logging", package: "swift-log"),
        ]),
        // The gateway client: WebSocket session, heartbeat, identify/resume, close codes.
        .target(name: "Gateway", dependencies: [
            "DiscordTypes",
            .product(name: "WSClient", package: "swift-websocket"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        // Settings + club data: YAML loading with positions, validation, compile to DesiredGuild.
        .target(name: "Spec", dependencies: [
            "DiscordTypes",
            .product(name: "Yams", package: "Yams"),
        ]),
        // Pure diff of desired vs live into an ordered, minimal Plan; rendering; saved plans.
        .target(name: "Planner", dependencies: ["Spec", "DiscordTypes"]),
        // Member sync's pure judgement: guild members + linked accounts -> club member roster.
        .target(name: "MemberSync", dependencies: ["Spec", "DiscordTypes"]),
        // An in-process Discord REST server with Discord's semantics, for tests and the sandbox.
        .target(name: "DiscordEmulator", dependencies: [
            "DiscordTypes",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        // The imperative shell: snapshot, apply executor, state store, journal, daemon loop.
        .target(name: "Reconciler", dependencies: [
            "Spec", "Planner", "Discord", "DiscordTypes", "DiscordEmulator", "MemberSync", "Gateway",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        // `serve`: the club's HTTP API, Discord interactions (Ed25519-verified) and slash commands.
        .target(name: "Serve", dependencies: [
            "Spec", "Planner", "Discord", "DiscordTypes", "Reconciler", "MemberSync",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "Yams", package: "Yams"),
        ]),
        .executableTarget(name: "simlane-reconcile", dependencies: [
            "Spec", "Planner", "Discord", "DiscordTypes", "DiscordEmulator", "Reconciler", "MemberSync", "Serve", "Gateway",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .executableTarget(name: "simlane-bench", dependencies: [
            "Spec", "Planner", "Discord", "DiscordTypes", "DiscordEmulator", "Reconciler", "MemberSync", "Serve", "Gateway",
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .testTarget(name: "SpecTests", dependencies: ["Spec", "DiscordTypes"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "DiscordTests", dependencies: [
            "Discord", "DiscordTypes", "DiscordEmulator",
            .product(name: "Logging", package: "swift-log"),
        ]),
        .testTarget(name: "DiscordEmulatorTests", dependencies: [
            "DiscordEmulator", "DiscordTypes",
        ]),
        .testTarget(name: "PlannerTests", dependencies: ["Planner", "Spec", "DiscordTypes"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "MemberSyncTests", dependencies: ["MemberSync", "Spec", "DiscordTypes"]),
        .testTarget(name: "ServeTests", dependencies: [
            "Serve", "Reconciler", "Spec", "Discord", "DiscordTypes", "DiscordEmulator",
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .testTarget(name: "GatewayTests", dependencies: [
            "Gateway", "Discord", "DiscordTypes", "DiscordEmulator",
            .product(name: "Logging", package: "swift-log"),
        ]),
        .testTarget(name: "ReconcilerTests", dependencies: [
            "Reconciler", "Planner", "Spec", "Discord", "DiscordTypes", "DiscordEmulator", "MemberSync", "Gateway",
            .product(name: "Logging", package: "swift-log"),
        ], exclude: ["Fixtures"]),
    ]
)
