import DiscordTypes
import Spec

/// Checks a saved plan before `apply` sends anything: a plan file is input, not a trusted
/// program. Each change's operation must act on the resource its own change names (the
/// Discord id the state store owns for the change's key), adopts must record their own key
/// and kind, nothing protected may be deleted, and the plan as a whole must be exactly the
/// plan this configuration gives for this guild and state (`firstDifference`).
public enum SavedPlanAudit {
    /// The first change whose operation does not fit its change, or nil if all do. Without
    /// a snapshot, protect rules by name are not checked (those by id are).
    public static func firstViolation(
        in plan: Plan, ownership: Ownership, snapshot: GuildSnapshot?, policy: GuildPolicy
    ) -> SavedPlanViolation? {
        // Adopts (and other recorded ids) earlier in the plan own their keys for later changes.
        var owned = ownership
        for change in plan.changes {
            if let why = targetProblem(change, ownership: owned) {
                return SavedPlanViolation(change: change, problem: why)
            }
            if change.action == .delete, let why = protectProblem(change, snapshot: snapshot, policy: policy) {
                return SavedPlanViolation(change: change, problem: why)
            }
            if case .adopt(let key, let id, let kind, _) = change.operation {
                owned[key] = OwnershipEntry(id: id, kind: kind)
            } else if case .record(let key, let kind, let id?, _) = change.ownership, owned[key]?.id != id {
                owned[key] = OwnershipEntry(id: id, kind: kind)
            }
        }
        return nil
    }

    /// The first change where `saved` differs from `fresh` (the plan re-derived from the
    /// same configuration, guild and state), or nil if they are the same plan.
    public static func firstDifference(saved: Plan, fresh: Plan) -> SavedPlanViolation? {
        for (index, change) in saved.changes.enumerated() {
            guard index < fresh.changes.count else {
                return SavedPlanViolation(change: change, problem: "this configuration does not plan it")
            }
            let expected = fresh.changes[index]
            guard change != expected else { continue }
            let what = if change.key != expected.key { "its key (expected \(expected.key))" }
                else if change.action != expected.action { "its action (expected \(expected.action.rawValue))" }
                else if change.kind != expected.kind { "its kind (expected \(expected.kind.rawValue))" }
                else if change.operation != expected.operation { "its request" }
                else if change.ownership != expected.ownership { "what it records in the state store" }
                else if change.dependencies != expected.dependencies { "its dependencies" }
                else { "its description" }
            return SavedPlanViolation(change: change, problem: "\(what) differs from what this configuration plans")
        }
        if fresh.changes.count > saved.changes.count {
            return SavedPlanViolation(change: fresh.changes[saved.changes.count],
                                      problem: "this configuration plans it but the saved plan lacks it")
        }
        if saved.forgotten != fresh.forgotten {
            return SavedPlanViolation(change: nil, problem: "the keys it drops from the state store differ")
        }
        if saved.skippedAnnouncements != fresh.skippedAnnouncements {
            return SavedPlanViolation(change: nil, problem: "the announcements it records as skipped differ")
        }
        return nil
    }

    /// The id an operation acts on must be the one the state store owns for the change's key.
    private static func targetProblem(_ change: Change, ownership: Ownership) -> String? {
        let target: Snowflake?
        let kinds: Set<ResourceKind>
        switch change.operation {
        case .modifyRole(let id, _), .deleteRole(let id), .revokeRole(_, let id):
            (target, kinds) = (id, [.role])
        case .modifyChannel(let id, _), .deleteChannel(let id):
            (target, kinds) = (id, [.category, .text, .voice, .thread])
        case .removeThreadMember(let thread, _):
            (target, kinds) = (thread, [.thread])
        case .editMessage(_, let message, _, _, _), .deleteMessage(_, let message), .unpinMessage(_, let message):
            (target, kinds) = (message, [.message])
        case .modifyScheduledEvent(let id, _), .deleteScheduledEvent(let id):
            (target, kinds) = (id, [.scheduledEvent])
        case .setMemberRoles(let user, let add, let remove):
            return memberRolesProblem(change, user: user, roles: add.compactMap(\.existingID) + remove,
                                      ownership: ownership)
        case .adopt(let key, let id, let kind, _):
            if key != change.key { return "it adopts \(key), not its own key" }
            if kind != change.kind { return "it adopts a \(kind.rawValue), not a \(change.kind.rawValue)" }
            if let other = ownership.key(for: id), other != key { return "it adopts \(id), which \(other) already owns" }
            return nil
        default:
            return nil
        }
        guard let target else { return nil }
        guard let owned = ownership[change.key] else {
            return "its request targets \(target), but the state store owns nothing for \(change.key)"
        }
        if owned.id != target {
            return "its request targets \(target), but the state store owns \(owned.id) for \(change.key)"
        }
        if !kinds.contains(owned.kind) {
            return "its request is for a \(kinds.map(\.rawValue).sorted().joined(separator: "/")), but \(change.key) is a \(owned.kind.rawValue)"
        }
        return nil
    }

    /// A batched member change must be its own member's (`member/{user}`) and may grant or
    /// revoke only roles the state store owns (or the plan creates).
    private static func memberRolesProblem(
        _ change: Change, user: Snowflake, roles: [Snowflake], ownership: Ownership
    ) -> String? {
        if change.key != .member(user) || change.kind != .member {
            return "it changes the roles of user \(user), not of \(change.key)"
        }
        for role in roles {
            guard let key = ownership.key(for: role), ownership[key]?.kind == .role else {
                return "it grants or revokes role \(role), which the state store does not own"
            }
        }
        return nil
    }

    /// Deleting a channel or role on the `protect` list is never allowed.
    private static func protectProblem(_ change: Change, snapshot: GuildSnapshot?, policy: GuildPolicy) -> String? {
        switch change.operation {
        case .deleteChannel(let id):
            let name = snapshot.flatMap { ($0.channels + $0.threads).first { $0.id == id }?.name }
            if policy.protect.contains(where: { $0.kind == .channel && ($0.id == id || ($0.name != nil && $0.name == name)) }) {
                return "it deletes the protected channel \(name ?? id.description)"
            }
        case .deleteRole(let id):
            let name = snapshot?.roles.first { $0.id == id }?.name
            if policy.protect.contains(where: { $0.kind == .role && ($0.id == id || ($0.name != nil && $0.name == name)) }) {
                return "it deletes the protected role \(name ?? id.description)"
            }
        default: break
        }
        return nil
    }
}

/// Why a saved plan is refused: the first offending change and what is wrong with it.
public struct SavedPlanViolation: Hashable, Sendable, CustomStringConvertible {
    /// The offending change (nil when the problem is not one change's).
    public var change: Change?
    public var problem: String

    public var description: String {
        guard let change else { return problem }
        return "change \(change.index + 1) (\(change.action.symbol) \(change.kind.rawValue) \(change.key)): \(problem)"
    }
}
