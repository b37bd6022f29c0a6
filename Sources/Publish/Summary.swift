import Extraction
import Foundation
import Plot
import Trends

/// The few paragraphs a county's annual report quotes: who reported, the headline figures with their
/// like-for-like change, the leading and trailing townships, and what the consistency checks found.
/// Every figure in it is one of `figures`, each with the reports it comes from (footnotes in Markdown).
public struct Summary: Sendable {
    /// One figure the text states, with what it is, so that a test can hold it against `compare` and `trend`.
    public struct Figure: Sendable, Equatable {
        /// `roster`, `submitted`, `pooled`, `matched_previous`, `matched_current`, `matched_count`,
        /// `change_absolute`, `change_relative`, `highest`, `lowest`, `median`, `findings`.
        public var kind: String
        public var indicator: String?
        public var year: Int
        public var value: Double
        /// The report files (or `correction`, `import:…`) it was computed from.
        public var sources: [String]
    }

    /// A piece of a paragraph: words, or a figure as written with the footnote it carries.
    public enum Piece: Sendable, Equatable {
        case words(String)
        case figure(String, note: Int?)
    }

    public var title: String
    public var paragraphs: [[Piece]]
    public var figures: [Figure]
    /// The footnotes' texts, by number (1-based index into this list).
    public var notes: [String]

    /// Plain text: the paragraphs, no footnotes.
    public func text() -> String {
        title + "\n\n" + paragraphs.map { $0.map { piece in
            switch piece { case .words(let s): return s; case .figure(let s, _): return s }
        }.joined() }.joined(separator: "\n\n") + "\n"
    }

    /// Markdown with a footnote after each traceable figure naming its reports.
    public func markdown() -> String {
        var out = "# \(title)\n\n"
        out += paragraphs.map { $0.map { piece in
            switch piece {
            case .words(let s): return Self.escaped(s)
            case .figure(let s, let note): return Self.escaped(s) + (note.map { "[^\($0)]" } ?? "")
            }
        }.joined() }.joined(separator: "\n\n")
        out += "\n\n"
        for (i, note) in notes.enumerated() { out += "[^\(i + 1)]: \(Self.escaped(note))\n" }
        return out
    }

    /// Markdown's own characters in text taken from reports (a township named with * or _ stays as written).
    static func escaped(_ s: String) -> String {
        var out = ""
        for c in s {
            if "\\*_[]#<>`".contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }
}

/// Composes the summary from what Trends computes for a region and year.
public struct SummaryWriter {
    public let data: Dataset
    public let region: Region
    public let year: Int
    public let language: TableLanguage
    /// The region's name as the text calls it (示例县, 全部地区).
    public let regionName: String

    public init(data: Dataset, region: Region, year: Int, language: TableLanguage = .zh, regionName: String) {
        self.data = data
        self.region = region
        self.year = year
        self.language = language
        self.regionName = regionName
    }

    var english: Bool { language == .en }
    func name(_ i: Indicator) -> String { english ? (i.en ?? i.id) : i.name }

    /// What is being put together: pieces, figures and notes.
    struct Draft {
        var pieces: [Summary.Piece] = []
        var figures: [Summary.Figure] = []
        var notes: [String] = []
        mutating func words(_ s: String) { pieces.append(.words(s)) }
        /// A figure as written, recorded with its sources; a footnote naming them when there are any.
        mutating func figure(_ written: String, _ kind: String, _ indicator: String?, _ year: Int, _ value: Double,
                             sources: [String], note: String? = nil) {
            let unique = Array(Set(sources)).sorted()
            figures.append(Summary.Figure(kind: kind, indicator: indicator, year: year, value: value, sources: unique))
            var number: Int?
            if let note {
                notes.append(note)
                number = notes.count
            } else if !unique.isEmpty {
                notes.append(unique.joined(separator: "；"))
                number = notes.count
            }
            pieces.append(.figure(written, note: number))
        }
    }

    func unitText(_ i: Indicator) -> String { i.unit == "%" ? "%" : english ? BriefingMaker.englishUnit(i.unit) : i.unit }

    func written(_ v: Double, _ qualifier: String, _ i: Indicator) -> String {
        ValueFlags.qualifier(qualifier).qualify(formatted(v), english: english) + unitText(i)
    }

