import Foundation

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

    /// Township and county identify a place; city and province follow from the county. Names compare
    /// and hash by their UTF-8 bytes: they come from one normalizer, and Swift's Unicode-aware string
    /// hashing made loading a store of 40,000 townships several times slower.
    public static func == (a: Place, b: Place) -> Bool {
        sameBytes(a.township, b.township) && sameBytes(a.county, b.county)
    }

    public func hash(into h: inout Hasher) {
        hashBytes(township, into: &h)
        if let county { hashBytes(county, into: &h) } else { h.combine(0 as UInt8) }
    }

    /// Sorted by province, city, county, then township (by code point), so tables read region by region.
    public static func < (a: Place, b: Place) -> Bool {
        var order = compareBytes(a.province, b.province)
        if order == 0 { order = compareBytes(a.city, b.city) }
        if order == 0 { order = compareBytes(a.county, b.county) }
        if order == 0 { order = compareBytes(a.township, b.township) }
        return order < 0
    }
}

/// Whether two names (nil for unknown) have the same UTF-8 bytes.
func sameBytes(_ a: String?, _ b: String?) -> Bool {
    switch (a, b) {
    case (nil, nil): return true
    case let (x?, y?): return compareBytes(x, y) == 0
    default: return false
    }
}

/// memcmp order of the UTF-8 bytes (code point order); nil sorts first.
func compareBytes(_ a: String?, _ b: String?) -> Int {
    guard var a, var b else { return a == nil ? (b == nil ? 0 : -1) : 1 }
    return a.withUTF8 { x in
        b.withUTF8 { y in
            let common = min(x.count, y.count)
            let order = common == 0 ? 0 : Int(memcmp(x.baseAddress!, y.baseAddress!, common))
            return order != 0 ? order : x.count - y.count
        }
    }
}

private func hashBytes(_ s: String, into h: inout Hasher) {
    var s = s
    s.withUTF8 { h.combine(bytes: UnsafeRawBufferPointer($0)) }
    h.combine(0xFF as UInt8)  // a separator that UTF-8 never contains
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
