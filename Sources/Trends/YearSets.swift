/// For each place (by number), a set of years: one bit a year in a flat array of words, rather than
/// a `Set` object for each of 40,000 townships.
struct YearSets: Sendable {
    /// The years a bit can stand for, ascending.
    let years: [Int]
    private let bitOfYear: [Int: Int]
    private let wordsPerPlace: Int
    private var words: [UInt64]

    init(years: Set<Int>, places: Int) {
        self.years = years.sorted()
        bitOfYear = Dictionary(uniqueKeysWithValues: self.years.enumerated().map { ($1, $0) })
        wordsPerPlace = max(1, (years.count + 63) / 64)
        words = [UInt64](repeating: 0, count: wordsPerPlace * places)
    }

    /// A year's bit; nil for a year no place has.
    func bit(of year: Int) -> Int? { bitOfYear[year] }

    mutating func insert(bit: Int, for place: Int) {
        words[place * wordsPerPlace + bit >> 6] |= 1 << UInt64(bit & 63)
    }

    func contains(bit: Int, for place: Int) -> Bool {
        words[place * wordsPerPlace + bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }

    func years(of place: Int) -> Set<Int> {
        Set(years.indices.lazy.filter { contains(bit: $0, for: place) }.map { years[$0] })
    }

    /// The years any of these places has.
    func years(ofAny places: [Int]) -> Set<Int> {
        var any = [UInt64](repeating: 0, count: wordsPerPlace)
        for n in places {
            for w in 0..<wordsPerPlace { any[w] |= words[n * wordsPerPlace + w] }
        }
        return Set(years.indices.lazy.filter { any[$0 >> 6] & (1 << UInt64($0 & 63)) != 0 }.map { years[$0] })
    }
}
