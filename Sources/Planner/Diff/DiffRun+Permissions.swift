import DiscordTypes
import Spec

extension DiffRun {
    /// Refuses a plan whose requests need guild permissions the bot lacks: checked before
    /// the per-channel access check, since no overwrite can give back a guild permission.
    func checkGuildPermissions() throws(PlanRefusal) {
        let missing = permissionProblems()
        if !missing.isEmpty { throw .missingPermissions(missing) }
    }

    /// Guild permissions the plan's requests need that the bot does not have (from its roles
    /// in the snapshot; the owner and administrators have all). Channel-level access is kept
    /// by the bot's own overwrites; this judges what no overwrite can grant back. Nothing is
    /// judged when the snapshot does not hold the bot's member entry.
    func permissionProblems() -> [PermissionProblem] {
        guard let held = snapshot.botGuildPermissions, !held.contains(.administrator) else { return [] }
        var counts: [(Permissions, Int, String)] = []
        for change in changes {
            for permission in change.operation.requiredGuildPermissions.elements where !held.contains(permission) {
                if let index = counts.firstIndex(where: { $0.0 == permission }) {
                    counts[index].1 += 1
                } else {
                    counts.append((permission, 1, "\(change.action.symbol) \(change.kind.rawValue) \"\(change.name)\""))
                }
            }
        }
        return counts.map { PermissionProblem(permission: $0.0.names.joined(separator: "|"), changes: $0.1, example: $0.2) }
    }
}

extension GuildSnapshot {
    /// The bot's guild-wide permissions: `@everyone` plus its roles; everything for the guild
    /// owner or an administrator. Nil when the snapshot lacks the bot's member entry.
    public var botGuildPermissions: Permissions? {
        if ownerID == botUserID { return .all }
        guard let bot = botMember else { return nil }
        let held = Set(bot.roles)
        let permissions = roles.filter { $0.id == guildID || held.contains($0.id) }
            .reduce(Permissions()) { $0.union($1.permissions) }
        return permissions.contains(.administrator) ? .all : permissions
    }
}

extension Permissions {
    /// Each set bit as its own value, lowest first.
    var elements: [Permissions] {
        (0..<64).compactMap { bit in
            let value = Permissions(rawValue: 1 << UInt64(bit))
            return contains(value) ? value : nil
        }
    }
}
