import DiscordTypes
import Foundation

/// Test-control endpoints under `/_emulator/` (no Discord equivalent, no auth), for tests
/// that drive the emulator from another process (CLI and daemon tests):
///
/// - `GET /_emulator/log`, `GET /_emulator/counters`, `GET /_emulator/guilds/{id}`
/// - `POST /_emulator/faults` (a `Fault` as JSON), `DELETE /_emulator/faults`
/// - `POST /_emulator/seed` `{"id","name","owner_id","bot_id","token","member_ids":[…]}`
/// - `POST /_emulator/admin/{action}` with a JSON object: `delete-channel {channel_id}`,
///   `rename-channel {channel_id,name}`, `set-overwrite {channel_id,id,type,allow,deny}`,
///   `remove-overwrite {channel_id,id}`, `move-channel {channel_id,parent_id?,position?}`,
///   `add-member-role|remove-member-role {guild_id,user_id,role_id}`,
///   `remove-thread-member {thread_id,user_id}`, `delete-role {guild_id,role_id}`,
///   `create-channel {guild_id,name,type?,parent_id?}` and `create-role {guild_id,name,permissions?}`
///   (both answer `{"id"}`).
struct ControlAPI {
    let emulator: DiscordEmulator

    func handle(_ request: EmulatorRequest) async -> EmulatorResponse {
        let path = EmulatorRequestPath(request.path)
        let body = (try? DiscordJSON.decoder().decode(JSONValue.self, from: request.body)) ?? .object([:])
        do {
            let parts = Array(path.parts.dropFirst())
            let route = request.method + " " + parts.joined(separator: "/")
            switch route {
            case "GET log":
                return try encode(await emulator.requestLog)
            case "GET counters":
                return try encode(await emulator.currentCounters)
            case "POST faults":
                await emulator.inject(try DiscordJSON.decoder().decode(Fault.self, from: request.body))
                return .noContent
            case "DELETE faults":
                await emulator.clearFaults()
                return .noContent
            case "POST seed":
                let seeded = await emulator.seedGuild(seed(from: body))
                return .json(200, .object(["guild_id": .id(seeded.guildID), "bot_role_id": .id(seeded.botRoleID)]))
            default:
                if request.method == "GET", parts.count == 2, parts[0] == "guilds" {
                    guard let id = Snowflake(string: parts[1]), let guild = await emulator.guild(id) else { return notFound }
                    return try encode(guild)
                }
                if request.method == "POST", parts.count == 2, parts[0] == "admin" {
                    return try await admin(parts[1], body)
                }
                return notFound
            }
        } catch {
            return .json(400, .object(["message": .string("\(error)"), "code": .int(0)]))
        }
    }

    private var notFound: EmulatorResponse { APIError.notFound.response }

    private func encode<T: Encodable>(_ value: T) throws -> EmulatorResponse {
        EmulatorResponse(status: 200, headers: ["Content-Type": "application/json"], body: try DiscordJSON.encoder().encode(value))
    }

    private func seed(from body: JSONValue) -> GuildSeed {
        var seed = GuildSeed()
        seed.id = body["id"]?.snowflakeValue
        if let name = body["name"]?.stringValue { seed.name = name }
        if let owner = body["owner_id"]?.snowflakeValue { seed.ownerID = owner }
        if let token = body["token"]?.stringValue {
            seed.bot = BotIdentity(id: body["bot_id"]?.snowflakeValue ?? BotIdentity.sandbox.id, token: token)
        }
        seed.memberIDs = (body["member_ids"]?.arrayValue ?? []).compactMap(\.snowflakeValue)
        return seed
    }

    private func admin(_ action: String, _ body: JSONValue) async throws -> EmulatorResponse {
        func id(_ key: String) throws -> Snowflake {
            guard let value = body[key]?.snowflakeValue else { throw ControlError.missing(key) }
            return value
        }
        switch action {
        case "delete-channel": try await emulator.adminDeleteChannel(id("channel_id"))
        case "rename-channel": try await emulator.adminRenameChannel(id("channel_id"), to: body["name"]?.stringValue ?? "")
        case "set-overwrite":
            let overwrite = PermissionOverwrite(
                id: try id("id"), type: OverwriteType(rawValue: body["type"]?.intValue ?? 0),
                allow: body["allow"]?.permissionsValue ?? [], deny: body["deny"]?.permissionsValue ?? [])
            try await emulator.adminSetOverwrite(overwrite, on: id("channel_id"))
        case "remove-overwrite": try await emulator.adminRemoveOverwrite(id("id"), from: id("channel_id"))
        case "move-channel":
            try await emulator.adminMoveChannel(id("channel_id"), parent: body["parent_id"]?.snowflakeValue,
                                                position: body["position"]?.intValue)
        case "add-member-role": try await emulator.adminAddMemberRole(id("role_id"), to: id("user_id"), in: id("guild_id"))
        case "remove-member-role": try await emulator.adminRemoveMemberRole(id("role_id"), from: id("user_id"), in: id("guild_id"))
        case "remove-thread-member": try await emulator.adminRemoveThreadMember(id("user_id"), from: id("thread_id"))
        case "delete-role": try await emulator.adminDeleteRole(id("role_id"), in: id("guild_id"))
        case "create-channel":
            let created = try await emulator.adminCreateChannel(
                in: id("guild_id"), name: body["name"]?.stringValue ?? "junk",
                type: ChannelType(rawValue: body["type"]?.intValue ?? 0), parent: body["parent_id"]?.snowflakeValue)
            return .json(200, .object(["id": .id(created)]))
        case "create-role":
            let created = try await emulator.adminCreateRole(
                in: id("guild_id"), name: body["name"]?.stringValue ?? "junk",
                permissions: body["permissions"]?.permissionsValue ?? [])
            return .json(200, .object(["id": .id(created)]))
        default:
            return notFound
        }
        return .noContent
    }
}

enum ControlError: Error, CustomStringConvertible {
    case missing(String)
    var description: String {
        switch self { case .missing(let key): "missing or invalid '\(key)'" }
    }
}

/// A path split into segments, without query string.
struct EmulatorRequestPath {
    let parts: [String]
    init(_ raw: String) {
        let path = raw.split(separator: "?", maxSplits: 1).first.map(String.init) ?? raw
        parts = path.split(separator: "/").map(String.init)
    }
}
