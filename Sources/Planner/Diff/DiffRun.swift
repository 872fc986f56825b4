import DiscordTypes
import Spec

/// One diff in progress: the inputs, indexes over the snapshot, and the changes so far.
/// Each phase (`DiffRun+Roles.swift`, …) appends changes in plan order.
struct DiffRun {
    let desired: DesiredGuild
    let snapshot: GuildSnapshot
    let ownership: Ownership
    let options: PlanOptions
    let live: LiveIndex
    let desiredRoles: [ResourceKey: DesiredRole]
    let desiredChannels: [ResourceKey: DesiredChannel]

    var changes: [Change] = []
    var warnings: [PlanWarning] = []
    var forgotten: [ResourceKey] = []
    var skippedAnnouncements: [SkippedAnnouncement] = []
    /// Where each desired key's id comes from, once its phase ran.
    var refs: [ResourceKey: Ref] = [:]
    /// Index of the change that creates each key.
    var creators: [ResourceKey: Int] = [:]
    /// Index of the latest change to each key (an unarchive before member adds, …).
    var latest: [ResourceKey: Int] = [:]
    /// Live ids adopted in this run, so that no two keys adopt one resource.
    var claimed: Set<Snowflake> = []
    /// Overwrite targets that could not be resolved -> the channels naming them.
    var missingOverwriteTargets: [String: [ResourceKey]] = [:]
    /// Desired keys left alone because they are protected.
    var protectedKeys: Set<ResourceKey> = []

    init(desired: DesiredGuild, snapshot: GuildSnapshot, ownership: Ownership, options: PlanOptions) {
        self.desired = desired
        self.snapshot = snapshot
        self.ownership = ownership
        self.options = options
        self.live = LiveIndex(snapshot: snapshot, ownership: ownership)
        self.desiredRoles = Dictionary(desired.roles.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        self.desiredChannels = Dictionary(desired.channels.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// Appends a change; its dependencies are the creates its operation needs plus `after`.
    @discardableResult
    mutating func add(
        _ action: Action, _ kind: ResourceKind, key: ResourceKey, name: String, group: String,
        fields: [FieldChange] = [], operation: DiscordCall, ownership effect: OwnershipEffect = .none,
        reason: String? = nil, after: [Int] = []
    ) -> Int {
        let index = changes.count
        var dependencies = Set(after)
        for created in operation.createdRefs { if let creator = creators[created] { dependencies.insert(creator) } }
        if case .create = action { creators[key] = index }
        if case .createThread = operation { creators[key] = index }
        if case .postMessage = operation { creators[key] = index }
        changes.append(Change(
            index: index, action: action, kind: kind, key: key, name: name, group: group,
            fields: fields, dependencies: dependencies.filter { $0 < index }.sorted(),
            operation: operation, ownership: effect, reason: reason))
        if action != .grant && action != .revoke { latest[key] = index }
        return index
    }

    mutating func warn(_ key: ResourceKey?, _ message: String) {
        warnings.append(PlanWarning(key: key, message: message))
    }

    /// The live id a resolved key has now, if it is not created by this plan.
    func existingID(_ key: ResourceKey) -> Snowflake? { refs[key]?.existingID }

    // MARK: protection

    func isProtectedChannel(id: Snowflake, name: String?) -> Bool {
        desired.policy.protect.contains { rule in
            rule.kind == .channel && (rule.id == id || (rule.name != nil && rule.name == name))
        }
    }

    func isProtectedRole(id: Snowflake, name: String) -> Bool {
        desired.policy.protect.contains { rule in
            rule.kind == .role && (rule.id == id || (rule.name != nil && rule.name == name))
        }
    }

    // MARK: display

    /// `alice (123)` for a member, `user 123` for someone unknown.
    func memberLabel(_ id: Snowflake) -> String {
        guard let position = live.members[id] else { return "user \(id)" }
        let member = snapshot.members[position]
        let name = member.nick ?? member.user?.globalName ?? member.user?.username
        return name.map { "\($0) (\(id))" } ?? "user \(id)"
    }

    /// A role's display name: the desired name for managed roles, the live name otherwise.
    func roleLabel(_ id: Snowflake) -> String {
        if id == snapshot.guildID { return "@everyone" }
        if let key = live.keyByID[id], let role = desiredRoles[key] {
            return "@" + role.name
        }
        return live.roles[id].map { "@" + $0.name } ?? "role \(id)"
    }
}
