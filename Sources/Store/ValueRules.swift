import Extraction
import Foundation
import ReportText

/// A value about to enter the store, from any door: extraction, `import`, the corrections file,
/// `correct` (and the review page). Texts as given; `ValueRules.check` settles them.
public struct IncomingValue: Sendable, Equatable {
    public var township: String?
    public var county: String?
    public var year: Int?
    /// An indicator id, its Chinese name, or an unambiguous part of either (see `Catalog.resolve`).
    public var indicator: String
    public var value: Double
    public var qualifier: String

    public init(township: String?, county: String?, year: Int?, indicator: String, value: Double,
                qualifier: String = Qualifier.exact.rawValue) {
        self.township = township
        self.county = county
        self.year = year
        self.indicator = indicator
        self.value = value
        self.qualifier = qualifier
    }
}

/// Why a value may not enter the store: one line, Chinese first with an English gloss.
public struct ValueProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public let reason: String
    /// Only `--force` (a rate over 100) would let it in.
    public let forceable: Bool
    public init(_ reason: String, forceable: Bool = false) {
        self.reason = reason
        self.forceable = forceable
    }
    public var description: String { reason }
}

/// The one validation every value passes before it is stored. Values are finite numbers; counts are
/// whole and not negative; rates are 0–100 (over 100 only with `allowRateOver100`, and `check` lists
/// it then); years are plausible; the indicator is in the catalog (by id or Chinese name); the
/// township is one the store or the gazetteer knows (or any, with `allowNewTownships`); the qualifier
/// is one of the catalog's (exact, more_than, about, nearly, at_least, at_most, less_than).
public struct ValueRules: Sendable {
    public let catalog: Catalog
    /// Townships the store already holds, and a lookup of the gazetteer's; nil to accept any township.
    let knownTownships: Set<String>
    let gazetteer: Gazetteer?
    public var allowRateOver100 = false
    public var allowNewTownships = false
    public static let years = 1978...(Calendar(identifier: .gregorian).component(.year, from: Date()) + 1)
    public static let qualifiers = Set(Qualifier.allCases.map(\.rawValue))

    /// `townships`: the names the store holds (`ReportStore.townshipNames()`).
    public init(catalog: Catalog, townships: Set<String>, gazetteer: Gazetteer?) {
        self.catalog = catalog
        self.knownTownships = townships
        self.gazetteer = gazetteer
    }

    /// The value as it may be stored (its indicator as the catalog's id), or the reason it may not.
    /// `townshipIsKnown`: what `isKnown(township)` gave before, for a caller that remembers it.
    public func check(_ v: IncomingValue, townshipIsKnown: Bool? = nil) -> Result<IncomingValue, ValueProblem> {
        let indicator: Indicator
        do { indicator = try catalog.resolve(v.indicator) } catch { return .failure(ValueProblem("\(error)")) }
        var checked = v
        checked.indicator = indicator.id
        if let problem = problem(value: v.value, of: indicator) { return .failure(problem) }
        if let year = v.year, !Self.years.contains(year) {
            return .failure(ValueProblem("年份 \(year) 不合理 (implausible year; \(Self.years.lowerBound)–\(Self.years.upperBound))"))
        }
        if !Self.qualifiers.contains(v.qualifier) {
            return .failure(ValueProblem("未知限定词 \(v.qualifier) (unknown qualifier; one of "
                + Self.qualifiers.sorted().joined(separator: ", ") + ")"))
        }
        if let township = v.township, !allowNewTownships, !(townshipIsKnown ?? isKnown(township)) {
            let nearest = nearestTownships(to: township, count: 3)
            return .failure(ValueProblem("未知镇街 \(township) (a township neither the store nor the gazetteer knows)"
                + (nearest.isEmpty ? "" : "；最接近的 (nearest): " + nearest.joined(separator: "、"))))
        }
        return .success(checked)
    }

    /// Whether a number fits an indicator: finite; a count whole and ≥ 0; a rate 0–100.
    public func problem(value: Double, of indicator: Indicator) -> ValueProblem? {
        guard value.isFinite else { return ValueProblem("数值不是有限数 (not a finite number): \(value)") }
        switch indicator.kind {
        case .count:
            if value < 0 || value != value.rounded() {
                return ValueProblem("\(indicator.name) 是计数，须为非负整数 (a count must be a whole number ≥ 0): \(formatNumber(value))")
            }
        case .rate:
            if value < 0 { return ValueProblem("\(indicator.name) 是比率，不能为负 (a rate cannot be negative): \(formatNumber(value))") }
            if value > 100 && !allowRateOver100 {
                return ValueProblem("\(indicator.name) 超过 100% (a rate over 100): \(formatNumber(value))；确认无误请加 --force (add --force if it is right)",
                                    forceable: true)
            }
        }
        return nil
    }

    /// Whether the store or the gazetteer knows a township of this name.
    public func isKnown(_ township: String) -> Bool {
        knownTownships.contains(township) || !(gazetteer?.townships(named: township).isEmpty ?? true)
    }

    /// The store's townships nearest by edit distance, then the gazetteer's with the same first character.
    public func nearestTownships(to name: String, count: Int) -> [String] {
        let q = Array(name)
        var candidates = knownTownships
        if let gazetteer, let first = name.first {
            for unit in gazetteer.units where unit.level == .township && unit.name.first == first { candidates.insert(unit.name) }
        }
        return candidates.map { (editDistance(q, Array($0)), $0) }
            .filter { $0.0 <= max(2, q.count / 2) }
            .sorted { $0 < $1 }.prefix(count).map(\.1)
    }
}