    public func compose() -> Summary {
        var paragraphs: [[Summary.Piece]] = []
        var figures: [Summary.Figure] = []
        var notes: [String] = []
        func take(_ d: Draft) {
            // Footnote numbers continue from paragraph to paragraph.
            let offset = notes.count
            paragraphs.append(d.pieces.map { piece in
                if case .figure(let s, let n?) = piece { return .figure(s, note: n + offset) }
                return piece
            })
            figures += d.figures
            notes += d.notes
        }
        take(attendanceParagraph())
        take(headlineParagraph())
        take(rankingParagraph())
        take(checksParagraph())
        let title = english ? "\(regionName): township reports on building a law-based government, \(year)"
            : "\(regionName)\(year)年镇街法治政府建设年度报告情况"
        return Summary(title: title, paragraphs: paragraphs, figures: figures, notes: notes)
    }

    var headline: [Indicator] { data.catalog.indicators.filter(\.headline) }

    func reports(of places: [Place], year: Int) -> [String] {
        let wanted = Set(places)
        return data.reports.filter { r in
            r.year == year && r.township.map { wanted.contains(Place(township: $0, county: r.county)) } == true
        }.map(\.sourcePath)
    }

    func attendanceParagraph() -> Draft {
        var d = Draft()
        let a = data.attendance(year: year, in: region)
        let rosterNote = Set(a.expected.compactMap { $0.county.flatMap { data.roster.sourceOfCounty[$0] } }).sorted()
        let rosterSource = rosterNote.isEmpty ? (english ? "the townships in the store" : "数据库中已有的镇街")
            : (english ? "roster: " : "名册：") + rosterNote.joined(separator: "；")
        if english {
            d.words("In \(year), ")
            d.figure("\(a.expected.count)", "roster", nil, year, Double(a.expected.count), sources: [], note: rosterSource)
            d.words(" townships of \(regionName) were due to send their annual report on building a law-based government; ")
            d.figure("\(a.submitted.count)", "submitted", nil, year, Double(a.submitted.count), sources: reports(of: a.submitted, year: year))
            d.words(" did")
            d.words(a.missing.isEmpty ? "." : ", and \(a.missing.count) did not (\(a.missing.map(\.township).joined(separator: ", "))).")
        } else {
            d.words("\(year)年，\(regionName)应报送法治政府建设年度报告的镇街")
            d.figure("\(a.expected.count)个", "roster", nil, year, Double(a.expected.count), sources: [], note: rosterSource)
            d.words("，已报送")
            d.figure("\(a.submitted.count)个", "submitted", nil, year, Double(a.submitted.count), sources: reports(of: a.submitted, year: year))
            d.words(a.missing.isEmpty ? "，应报尽报。" : "，未报送\(a.missing.count)个（\(a.missing.map(\.township).joined(separator: "、"))）。")
        }
        if !a.fromRoster {
            d.words(english ? " (Some counties have no roster: their expected townships are those the store holds.)"
                    : "（部分县区无名册，应报送数按数据库中已有的镇街计。）")
        }
        return d
    }

    /// The sources of these places' values of an indicator (and, for a rate, of its counts) in a year.
    func sources(_ indicator: Indicator, _ places: [Place], _ year: Int) -> [String] {
        var ids = [indicator.id]
        if let ratio = indicator.ratio { ids += [ratio.numerator, ratio.denominator] }
        return places.flatMap { p in ids.compactMap { data.observation($0, p, year)?.source } }
            .flatMap { $0.components(separatedBy: "；") }
    }

