import DiscordTypes
import Planner
import Spec
import Testing

/// Golden plans (text and JSON) for the situations an admin meets: a fresh guild, a
/// converged one, each kind of drift, adoption, archival and protection.
@Suite struct GoldenPlanTests {
    typealias F = ClubFixture

    private func golden(_ plan: Plan, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        Golden.check(PlanTextRenderer.render(plan), name, "plan.txt", sourceLocation: sourceLocation)
        Golden.check(PlanJSONRenderer.render(plan), name, "plan.json", sourceLocation: sourceLocation)
    }

    @Test func emptyGuildCreatesTheWholeLayout() throws {
        let plan = try F.diff(F.desired, F.emptyGuild)
        golden(plan, "empty-guild")
        Golden.check(PlanTextRenderer.render(plan, color: true), "empty-guild", "plan.ansi.txt")
        #expect(plan.summary[.create] == 8)
        #expect(plan.summary[.adopt] == 0)
        #expect(plan.summary[.delete] == 0)
    }

    @Test func convergedGuildHasNoChanges() throws {
        let (snapshot, ownership) = try F.converged()
        let plan = try F.diff(F.desired, snapshot, ownership)
        golden(plan, "converged")
        #expect(plan.isEmpty)
        #expect(PlanTextRenderer.render(plan).hasPrefix("No changes."))
    }

    @Test func deletedChannelIsCreatedAgain() throws {
        var (snapshot, ownership) = try F.converged()
        let id = try #require(ownership[F.signup]?.id)
        snapshot.channels.removeAll { $0.id == id }
        snapshot.threads.removeAll { $0.parentID == id }
        snapshot.messages = snapshot.messages.filter { $0.value.channelID != id && $0.value.channelID != ownership[F.alphaThread]?.id }
        let plan = try F.diff(F.desired, snapshot, ownership)
        golden(plan, "drift-deleted-channel")
        #expect(plan.changes.first { $0.key == F.signup }?.action == .create)
        #expect(plan.changes.first { $0.key == F.signup }?.reason == "deleted out of band")
    }

    @Test func renamedChannelIsRenamedBack() throws {
        var (snapshot, ownership) = try F.converged()
        snapshot.editChannel(F.announcements, ownership) { $0.name = "news" }
        let plan = try F.diff(F.desired, snapshot, ownership)
        golden(plan, "drift-renamed-channel")
        #expect(plan.changes.map(\.action) == [.update])
        #expect(plan.changes.first?.fields.map(\.name) == ["name"])
    }

