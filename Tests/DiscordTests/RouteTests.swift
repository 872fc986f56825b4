import Discord
import DiscordTypes
import Foundation
import Testing

/// Route templates, major parameters and keys.
@Suite struct RouteTests {
    @Test func majorParameterAndKey() {
        let overwrite = Route(.put, "/channels/{channel_id}/permissions/{overwrite_id}", Snowflake(1), Snowflake(2))
        #expect(overwrite.path == "/channels/1/permissions/2")
        #expect(overwrite.key == "PUT /channels/{channel_id}/permissions/{overwrite_id}")
        #expect(overwrite.majorParameter == "channels/1")
        #expect(Route(.get, "/guilds/{guild_id}/members", Snowflake(9)).majorParameter == "guilds/9")
        #expect(Route(.get, "/users/@me").majorParameter == "global")
        #expect(Route(.put, "/applications/{a}/guilds/{g}/commands", Snowflake(1), Snowflake(2)).majorParameter == "global")
        #expect(Route(.post, "/webhooks/{id}/{token}", Snowflake(1), "tok").countsTowardsGlobalLimit == false)
    }

    @Test func placeholdersArePercentEncoded() {
        let route = Route(.get, "/x/{v}", "a b/c")
        #expect(route.path == "/x/a%20b%2Fc")
        #expect(route.description == "GET /x/a%20b%2Fc")
    }
}
