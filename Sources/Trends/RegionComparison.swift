/// A level of the administrative tree below the country.
public enum RegionLevel: String, Sendable, CaseIterable, Comparable {
    case province, city, county

    public static func < (a: RegionLevel, b: RegionLevel) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// The region of this level with this name.
    public func region(_ name: String) -> Region {
        switch self {
        case .province: return .province(name)
        case .city: return .city(name)
        case .county: return .county(name)
        }
    }

    /// A place's name at this level, nil when the store does not know it.
    public func name(of place: Place) -> String? {
        switch self {
        case .province: return place.province
        case .city: return place.city
        case .county: return place.county
        }
    }

    /// The level below; nil under a county (its children are townships).
    public var below: RegionLevel? {
        switch self {
        case .province: return .city
        case .city: return .county
        case .county: return nil
        }
    }

    /// 省, 市, 县区: what a title calls regions of this level.
    public var word: String {
        switch self {
        case .province: return "省"
        case .city: return "市"
        case .county: return "县区"
        }
    }
}

/// One indicator in one year across the children of a region (a country's provinces, a province's
/// cities, a city's counties): each child's pooled value (Σ for counts, Σ numerator ÷ Σ denominator ×
/// 100 for rates with counts) with its coverage against the roster, exactly as `compare` pools over that
/// child's townships, ranked; and each child's like-for-like change from the year before.
public struct RegionComparison: Sendable {
    public struct Row: Sendable {
        /// 1 for the highest pooled value; equal values share a rank. Nil without a pooled value.
        public var rank: Int?
        public var name: String
        public var region: Region
        /// `compare(indicator, year:, in: region).pooled`, coverage included.
        public var pooled: RollupPoint
        /// `matchedChange(indicator, year:, in: region)`.
        public var change: MatchedChange
    }

    public var indicator: String
    public var year: Int
    public var parent: Region
    public var level: RegionLevel
    /// Children with a pooled value by rank (then name), then those without one, by name.
    public var rows: [Row]
    /// The parent's own pooled value: the same as `compare(indicator, year:, in: parent).pooled`.
    public var pooled: RollupPoint
}

extension Dataset {
    /// The names of the regions of `level` inside `parent` that hold a stored township or one of the
    /// roster, in code-point order. Places whose name at that level is unknown are left out.
    public func children(of parent: Region, at level: RegionLevel) -> [String] {
        var names = Set<String>()
        for p in places where parent.contains(p) { if let n = level.name(of: p) { names.insert(n) } }
        for p in roster.places where parent.contains(p) { if let n = level.name(of: p) { names.insert(n) } }
        return names.sorted { compareBytes($0, $1) < 0 }
    }

    /// The stored places of each child, found in one pass: what every comparison of this parent reuses.
    public func childPlaces(of parent: Region, at level: RegionLevel) -> ChildPlaces {
        var numbers: [String: [Int]] = [:]
        for n in places.indices where parent.contains(places[n]) {
            if let name = level.name(of: places[n]) { numbers[name, default: []].append(n) }
        }
        return ChildPlaces(parent: parent, level: level, names: children(of: parent, at: level), numbers: numbers,
                           parentNumbers: placeNumbers(in: parent))
    }

    /// Compares the children of a parent on one indicator in one year (see `RegionComparison`).
    public func compareChildren(_ indicator: String, year: Int, _ children: ChildPlaces) -> RegionComparison {
        var rows: [RegionComparison.Row] = children.names.map { name in
            let region = children.level.region(name)
            let among = children.numbers[name] ?? []
            let expected = expectedCount(year: year, among: among, in: region)
            var point = pooled(indicator, year: year, among: among)
            point.coverage.expected = expected
            return RegionComparison.Row(rank: nil, name: name, region: region, pooled: point,
                                        change: matchedChange(indicator, year: year, among: among, expected: expected))
        }
        rows.sort { a, b in
            switch (a.pooled.value, b.pooled.value) {
            case let (x?, y?) where x != y: return x > y
            case (nil, _?): return false
            case (_?, nil): return true
            default: return compareBytes(a.name, b.name) < 0
            }
        }
        for i in rows.indices where rows[i].pooled.value != nil {
            rows[i].rank = i > 0 && rows[i - 1].pooled.value == rows[i].pooled.value ? rows[i - 1].rank : i + 1
        }
        var parentPoint = pooled(indicator, year: year, among: children.parentNumbers)
        parentPoint.coverage.expected = expectedCount(year: year, among: children.parentNumbers, in: children.parent)
        return RegionComparison(indicator: indicator, year: year, parent: children.parent, level: children.level,
                                rows: rows, pooled: parentPoint)
    }
}

/// A parent region's children and the stored places of each (see `Dataset.childPlaces`).
public struct ChildPlaces: Sendable {
    public let parent: Region
    public let level: RegionLevel
    /// Every child, in code-point order.
    public let names: [String]
    let numbers: [String: [Int]]
    let parentNumbers: [Int]
}
