import Discord
import DiscordTypes
import Foundation
import Reconciler
import Spec

extension ServeApp {
    /// The invite URL that links the guild to `club` on install: Discord's code flow
    /// (`response_type=code`, our `redirect_uri`, a signed `state`), the guild left for the
    /// admin to pick. Nil when `serve` runs without `--public-url` and a client secret.
    func linkURL(club: String, settings: ClubSettings, permissions: Permissions) -> String? {
        guard let link = options.guildLink else { return nil }
        let state = LinkState.issue(club: club, expires: options.now().addingTimeInterval(link.stateLifetime))
        var query = URLComponents()
        query.queryItems = [
            URLQueryItem(name: "response_type", value: "code"),
            URLQueryItem(name: "redirect_uri", value: link.redirectURI),
            URLQueryItem(name: "state", value: state.encoded(key: link.stateKey)),
        ]
        let base = BotInviteURL(applicationID: settings.discord.applicationID, guildID: nil, permissions: permissions).string
        return base + "&" + (query.percentEncodedQuery ?? "")
    }

    /// `GET /oauth/discord/callback?code&state&guild_id`: where Discord sends the admin
    /// after the install. Verifies `state` (HMAC, expiry, nonce not used before: a link works
    /// once), exchanges the code, checks that the guild Discord reports is the club's
    /// `discord.guild_id` (a different guild is refused, nothing written: the admin changes the
    /// guild with `PUT …/settings`), runs the doctor and shows its checklist. Answers are
    /// small HTML pages, for a browser.
    func guildLinkCallback(_ request: APIRequest) async -> APIResponse {
        guard let link = options.guildLink else {
            return LinkPage.failure(404, "Guild linking is not set up on this server (serve --public-url and a client secret).")
        }
        if let error = request.query["error"] {
            return LinkPage.failure(400, "The install was not completed (\(error.prefix(40))). Nothing changed.")
        }
        guard let stateText = request.query["state"], let code = request.query["code"], !code.isEmpty else {
            return LinkPage.failure(400, "This page needs the code and state Discord adds; open the invite link again.")
        }
        let state: LinkState
        do {
            state = try LinkState.verify(stateText, key: link.stateKey, now: options.now())
        } catch {
            logger.notice("guild link refused", metadata: ["reason": "\(error.rawValue)"])
            return LinkPage.failure(400, "This link is not valid: \(error.rawValue). Nothing changed.")
        }
        guard await linkNonces.claim(state, now: options.now()) else {
            logger.notice("guild link refused", metadata: ["reason": "\(LinkState.Refusal.used.rawValue)"])
            return LinkPage.failure(400, "This link is not valid: \(LinkState.Refusal.used.rawValue). Nothing changed.")
        }
        do {
            let source = try await catalog.source(state.club)
            let before = try await catalog.config(source)
            let client = try await reconcilers.client(for: source, config: before)
            let grant: OAuthCodeGrant
            do {
                grant = try await client.exchangeAuthorizationCode(
                    code, redirectURI: link.redirectURI, clientID: before.settings.discord.applicationID,
                    clientSecret: link.clientSecret)
            } catch {
                return LinkPage.failure(502, "Discord did not confirm the install: \(ServeText.describe(error)). Nothing changed.")
            }
            guard let guild = grant.guild?.id else {
                return LinkPage.failure(400, "Discord's answer names no guild: invite the bot with the link again.")
            }
            let linked = before.settings.discord.guildID
            guard guild == linked else {
                logger.notice("guild link refused: the club names another guild", metadata: ["guild": "\(guild)"])
                return LinkPage.failure(409, "The bot was installed in guild \(guild), but \(before.settings.club.name) "
                    + "is linked to guild \(linked). Nothing changed: to move the club, an admin changes "
                    + "discord.guild_id in its settings (PUT /api/clubs/\(source.id)/discord/settings).")
            }
            logger.notice("guild link confirmed for \(source.id) through the invite", metadata: ["guild": "\(guild)"])
            let report = await doctorReport(source: source, config: before, client: client)
            return LinkPage.linked(club: before.settings.club.name, guild: guild, guildName: grant.guild?.name,
                                   report: report)
        } catch let error as APIError {
            return LinkPage.failure(error.status, error.message)
        } catch {
            return LinkPage.failure(500, ServeText.describe(error))
        }
    }

    private func doctorReport(source: ClubSource, config: ClubConfig, client: DiscordClient) async -> Result<DoctorReport, DoctorFailure> {
        do {
            let stateFile = reconcilers.stateFile(for: source)
            let store: SQLiteStateStore = FileManager.default.fileExists(atPath: stateFile)
                ? try await reconcilers.store(for: source) : try SQLiteStateStore.inMemory()
            return .success(try await BotDoctor(client: client, store: store).examine(config, at: options.now()))
        } catch {
            return .failure(DoctorFailure(reason: ServeText.describe(error)))
        }
    }
}

/// Why the doctor could not examine the linked guild.
struct DoctorFailure: Error {
    var reason: String
}

/// The HTML pages of the guild-link callback.
enum LinkPage {
    static func failure(_ status: Int, _ message: String) -> APIResponse {
        page(status, title: "Guild not linked", body: "<p>\(escape(message))</p>")
    }

    static func linked(club: String, guild: Snowflake, guildName: String?, report: Result<DoctorReport, DoctorFailure>) -> APIResponse {
        var body = "<p>The guild <b>\(escape(guildName ?? "")) (\(guild))</b> is linked to <b>\(escape(club))</b>: "
            + "its settings name this guild, and the bot is installed there.</p>\n<h2>Doctor</h2>\n"
        switch report {
        case .success(let report):
            body += "<ul>\n" + report.checks.map { check in
                let mark = check.passed == true ? "✅" : check.passed == false ? "❌" : "➖"
                return "<li>\(mark) <b>\(escape(check.name.rawValue))</b>: \(escape(check.detail))</li>"
            }.joined(separator: "\n") + "\n</ul>\n"
            body += report.healthy
                ? "<p>All checks passed. Next: <code>simlane-reconcile plan</code>, then <code>apply</code>.</p>"
                : "<p>Fix what is marked ❌ (see <code>simlane-reconcile doctor</code>), then run <code>plan</code>.</p>"
        case .failure(let failure):
            body += "<p>The doctor could not run: \(escape(failure.reason)). Run <code>simlane-reconcile doctor</code> on the server.</p>"
        }
        return page(200, title: "Guild linked", body: body)
    }

    static func page(_ status: Int, title: String, body: String) -> APIResponse {
        let html = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>\(escape(title))</title>
            <meta name="viewport" content="width=device-width, initial-scale=1"></head>
            <body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 2rem auto;">
            <h1>\(escape(title))</h1>
            \(body)
            </body></html>

            """
        return APIResponse(status: status, contentType: "text/html; charset=utf-8", body: Data(html.utf8))
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
