import DiscordEmulator
import DiscordTypes
import Testing

/// The product's channel-name rule (`DiscordTypes.DiscordName`) and the emulator's
/// independent one (`EmulatorNormalization.channelName`) agree on generated names: emoji, accents, CJK,
/// punctuation, leading and trailing dashes and spaces, 100+ characters.
@Suite struct ChannelNameAgreementTests {
    static let alphabet: [String] = [
        "a", "Z", "7", "_", "-", " ", "  ", "\t", ".", "!", "?", ":", "/", "·", "…", "é", "Ñ", "ß", "İ",
        "東", "京", "🇩🇪", "👨‍👩‍👧‍👦", "🏳️‍🌈", "'", "\"", "#", "&", "(", ")", "@", "~", "|", "€",
    ]

    @Test func productAndEmulatorStoreTheSameName() {
        var state: UInt64 = 0x5EED_CAFE
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: state >> 33)
        }
        for _ in 0..<3000 {
            let length = next() % 130
            let name = (0..<length).map { _ in Self.alphabet[next() % Self.alphabet.count] }.joined()
            for type in [ChannelType.guildText, .guildAnnouncement, .guildForum, .guildVoice, .guildCategory, .guildStageVoice] {
                #expect(DiscordName.channel(name, type: type) == EmulatorNormalization.channelName(name, type: type),
                        "\(type) \(name.debugDescription)")
            }
        }
    }
}
