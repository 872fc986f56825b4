import DiscordTypes
import Foundation

extension DiscordEmulator {
    /// A path parameter as a snowflake; 50035 NUMBER_TYPE_COERCE otherwise.
    func snowflake(_ c: RequestContext, _ name: String) throws(APIError) -> Snowflake {
        let raw = c.params[name] ?? ""
        guard let id = Snowflake(string: raw) else {
            throw APIError.invalidField([name], "NUMBER_TYPE_COERCE", "Value \"\(raw)\" is not snowflake.")
        }
        return id
    }

    /// The guild of the route; 10004 when unknown, 50001 when the bot is not a member.
    func guild(_ c: RequestContext) throws(APIError) -> EmulatedGuild {
        let id = try snowflake(c, "guild_id")
        guard let guild = state.guilds[id] else { throw APIError.unknownGuild }
        guard guild.members[c.botID] != nil else { throw APIError.missingAccess }
        return guild
    }

    /// The channel of the route and its guild; 10003 when unknown, 50001 when the bot cannot
    /// see it (no VIEW_CHANNEL).
    func channel(_ c: RequestContext, requireView: Bool = true) throws(APIError) -> (EmulatedGuild, EmulatedChannel) {
        let id = try snowflake(c, "channel_id")
        guard let guildID = state.guildID(ofChannel: id), let guild = state.guilds[guildID],
              let channel = guild.channels[id]
        else { throw APIError.unknownChannel }
        guard guild.members[c.botID] != nil else { throw APIError.missingAccess }
        if requireView, !PermissionCalculator(guild: guild).inChannel(c.botID, channel).contains(.viewChannel) {
            throw APIError.missingAccess
        }
        return (guild, channel)
    }

    /// Throws 50013 unless the bot has all of `needed` at guild level.
    func require(_ needed: Permissions, in guild: EmulatedGuild, _ c: RequestContext) throws(APIError) {
        guard PermissionCalculator(guild: guild).base(c.botID).isSuperset(of: needed) else {
            throw APIError.missingPermissions
        }
    }

    /// Throws 50013 unless the bot has all of `needed` in `channel`.
    func require(_ needed: Permissions, in guild: EmulatedGuild, channel: EmulatedChannel, _ c: RequestContext) throws(APIError) {
        guard PermissionCalculator(guild: guild).inChannel(c.botID, channel).isSuperset(of: needed) else {
            throw APIError.missingPermissions
        }
    }

    func user(_ id: Snowflake) -> EmulatedUser? { state.users[id] }

    func queryInt(_ c: RequestContext, _ name: String, default value: Int, min: Int, max: Int) throws(APIError) -> Int {
        guard let raw = c.query[name] else { return value }
        var errors = FormErrors()
        guard let number = Int(raw) else {
            errors.notInt([name], .string(raw))
            throw APIError.invalidForm(errors)
        }
        if number < min { errors.numberMin([name], min) }
        if number > max { errors.numberMax([name], max) }
        try errors.throwIfAny()
        return number
    }
}
