import DiscordTypes
import Spec

extension DiffRun {
    /// Discord's guild limits (DISCORD.md §4): 250 roles (30005), 500 channels (30013),
    /// 50 channels per category. Stated once here for the planner.
    static let maxRoles = 250
    static let maxChannels = 500
    static let maxPerCategory = 50
    /// Share of a limit at which the plan warns.
    static let nearLimit = 0.9

    /// Counts what the guild will hold at the plan's peak, the snapshot (everything in the
    /// guild, managed or not: @everyone, the bot's role, admins' roles and channels) plus the
    /// plan's creates and moves. Deletes run last, so they never make room for the creates.
    /// Over a limit the plan is refused before any request; near one it warns.
    func limitProblems() -> [LimitProblem] {
        var roles = snapshot.roles.count
        var channels = snapshot.channels.count
        var perCategory: [Ref: Int] = [:]
        var names: [Ref: String] = [:]
        for channel in snapshot.channels {
            if let parent = channel.parentID { perCategory[.existing(parent), default: 0] += 1 }
            if channel.type == .guildCategory { names[.existing(channel.id)] = channel.name ?? "\(channel.id)" }
        }
        for change in changes {
            switch change.operation {
            case .createRole:
                roles += 1
            case .createChannel(let new):
                channels += 1
                if new.type == .guildCategory { names[.created(change.key)] = new.name }
                if let parent = new.parent { perCategory[parent, default: 0] += 1 }
            case .modifyChannel(let id, let update):
                guard let parent = update.parent, let current = live.channels[id] else { continue }
                if let old = current.parentID { perCategory[.existing(old), default: 0] -= 1 }
                if case .category(let new) = parent { perCategory[new, default: 0] += 1 }
            default:
                continue
            }
        }
        var problems = [
            LimitProblem(what: .roles, scope: "the guild", count: roles, limit: Self.maxRoles,
                         present: snapshot.roles.count),
            LimitProblem(what: .channels, scope: "the guild", count: channels, limit: Self.maxChannels,
                         present: snapshot.channels.count),
        ]
        for (category, count) in perCategory.sorted(by: { $0.key.description < $1.key.description }) {
            let present = category.existingID.map { id in snapshot.channels.filter { $0.parentID == id }.count } ?? 0
            problems.append(LimitProblem(
                what: .channelsPerCategory, scope: "category \"\(names[category] ?? category.description)\"",
                count: count, limit: Self.maxPerCategory, present: present))
        }
        return problems.filter { Double($0.count) >= Self.nearLimit * Double($0.limit) }
    }

    /// Warnings for limits the plan comes near; the ones it breaks are thrown by `checkSafety`.
    mutating func warnNearLimits(_ problems: [LimitProblem]) {
        for problem in problems where !problem.isOver { warn(nil, problem.description) }
    }
}

/// A Discord limit the plan reaches: what is counted, where, and the numbers.
public struct LimitProblem: Hashable, Sendable, Codable, CustomStringConvertible {
    public enum Counted: String, Hashable, Sendable, Codable {
        case roles, channels
        case channelsPerCategory = "channels per category"
    }

    public var what: Counted
    public var scope: String
    /// What the guild would hold at the plan's peak.
    public var count: Int
    public var limit: Int
    /// What the guild holds now, managed or not.
    public var present: Int

    public var isOver: Bool { count > limit }

    public var description: String {
        let verdict = isOver ? "over Discord's limit of \(limit)" : "near Discord's limit of \(limit)"
        return "\(scope) would hold \(count) \(what == .roles ? "roles" : "channels") "
            + "(\(present) there now, managed or not, + \(count - present) from this plan): \(verdict)"
    }
}
