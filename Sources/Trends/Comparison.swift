/// One indicator across the townships of a region in one year: ranked, with the median and the pooled value.
public struct Comparison: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        /// 1 for the highest value; equal values share a rank (1, 2, 2, 4). Nil for no value (未报告).
        public var rank: Int?
        public var place: Place
        public var observation: Observation?
    }

    public var indicator: String
    public var year: Int
    public var region: Region
    /// Ranked townships first, then those without a value, by place.
    public var rows: [Row]
    public var median: Double?
    public var pooled: RollupPoint
}

extension Dataset {
    /// Ranks the townships of the region that have a report or a value in the year.
    public func compare(_ indicator: String, year: Int, in region: Region = .all) -> Comparison {
        let members = memberNumbers(indicator, in: region, year: year)
        let byKey = table[indicator] ?? [:]
        // Equal values in place order: place numbers follow the places' sorted order.
        let withValue = members.compactMap { n in byKey[Self.key(n, year)].map { (n, $0) } }
            .sorted { $0.1.value != $1.1.value ? $0.1.value > $1.1.value : $0.0 < $1.0 }
        var rows: [Comparison.Row] = []
        rows.reserveCapacity(members.count)
        for (i, (n, o)) in withValue.enumerated() {
            let rank = i > 0 && withValue[i - 1].1.value == o.value ? rows[i - 1].rank : i + 1
            rows.append(Comparison.Row(rank: rank, place: places[n], observation: o))
        }
        for n in members where byKey[Self.key(n, year)] == nil {
            rows.append(Comparison.Row(rank: nil, place: places[n], observation: nil))
        }
        return Comparison(indicator: indicator, year: year, region: region, rows: rows,
                          median: median(withValue.map { $0.1.value }), pooled: pooled(indicator, year: year, in: region))
    }

    /// The latest year in which any township of the region has a value of the indicator.
    public func latestYear(_ indicator: String, in region: Region = .all) -> Int? {
        (table[indicator] ?? [:]).values.filter { region.contains($0.place) }.map(\.year).max()
    }
}
