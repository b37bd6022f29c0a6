import Foundation

/// The true figures of one township in one year, before anything is written.
struct YearFigures {
    var counts: [String: Int] = [:]
    var rates: [String: Double] = [:]
    var villages = 0
    /// Disputes that were resolved, and petitions closed, whether or not the report says so.
    var resolved = 0
    var closed = 0
}

/// How one township's figures move from year to year: a size, a trend per indicator, noise.
struct TownshipModel {
    let township: SampleTownship
    /// Yearly growth per indicator (−0.15…+0.25).
    let growth: [String: Double]
    /// Base value in the first year.
    let base: [String: Double]
    /// How likely the township's report states an indicator at all.
    let presence: [String: Double]

    init(_ t: SampleTownship, _ g: inout SplitMix64) {
        township = t
        let s = t.scale
        var base: [String: Double] = [:]
        base["mediation.disputes"] = 28 * s * g.double(0.6...1.5)
        base["petitions.received"] = 9 * s * g.double(0.5...1.6)
        base["enforcement.certified_staff"] = (12 + 9 * s) * g.double(0.8...1.2)
        base["publicity.events"] = 10 * s * g.double(0.6...1.5)
        base["publicity.materials"] = 2600 * s * g.double(0.5...1.6)
        base["legal.consultations"] = 120 * s * g.double(0.5...1.6)
        base["legal.literates"] = Double(t.villages) * g.double(2...5)
        base["review.legality_reviews"] = (8 + 7 * s) * g.double(0.6...1.5)
        base["mediators.per"] = g.double(3...6)
        self.base = base
        var growth: [String: Double] = [:]
        for id in ["mediation.disputes", "petitions.received"] { growth[id] = g.double(-0.15...0.08) }
        for id in ["publicity.events", "publicity.materials", "legal.consultations", "review.legality_reviews"] {
            growth[id] = g.double(-0.05...0.18)
        }
        growth["legal.literates"] = g.double(0.04...0.25)
        self.growth = growth
        var presence: [String: Double] = [:]
        for id in indicatorOrder { presence[id] = g.double(0.7...0.97) }
        // Some townships hardly ever write about petitions or court cases.
        if g.chance(0.2) { presence["petitions.received"] = 0.25 }
        if g.chance(0.3) { presence["review.litigation_cases"] = 0.3 }
        self.presence = presence
    }

    /// The figures of every year, each from the year before.
    func figures(years: ClosedRange<Int>, _ g: inout SplitMix64) -> [Int: YearFigures] {
        var out: [Int: YearFigures] = [:]
        var villages = township.villages
        var staff = Int(base["enforcement.certified_staff"]!.rounded())
        var literates = base["legal.literates"]!
        var mediators = 0
        for (k, year) in years.enumerated() {
            var f = YearFigures()
            if k > 0 && g.chance(0.06) { villages = max(4, villages - g.int(1...3)) }  // 撤并村
            f.villages = villages
            func trend(_ id: String) -> Int {
                let v = base[id]! * pow(1 + growth[id]!, Double(k)) * g.double(0.88...1.12)
                return max(1, Int(v.rounded()))
            }
            let committees = villages + 1 + (g.chance(0.15) ? 1 : 0)
            f.counts["mediation.committees"] = committees
            let wanted = Int((Double(committees) * base["mediators.per"]!).rounded())
            mediators = mediators == 0 ? wanted : max(committees, mediators + g.int(-3...6))
            f.counts["mediation.mediators"] = mediators

            let disputes = trend("mediation.disputes")
            f.counts["mediation.disputes"] = disputes
            f.resolved = g.chance(0.45) ? disputes : disputes - Int((Double(disputes) * g.double(0...0.06)).rounded())
            f.counts["mediation.resolved"] = f.resolved
            f.rates["mediation.resolution_rate"] = Self.rate(f.resolved, of: disputes)

            let received = trend("petitions.received")
            f.counts["petitions.received"] = received
            f.closed = g.chance(0.4) ? received : received - Int((Double(received) * g.double(0...0.15)).rounded())
            f.counts["petitions.closed"] = f.closed
            f.rates["petitions.closure_rate"] = Self.rate(f.closed, of: received)

            let issued = g.weighted([(0, 1.0), (1, 1.5), (2, 2), (3, 1.5), (4, 1), (6, 0.6), (9, 0.3)])
            let revoked = min(staff - 3, g.weighted([(0, 1.5), (1, 2), (2, 1.5), (3, 1), (5, 0.4)]))
            if k > 0 { staff += issued - revoked }
            f.counts["enforcement.certified_staff"] = staff
            f.counts["enforcement.certificates_issued"] = issued
            f.counts["enforcement.certificates_revoked"] = max(0, revoked)
            f.rates["enforcement.certified_rate"] = g.chance(0.85) ? 100 : Double(g.int(92...99))

            f.counts["publicity.events"] = trend("publicity.events")
            f.counts["publicity.materials"] = trend("publicity.materials")
            f.counts["legal.consultations"] = trend("legal.consultations")
            if k > 0 { literates *= (1 + growth["legal.literates"]!) * g.double(0.95...1.08) }
            f.counts["legal.literates"] = max(villages, Int(literates.rounded()))
            f.counts["legal.advisers"] = g.chance(0.6) ? villages : max(1, villages / g.int(2...4))

            let cases = township.scale
            f.counts["review.reconsideration_cases"] = g.weighted([(0, 3.0), (1, 1.5 * cases), (2, cases), (3, 0.5 * cases)])
            let lawsuits = g.weighted([(0, 3.0), (1, 1.2 * cases), (2, 0.8 * cases), (4, 0.3 * cases)])
            f.counts["review.litigation_cases"] = lawsuits
            if lawsuits > 0 { f.rates["review.head_appearance_rate"] = g.chance(0.8) ? 100 : Self.rate(lawsuits - 1, of: lawsuits) }
            f.counts["review.legality_reviews"] = trend("review.legality_reviews")
            out[year] = f
        }
        return out
    }

    /// part / whole × 100, rounded to two decimals.
    static func rate(_ part: Int, of whole: Int) -> Double {
        guard whole > 0 else { return 100 }
        return (Double(part) / Double(whole) * 10_000).rounded() / 100
    }
}
