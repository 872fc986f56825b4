import DiscordTypes
import Spec

extension DiffRun {
    /// Share of a limit at which the plan warns.
    static let nearLimit = GuildLimits.nearShare

    /// Counts against `GuildLimits` what the guild will hold at the plan's peak, the snapshot (everything in the
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
            LimitProblem(what: .roles, scope: "the guild", count: roles, limit: GuildLimits.roles,
                         present: snapshot.roles.count),
            LimitProblem(what: .channels, scope: "the guild", count: channels, limit: GuildLimits.channels,
                         present: snapshot.channels.count),
        ]
        for (category, count) in perCategory.sorted(by: { $0.key.description < $1.key.description }) {
            let present = category.existingID.map { id in snapshot.channels.filter { $0.parentID == id }.count } ?? 0
            problems.append(LimitProblem(
                what: .channelsPerCategory, scope: "category \"\(names[category] ?? category.description)\"",
                count: count, limit: GuildLimits.channelsPerCategory, present: present))
        }
        return problems.filter { Double($0.count) >= Self.nearLimit * Double($0.limit) }
    }

    /// Warnings for limits the plan comes near; the ones it breaks are thrown by `checkSafety`.
    mutating func warnNearLimits(_ problems: [LimitProblem]) {
        for problem in problems where !problem.isOver { warn(nil, problem.description) }
    }
}
