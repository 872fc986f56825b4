import DiscordTypes
import Foundation

/// Role endpoints with Discord's hierarchy: the bot may only edit, delete, assign or move
/// roles strictly below its highest role, and may only grant permissions it holds.
extension DiscordEmulator {
    static let maxRoles = 250

    func listRoles(_ c: RequestContext) throws(APIError) -> EmulatorResponse {
        let guild = try guild(c)
        return .json(200, .array(guild.sortedRoles.map(Render.role)))
    }

    func createRole(_ c: RequestContext) throws(APIError) -> EmulatorResponse {
        var guild = try guild(c)
        let body = try RoleBody(c.body)
        try require(.manageRoles, in: guild, c)
        let calculator = PermissionCalculator(guild: guild)
        let granted = body.permissions ?? guild.everyone?.permissions ?? []
        if !calculator.isAdministrator(c.botID), !calculator.base(c.botID).isSuperset(of: granted) {
            throw APIError.missingPermissions
        }
        guard guild.roles.count - 1 < Self.maxRoles else { throw APIError.maxRoles }
        for id in guild.roles.keys where id != guild.id { guild.roles[id]!.position += 1 }
        let role = EmulatedRole(
            id: state.nextID(at: c.now), name: body.name ?? "new role", color: body.color ?? 0,
            hoist: body.hoist ?? false, position: 1, permissions: granted, mentionable: body.mentionable ?? false)
        guild.roles[role.id] = role
        state.guilds[guild.id] = guild
        return .json(200, Render.role(role))
    }

    func modifyRole(_ c: RequestContext) throws(APIError) -> EmulatorResponse {
        let guild = try guild(c)
        let roleID = try snowflake(c, "role_id")
        guard var role = guild.roles[roleID] else { throw APIError.unknownRole }
        let body = try RoleBody(c.body)
        try require(.manageRoles, in: guild, c)
        let calculator = PermissionCalculator(guild: guild)
        guard calculator.canManage(role: role, by: c.botID) else { throw APIError.missingPermissions }
        if role.managed, body.name != nil || body.permissions != nil { throw APIError.missingPermissions }
        if let permissions = body.permissions {
            let changed = permissions.symmetricDifference(role.permissions)
            if !calculator.isAdministrator(c.botID), !calculator.base(c.botID).isSuperset(of: changed) {
                throw APIError.missingPermissions
            }
            role.permissions = permissions
        }
        if let name = body.name, role.id != guild.id { role.name = name }
        if let color = body.color { role.color = color }
        if let hoist = body.hoist { role.hoist = hoist }
        if let mentionable = body.mentionable { role.mentionable = mentionable }
        state.guilds[guild.id]!.roles[role.id] = role
        return .json(200, Render.role(role))
    }

    func deleteRole(_ c: RequestContext) throws(APIError) -> EmulatorResponse {
        let guild = try guild(c)
        let roleID = try snowflake(c, "role_id")
        guard let role = guild.roles[roleID] else { throw APIError.unknownRole }
        if roleID == guild.id { throw APIError.invalidRole }
        try require(.manageRoles, in: guild, c)
        guard PermissionCalculator(guild: guild).canManage(role: role, by: c.botID), !role.managed else {
            throw APIError.missingPermissions
        }
        removeRole(roleID, from: guild.id)
        return .noContent
    }

    /// Deletes a role: members lose it, overwrites naming it go, positions close up.
    func removeRole(_ roleID: Snowflake, from guildID: Snowflake) {
        guard var guild = state.guilds[guildID], let role = guild.roles[roleID] else { return }
        guild.roles[roleID] = nil
        for id in guild.roles.keys where guild.roles[id]!.position > role.position { guild.roles[id]!.position -= 1 }
        for id in guild.members.keys { guild.members[id]!.roles.removeAll { $0 == roleID } }
        for id in guild.channels.keys { guild.channels[id]!.overwrites.removeAll { $0.id == roleID && $0.type == .role } }
        state.guilds[guildID] = guild
    }

    func modifyRolePositions(_ c: RequestContext) throws(APIError) -> EmulatorResponse {
        var guild = try guild(c)
        guard case .array(let items) = c.body else {
            throw APIError.invalidField([], "BASE_TYPE_ARRAY", "Could not interpret value as array.")
        }
        var errors = FormErrors()
        var moves: [(id: Snowflake, position: Int)] = []
        for (index, item) in items.enumerated() {
            var r = BodyReader(item, prefix: [String(index)])
            let id = r.snowflake("id", required: true)
            let position = r.int("position", min: 0)
            for leaf in r.errors.leaves { errors.add(leaf.path, leaf.code, leaf.message) }
            if let id, let position { moves.append((id, position)) }
        }
        try errors.throwIfAny()
        try require(.manageRoles, in: guild, c)
        let calculator = PermissionCalculator(guild: guild)
        let top = calculator.highestPosition(c.botID)
        for move in moves {
            guard let role = guild.roles[move.id] else { throw APIError.unknownRole }
            if move.id == guild.id { throw APIError.invalidRole }
            if role.position == move.position { continue }
            guard role.position < top, move.position < top else { throw APIError.missingPermissions }
        }
        guild.roles = Self.reorder(guild.roles, everyone: guild.id, moves: moves)
        state.guilds[guild.id] = guild
        return .json(200, .array(guild.sortedRoles.map(Render.role)))
    }

    /// Puts each moved role at its requested position and closes up the others, keeping
    /// positions 1…n above `@everyone` (0).
    static func reorder(_ roles: [Snowflake: EmulatedRole], everyone: Snowflake, moves: [(id: Snowflake, position: Int)]) -> [Snowflake: EmulatedRole] {
        let moved = Dictionary(moves.map { ($0.id, $0.position) }, uniquingKeysWith: { _, b in b })
        var order = roles.values.filter { $0.id != everyone && moved[$0.id] == nil }
            .sorted { ($0.position, $0.id) < ($1.position, $1.id) }.map(\.id)
        for (id, position) in moved.sorted(by: { ($0.value, $0.key) < ($1.value, $1.key) }) {
            order.insert(id, at: min(max(position - 1, 0), order.count))
        }
        var result = roles
        for (index, id) in order.enumerated() { result[id]!.position = index + 1 }
        return result
    }
}
