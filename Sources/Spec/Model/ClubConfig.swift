/// A loaded, validated club: its settings, its data, and the files they came from.
/// What `ConfigLoader.load` returns and `Compiler.compile` takes.
public struct ClubConfig: Hashable, Sendable {
    public var settings: ClubSettings
    public var club: ClubData
    /// The YAML files read, in the order they were read.
    public var sources: [String]
    /// Problems that do not stop the club from being reconciled (e.g. unlinked members).
    public var warnings: [Diagnostic]

    public init(settings: ClubSettings, club: ClubData, sources: [String] = [], warnings: [Diagnostic] = []) {
        self.settings = settings
        self.club = club
        self.sources = sources
        self.warnings = warnings
    }
}
