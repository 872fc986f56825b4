import DiscordTypes
import Foundation
import Planner
@testable import Reconciler
import Spec
import Testing

/// Settling the journal of a run that died between a create's request and its answer.
@Suite struct CrashRecoveryTests {
    let intentTime = Date(timeIntervalSince1970: 1_796_000_000)

    func entry(_ id: Int64, key: ResourceKey, action: String = "create", kind: ResourceKind, name: String,
               parent: Snowflake? = nil, type: Int? = nil) -> JournalEntry {
        JournalEntry(id: id, intent: JournalIntent(
            runID: "dead", guildID: 1, index: Int(id), key: key, action: action, kind: kind, summary: "s",
            method: "POST", route: "/x", name: name, parentID: parent, channelType: type, recordedAt: intentTime))
    }

    func snapshot(channels: [Channel] = [], roles: [Role] = [], threads: [Channel] = []) -> GuildSnapshot {
        GuildSnapshot(guildID: 1, channels: channels, roles: roles, threads: threads, botUserID: 9)
    }

    /// An announcement posted just before the process died is recorded as sent (at the
    /// journalled revision), never owned, so the next plan does not post it again; one that
    /// never reached Discord stays unrecorded, to be sent if its window is still open.
    @Test func aLostAnnouncementIsRecordedAsSentNotPostedTwice() {
        let posted = Message(id: Snowflake(at: intentTime.addingTimeInterval(1)), channelID: 7,
                             author: User(id: 9, username: "bot"), content: "Stint 2 for Red")
        var sent = entry(1, key: "alert", action: "post", kind: .announcement, name: "Stint 2 for Red", parent: 7)
        sent.intent.revision = "ann@1"
        let lost = entry(2, key: "other", action: "post", kind: .announcement, name: "Stint 3 for Red", parent: 7)
        let resolution = CrashRecovery().resolve(pending: [sent, lost], snapshot: snapshot(), ownership: Ownership(),
                                                 recentMessages: [7: [posted]])
        #expect(resolution.effects == [.announced(SentAlert(key: "alert", sentAt: intentTime, messageID: posted.id,
                                                            revision: "ann@1"))])
        #expect(resolution.adopted.isEmpty)
        #expect(resolution.notes[2]?.contains("may be sent again") == true)
    }

    @Test func aCreateThatHappenedIsAdoptedOnce() {
        let made = Snowflake(at: intentTime.addingTimeInterval(1))
        let old = Snowflake(at: intentTime.addingTimeInterval(-86_400))  // a hand-made namesake from yesterday
        let live = snapshot(
            channels: [Channel(id: old, type: .guildText, name: "signup", parentID: 5),
                       Channel(id: made, type: .guildText, name: "signup", parentID: 5)],
            roles: [Role(id: Snowflake(at: intentTime.addingTimeInterval(2)), name: "Team", position: 1)])
        let pending = [
            entry(1, key: "text", kind: .text, name: "signup", parent: 5, type: 0),
            entry(2, key: "role", kind: .role, name: "Team"),
            entry(3, key: "gone", kind: .voice, name: "never-made", parent: 5, type: 2),
            entry(4, key: "role", action: "grant", kind: .role, name: "Team"),
        ]
        let resolution = CrashRecovery().resolve(pending: pending, snapshot: live, ownership: Ownership())
        #expect(resolution.adopted["text"] == made)
        #expect(resolution.adopted["role"] != nil)
        #expect(resolution.adopted["gone"] == nil)
        #expect(resolution.notes.count == 4)
        #expect(resolution.notes[3]?.contains("planned again") == true)
    }

    @Test func aLostScheduledEventCreateAdoptsTheBotsOwnEventNotAnAdminsNamesake() {
        let made = Snowflake(at: intentTime.addingTimeInterval(1))
        let admins = Snowflake(at: intentTime.addingTimeInterval(2))
        let start = intentTime.addingTimeInterval(86_400)
        var live = snapshot()
        live.scheduledEvents = [
            ScheduledEvent(id: admins, creatorID: 4, name: "Spa 6 Hours", scheduledStartTime: start, location: "Spa"),
            ScheduledEvent(id: made, creatorID: 9, name: "Spa 6 Hours", scheduledStartTime: start, location: "Spa"),
        ]
        let resolution = CrashRecovery().resolve(
            pending: [entry(1, key: "spa/scheduled-event", kind: .scheduledEvent, name: "Spa 6 Hours")],
            snapshot: live, ownership: Ownership())
        #expect(resolution.adopted["spa/scheduled-event"] == made)
    }

    @Test func ownedResourcesAndOwnedKeysAreNeverAdoptedAgain() {
        let made = Snowflake(at: intentTime.addingTimeInterval(1))
        let live = snapshot(channels: [Channel(id: made, type: .guildVoice, name: "v", parentID: 5)])
        var ownership = Ownership()
        ownership["other"] = OwnershipEntry(id: made, kind: .voice)
        let resolution = CrashRecovery().resolve(
            pending: [entry(1, key: "voice", kind: .voice, name: "v", parent: 5, type: 2)],
            snapshot: live, ownership: ownership)
        #expect(resolution.adopted.isEmpty)
        #expect(resolution.effects.isEmpty)
    }

    @Test func aLostMessagePostIsFoundAmongTheBotsRecentMessages() {
        let channel: Snowflake = 77
        let posted = Message(id: Snowflake(at: intentTime.addingTimeInterval(1)), channelID: channel,
                             author: User(id: 9, username: "bot"), content: "hello")
        let someoneElse = Message(id: Snowflake(at: intentTime.addingTimeInterval(2)), channelID: channel,
                                  author: User(id: 10, username: "human"), content: "hello")
        let resolution = CrashRecovery().resolve(
            pending: [entry(1, key: "msg", action: "post", kind: .message, name: "hello", parent: channel)],
            snapshot: snapshot(), ownership: Ownership(), recentMessages: [channel: [someoneElse, posted]])
        #expect(resolution.adopted["msg"] == posted.id)
        #expect(resolution.effects.contains(.message(ManagedMessage(
            key: "msg", channelID: channel, messageID: posted.id, updatedAt: intentTime))))
    }
}
