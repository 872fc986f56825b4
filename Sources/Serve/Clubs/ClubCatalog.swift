import Foundation
import Reconciler
import Spec

/// The clubs one `serve` process answers for, by the id in `/api/clubs/{club}/…`: the
/// club's `club.id` from its settings, or its directory name as the daemon knows it.
public actor ClubCatalog {
    public let sources: [ClubSource]
    private var settingsIDs: [String: ClubSource] = [:]

    public init(sources: [ClubSource]) {
        self.sources = sources
        var ids: [String: ClubSource] = [:]
        var loaded: [ClubSource: (sources: [SourceFile], config: ClubConfig)] = [:]
        for source in sources {
            guard let files = try? ClubFiles.read(path: source.path), let config = try? files.load() else { continue }
            ids[config.settings.club.id] = source
            loaded[source] = (files.sources, config)
        }
        settingsIDs = ids
        cache = loaded
    }

    /// Re-reads `source`'s settings id (after a PUT may have changed it).
    func refresh(_ source: ClubSource) {
        settingsIDs = settingsIDs.filter { $0.value != source }
        if let id = Self.settingsID(source) { settingsIDs[id] = source }
    }

    private static func settingsID(_ source: ClubSource) -> String? {
        (try? ClubFiles.read(path: source.path).load())?.settings.club.id
    }

    /// The club named `id`, or 404 `unknown_club`.
    public func source(_ id: String) throws(APIError) -> ClubSource {
        if let source = settingsIDs[id] ?? sources.first(where: { $0.id == id }) { return source }
        throw APIError.unknownClub(id, known: knownIDs)
    }

    /// The only club, when exactly one is served (endpoints whose body may omit the club).
    func onlySource() -> ClubSource? { sources.count == 1 ? sources[0] : nil }

    var knownIDs: [String] {
        let ids = Set(settingsIDs.keys).union(sources.map(\.id))
        return ids.sorted()
    }

    /// The last load of each club, reused while its files read the same.
    private var cache: [ClubSource: (sources: [SourceFile], config: ClubConfig)] = [:]

    /// Loads `source` as it is on disk now (so the answer reflects the last PUT or edit);
    /// files that read the same as last time are not parsed again.
    public func config(_ source: ClubSource) throws(APIError) -> ClubConfig {
        let files = try ClubFiles.read(path: source.path)
        if let cached = cache[source], cached.sources == files.sources { return cached.config }
        let config = try files.load()
        cache[source] = (files.sources, config)
        return config
    }

    /// Every club that loads, with its configuration (interaction routing by guild).
    func loadedClubs() -> [(ClubSource, ClubConfig)] {
        sources.compactMap { source in (try? config(source)).map { (source, $0) } }
    }
}
