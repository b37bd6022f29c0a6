/// One indicator across the townships of a region in one year: ranked, with the median and the pooled value.
public struct Comparison: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        /// 1 for the highest value; equal values share a rank (1, 2, 2, 4). Nil for no value (未报告).
        public var rank: Int?
        public var place: Place
        public var observation: Observation?
        /// False for a township of the roster that sent no report this year (未报送); true for one that
        /// reported but gave no value of the indicator (未报告).
        public var submitted: Bool = true
    }

    public var indicator: String
    public var year: Int
    public var region: Region
    /// Ranked townships first, then those that reported without a value, by place, then those of the
    /// roster that sent nothing (`submitted` false), by place.
    public var rows: [Row]
    public var median: Double?
    public var pooled: RollupPoint
}

extension Dataset {
    /// Ranks the townships of the region that have a report or a value in the year.
    public func compare(_ indicator: String, year: Int, in region: Region = .all) -> Comparison {
        let inRegion = placeNumbers(in: region)
        let members = memberNumbers(indicator, among: inRegion, year: year)
        let who = attendance(year: year, in: region)
        let memberSet = Set(members.map { places[$0] })
        let notSubmitted = who.missing.filter { !memberSet.contains($0) }
            .map { Comparison.Row(rank: nil, place: $0, observation: nil, submitted: false) }
        var pooledPoint = pooled(indicator, year: year, among: inRegion)
        pooledPoint.coverage.expected = who.expected.count
        guard let c = columnOfIndicator[indicator] else {
            return Comparison(indicator: indicator, year: year, region: region,
                              rows: members.map { Comparison.Row(rank: nil, place: places[$0], observation: nil) } + notSubmitted,
                              median: nil, pooled: pooledPoint)
        }
        let column = columns[c]
        var withValue: [(place: Int, entry: Int, value: Double)] = []
        var without: [Int] = []
        for n in members {
            if let i = column.index(n, year) { withValue.append((n, i, column.entries[i].value)) } else { without.append(n) }
        }
        // Equal values in place order: place numbers follow the places' sorted order.
        withValue.sort { a, b in a.value != b.value ? a.value > b.value : a.place < b.place }
        var rows: [Comparison.Row] = []
        rows.reserveCapacity(members.count)
        for (i, v) in withValue.enumerated() {
            let rank = i > 0 && withValue[i - 1].value == v.value ? rows[i - 1].rank : i + 1
            rows.append(Comparison.Row(rank: rank, place: places[v.place], observation: observation(c, v.place, v.entry)))
        }
        rows += without.map { Comparison.Row(rank: nil, place: places[$0], observation: nil) }
        rows += notSubmitted
        return Comparison(indicator: indicator, year: year, region: region, rows: rows,
                          median: median(withValue.map(\.value)), pooled: pooledPoint)
    }

    /// The latest year in which any township of the region has a value of the indicator.
    public func latestYear(_ indicator: String, in region: Region = .all) -> Int? {
        guard let column = column(indicator) else { return nil }
        return placeNumbers(in: region).lazy.flatMap { column.range($0) }.map { column.entries[$0].year }.max()
    }
}
