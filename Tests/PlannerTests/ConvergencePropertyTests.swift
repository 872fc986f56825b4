import DiscordTypes
import Planner
import Spec
import Testing

/// Properties over generated clubs and guilds (seeded, with unmanaged junk and drift):
/// applying a plan in memory and diffing again gives an empty plan; no change touches a
/// resource that is neither owned nor adopted; every created id is produced before use;
/// the diff is deterministic and independent of the snapshot's array order.
@Suite struct ConvergencePropertyTests {
    static let seeds: [UInt64] = Array(1...150)

    private func diff(_ desired: DesiredGuild, _ snapshot: GuildSnapshot, _ ownership: Ownership) throws -> Plan {
        let plan = try Planner.diff(desired: desired, snapshot: snapshot, ownership: ownership,
                                    options: PlanOptions(allowDestroy: true))
        // Every plan the planner makes passes the checks `apply FILE` runs on saved plans.
        let violation = SavedPlanAudit.firstViolation(in: plan, ownership: ownership, snapshot: snapshot,
                                                      policy: desired.policy)
        #expect(violation == nil, "\(String(describing: violation))")
        return plan
    }

    @Test(arguments: seeds)
    func planThenApplyConverges(seed: UInt64) throws {
        var generator = ClubGenerator(seed: seed)
        let guild = generator.junkGuild()
        let first = generator.desired()
        // First contact: adopt or create everything.
        let plan1 = try diff(first, guild, Ownership())
        try checkInvariants(plan1, guild, Ownership(), seed: seed)
        var (live, owned) = PlanSimulator.apply(plan1, to: guild, ownership: Ownership())
        #expect(try diff(first, live, owned).isEmpty, "seed \(seed): not converged after first apply")
        #expect(DesiredStateOracle(desired: first, snapshot: live, ownership: owned).mismatches() == [],
                "seed \(seed): guild does not match the layout after the first apply")

        // Drift out of band and a changed layout; one plan repairs both.
        generator.drift(&live)
        let second = generator.evolve(first)
        let plan2 = try diff(second, live, owned)
        try checkInvariants(plan2, live, owned, seed: seed)
        (live, owned) = PlanSimulator.apply(plan2, to: live, ownership: owned)
        let again = try diff(second, live, owned)
        #expect(DesiredStateOracle(desired: second, snapshot: live, ownership: owned).mismatches() == [],
                "seed \(seed): guild does not match the layout after the repair")
        #expect(again.isEmpty, "seed \(seed): not converged after drift:\n\(PlanTextRenderer.render(again))")
    }

    @Test(arguments: seeds.prefix(60))
    func diffIsDeterministicAndOrderIndependent(seed: UInt64) throws {
        var generator = ClubGenerator(seed: seed)
        let guild = generator.junkGuild()
        let desired = generator.desired()
        let (applied, owned) = PlanSimulator.apply(try diff(desired, guild, Ownership()), to: guild, ownership: Ownership())
        var live = applied
        generator.drift(&live)
        let evolved = generator.evolve(desired)
        let plan = try diff(evolved, live, owned)
        #expect(try diff(evolved, live, owned) == plan)
        var shuffled = live
        var rng = SplitMix64(seed: seed &* 31)
        shuffled.channels.shuffle(using: &rng)
        shuffled.roles.shuffle(using: &rng)
        shuffled.members.shuffle(using: &rng)
        shuffled.threads.shuffle(using: &rng)
        #expect(try diff(evolved, shuffled, owned) == plan, "seed \(seed): plan depends on snapshot order")
        #expect(PlanJSONRenderer.render(try diff(evolved, shuffled, owned)) == PlanJSONRenderer.render(plan))
    }

    /// Ordering and ownership invariants of one plan.
    private func checkInvariants(_ plan: Plan, _ snapshot: GuildSnapshot, _ ownership: Ownership, seed: UInt64) throws {
        var touchable = Set(ownership.entries.values.map(\.id))
        var created: [ResourceKey: Int] = [:]
        for change in plan.changes {
            #expect(change.dependencies.allSatisfy { $0 < change.index }, "seed \(seed): dependency after change")
            for key in change.operation.createdRefs {
                let creator = try #require(created[key], "seed \(seed): \(key) used before it is created")
                #expect(change.dependencies.contains(creator), "seed \(seed): missing dependency on create of \(key)")
            }
            switch change.operation {
            case .adopt(_, let id, _, _):
                #expect(!touchable.contains(id), "seed \(seed): adopting an owned resource")
                touchable.insert(id)
            case .createRole, .createChannel, .createThread, .postMessage, .postAnnouncement:
                created[change.key] = change.index
            default:
                break
            }
            for id in subjects(change.operation) {
                #expect(touchable.contains(id), "seed \(seed): change \(change.index) touches unmanaged \(id)")
            }
        }
        #expect(plan.changes.filter { $0.kind == .guild }.count <= 1, "seed \(seed): more than one position change")
    }

    /// The existing resources an operation changes or writes into.
    private func subjects(_ operation: DiscordCall) -> [Snowflake] {
        switch operation {
        case .modifyRole(let id, _), .deleteRole(let id), .modifyChannel(let id, _), .deleteChannel(let id):
            [id]
        case .channelPositions(let entries): entries.compactMap(\.channel.existingID)
        case .createChannel(let new): [new.parent?.existingID].compactMap { $0 }
        case .createThread(let parent, _, _, _): [parent.existingID].compactMap { $0 }
        case .modifyThread(let thread, _), .addThreadMember(let thread, _): [thread.existingID].compactMap { $0 }
        case .removeThreadMember(let thread, _): [thread]
        case .grantRole(_, let role): [role.existingID].compactMap { $0 }
        case .revokeRole(_, let role): [role]
        case .setMemberRoles(_, let add, let remove): add.compactMap(\.existingID) + remove
        case .postMessage(let channel, _, _, _), .postAnnouncement(let channel, _, _): [channel.existingID].compactMap { $0 }
        case .editMessage(_, let message, _, _, _), .deleteMessage(_, let message), .unpinMessage(_, let message):
            [message]
        case .pinMessage(_, let message): [message.existingID].compactMap { $0 }
        case .modifyScheduledEvent(let id, _), .deleteScheduledEvent(let id): [id]
        case .createRole, .createScheduledEvent, .adopt: []
        }
    }
}
