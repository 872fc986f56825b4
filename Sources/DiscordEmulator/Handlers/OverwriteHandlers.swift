import DiscordTypes
import Foundation

/// Channel permission overwrites: PUT/DELETE /channels/{c}/permissions/{id} and the
/// `permission_overwrites` array of channel create/modify, with Discord's rules.
extension DiscordEmulator {
    func editOverwrite(_ c: RequestContext) throws(APIError) -> EmulatorResponse {
        let (guild, channel) = try channel(c)
        let targetID = try snowflake(c, "overwrite_id")
        var r = BodyReader(c.body)
        let type = r.int("type", required: true, choices: [0, 1])
        let allow = r.permissions("allow") ?? []
        let deny = r.permissions("deny") ?? []
        try r.errors.throwIfAny()
        if channel.isThread { throw APIError.wrongChannelType }
        let overwrite = PermissionOverwrite(id: targetID, type: OverwriteType(rawValue: type ?? 0), allow: allow, deny: deny)
        if overwrite.type == .role, guild.roles[targetID] == nil { throw APIError.unknownRole }
        var new = channel.overwrites.filter { $0.id != targetID }
        new.append(overwrite)
        try checkOverwriteChanges(guild: guild, channel: channel, parent: channel.parentID.flatMap { guild.channels[$0] },
                                  old: channel.overwrites, new: new, c)
        state.guilds[guild.id]!.channels[channel.id]!.overwrites = new
        return .noContent
    }

    func deleteOverwrite(_ c: RequestContext) throws(APIError) -> EmulatorResponse {
        let (guild, channel) = try channel(c)
        let targetID = try snowflake(c, "overwrite_id")
        if channel.isThread { throw APIError.wrongChannelType }
        // Deleting an overwrite that is not there: 404 10009 Unknown Overwrite
        // (opcodes-and-status-codes.mdx), after the permission check.
        if !channel.overwrites.contains(where: { $0.id == targetID }) {
            try require(.manageRoles, in: guild, channel: channel, c)
            throw APIError.unknownOverwrite
        }
        let new = channel.overwrites.filter { $0.id != targetID }
        try checkOverwriteChanges(guild: guild, channel: channel, parent: channel.parentID.flatMap { guild.channels[$0] },
                                  old: channel.overwrites, new: new, c)
        state.guilds[guild.id]!.channels[channel.id]!.overwrites = new
        return .noContent
    }

    /// Reads a `permission_overwrites` array; nil when absent.
    func parseOverwrites(_ r: inout BodyReader, key: String) -> [PermissionOverwrite]? {
        guard let value = r.body[key], value != .null else { return nil }
        guard case .array(let items) = value else {
            r.errors.add(r.prefix + [key], "BASE_TYPE_ARRAY", "Could not interpret value as array.")
            return nil
        }
        var result: [PermissionOverwrite] = []
        for (index, item) in items.enumerated() {
            var inner = BodyReader(item, prefix: r.prefix + [key, String(index)])
            let id = inner.snowflake("id", required: true)
            let type = inner.int("type", required: true, choices: [0, 1])
            let allow = inner.permissions("allow") ?? []
            let deny = inner.permissions("deny") ?? []
            for leaf in inner.errors.leaves { r.errors.add(leaf.path, leaf.code, leaf.message) }
            if let id, let type {
                result.append(PermissionOverwrite(id: id, type: OverwriteType(rawValue: type), allow: allow, deny: deny))
            }
        }
        return result
    }

    /// Discord's rules for changing overwrites from `old` to `new`: MANAGE_ROLES is needed
    /// (in the channel, implicit rules applied, so a bot without CONNECT in a voice channel
    /// cannot change its overwrites; at guild level for a channel being created);
    /// unless the bot is an administrator, no changed overwrite may carry MANAGE_ROLES and
    /// every changed bit must be one the bot holds in the guild or the parent channel (an
    /// explicit MANAGE_ROLES allow for the bot in the channel lifts that); role targets must exist.
    func checkOverwriteChanges(
        guild: EmulatedGuild, channel: EmulatedChannel?, parent: EmulatedChannel?,
        old: [PermissionOverwrite], new: [PermissionOverwrite], _ c: RequestContext
    ) throws(APIError) {
        let calculator = PermissionCalculator(guild: guild)
        for overwrite in new where overwrite.type == .role && guild.roles[overwrite.id] == nil {
            throw APIError.unknownRole
        }
        let oldByID = Dictionary(old.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let newByID = Dictionary(new.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var changed: [PermissionOverwrite] = new.filter { oldByID[$0.id] != $0 }
        changed += old.filter { newByID[$0.id] == nil }
        if changed.isEmpty { return }
        if calculator.isAdministrator(c.botID) { return }
        let base = calculator.base(c.botID)
        let inChannel = channel.map { calculator.inChannel(c.botID, $0) } ?? base
        guard inChannel.contains(.manageRoles) else { throw APIError.missingPermissions }
        var reference = base
        if let parent { reference.formUnion(calculator.inChannel(c.botID, parent)) }
        let lifted = channel.map { calculator.hasManageRolesOverwrite(c.botID, $0) } ?? false
        for overwrite in changed {
            var bits = overwrite.allow.union(overwrite.deny)
            if let previous = oldByID[overwrite.id], newByID[overwrite.id] != nil {
                // Only bits that actually change need the bot to hold them.
                bits = overwrite.allow.symmetricDifference(previous.allow)
                    .union(overwrite.deny.symmetricDifference(previous.deny))
            }
            if bits.contains(.manageRoles) { throw APIError.missingPermissions }
            if !lifted, !reference.isSuperset(of: bits) { throw APIError.missingPermissions }
        }
    }
}
