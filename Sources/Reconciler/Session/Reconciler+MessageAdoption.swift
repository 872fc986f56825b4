import DiscordTypes
import Planner
import Spec

extension Reconciler {
    /// With no state for some desired messages (a lost or new state store), reads the bot's
    /// own messages in their channels so the planner adopts them instead of posting again
    /// (`MessageMarker`). Only channels that exist, owned or adopted by this very plan (a
    /// first, pure diff says which), one request each; nothing when every message is known.
    func addAdoptionCandidates(to snapshot: inout GuildSnapshot, desired: DesiredGuild, ownership: Ownership) async throws {
        let unknown = desired.messages.filter { $0.marker != nil && ownership[$0.key] == nil }
        guard options.plan.adopt, !unknown.isEmpty else { return }
        var ids: [ResourceKey: Snowflake] = [:]
        for (key, entry) in ownership.entries { ids[key] = entry.id }
        if let plan = try? Planner.diff(desired: desired, snapshot: snapshot, ownership: ownership, options: options.plan) {
            for change in plan.changes {
                if case .adopt(let key, let id, _, _) = change.operation { ids[key] = id }
            }
        }
        let live = Set(snapshot.channels.map(\.id) + snapshot.threads.map(\.id))
        let channels = Set(unknown.compactMap { ids[$0.channel] }).intersection(live)
        guard !channels.isEmpty else { return }
        for message in try await reader.adoptionCandidates(in: Array(channels), bot: snapshot.botUserID)
        where snapshot.messages[message.id] == nil {
            snapshot.messages[message.id] = message
        }
    }
}
