import DiscordTypes
import Foundation
import MemberSync
import Spec
import Testing

/// Member sync's matching on a labelled population of 1,000 guild members: every person's
/// expected outcome is known, so accuracy is computed, not claimed.
@Suite struct MemberMatcherTests {
    /// A labelled population: guild members, accounts, club members and roster, plus the
    /// outcome each Discord user must get.
    struct Population {
        var guild: [GuildMember] = []
        var accounts: [LinkedAccount] = []
        var clubMembers: [Member] = []
        var roster: [RosterRecord] = []
        var expected: [Snowflake: SyncOutcome.Kind] = [:]
        var suggestions: [Snowflake: String] = [:]
    }

    static let now = Date(timeIntervalSince1970: 1_796_000_000)
    static let earlier = now.addingTimeInterval(-30 * 86400)

    static func user(_ index: Int) -> Snowflake { Snowflake(1_300_000_000_000_000_000 + UInt64(index)) }

    /// 1,000 guild members: 500 linked and new, 150 linked and already on the roster, 100 on
    /// the platform's member list, 40 returning, 120 unlinked (60 with a near-name account
    /// that belongs to someone not in the guild), 30 whose Discord id is linked twice, 20
    /// claimed by two platform members, 40 bots; plus 60 roster members who left.
    static func population() -> Population {
        var p = Population()
        var index = 0
        func member(_ name: String, bot: Bool = false) -> (Snowflake, GuildMember) {
            defer { index += 1 }
            let id = user(index)
            return (id, GuildMember(user: User(id: id, username: name.lowercased().replacingOccurrences(of: " ", with: "_"), globalName: name, bot: bot)))
        }
        for n in 0..<500 {
            let (id, m) = member("New Driver \(n)")
            p.guild.append(m)
            p.accounts.append(LinkedAccount(id: "acc-new-\(n)", displayName: "New Driver \(n)", discordUserID: id))
            p.expected[id] = .created
        }
        for n in 0..<150 {
            let (id, m) = member("Regular \(n)")
            p.guild.append(m)
            p.accounts.append(LinkedAccount(id: "acc-reg-\(n)", displayName: "Regular \(n)", discordUserID: id))
            p.roster.append(RosterRecord(accountID: "acc-reg-\(n)", discordUserID: id, displayName: "Regular \(n)",
                                         status: .active, since: earlier, via: .scheduled))
            p.expected[id] = .kept
        }
        for n in 0..<100 {
            let (id, m) = member("Platform \(n)")
            p.guild.append(m)
            p.accounts.append(LinkedAccount(id: "acc-plat-\(n)", displayName: "Platform \(n)", discordUserID: id))
            p.clubMembers.append(Member(id: "m-plat-\(n)", displayName: "Platform \(n)", discordUserID: id))
            p.expected[id] = .kept
        }
        for n in 0..<40 {
            let (id, m) = member("Returning \(n)")
            p.guild.append(m)
            p.accounts.append(LinkedAccount(id: "acc-ret-\(n)", displayName: "Returning \(n)", discordUserID: id))
            p.roster.append(RosterRecord(accountID: "acc-ret-\(n)", discordUserID: id, displayName: "Returning \(n)",
                                         status: .left, since: earlier, via: .manual, leftAt: earlier))
            p.expected[id] = .reactivated
        }
        for n in 0..<120 {
            // Near names start with "Visitor"; the others ("Guest …") are far from any account.
            let name = n < 60 ? "Visitor \(String(UnicodeScalar(UInt8(65 + n % 26))))\(n)" : "Guest \(n)"
            let (id, m) = member(name)
            p.guild.append(m)
            if n < 60 {
                // An account with a near name ("visitr" typo, accent) linked to someone else.
                let other = user(10_000 + n)
                p.accounts.append(LinkedAccount(id: "acc-near-\(n)", displayName: name.replacingOccurrences(of: "Visitor", with: "Visítr"), discordUserID: other))
                p.suggestions[id] = "acc-near-\(n)"
            }
            p.expected[id] = .unlinked
        }
        for n in 0..<30 {
            let (id, m) = member("Twice \(n)")
            p.guild.append(m)
            p.accounts.append(LinkedAccount(id: "acc-tw-a-\(n)", displayName: "Twice \(n)", discordUserID: id))
            p.accounts.append(LinkedAccount(id: "acc-tw-b-\(n)", displayName: "Twice \(n) (alt)", discordUserID: id))
            p.expected[id] = .conflict
        }
        for n in 0..<20 {
            let (id, m) = member("Claimed \(n)")
            p.guild.append(m)
            p.accounts.append(LinkedAccount(id: "acc-cl-\(n)", displayName: "Claimed \(n)", discordUserID: id))
            p.clubMembers.append(Member(id: "m-cl-a-\(n)", displayName: "Claimed \(n)", discordUserID: id))
            p.clubMembers.append(Member(id: "m-cl-b-\(n)", displayName: "Claimed twin \(n)", discordUserID: id))
            p.expected[id] = .conflict
        }
        for n in 0..<40 {
            let (id, m) = member("Bot \(n)", bot: true)
            p.guild.append(m)
            p.expected[id] = .bot
        }
        for n in 0..<60 {
            let id = user(20_000 + n)
            p.accounts.append(LinkedAccount(id: "acc-gone-\(n)", displayName: "Gone \(n)", discordUserID: id))
            p.roster.append(RosterRecord(accountID: "acc-gone-\(n)", discordUserID: id, displayName: "Gone \(n)",
                                         status: .active, since: earlier, via: .scheduled))
            p.expected[id] = .deactivated
        }
        // Discord lists members by id; scramble the order deterministically so it never matters.
        p.guild.sort { ($0.user!.id.rawValue &* 0x9E37_79B9_7F4A_7C15) < ($1.user!.id.rawValue &* 0x9E37_79B9_7F4A_7C15) }
        return p
    }

