import DiscordTypes
import Spec

extension DiffRun {
    /// Refuses plans the bot cannot carry out (role hierarchy) and plans that destroy more
    /// than the policy allows.
    func checkSafety() throws(PlanRefusal) {
        let problems = hierarchyProblems()
        if !problems.isEmpty { throw .roleHierarchy(problems) }
        let over = limitProblems().filter(\.isOver)
        if !over.isEmpty { throw .limits(over) }
        // Lifecycle ends (`retired`: race voice after the race, roles at archival, archived
        // channels after retention) are deliberate and scheduled; the threshold guards against
        // resources vanishing from the desired state because of bad input.
        let retired = Set(desired.retired)
        let deleting = changes.filter { change in
            if case .forget(let key) = change.ownership { !retired.contains(key) } else { false }
        }.count
        guard deleting > 0, !options.allowDestroy else { return }
        let managed = ownership.entries.values.filter { entry in
            switch entry.kind {
            case .role: live.roles[entry.id] != nil
            case .category, .text, .voice: live.channels[entry.id] != nil
            case .thread: live.threads[entry.id] != nil
            case .message: snapshot.messages[entry.id] != nil
            case .scheduledEvent: snapshot.scheduledEvents.contains { $0.id == entry.id }
            case .guild, .member, .announcement: false
            }
        }.count
        let limit = desired.policy.maxDestroyFraction
        if Double(deleting) > limit * Double(max(managed, 1)) {
            throw .destroyThreshold(deleting: deleting, managed: managed, maxFraction: limit)
        }
    }

    /// Changes that touch an existing role at or above the bot's highest role (the guild
    /// owner is exempt). Adopts send no request and are not problems by themselves.
    private func hierarchyProblems() -> [HierarchyProblem] {
        if snapshot.ownerID == snapshot.botUserID { return [] }
        let botPosition = snapshot.botHighestRolePosition
        var problems: [HierarchyProblem] = []
        var reported = Set<ResourceKey>()
        for change in changes {
            let roleIDs: [Snowflake]
            switch change.operation {
            case .modifyRole(let id, _), .deleteRole(let id): roleIDs = [id]
            case .grantRole(_, let role): roleIDs = [role.existingID].compactMap { $0 }
            case .revokeRole(_, let role): roleIDs = [role]
            case .setMemberRoles(_, let add, let remove): roleIDs = add.compactMap(\.existingID) + remove
            default: roleIDs = []
            }
            for roleID in roleIDs {
                guard let role = live.roles[roleID], role.position >= botPosition else { continue }
                // A batched member change names its roles by their own keys.
                let key = change.kind == .member ? (live.keyByID[roleID] ?? change.key) : change.key
                guard reported.insert(key).inserted else { continue }
                problems.append(HierarchyProblem(
                    key: key, roleName: role.name, roleID: role.id, rolePosition: role.position,
                    botHighestPosition: botPosition, action: change.action))
            }
        }
        return problems
    }
}
