import Foundation
import Spec
import Yams

/// The YAML files of one club as `serve` reads and edits them: named relative to the club
/// (`simlane.yaml`), so diagnostics and answers never show the server's paths, and with the
/// file that holds the settings document known, for `PUT …/settings`.
struct ClubFiles: Sendable {
    /// The club's directory (a single-file club: the file's directory).
    let directory: URL
    /// Relative name -> text, in the order `ConfigLoader` reads them.
    let sources: [SourceFile]

    /// Reads the club at `path` (a settings file or a directory of documents) the way
    /// `validate` does: every `.yaml`/`.yml` file that is not hidden, sorted by name.
    static func read(path: String) throws(APIError) -> ClubFiles {
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw APIError(500, .internalError, "the club's configuration is gone from the server's disk")
        }
        let directory = isDirectory.boolValue ? url : url.deletingLastPathComponent()
        var names = [url.lastPathComponent]
        if isDirectory.boolValue {
            names = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [])
                .filter { ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) && !$0.hasPrefix(".") }
                .sorted()
        }
        var sources: [SourceFile] = []
        for name in names {
            let file = directory.appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: file.path), data.count <= ConfigLoader.maxFileBytes,
                  let text = String(data: data, encoding: .utf8) else {
                throw APIError(500, .internalError, "cannot read \(name) on the server")
            }
            sources.append(SourceFile(path: name, text: text))
        }
        return ClubFiles(directory: directory, sources: sources)
    }

    /// Loads and validates the club, or the diagnostics of every problem (422).
    func load() throws(APIError) -> ClubConfig {
        do {
            return try ConfigLoader.load(sources: sources)
        } catch {
            throw APIError(422, .invalidConfiguration,
                           "the club's configuration on the server has \(error.errors.count) error(s); fix it or PUT valid settings",
                           diagnostics: error.diagnostics)
        }
    }

    /// The file holding the `kind: settings` document (`simlane.yaml` in the examples):
    /// the first with a document whose `kind` is `settings`, or that has `version`,
    /// `discord` or `club` at its top, as `ConfigLoader` infers the kind.
    var settingsFile: String? {
        for source in sources {
            guard var documents = try? Yams.compose_all(yaml: source.text) else { continue }
            while let node = documents.next() {
                guard case .mapping(let mapping) = node else { continue }
                if let kind = mapping["kind"]?.string {
                    if kind == "settings" { return source.path }
                    continue
                }
                let keys = mapping.keys.compactMap(\.string)
                if keys.contains(where: { ["version", "discord", "club"].contains($0) }) { return source.path }
            }
        }
        return nil
    }

    /// These files with `name`'s text replaced.
    func replacing(_ name: String, with text: String) -> ClubFiles {
        ClubFiles(directory: directory, sources: sources.map { $0.path == name ? SourceFile(path: name, text: text) : $0 })
    }
}
