import DiscordEmulator
import DiscordTypes
import Foundation
import Testing

/// The product's rule for what Discord stores of an embed (`Embed.stored`, used to compare
/// desired cards with their echo) and the emulator's independent one
/// (`EmulatorNormalization.embed`) agree on generated embeds: padded text, unset or explicit
/// `inline`, timestamps in `Z`, `+00:00`, other offsets and with fractions. If they
/// disagreed, a plan would re-edit a card on every pass (or miss a real change).
@Suite struct EmbedAgreementTests {
    static let pads = ["", " ", "  ", "\n", " \t"]
    static let words = ["Spa 6 Hours", "Signup open", "Apex Red", "東京 Sprint", "🇩🇪 DACH", "Ünïcödé", "a"]
    static let stamps = ["2026-12-05T17:00:00Z", "2026-12-05T17:00:00+00:00", "2026-12-05T18:00:00+01:00",
                         "2026-12-05T17:00:00.000Z", "2026-12-05T17:00:00.250+00:00"]

    /// What the emulator returns for `embed` as sent.
    static func echo(of embed: Embed) throws -> Embed {
        let sent = try JSONDecoder().decode(JSONValue.self, from: DiscordJSON.encoder().encode(embed))
        let stored = EmulatorNormalization.embed(sent)
        return try JSONDecoder().decode(Embed.self, from: JSONEncoder().encode(stored))
    }

    @Test func productAndEmulatorAgreeOnWhatDiscordStores() throws {
        var state: UInt64 = 0xE1BE_D5EE
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: state >> 33) % n
        }
        func text() -> String { Self.pads[next(5)] + Self.words[next(7)] + Self.pads[next(5)] }
        for _ in 0..<1500 {
            let fields = (0..<next(4)).map { _ in
                Embed.Field(name: text(), value: text(), inline: [nil, true, false][next(3)])
            }
            let desired = Embed(
                title: text(), description: next(2) == 0 ? nil : text(), color: next(2) == 0 ? nil : next(0xFFFFFF),
                timestamp: next(2) == 0 ? nil : Self.stamps[next(5)], fields: fields,
                footer: next(2) == 0 ? nil : Embed.Footer(text: text()))
            let sent = desired.prepared
            let echo = try Self.echo(of: sent)
            #expect(echo.isEquivalent(to: desired), "no perpetual edit: \(desired) vs \(echo)")
            #expect(echo.stored == sent.stored, "one idea of what Discord stores")
            // A real change is still one.
            var changed = desired
            changed.title = (desired.title ?? "") + " (updated)"
            #expect(!echo.isEquivalent(to: changed))
        }
    }
}
