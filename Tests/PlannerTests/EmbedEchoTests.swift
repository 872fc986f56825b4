import DiscordTypes
import Planner
import Spec
import Testing

/// The planner compares what Discord returns, not what was sent: an echo in Discord's form
/// (DISCORD.md §3 Messages) is no change; a real difference is an edit.
@Suite struct EmbedEchoTests {
    typealias F = ClubFixture

    /// The fixture with a signup card whose embed Discord would store differently.
    var desired: DesiredGuild {
        var desired = F.desired
        let i = desired.messages.firstIndex { $0.key == F.signupMessage }!
        desired.messages[i].embeds = [Embed(
            title: "Spa 6h ", description: "6 hours, 3 drivers per car\n", timestamp: "2026-12-05T18:00:00Z",
            fields: [Embed.Field(name: "Start ", value: "18:00"), Embed.Field(name: "Cars", value: "GT3", inline: true)],
            footer: Embed.Footer(text: "simlane "))].map(\.prepared)
        return desired
    }

    /// Replaces the live signup card's embeds with `embeds`.
    func live(_ embeds: [Embed]) throws -> (GuildSnapshot, Ownership) {
        var (snapshot, ownership) = try F.converged(desired)
        let id = try #require(ownership[F.signupMessage]?.id)
        snapshot.messages[id]?.embeds = embeds
        return (snapshot, ownership)
    }

    /// Written by hand from the docs: text trimmed, `inline` a boolean, the timestamp in
    /// another ISO 8601 form.
    let echo = Embed(
        title: "Spa 6h", description: "6 hours, 3 drivers per car", timestamp: "2026-12-05T18:00:00.000000+00:00",
        fields: [Embed.Field(name: "Start", value: "18:00", inline: false), Embed.Field(name: "Cars", value: "GT3", inline: true)],
        footer: Embed.Footer(text: "simlane"))

    @Test func discordsEchoOfTheCardIsNoChange() throws {
        let (snapshot, ownership) = try live([echo])
        #expect(snapshot.messages.values.contains { $0.embeds == [echo] })
        #expect(try F.diff(desired, snapshot, ownership).isEmpty)
    }

    @Test func aRealDifferenceInTheEchoIsAnEdit() throws {
        var changed = echo
        changed.fields?[0].inline = true
        let (snapshot, ownership) = try live([changed])
        let plan = try F.diff(desired, snapshot, ownership)
        #expect(plan.changes.map(\.action) == [.edit])
    }
}
