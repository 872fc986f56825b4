import DiscordTypes
import Foundation
import Reconciler
import Spec

extension ServeApp {
    /// `POST /api/discord/webhooks/interactions`: Discord's interactions endpoint. Every
    /// request is verified first (Ed25519 over timestamp + raw body with a served club's
    /// `discord.public_key`, timestamp within `interactionMaxAge`); any failure is 401, as
    /// Discord requires. PING answers PONG; commands go to `SlashCommands`.
    func interaction(_ request: APIRequest) async throws(APIError) -> APIResponse {
        let clubs = await catalog.loadedClubs()
        let keys = clubs.compactMap { $0.1.settings.discord.publicKey }
        let verifier = InteractionVerifier(maxAge: options.interactionMaxAge)
        let matchedKeys: Set<String>
        do {
            matchedKeys = try verifier.verify(signature: request.header("x-signature-ed25519"),
                                              timestamp: request.header("x-signature-timestamp"),
                                              body: request.body, keys: keys, now: options.now())
        } catch {
            await metrics.recordRejectedSignature()
            logger.notice("interaction refused", metadata: ["reason": "\(error.rawValue)"])
            throw APIError(401, .invalidSignature, "invalid request signature")
        }
        let interaction: Interaction
        do {
            interaction = try APIJSON.decoder.decode(Interaction.self, from: request.body)
        } catch {
            throw .badRequest("not an interaction")
        }
        await metrics.recordInteraction(type: interaction.kind.map { "\($0)" } ?? "type\(interaction.type)")
        if interaction.kind == .ping { return .json(InteractionResponse.pong) }
        // The club: the one whose key signed the request and whose guild it came from. No
        // fallback: a command from another guild or a DM never sees a club's data.
        let signed = clubs.filter { club in club.1.settings.discord.publicKey.map(matchedKeys.contains) == true }
        guard let guild = interaction.guildId,
              let (source, config) = signed.first(where: { $0.1.settings.discord.guildID == guild }) else {
            return .json(InteractionResponse.message(
                "This server is not linked to a club here. Ask an admin to check discord.guild_id in the club's settings.",
                ephemeral: true))
        }
        guard interaction.kind == .applicationCommand, interaction.data != nil else {
            return .json(InteractionResponse.message("This kind of interaction is not supported.", ephemeral: true))
        }
        let commands = SlashCommands(app: self, source: source, config: config)
        return .json(await commands.respond(to: interaction))
    }
}
