import DiscordTypes
import Foundation

/// The current user, the guild, and guild application commands.
extension DiscordEmulator {
    static let maxDailyCommandCreates = 200

    func getCurrentUser(_ c: RequestContext) throws(APIError) -> EmulatorResponse {
        guard let me = user(c.botID) else { throw APIError.unknownUser }
        return .json(200, Render.user(me))
    }

    func getGuild(_ c: RequestContext) throws(APIError) -> EmulatorResponse {
        let guild = try guild(c)
        var object = Render.guild(guild).objectValue ?? [:]
        if c.query["with_counts"] == "true" {
            object["approximate_member_count"] = .int(guild.members.count)
            object["approximate_presence_count"] = .int(0)
        }
        return .json(200, .object(object))
    }

    func overwriteGuildCommands(_ c: RequestContext) throws(APIError) -> EmulatorResponse {
        let applicationID = try snowflake(c, "application_id")
        let guild = try guild(c)
        guard applicationID == c.botID else { throw APIError.missingAccess }
        guard case .array(let items) = c.body else {
            throw APIError.invalidField([], "BASE_TYPE_ARRAY", "Could not interpret value as array.")
        }
        var errors = FormErrors()
        if items.count > 100 { errors.add([], "BASE_TYPE_MAX_LENGTH", "Must be 100 or fewer in length.") }
        var result: [JSONValue] = []
        var seen = Set<String>()
        for (index, item) in items.enumerated() {
            var r = BodyReader(item, prefix: [String(index)])
            let type = r.int("type", choices: [1, 2, 3, 4]) ?? 1
            let name = r.string("name", required: true, min: 1, max: 32)
            _ = r.string("description", required: type == 1, min: type == 1 ? 1 : 0, max: 100)
            if type == 1, let name, !CommandBodyRules.isValidName(name) {
                r.errors.add([String(index), "name"], "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid")
            }
            if type == 1 { CommandBodyRules.checkOptions(item["options"], path: [String(index), "options"], errors: &r.errors) }
            if let name, !seen.insert("\(type):\(name)").inserted {
                r.errors.add([String(index), "name"], "APPLICATION_COMMANDS_DUPLICATE_NAME", "Application command names must be unique")
            }
            for leaf in r.errors.leaves { errors.add(leaf.path, leaf.code, leaf.message) }
            guard var object = item.objectValue else { continue }
            object["id"] = .id(state.nextID(at: c.now))
            object["application_id"] = .id(applicationID)
            object["guild_id"] = .id(guild.id)
            object["version"] = .id(state.nextID(at: c.now))
            object["type"] = .int(type)
            object["description"] = object["description"] ?? .string("")
            object["default_member_permissions"] = object["default_member_permissions"] ?? .null
            result.append(.object(object))
        }
        try errors.throwIfAny()
        // A command whose (type, name) was not registered before counts as a create; 200
        // creates per guild per UTC day (application-commands.mdx: Registering a Command).
        let key = (c.params["guild_id"] ?? "") + ":" + String(UTCDateParts(c.now).dateTimeText.prefix(10))
        let existing = Set((guild.commands[applicationID] ?? []).map { "\($0["type"]?.intValue ?? 1):\($0["name"]?.stringValue ?? "")" })
        let creates = seen.subtracting(existing).count
        let today = guild.commandCreates?[key] ?? 0
        if creates > 0, today + creates > Self.maxDailyCommandCreates { throw APIError.maxDailyCommandCreates }
        state.guilds[guild.id]!.commandCreates = [key: today + creates]
        state.guilds[guild.id]!.commands[applicationID] = result
        return .json(200, .array(result))
    }

    /// `GET /applications/{app}/guilds/{g}/commands`: the application's commands in the guild.
    func listGuildCommands(_ c: RequestContext) throws(APIError) -> EmulatorResponse {
        let applicationID = try snowflake(c, "application_id")
        let guild = try guild(c)
        guard applicationID == c.botID else { throw APIError.missingAccess }
        return .json(200, .array(guild.commands[applicationID] ?? []))
    }
}
