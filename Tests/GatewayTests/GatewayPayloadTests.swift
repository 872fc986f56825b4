import DiscordTypes
import Testing
@testable import Gateway

@Suite struct GatewayProtocolTests {
    @Test func fatalCloseCodesNeverReconnect() {
        for code in [4004, 4010, 4011, 4012, 4013, 4014] {
            guard case .fatal = GatewayCloseCode.classify(code) else { Issue.record("\(code) must be fatal"); continue }
        }
        #expect(GatewayCloseCode.classify(4000) == .resume)
        #expect(GatewayCloseCode.classify(nil) == .resume)
        #expect(GatewayCloseCode.classify(4009) == .reidentify)
        #expect(GatewayCloseCode.classify(4007) == .reidentify)
    }

    @Test func intentsAreOnlyWhatTheFeaturesNeed() {
        #expect(GatewayIntents.needed(memberSync: false, textCommands: false).rawValue == 1)
        #expect(GatewayIntents.needed(memberSync: true, textCommands: false).rawValue == 3)
        #expect(GatewayIntents.needed(memberSync: true, textCommands: true).rawValue == 1 | 2 | 512 | 32768)
    }

    @Test func theSendLimiterHoldsTheHundredAndTwentyFirstFrameUntilTheWindowMoves() {
        var limiter = GatewaySendLimiter()
        for i in 0..<120 {
            #expect(limiter.delay(at: Double(i) * 0.1) == 0)
            limiter.record(at: Double(i) * 0.1)
        }
        #expect(limiter.delay(at: 12) == 48)
        #expect(limiter.delay(at: 60.05) == 0)
        // Ordinary frames leave three slots for heartbeats.
        var reserved = GatewaySendLimiter()
        for i in 0..<117 { reserved.record(at: Double(i) * 0.01) }
        #expect(reserved.delay(at: 2, reserve: 3) > 0)
        #expect(reserved.delay(at: 2, reserve: 0) == 0)
    }

    @Test func theIdentifyBudgetWaitsForItsResetWhenSpent() {
        var budget = IdentifyBudget(remaining: 1, resetsAt: 100)
        #expect(budget.wait(at: 0) == 0)
        budget.spend(at: 0)
        #expect(budget.wait(at: 10) == 90)
        #expect(budget.wait(at: 100) == 0)
    }

    @Test func dispatchesDecodeIntoTypedEvents() throws {
        let text = #"{"op":0,"s":7,"t":"GUILD_MEMBER_ADD","d":{"guild_id":"5","user":{"id":"9","username":"x"},"roles":[]}}"#
        let payload = try GatewayPayload.decode(text)
        let event = try GatewayEvent.decode(name: payload.t!, data: payload.d!)
        #expect(payload.s == 7)
        guard case .memberAdd(let guild, let member) = event else { Issue.record("\(event)"); return }
        #expect(guild == 5 && member.user?.id == 9)
        #expect(try GatewayEvent.decode(name: "TYPING_START", data: .null) == .other("TYPING_START"))
    }
}
