import Discord
import DiscordTypes
import Foundation
import Testing

/// Request bodies: Discord's field names, integer permission bits, nil fields omitted.
@Suite struct RequestEncodingTests {
    private func json(_ value: some Encodable) throws -> String {
        String(decoding: try DiscordJSON.encoder().encode(value), as: UTF8.self)
    }

    @Test func createChannelOmitsNilAndSendsIntegerBits() throws {
        let body = CreateChannelRequest(
            name: "spa-6h", type: .guildText, topic: "Sign up here", parentID: 5,
            permissionOverwrites: [PermissionOverwriteRequest(id: 1, type: .role, allow: [.viewChannel], deny: [.sendMessages])])
        #expect(try json(body) == #"{"name":"spa-6h","parent_id":"5","permission_overwrites":[{"allow":1024,"deny":2048,"id":"1","type":0}],"topic":"Sign up here","type":0}"#)
        #expect(try json(CreateChannelRequest(name: "x")) == #"{"name":"x"}"#)
    }

    @Test func modifyChannelCanClearParentAndTopic() throws {
        let body = ModifyChannelRequest(topic: .null, parentID: .null)
        #expect(try json(body) == #"{"parent_id":null,"topic":null}"#)
        #expect(try json(ModifyChannelRequest(name: "n", parentID: .value(9))) == #"{"name":"n","parent_id":"9"}"#)
        #expect(ModifyChannelRequest().isEmpty)
    }

    @Test func overwriteAndRoleBodies() throws {
        #expect(try json(EditPermissionOverwriteRequest(type: .member, allow: [.connect, .speak]))
                    == #"{"allow":3145728,"deny":0,"type":1}"#)
        #expect(try json(RoleRequest(name: "Team Alpha", permissions: [], hoist: true))
                    == #"{"hoist":true,"name":"Team Alpha","permissions":0}"#)
        #expect(try json([RolePositionEntry(id: 3, position: 2)]) == #"[{"id":"3","position":2}]"#)
        #expect(try json([ChannelPositionEntry(id: 3, position: 1, lockPermissions: true, parentID: .null)])
                    == #"[{"id":"3","lock_permissions":true,"parent_id":null,"position":1}]"#)
    }

    @Test func threadStartAlwaysSendsType() throws {
        #expect(try json(StartThreadRequest(name: "team")) == #"{"name":"team","type":11}"#)
        #expect(try json(StartThreadRequest(name: "team", type: .privateThread, autoArchiveDuration: 1440, invitable: false))
                    == #"{"auto_archive_duration":1440,"invitable":false,"name":"team","type":12}"#)
        #expect(try json(ModifyThreadRequest(archived: true, locked: true)) == #"{"archived":true,"locked":true}"#)
    }

    @Test func messageAndCommandBodies() throws {
        let message = CreateMessageRequest(content: "Sign up", embeds: [Embed(title: "Spa 6h", fields: [.init(name: "Start", value: "18:00")])],
                                           allowedMentions: .noPings)
        #expect(try json(message) == #"{"allowed_mentions":{"parse":[]},"content":"Sign up","embeds":[{"fields":[{"name":"Start","value":"18:00"}],"title":"Spa 6h"}]}"#)
        #expect(try json(EditMessageRequest(embeds: [])) == #"{"embeds":[]}"#)
        let command = ApplicationCommandRequest(name: "signup", description: "Sign up for an event",
                                                defaultMemberPermissions: [.manageRoles])
        #expect(try json([command]) == #"[{"default_member_permissions":268435456,"description":"Sign up for an event","name":"signup","type":1}]"#)
    }
}
