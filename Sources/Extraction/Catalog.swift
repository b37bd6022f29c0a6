import Foundation

/// One indicator of the catalog and the words a number must stand beside to count.
/// The catalog is data (Data/catalog.json) so that a user can extend it without recompiling.
public struct Indicator: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable { case count, rate }

    public var id: String
    /// The Chinese display name used on charts.
    public var name: String
    /// The English name, for sheets drawn with `--lang en`.
    public var en: String?
    public var unit: String
    public var kind: Kind
    /// One of these must be in the number's clause, or be the nearest subject named earlier in its sentence.
    public var subjects: [String]
    /// One of these must be in the number's clause: a verb for a count, the rate's own word for a rate.
    public var actions: [String]
    /// The measure words a count may carry (件, 起, 人次…). Rates take a percentage instead.
    public var units: [String]
    /// Words in the number's clause that rule it out.
    public var exclude: [String]
    /// Words anywhere in the sentence that rule it out (another body, another procedure).
    public var excludeSentence: [String]
    /// For a rate that two counts give (closed / received × 100): where a report states the counts
    /// but not the rate, Trends derives it, and pools it over places as Σ numerator / Σ denominator.
    public var ratio: Ratio?
    /// One of the few indicators a briefing leads with.
    public var headline: Bool
    /// About what leaders themselves do (负责人出庭应诉率): the catalog's `subsetWords`, which name
    /// leaders, do not make its numbers a subset.
    public var aboutLeaders: Bool
    /// Itself a part of a whole the report names first (执法人员45名，其中持证执法人员42名): the catalog's
    /// `subsetMarkers` (其中) before a number that names this indicator's subject do not rule it out.
    public var partOfWhole: Bool
    /// Subjects of two words: the first counts as a subject where one of the others stands in the same
    /// clause (`审查` with `合同` or `文件`: 累计审查以镇政府名义印发的文件1800余件 is a legality review,
    /// 审查调查 is not). Each entry is `[word, object, object…]`.
    public var pairedSubjects: [[String]]
    /// For a part of a whole (调解成功数), verbs that give the part when they follow a count of the whole in
    /// one sentence with no subject of their own (排查矛盾纠纷213件，化解209件: 209 resolved). The whole is the
    /// count this indicator's rate divides by (its `ratio`'s denominator). Optional.
    public var outcomeActions: [String]
    /// Subjects that, written right after a noun, name one kind (纠纷: 劳资纠纷, 山林权属纠纷): a count of one kind
    /// is marked for review and yields to the whole. Optional.
    public var kindMarked: [String]
    /// For a count, the largest figure a township plausibly reports in a year; a larger one is found
    /// but marked for review (a misread number, a county's figure). Optional.
    public var typicalMax: Double?

    public struct Ratio: Codable, Sendable, Equatable {
        public var numerator: String
        public var denominator: String
    }

    enum CodingKeys: String, CodingKey {
        case id, name, en, unit, kind, subjects, actions, units, exclude, excludeSentence, ratio, headline, aboutLeaders, partOfWhole
        case pairedSubjects, typicalMax, outcomeActions, kindMarked
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        name = try c.decode(String.self, forKey: .name)
        en = try c.decodeIfPresent(String.self, forKey: .en)
        unit = try c.decode(String.self, forKey: .unit)
        kind = try c.decode(Kind.self, forKey: .kind)
        subjects = try c.decode([String].self, forKey: .subjects)
        actions = try c.decodeIfPresent([String].self, forKey: .actions) ?? []
        units = try c.decodeIfPresent([String].self, forKey: .units) ?? []
        exclude = try c.decodeIfPresent([String].self, forKey: .exclude) ?? []
        excludeSentence = try c.decodeIfPresent([String].self, forKey: .excludeSentence) ?? []
        ratio = try c.decodeIfPresent(Ratio.self, forKey: .ratio)
        headline = try c.decodeIfPresent(Bool.self, forKey: .headline) ?? false
        aboutLeaders = try c.decodeIfPresent(Bool.self, forKey: .aboutLeaders) ?? false
        partOfWhole = try c.decodeIfPresent(Bool.self, forKey: .partOfWhole) ?? false
        pairedSubjects = try c.decodeIfPresent([[String]].self, forKey: .pairedSubjects) ?? []
        typicalMax = try c.decodeIfPresent(Double.self, forKey: .typicalMax)
        outcomeActions = try c.decodeIfPresent([String].self, forKey: .outcomeActions) ?? []
        kindMarked = try c.decodeIfPresent([String].self, forKey: .kindMarked) ?? []
    }
}

