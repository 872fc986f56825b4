import Discord
import DiscordTypes
import Foundation

extension Reconciler {
    /// A reconciler for `guildID` that reads and writes through `client` (the daemon shares
    /// one client, and so one global rate limit, across all its guilds).
    public convenience init(
        client: DiscordClient, store: any StateStore, guildID: Snowflake,
        options: ReconcilerOptions = ReconcilerOptions(),
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.init(
            guildID: guildID, store: store, reader: DiscordSnapshotReader(client: client),
            performer: DiscordChangePerformer(client: client), options: options,
            counts: {
                let metrics = await client.metrics()
                return RequestCounts(requests: metrics.requestsSent, rateLimited: metrics.rateLimited)
            },
            now: now)
    }
}
