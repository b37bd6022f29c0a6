import Extraction

/// Who reported in a year, against who should have: the region's roster (see `Roster`) and any
/// township that reported besides.
public struct Attendance: Sendable, Equatable {
    public var year: Int
    /// The townships that should report: the roster's for the counties it covers, the store's for the
    /// others, and every township that did report. In place order.
    public var expected: [Place]
    /// Those that sent a report or a stated value for the year.
    public var submitted: [Place]
    /// Expected but sent nothing (未报送).
    public var missing: [Place]
    /// Reported although the roster of their county does not list them.
    public var unlisted: [Place]
    /// Whether a roster covers every county of the region that the store knows; when false the
    /// expected list of some county is only what the store holds for it.
    public var fromRoster: Bool
}

/// The roster by place number: which stored places it lists, which places' counties it covers, and the
/// places it lists that the store does not hold (with the city and province the store knows for their county).
struct RosterIndex: Sendable {
    var listed: [Bool] = []
    var covered: [Bool] = []
    var absent: [Place] = []
    /// `absent` by region.
    var absentRegions = RosterRegions()

    init() {}

    init(_ roster: Roster, places: [Place]) {
        let names = Set(roster.places)
        listed = places.map { names.contains($0) }
        covered = places.map { roster.covers(county: $0.county) }
        var known: [String: Place] = [:]
        for p in places { if let c = p.county, known[c] == nil || known[c]!.city == nil { known[c] = p } }
        let stored = Set(places)
        absent = roster.places.filter { !stored.contains($0) }.map { p in
            guard p.city == nil || p.province == nil, let c = p.county, let k = known[c] else { return p }
            return Place(township: p.township, county: p.county, city: p.city ?? k.city, province: p.province ?? k.province)
        }
        absentRegions = RosterRegions(absent)
    }

    var isEmpty: Bool { absent.isEmpty && !covered.contains(true) }
}

extension Dataset {
    /// Whether stored place n is expected in a year: its county has no roster, the roster lists it, or it reported.
    func isExpected(_ n: Int, submitted: Bool) -> Bool {
        submitted || rosterIndex.covered.isEmpty || !rosterIndex.covered[n] || rosterIndex.listed[n]
    }

    /// How many townships of the region should report in the year (`Attendance.expected.count`), without
    /// making their list: what each pooled figure's coverage is counted against.
    public func expectedCount(year: Int, in region: Region = .all) -> Int {
        expectedCount(year: year, among: placeNumbers(in: region), in: region)
    }

    /// `expectedCount` for the region whose stored places are `inRegion` (see `placeNumbers`): a caller
    /// comparing many regions finds their places once.
    func expectedCount(year: Int, among inRegion: [Int], in region: Region) -> Int {
        let absent = rosterIndex.absent.isEmpty ? 0 : rosterIndex.absentRegions.places(region).count
        if rosterIndex.covered.isEmpty || !rosterIndex.covered.contains(true) { return inRegion.count + absent }
        let bit = reportedYears.bit(of: year)
        return absent + inRegion.filter { n in isExpected(n, submitted: bit.map { reportedYears.contains(bit: $0, for: n) } == true) }.count
    }

    /// Who reported in the year, of the region's roster.
    public func attendance(year: Int, in region: Region = .all) -> Attendance {
        let inRegion = placeNumbers(in: region)
        let bit = reportedYears.bit(of: year)
        var expected: [Place] = [], submitted: [Place] = [], missing: [Place] = [], unlisted: [Place] = []
        var fromRoster = true
        for n in inRegion {
            let sent = bit.map { reportedYears.contains(bit: $0, for: n) } == true
            guard isExpected(n, submitted: sent) else { continue }
            let covered = !rosterIndex.covered.isEmpty && rosterIndex.covered[n]
            if !covered { fromRoster = false }
            expected.append(places[n])
            if sent {
                submitted.append(places[n])
                if covered && !rosterIndex.listed[n] { unlisted.append(places[n]) }
            } else {
                missing.append(places[n])
            }
        }
        // Places are numbered in sorted order; the roster's townships the store lacks are merged in.
        let absent = rosterIndex.absentRegions.places(region)
        if !absent.isEmpty {
            expected = (expected + absent).sorted()
            missing = (missing + absent).sorted()
        }
        return Attendance(year: year, expected: expected, submitted: submitted, missing: missing, unlisted: unlisted,
                          fromRoster: fromRoster)
    }
}
