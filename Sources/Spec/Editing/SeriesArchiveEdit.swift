import Foundation
import Yams

/// Writes `archive: <value>` into the club-data document that defines a series, keeping
/// every other line, comment and blank line of the file as it was: what `simlane-reconcile
/// archive` does so the decision lives in version control. Pure: text in, text out.
public enum SeriesArchiveEdit {
    /// Why the edit could not be made, with the place and what to do.
    public struct Failure: Error, Hashable, Sendable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// The edited file among `sources`: `archive: value  # comment` set on the series with id
    /// `seriesID` (replacing an existing `archive:` line, else added after its `id:` line).
    /// - Throws: `Failure` when no `kind: club` document defines the series, or it is written
    ///   in flow style (`{ id: …, name: … }`), which cannot be edited line by line.
    public static func apply(to sources: [SourceFile], seriesID: String, value: String,
                             comment: String) throws(Failure) -> SourceFile {
        for source in sources {
            guard let target = try locate(seriesID, in: source) else { continue }
            var lines = source.text.components(separatedBy: "\n")
            let line = "\(String(repeating: " ", count: target.indent))archive: \(value)  # \(comment)"
            if let existing = target.archiveLine {
                lines[existing] = line
            } else {
                lines.insert(line, at: target.idLine + 1)
            }
            return SourceFile(path: source.path, text: lines.joined(separator: "\n"))
        }
        throw Failure(message: "no club document defines a series with id '\(seriesID)'; "
            + "the ids are under `series:` in the club data (kind: club)")
    }

    private struct Target {
        /// 0-based line of the series' `id:` key and of an existing `archive:` key.
        var idLine: Int
        var archiveLine: Int?
        /// Columns of indentation of the series' keys.
        var indent: Int
    }

    private static func locate(_ seriesID: String, in source: SourceFile) throws(Failure) -> Target? {
        guard var documents = try? Yams.compose_all(yaml: source.text) else { return nil }
        while let root = documents.next() {
            guard let document = root.mapping, document["kind"]?.string == "club",
                  let series = document["series"]?.sequence else { continue }
            for item in series {
                guard let mapping = item.mapping, mapping["id"]?.string == seriesID else { continue }
                // Yams does not keep the style of composed nodes: a flow mapping starts at `{`.
                let lines = source.text.components(separatedBy: "\n")
                let isFlow = item.mark.map { mark in
                    mark.line - 1 < lines.count && lines[mark.line - 1].unicodeScalars.dropFirst(mark.column - 1).first == "{"
                } ?? false
                guard !isFlow else {
                    let line = item.mark?.line ?? 0
                    throw Failure(message: "\(source.path):\(line): series '\(seriesID)' is written in flow style ({ … }); "
                        + "add `archive: <instant>` to it by hand, or write it as a block mapping")
                }
                var target: Target?
                for (key, _) in mapping {
                    guard let mark = key.mark else { continue }
                    if key.string == "id" {
                        let archive = target?.archiveLine
                        target = Target(idLine: mark.line - 1, archiveLine: archive, indent: mark.column - 1)
                    }
                }
                for (key, _) in mapping where key.string == "archive" {
                    target?.archiveLine = key.mark.map { $0.line - 1 }
                }
                return target
            }
        }
        return nil
    }
}

extension ConfigLoader {
    /// The YAML documents `load(path:)` would read (one file, or a directory's `.yaml` files).
    public static func sourceFiles(path: String) throws(ConfigError) -> [SourceFile] {
        try readSources(path: path)
    }
}
