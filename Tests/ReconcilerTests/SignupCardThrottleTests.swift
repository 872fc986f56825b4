import DiscordTypes
import Foundation
@testable import Reconciler
import Spec
import Testing

/// `signup_update_frequency`: which signup cards wait before their next edit.
@Suite struct SignupCardThrottleTests {
    let edited = Date(timeIntervalSince1970: 1_796_000_000)
    var messages: [ManagedMessage] {
        [ManagedMessage(key: "series/s/event/e/message/signup", channelID: 1, messageID: 2, updatedAt: edited),
         ManagedMessage(key: "series/s/event/e/team/t/message/stint-1", channelID: 3, messageID: 4, updatedAt: edited)]
    }

    @Test func aCardEditedWithinThePeriodIsHeldUntilThePeriodEnds() {
        let throttle = SignupCardThrottle(frequency: 3600)
        #expect(throttle.held(messages, at: edited.addingTimeInterval(60)) == ["series/s/event/e/message/signup"],
                "only signup cards are throttled, not stint alerts")
        #expect(throttle.held(messages, at: edited.addingTimeInterval(3599)).count == 1)
        #expect(throttle.held(messages, at: edited.addingTimeInterval(3600)).isEmpty)
    }

    @Test func previewsOfThePastAndAZeroFrequencyHoldNothing() {
        #expect(SignupCardThrottle(frequency: 3600).held(messages, at: edited.addingTimeInterval(-60)).isEmpty)
        #expect(SignupCardThrottle(frequency: 0).held(messages, at: edited.addingTimeInterval(60)).isEmpty)
    }
}
