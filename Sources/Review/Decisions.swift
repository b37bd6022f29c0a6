import Foundation
import Store

/// One decision from the report page, as its script posts it (JSON).
public struct DecisionRequest: Codable, Sendable {
    public enum Action: String, Codable, Sendable {
        /// The value shown is right.
        case accept
        /// Another candidate (`finding`) is the right one.
        case candidate
        /// A value typed by the reviewer (`value`, with `note`).
        case edit
        /// The report does not state this indicator.
        case notStated = "not_stated"
    }

    /// The report's id in the store.
    public var report: Int64
    /// The indicator's id.
    public var indicator: String
    public var action: Action
    /// For `candidate`: the finding chosen (one of the report's findings for the indicator).
    public var finding: Int64?
    /// For `edit`: the value as typed (`160`, `90.5`).
    public var value: String?
    public var note: String?
    /// For `edit`: a rate over 100 confirmed.
    public var force: Bool?

    public init(report: Int64, indicator: String, action: Action, finding: Int64? = nil, value: String? = nil,
                note: String? = nil, force: Bool? = nil) {
        self.report = report
        self.indicator = indicator
        self.action = action
        self.finding = finding
        self.value = value
        self.note = note
        self.force = force
    }
}

extension Workbench {
    /// Writes a decision as a correction (store and corrections file, one transaction) and returns it.
    /// Throws `StoreError` with a clerk's message: no such report, a report whose place or year is not
    /// settled, a value that fails the rules, a candidate that is not the report's.
    public func decide(_ request: DecisionRequest) throws -> Correction {
        guard let report = try store.report(id: request.report) else {
            throw StoreError("没有这份报告 (no such report): \(request.report)")
        }
        guard let township = report.township, let year = report.year else {
            throw StoreError("\(report.sourcePath): 镇街或年份未定，无法记录核对结论 (the report's township or year is not settled: "
                + "fix the file's name or text and extract again)")
        }
        guard let indicator = catalog.indicator(request.indicator) else {
            throw StoreError("未知指标 (unknown indicator): \(request.indicator)")
        }
        let findings = try store.reportFindings(reportId: request.report).filter { $0.indicator == indicator.id }
        let value: Double
        var note = request.note?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let decision: CorrectionDecision
        var reportStates = true
        switch request.action {
        case .accept:
            let key = ValueKey(township: township, county: report.county ?? "", year: year, indicator: indicator.id)
            if let c = Self.correction(for: key, in: try latestCorrections()), c.kind != .notStated, let v = c.value {
                value = v
                reportStates = c.kind != .set
            } else if let chosen = findings.first(where: \.chosen) {
                value = chosen.value
            } else {
                throw StoreError("报告中没有提取到\(indicator.name)，无可接受的数值；请按 e 填写或按 x 标为未述及 "
                    + "(nothing to accept: type a value or mark it not stated)")
            }
            decision = .accept
            if note.isEmpty { note = "核对无误" }
        case .candidate:
            guard let id = request.finding, let f = findings.first(where: { $0.id == id }) else {
                throw StoreError("这份报告没有此候选值 (not a candidate of this report)")
            }
            value = f.value
            decision = .candidate
            if note.isEmpty { note = "改选候选值：\(f.evidence)" }
        case .edit:
            let text = (request.value ?? "").trimmingCharacters(in: .whitespaces)
            guard CSV.isPlainNumber(text), let typed = Double(text) else {
                throw StoreError("数值无效 (not a number): \(text.isEmpty ? "（空）" : text)")
            }
            value = typed
            decision = .set
            reportStates = false
        case .notStated:
            value = 0
            decision = .notStated
            if note.isEmpty { note = "报告未述及" }
        }
        let rules = try rules(allowRateOver100: reportStates || request.force == true)
        let incoming = IncomingValue(township: township, county: report.county, year: year, indicator: indicator.id, value: value)
        return try store.correct(incoming, note: note, file: correctionsURL, rules: rules, decision: decision,
                                 reviewer: settings.reviewer).correction
    }

    /// Takes back a correction this session made, in the store and the file together.
    public func undo(_ correction: Correction) throws {
        var rules = try rules(allowRateOver100: true)
        rules.allowNewTownships = true
        try store.undoCorrection(correction, file: correctionsURL, rules: rules)
    }

    /// The report a correction is about: the first stored report of its township, county and year.
    func reportId(of c: Correction) throws -> Int64? {
        try store.reports().first { $0.township == c.township && (c.county.isEmpty || $0.county == c.county) && $0.year == c.year }?.id
    }
}
