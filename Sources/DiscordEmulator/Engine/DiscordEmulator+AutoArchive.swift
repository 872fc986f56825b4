import DiscordTypes
import Foundation

/// Thread auto-archive on the emulator's clock [channel.mdx: Thread Metadata
/// `auto_archive_duration`; topics/threads.mdx]: an active thread with no activity for
/// `auto_archive_duration` minutes is archived, `archive_timestamp` set to the instant it
/// became due and `locked` left as it was. Activity is the thread's creation, its last
/// message and its last archive-state change (an unarchive restarts the count). Applied
/// lazily whenever state is read or written, so a test that advances its `ManualTime`
/// sees archived threads on its next request or inspection.
extension DiscordEmulator {
    /// Turns thread auto-archive on (the default) or off, for tests that need threads to
    /// stay active while time passes.
    public func setThreadAutoArchive(_ enabled: Bool) {
        autoArchiveThreads = enabled
    }

    /// Archives every active thread that has been quiet for its `auto_archive_duration`.
    func archiveQuietThreads(now: Date) {
        guard autoArchiveThreads else { return }
        var changed = false
        for (guildID, guild) in state.guilds {
            for thread in guild.channels.values where thread.isThread && !thread.archived {
                guard let lastActivity = Self.lastActivity(of: thread) else { continue }
                let due = lastActivity.addingTimeInterval(TimeInterval(thread.autoArchiveDuration) * 60)
                guard due <= now else { continue }
                state.guilds[guildID]!.channels[thread.id]!.archived = true
                state.guilds[guildID]!.channels[thread.id]!.archiveTimestamp = due
                changed = true
            }
        }
        if changed { saveQuietly() }
    }

    /// The latest of the thread's creation, last message and last archive-state change.
    static func lastActivity(of thread: EmulatedChannel) -> Date? {
        [thread.createTimestamp, thread.lastMessageID?.timestamp, thread.archiveTimestamp].compactMap { $0 }.max()
    }
}
