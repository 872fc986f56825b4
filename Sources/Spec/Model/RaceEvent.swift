import DiscordTypes
import Foundation

/// One race event of a series: signup sheet, schedule, participants, teams and results.
public struct RaceEvent: Hashable, Sendable, Codable {
    public var id: String
    /// Id of the series this event belongs to.
    public var series: String
    public var name: String
    public var track: String?
    public var signup: Signup?
    public var start: Date
    /// Race length in seconds.
    public var duration: TimeInterval
    /// Member ids signed up for the event.
    public var participants: [String]
    /// When team assignments become visible (roles, threads, practice voice); default: when
    /// the signup closes (or at once when there is no signup sheet).
    public var teamsPublished: Date?
    public var teams: [Team]
    public var results: [RaceResult]
    /// Called off by the club (`cancelled: true`): its scheduled event is cancelled.
    public var cancelled: Bool

    public init(
        id: String, series: String, name: String, track: String? = nil, signup: Signup? = nil,
        start: Date, duration: TimeInterval, participants: [String] = [],
        teamsPublished: Date? = nil, teams: [Team] = [], results: [RaceResult] = [], cancelled: Bool = false
    ) {
        self.cancelled = cancelled
        self.id = id
        self.series = series
        self.name = name
        self.track = track
        self.signup = signup
        self.start = start
        self.duration = duration
        self.participants = participants
        self.teamsPublished = teamsPublished
        self.teams = teams
        self.results = results
    }

    /// When the race ends (start + duration).
    public var end: Date { start.addingTimeInterval(duration) }
}

/// An event's signup sheet on the Simlane platform.
public struct Signup: Hashable, Sendable, Codable {
    public var url: String
    public var opens: Date
    public var closes: Date
    /// Grid places, when the sheet has a limit: the card counts against it.
    public var capacity: Int?
    /// Member ids on the reserve list (signed up beyond capacity, waiting for a place).
    public var reserves: [String]

    public init(url: String, opens: Date, closes: Date, capacity: Int? = nil, reserves: [String] = []) {
        self.url = url
        self.opens = opens
        self.closes = closes
        self.capacity = capacity
        self.reserves = reserves
    }
}

/// A team entered in an event: its drivers, stint plan and strategy.
public struct Team: Hashable, Sendable, Codable {
    public var id: String
    public var name: String
    public var car: String?
    /// Member ids; each must be a participant of the event.
    public var members: [String]
    public var stints: [Stint]
    public var strategy: Strategy?

    public init(
        id: String, name: String, car: String? = nil, members: [String] = [],
        stints: [Stint] = [], strategy: Strategy? = nil
    ) {
        self.id = id
        self.name = name
        self.car = car
        self.members = members
        self.stints = stints
        self.strategy = strategy
    }
}

/// One driver's turn at the wheel.
public struct Stint: Hashable, Sendable, Codable {
    /// Member id of the driver (a member of the team).
    public var driver: String
    public var start: Date
    public var end: Date

    public init(driver: String, start: Date, end: Date) {
        self.driver = driver
        self.start = start
        self.end = end
    }
}

/// A team's race strategy, shown in its thread.
public struct Strategy: Hashable, Sendable, Codable {
    public var pitStops: Int?
    public var fuelPerStint: String?
    public var tyres: String?
    public var notes: String?

    public init(pitStops: Int? = nil, fuelPerStint: String? = nil, tyres: String? = nil, notes: String? = nil) {
        self.pitStops = pitStops
        self.fuelPerStint = fuelPerStint
        self.tyres = tyres
        self.notes = notes
    }
}

/// A team's classified result once the race is done.
public struct RaceResult: Hashable, Sendable, Codable {
    public var team: String
    public var position: Int
    public var laps: Int?
    /// Classification text such as `DNF`.
    public var status: String?
    /// The team's best lap as the platform writes it (`2:18.456`).
    public var bestLap: String?
    /// Gap to the leader as the platform writes it (`+12.345`, `+1 lap`).
    public var gap: String?
    /// Incidents (penalties, incident points) counted against the team.
    public var incidents: Int?

    public init(team: String, position: Int, laps: Int? = nil, status: String? = nil,
                bestLap: String? = nil, gap: String? = nil, incidents: Int? = nil) {
        self.team = team
        self.position = position
        self.laps = laps
        self.status = status
        self.bestLap = bestLap
        self.gap = gap
        self.incidents = incidents
    }
}
