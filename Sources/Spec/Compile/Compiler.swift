import Foundation

/// Compiles settings and club data into the Discord layout the club should have at one
/// instant. Pure and deterministic: the same input and instant give the same output.
public enum Compiler {
    /// The layout of a loaded club at `at`.
    public static func compile(_ config: ClubConfig, at: Date) -> CompiledGuild {
        compile(club: config.club, settings: config.settings, at: at)
    }

    /// The layout of `club` under `settings` at `at`, and when it next changes by itself.
    public static func compile(club: ClubData, settings: ClubSettings, at: Date) -> CompiledGuild {
        let timeline = Timeline(club: club, settings: settings)
        let desired = LayoutBuilder(timeline: timeline, at: at).build()
        let upcoming = timeline.transitions.drop { $0.at <= at }
        if let next = upcoming.first?.at {
            let reasons = upcoming.prefix { $0.at == next }.map(\.reason.text)
            return CompiledGuild(desired: desired, nextTransition: next, nextTransitionReason: reasons.joined(separator: "; "))
        }
        return CompiledGuild(desired: desired, nextTransition: nil)
    }
}

/// Shorthand for `Compiler.compile(club:settings:at:)`.
public func compile(club: ClubData, settings: ClubSettings, at: Date) -> CompiledGuild {
    Compiler.compile(club: club, settings: settings, at: at)
}