/// The indicator catalog, loaded from a JSON file.
public struct Catalog: Codable, Sendable {
    public var version: Int
    /// Words before a number in its sentence that make it a subset: what leaders did personally.
    public var subsetWords: [String]
    /// Words that open a list of parts (其中…): numbers after one, up to the next comma, are subsets.
    public var subsetMarkers: [String]
    /// Words in a number's clause that make it a change from last year, not this year's total.
    public var changeWords: [String]
    /// Words before a number in its sentence that make it a target or a plan (力争, 下一步, 明年),
    /// not this year's result. Optional, so that a catalog written before it still loads.
    public var planWords: [String]?
    /// Words of a section heading that opens the report's plans (三、下一步工作计划, 四、2025年工作打算):
    /// the numbers after such a heading, in the later part of a report, are targets. Optional.
    public var planSectionWords: [String]?
    /// Words opening the clause right after a number that say the rest holds for all of it
    /// (执法人员44人，均已取得执法证件): that clause's words count as the number's own. Optional.
    public var allOfWords: [String]?
    /// Words in a number's sentence that say it is the whole year's or the whole township's total.
    public var totalWords: [String]
    /// Words that open an example (例如, 比如): a figure after one, in its sentence, is the example's,
    /// not the township's. Optional.
    public var exampleWords: [String]?
    /// People or groups whose own work a report may count (法律明白人, 网格员, 志愿者): a number after
    /// one in its clause, or in a clause opened by a `participationWords` word after one, is theirs,
    /// not the township's, except for an indicator whose subject the group itself is. Optional.
    public var actorWords: [String]?
    /// Words opening a clause that continues what an actor named before did (参与, 协助). Optional.
    public var participationWords: [String]?
    /// Words between two figures that say the first was last year's and the second is this year's
    /// (由上年的15人增至19人). Optional.
    public var fromToWords: [String]?
    /// Words naming one kind of activity or topic (主题, 专项, 禁毒, 宪法): a count of that kind may be only a
    /// part of the year's total, so a count with one in its clause is marked for review. Optional.
    public var oneKindWords: [String]?
    /// Verbs of what leaders do in person (带头, 亲自, 包案, 领办): after a total word, they keep a number the
    /// leaders' own (主要领导共包联化解…七件). Optional.
    public var leaderActionWords: [String]?
    /// Words that restate a total of what the sentence counts (总数, 总人数: 新培育“法律明白人”38名，总数达到112名):
    /// a number after one takes the subject named before as its own. Optional.
    public var sumWords: [String]?
    /// Other bodies (派出所, 人民法庭, 检察院): one named in a sentence's first clause, before any figure, owns
    /// the sentence's figures (辖区派出所全年受理治安纠纷调解142起，调解成功138起). Optional.
    public var otherBodies: [String]?
    /// Words naming a stretch of the year shorter than it (期间, 宣传月: 今年6月份集中排查期间，共排查出纠纷5件):
    /// a count after one in its sentence may be that stretch's only, so it is marked for review and loses to
    /// a total stated elsewhere. Optional.
    public var periodWords: [String]?
    /// Every measure word a number may carry; the longest one after a number is its unit.
    public var measureWords: [String]
    public var indicators: [Indicator]

    public enum LoadError: Error, CustomStringConvertible {
        case unreadable(URL, String)
        case invalid(URL, String)
        public var description: String {
            switch self {
            case .unreadable(let url, let why): return "指标目录无法读取 (catalog unreadable): \(url.path): \(why)"
            case .invalid(let url, let why): return "指标目录格式有误 (catalog invalid): \(url.path): \(why)"
            }
        }
    }

    public static func load(from url: URL) throws -> Catalog {
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw LoadError.unreadable(url, "\(error.localizedDescription)") }
        let catalog: Catalog
        do { catalog = try JSONDecoder().decode(Catalog.self, from: data) } catch {
            throw LoadError.invalid(url, "\(error)")
        }
        try catalog.validate(url)
        return catalog
    }

    /// The catalog shipped in Data/catalog.json.
    public static func standard() throws -> Catalog {
        guard let dir = DataDirectory.locate(containing: "catalog.json") else {
            throw LoadError.unreadable(URL(fileURLWithPath: "Data/catalog.json"), "找不到 Data 目录 (Data folder not found; set FAZHI_DATA)")
        }
        return try load(from: dir.appendingPathComponent("catalog.json"))
    }

    public func indicator(_ id: String) -> Indicator? { indicators.first { $0.id == id } }

    private func validate(_ url: URL) throws {
        var seen = Set<String>()
        for indicator in indicators {
            guard seen.insert(indicator.id).inserted else { throw LoadError.invalid(url, "duplicate id \(indicator.id)") }
            guard !indicator.subjects.isEmpty else { throw LoadError.invalid(url, "\(indicator.id) has no subjects") }
            if indicator.kind == .count && indicator.units.isEmpty {
                throw LoadError.invalid(url, "\(indicator.id) is a count with no units")
            }
        }
        for indicator in indicators {
            guard let ratio = indicator.ratio else { continue }
            guard indicator.kind == .rate else { throw LoadError.invalid(url, "\(indicator.id) has a ratio but is not a rate") }
            for part in [ratio.numerator, ratio.denominator] where self.indicator(part)?.kind != .count {
                throw LoadError.invalid(url, "\(indicator.id): ratio part \(part) is not a count of the catalog")
            }
        }
    }
}

/// Finds the project's Data/ folder: $FAZHI_DATA, ./Data, or walking up from the executable
/// (so `.build/release/fazhi` inside the repository finds the repository's Data/).
public enum DataDirectory {
    public static func locate(containing marker: String = "catalog.json") -> URL? {
        let fm = FileManager.default
        func holdsMarker(_ url: URL) -> Bool { fm.fileExists(atPath: url.appendingPathComponent(marker).path) }
        if let env = ProcessInfo.processInfo.environment["FAZHI_DATA"], !env.isEmpty {
            let url = URL(fileURLWithPath: env)
            if holdsMarker(url) { return url }
        }
        let cwd = URL(fileURLWithPath: fm.currentDirectoryPath).appendingPathComponent("Data")
        if holdsMarker(cwd) { return cwd }
        var starts: [URL] = []
        if let exe = try? fm.destinationOfSymbolicLink(atPath: "/proc/self/exe") { starts.append(URL(fileURLWithPath: exe)) }
        if let exe = Bundle.main.executableURL { starts.append(exe.resolvingSymlinksInPath()) }
        for start in starts {
            var dir = start.deletingLastPathComponent()
            while dir.path != "/" && !dir.path.isEmpty {
                let candidate = dir.appendingPathComponent("Data")
                if holdsMarker(candidate) { return candidate }
                dir.deleteLastPathComponent()
            }
        }
        return nil
    }
}
