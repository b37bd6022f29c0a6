import Foundation
import Store

/// Something a reviewer must look at before a figure is published.
public struct CheckFinding: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        /// A stated rate that its own counts do not give, beyond rounding.
        case rateMismatch = "rate_mismatch"
        case rateAbove100 = "rate_above_100"
        /// More closed (or resolved) than received.
        case partAboveWhole = "closed_above_received"
        /// A stated growth rate or change that the previous value does not give.
        case growthMismatch = "growth_mismatch"
        case duplicateReport = "duplicate_report"
        /// A change by more than a factor of 5 from one year to the next.
        case jump
        /// A report whose township or county the gazetteer cannot place.
        case unplaced
        /// A value extraction was not sure of (`Finding.confidence == .review`), with its reason.
        case lowConfidence = "review_confidence"
    }

    public var place: Place?
    public var year: Int?
    public var indicator: String?
    public var kind: Kind
    public var message: String
    public var evidence: String?
    /// The report (or correction, or import) the evidence is from.
    public var source: String?

    public init(place: Place?, year: Int?, indicator: String?, kind: Kind, message: String, evidence: String?, source: String?) {
        self.place = place
        self.year = year
        self.indicator = indicator
        self.kind = kind
        self.message = message
        self.evidence = evidence
        self.source = source
    }

    /// A finding about one value: its township, year, indicator, sentence and report.
    init(about o: Observation, kind: Kind, message: String) {
        self.init(place: o.place, year: o.year, indicator: o.indicator, kind: kind, message: message,
                  evidence: o.evidence, source: o.source)
    }
}

extension Dataset {
    /// Every consistency finding, and a finding for each value extraction marked for review
    /// (`reviews`, from `ReportStore.valuesForReview`), ordered by place, year and kind.
    public func checks(reviews: [ReviewValue] = []) -> [CheckFinding] {
        var out: [CheckFinding] = []
        out += reviews.map { r in
            let place = r.township.map { Place(township: $0, county: r.county, city: r.city, province: r.province) }
            return CheckFinding(place: place, year: r.year, indicator: r.indicator, kind: .lowConfidence,
                                message: "提取值\(formatNumber(r.value))待核：\(r.reason)", evidence: r.evidence, source: r.sourcePath)
        }
        // The four kinds read the dataset independently: on every core (a store of 40,000 townships took
        // seconds for them one after another).
        let kinds: [@Sendable (Dataset) -> [CheckFinding]] = [
            { $0.rateChecks() }, { $0.growthChecks() }, { $0.jumpChecks() }, { $0.reportChecks() },
        ]
        let found = FindingSlots(count: kinds.count)
        let data = self
        DispatchQueue.concurrentPerform(iterations: kinds.count) { i in found.set(i, kinds[i](data)) }
        for list in found.values() { out += list }
        let order = Dictionary(uniqueKeysWithValues: CheckFinding.Kind.allCases.enumerated().map { ($1, $0) })
        return out.sorted {
            let a = ($0.place?.county ?? "", $0.place?.township ?? "", $0.year ?? 0, order[$0.kind]!, $0.indicator ?? "")
            let b = ($1.place?.county ?? "", $1.place?.township ?? "", $1.year ?? 0, order[$1.kind]!, $1.indicator ?? "")
            return a < b
        }
    }

    func name(_ indicator: String) -> String { catalog.indicator(indicator)?.name ?? indicator }

    /// The tolerance a figure written with its decimals allows: 90.52 may stand for 90.515…90.529 (rounded
    /// or cut off), so a hundredth; 100 for anything from 99 up.
    static func writtenPrecision(_ value: Double) -> Double {
        for decimals in 0...4 {
            let scale = pow(10, Double(decimals))
            if abs((value * scale).rounded() - value * scale) < 1e-6 { return 1 / scale }
        }
        return 1e-4
    }

