import DiscordTypes
import Foundation
import Spec

/// Member sync's judgement, pure: guild members + linked accounts + the club's members + the
/// current roster -> one outcome per person and the new roster. Matching is by linked
/// Discord user id only, never by name; close names only produce a suggestion. Linear in
/// the number of members and accounts (suggestions look only at accounts with the same
/// first letter and a similar length).
public enum MemberMatcher {
    /// The result of one sync.
    public struct Result: Hashable, Sendable {
        public var outcomes: [SyncOutcome]
        public var roster: [RosterRecord]
        public var counts: SyncCounts
    }

    public static func sync(
        guildMembers: [GuildMember], accounts: [LinkedAccount], clubMembers: [Member],
        roster: [RosterRecord], trigger: SyncTrigger, now: Date, forgetLeftAfter: TimeInterval
    ) -> Result {
        let accountsByUser = Dictionary(grouping: accounts, by: \.discordUserID)
        let claimsByUser = Dictionary(grouping: clubMembers.filter { $0.discordUserID != nil }) { $0.discordUserID! }
        var records = Dictionary(roster.map { ($0.accountID, $0) }, uniquingKeysWith: { first, _ in first })
        // Suggestions only name accounts whose Discord user is not in the guild (an account
        // whose user is here belongs to that user).
        let inGuild = Set(guildMembers.compactMap { $0.user?.id })
        let suggestions = NameIndex(accounts.filter { !inGuild.contains($0.discordUserID) })
        var outcomes: [SyncOutcome] = []
        var counts = SyncCounts()
        var present: Set<Snowflake> = []

        for member in guildMembers {
            guard let user = member.user else { continue }
            present.insert(user.id)
            let name = member.nick ?? user.globalName ?? user.username
            if user.bot == true {
                counts.bots += 1
                outcomes.append(SyncOutcome(kind: .bot, discordUserID: user.id, displayName: name, reason: "a bot account"))
                continue
            }
            let linked = accountsByUser[user.id] ?? []
            let claims = claimsByUser[user.id] ?? []
            if linked.count > 1 || claims.count > 1 {
                counts.conflicts += 1
                let reason = linked.count > 1
                    ? "this Discord account is linked to \(linked.count) Simlane accounts (\(linked.map(\.id).sorted().joined(separator: ", ")))"
                    : "\(claims.count) club members claim this Discord account (\(claims.map(\.id).sorted().joined(separator: ", ")))"
                outcomes.append(SyncOutcome(kind: .conflict, discordUserID: user.id, displayName: name, reason: reason,
                                            action: "unlink the wrong account on Simlane; nothing is created until one remains"))
                continue
            }
            // A platform member with this Discord id counts as linked (the platform's own link).
            let account = linked.first ?? claims.first.map {
                LinkedAccount(id: $0.id, displayName: $0.displayName, discordUserID: user.id)
            }
            guard let account else {
                counts.unlinked += 1
                let suggestion = suggestions.closest(to: name)
                outcomes.append(SyncOutcome(
                    kind: .unlinked, discordUserID: user.id, displayName: name,
                    reason: "no Simlane account is linked to this Discord account",
                    action: "link it on Simlane (the /link or !link command explains how)",
                    suggestedAccount: suggestion))
                continue
            }
            counts.matched += 1
            if var record = records[account.id] {
                record.discordUserID = user.id
                record.displayName = account.displayName
                if record.status == .left {
                    record.status = .active
                    record.since = now
                    record.leftAt = nil
                    counts.reactivated += 1
                    outcomes.append(SyncOutcome(kind: .reactivated, discordUserID: user.id, displayName: name,
                                                accountID: account.id, reason: "back in the guild"))
                } else {
                    outcomes.append(SyncOutcome(kind: .kept, discordUserID: user.id, displayName: name,
                                                accountID: account.id, reason: "already a club member"))
                }
                records[account.id] = record
            } else if !claims.isEmpty {
                records[account.id] = RosterRecord(accountID: account.id, discordUserID: user.id, displayName: account.displayName,
                                                   status: .active, since: now, via: .platform)
                outcomes.append(SyncOutcome(kind: .kept, discordUserID: user.id, displayName: name, accountID: account.id,
                                            reason: "already a club member on the platform (\(claims[0].id))"))
            } else {
                counts.created += 1
                records[account.id] = RosterRecord(accountID: account.id, discordUserID: user.id, displayName: account.displayName,
                                                   status: .active, since: now, via: trigger)
                outcomes.append(SyncOutcome(kind: .created, discordUserID: user.id, displayName: name, accountID: account.id,
                                            reason: "linked account \(account.id), not yet a club member: added (\(trigger.rawValue))"))
            }
        }

        for (id, var record) in records where record.status == .active && !present.contains(record.discordUserID) {
            record.status = .left
            record.since = now
            record.leftAt = now
            records[id] = record
            counts.deactivated += 1
            outcomes.append(SyncOutcome(kind: .deactivated, discordUserID: record.discordUserID, displayName: record.displayName,
                                        accountID: id, reason: "left the guild: marked inactive (kept, reactivated on return)"))
        }
        for (id, record) in records where record.status == .left {
            if let left = record.leftAt, now.timeIntervalSince(left) > forgetLeftAfter {
                records[id] = nil
                counts.forgotten += 1
            }
        }
        let ordered = records.values.sorted { ($0.status.rawValue, $0.accountID) < ($1.status.rawValue, $1.accountID) }
        let sortedOutcomes = outcomes.sorted { ($0.kind.rawValue, $0.discordUserID) < ($1.kind.rawValue, $1.discordUserID) }
        return Result(outcomes: sortedOutcomes, roster: ordered, counts: counts)
    }
}

/// Accounts by a folded form of their display name, for suggestions only.
struct NameIndex {
    private var buckets: [Character: [(folded: String, id: String)]] = [:]

    init(_ accounts: [LinkedAccount]) {
        for account in accounts {
            let folded = Self.fold(account.displayName)
            guard let first = folded.first else { continue }
            buckets[first, default: []].append((folded, account.id))
        }
    }

    /// An account whose name is at most two edits from `name` (case, accents and spacing
    /// ignored), the closest first; nil when none is close.
    func closest(to name: String) -> String? {
        let folded = Self.fold(name)
        guard let first = folded.first, let candidates = buckets[first] else { return nil }
        var best: (distance: Int, id: String)?
        for candidate in candidates where abs(candidate.folded.count - folded.count) <= 2 {
            let distance = Self.distance(folded, candidate.folded, limit: 2)
            if distance <= 2, best.map({ (distance, candidate.id) < ($0.distance, $0.id) }) ?? true {
                best = (distance, candidate.id)
            }
        }
        return best?.id
    }

    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .filter { $0.isLetter || $0.isNumber }
    }

    /// Levenshtein distance, giving up (returning limit + 1) once every row exceeds `limit`.
    static func distance(_ a: String, _ b: String, limit: Int) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMin = current[0]
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                rowMin = min(rowMin, current[j])
            }
            if rowMin > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
