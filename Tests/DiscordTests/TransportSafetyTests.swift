import Discord
import DiscordTypes
import Foundation
import Testing

/// The token never travels in clear or corrupts a request, and a burst of 5xx answers is
/// ridden out with bounded back-off instead of aborting the apply.
@Suite struct TransportSafetyTests {
    /// Records requests; answers 502 until `healthyAfter` on the clock, then `answer`.
    actor FlakyTransport: HTTPTransport {
        let clock: ManualClock
        let healthyAfter: Duration
        let answer: HTTPResponse
        private(set) var sent = 0

        init(clock: ManualClock, healthyAfter: Duration, answer: HTTPResponse) {
            self.clock = clock
            self.healthyAfter = healthyAfter
            self.answer = answer
        }

        func send(_ request: HTTPRequest) async throws -> HTTPResponse {
            sent += 1
            if clock.elapsed < healthyAfter { return FakeDiscord.error(502, code: 0, message: "Bad Gateway") }
            return answer
        }
    }

    static let userJSON = Data(#"{"id":"123456789012345678","username":"bot","discriminator":"0","global_name":null,"avatar":null,"bot":true}"#.utf8)

    static func client(base: String, transport: some HTTPTransport, clock: ManualClock,
                       retries: RetryPolicy = RetryPolicy()) -> DiscordClient {
        DiscordClient(configuration: DiscordConfiguration(baseURL: URL(string: base)!, token: BotToken(secretToken)!,
                                                          retries: retries),
                      transport: transport, clock: clock, random: SeededRandomNumberGenerator(seed: 3))
    }

    @Test func plainHTTPToANonLoopbackBaseIsRefusedBeforeAnyConnection() async throws {
        for base in ["http://10.0.0.7/api/v10", "http://discord.com/api/v10", "http://127.0.0.1.evil.example/api",
                     "http://[::2]:80/api"] {
            #expect(throws: ConfigurationError.insecureBaseURL(base)) {
                try DiscordConfiguration.baseURL(from: ["DISCORD_API_BASE": base])
            }
            // A configuration built in code is refused by the client before the transport.
            let clock = ManualClock()
            let transport = FlakyTransport(clock: clock, healthyAfter: .zero, answer: HTTPResponse(status: 200, body: Self.userJSON))
            let client = Self.client(base: base, transport: transport, clock: clock)
            await #expect(throws: ConfigurationError.self) { _ = try await client.currentUser() }
            #expect(await transport.sent == 0, "\(base): nothing may be sent")
        }
        for base in ["https://discord.com/api/v10", "http://127.0.0.1:4000/api/v10", "http://localhost:8080/api",
                     "http://[::1]:9000/api", "http://127.1.2.3/api"] {
            #expect(throws: Never.self) { try DiscordConfiguration.baseURL(from: ["DISCORD_API_BASE": base]) }
        }
    }

    @Test func aTokenWithControlCharactersIsRefusedAndNeverShown() throws {
        for raw in ["abc\r\nX-Injected: 1", "abc\ndef", "ab\tcd", "abc\u{0}def", "abc\u{7F}", "ab cd"] {
            #expect(BotToken(raw) == nil, "\(raw.debugDescription)")
            do {
                _ = try DiscordConfiguration.fromEnvironment(["DISCORD_BOT_TOKEN": raw])
                Issue.record("accepted \(raw.debugDescription)")
            } catch let error as ConfigurationError {
                guard case .invalidToken = error else { Issue.record("\(error)"); continue }
                #expect(!error.description.contains("abc"), "the token must never be printed: \(error)")
            }
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("token-\(UUID().uuidString)")
        try "abc\u{1B}def\n".write(to: file, atomically: true, encoding: .utf8)
        #expect(throws: ConfigurationError.self) { try BotToken(contentsOfFile: file.path) }
        #expect(BotToken("  Bot MTIz.abc-_DEF  ") != nil, "a real token with a Bot prefix and blanks around is fine")
    }

    @Test func aBurstOf5xxIsRiddenOutWithExponentialBackoff() async throws {
        // Five seconds of 502s: the default policy waits them out (the old one gave up after 0.9 s).
        let clock = ManualClock()
        let transport = FlakyTransport(clock: clock, healthyAfter: .seconds(5), answer: HTTPResponse(status: 200, body: Self.userJSON))
        let client = Self.client(base: "https://discord.com/api/v10", transport: transport, clock: clock)
        let user = try await drive(1, clock: clock, client: client) { _ in try await client.currentUser() }[0].get()
        #expect(user.id == 123_456_789_012_345_678)
        let sent = await transport.sent
        #expect((3...8).contains(sent), "exponential: few attempts for 5 s, not one per 100 ms (\(sent))")
        #expect(clock.elapsed >= .seconds(5) && clock.elapsed < .seconds(15), "\(clock.elapsed)")
    }

    @Test func retriesStopAfterAbout30SecondsPerRequest() async throws {
        let clock = ManualClock()
        let transport = FlakyTransport(clock: clock, healthyAfter: .seconds(3600), answer: HTTPResponse(status: 200))
        let client = Self.client(base: "https://discord.com/api/v10", transport: transport, clock: clock,
                                 retries: RetryPolicy(maxRetries: 100))
        let result = try await drive(1, clock: clock, client: client) { _ in try await client.currentUser() }[0]
        let error = try #require(result.error as? DiscordError)
        #expect(error.kind == .unavailable)
        #expect(clock.elapsed <= .seconds(30), "bounded total back-off: \(clock.elapsed)")
        #expect(clock.elapsed >= .seconds(20), "but it does use the budget: \(clock.elapsed)")
    }
}
