import DiscordTypes
import Spec

extension DiffRun {
    /// Refuses a layout that would lock the bot out of a channel it manages: evaluates the
    /// bot's effective permissions in each desired channel with its real roles (from the
    /// snapshot), the channel's overwrites and Discord's implicit rules, and names every bit
    /// the bot holds in the guild but would lose there (`BotAccess.needs`). Bits the bot lacks
    /// guild-wide are not this check's business: `doctor` and Discord's 50013 explain those.
    func checkBotAccess() throws(PlanRefusal) {
        if snapshot.ownerID == snapshot.botUserID { return }
        let bot = snapshot.botUserID
        let botRoles = Set(snapshot.botMember?.roles ?? [])
        let everyone = live.roles[snapshot.guildID]?.permissions ?? []
        let base = EffectivePermissions.base(
            everyone: everyone, roles: snapshot.roles.filter { botRoles.contains($0.id) }.map(\.permissions))
        var problems: [BotAccessProblem] = []
        for channel in desired.channels where !protectedKeys.contains(channel.key) {
            let needs = BotAccess.needs(channel, in: desired).intersection(base)
            let overwrites = BotAccess.overwrites(of: channel, in: desired).compactMap(wireOverwrite)
            let has = EffectivePermissions.inChannel(
                base: base, guildID: snapshot.guildID, memberID: bot, memberRoles: botRoles,
                overwrites: overwrites, type: channel.kind.channelType)
            let missing = needs.subtracting(has)
            if !missing.isEmpty {
                problems.append(BotAccessProblem(key: channel.key, channelName: channel.name, missing: missing))
            }
        }
        if !problems.isEmpty { throw .botLockedOut(problems, bot: bot) }
    }

    /// A desired overwrite as Discord will hold it; nil for a role created by this plan
    /// (the bot holds none of those).
    private func wireOverwrite(_ overwrite: DesiredOverwrite) -> PermissionOverwrite? {
        switch overwrite.target {
        case .everyone:
            PermissionOverwrite(id: snapshot.guildID, type: .role, allow: overwrite.allow, deny: overwrite.deny)
        case .role(let id):
            PermissionOverwrite(id: id, type: .role, allow: overwrite.allow, deny: overwrite.deny)
        case .managedRole(let key):
            refs[key]?.existingID.map {
                PermissionOverwrite(id: $0, type: .role, allow: overwrite.allow, deny: overwrite.deny)
            }
        case .member(let id):
            PermissionOverwrite(id: id, type: .member, allow: overwrite.allow, deny: overwrite.deny)
        }
    }
}
