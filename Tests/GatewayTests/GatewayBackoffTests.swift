import DiscordTypes
import Foundation
import Logging
import Testing
@testable import Gateway

/// A gateway that closes every connection right after Hello must not be redialled in a hot
/// loop: connections that never got READY back off on the injected clock.
@Suite struct GatewayBackoffTests {
    /// Every connection: Hello, then closed with 4000 (resumable) before READY.
    final class ClosingTransport: GatewayTransport, @unchecked Sendable {
        let lock = NSLock()
        private var count = 0
        var connections: Int { lock.withLock { count } }

        struct Connection: GatewayConnection {
            let frames: LockedQueue
            func receive() async -> GatewayFrame { frames.next() }
            func send(_ text: String) async throws {}
            func close(code: Int) async {}
        }

        final class LockedQueue: @unchecked Sendable {
            let lock = NSLock()
            var items: [GatewayFrame] = [.text(#"{"op":10,"d":{"heartbeat_interval":60000}}"#), .closed(code: 4000)]
            func next() -> GatewayFrame { lock.withLock { items.count > 1 ? items.removeFirst() : items[0] } }
        }

        func connect(to url: String) async throws -> any GatewayConnection {
            lock.withLock { count += 1 }
            return Connection(frames: LockedQueue())
        }
    }

    @Test func connectionsThatNeverGetReadyBackOff() async throws {
        let transport = ClosingTransport()
        let clock = ManualClock()
        var logger = Logger(label: "backoff")
        logger.logLevel = .critical
        let info = GatewayBotInfo(url: "ws://127.0.0.1:1/gateway", shards: 1,
                                  sessionStartLimit: .init(total: 1000, remaining: 1000, resetAfter: 0, maxConcurrency: 1))
        let session = GatewaySession(
            configuration: GatewayConfiguration(token: "t", intents: [.guilds], reconnectDelay: .milliseconds(100),
                                                maxReconnectDelay: .seconds(1)),
            transport: transport, gatewayInfo: { info }, clock: clock, logger: logger)
        let run = Task { try await session.run(onEvent: { _ in }) }
        #expect(await eventually { transport.connections == 1 && clock.hasSleeper(wakingIn: .milliseconds(100)) })
        clock.advance(by: .milliseconds(99))
        try await Task.sleep(for: .milliseconds(50))
        #expect(transport.connections == 1, "no redial before the back-off")
        clock.advance(by: .milliseconds(1))
        #expect(await eventually { transport.connections == 2 })
        // The second failure waits twice as long.
        #expect(await eventually { clock.hasSleeper(wakingIn: .milliseconds(200)) })
        clock.advance(by: .milliseconds(100))
        try await Task.sleep(for: .milliseconds(50))
        #expect(transport.connections == 2)
        clock.advance(by: .milliseconds(100))
        #expect(await eventually { transport.connections == 3 })
        await session.stop()
        clock.advance(by: .seconds(10))
        _ = try? await run.value
    }
}