    func rateChecks() -> [CheckFinding] {
        var out: [CheckFinding] = []
        for indicator in catalog.indicators where indicator.kind == .rate {
            for o in observations(indicator.id) where !o.derived {
                if o.value > 100 {
                    out.append(CheckFinding(about: o, kind: .rateAbove100,
                        message: "\(indicator.name)为\(formatted(o.value))%，超过100%"))
                }
                guard let ratio = indicator.ratio, !o.approximate,
                      let n = observation(ratio.numerator, o.place, o.year), let d = observation(ratio.denominator, o.place, o.year),
                      !n.approximate, !d.approximate, d.value > 0 else { continue }
                let computed = n.value / d.value * 100
                if abs(computed - o.value) >= Self.writtenPrecision(o.value) + 1e-9 {
                    out.append(CheckFinding(about: o, kind: .rateMismatch,
                        message: "\(indicator.name)写为\(formatted(o.value))%，但\(name(ratio.numerator))\(formatted(n.value))"
                            + " ÷ \(name(ratio.denominator))\(formatted(d.value)) = \(formatted(computed))%"))
                }
            }
            guard let ratio = indicator.ratio else { continue }
            for n in observations(ratio.numerator) {
                guard let d = observation(ratio.denominator, n.place, n.year), n.value > d.value,
                      !(n.derived && d.derived) else { continue }
                out.append(CheckFinding(about: n, kind: .partAboveWhole,
                    message: "\(name(ratio.numerator))\(formatted(n.value))大于\(name(ratio.denominator))\(formatted(d.value))"))
            }
        }
        return out
    }

    /// 112人，较上年增加58人，增长率109%: 58 / (112 − 58) is 107%, not 109%. A stated change is also
    /// checked against last year's own report where there is one.
    func growthChecks() -> [CheckFinding] {
        var out: [CheckFinding] = []
        for indicator in catalog.indicators {
            for o in observations(indicator.id) where !o.derived && (o.statedChange != nil || o.statedGrowthPercent != nil) {
                let reported = observation(indicator.id, o.place, o.year - 1).flatMap { $0.derived ? nil : $0 }
                if let change = o.statedChange, let last = reported, !o.approximate, !last.approximate,
                   abs(o.value - last.value - change) > 1e-6 {
                    out.append(CheckFinding(about: o, kind: .growthMismatch,
                        message: "写明较上年变化\(signed(change))，但\(o.year - 1)年报告为\(formatted(last.value))，"
                            + "实际变化\(signed(o.value - last.value))"))
                }
                guard let growth = o.statedGrowthPercent else { continue }
                let previous = o.statedChange.map { o.value - $0 } ?? reported?.value
                guard let previous, previous > 0 else { continue }
                let computed = (o.value - previous) / previous * 100
                if abs(computed - growth) >= Self.writtenPrecision(growth) + 1e-9
                    && (o.statedChange != nil || !growthFitsAnotherFigure(of: o, growth: growth)) {
                    let basis = o.statedChange != nil ? "按较上年变化推算上年为\(formatted(previous))" : "\(o.year - 1)年报告为\(formatted(previous))"
                    out.append(CheckFinding(about: o, kind: .growthMismatch,
                        message: "写明增长\(formatted(growth))%，但\(basis)，实际增长\(formatted(computed))%"))
                }
            }
        }
        return out
    }

    /// 排查矛盾纠纷77件，成功化解73件，同比上升2.7%: a growth rate written after several figures of one
    /// sentence may be about any of them, and the extractor gives it to the nearest. It is not called
    /// wrong while another count of the same sentence grew by just that much since its last report.
    func growthFitsAnotherFigure(of o: Observation, growth: Double) -> Bool {
        for other in catalog.indicators where other.kind == .count && other.id != o.indicator {
            guard let twin = observation(other.id, o.place, o.year), !twin.derived,
                  twin.source == o.source, twin.evidence == o.evidence,
                  let last = observation(other.id, o.place, o.year - 1), !last.derived, last.value > 0
            else { continue }
            let computed = (twin.value - last.value) / last.value * 100
            if abs(computed - growth) < Self.writtenPrecision(growth) + 1e-9 { return true }
        }
        return false
    }

