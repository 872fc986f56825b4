import Foundation
import Reconciler
import Serve
import Testing

extension ServeTestSuite {
    /// The admin API of `serve` over HTTP: who may call it, what each endpoint answers, and
    /// that every answer matches docs/api.yaml (checked in `finish()`).
    @Suite struct ServeAPITests {
        static let club = "/api/clubs/apex-endurance"

        @Test func healthAndMetricsAnswerWithoutAToken() async throws {
            let f = try await ServeFixture.start()
            let health = try await f.request("GET", "/healthz", token: nil)
            #expect(health.status == 200 && health.object["status"] as? String == "ok", "\(health)")
            _ = try await f.request("GET", "/healthz", token: nil)
            let metrics = try await f.request("GET", "/metrics", token: nil)
            #expect(metrics.status == 200)
            #expect(metrics.text.contains("simlane_http_requests_total{route=\"/healthz\",status=\"200\"} 2"), "\(metrics.text)")
            #expect(metrics.text.contains("simlane_discord_requests_total "))
            try await f.finish()
        }

        @Test func everyAdminEndpointRefusesAMissingOrWrongToken() async throws {
            let f = try await ServeFixture.start()
            let routes = [("POST", "/api/discord/bot-invite-url"), ("POST", "\(Self.club)/discord/sync-members"),
                          ("GET", "\(Self.club)/discord/sync-members/sync-1"), ("GET", "\(Self.club)/discord/settings"),
                          ("PUT", "\(Self.club)/discord/settings"), ("GET", "\(Self.club)/discord/channels"),
                          ("GET", "\(Self.club)/plan")]
            for (method, path) in routes {
                for token in [nil, "wrong", ServeFixture.apiToken + "x", String(ServeFixture.apiToken.dropLast())] {
                    let answer = try await f.request(method, path, token: token, body: method == "GET" ? nil : Data("x".utf8))
                    #expect(answer.status == 401 && answer.code == "unauthorized", "\(method) \(path) with \(token ?? "none"): \(answer)")
                }
            }
            let metrics = try await f.request("GET", "/metrics", token: nil)
            #expect(metrics.text.contains("route=\"/api/clubs/{club}/plan\",status=\"401\"} 4"), "route labels carry no ids")
            try await f.finish()
        }

        @Test func unknownClubsPathsAndMethodsAreJSONErrors() async throws {
            let f = try await ServeFixture.start()
            let club = try await f.request("GET", "/api/clubs/nope/discord/settings")
            #expect(club.status == 404 && club.code == "unknown_club" && club.text.contains("apex-endurance"), "\(club)")
            let path = try await f.request("GET", "/api/nothing")
            #expect(path.status == 404 && path.code == "not_found", "\(path)")
            let method = try await f.request("DELETE", "\(Self.club)/discord/settings")
            #expect(method.status == 405 && method.code == "method_not_allowed", "\(method)")
            try await f.finish()
        }

        @Test func aBodyAboveTheLimitIsRefusedWith413() async throws {
            let f = try await ServeFixture.start(maxBodyBytes: 1024)
            let answer = try await f.request("PUT", "\(Self.club)/discord/settings", body: Data(repeating: 0x61, count: 4096))
            #expect(answer.status == 413 && answer.code == "payload_too_large", "\(answer)")
            let settings = try String(contentsOf: f.club.appendingPathComponent("simlane.yaml"), encoding: .utf8)
            #expect(settings.hasPrefix("# Apex Endurance"), "nothing written")
            try await f.finish()
        }

        @Test func theInviteURLListsEveryPermissionWithItsReason() async throws {
            let f = try await ServeFixture.start()
            let answer = try await f.json("POST", "/api/discord/bot-invite-url", ["club": "apex-endurance"])
            #expect(answer.status == 200, "\(answer)")
            let url = try #require(answer.object["url"] as? String)
            #expect(url.contains("client_id=1180245872113766410") && url.contains("guild_id=1180244318470983750"), "\(url)")
            let needs = try #require(answer.object["needs"] as? [[String: Any]])
            #expect(needs.contains { $0["name"] as? String == "MANAGE_ROLES" })
            let implicit = try await f.request("POST", "/api/discord/bot-invite-url")
            #expect(implicit.status == 200, "one club served: the body may be empty: \(implicit)")
            let bad = try await f.request("POST", "/api/discord/bot-invite-url", headers: ["Content-Type": "application/json"],
                                          body: Data("{\"club\": 7}".utf8))
            #expect(bad.status == 400 && bad.code == "bad_request", "\(bad)")
            let unknown = try await f.json("POST", "/api/discord/bot-invite-url", ["club": "other"])
            #expect(unknown.status == 404 && unknown.code == "unknown_club")
            try await f.finish()
        }

        @Test func aSyncThatFinishesWithinTheBudgetAnswersWithItsReport() async throws {
            let f = try await ServeFixture.start(syncBudget: .seconds(60))
            let answer = try await f.request("POST", "\(Self.club)/discord/sync-members")
            #expect(answer.status == 200 && answer.object["status"] as? String == "succeeded", "\(answer)")
            let counts = try #require((answer.object["report"] as? [String: Any])?["counts"] as? [String: Int])
            #expect(counts["matched"] ?? 0 > 0, "\(counts)")
            let roster = try await f.sandboxRoster()
            #expect(!roster.isEmpty, "the sync recorded the roster in the club's state store")
            try await f.finish()
        }

