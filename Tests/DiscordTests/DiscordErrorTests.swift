import Discord
import DiscordTypes
import Foundation
import Testing

/// Typed errors carry status, code, fields, route and advice a club admin can act on.
@Suite struct DiscordErrorTests {
    private func failure(_ response: HTTPResponse, _ operation: @escaping @Sendable (DiscordClient) async throws -> Void,
                         key: String) async throws -> DiscordError {
        let rig = Rig()
        await rig.fake.script(key, .respond(response))
        let client = rig.client
        let result = try await rig.run(1) { _ in try await operation(client) }
        return try #require(result[0].error as? DiscordError)
    }

    @Test func missingPermissionsNamesThePermissionAndDoctor() async throws {
        let error = try await failure(FakeDiscord.error(403, code: 50013, message: "Missing Permissions"), {
            try await $0.editPermissionOverwrite(channelID: 11, targetID: 12, EditPermissionOverwriteRequest(type: .role), reason: "t")
        }, key: "PUT /channels/:id/permissions/:id")
        #expect(error.kind == .http)
        #expect(error.status == 403)
        #expect(error.code == 50013)
        #expect(error.route == "PUT /channels/11/permissions/12")
        #expect(error.advice.contains("MANAGE_ROLES"))
        #expect(error.advice.contains("simlane-reconcile doctor"))
        #expect(error.description.hasPrefix("PUT /channels/11/permissions/12 failed: HTTP 403 (code 50013): Missing Permissions."))
    }

    @Test func unknownChannelSaysItWasDeletedOutside() async throws {
        let error = try await failure(FakeDiscord.error(404, code: 10003, message: "Unknown Channel"), {
            _ = try await $0.modifyChannel(5, ModifyChannelRequest(name: "x"), reason: "t")
        }, key: "PATCH /channels/:id")
        #expect(error.isNotFound)
        #expect(error.advice.contains("deleted outside the reconciler"))
    }

    @Test func guildLimitsAreExplained() async throws {
        let channels = try await failure(FakeDiscord.error(400, code: 30013, message: "Maximum number of guild channels reached (500)"), {
            _ = try await $0.createChannel(in: 1, CreateChannelRequest(name: "x"), reason: "t")
        }, key: "POST /guilds/:id/channels")
        #expect(channels.advice.contains("500 channels"))
        let roles = try await failure(FakeDiscord.error(400, code: 30005, message: "Maximum number of guild roles reached (250)"), {
            _ = try await $0.createRole(in: 1, CreateRoleRequest(name: "x"), reason: "t")
        }, key: "POST /guilds/:id/roles")
        #expect(roles.advice.contains("250 roles"))
    }

    @Test func invalidFormBodyListsFieldErrors() async throws {
        let tree = #"{"name":{"_errors":[{"code":"BASE_TYPE_BAD_LENGTH","message":"Must be between 1 and 100 in length."}]},"permission_overwrites":{"0":{"allow":{"_errors":[{"code":"NUMBER_TYPE_COERCE","message":"Value is not int."}]}}}}"#
        let error = try await failure(FakeDiscord.error(400, code: 50035, message: "Invalid Form Body", errors: tree), {
            _ = try await $0.createChannel(in: 1, CreateChannelRequest(name: "bad name"), reason: "t")
        }, key: "POST /guilds/:id/channels")
        #expect(error.fieldErrors.map(\.path) == ["name", "permission_overwrites.0.allow"])
        #expect(error.advice.contains("name: BASE_TYPE_BAD_LENGTH"))
        #expect(error.advice.contains("permission_overwrites.0.allow: NUMBER_TYPE_COERCE"))
        #expect(error.description.contains("\n  permission_overwrites.0.allow: NUMBER_TYPE_COERCE Value is not int."))
    }

    @Test func unauthorizedSaysTheTokenIsInvalid() async throws {
        let error = try await failure(FakeDiscord.error(401, code: 0, message: "401: Unauthorized"), {
            _ = try await $0.guild(1)
        }, key: "GET /guilds/:id")
        #expect(error.kind == .unauthorized)
        #expect(error.advice.contains("token is invalid"))
    }

    @Test func errorsWithoutJSONBodyStillDescribeTheFailure() async throws {
        let error = try await failure(HTTPResponse(status: 405, body: Data("nope".utf8)), {
            _ = try await $0.guild(1)
        }, key: "GET /guilds/:id")
        #expect(error.code == nil)
        #expect(error.message == "method not allowed")
    }

    @Test func likelyPermissionPerRoute() {
        #expect(DiscordError.likelyMissingPermission(route: "POST /guilds/1/channels") == "MANAGE_CHANNELS")
        #expect(DiscordError.likelyMissingPermission(route: "PUT /channels/1/messages/pins/2") == "PIN_MESSAGES")
        #expect(DiscordError.likelyMissingPermission(route: "POST /channels/1/threads").contains("CREATE_PRIVATE_THREADS"))
        #expect(DiscordError.likelyMissingPermission(route: "PUT /guilds/1/members/2/roles/3").contains("MANAGE_ROLES"))
    }
}
