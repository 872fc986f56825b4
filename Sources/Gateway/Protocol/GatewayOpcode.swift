/// Gateway opcodes (DISCORD.md §8, topics/opcodes-and-status-codes.mdx).
public enum GatewayOpcode: Int, Sendable, Hashable, Codable {
    case dispatch = 0
    case heartbeat = 1
    case identify = 2
    case presenceUpdate = 3
    case voiceStateUpdate = 4
    case resume = 6
    case reconnect = 7
    case requestGuildMembers = 8
    case invalidSession = 9
    case hello = 10
    case heartbeatACK = 11
}
