import DiscordTypes
import Planner
import Spec
import Testing

/// Refusals: destroying too much, and changes the role hierarchy forbids.
@Suite struct SafetyTests {
    typealias F = ClubFixture

    private var everythingRemoved: DesiredGuild {
        var desired = DesiredGuild(guildID: F.guild)
        desired.policy.orphans = OrphanPolicy(
            textChannels: .remove, voiceChannels: .remove, categories: .remove, roles: .remove,
            threads: .remove, messages: .remove)
        return desired
    }

    @Test func destroyingMoreThanTheThresholdIsRefused() throws {
        let (snapshot, ownership) = try F.converged()
        #expect(throws: PlanRefusal.destroyThreshold(deleting: 9, managed: 9, maxFraction: 0.5)) {
            try F.diff(everythingRemoved, snapshot, ownership)
        }
        do {
            _ = try F.diff(everythingRemoved, snapshot, ownership)
        } catch {
            Golden.check(error.description + "\n", "refusal-destroy-threshold", "refusal.txt")
        }
    }

    @Test func allowDestroyLetsTheSamePlanThroughChildrenFirst() throws {
        let (snapshot, ownership) = try F.converged()
        let plan = try F.diff(everythingRemoved, snapshot, ownership, allowDestroy: true)
        Golden.check(PlanTextRenderer.render(plan), "destroy-all", "plan.txt")
        #expect(plan.summary[.delete] == 9)
        let kinds = plan.changes.map(\.kind)
        #expect(kinds == [.message, .thread, .text, .text, .voice, .category, .category, .role, .role])
        let category = try #require(plan.changes.first { $0.key == F.category })
        #expect(category.dependencies.count == 3, "the category waits for its three children")
    }

    @Test func retiredDeletionsDoNotCountTowardsTheThreshold() throws {
        let (snapshot, ownership) = try F.converged()
        var desired = everythingRemoved
        desired.retired = Array(ownership.entries.keys)
        let plan = try F.diff(desired, snapshot, ownership)
        #expect(plan.summary[.delete] == 9, "a scheduled lifecycle end is not refused")
        desired.retired.removeAll { $0 == F.category }
        desired.retired.removeAll { $0 == F.raceVoice }
        #expect(try F.diff(desired, snapshot, ownership).summary[.delete] == 9,
                "two unscheduled deletes of nine stay under the threshold")
    }

    @Test func deletesUnderTheThresholdAreNotRefused() throws {
        let (snapshot, ownership) = try F.converged()
        var desired = F.desired
        desired.channels.removeAll { $0.key == F.raceVoice }
        let plan = try F.diff(desired, snapshot, ownership)
        #expect(plan.changes.map(\.operation) == [.deleteChannel(id: try #require(ownership[F.raceVoice]?.id))])
    }

    @Test func retiredResourcesAreDeletedEvenWhenOrphansAreKept() throws {
        let (snapshot, ownership) = try F.converged()
        var desired = F.desired
        desired.channels.removeAll { $0.key == F.announcements }
        #expect(try F.diff(desired, snapshot, ownership).isEmpty, "text channels are kept by default")
        desired.retired = [F.announcements]
        let plan = try F.diff(desired, snapshot, ownership)
        #expect(plan.changes.map(\.action) == [.delete])
        #expect(plan.changes.first?.reason == "retired")
        #expect(plan.changes.first?.ownership == .forget(F.announcements))
    }

    @Test func rolesAtOrAboveTheBotAreRefusedWithTheReason() throws {
        var (snapshot, ownership) = try F.converged()
        let alpha = try #require(ownership[F.alphaRole]?.id)
        let i = try #require(snapshot.roles.firstIndex { $0.id == alpha })
        snapshot.roles[i].position = 13
        snapshot.roles[i].name = "renamed by hand"
        snapshot.editMember(F.dave) { $0.roles.append(alpha) }
        do {
            _ = try F.diff(F.desired, snapshot, ownership)
            Issue.record("expected a hierarchy refusal")
        } catch {
            guard case .roleHierarchy(let problems) = error else {
                Issue.record("expected a hierarchy refusal, got \(error)")
                return
            }
            #expect(problems.map(\.key) == [F.alphaRole])
            #expect(problems.first?.rolePosition == 13)
            #expect(problems.first?.botHighestPosition == 12)
            Golden.check(error.description + "\n", "refusal-hierarchy", "refusal.txt")
        }
    }

    @Test func theGuildOwnerBotIsNotLimitedByTheHierarchy() throws {
        var (snapshot, ownership) = try F.converged()
        let alpha = try #require(ownership[F.alphaRole]?.id)
        let i = try #require(snapshot.roles.firstIndex { $0.id == alpha })
        snapshot.roles[i].position = 13
        snapshot.roles[i].name = "renamed by hand"
        snapshot.ownerID = F.bot
        #expect(try F.diff(F.desired, snapshot, ownership).changes.count == 1)
    }
}

/// A layout that would lock the bot out of a channel it manages is refused, never applied.
@Suite struct BotLockoutTests {
    typealias F = ClubFixture

    @Test func aLayoutLockingTheBotOutIsRefusedNamingChannelAndBits() throws {
        do {
            _ = try F.diff(F.layout, F.emptyGuild)
            Issue.record("expected a lock-out refusal")
        } catch {
            guard case .botLockedOut(let problems, let bot) = error else {
                Issue.record("expected a lock-out refusal, got \(error)")
                return
            }
            #expect(bot == F.bot)
            let voice = try #require(problems.first { $0.key == F.raceVoice })
            // No CONNECT in a voice channel: Discord also takes MANAGE_CHANNELS and MANAGE_ROLES.
            #expect(voice.missing == [.viewChannel, .manageChannels, .connect, .manageRoles])
            #expect(problems.map(\.key).contains(F.category))
            #expect(error.description.contains("#Spa 6h · Alpha race"))
            #expect(error.description.contains("CONNECT"))
        }
    }

    @Test func theSameLayoutWithBotAccessEnsuredPlans() throws {
        let plan = try F.diff(F.desired, F.emptyGuild)
        #expect(!plan.isEmpty)
        let voice = try #require(plan.changes.first { $0.key == F.raceVoice })
        guard case .createChannel(let new) = voice.operation else {
            Issue.record("expected a create, got \(voice.operation)")
            return
        }
        #expect(new.overwrites.contains(RefOverwrite(
            target: .existing(F.bot), type: .member, allow: [.viewChannel, .manageChannels, .connect], deny: [])))
    }

    @Test func aRoleTheBotHoldsDenyingItIsRefusedEvenWithTheBotOverwrite() throws {
        // An unmanaged role the bot holds denies MANAGE_ROLES in the race voice channel:
        // only an administrator could allow it back in an overwrite, so the plan is refused.
        var layout = F.desired
        let i = try #require(layout.channels.firstIndex { $0.key == F.raceVoice })
        layout.channels[i].overwrites.append(DesiredOverwrite(target: .role(F.botRole), deny: .manageRoles))
        #expect(throws: PlanRefusal.self) { try F.diff(layout, F.emptyGuild) }
    }
}
