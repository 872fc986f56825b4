import Foundation

/// Compiles settings and club data into the Discord layout the club should have at one
/// instant. Pure and deterministic: the same input and instant give the same output.
public enum Compiler {
    /// How many future instants `nextTransition` inspects before it settles for the next
    /// candidate without proof that the layout changes there (keeps compile fast).
    static let transitionProbeLimit = 64

    /// The layout of a loaded club at `at`.
    public static func compile(_ config: ClubConfig, at: Date) -> CompiledGuild {
        compile(club: config.club, settings: config.settings, at: at)
    }

    /// The layout of `club` under `settings` at `at`, and when it next changes by itself.
    public static func compile(club: ClubData, settings: ClubSettings, at: Date) -> CompiledGuild {
        let timeline = Timeline(club: club, settings: settings)
        let desired = LayoutBuilder(timeline: timeline, at: at).build()
        var byInstant: [(Date, [String])] = []
        for item in timeline.transitions where item.at > at {
            if byInstant.last?.0 == item.at { byInstant[byInstant.count - 1].1.append(item.reason) } else {
                byInstant.append((item.at, [item.reason]))
            }
        }
        for (probe, (instant, reasons)) in byInstant.enumerated() {
            if probe >= transitionProbeLimit || LayoutBuilder(timeline: timeline, at: instant).build() != desired {
                return CompiledGuild(desired: desired, nextTransition: instant,
                                     nextTransitionReason: reasons.joined(separator: "; "))
            }
        }
        return CompiledGuild(desired: desired, nextTransition: nil)
    }
}

/// Shorthand for `Compiler.compile(club:settings:at:)`.
public func compile(club: ClubData, settings: ClubSettings, at: Date) -> CompiledGuild {
    Compiler.compile(club: club, settings: settings, at: at)
}
