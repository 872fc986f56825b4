import DiscordTypes
import Planner
import Spec
import Testing

/// The pure checks `apply FILE` runs on a saved plan before any request.
@Suite struct SavedPlanAuditTests {
    let guild: Snowflake = 1_180_244_318_470_983_750
    var owned: Ownership {
        Ownership(entries: [
            "series/cup": OwnershipEntry(id: 500, kind: .category),
            "series/cup/event/a/signup": OwnershipEntry(id: 501, kind: .text),
            "series/cup/event/a/team/t/role": OwnershipEntry(id: 600, kind: .role),
        ])
    }
    var snapshot: GuildSnapshot {
        GuildSnapshot(guildID: guild, channels: [
            Channel(id: 500, type: .guildCategory, guildID: guild, name: "Cup", position: 0),
            Channel(id: 501, type: .guildText, guildID: guild, name: "a-signup", position: 1),
            Channel(id: 44, type: .guildText, guildID: guild, name: "rules", position: 2),
        ], roles: [Role(id: 600, name: "A · T", position: 1)], botUserID: 9)
    }

    func plan(_ change: Change) -> Plan { Plan(guildID: guild, changes: [change]) }

    @Test func anOperationMustTargetTheIdOwnedForItsOwnKey() {
        let honest = Change(index: 0, action: .delete, kind: .text, key: "series/cup/event/a/signup", name: "a-signup",
                            operation: .deleteChannel(id: 501))
        #expect(SavedPlanAudit.firstViolation(in: plan(honest), ownership: owned, snapshot: snapshot, policy: GuildPolicy()) == nil)
        var forged = honest
        forged.operation = .deleteChannel(id: 44)
        let violation = SavedPlanAudit.firstViolation(in: plan(forged), ownership: owned, snapshot: nil, policy: GuildPolicy())
        #expect(violation?.description.contains("targets 44, but the state store owns 501") == true, "\(String(describing: violation))")
        var wrongKind = honest
        wrongKind.operation = .deleteRole(id: 501)
        #expect(SavedPlanAudit.firstViolation(in: plan(wrongKind), ownership: owned, snapshot: nil, policy: GuildPolicy()) != nil)
        var unowned = honest
        unowned.key = "series/cup/event/zzz/signup"
        #expect(SavedPlanAudit.firstViolation(in: plan(unowned), ownership: owned, snapshot: nil, policy: GuildPolicy())?
            .problem.contains("owns nothing") == true)
        let adopt = Change(index: 0, action: .adopt, kind: .text, key: "series/cup/event/b/signup", name: "b",
                           operation: .adopt(key: "series/cup/event/a/signup", id: 44, kind: .text))
        #expect(SavedPlanAudit.firstViolation(in: plan(adopt), ownership: owned, snapshot: nil, policy: GuildPolicy())?
            .problem.contains("not its own key") == true)
    }

    @Test func aBatchedMemberChangeActsOnlyOnItsMemberAndOnOwnedRoles() {
        let honest = Change(index: 0, action: .update, kind: .member, key: .member(42), name: "user 42",
                            operation: .setMemberRoles(user: 42, add: [.existing(600)], remove: []))
        #expect(SavedPlanAudit.firstViolation(in: plan(honest), ownership: owned, snapshot: nil, policy: GuildPolicy()) == nil)
        var otherMember = honest
        otherMember.operation = .setMemberRoles(user: 43, add: [.existing(600)], remove: [])
        #expect(SavedPlanAudit.firstViolation(in: plan(otherMember), ownership: owned, snapshot: nil, policy: GuildPolicy())?
            .problem.contains("not of member/42") == true)
        var unownedRole = honest
        unownedRole.operation = .setMemberRoles(user: 42, add: [], remove: [600, 777])
        #expect(SavedPlanAudit.firstViolation(in: plan(unownedRole), ownership: owned, snapshot: nil, policy: GuildPolicy())?
            .problem.contains("role 777") == true)
        var notARole = honest
        notARole.operation = .setMemberRoles(user: 42, add: [.existing(501)], remove: [])
        #expect(SavedPlanAudit.firstViolation(in: plan(notARole), ownership: owned, snapshot: nil, policy: GuildPolicy()) != nil)
    }

    @Test func deletingAProtectedChannelOrRoleIsRefusedEvenIfOwned() {
        let delete = Change(index: 0, action: .delete, kind: .text, key: "series/cup/event/a/signup", name: "a-signup",
                            operation: .deleteChannel(id: 501))
        let byName = GuildPolicy(protect: [ProtectRule(kind: .channel, name: "a-signup")])
        #expect(SavedPlanAudit.firstViolation(in: plan(delete), ownership: owned, snapshot: snapshot, policy: byName)?
            .problem.contains("protected channel a-signup") == true)
        let byID = GuildPolicy(protect: [ProtectRule(kind: .role, id: 600)])
        let deleteRole = Change(index: 0, action: .delete, kind: .role, key: "series/cup/event/a/team/t/role", name: "A · T",
                                operation: .deleteRole(id: 600))
        #expect(SavedPlanAudit.firstViolation(in: plan(deleteRole), ownership: owned, snapshot: nil, policy: byID)?
            .problem.contains("protected role") == true, "by id: checked even without a snapshot")
    }

    @Test func aSavedPlanMustBeExactlyTheReDerivedOne() {
        let a = Change(index: 0, action: .update, kind: .text, key: "series/cup/event/a/signup", name: "a-signup",
                       operation: .modifyChannel(id: 501, ChannelUpdate(name: "a-signup")))
        #expect(SavedPlanAudit.firstDifference(saved: plan(a), fresh: plan(a)) == nil)
        var renamed = a
        renamed.operation = .modifyChannel(id: 501, ChannelUpdate(name: "pwned"))
        #expect(SavedPlanAudit.firstDifference(saved: plan(renamed), fresh: plan(a))?.problem.contains("its request") == true)
        #expect(SavedPlanAudit.firstDifference(saved: plan(a), fresh: Plan(guildID: guild))?.problem
            .contains("does not plan it") == true)
        #expect(SavedPlanAudit.firstDifference(saved: Plan(guildID: guild), fresh: plan(a))?.problem
            .contains("lacks it") == true)
    }
}
