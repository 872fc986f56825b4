@testable import DiscordEmulator
import DiscordTypes
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A seeded emulator with a manual clock, driven in-process through `handle`.
struct Harness {
    let emulator: DiscordEmulator
    let time: ManualTime
    let seeded: SeededGuild
    var token: String { seeded.bot.token }
    var guildID: Snowflake { seeded.guildID }

    init(seed: GuildSeed = GuildSeed(memberIDs: [1_000_000_000_000_000_101, 1_000_000_000_000_000_102]),
         rateLimits: RateLimitConfiguration = .discordLike) async {
        time = ManualTime()
        // These tests send invalid bodies on purpose: keep them out of the OpenAPI body log.
        emulator = DiscordEmulator(clock: .manual(time), rateLimits: rateLimits, bodyLogDirectory: nil)
        seeded = await emulator.seedGuild(seed)
    }

    /// Sends a request with the bot's token (or `token`).
    @discardableResult
    func send(_ method: String, _ path: String, _ body: JSONValue? = nil, token: String?? = .none) async -> EmulatorResponse {
        let auth: String? = switch token { case .none: self.token; case .some(let t): t }
        return await emulator.handle(EmulatorRequest(method: method, path: "/api/v10" + path, token: auth, json: body))
    }

    func guild() async -> EmulatedGuild { await emulator.guild(guildID)! }
}

extension EmulatorResponse {
    /// Discord's error code of an error answer.
    var code: Int? { json?["code"]?.intValue }
    var id: Snowflake? { json?["id"]?.snowflakeValue }
}

/// URLSession helpers against a running `EmulatorServer`.
enum HTTP {
    static func send(_ server: EmulatorServer, _ method: String, _ path: String, token: String?,
                     json: JSONValue? = nil, contentType: String? = "application/json",
                     rawBody: Data? = nil) async throws -> (Int, HTTPURLResponse, JSONValue?) {
        var request = URLRequest(url: URL(string: server.baseURL.absoluteString + path)!)
        request.httpMethod = method
        if let token { request.setValue("Bot \(token)", forHTTPHeaderField: "Authorization") }
        request.setValue("DiscordBot (https://example.invalid, 1)", forHTTPHeaderField: "User-Agent")
        if let json {
            request.httpBody = try DiscordJSON.encoder().encode(json)
            if let contentType { request.setValue(contentType, forHTTPHeaderField: "Content-Type") }
        } else if let rawBody {
            request.httpBody = rawBody
            if let contentType { request.setValue(contentType, forHTTPHeaderField: "Content-Type") }
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = response as! HTTPURLResponse
        let value = data.isEmpty ? nil : try? DiscordJSON.decoder().decode(JSONValue.self, from: data)
        return (http.statusCode, http, value)
    }
}
