import DiscordTypes
import Foundation

/// Checks that the layout never exceeds Discord's hard limits at any instant: 500 channels
/// per guild (categories included) and 250 roles. (50 channels per category is handled by
/// overflow categories.)
struct LimitsCheck {
    static let maxChannels = GuildLimits.channels
    static let maxRoles = GuildLimits.roles

    let club: ClubData
    let settings: ClubSettings
    let map: SourceMap
    let sink: DiagnosticSink

    func run() {
        var names = NameClashCheck()
        for problem in Self.problems(club: club, settings: settings, names: &names) {
            let location = map.nearest(problem.path)
            sink.error(at: location, problem.summary, hint: problem.hint)
        }
        for clash in names.clashes {
            let other = map.nearest(NameClashCheck.path(of: clash.first, in: club))
            sink.error(
                at: map.nearest(NameClashCheck.path(of: clash.second, in: club)),
                "\(clash.second) and \(clash.first) would both be named \"\(clash.name)\" in \(clash.scope)",
                hint: "names are cut to Discord's 100 code points and text channels are lowercased without punctuation; "
                    + "make the names differ (the other one is at \(other.file):\(other.line):\(other.column))")
        }
    }

    /// One limit broken at its worst instant.
    struct Problem: Equatable {
        var path: String
        var summary: String
        var hint: String
    }

    /// Peak channel and role counts over every instant at which the layout changes, counted
    /// in one sweep (`LayoutSizes`); the layout is built only at a worst instant, to explain it.
    static func problems(club: ClubData, settings: ClubSettings) -> [Problem] {
        var names = NameClashCheck()
        return problems(club: club, settings: settings, names: &names)
    }

    /// The limit problems; every instant's layout also goes through `names`.
    static func problems(club: ClubData, settings: ClubSettings, names: inout NameClashCheck) -> [Problem] {
        let timeline = Timeline(club: club, settings: settings)
        var worstChannels: (count: Int, at: Date)?
        var worstRoles: (count: Int, at: Date)?
        for size in LayoutSizes(timeline: timeline).sweep() {
            if size.channels > (worstChannels?.count ?? maxChannels) { worstChannels = (size.channels, size.at) }
            let roles = size.roles + settings.discord.adminRoles.count + 1
            if roles > (worstRoles?.count ?? maxRoles) { worstRoles = (roles, size.at) }
        }
        // Names can clash only when the set of resources changes: card-only instants (stint
        // alerts, signup closing, starts and ends) are skipped, keeping validation near linear.
        for instant in timeline.structuralInstants {
            names.scan(LayoutBuilder(timeline: timeline, at: instant, includeMessages: false).build())
        }
        func layout(at instant: Date) -> DesiredGuild {
            LayoutBuilder(timeline: timeline, at: instant, includeMessages: false).build()
        }
        var problems: [Problem] = []
        if let (count, at) = worstChannels {
            let layout = layout(at: at)
            let categories = layout.channels.filter { $0.kind == .category }.count
            let text = layout.channels.filter { $0.kind == .text }.count
            let voice = layout.channels.filter { $0.kind == .voice }.count
            problems.append(Problem(
                path: timeline.culprit(at: at),
                summary: "the layout needs \(count) channels at \(ValueParsers.timestampText(at)) (\(categories) categories, \(text) text, \(voice) voice); Discord allows \(maxChannels) per guild",
                hint: "set voice_channels: false, shorten retention, or split the club's events across guilds"))
        }
        if let (count, at) = worstRoles {
            let layout = layout(at: at)
            problems.append(Problem(
                path: timeline.culprit(at: at),
                summary: "the layout needs \(count) roles at \(ValueParsers.timestampText(at)) (\(layout.roles.count) team roles, \(settings.discord.adminRoles.count) admin roles, @everyone); Discord allows \(maxRoles)",
                hint: "fewer teams at once, or a shorter archive_delay so finished events release their roles sooner"))
        }
        return problems
    }
}