    @Test func changedTopicIsRestored() throws {
        var (snapshot, ownership) = try F.converged()
        snapshot.editChannel(F.signup, ownership) { $0.topic = "closed!" }
        let plan = try F.diff(F.desired, snapshot, ownership)
        golden(plan, "drift-changed-topic")
        #expect(plan.changes.count == 1)
        #expect(plan.changes.first?.fields == [
            FieldChange(name: "topic", old: "closed!", new: "Sign up for the Spa 6 Hours", isText: true)])
    }

    @Test func editedOverwriteIsWrittenBackInOneAuthoritativeWrite() throws {
        var (snapshot, ownership) = try F.converged()
        snapshot.editChannel(F.raceVoice, ownership) { channel in
            channel.permissionOverwrites = channel.permissionOverwrites?.map { overwrite in
                var o = overwrite
                if o.id == F.guild { o.deny = .viewChannel }
                return o
            }
        }
        let plan = try F.diff(F.desired, snapshot, ownership)
        golden(plan, "drift-edited-overwrite")
        #expect(plan.changes.count == 1)
        guard case .modifyChannel(_, let update)? = plan.changes.first?.operation else {
            Issue.record("expected one modifyChannel")
            return
        }
        #expect(update.overwrites?.count == 3)  // @everyone, the team role, the bot (BotAccess)
        #expect(update.name == nil && update.topic == nil && update.parent == nil)
    }

    @Test func extraMemberInTeamRoleIsRevoked() throws {
        var (snapshot, ownership) = try F.converged()
        let alpha = try #require(ownership[F.alphaRole]?.id)
        snapshot.editMember(F.dave) { $0.roles.append(alpha) }
        let plan = try F.diff(F.desired, snapshot, ownership)
        golden(plan, "drift-extra-role-member")
        #expect(plan.changes.map(\.operation) == [.revokeRole(user: F.dave, role: alpha)])
    }

    @Test func memberRemovedFromThreadIsAddedBack() throws {
        var (snapshot, ownership) = try F.converged()
        let thread = try #require(ownership[F.alphaThread]?.id)
        snapshot.threadMembers[thread]?.removeAll { $0 == F.bob }
        let plan = try F.diff(F.desired, snapshot, ownership)
        golden(plan, "drift-thread-member-removed")
        #expect(plan.changes.map(\.operation) == [.addThreadMember(thread: .existing(thread), user: F.bob)])
    }

    @Test func movedChannelIsReorderedWithOneBulkChange() throws {
        var (snapshot, ownership) = try F.converged()
        // Swap the two text channels of the category: relative order differs.
        snapshot.editChannel(F.announcements, ownership) { $0.position = 7 }
        snapshot.editChannel(F.signup, ownership) { $0.position = 3 }
        let plan = try F.diff(F.desired, snapshot, ownership)
        golden(plan, "drift-moved-channel")
        #expect(plan.changes.map(\.action) == [.move])
        #expect(plan.requestCount == 1)
    }

    @Test func renumberedPositionsWithTheSameOrderAreNotAChange() throws {
        var (snapshot, ownership) = try F.converged()
        snapshot.editChannel(F.announcements, ownership) { $0.position = 40 }
        snapshot.editChannel(F.signup, ownership) { $0.position = 41 }
        #expect(try F.diff(F.desired, snapshot, ownership).isEmpty)
    }

    @Test func channelMovedToAnotherParentIsMovedBackThroughItsParent() throws {
        var (snapshot, ownership) = try F.converged()
        snapshot.editChannel(F.announcements, ownership) { $0.parentID = 2002 }
        let plan = try F.diff(F.desired, snapshot, ownership)
        golden(plan, "drift-reparented-channel")
        guard case .modifyChannel(_, let update)? = plan.changes.first?.operation else {
            Issue.record("expected a modifyChannel first")
            return
        }
        #expect(update.parent == .category(.existing(try #require(ownership[F.category]?.id))))
    }

    @Test func handMadeLayoutIsAdoptedNotDuplicated() throws {
        var snapshot = F.emptyGuild
        snapshot.roles.append(Role(id: 3001, name: "GT3 Cup", color: 0x3498DB, hoist: true, position: 3))
        snapshot.channels += [
            Channel(id: 3002, type: .guildCategory, guildID: F.guild, name: "GT3 Cup", position: 1),
            Channel(id: 3003, type: .guildText, guildID: F.guild, name: "announcements", topic: "News",
                    position: 0, parentID: 3002),
            // Same name, other parent: not a match.
            Channel(id: 3004, type: .guildText, guildID: F.guild, name: "spa-6h-signup", position: 1),
        ]
        snapshot.editMember(F.alice) { $0.roles.append(3001) }
        let plan = try F.diff(F.desired, snapshot)
        golden(plan, "adopt-hand-made")
        let adopted = plan.changes.filter { $0.action == .adopt }.map(\.key)
        #expect(adopted == [F.seriesRole, F.category, F.announcements])
        #expect(!plan.changes.contains { $0.operation == .deleteChannel(id: 3004) })
        #expect(!plan.changes.contains { change in
            if case .createChannel(let new) = change.operation { return new.name == "GT3 Cup" || new.name == "announcements" }
            return false
        })
    }

    @Test func archivalMovesTextReadOnlyAndArchivesThreads() throws {
        let (snapshot, ownership) = try F.converged()
        var archived = F.desired
        archived.roles.removeAll { $0.key == F.alphaRole }
        archived.channels.removeAll { $0.key == F.raceVoice }
        for i in archived.channels.indices where archived.channels[i].kind == .text {
            archived.channels[i].parent = F.archive
            archived.channels[i].overwrites = [DesiredOverwrite(target: .everyone, deny: .sendMessages)]
        }
        archived.threads[0].archived = true
        archived.threads[0].locked = true
        archived.messages = []
        let plan = try F.diff(archived, snapshot, ownership)
        golden(plan, "archival")
        #expect(plan.summary[.archive] == 3)
        #expect(plan.summary[.delete] == 2)
        let after = PlanSimulator.apply(plan, to: snapshot, ownership: ownership)
        #expect(try F.diff(archived, after.0, after.1).isEmpty)
    }

    @Test func protectedResourcesAreLeftAlone() throws {
        var (snapshot, ownership) = try F.converged()
        snapshot.editChannel(F.announcements, ownership) { $0.topic = "hand-edited" }
        var desired = F.desired
        let seriesRoleID = try #require(ownership[F.seriesRole]?.id)
        desired.policy.protect = [
            ProtectRule(kind: .channel, name: "announcements"),
            ProtectRule(kind: .role, id: seriesRoleID),
        ]
        desired.roles.removeAll { $0.key == F.seriesRole }
        desired.channels[0].overwrites.removeAll { $0.target == .managedRole(F.seriesRole) }
        let plan = try F.diff(desired, snapshot, ownership)
        golden(plan, "protected")
        #expect(!plan.changes.contains { $0.key == F.announcements })
        #expect(!plan.changes.contains { $0.operation == .deleteRole(id: seriesRoleID) })
        #expect(plan.warnings.count == 2)
    }
}
