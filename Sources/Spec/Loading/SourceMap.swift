/// Positions of club-data values by their path in the merged club (`events[3].teams[0]`),
/// so checks that run on the model can still point at the YAML that caused a problem.
struct SourceMap {
    private var locations: [String: SourcePosition] = [:]

    subscript(path: String) -> SourcePosition {
        get { locations[path] ?? .generated(path) }
        set { locations[path] = newValue }
    }

    /// The location of `path`, or of its closest recorded ancestor.
    func nearest(_ path: String) -> SourcePosition {
        var current = path
        while true {
            if let location = locations[current] { return location }
            guard let cut = current.lastIndex(where: { $0 == "." || $0 == "[" }) else { break }
            current = String(current[..<cut])
        }
        return .generated(path)
    }
}
