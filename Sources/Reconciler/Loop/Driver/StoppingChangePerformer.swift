import DiscordTypes
import Planner

/// Wraps the performer of one daemon pass so that, once the daemon is stopping, changes not
/// yet sent are refused before any request: the changes in flight finish and are journalled
/// normally, the rest are journalled as not done (`DaemonStopping`) and the next start
/// plans them again. Nothing is left half-known, so nothing can be duplicated.
public struct StoppingChangePerformer: ChangePerformer {
    public let base: any ChangePerformer
    public let stop: StopSignal

    public init(base: any ChangePerformer, stop: StopSignal) {
        self.base = base
        self.stop = stop
    }

    public func perform(_ operation: DiscordCall, change: Change, guildID: Snowflake) async throws -> PerformedChange {
        if stop.isStopRequested { throw DaemonStopping() }
        return try await base.perform(operation, change: change, guildID: guildID)
    }
}

/// A change the daemon did not send because it is shutting down; the next pass plans it again.
public struct DaemonStopping: Error, Hashable, Sendable, CustomStringConvertible {
    public init() {}
    public var description: String { "not sent: the daemon is shutting down; the next run applies it" }
}