    func headlineParagraph() -> Draft {
        var d = Draft()
        d.words(english ? "Headline figures. " : "主要指标方面，")
        for (n, i) in headline.enumerated() {
            let pooled = data.pooled(i.id, year: year, in: region)
            let members = data.compare(i.id, year: year, in: region).rows.filter { $0.observation != nil }.map(\.place)
            let change = data.matchedChange(i.id, year: year, in: region)
            if n > 0 { d.words(english ? " " : "；") }
            guard let value = pooled.value else {
                if let median = data.compare(i.id, year: year, in: region).median {
                    d.words(english ? "\(name(i)): the median of the \(pooled.coverage.reporting) townships' stated rates is "
                            : "\(name(i))各镇街报告的中位数为")
                    d.figure(formatted(median) + "%", "median", i.id, year, median, sources: sources(i, members, year))
                    d.words(english ? " (no counts were given)." : "（未给出计数，不作汇总）")
                } else {
                    d.words(english ? "\(name(i)): not reported." : "\(name(i))无镇街报告")
                }
                continue
            }
            if i.kind == .rate {
                d.words(english ? "\(name(i)) was " : "\(name(i))为")
                d.figure(written(value, pooled.qualifier, i), "pooled", i.id, year, value, sources: sources(i, members, year))
                d.words(english ? ", pooled from the counts of \(pooled.coverage.pooled) of the \(pooled.coverage.reporting) townships that gave it"
                        : "（由报告该指标的\(pooled.coverage.reporting)个镇街中\(pooled.coverage.pooled)个镇街的计数汇总）")
            } else {
                d.words(english ? "\(name(i)) totalled " : "\(name(i))合计")
                d.figure(written(value, pooled.qualifier, i), "pooled", i.id, year, value, sources: sources(i, members, year))
                d.words(english ? " over the \(pooled.coverage.reporting) townships that gave it" : "（\(pooled.coverage.reporting)个镇街报告）")
            }
            changeWords(&d, i, change)
        }
        d.words(english ? "" : "。")
        return d
    }

    func changeWords(_ d: inout Draft, _ i: Indicator, _ c: MatchedChange) {
        guard let current = c.current, let previous = c.previous else {
            d.words(english ? "; no township gave it in both \(year - 1) and \(year)." : "，无镇街\(year - 1)、\(year)年均有数据，不作比较")
            return
        }
        let panelSources = sources(i, c.matched, year) + sources(i, c.matched, year - 1)
        guard let yoy = c.change else {
            d.words(english ? "; only " : "，两年均有数据的镇街仅")
            d.figure(english ? "\(c.matched.count)" : "\(c.matched.count)个", "matched_count", i.id, year, Double(c.matched.count), sources: panelSources)
            d.words(english ? " townships gave it in both years, too few to speak of a change." : "，不足以说明变化")
            return
        }
        d.words(english ? "; the " : "；")
        d.figure(english ? "\(c.matched.count)" : "\(c.matched.count)个", "matched_count", i.id, year, Double(c.matched.count), sources: panelSources)
        d.words(english ? " townships that gave it in both years went from " : "镇街两年均有数据，由")
        d.figure(written(previous, c.previousQualifier, i), "matched_previous", i.id, year - 1, previous, sources: sources(i, c.matched, year - 1))
        d.words(english ? " to " : "变为")
        d.figure(written(current, c.currentQualifier, i), "matched_current", i.id, year, current, sources: sources(i, c.matched, year))
        d.words(english ? ", " : "，")
        let about = c.approximate ? (english ? "about " : "约") : ""
        if i.unit == "%" {
            let word = english ? (yoy.absolute >= 0 ? "up " : "down ") : (yoy.absolute >= 0 ? "提高" : "下降")
            d.words(word + about)
            d.figure(formatted(abs(yoy.absolute)) + (english ? " points" : "个百分点"), "change_absolute", i.id, year, yoy.absolute, sources: [])
        } else {
            let word = english ? (yoy.absolute >= 0 ? "up " : "down ") : (yoy.absolute >= 0 ? "增加" : "减少")
            d.words(word + about)
            d.figure(formatted(abs(yoy.absolute)) + unitText(i), "change_absolute", i.id, year, yoy.absolute, sources: [])
            if let r = yoy.relative {
                d.words(english ? " (" : "（")
                d.figure(signed(r) + "%", "change_relative", i.id, year, r, sources: [])
                d.words(english ? ")" : "）")
            }
        }
        if english { d.words(".") }
    }

