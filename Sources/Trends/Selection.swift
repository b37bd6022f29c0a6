/// A year or region a command was asked for that the store has nothing of: one line, Chinese first.
public struct SelectionError: Error, CustomStringConvertible, Sendable, Equatable {
    public enum Reason: Sendable, Equatable {
        /// The year and the years that have data in the region.
        case noYear(Int, available: [Int])
        /// The region and the nearest names of its level that the store holds.
        case noRegion(Region, nearest: [String])
    }
    public let reason: Reason

    public var description: String {
        switch reason {
        case .noYear(let year, let available):
            let years = available.isEmpty ? "无 (none)" : available.map(String.init).joined(separator: "、")
            return "数据库中没有\(year)年的报告；有数据的年份：\(years) (no reports for \(year); years with data: "
                + available.map(String.init).joined(separator: ", ") + ")"
        case .noRegion(let region, let nearest):
            let level: String
            switch region {
            case .county: level = "县区"
            case .city: level = "地级市"
            case .province: level = "省"
            case .all: level = "地区"
            }
            let hint = nearest.isEmpty ? "" : "；是否指：\(nearest.joined(separator: "、"))"
            return "数据库中没有\(level)“\(region.name ?? "")”的镇街\(hint) (no townships of \(region.name ?? "") in the store"
                + (nearest.isEmpty ? ")" : "; did you mean \(nearest.joined(separator: ", "))?)")
        }
    }
}

extension Dataset {
    /// The years in which some township of the region sent a report or a value, ascending.
    public func yearsWithData(in region: Region = .all) -> [Int] {
        reportedYears.years(ofAny: placeNumbers(in: region)).sorted()
    }

    /// Throws `SelectionError` when the region has no townships in the store (with the nearest names of
    /// its level), or, given a year, when none of its townships reported that year (with the years that have data).
    public func requireData(in region: Region, year: Int? = nil) throws {
        if region != .all, placeNumbers(in: region).isEmpty {
            let level: (Place) -> String?
            switch region {
            case .county: level = { $0.county }
            case .city: level = { $0.city }
            case .province: level = { $0.province }
            case .all: level = { _ in nil }
            }
            let names = Set(places.compactMap(level))
            throw SelectionError(reason: .noRegion(region, nearest: nearestNames(to: region.name ?? "", in: names)))
        }
        if let year {
            let years = yearsWithData(in: region)
            if !years.contains(year) { throw SelectionError(reason: .noYear(year, available: years)) }
        }
    }
}

/// The names closest to `name` by edit distance (in characters), at most three, nearest first; only those
/// within half the name's length, or sharing a character, count as near.
public func nearestNames(to name: String, in names: some Collection<String>, limit: Int = 3) -> [String] {
    let target = Array(name)
    let scored = names.map { ($0, editDistance(target, Array($0))) }
        .filter { candidate, d in d <= max(1, target.count / 2) || Set(candidate).intersection(target).count * 2 >= target.count }
    return scored.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }.prefix(limit).map(\.0)
}

/// Levenshtein distance between two sequences of characters.
func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var row = Array(0...b.count)
    for i in 1...a.count {
        var previous = row[0]
        row[0] = i
        for j in 1...b.count {
            let old = row[j]
            row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
            previous = old
        }
    }
    return row[b.count]
}
