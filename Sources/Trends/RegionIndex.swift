/// The numbers of the places of each county, city and province (ascending), made once per dataset.
struct RegionIndex: Sendable {
    private var counties: [String: [Int]] = [:]
    private var cities: [String: [Int]] = [:]
    private var provinces: [String: [Int]] = [:]

    init(_ places: [Place]) {
        for (n, p) in places.enumerated() {
            if let c = p.county { counties[c, default: []].append(n) }
            if let c = p.city { cities[c, default: []].append(n) }
            if let c = p.province { provinces[c, default: []].append(n) }
        }
    }

    /// The same numbers as filtering every place by `region.contains`, ascending.
    func numbers(_ region: Region) -> [Int] {
        switch region {
        case .all: preconditionFailure("the caller takes every place")
        case .county(let n): return counties[n] ?? []
        case .city(let n): return cities[n] ?? []
        case .province(let n): return provinces[n] ?? []
        }
    }
}

/// The roster's places of each county, city and province, made once when the roster is set.
struct RosterRegions: Sendable {
    private var counties: [String: [Place]] = [:]
    private var cities: [String: [Place]] = [:]
    private var provinces: [String: [Place]] = [:]
    private var all: [Place] = []

    init(_ places: [Place] = []) {
        all = places
        for p in places {
            if let c = p.county { counties[c, default: []].append(p) }
            if let c = p.city { cities[c, default: []].append(p) }
            if let c = p.province { provinces[c, default: []].append(p) }
        }
    }

    func places(_ region: Region) -> [Place] {
        switch region {
        case .all: return all
        case .county(let n): return counties[n] ?? []
        case .city(let n): return cities[n] ?? []
        case .province(let n): return provinces[n] ?? []
        }
    }
}
