/// A set of small non-negative integers (keyword ids, rule numbers) kept as bits.
///
/// The extractor asks, for every number and every rule, whether a clause holds any of a rule's
/// words; with a few hundred words in the catalog a bit test or a word-wise AND answers that
/// without the hashing a `Set<Int>` does on every call.
struct IDSet: Sendable {
    private var bits: [UInt64] = []

    init() {}

    /// An empty set with room for ids below `capacity` without growing.
    init(capacity: Int) {
        bits = [UInt64](repeating: 0, count: max(0, capacity - 1) / 64 + 1)
    }

    init(_ ids: [Int]) {
        if let largest = ids.max() { bits = [UInt64](repeating: 0, count: largest / 64 + 1) }
        for id in ids { insert(id) }
    }

    var isEmpty: Bool { bits.allSatisfy { $0 == 0 } }

    func contains(_ id: Int) -> Bool {
        let word = id >> 6
        return word < bits.count && bits[word] & (1 << UInt64(id & 63)) != 0
    }

    mutating func insert(_ id: Int) {
        precondition(id >= 0, "IDSet holds non-negative ids")
        let word = id >> 6
        if word >= bits.count { bits += [UInt64](repeating: 0, count: word + 1 - bits.count) }
        bits[word] |= 1 << UInt64(id & 63)
    }

    /// Whether any member satisfies `predicate`, members visited in increasing order.
    func contains(where predicate: (Int) -> Bool) -> Bool {
        for (k, word) in bits.enumerated() where word != 0 {
            var rest = word
            while rest != 0 {
                let bit = rest.trailingZeroBitCount
                if predicate(k << 6 | bit) { return true }
                rest &= rest - 1
            }
        }
        return false
    }

    func isDisjoint(with other: IDSet) -> Bool {
        for k in 0..<min(bits.count, other.bits.count) where bits[k] & other.bits[k] != 0 { return false }
        return true
    }
}
