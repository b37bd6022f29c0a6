/// One indicator's values as plain numbers, place by place: those of place n are
/// `entries[start[n]..<start[n + 1]]`, by year. A store of 40,000 townships holds half a million
/// values; an `Observation` object is made only for one that is handed out (see `Dataset.observation`).
/// A class, so that reading an entry copies no arrays' references.
final class IndicatorValues: Sendable {
    /// Where an entry's value comes from, with what it takes to write its observation.
    enum Origin: Sendable {
        /// A row of the value table: stated in a report, corrected or imported.
        case stated(row: Int32)
        /// The year before the row's, from the change the row states (see `Dataset.impliedPrevious`).
        case impliedPrevious(row: Int32)
        /// numerator ÷ denominator × 100, from these entries of the ratio's columns.
        case ratio(numerator: Int32, denominator: Int32)
    }

    struct Entry: Sendable {
        var value: Double
        var year: Int
        var origin: Origin

        var derived: Bool {
            if case .stated = origin { return false }
            return true
        }
    }

    /// The columns and names a derived rate's observation is written from.
    struct RatioSource: Sendable {
        let numerator: Int, denominator: Int
        let numeratorName: String, denominatorName: String
        let unit: String
    }

    let indicator: String
    /// For a column with derived rates, where their counts are.
    let ratio: RatioSource?
    let start: [Int32]
    let entries: [Entry]

    init(indicator: String, ratio: RatioSource? = nil, _ builder: Builder) {
        self.indicator = indicator
        self.ratio = ratio
        start = builder.start
        entries = builder.entries
    }

    /// The entries of a place.
    func range(_ place: Int) -> Range<Int> { Int(start[place])..<Int(start[place + 1]) }

    /// The entry of a place and year: a scan of the place's few years.
    func index(_ place: Int, _ year: Int) -> Int? {
        for i in range(place) where entries[i].year == year { return i }
        return nil
    }

    func value(_ place: Int, _ year: Int) -> Double? { index(place, year).map { entries[$0].value } }

    var isEmpty: Bool { entries.isEmpty }

    /// The years of the entries: a store has a handful, so a short list beats a set for each entry.
    var years: Set<Int> {
        var seen: [Int] = []
        for e in entries where !seen.contains(e.year) { seen.append(e.year) }
        return Set(seen)
    }

    /// A column's entries as they are gathered, place by place.
    struct Builder {
        private(set) var start: [Int32] = [0]
        private(set) var entries: [Entry] = []

        init(places: Int) { start.reserveCapacity(places + 1) }

        /// Places added so far.
        var places: Int { start.count - 1 }

        /// Adds the next place's entries, by year; places come in order of their numbers.
        mutating func appendPlace(_ placeEntries: [Entry]) {
            entries.append(contentsOf: placeEntries)
            start.append(Int32(entries.count))
        }
    }
}