    @Test func everyPersonGetsTheLabelledOutcome() {
        let p = Self.population()
        #expect(p.guild.count == 1000)
        let result = MemberMatcher.sync(guildMembers: p.guild, accounts: p.accounts, clubMembers: p.clubMembers,
                                        roster: p.roster, trigger: .scheduled, now: Self.now, forgetLeftAfter: 180 * 86400)
        let got = Dictionary(result.outcomes.map { ($0.discordUserID, $0.kind) }, uniquingKeysWith: { first, _ in first })
        let correct = p.expected.filter { got[$0.key] == $0.value }.count
        let accuracy = Double(correct) / Double(p.expected.count)
        #expect(accuracy == 1.0, "accuracy \(accuracy): wrong \(p.expected.filter { got[$0.key] != $0.value }.prefix(5))")
        #expect(result.outcomes.count == p.expected.count, "one outcome per person")
        let c = result.counts
        #expect(c.created == 500 && c.reactivated == 40 && c.deactivated == 60)
        #expect(c.matched == 500 + 150 + 100 + 40 && c.unlinked == 120 && c.conflicts == 50 && c.bots == 40)
        // Suggestions: exactly the near names, never a link.
        let suggested = Dictionary(result.outcomes.compactMap { o in o.suggestedAccount.map { (o.discordUserID, $0) } },
                                   uniquingKeysWith: { first, _ in first })
        #expect(suggested == p.suggestions)
        #expect(!result.roster.contains { $0.accountID.hasPrefix("acc-near") || $0.accountID.hasPrefix("acc-tw") || $0.accountID.hasPrefix("acc-cl") },
                "conflicts and suggestions never create a member")
    }

    @Test func aSecondSyncChangesNothingAndNamesAreNeverUsedToLink() {
        let p = Self.population()
        let first = MemberMatcher.sync(guildMembers: p.guild, accounts: p.accounts, clubMembers: p.clubMembers,
                                       roster: p.roster, trigger: .manual, now: Self.now, forgetLeftAfter: 180 * 86400)
        let second = MemberMatcher.sync(guildMembers: p.guild, accounts: p.accounts, clubMembers: p.clubMembers,
                                        roster: first.roster, trigger: .manual, now: Self.now.addingTimeInterval(3600),
                                        forgetLeftAfter: 180 * 86400)
        #expect(second.counts.created == 0 && second.counts.reactivated == 0 && second.counts.deactivated == 0)
        #expect(second.roster == first.roster)
        #expect(first.roster.filter { $0.via == .manual && $0.since == Self.now }.count == 500 + 40,
                "how and when each member was added or came back is recorded")
    }

    @Test func joinAndLeaveBetweenSyncsAreReflectedAndOldDeparturesForgotten() {
        let alice = LinkedAccount(id: "alice", displayName: "Alice", discordUserID: 11)
        let bob = LinkedAccount(id: "bob", displayName: "Bob", discordUserID: 12)
        let members = [GuildMember(user: User(id: 11, username: "alice"))]
        let first = MemberMatcher.sync(guildMembers: members, accounts: [alice, bob], clubMembers: [], roster: [],
                                       trigger: .scheduled, now: Self.now, forgetLeftAfter: 86400)
        #expect(first.roster.map(\.accountID) == ["alice"])
        // Bob joins, Alice leaves.
        let second = MemberMatcher.sync(guildMembers: [GuildMember(user: User(id: 12, username: "bob"))], accounts: [alice, bob],
                                        clubMembers: [], roster: first.roster, trigger: .onJoin,
                                        now: Self.now.addingTimeInterval(60), forgetLeftAfter: 86400)
        #expect(second.roster.first { $0.accountID == "bob" }?.via == .onJoin)
        #expect(second.roster.first { $0.accountID == "alice" }?.status == .left)
        // Two days later Alice's record is forgotten (retention one day).
        let third = MemberMatcher.sync(guildMembers: [GuildMember(user: User(id: 12, username: "bob"))], accounts: [alice, bob],
                                       clubMembers: [], roster: second.roster, trigger: .scheduled,
                                       now: Self.now.addingTimeInterval(2 * 86400), forgetLeftAfter: 86400)
        #expect(third.roster.map(\.accountID) == ["bob"] && third.counts.forgotten == 1)
    }
}
