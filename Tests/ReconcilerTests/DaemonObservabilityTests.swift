import Discord
import Foundation
import Logging
import Testing
@testable import Reconciler

@Suite("Daemon logs, status and discovery")
struct DaemonObservabilityTests {
    @Test func jsonLinesCarryLevelMessageAndMetadata() throws {
        let sink = LogSink.memory()
        var logger = Logger.daemonTest(sink, format: .json)
        logger[metadataKey: "daemon"] = "1"
        logger.warning("reconcile failed; backing off", metadata: ["club": "apex", "attempt": "2", "msg": "x\"y"])
        let line = try #require(sink.lines.first)
        #expect(line == #"{"ts":"1970-01-01T00:00:00.000Z","level":"warning","logger":"test.daemon","msg":"reconcile failed; backing off","attempt":"2","club":"apex","daemon":"1","meta_msg":"x\"y"}"#)
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        #expect(object?["club"] as? String == "apex")
    }

    @Test func textLinesPutTheClubFirst() throws {
        let sink = LogSink.memory()
        let logger = Logger.daemonTest(sink, format: .text)
        logger.info("reconciled", metadata: ["club": "apex", "applied": "3", "next_reason": "transition: race voice opens"])
        #expect(sink.lines == [#"1970-01-01T00:00:00.000Z info [club=apex] reconciled applied=3 next_reason="transition: race voice opens""#])
    }

    @Test func statusFileRoundTrips() throws {
        let dir = try ClubDirectory()
        defer { dir.remove() }
        let file = StatusFile(path: dir.root.appendingPathComponent("a/b/status.json").path)
        let status = DaemonStatus(
            pid: 42, state: .running, startedAt: Date(iso: "2026-12-01T12:00:00Z"),
            updatedAt: Date(iso: "2026-12-01T12:05:00Z"), pollIntervalSeconds: 300,
            counters: DaemonCounters(requests: 10, rateLimited: 1, changesApplied: 4),
            clubs: [ClubStatus(id: "apex", path: "/x", outcome: .converged, nextWake: Date(iso: "2026-12-01T12:10:00Z"), nextWakeReason: "poll (drift repair)", nextWakeKind: "poll")])
        try file.write(status)
        try file.write(status)
        #expect(try file.read() == status)
    }

    @Test func discoveryFindsOneClubOrADirectoryOfClubs() throws {
        let dir = try ClubDirectory()
        defer { dir.remove() }
        let a = try dir.write(club: "a", "x: 1")
        try dir.write(club: "b", "x: 1")
        try FileManager.default.createDirectory(at: dir.root.appendingPathComponent("empty"), withIntermediateDirectories: true)
        #expect(try ClubSource.discover(at: dir.root.path).map(\.id) == ["a", "b"])
        #expect(try ClubSource.discover(at: a.path) == [a])
        #expect(try ClubSource.discover(at: a.path + "/club.yaml").first?.id == "a")
        #expect(throws: ClubDiscoveryError.self) { try ClubSource.discover(at: dir.root.path + "/nope") }
        #expect(throws: ClubDiscoveryError.self) { try ClubSource.discover(at: dir.root.path + "/empty") }
    }

    @Test func fingerprintIgnoresTouchAndHiddenStateButNotEdits() throws {
        let dir = try ClubDirectory()
        defer { dir.remove() }
        let club = try dir.write(club: "a", "x: 1")
        var watcher = ConfigWatcher()
        let first = watcher.fingerprint(of: club)
        let file = club.path + "/club.yaml"
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(10)], ofItemAtPath: file)
        #expect(watcher.fingerprint(of: club) == first)
        try FileManager.default.createDirectory(atPath: club.path + "/.simlane", withIntermediateDirectories: true)
        try Data("state".utf8).write(to: URL(fileURLWithPath: club.path + "/.simlane/state.yaml"))
        #expect(watcher.fingerprint(of: club) == first)
        try dir.write(club: "a", "x: 2")
        #expect(watcher.fingerprint(of: club) != first)
        try Data("y: 1".utf8).write(to: URL(fileURLWithPath: club.path + "/data.yml"))
        #expect(watcher.fingerprint(of: club).files == 2)
    }
}

@Suite("Daemon failure classes")
struct DaemonFailureClassTests {
    @Test func aRejectedTokenIsFatalEverythingElseIsRetried() {
        let unauthorized = DiscordError(kind: .unauthorized, route: "GET /guilds/1/channels", status: 401, code: 0, message: "401: Unauthorized")
        guard case .fatal(let message) = ClubDriver.classify(unauthorized) else {
            Issue.record("a 401 must stop the daemon")
            return
        }
        #expect(message.hasPrefix("Discord rejected the bot token (401 Unauthorized on GET /guilds/1/channels)"))
        let stopped = DiscordError(kind: .clientStopped, route: "GET /guilds/1/roles", status: 401, message: "stopped")
        #expect(ClubDriver.classify(stopped).message.contains("rejected the bot token"))
        for kind: DiscordError.Kind in [.unavailable, .http, .circuitOpen, .rateLimitRetriesExhausted, .outcomeUnknown] {
            let error = DiscordError(kind: kind, route: "GET /guilds/1/channels", status: 503, message: "down")
            guard case .retryable = ClubDriver.classify(error) else {
                Issue.record("\(kind) must be retried")
                continue
            }
        }
        guard case .retryable = ClubDriver.classify(CocoaError(.fileReadNoSuchFile)) else {
            Issue.record("other errors are retried")
            return
        }
    }

    @Test func theStopSignalIsOneWayAndSaysWhatHappens() async throws {
        let stop = StopSignal()
        #expect(!stop.isStopRequested)
        stop.stop()
        stop.stop()
        #expect(stop.isStopRequested)
        #expect(DaemonStopping().description.contains("next run applies it"))
    }
}
