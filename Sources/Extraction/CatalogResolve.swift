import Foundation

extension Catalog {
    /// Why a name given on a command line (or a CSV row) names no single indicator.
    public enum ResolveError: Error, CustomStringConvertible, Equatable {
        /// No indicator has this id or name, nor holds it as a part; `nearest` are the closest by edit distance.
        case unknown(String, nearest: [Indicator])
        /// More than one indicator holds this as a part of its id or name.
        case ambiguous(String, candidates: [Indicator])

        public var description: String {
            switch self {
            case .unknown(let query, let nearest):
                let hint = nearest.isEmpty ? "" : "；最接近的 (nearest): " + nearest.map(Self.label).joined(separator: "、")
                return "未知指标 \(query) (unknown indicator)\(hint)"
            case .ambiguous(let query, let candidates):
                return "指标 \(query) 不止一个 (ambiguous indicator): " + candidates.map(Self.label).joined(separator: "、")
            }
        }

        /// `信访办结率 petitions.closure_rate (Petition closure rate)`.
        static func label(_ i: Indicator) -> String { "\(i.name) \(i.id)" + (i.en.map { " (\($0))" } ?? "") }
    }

    /// The one indicator `query` names: its id, its Chinese `name` or its English `en` (case aside),
    /// or a part of exactly one indicator's id, name or English name (办结率 → petitions.closure_rate).
    /// Throws `ResolveError.ambiguous` when a part fits several, `.unknown` (with the three nearest
    /// names) when it fits none. Leading and trailing white space is ignored.
    public func resolve(_ query: String) throws -> Indicator {
        // The common case, an id as stored, without folding case or trimming.
        if let exact = indicators.first(where: { $0.id == query }) { return exact }
        let q = query.trimmingCharacters(in: .whitespacesAndNewlines)
        let folded = q.lowercased()
        if let exact = indicators.first(where: { $0.id == q || $0.name == q || $0.en?.lowercased() == folded }) {
            return exact
        }
        if !q.isEmpty {
            let partial = indicators.filter { i in
                i.id.lowercased().contains(folded) || i.name.contains(q) || (i.en?.lowercased().contains(folded) ?? false)
            }
            if partial.count == 1 { return partial[0] }
            if partial.count > 1 { throw ResolveError.ambiguous(q, candidates: partial) }
        }
        throw ResolveError.unknown(q, nearest: nearest(to: q, count: 3))
    }

    /// The `count` indicators whose id, name or English name is fewest edits from `query`.
    public func nearest(to query: String, count: Int) -> [Indicator] {
        let q = Array(query.lowercased())
        let scored = indicators.enumerated().map { index, i -> (Int, Int) in
            let names = [i.id, i.name, i.en ?? ""].filter { !$0.isEmpty }
            return (names.map { editDistance(q, Array($0.lowercased())) }.min() ?? Int.max, index)
        }
        return scored.sorted { $0 < $1 }.prefix(count).map { indicators[$0.1] }
    }
}

/// Levenshtein distance between two sequences of characters: insertions, deletions and substitutions.
/// Public so that other lookups by name (townships) suggest the nearest names the same way.
public func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}
