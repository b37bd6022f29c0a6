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

extension Dataset {
    /// The roster's places of a region, with the city and province the store knows for their county
    /// where the roster file left them out (so that `--city` finds them).
    func rosterPlaces(in region: Region) -> [Place] {
        guard !roster.places.isEmpty else { return [] }
        var known: [String: Place] = [:]
        for p in places { if let c = p.county, known[c] == nil || known[c]!.city == nil { known[c] = p } }
        return roster.places.map { p in
            guard p.city == nil || p.province == nil, let c = p.county, let k = known[c] else { return p }
            return Place(township: p.township, county: p.county, city: p.city ?? k.city, province: p.province ?? k.province)
        }.filter(region.contains)
    }

    /// Who reported in the year, of the region's roster.
    public func attendance(year: Int, in region: Region = .all) -> Attendance {
        let inRegion = placeNumbers(in: region)
        let bit = reportedYears.bit(of: year)
        let submitted = inRegion.filter { n in bit.map { reportedYears.contains(bit: $0, for: n) } == true }.map { places[$0] }
        let listed = rosterPlaces(in: region)
        // Counties without a roster count the townships the store holds for them.
        let unrostered = inRegion.map { places[$0] }.filter { !roster.covers(county: $0.county) }
        let expected = Set(listed).union(unrostered).union(submitted)
        let submittedSet = Set(submitted), listedSet = Set(listed)
        return Attendance(year: year, expected: expected.sorted(),
                          submitted: submitted,
                          missing: expected.filter { !submittedSet.contains($0) }.sorted(),
                          unlisted: submitted.filter { roster.covers(county: $0.county) && !listedSet.contains($0) },
                          fromRoster: unrostered.isEmpty)
    }
}
