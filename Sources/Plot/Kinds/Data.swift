import Foundation

/// Values by township and year, in first-seen order of townships.
struct YearTable {
    var townships: [String] = []
    var years: [Int] = []
    var values: [String: [Int: (Double, ValueFlags)]] = [:]
    var flagsUsed: ValueFlags = []
    /// The years in which a township sent no report at all (rows with `submitted` false).
    var unsent: [String: Set<Int>] = [:]
    /// Townships with no value in any year but listed as sending nothing in some (for heatmaps).
    var onlyUnsent: [String] = []

    /// Years run without a gap from the first to the last: a year nobody reported breaks the lines.
    init(_ rows: [Row], indicator: String? = nil) {
        var seen = Set<String>(), yearSet = Set<Int>()
        for r in rows {
            guard let y = r.year else { continue }
            if let ind = indicator, r.indicator != ind { continue }
            if !seen.contains(r.township) { seen.insert(r.township); townships.append(r.township) }
            yearSet.insert(y)
            if let v = r.value, v.isFinite {
                values[r.township, default: [:]][y] = (v, r.flags)
                flagsUsed.formUnion(r.flags)
            } else if !r.submitted {
                unsent[r.township, default: []].insert(y)
            }
        }
        if let first = yearSet.min(), let last = yearSet.max() { years = Array(first...last) }
        onlyUnsent = townships.filter { (values[$0]?.isEmpty ?? true) && unsent[$0] != nil }
        townships = townships.filter { !(values[$0]?.isEmpty ?? true) }
    }

    func latest(_ t: String) -> (Int, Double)? {
        guard let m = values[t], let y = m.keys.max() else { return nil }
        return (y, m[y]!.0)
    }
    var allValues: [Double] { values.values.flatMap { $0.values.map(\.0) } }
}

extension Array where Element == Double {
    var median: Double? {
        guard !isEmpty else { return nil }
        let s = sorted()
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }
}

func yearSpan(_ years: [Int]) -> String {
    guard let f = years.first, let l = years.last else { return "" }
    return f == l ? "\(f)年" : "\(f)—\(l)年"
}
