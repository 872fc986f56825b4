import DiscordTypes
import Foundation
import Testing

/// Echoes written by hand from Discord's documentation (DISCORD.md §3 Messages: stored
/// embeds come back with text trimmed, every field's `inline` a boolean, timestamps as
/// instants in another ISO 8601 form). A desired embed and its echo compare equal exactly
/// when Discord would show no difference.
@Suite struct EmbedNormalizationTests {
    let sent = Embed(
        title: "Spa 6h — GT3 Cup ", description: "Signup open\n", url: "https://simlane.test/e/1",
        color: 0x3498DB, timestamp: "2026-12-05T18:00:00Z",
        fields: [Embed.Field(name: "Start ", value: " 18:00", inline: true),
                 Embed.Field(name: "Signup", value: "open")],
        footer: Embed.Footer(text: "simlane · GT3 Cup  "))

    /// What Discord answers for `sent`, per the docs.
    var echo: Embed {
        Embed(title: "Spa 6h — GT3 Cup", description: "Signup open", url: "https://simlane.test/e/1",
              color: 0x3498DB, timestamp: "2026-12-05T18:00:00+00:00",
              fields: [Embed.Field(name: "Start", value: "18:00", inline: true),
                       Embed.Field(name: "Signup", value: "open", inline: false)],
              footer: Embed.Footer(text: "simlane · GT3 Cup"))
    }

    @Test func anEmbedEqualsDiscordsEchoOfIt() {
        #expect(sent != echo)  // structurally different…
        #expect(sent.isEquivalent(to: echo))  // …and the same to Discord
        #expect(Embed.equivalent([sent], [echo]))
    }

    @Test func aRealDifferenceIsStillOne() {
        var changed = echo
        changed.fields?[1].value = "closed"
        #expect(!sent.isEquivalent(to: changed))
        var inline = echo
        inline.fields?[1].inline = true
        #expect(!sent.isEquivalent(to: inline))
        var later = echo
        later.timestamp = "2026-12-05T18:00:01+00:00"
        #expect(!sent.isEquivalent(to: later))
        #expect(!Embed.equivalent([sent], [echo, echo]))
    }

    @Test func unsetInlineIsFalse() {
        let unset = Embed(fields: [Embed.Field(name: "a", value: "b")])
        #expect(unset.isEquivalent(to: Embed(fields: [Embed.Field(name: "a", value: "b", inline: false)])))
        #expect(!unset.isEquivalent(to: Embed(fields: [Embed.Field(name: "a", value: "b", inline: true)])))
    }

    @Test(arguments: [
        "2026-12-05T18:00:00Z", "2026-12-05T18:00:00+00:00", "2026-12-05T18:00:00.000Z",
        "2026-12-05T18:00:00.000000+00:00", "2026-12-05T19:00:00+01:00", "2026-12-05T13:30:00-04:30",
        "2026-12-05T18:00:00+0000",
    ])
    func timestampsCompareAsInstants(_ form: String) {
        let a = Embed(timestamp: "2026-12-05T18:00:00Z")
        #expect(a.isEquivalent(to: Embed(timestamp: form)), "\(form)")
        #expect(ISO8601Instant(form) == ISO8601Instant("2026-12-05T18:00:00Z"))
    }

    @Test func instantsParseToTheRightSecondAndKeepFractions() {
        // 2026-12-05T18:00:00Z is 1796493600 (checked with Foundation's parser).
        let expected = try! Date("2026-12-05T18:00:00Z", strategy: .iso8601).timeIntervalSince1970
        #expect(ISO8601Instant("2026-12-05T18:00:00Z")?.microseconds == Int64(expected) * 1_000_000)
        #expect(ISO8601Instant("2026-12-05T18:00:00.25Z")?.microseconds == Int64(expected) * 1_000_000 + 250_000)
        #expect(ISO8601Instant("1969-12-31T23:59:59Z")?.microseconds == -1_000_000)
        #expect(ISO8601Instant("2026-12-05T18:00:00.25Z")?.text == "2026-12-05T18:00:00.250000+00:00")
        #expect(ISO8601Instant("2026-12-05 18:00") == nil)
        #expect(ISO8601Instant("2026-12-05T18:00:00") == nil)  // no zone: not an instant
    }

    @Test func preparedNeverSendsABlankFieldOrAnOversizedColour() {
        let bad = Embed(title: "   ", color: 0x1000000,
                        fields: [Embed.Field(name: "  ", value: "x"), Embed.Field(name: "n", value: "\n \n")])
        let prepared = bad.prepared
        #expect(prepared.title == nil)
        #expect(prepared.color == Embed.Limit.color)
        #expect(prepared.fields?.allSatisfy { !Embed.trim($0.name).isEmpty && !Embed.trim($0.value).isEmpty } == true)
        #expect(prepared.fields?.map(\.name) == [Embed.blankFieldPlaceholder, "n"])
        // Prepared is already in stored form: Discord's echo of it compares equal.
        #expect(prepared.stored == prepared)
    }

    @Test func limitsCountTrimmedText() {
        let long = String(repeating: "a", count: Embed.Limit.title)
        let padded = Embed(title: "  " + long + "  ", fields: [Embed.Field(name: "n", value: String(repeating: "v", count: 2000))])
        #expect(padded.prepared.title == long)  // trimmed first, so nothing of it is cut
        #expect(padded.prepared.fields?.first?.value.count == Embed.Limit.fieldValue)
        #expect(padded.characterCount == Embed.Limit.title + 1 + 2000)
        #expect(Embed(fields: Array(repeating: Embed.Field(name: "n", value: "v"), count: 30)).prepared.fields?.count == Embed.Limit.fields)
    }
}
