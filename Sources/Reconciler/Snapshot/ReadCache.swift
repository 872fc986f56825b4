import DiscordTypes
import Foundation
import Planner

/// What the last snapshots read per channel (managed messages) and per thread (members),
/// kept by a long-lived `Reconciler` so a steady-state plan does not read them again.
///
/// An entry is used only while it is younger than `lifetime` and nothing we applied touched
/// its channel or thread since it was read (apply drops those entries). It therefore stands
/// for Discord's answer exactly as long as nobody else changed it: out-of-band deletions,
/// unpins and members leaving are noticed when the entry expires, or at once when a change
/// feed (the gateway) calls `invalidate`. See docs/architecture.md, "What a plan reads".
actor ReadCache {
    struct Entry<Value: Sendable>: Sendable {
        var value: Value
        var readAt: Date
    }

    let lifetime: TimeInterval
    private var members: [Snowflake: Entry<[Snowflake]>] = [:]
    private var messages: [Snowflake: Entry<[Message]>] = [:]

    init(lifetime: TimeInterval) { self.lifetime = lifetime }

    /// Thread members and channel messages still valid at `now`.
    func known(at now: Date) -> (members: [Snowflake: [Snowflake]], messages: [Snowflake: [Message]]) {
        guard lifetime > 0 else { return ([:], [:]) }
        let fresh = { (readAt: Date) in now.timeIntervalSince(readAt) < self.lifetime }
        return (members.filter { fresh($0.value.readAt) }.mapValues(\.value),
                messages.filter { fresh($0.value.readAt) }.mapValues(\.value))
    }

    /// Remembers what a snapshot read (entries it took from the cache keep their age).
    func remember(_ snapshot: GuildSnapshot, messageChannels: Set<Snowflake>, reused: SnapshotScope, at now: Date) {
        guard lifetime > 0 else { return }
        for (thread, users) in snapshot.threadMembers where reused.knownThreadMembers[thread] == nil {
            members[thread] = Entry(value: users, readAt: now)
        }
        let byChannel = Dictionary(grouping: snapshot.messages.values, by: \.channelID)
        for channel in messageChannels where reused.knownMessages[channel] == nil {
            messages[channel] = Entry(value: byChannel[channel] ?? [], readAt: now)
        }
    }

    /// Forgets what `plan`'s changes touched: their threads' members, their channels' messages.
    func forget(touchedBy plan: Plan) {
        for change in plan.changes { invalidate(Self.touched(change.operation)) }
    }

    /// Forgets everything read about `ids` (channels or threads).
    func invalidate(_ ids: [Snowflake]) {
        for id in ids {
            members[id] = nil
            messages[id] = nil
        }
    }

    static func touched(_ operation: DiscordCall) -> [Snowflake] {
        switch operation {
        case .modifyThread(let thread, _), .addThreadMember(let thread, _): [thread.existingID].compactMap { $0 }
        case .removeThreadMember(let thread, _): [thread]
        case .modifyChannel(let id, _), .deleteChannel(let id): [id]
        case .postMessage(let channel, _, _, _), .postAnnouncement(let channel, _, _), .pinMessage(let channel, _):
            [channel.existingID].compactMap { $0 }
        case .editMessage(let channel, _, _, _, _), .deleteMessage(let channel, _), .unpinMessage(let channel, _): [channel]
        // Member roles are in no cached channel or thread read: the snapshot's member pages
        // are read every time.
        case .grantRole, .revokeRole, .setMemberRoles: []
        default: []
        }
    }
}
