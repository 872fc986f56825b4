import Foundation
import Reconciler
import Spec

extension ServeApp {
    /// What `GET` and `PUT …/discord/settings` answer: the settings document as text (what a
    /// `PUT` sends back edited) and as decoded values.
    struct SettingsAnswer: Encodable {
        var club: String
        /// The settings file, relative to the club's directory.
        var file: String
        var yaml: String
        var settings: ClubSettings
        /// The copy of the previous file a `PUT` left (`simlane.yaml.bak`).
        var backup: String?
    }

    /// `GET /api/clubs/{club}/discord/settings`.
    func getSettings(club: String) async throws(APIError) -> APIResponse {
        let source = try await catalog.source(club)
        let files = try ClubFiles.read(path: source.path)
        let config = try await catalog.config(source)
        guard let file = files.settingsFile, let text = files.sources.first(where: { $0.path == file })?.text else {
            throw APIError(500, .internalError, "the club has no settings file on the server")
        }
        return .json(SettingsAnswer(club: config.settings.club.id, file: file, yaml: text, settings: config.settings))
    }

    /// `PUT /api/clubs/{club}/discord/settings` with the settings document (YAML text) as
    /// the body: validated with the club's other files exactly as `validate` does; 422 with
    /// every diagnostic (file:line:column, field path, hint) and nothing written when
    /// anything is wrong; otherwise the file is replaced atomically after a `.bak` copy, and
    /// the daemon's watcher picks it up.
    func putSettings(club: String, _ request: APIRequest) async throws(APIError) -> APIResponse {
        let source = try await catalog.source(club)
        guard let text = String(data: request.body, encoding: .utf8) else {
            throw .badRequest("the body must be the settings document as UTF-8 YAML text")
        }
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw .badRequest("the body is empty: send the whole settings document (GET it first, edit, PUT it back)")
        }
        let saved = try await saveSettings(text, of: source)
        logger.notice("settings of \(source.id) replaced through the API", metadata: ["file": "\(saved.file)"])
        return .json(SettingsAnswer(club: saved.config.settings.club.id, file: saved.file, yaml: text,
                                    settings: saved.config.settings, backup: saved.backup))
    }

    /// Validates the club with `text` as its settings document (exactly as `validate`: 422
    /// `invalid_settings` with every diagnostic, nothing written) and, when it is valid,
    /// writes it atomically after a `.bak` copy.
    func saveSettings(_ text: String, of source: ClubSource) async throws(APIError)
        -> (config: ClubConfig, file: String, backup: String?)
    {
        let files = try ClubFiles.read(path: source.path)
        let file = files.settingsFile ?? (source.isDirectory ? "simlane.yaml" : URL(fileURLWithPath: source.path).lastPathComponent)
        var candidate = files.replacing(file, with: text)
        if !candidate.sources.contains(where: { $0.path == file }) {
            candidate = ClubFiles(directory: files.directory,
                                  sources: (files.sources + [SourceFile(path: file, text: text)]).sorted { $0.path < $1.path })
        }
        let config: ClubConfig
        do {
            config = try ConfigLoader.load(sources: candidate.sources)
        } catch {
            throw APIError(422, .invalidSettings,
                           "the settings were not saved: \(error.errors.count) error(s); each diagnostic names its file:line:column",
                           diagnostics: error.diagnostics)
        }
        let backup: String?
        do {
            backup = try await settingsWriter.write(text, name: file, in: files.directory)
        } catch {
            throw APIError(500, .internalError, error.description)
        }
        await catalog.refresh(source)
        return (config, file, backup)
    }
}