    func rankingParagraph() -> Draft {
        var d = Draft()
        d.words(english ? "Among the townships, " : "各镇街中，")
        var first = true
        for i in headline {
            let c = data.compare(i.id, year: year, in: region)
            let ranked = c.rows.filter { $0.observation != nil }
            guard ranked.count >= 2, let top = ranked.first?.observation, let bottom = ranked.last?.observation else { continue }
            if !first { d.words(english ? "; " : "；") }
            first = false
            let topTied = ranked.filter { $0.rank == 1 }
            let bottomRank = ranked.last!.rank
            let bottomTied = ranked.filter { $0.rank == bottomRank }
            func names(_ rows: [Comparison.Row]) -> String {
                rows.count <= 3 ? rows.map(\.place.township).joined(separator: english ? ", " : "、")
                    : rows.prefix(2).map(\.place.township).joined(separator: english ? ", " : "、") + (english ? " and \(rows.count - 2) more" : "等\(rows.count)个镇街")
            }
            let approximateTie = { (rows: [Comparison.Row]) in rows.count > 1 && rows.contains { $0.observation?.approximate == true } }
            d.words(english ? "\(name(i)) was highest in \(names(topTied)) (" : "\(name(i))最高的是\(names(topTied))（")
            d.figure(written(top.value, top.qualifier, i), "highest", i.id, year, top.value,
                     sources: topTied.compactMap { $0.observation?.source },
                     note: topTied.compactMap { r in r.observation.map { "\(r.place.township)：\($0.evidence ?? "")（\($0.source)）" } }.joined(separator: "；"))
            d.words(english ? ")" : "）")
            if approximateTie(topTied) { d.words(english ? ", figures written approximately" : "，所报为约数，未必相等") }
            d.words(english ? " and lowest in \(names(bottomTied)) (" : "，最低的是\(names(bottomTied))（")
            d.figure(written(bottom.value, bottom.qualifier, i), "lowest", i.id, year, bottom.value,
                     sources: bottomTied.compactMap { $0.observation?.source },
                     note: bottomTied.compactMap { r in r.observation.map { "\(r.place.township)：\($0.evidence ?? "")（\($0.source)）" } }.joined(separator: "；"))
            d.words(english ? ")" : "）")
        }
        if first { d.words(english ? "too few townships gave the headline figures to rank them." : "报告主要指标的镇街过少，不作排名。") }
        else { d.words(english ? "." : "。") }
        return d
    }

    func checksParagraph() -> Draft {
        var d = Draft()
        let findings = data.checks().filter { c in (c.year == nil || c.year == year) && (c.place.map(region.contains) ?? (region == .all)) }
        guard !findings.isEmpty else {
            d.words(english ? "The consistency checks found nothing to review." : "数据核对未发现需人工核对的数字。")
            return d
        }
        var byKind: [CheckFinding.Kind: Int] = [:]
        for f in findings { byKind[f.kind, default: 0] += 1 }
        let kinds = CheckFinding.Kind.allCases.filter { byKind[$0] != nil }
        d.words(english ? "The consistency checks found " : "数据核对发现")
        d.figure(english ? "\(findings.count)" : "\(findings.count)处", "findings", nil, year, Double(findings.count),
                 sources: findings.compactMap(\.source),
                 note: findings.map { f in [f.place?.township, f.message, f.source].compactMap { $0 }.joined(separator: " ") }.joined(separator: "；"))
        if english {
            d.words(findings.count == 1 ? " figure to review (" : " figures to review (")
            d.words(kinds.map { "\(BriefingMaker.englishCheck($0)): \(byKind[$0]!)" }.joined(separator: "; ") + "); see fazhi check.")
        } else {
            d.words("需人工核对的数字（" + kinds.map { "\(Self.chineseCheck($0))\(byKind[$0]!)处" }.joined(separator: "、")
                    + "），详见 fazhi check，核对前相关数字不宜引用。")
        }
        return d
    }

    static func chineseCheck(_ kind: CheckFinding.Kind) -> String {
        switch kind {
        case .rateMismatch: return "比率与计数不符"
        case .rateAbove100: return "比率超过100%"
        case .partAboveWhole: return "办结数大于受理数"
        case .growthMismatch: return "写明的增长与上年数不符"
        case .duplicateReport: return "同一年两份报告"
        case .jump: return "一年内变化超过5倍"
        case .unplaced: return "行政区划无法确定"
        case .lowConfidence: return "提取值待核"
        }
    }
}
