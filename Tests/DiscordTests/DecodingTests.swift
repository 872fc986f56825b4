import Discord
import DiscordTypes
import Foundation
import Testing

/// Responses decode even when Discord adds fields and enum values.
@Suite struct DecodingTests {
    private func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
        try DiscordJSON.decoder().decode(T.self, from: Data(json.utf8))
    }

    @Test func unknownChannelTypeAndFieldsDecode() throws {
        let channel = try decode(Channel.self, #"{"id":"12","type":99,"name":"new-kind","brand_new_field":{"x":1},"permission_overwrites":[{"id":"1","type":7,"allow":"1024","deny":"0"}]}"#)
        #expect(channel.type.rawValue == 99)
        #expect(channel.type.description == "type-99")
        #expect(channel.permissionOverwrites?.first?.allow == .viewChannel)
        #expect(channel.permissionOverwrites?.first?.type.rawValue == 7)
    }

    @Test func rolesMembersThreadsDecode() throws {
        let role = try decode(Role.self, #"{"id":"1","name":"@everyone","position":0,"permissions":"2251799813685248","colors":{"primary_color":0,"secondary_color":null},"flags":0,"new":true}"#)
        #expect(role.permissions == .pinMessages)
        let member = try decode(GuildMember.self, #"{"user":{"id":"5","username":"max","avatar":null},"roles":["1"],"joined_at":"2026-01-01T00:00:00Z","deaf":false,"mute":false,"flags":0}"#)
        #expect(member.roles == [1])
        let list = try decode(ThreadList.self, #"{"threads":[{"id":"9","type":12,"thread_metadata":{"archived":true,"auto_archive_duration":60,"locked":false,"archive_timestamp":"2026-01-01T00:00:00Z"}}],"members":[],"has_more":false}"#)
        #expect(list.threads.first?.threadMetadata?.archived == true)
    }

    @Test func errorTreeFlattens() throws {
        let body = try decode(DiscordErrorBody.self, #"{"code":50035,"message":"Invalid Form Body","errors":{"roles":{"2":{"_errors":[{"code":"X","message":"bad"}]}}}}"#)
        #expect(body.fieldErrors.map(\.description) == ["roles.2: X bad"])
    }
}
