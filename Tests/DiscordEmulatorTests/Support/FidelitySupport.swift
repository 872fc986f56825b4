@testable import DiscordEmulator
import DiscordTypes
import Foundation

extension Harness {
    /// Sends a request with extra headers (e.g. `X-Audit-Log-Reason`).
    func send(_ method: String, _ path: String, _ body: JSONValue?, headers: [String: String]) async -> EmulatorResponse {
        var request = EmulatorRequest(method: method, path: "/api/v10" + path, token: token, json: body)
        for (name, value) in headers { request.headers[name] = value }
        return await emulator.handle(request)
    }

    /// Creates a channel and returns its id (the test fails on any other answer).
    func channel(_ name: String, type: Int = 0, _ extra: [String: JSONValue] = [:]) async -> Snowflake? {
        var body = extra
        body["name"] = .string(name)
        body["type"] = .int(type)
        return await send("POST", "/guilds/\(guildID)/channels", .object(body)).id
    }

    /// Posts `body` in `channel`.
    func post(_ channel: Snowflake, _ body: JSONValue) async -> EmulatorResponse {
        await send("POST", "/channels/\(channel)/messages", body)
    }
}

extension EmulatorResponse {
    /// The first form-error code at a dotted path of Discord's `errors` tree
    /// (`"embeds.0.fields.1.value"`; `""` for the root).
    func formError(_ path: String) -> String? {
        var node = json?["errors"]
        for key in path.split(separator: ".") { node = node?[String(key)] }
        guard case .array(let leaves)? = node?["_errors"] else { return nil }
        return leaves.first?["code"]?.stringValue
    }
}

/// An overwrite for the tests' seeds.
func overwrite(_ id: Snowflake, role: Bool = true, allow: Permissions = [], deny: Permissions = []) -> PermissionOverwrite {
    PermissionOverwrite(id: id, type: role ? .role : .member, allow: allow, deny: deny)
}
