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
        a.township.utf8.elementsEqual(b.township.utf8) && optionalBytesEqual(a.county, b.county)
    }

    public func hash(into h: inout Hasher) {
        hashBytes(township, into: &h)
        if let county { hashBytes(county, into: &h) } else { h.combine(0 as UInt8) }
    }

    /// Sorted by province, city, county, then township (by code point), so tables read region by region.
    public static func < (a: Place, b: Place) -> Bool {
        if let order = byteOrder(a.province, b.province) { return order }
        if let order = byteOrder(a.city, b.city) { return order }
        if let order = byteOrder(a.county, b.county) { return order }
        return byteOrder(a.township, b.township) ?? false
    }
}

private func optionalBytesEqual(_ a: String?, _ b: String?) -> Bool {
    switch (a, b) {
    case (nil, nil): return true
    case let (x?, y?): return x.utf8.elementsEqual(y.utf8)
    default: return false
    }
}

/// Whether `a` sorts before `b` by code point (nil first), or nil when they are equal.
private func byteOrder(_ a: String?, _ b: String?) -> Bool? {
    let l = (a ?? "").utf8, r = (b ?? "").utf8
    return l.elementsEqual(r) ? nil : l.lexicographicallyPrecedes(r)
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