        @Test func aSyncThatOutlastsTheBudgetIsStartedAndReportedByItsRun() async throws {
            let f = try await ServeFixture.start(syncBudget: .zero)
            let started = try await f.request("POST", "\(Self.club)/discord/sync-members")
            #expect(started.status == 202 && started.object["status"] as? String == "running", "\(started)")
            let id = try #require(started.object["id"] as? String)
            _ = await f.app.syncRuns.finished(id)
            let done = try await f.request("GET", "\(Self.club)/discord/sync-members/\(id)")
            #expect(done.status == 200 && done.object["status"] as? String == "succeeded", "\(done)")
            #expect(done.object["report"] != nil)
            let missing = try await f.request("GET", "\(Self.club)/discord/sync-members/sync-0-0")
            #expect(missing.status == 404 && missing.code == "not_found")
            try await f.finish()
        }

        @Test func settingsRoundTripWritesAtomicallyWithABackup() async throws {
            let f = try await ServeFixture.start()
            let got = try await f.request("GET", "\(Self.club)/discord/settings")
            #expect(got.status == 200 && got.object["file"] as? String == "simlane.yaml", "\(got)")
            let yaml = try #require(got.object["yaml"] as? String)
            let edited = yaml.replacingOccurrences(of: "stint_alert_lead: 15m", with: "stint_alert_lead: 20m")
            #expect(edited != yaml)
            let put = try await f.request("PUT", "\(Self.club)/discord/settings", headers: ["Content-Type": "application/yaml"],
                                          body: Data(edited.utf8))
            #expect(put.status == 200 && put.object["backup"] as? String == "simlane.yaml.bak", "\(put)")
            let notifications = (put.object["settings"] as? [String: Any])?["notifications"] as? [String: Any]
            #expect(notifications?["stint_alert_lead"] as? Double == 1200, "\(String(describing: notifications))")
            #expect(try String(contentsOf: f.club.appendingPathComponent("simlane.yaml"), encoding: .utf8) == edited)
            #expect(try String(contentsOf: f.club.appendingPathComponent("simlane.yaml.bak"), encoding: .utf8) == yaml)
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: f.club.path).filter { $0.hasPrefix(".") && $0.contains("tmp") }
            #expect(leftovers.isEmpty, "\(leftovers)")
            try await f.finish()
        }

        @Test func invalidSettingsAre422WithPositionsAndNothingIsWritten() async throws {
            let f = try await ServeFixture.start()
            let before = try String(contentsOf: f.club.appendingPathComponent("simlane.yaml"), encoding: .utf8)
            let broken = before.replacingOccurrences(of: "stint_alert_lead: 15m", with: "stint_alert_lead: soon")
                .replacingOccurrences(of: "max_destroy_fraction: 0.5", with: "max_destroy_fraction: 3")
            let put = try await f.request("PUT", "\(Self.club)/discord/settings", body: Data(broken.utf8))
            #expect(put.status == 422 && put.code == "invalid_settings", "\(put)")
            let diagnostics = try #require(put.object["diagnostics"] as? [[String: Any]])
            let errors = diagnostics.filter { $0["severity"] as? String == "error" }
            #expect(errors.count == 2, "\(diagnostics)")
            let lines = broken.components(separatedBy: "\n")
            let leadLine = (lines.firstIndex { $0.contains("stint_alert_lead: soon") } ?? -1) + 1
            #expect(errors.contains { $0["file"] as? String == "simlane.yaml" && $0["line"] as? Int == leadLine && ($0["column"] as? Int ?? 0) > 1 },
                    "\(errors)")
            #expect(try String(contentsOf: f.club.appendingPathComponent("simlane.yaml"), encoding: .utf8) == before)
            #expect(!FileManager.default.fileExists(atPath: f.club.appendingPathComponent("simlane.yaml.bak").path))
            let syntax = try await f.request("PUT", "\(Self.club)/discord/settings", body: Data("kind: settings\nversion: [1\n".utf8))
            #expect(syntax.status == 422 && (syntax.object["diagnostics"] as? [Any])?.isEmpty == false, "\(syntax)")
            let empty = try await f.request("PUT", "\(Self.club)/discord/settings", body: Data())
            #expect(empty.status == 400 && empty.code == "bad_request")
            try await f.finish()
        }

        @Test func channelsListManagedResourcesWithTheirIdsAndStatus() async throws {
            let f = try await ServeFixture.start()
            let none = try await f.request("GET", "\(Self.club)/discord/channels")
            #expect(none.status == 200 && (none.object["resources"] as? [Any])?.isEmpty == true, "\(none)")
            #expect(!FileManager.default.fileExists(atPath: StatePath.stateFile(config: f.club.path, override: nil)),
                    "a read never creates the state store")
            try await f.applyNow()
            let answer = try await f.request("GET", "\(Self.club)/discord/channels")
            let resources = try #require(answer.object["resources"] as? [[String: Any]])
            #expect(resources.count > 5, "\(answer)")
            #expect(resources.allSatisfy { ($0["discord_id"] as? String)?.isEmpty == false })
            #expect(resources.contains { $0["kind"] as? String == "text" && $0["status"] as? String == "active" && $0["name"] != nil })
            try await f.finish()
        }

        @Test func thePlanIsThePlannersJSON() async throws {
            let f = try await ServeFixture.start()
            let before = try await f.request("GET", "\(Self.club)/plan")
            #expect(before.status == 200 && before.object["format_version"] as? Int == 1, "\(before)")
            #expect((before.object["changes"] as? [Any])?.isEmpty == false, "the sandbox starts unconfigured")
            try await f.applyNow()
            let after = try await f.request("GET", "\(Self.club)/plan")
            #expect((after.object["changes"] as? [Any])?.isEmpty == true, "\(after)")
            try await f.finish()
        }
    }
}