    /// A count that multiplies or divides by more than 5 in a year is more often a misread figure than a fact.
    func jumpChecks() -> [CheckFinding] {
        var out: [CheckFinding] = []
        for indicator in catalog.indicators where indicator.kind == .count {
            for s in series(indicator.id) {
                for point in s.points {
                    // Small counts (a certificate or two) change by such factors routinely: only a jump
                    // that reaches 20 is one a reviewer needs to see.
                    guard let before = observation(indicator.id, s.place, point.year - 1), before.value > 0, point.value > 0,
                          max(before.value, point.value) >= 20,
                          !(before.derived && point.observation.derived) else { continue }
                    let factor = max(point.value / before.value, before.value / point.value)
                    guard factor > 5 else { continue }
                    out.append(CheckFinding(about: point.observation, kind: .jump,
                        message: "\(indicator.name)由\(point.year - 1)年\(formatted(before.value))\(indicator.unit)"
                            + "变为\(formatted(point.value))\(indicator.unit)，相差\(formatted((factor * 10).rounded() / 10))倍"))
                }
            }
        }
        return out
    }

    /// Two reports for one township and year, and reports the gazetteer cannot place (one finding a township).
    func reportChecks() -> [CheckFinding] {
        var out: [CheckFinding] = []
        var byPlaceYear: [Place: [Int: [ReportRecord]]] = [:]
        // A county the gazetteer lacks is one finding, not one a township.
        var unplaced: [String: [ReportRecord]] = [:]
        for r in reports {
            if let township = r.township, let year = r.year {
                byPlaceYear[Place(township: township, county: r.county), default: [:]][year, default: []].append(r)
            }
            if r.township == nil || r.county == nil {
                unplaced["镇街|\(r.township ?? "?")|\(r.county ?? "?")", default: []].append(r)
            } else if r.city == nil {
                unplaced["县区|\(r.county!)", default: []].append(r)
            }
        }
        for (p, byYear) in byPlaceYear {
            for (year, rs) in byYear where rs.count > 1 {
                let place = number(p).map { places[$0] } ?? p
                out.append(CheckFinding(place: place, year: year, indicator: nil, kind: .duplicateReport,
                                        message: "同一镇街同一年有\(rs.count)份报告：" + rs.map(\.sourcePath).sorted().joined(separator: "、"),
                                        evidence: nil, source: rs.map(\.sourcePath).sorted().first))
            }
        }
        for (key, rs) in unplaced {
            let r = rs.sorted { $0.sourcePath < $1.sourcePath }[0]
            let count = rs.count > 1 ? "等\(rs.count)份报告" : ""
            if key.hasPrefix("县区|") {
                let townships = Set(rs.compactMap(\.township)).count
                out.append(CheckFinding(place: nil, year: nil, indicator: nil, kind: .unplaced,
                                        message: "行政区划表中没有\(r.county!)（\(townships)个镇街），无法确定所属市、省：\(r.sourcePath)\(count)",
                                        evidence: nil, source: r.sourcePath))
                continue
            }
            let place = r.township.map { t in number(Place(township: t, county: r.county)).map { places[$0] } ?? Place(township: t, county: r.county) }
            let missing = r.township == nil ? "镇街" : "县区"
            out.append(CheckFinding(place: place, year: rs.count == 1 ? r.year : nil, indicator: nil, kind: .unplaced,
                                    message: "行政区划表无法确定\(missing)：\(r.sourcePath)\(count)",
                                    evidence: nil, source: r.sourcePath))
        }
        return out
    }
}

/// One list of findings per kind of check, each written by one thread.
private final class FindingSlots: @unchecked Sendable {
    private var slots: [[CheckFinding]]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: [], count: count) }
    func set(_ i: Int, _ value: [CheckFinding]) { lock.lock(); slots[i] = value; lock.unlock() }
    func values() -> [[CheckFinding]] { lock.lock(); defer { lock.unlock() }; return slots }
}

/// A change as a briefing writes it: +58, -1.31.
public func signed(_ value: Double) -> String { value >= 0 ? "+" + formatted(value) : formatted(value) }
