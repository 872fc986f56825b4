import Foundation

/// How many channels and roles the layout has at one instant.
public struct LayoutSize: Hashable, Sendable {
    public var at: Date
    /// Channels of every kind, categories included.
    public var channels: Int
    /// Managed (team) roles.
    public var roles: Int
}

extension Compiler {
    /// The layout's size at every instant at which it changes, counted without building the
    /// layout: one sweep over each event's lifecycle instants, so the cost grows with the
    /// number of events (n log n for the sort), not with events × instants as building the
    /// layout at every instant would. Matches `compile(…).desired` counts at those instants.
    public static func sizes(club: ClubData, settings: ClubSettings) -> [LayoutSize] {
        LayoutSizes(timeline: Timeline(club: club, settings: settings)).sweep()
    }
}

/// The sweep behind `Compiler.sizes`: deltas to per-series channel counts (categories hold
/// at most 50 channels, so a series' categories follow its child count), archived channels
/// and team roles, applied in time order and read at each transition instant.
struct LayoutSizes {
    let timeline: Timeline

    enum Counter { case children(series: Int), archived, roles }

    struct Delta {
        var at: Date
        var counter: Counter
        var amount: Int
    }

    /// Adds `amount` to `counter` over `[from, until)` (nothing when the span is empty).
    private static func span(_ deltas: inout [Delta], _ counter: Counter, _ amount: Int, from: Date, until: Date) {
        guard amount != 0, from < until else { return }
        deltas.append(Delta(at: from, counter: counter, amount: amount))
        deltas.append(Delta(at: until, counter: counter, amount: -amount))
    }

    func deltas() -> [Delta] {
        let settings = timeline.settings
        let channels = settings.autoCreateChannels
        let voice = channels && settings.voiceChannels
        var deltas: [Delta] = []
        for (seriesIndex, plan) in timeline.series.enumerated() {
            let retire = plan.retireAt ?? .distantFuture
            let live = min(plan.archiveAt, retire)
            // Archived: every event's signup channel, in the shared archive categories.
            if channels {
                Self.span(&deltas, .archived, plan.events.count, from: plan.archiveAt, until: retire)
            }
            for event in plan.events {
                if channels {
                    Self.span(&deltas, .children(series: seriesIndex), 1, from: event.channelFrom, until: live)
                }
                let teams = event.event.teams.count
                guard teams > 0 else { continue }
                let teamsFrom = max(event.teamsFrom, event.channelFrom)
                Self.span(&deltas, .roles, teams, from: teamsFrom, until: live)
                guard voice else { continue }
                Self.span(&deltas, .children(series: seriesIndex), teams, from: teamsFrom, until: live)
                Self.span(&deltas, .children(series: seriesIndex), teams, from: max(teamsFrom, event.raceVoiceFrom),
                          until: min(event.raceVoiceUntil, live))
            }
        }
        return deltas.sorted { $0.at < $1.at }
    }

    func sweep() -> [LayoutSize] {
        let deltas = deltas()
        var children = [Int](repeating: 0, count: timeline.series.count)
        var archived = 0
        var roles = 0
        var seriesChannels = 0
        var next = 0
        var result: [LayoutSize] = []
        for instant in timeline.instants {
            while next < deltas.count, deltas[next].at <= instant {
                let delta = deltas[next]
                next += 1
                switch delta.counter {
                case .children(let series):
                    seriesChannels -= Self.withCategories(children[series])
                    children[series] += delta.amount
                    seriesChannels += Self.withCategories(children[series])
                case .archived: archived += delta.amount
                case .roles: roles += delta.amount
                }
            }
            result.append(LayoutSize(at: instant, channels: seriesChannels + Self.withCategories(archived), roles: roles))
        }
        return result
    }

    /// `count` channels plus the categories of at most 50 that hold them.
    static func withCategories(_ count: Int) -> Int {
        count + (count + LayoutBuilder.maxPerCategory - 1) / LayoutBuilder.maxPerCategory
    }
}
