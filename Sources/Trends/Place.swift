/// A township as the store knows it. Two townships of one name in different counties are different places.
public struct Place: Hashable, Sendable, Comparable {
    public var township: String
    public var county: String?
    public var city: String?
    public var province: String?

    public init(township: String, county: String?, city: String? = nil, province: String? = nil) {
        self.township = township
        self.county = county
        self.city = city
        self.province = province
    }

    /// Township and county identify a place; city and province follow from the county.
    public static func == (a: Place, b: Place) -> Bool { a.township == b.township && a.county == b.county }
    public func hash(into h: inout Hasher) { h.combine(township); h.combine(county) }

    /// Sorted by province, city, county, then township, so tables read region by region.
    public static func < (a: Place, b: Place) -> Bool {
        (a.province ?? "", a.city ?? "", a.county ?? "", a.township) < (b.province ?? "", b.city ?? "", b.county ?? "", b.township)
    }
}

/// The area a command looks at: everything, or one county, city or province.
public enum Region: Sendable, Equatable {
    case all
    case county(String)
    case city(String)
    case province(String)

    public func contains(_ place: Place) -> Bool {
        switch self {
        case .all: return true
        case .county(let c): return place.county == c
        case .city(let c): return place.city == c
        case .province(let p): return place.province == p
        }
    }

    /// The region's name for titles; nil for everything.
    public var name: String? {
        switch self {
        case .all: return nil
        case .county(let n), .city(let n), .province(let n): return n
        }
    }
}
