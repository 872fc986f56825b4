import DiscordTypes

/// Out-of-band control and inspection of direct messages.
extension DiscordEmulator {
    /// User `id` stops accepting DMs from bots: sending them one answers 403 50007.
    public func closeDirectMessages(of id: Snowflake) { closedDirectMessages.insert(id) }

    /// Every message the bot sent user `id` by DM, oldest first.
    public func directMessages(to id: Snowflake) -> [EmulatedMessage] {
        directChannels.values.filter { $0.recipientID == id }.flatMap(\.messages).sorted { $0.id < $1.id }
    }
}
