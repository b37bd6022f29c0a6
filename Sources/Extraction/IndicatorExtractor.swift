import ReportText

/// Finds the catalog's indicators in a report's sentences.
///
/// Every catalog word is compiled into one keyword index, so each sentence that holds a
/// number is scanned once for words; each number is then judged by the words of its clause
/// and sentence: its measure word, subject, action, and what rules it out.
///
/// A final class, not a struct: closures in the per-sentence code capture `self`, and as a struct of some
/// thirty collections it was copied and destroyed whole per sentence (about 7 % of `bench extract`).
public final class IndicatorExtractor: Sendable {
    public let catalog: Catalog
    let keywords: KeywordIndex
    private let rules: [CompiledRule]
    private let subsetWords: IDSet
    private let subsetMarkers: IDSet
    private let changeWords: IDSet
    private let planWords: IDSet
    private let planSectionWords: IDSet
    private let allOfWords: IDSet
    private let totalWords: IDSet
    private let measureWords: IDSet
    private let exampleWords: IDSet
    private let actorWords: IDSet
    private let participationWords: IDSet
    private let fromToWords: IDSet
    private let oneKindWords: IDSet
    private let periodWords: IDSet
    private let leaderActionWords: IDSet
    private let sumWords: IDSet
    private let otherBodies: IDSet
    /// Every indicator's actions: a list item with one of them counts that indicator.
    private let allActions: IDSet
    /// The rules with `outcomeActions`: parts a bare verb of outcome may give.
    private let partRules: [CompiledRule]
    /// For each keyword id, the numbers of the rules whose subject it is (empty for other words).
    let subjectOwners: [IDSet]
    /// The rules a percentage can be (the rates), the rules a count with each measure word can be (by
    /// keyword id), and every count rule (for a table's bare figures): asked for every number, so built once.
    private let rateRules: IDSet
    private let rulesTakingUnit: [IDSet]
    private let countRules: IDSet
    /// Traditional → simplified over the BMP (0 where unmapped), from the gazetteer's table; nil matches as written.
    private let simplifiedTable: [UInt32]?

    /// A class, not a struct: the rule loop runs for every number, and copying a struct of
    /// six collections there cost a retain and release for each of them.
    private final class CompiledRule: Sendable {
        let indicator: Indicator
        let subjects: IDSet
        let actions: IDSet
        /// Keyword ids of the units: comparing ids, not strings, in the loop over numbers.
        let units: IDSet
        let exclude: IDSet
        let excludeSentence: IDSet
        /// The catalog's `pairedSubjects`: a head word and the objects that make it a subject in a clause.
        let pairedSubjects: [(head: Int, objects: IDSet)]
        /// The catalog's `outcomeActions`, and the indicator id of the whole they follow (nil for none).
        let outcomeActions: IDSet
        let whole: String?
        /// The catalog's `kindMarked` subjects.
        let kindMarked: IDSet

        init(indicator: Indicator, subjects: IDSet, actions: IDSet, units: IDSet,
             exclude: IDSet, excludeSentence: IDSet, pairedSubjects: [(head: Int, objects: IDSet)],
             outcomeActions: IDSet, whole: String?, kindMarked: IDSet) {
            self.kindMarked = kindMarked
            self.outcomeActions = outcomeActions
            self.whole = whole
            self.indicator = indicator
            self.subjects = subjects
            self.actions = actions
            self.units = units
            self.exclude = exclude
            self.excludeSentence = excludeSentence
            self.pairedSubjects = pairedSubjects
        }
    }

    /// - Parameter simplified: a traditional → simplified table over the BMP (`Gazetteer.simplifiedTable`),
    ///   so that reports in traditional characters match the catalog's simplified words.
    public init(catalog: Catalog, simplified: [UInt32]? = nil) {
        self.catalog = catalog
        self.simplifiedTable = simplified
        var index = KeywordIndex()
        func ids(_ words: [String]) -> IDSet { IDSet(words.map { index.add($0) }) }
        subsetWords = ids(catalog.subsetWords)
        subsetMarkers = ids(catalog.subsetMarkers)
        changeWords = ids(catalog.changeWords)
        planWords = ids(catalog.planWords ?? [])
        planSectionWords = ids(catalog.planSectionWords ?? [])
        allOfWords = ids(catalog.allOfWords ?? [])
        totalWords = ids(catalog.totalWords)
        measureWords = ids(catalog.measureWords + catalog.indicators.flatMap(\.units))
        exampleWords = ids(catalog.exampleWords ?? [])
        actorWords = ids(catalog.actorWords ?? [])
        participationWords = ids(catalog.participationWords ?? [])
        fromToWords = ids(catalog.fromToWords ?? [])
        oneKindWords = ids(catalog.oneKindWords ?? [])
        periodWords = ids(catalog.periodWords ?? [])
        leaderActionWords = ids(catalog.leaderActionWords ?? [])
        sumWords = ids(catalog.sumWords ?? [])
        otherBodies = ids(catalog.otherBodies ?? [])
        var owners: [Int: IDSet] = [:]
        var rules: [CompiledRule] = []
        for (n, indicator) in catalog.indicators.enumerated() {
            let subjects = indicator.subjects.map { index.add($0) }
            for word in subjects { owners[word, default: IDSet()].insert(n) }
            rules.append(CompiledRule(
                indicator: indicator, subjects: IDSet(subjects), actions: ids(indicator.actions),
                units: ids(indicator.units), exclude: ids(indicator.exclude),
                excludeSentence: ids(indicator.excludeSentence),
                pairedSubjects: indicator.pairedSubjects.compactMap { pair in
                    guard let head = pair.first, pair.count > 1 else { return nil }
                    return (head: index.add(head), objects: ids(Array(pair.dropFirst())))
                },
                outcomeActions: ids(indicator.outcomeActions),
                whole: catalog.indicators.lazy.compactMap(\.ratio).first { $0.numerator == indicator.id }?.denominator,
                kindMarked: ids(indicator.kindMarked)))
        }
        self.rules = rules
        allActions = ids(catalog.indicators.flatMap(\.actions))
        partRules = rules.filter { !$0.outcomeActions.isEmpty && $0.whole != nil }
        self.subjectOwners = index.words.indices.map { owners[$0] ?? IDSet() }
        var rates = IDSet(), counts = IDSet()
        var takingUnit = [IDSet](repeating: IDSet(), count: index.words.count)
        for (n, rule) in rules.enumerated() {
            switch rule.indicator.kind {
            case .rate: rates.insert(n)
            case .count:
                counts.insert(n)
                for unit in rule.indicator.units { if let id = index.id(of: unit) { takingUnit[id].insert(n) } }
            }
        }
        rateRules = rates
        countRules = counts
        rulesTakingUnit = takingUnit
        self.keywords = index
    }

    /// Every candidate in the report, the best one per indicator marked chosen.
    /// - Parameter original: the decoded original's scalars, for evidence as written;
    ///   nil (HTML, where the original is markup) quotes the normalized sentence instead.
    /// - Parameters:
    ///   - tables: the report's tables (`TableFinder`): their lines are read as tables, not sentences.
    ///   - year: the year the report covers, to take a table's column of that year.
    ///   - traditional: the report is written in traditional characters: its words are matched through the
    ///     table given at `init` (matching through it costs a lookup a character, so only where needed).
    public func findings(in text: NormalizedText, sentences: [Sentence], original: [Unicode.Scalar]?,
                         tables: [TextTable] = [], year: Int? = nil, traditional: Bool = false) -> [Finding] {
        let simplified = traditional ? simplifiedTable : nil
        // A table of short cells is read as a table; one whose cells hold sentences (a page laid out in a
        // table, prose between bars) is read as prose.
        let tables = tables.filter { table in
            table.rows.allSatisfy { row in
                row.allSatisfy { cell in cell.count <= 40 && !text.scalars[cell].contains("。") }
            }
        }
        var candidates: [Finding] = []
        var tablesRead = Set<Int>()
        // The level of the plan section's heading while inside one: its figures are targets.
        var planLevel: Int?
        // The sentence before, where it ended with ；.
        var afterSemicolon: Sentence?
        for sentence in sentences {
            if let level = sectionLevel(sentence, in: text) {
                if isPlanHeading(sentence, in: text, simplified: simplified) {
                    planLevel = planLevel.map { min($0, level) } ?? level
                } else if let plans = planLevel, level <= plans {
                    planLevel = nil
                }
            }
            if planLevel != nil { continue }
            // A table's lines are read once, as a table, where its first line comes.
            if let t = tables.firstIndex(where: { $0.range.contains(sentence.range.lowerBound) }) {
                if tablesRead.insert(t).inserted {
                    candidates += findings(in: tables[t], text: text, original: original, year: year, simplified: simplified)
                }
                continue
            }
            var found = findings(in: sentence, text: text, original: original, reportYear: year, simplified: simplified)
            // 全年受理矛盾纠纷142宗；调处成功140宗，成功率98.59%: a stretch after ； that counts nothing by
            // itself is read on from the one before it, which names what its figures count.
            if found.isEmpty, let previous = afterSemicolon, previous.range.upperBound <= sentence.range.lowerBound {
                let joined = Sentence(range: previous.range.lowerBound..<sentence.range.upperBound,
                                      clauses: previous.clauses + sentence.clauses)
                // Only the clauses that go straight on with figures (调处成功140宗，成功率98.59%): a clause without
                // one opens a topic of its own (；深化政务公开，…办理依申请公开1件).
                let leading = sentence.clauses.prefix { clause in
                    NumberScanner.scan(text.scalars[clause]).contains { $0.role == .quantity || $0.role == .percent }
                }
                if let last = leading.last, let first = leading.first,
                   !keywords.hits(in: text.scalars[first.lowerBound..<last.upperBound], simplified: simplified)
                       .contains(where: { !subjectOwners[$0.word].isEmpty }) {
                    let start = text.originalOffset(at: sentence.range.lowerBound)
                    let end = text.originalOffset(at: last.upperBound - 1)
                    found = findings(in: joined, text: text, original: original, reportYear: year, simplified: simplified)
                        .filter { $0.numberOffset >= start && $0.numberOffset <= end }
                }
            }
            candidates += found
            afterSemicolon = sentence.range.upperBound > sentence.range.lowerBound
                && ["；", ";"].contains(text.scalars[sentence.range.upperBound - 1]) ? sentence : nil
        }
        return choose(candidates)
    }

    /// 三、下一步工作计划 or 四、2025年工作打算 in the later part of a report: the section holds targets
    /// until the next heading of its level. A heading that reports on a plan (2023年工作计划完成情况)
    /// does not open one.
    private func isPlanHeading(_ sentence: Sentence, in text: NormalizedText, simplified: [UInt32]?) -> Bool {
        guard sentence.range.lowerBound >= text.count * 2 / 5 else { return false }
        let line = text.scalars[sentence.range]
        guard keywords.hits(in: line, simplified: simplified).contains(where: { planSectionWords.contains($0.word) }) else { return false }
        return !Self.contains(line, "情况") && !Self.contains(line, "完成") && !Self.contains(line, "成效")
    }

    /// The level of a section heading: 第一部分 0, 三、 1, (四) 2; nil for a line that is no heading
    /// (longer than a heading, a sentence, or without a section number).
    private func sectionLevel(_ sentence: Sentence, in text: NormalizedText) -> Int? {
        guard sentence.range.count <= 30 else { return nil }
        let line = text.scalars[sentence.range]
        guard !line.contains("。") else { return nil }
        let numerals = "一二三四五六七八九十".unicodeScalars
        var i = line.startIndex
        let opener = line[i]
        if opener == "(" || opener == "（" || opener == "第" { i += 1 }
        let digitsStart = i
        while i < line.endIndex, numerals.contains(line[i]) { i += 1 }
        guard i > digitsStart, i < line.endIndex else { return nil }
        switch (opener, line[i]) {
        case ("第", _): return 0
        case ("(", ")"), ("(", "）"), ("（", ")"), ("（", "）"): return 2
        case (_, "、"), (_, "."), (_, "．"): return opener == "(" || opener == "（" ? nil : 1
        default: return nil
        }
    }

    private static func contains(_ line: ArraySlice<Unicode.Scalar>, _ word: String) -> Bool {
        let w = Array(word.unicodeScalars)
        guard line.count >= w.count else { return false }
        return (line.startIndex...(line.endIndex - w.count)).contains { line[$0..<($0 + w.count)].elementsEqual(w) }
    }

    /// The candidates of one sentence. `unitImplied`: a table whose headers name no measure word
    /// gives its counts bare (`信访件数 | 12`), so a count needs none.
    func findings(in sentence: Sentence, text: NormalizedText, original: [Unicode.Scalar]?,
                  unitImplied: Bool = false, inTable: Bool = false, reportYear: Int? = nil,
                  simplified: [UInt32]? = nil) -> [Finding] {
        let slice = text.scalars[sentence.range]
        let tokens = NumberScanner.scan(slice)
        let numbers = tokens.filter { $0.role == .quantity || $0.role == .percent }
        if numbers.isEmpty { return [] }
        // A book title (《…》) names a document, not this year's work: its words count for nothing.
        // Inside quotes (a campaign's name) subjects still count, but no word rules a number out.
        let (quoted, titled, brackets) = Self.marks(in: slice)
        // A bracket is an aside: its words are not the clause's around it (执法证人员9人（其中新申领执法证3个）).
        // …except a certificate's own name (新领取《广西壮族自治区行政执法证》8本): its words are the subject.
        let allHits = keywords.hits(in: slice, simplified: simplified).filter { hit in
            !titled.contains { $0.contains(hit.range.lowerBound) && !Self.namesCertificate($0, in: slice) }
        }
        let hits = allHits.filter { hit in
            !subjectOwners[hit.word].isEmpty || !quoted.contains { $0.contains(hit.range.lowerBound) }
        }
        let sentenceWords = words(of: hits)
        let isTotal = !sentenceWords.isDisjoint(with: totalWords)
        let opensWithSubsetMarker = hits.contains { subsetMarkers.contains($0.word) && $0.range.lowerBound == sentence.range.lowerBound }
        let periodHits = hits.filter { periodWords.contains($0.word) }
        // The total words that name the whole year or township (全年, 全镇): found once a sentence.
        let wholeYearHits = periodHits.isEmpty ? []
            : hits.filter { totalWords.contains($0.word) && keywords.words[$0.word].hasPrefix("全") }
        let leaderHits = hits.filter { subsetWords.contains($0.word) }
        let totalHits = leaderHits.isEmpty ? [] : hits.filter { totalWords.contains($0.word) }
        let leaderActionHits = leaderHits.isEmpty ? [] : hits.filter { leaderActionWords.contains($0.word) }
        // (A year inside a bracketed aside — 21件（2018年为30件） — speaks for the aside only.)
        let years = reportYear == nil ? [] : tokens.filter { year in
            year.role == .date && (1990...2100).contains(year.value)
                && !brackets.contains { $0.contains(year.range.lowerBound) }
        }
        // Another body named as the sentence's subject, before any figure (辖区派出所全年受理…): where it stands.
        let bodySubject: Int? = hits.first(where: { otherBodies.contains($0.word) }).flatMap { body in
            guard let first = sentence.clauses.first, first.contains(body.range.lowerBound),
                  !slice[first.lowerBound..<body.range.lowerBound].contains(where: { Self.notSubjectOpener.contains($0) }),
                  !numbers.contains(where: { $0.range.lowerBound < body.range.lowerBound }) else { return nil }
            return body.range.upperBound
        }
        // 如红星村…, 例如…: the figures after an example's opening are the example's.
        let exampleStart = exampleOpening(in: sentence, slice: slice, hits: hits)
        let fromTo = fromToPairs(numbers, in: slice, hits: hits, sentence: sentence)
        var found: [Finding] = []
        // Every candidate of the sentence quotes it whole: the quote is built once, when first needed.
        var evidence: String?
        for (k, number) in numbers.enumerated() {
            let start = number.range.lowerBound
            if let exampleStart, start >= exampleStart { continue }
            // The rules a number could count at all, by its measure word (元, 篇, 万元 count none of them):
            // found first, so that a number no rule takes costs nothing more.
            let unitID = measureWord(after: number, hits: hits, in: slice)
            let possibleRules = number.role == .percent ? rateRules
                : number.role == .quantity ? (unitID.map { rulesTakingUnit[$0] } ?? (unitImplied ? countRules : IDSet())) : IDSet()
            if possibleRules.isEmpty { continue }
            // 由上年的15人增至19人: 15 is last year's; 19 carries the change.
            if fromTo.previous.contains(k) { continue }
            // 力争…化解率达95%以上, 下一步计划开展50场: a target, not this year's result.
            if hits.contains(where: { planWords.contains($0.word) && $0.range.upperBound <= start }) { continue }
            // 其中 before the number in the same comma-delimited stretch rules it out.
            let afterSubsetMarker = hits.contains(where: { subsetMarkers.contains($0.word) && $0.range.upperBound <= start
                                      && !Self.hasComma(slice, from: $0.range.upperBound, to: start) })
            let clause = sentence.clauses.first { $0.contains(start) } ?? sentence.range
            // 今年6月份集中排查期间，共排查出纠纷5件: a stretch of the year named before the number.
            // 围绕宪法宣传周…等节点，全年开展…52场次: a whole-year word after it says the count is the year's.
            let inPeriod = periodHits.contains { period in
                period.range.upperBound <= start
                    && !wholeYearHits.contains { $0.range.lowerBound >= period.range.upperBound && $0.range.upperBound <= start }
            }
            // What leaders did, named before the number, rules it out for every indicator but those about
            // leaders (负责人出庭应诉率): 主要负责人带头接访群众81人次，牵头化解矛盾纠纷8宗. A total word after
            // them turns a run-on sentence to the township's work (…领导干部法治理论知识考试…，累计培养法律明白人58名).
            // A leader's own verb after the total word (主要领导共包联化解…七件, 全年…，带头到村开展法治宣讲3场) keeps
            // the number theirs.
            let aboutLeaders = leaderHits.contains(where: { leader in
                leader.range.upperBound <= start
                    && !totalHits.contains { total in
                        total.range.lowerBound >= leader.range.upperBound && total.range.upperBound <= start
                            && !leaderActionHits.contains { $0.range.lowerBound >= total.range.upperBound && $0.range.upperBound <= start }
                    }
            })
            // 红星村通过议事会调处纠纷6起: a clause that opens with a named village counts that village's work.
            if opensWithNamedVillage(clause, in: slice, hits: hits) { continue }
            // 2023年全镇排查化解矛盾纠纷231件，2024年较上年增长14.7% in a 2024 report: the year before's figure.
            // (由2022年的180人增至236人: the later figure of a from–to is this year's.)
            if let reportYear, !years.isEmpty, fromTo.previousValue[k] == nil,
               Self.namesEarlierYear(before: start, years: years, reportYear: reportYear, in: slice) { continue }
            // 辖区派出所全年受理治安纠纷调解142起，调解成功138起: another body opening the sentence owns its figures.
            // Not where it is named as a helper or a place (在县人民法院指导下, 联合派出所, 邀请法院法官).
            if let bodySubject, bodySubject <= start { continue }
            // 受理信访案件21件（2018年为30件）: an aside giving another year's figure.
            let aside = brackets.first { $0.contains(start) }
            if let aside, Self.namesAnotherYear(aside, in: slice) { continue }
            var clauseHits = hits.filter { hit in
                clause.contains(hit.range.lowerBound) && hit.range.upperBound <= clause.upperBound
                    && !brackets.contains { $0 != aside && $0.contains(hit.range.lowerBound) }
            }
            // Words that rule a number out count in its own clause only.
            let ownClauseWords = words(of: clauseHits)
            // 执法人员44人，均已取得执法证件: a clause opened by 均 names what the number's own clause
            // counts, so its subjects and actions count as the number's own.
            if let next = sentence.clauses.first(where: { $0.lowerBound >= clause.upperBound }),
               hits.contains(where: { allOfWords.contains($0.word) && $0.range.lowerBound == next.lowerBound }) {
                clauseHits += hits.filter { next.contains($0.range.lowerBound) && $0.range.upperBound <= next.upperBound }
            }
            let clauseWords = words(of: clauseHits)
            // 发放各类宣传册、折页近八千份, 审查各类合同、协议共33份: items listed with 、 before the number's
            // clause, with no number of their own, share it and the verb of the first item.
            var listStart = clause.lowerBound
            while listStart > slice.startIndex, slice[listStart - 1] == "、" || slice[listStart - 1] == " ",
                  let previous = sentence.clauses.last(where: { $0.upperBound <= listStart }),
                  slice[previous.upperBound..<listStart].allSatisfy({ $0 == "、" || $0 == " " }),
                  slice[previous.upperBound..<listStart].contains("、"),
                  !numbers.contains(where: { previous.contains($0.range.lowerBound) }) {
                listStart = previous.lowerBound
            }
            let listHits = listStart == clause.lowerBound ? []
                : hits.filter { $0.range.lowerBound >= listStart && $0.range.upperBound <= clause.lowerBound }
            let listedWords = listHits.isEmpty ? clauseWords : words(of: listHits + clauseHits)
            // 排查矛盾纠纷213件，化解209件: a verb of outcome with no subject of its own, right after a count of
            // the whole, gives the part (checked per rule below, against the candidates found so far).
            let bareOutcome = k > 0 && number.role == .quantity && !clauseHits.contains { !subjectOwners[$0.word].isEmpty }
            // The wholes whose part this bare verb gives (mediation.disputes for 化解181起), found once a number.
            let outcomeWholes: [String] = bareOutcome
                ? partRules.compactMap { part in
                    !clauseWords.isDisjoint(with: part.outcomeActions) && clauseWords.isDisjoint(with: part.actions) ? part.whole : nil
                }
                : []
            let previousNumberOffset = k > 0 ? text.originalOffset(at: numbers[k - 1].range.lowerBound) : -1
            let restatesSum = clauseHits.contains { sumWords.contains($0.word) && $0.range.upperBound <= start }
            // (由18人增加到25人: the 增加 of a from–to statement is no change from last year.)
            if fromTo.previousValue[k] == nil,
               clauseHits.contains(where: { changeWords.contains($0.word) && $0.range.upperBound <= start }) { continue }
            // 每月至少开展3场次: a frequency, not the year's count.
            if Self.isFrequency(before: start, in: clause, slice: slice) { continue }
            // 全年共排查…: a total word in the number's own clause, before it, says this is the total.
            let clauseTotal = clauseHits.contains { totalWords.contains($0.word) && $0.range.upperBound <= start }
            // A subject named earlier does not carry over into a clause that names a subject of its own
            // (整合综治、信访等力量，全年化解矛盾纠纷近200件: 信访 is a helper, the 200 are disputes).
            let clauseNamesASubject = clauseHits.contains { hit in
                hit.range.upperBound <= start && !subjectOwners[hit.word].isDisjoint(with: possibleRules)
            }
            // 培养法律明白人45名，参与调解纠纷30件: what a group did itself, not the township's total.
            let actor = actorOwning(start, clause: clause, sentence: sentence, hits: hits)
            let unit = unitID.map { keywords.words[$0] }
            // The number counts a thing of its own when a word follows its measure word, or when its
            // clause names something in quotes before it (开展“典亮校园”活动5次).
            let nounFollowsUnit = Self.nounFollows(number, unit: unit, in: slice, clauseEnd: clause.upperBound)
            // 解决项目推进、重大纠纷等4个实际难题: after 等, a number whose measure word a noun follows counts
            // that noun, of which the listed things are examples.
            if nounFollowsUnit && Self.follows等(number, in: slice)
                && !hits.contains(where: { $0.range.lowerBound > start && clause.contains($0.range.lowerBound) && !subjectOwners[$0.word].isEmpty }) { continue }
            let countsItsOwnNoun = nounFollowsUnit || quoted.contains { clause.contains($0.lowerBound) && $0.upperBound <= start }
            // `持证上岗率、培训覆盖率双100%`: one figure shared by the rates listed before it.
            let sharesPredicate = number.role == .percent && Self.isShared(number, in: slice)
            let stretch = Self.commaStretch(around: start, in: slice)
            let stretchWords = words(of: hits.lazy.filter { stretch.contains($0.range.lowerBound) })
            // A subject in a list (执法协同、普法宣传等问题) names a topic: it is what a number counts only
            // inside the list's own stretch (举办法治宣讲、设置展板等30余场次), not past the next comma.
            // The nearest subject that could count this number at all: 发放宣传资料 does not count 30余场次.
            // A subject inside quotes names a platform or a campaign (“智慧村(居)法律顾问”服务平台): it does
            // not carry over to the next clause's number (注册人数均超过2000人). A quote that is the subject
            // itself (“法律明白人”) is only the genre's way of writing it.
            let nearestEarlierSubject = hits.last { hit in
                hit.range.upperBound <= clause.lowerBound && !subjectOwners[hit.word].isDisjoint(with: possibleRules)
                    && !quoted.contains { $0.contains(hit.range.lowerBound) && $0.count > hit.range.count + 2 }
            }
                .flatMap { Self.isListed($0.range, in: slice) && !stretch.contains($0.range.lowerBound) ? nil : $0 }
            // 32个村(社区)人民调解委员会共调解矛盾纠纷418宗: a number whose measure word a noun follows counts
            // the first subject named after it in its clause that could count it, and no other indicator's
            // (发放宣传材料400余份法律顾问进村宣讲2次, a comma missing: 法律顾问 counts no 份).
            let followingSubjectOwners = nounFollowsUnit
                ? hits.first { !subjectOwners[$0.word].isDisjoint(with: possibleRules) && $0.range.lowerBound > start
                               && clause.contains($0.range.lowerBound) }
                    .map { subjectOwners[$0.word] }
                : nil
            // What the report says this number changed by since last year: read once, when first needed.
            var change: StatedChange?

            for (n, rule) in rules.enumerated() where possibleRules.contains(n) {
                // A rate whose clause names its own subject (信访事项按期办结率98.3%) is the township's, even after
                // what leaders did.
                if aboutLeaders && !rule.indicator.aboutLeaders
                    && !(rule.indicator.kind == .rate && clauseHits.contains { rule.subjects.contains($0.word) }) { continue }
                // The part after its whole: taken by the part's rule, and by no rule of the whole.
                let outcomeOfWhole = !outcomeWholes.isEmpty && rule.whole.map { outcomeWholes.contains($0) } == true
                    && found.contains { $0.indicator == rule.whole && $0.value >= number.value }
                if !outcomeWholes.isEmpty, outcomeWholes.contains(rule.indicator.id),
                   found.contains(where: { $0.indicator == rule.indicator.id && $0.numberOffset == previousNumberOffset }) { continue }
                if let actor, !rule.subjects.contains(actor) { continue }
                if let owners = followingSubjectOwners, !owners.contains(n) { continue }
                switch rule.indicator.kind {
                case .rate: guard number.role == .percent else { continue }
                case .count:
                    guard number.role == .quantity, unitID.map({ rule.units.contains($0) }) ?? unitImplied else { continue }
                }
                guard sentenceWords.isDisjoint(with: rule.excludeSentence),
                      ownClauseWords.isDisjoint(with: rule.exclude)
                        || !excludes(rule, number: k, numbers: numbers, clauseHits: clauseHits, hits: hits,
                                     stretch: stretch, in: slice)
                else { continue }
                // A table's row label is a noun phrase: 信访件数 | 187 names the whole without a verb.
                let tableLabelNamesWhole = inTable && !rule.indicator.partOfWhole && rule.indicator.kind == .count
                    && clauseHits.contains { rule.subjects.contains($0.word) }
                // …and 调解成功率 | 99.0 names a rate by its own word, where no other rate has it.
                let tableLabelNamesRate = inTable && rule.indicator.kind == .rate && !clauseWords.isDisjoint(with: rule.actions)
                    && !rules.contains { $0 !== rule && $0.indicator.kind == .rate && !clauseWords.isDisjoint(with: $0.actions) }
                if !rule.actions.isEmpty && listedWords.isDisjoint(with: rule.actions) && !outcomeOfWhole && !tableLabelNamesWhole
                    && !(sharesPredicate && stretchWords.isDisjoint(with: rule.actions) == false) { continue }
                var localSubjects = clauseHits.filter { hit in
                    rule.subjects.contains(hit.word) || rule.pairedSubjects.contains { pair in
                        pair.head == hit.word && !clauseWords.isDisjoint(with: pair.objects)
                    }
                }
                if !listHits.isEmpty && !rule.pairedSubjects.isEmpty {
                    localSubjects += listHits.filter { hit in
                        rule.pairedSubjects.contains { pair in pair.head == hit.word && !listedWords.isDisjoint(with: pair.objects) }
                    }
                }
                // “法治护老”宣传活动3次: one named campaign, not the year's total. “八五”普法 names the
                // national five-year plan of legal publicity, which is all of the year's work.
                // A quote of one or two characters (“双语”法治宣讲活动) is a modifier, not a campaign's name.
                if localSubjects.contains(where: { subject in
                    Self.followsCampaignName(subject.range.lowerBound, quoted: quoted, in: slice)
                }) { continue }
                let localSubject = !localSubjects.isEmpty
                // 其中持证执法人员42名, 其中调解成功119件 count the indicator itself when it is a part of a whole
                // by nature and its clause names it.
                if afterSubsetMarker && !(rule.indicator.partOfWhole && (localSubject || !clauseWords.isDisjoint(with: rule.actions))) { continue }
                // A subject named earlier carries over only to a number that counts nothing else:
                // `注销7个` inherits 执法证, `召开35次党工委会议` does not inherit 合法性审查.
                let inheritedSubject = !countsItsOwnNoun && !clauseNamesASubject
                    && (nearestEarlierSubject.map { subjectOwners[$0.word].contains(n) } ?? false)
                // 审查行政合同15份、规范性文件22份，共计37份: a total right after a list of parts counts what they count.
                let totalsListedParts = !localSubject && clauseTotal && k > 0 && rule.indicator.kind == .count
                    && !clauseNamesASubject && isListedPart(k - 1, of: rule, numbers: numbers, in: slice, hits: hits)
                guard localSubject || inheritedSubject || totalsListedParts || outcomeOfWhole || tableLabelNamesRate else { continue }

                // Ten times what any township reports (用户总数达10529人 after a 法律顾问 platform) is another thing.
                if rule.indicator.kind == .count, let limit = rule.indicator.typicalMax, number.value > 10 * limit { continue }
                // 新培育“法律明白人”38名，总数达到112名: a sum word restates the subject it carries over, as if named.
                let restatedSubject = inheritedSubject && restatesSum
                var score = 10
                if localSubject || restatedSubject { score += 4 }
                // 其中，“老杨调解中心”全年受理纠纷326件: a sentence opened by 其中 gives parts of the one before.
                if opensWithSubsetMarker && rule.indicator.kind == .count { score -= 3 }
                // A bare verb of outcome yields to a part the sentence names by its own words (成功化解156起).
                if outcomeOfWhole && !localSubject { score -= 1 }
                // The indicator's own words (合法性审查13次) fit better than a verb and its object (审查合同43份).
                if localSubjects.contains(where: { rule.subjects.contains($0.word) }) || restatedSubject { score += 1 }
                if isTotal { score += 2 }
                if clauseTotal || restatesSum { score += 1 }
                var candidate = finding(rule.indicator, number, sentence: sentence, text: text,
                                        original: original, score: score, evidence: &evidence)
                flagDoubts(&candidate, rule: rule, number: number, hits: hits, in: slice)
                // A subject only inside longer quoted names names campaigns (开展“校园法治小院”“银发普法专场”活动2场);
                // a quote that is the subject itself (“法律明白人”) is only the genre's way of writing it.
                let namedOnlyInQuotes = localSubject && localSubjects.allSatisfy { hit in
                    quoted.contains { $0.contains(hit.range.lowerBound) && $0.count > hit.range.count + 2 }
                }
                if rule.indicator.kind == .count && (!ownClauseWords.isDisjoint(with: oneKindWords) || namedOnlyInQuotes) {
                    candidate.flagForReview("只是一类活动或主题 (one kind of activity)")
                }
                if rule.indicator.kind == .count && inPeriod {
                    candidate.score -= 3
                    candidate.flagForReview("只是一个时段 (one stretch of the year)")
                }
                // 调处山林权属纠纷19件, 劳资纠纷692宗: a bare subject after a noun names one kind of it, which
                // yields to the whole where the report states it.
                if rule.indicator.kind == .count, !localSubjects.isEmpty,
                   localSubjects.allSatisfy({ Self.namesOneKind($0, of: rule, in: slice) }) {
                    candidate.score -= 3
                    candidate.flagForReview("只是一类 (one kind)")
                }
                if change == nil {
                    change = statedChange(after: number, unitID: unitID, clause: clause, sentence: sentence,
                                          slice: slice, hits: hits, numbers: numbers)
                }
                if let previous = fromTo.previousValue[k] {
                    candidate.statedChange = number.value - previous
                } else if let change {
                    switch rule.indicator.kind {
                    case .count:
                        if let unit = change.absoluteUnit, unit == unitID || rule.units.contains(unit) {
                            candidate.statedChange = change.absolute
                        }
                        candidate.statedGrowthPercent = change.growthPercent
                    case .rate:
                        // A rate's change is written in 个百分点; 化解率94.74%,同比下降13.6% is about
                        // the disputes the sentence counts, not the rate.
                        candidate.statedChange = change.percentagePoints
                    }
                }
                // 审查行政合同15份、街道规范性文件22份: parts of one indicator listed side by side with 、 and
                // no total; each is one kind, which labeling.md does not count as the township's total. A
                // total stated after the list (…，共计37份) is a number of its own and stays.
                if rule.indicator.kind == .count, isListedPart(k, of: rule, numbers: numbers, in: slice, hits: hits) { continue }
                found.append(candidate)
            }
        }
        return found
    }

    /// Whether a word that rules a number out for the rule (培训, 讲座…), found in the number's own clause
    /// (clauses end at 、 too), does so. It does (对村干部开展法律培训5次), except where the rule's own subject
    /// stands right before it in the list the number closes, with no number between (开展法治宣传、法治讲座80次:
    /// the 80 counts both).
    private func excludes(_ rule: CompiledRule, number k: Int, numbers: [NumberToken], clauseHits: [KeywordIndex.Hit],
                          hits: [KeywordIndex.Hit], stretch: Range<Int>, in slice: ArraySlice<Unicode.Scalar>) -> Bool {
        let start = numbers[k].range.lowerBound
        for hit in clauseHits where rule.exclude.contains(hit.word) {
            guard hit.range.upperBound <= start else { return true }
            // 送法进村、进校园、进企业等普法活动40余场次: what 等 closes are the subject's examples.
            if let deng = slice[hit.range.upperBound..<start].firstIndex(of: "等"),
               clauseHits.contains(where: { $0.range.lowerBound > deng && $0.range.upperBound <= start && rule.subjects.contains($0.word) }) {
                continue
            }
            let coordinateSubject = hits.contains { subject in
                stretch.contains(subject.range.lowerBound) && subject.range.upperBound <= hit.range.lowerBound
                    && rule.subjects.contains(subject.word)
                    && slice[subject.range.upperBound..<hit.range.lowerBound].contains("、")
                    && !numbers.contains { $0.range.lowerBound >= subject.range.upperBound && $0.range.lowerBound < start }
            }
            if !coordinateSubject { return true }
        }
        return false
    }

    /// Characters before another body's name that make it no subject of the sentence (在…指导下, 联合, 邀请, 与).
    private static let notSubjectOpener: Set<Unicode.Scalar> = Set("在经与和同协配联依邀请会由向对为借".unicodeScalars)

    /// Whether the year named last before a number in its sentence is earlier than the report's (2023年全镇…231件
    /// in a 2024 report). Not a year of comparison (较2023年, 比2023年) nor a start (2019年以来).
    private static func namesEarlierYear(before start: Int, years: [NumberToken], reportYear: Int,
                                         in slice: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let year = years.last(where: { $0.range.upperBound <= start }),
              Int(year.value) < reportYear else { return false }
        let before = year.range.lowerBound > slice.startIndex ? slice[year.range.lowerBound - 1] : " "
        if "较比与同至到由从".unicodeScalars.contains(before) { return false }
        var i = year.range.upperBound
        if i < slice.endIndex, slice[i] == "年" { i += 1 }
        let after = slice[i..<min(slice.endIndex, i + 2)]
        return !(after.starts(with: "以来".unicodeScalars) || after.starts(with: "至今".unicodeScalars)
                 || after.first == "起" || after.first == "底" || after.first == "末" || after.first == "至" || after.first == "—"
                 || after.first == "-")
    }

    /// Whether a bracket opens with another year's figure: （2018年为30件）, （上年为30件）, （去年同期25件）.
    private static func namesAnotherYear(_ bracket: Range<Int>, in slice: ArraySlice<Unicode.Scalar>) -> Bool {
        let inside = slice[(bracket.lowerBound + 1)..<(bracket.upperBound - 1)]
        for word in ["上年", "去年", "上一年", "前年", "同期"] where inside.starts(with: word.unicodeScalars) { return true }
        // A year and 年 then 为 or 是, or 同期.
        let digits = inside.prefix { ("0"..."9").contains($0) }
        guard digits.count == 4 else { return false }
        let rest = inside.dropFirst(4)
        return rest.starts(with: "年为".unicodeScalars) || rest.starts(with: "年是".unicodeScalars)
            || rest.starts(with: "年同期".unicodeScalars) || rest.starts(with: "年度为".unicodeScalars)
    }

    /// Whether a subject the catalog marks `kindMarked` (纠纷) is written right after a noun that makes it one
    /// kind (劳资纠纷, 山林权属纠纷, 疑难纠纷), not after a verb or a word for all kinds (调解纠纷, 各类纠纷).
    private static func namesOneKind(_ hit: KeywordIndex.Hit, of rule: CompiledRule, in slice: ArraySlice<Unicode.Scalar>) -> Bool {
        guard rule.kindMarked.contains(hit.word), hit.range.lowerBound > slice.startIndex else { return false }
        let before = slice[hit.range.lowerBound - 1]
        return Gazetteer.isHan(before) && !notKindBefore.contains(before)
    }

    /// Characters before 纠纷 that leave it the whole: the end of a verb (调解, 调处, 排查, 受理, 解决, 办结, 摸排,
    /// 化解) or a word for all kinds (各类, 各种, 一般, 等, 的).
    private static let notKindBefore: Set<Unicode.Scalar> = Set("解处查理决结排类种般间盾等的各项起件宗和及与涉".unicodeScalars)

    /// Whether a title (《…》) is a certificate's name (《行政执法证》, 《…执法证件》).
    private static func namesCertificate(_ title: Range<Int>, in slice: ArraySlice<Unicode.Scalar>) -> Bool {
        title.count >= 3 && slice[title.upperBound - 2] == "证" || (title.count >= 4 && slice[title.upperBound - 2] == "件"
            && slice[title.upperBound - 3] == "证")
    }

    /// Whether 等 stands right before a number (等4个, 等共12场).
    private static func follows等(_ number: NumberToken, in slice: ArraySlice<Unicode.Scalar>) -> Bool {
        var i = min(number.range.lowerBound, number.qualifierRange?.lowerBound ?? .max) - 1
        while i >= slice.startIndex, ["共", "计", " "].contains(slice[i]) { i -= 1 }
        return i >= slice.startIndex && slice[i] == "等"
    }

    /// Whether a word at `position` follows a quoted campaign's name (“法治护老”宣传活动): not “八五”普法, the
    /// national plan, nor a quote of one or two characters, a modifier (“双语”法治宣讲活动).
    private static func followsCampaignName(_ position: Int, quoted: [Range<Int>], in slice: ArraySlice<Unicode.Scalar>) -> Bool {
        guard position > slice.startIndex, slice[position - 1] == "”",
              !namesFiveYearPlan(closingAt: position - 1, in: slice) else { return false }
        let isModifier = quoted.contains { span in span.upperBound == position && span.count <= 4 }
        return !isModifier
    }

    /// Whether number `k` is one item of a 、-list whose neighbouring item counts the same indicator in the
    /// same measure: both items name one of the rule's subjects or objects.
    private func isListedPart(_ k: Int, of rule: CompiledRule, numbers: [NumberToken], in slice: ArraySlice<Unicode.Scalar>,
                              hits: [KeywordIndex.Hit]) -> Bool {
        guard Self.itemNamesSubject(of: rule, before: numbers[k].range.lowerBound, in: slice, hits: hits) else { return false }
        for neighbour in [k - 1, k + 1] where numbers.indices.contains(neighbour) {
            let (first, second) = (min(k, neighbour), max(k, neighbour))
            let between = slice[numbers[first].range.upperBound..<numbers[second].range.lowerBound]
            guard between.contains("、"), !between.contains(where: { [",", ";", "。", ":"].contains($0) }) else { continue }
            guard numbers[neighbour].role == .quantity, let unit = measureWord(after: numbers[neighbour], hits: hits, in: slice),
                  rule.units.contains(unit) else { continue }
            // 新申领执法证5个、注销执法证2个: a neighbour with another indicator's verb counts that other one.
            let item = Self.itemStart(before: numbers[neighbour].range.lowerBound, in: slice)..<numbers[neighbour].range.lowerBound
            let itemHits = hits.lazy.filter { item.contains($0.range.lowerBound) }
            if itemHits.contains(where: { rule.exclude.contains($0.word) }) { continue }
            if !rule.actions.isEmpty, !itemHits.contains(where: { rule.actions.contains($0.word) }),
               itemHits.contains(where: { allActions.contains($0.word) }) { continue }
            if Self.itemNamesSubject(of: rule, before: numbers[neighbour].range.lowerBound, in: slice, hits: hits) { return true }
        }
        return false
    }

    /// Where the list item closed by a number at `start` begins: after the last 、, comma, ; 。 or :.
    private static func itemStart(before start: Int, in slice: ArraySlice<Unicode.Scalar>) -> Int {
        var itemStart = start
        while itemStart > slice.startIndex, !["、", ",", ";", "。", ":"].contains(slice[itemStart - 1]) { itemStart -= 1 }
        return itemStart
    }

    /// Whether the list item a number closes (from the last 、, comma or clause start before it) names
    /// one of the rule's subjects, or an object of a verb that governs the list: 审查行政合同15份、
    /// 街道规范性文件22份 has one in each item; 审查合同185份、出具审查意见书143份 has none in the second.
    private static func itemNamesSubject(of rule: CompiledRule, before start: Int, in slice: ArraySlice<Unicode.Scalar>,
                                         hits: [KeywordIndex.Hit]) -> Bool {
        let itemStart = itemStart(before: start, in: slice)
        return hits.contains { hit in
            hit.range.lowerBound >= itemStart && hit.range.upperBound <= start
                && (rule.subjects.contains(hit.word) || rule.pairedSubjects.contains { $0.objects.contains(hit.word) })
        }
    }

    /// Where an example opens in the sentence (例如…, or 如 before a named village at the sentence's start):
    /// the figures from there on are the example's. Nil where the sentence gives no example.
    private func exampleOpening(in sentence: Sentence, slice: ArraySlice<Unicode.Scalar>,
                                hits: [KeywordIndex.Hit]) -> Int? {
        if let hit = hits.first(where: { exampleWords.contains($0.word) }) { return hit.range.lowerBound }
        // 在石岗村开展的…活动中，现场解答咨询50余人次: what was done in one named village.
        if let clause = sentence.clauses.first(where: { c in
            c.lowerBound < c.upperBound && slice[c.lowerBound] == "在" && opensWithNamedVillage(c, in: slice, hits: hits)
        }) { return clause.lowerBound }
        var i = sentence.range.lowerBound
        while i < sentence.range.upperBound, slice[i] == " " { i += 1 }
        guard i < sentence.range.upperBound, slice[i] == "如",
              let first = sentence.clauses.first,
              opensWithNamedVillage((i + 1)..<first.upperBound, in: slice, hits: hits) else { return nil }
        return i
    }

    /// Characters that make a word before 村 or 社区 something other than a village's name
    /// (全镇16个村, 各村, 行政村, 新农村, 镇村两级, 走村入户, 进村).
    private static let notVillageName: Set<Unicode.Scalar> = Set("全各每该本两个镇乡级行政自然农新城驻等和与及、(（走进入包到".unicodeScalars)
    /// Characters that open a clause with a verb or preposition, not a name (聘请村(居)法律顾问, 在村…).
    private static let notVillageNameStart: Set<Unicode.Scalar> = Set("聘建推指组实覆在对为向到开设成完督协帮引深加强抓打落做由从经依通按并选培配招共".unicodeScalars)
    /// Characters after 村 that make it the villages in general (村(居), 村级, 村民, 村干部, 村务).
    /// What a quoted name opening a clause may be: a mediation room or a service point with figures of its own.
    private static let namedBodyEndings = ["调解工作室", "调解室", "工作室", "调解中心", "服务站", "驿站", "服务中心"]
    private static let notAfterVillage: Set<Unicode.Scalar> = Set("(（居级民干务规两".unicodeScalars)

    /// Whether the clause opens with a village's name: two to four characters and 村 or 社区
    /// (红星村通过…, 桥头社区…, after 其中 or 在). Not where an indicator's subject follows 村 and is what
    /// the clause counts (遴选村法律明白人37名: the villages' literates, counted for the township).
    private func opensWithNamedVillage(_ clause: Range<Int>, in slice: ArraySlice<Unicode.Scalar>,
                                       hits: [KeywordIndex.Hit]) -> Bool {
        var i = clause.lowerBound
        while i < clause.upperBound, slice[i] == " " { i += 1 }
        // “老杜调解工作室”全年调处…: a named room or centre's own work.
        if i < clause.upperBound, slice[i] == "“", let close = slice[i..<clause.upperBound].firstIndex(of: "”"), close - i > 3 {
            let inside = slice[(i + 1)..<close], after = slice[(close + 1)..<clause.upperBound]
            for word in Self.namedBodyEndings where inside.reversed().starts(with: word.unicodeScalars.reversed())
                || after.starts(with: word.unicodeScalars) { return true }
        }
        // 其中河图村…, 在石岗村开展的…活动中: the village after 其中 or 在 is as named.
        if i + 1 < clause.upperBound && slice[i] == "其" && slice[i + 1] == "中" { i += 2 }
        else if i < clause.upperBound && slice[i] == "在" { i += 1 }
        let nameStart = i
        guard i < clause.upperBound, !Self.notVillageNameStart.contains(slice[i]) else { return false }
        while i < clause.upperBound, i - nameStart < 5 {
            let u = slice[i]
            guard u.value >= 0x4E00 && u.value <= 0x9FFF, !Self.notVillageName.contains(u) else { return false }
            if i - nameStart >= 2 && u == "村" {
                return i + 1 >= clause.upperBound
                    || (!Self.notAfterVillage.contains(slice[i + 1]) && !countedSubjectStarts(at: i + 1, clause: clause, hits: hits))
            }
            if i - nameStart >= 2 && u == "社" && i + 1 < clause.upperBound && slice[i + 1] == "区" {
                return !countedSubjectStarts(at: i + 2, clause: clause, hits: hits)
            }
            i += 1
        }
        return false
    }

    /// Whether a subject right after 村 names the villages' people the township counts (遴选村法律明白人37名):
    /// not where the clause goes on to count something else (东山坡村调委会调解纠纷9件: the village's work).
    /// A method, not a local function: a local function capturing `self` copied the whole extractor per call.
    private func countedSubjectStarts(at position: Int, clause: Range<Int>, hits: [KeywordIndex.Hit]) -> Bool {
        guard let subject = hits.first(where: { $0.range.lowerBound == position && !subjectOwners[$0.word].isEmpty })
        else { return false }
        return !hits.contains { $0.range.lowerBound >= subject.range.upperBound && $0.range.upperBound <= clause.upperBound
                                && !subjectOwners[$0.word].isEmpty
                                && subjectOwners[$0.word].isDisjoint(with: subjectOwners[subject.word]) }
    }

    /// Figures written as a change from last year's value to this year's (由上年的15人增至19人):
    /// the positions (in `numbers`) of last year's figures, and this year's with last year's value.
    private func fromToPairs(_ numbers: [NumberToken], in slice: ArraySlice<Unicode.Scalar>, hits: [KeywordIndex.Hit],
                             sentence: Sentence) -> (previous: Set<Int>, previousValue: [Int: Double]) {
        var previous = Set<Int>()
        var previousValue: [Int: Double] = [:]
        guard numbers.count > 1, hits.contains(where: { fromToWords.contains($0.word) }) else { return (previous, previousValue) }
        for k in 0..<(numbers.count - 1) {
            let a = numbers[k], b = numbers[k + 1]
            guard a.role == b.role else { continue }
            let aEnd = max(a.range.upperBound, a.qualifierRange?.upperBound ?? 0)
            let bStart = min(b.range.lowerBound, b.qualifierRange?.lowerBound ?? .max)
            guard bStart - aEnd <= 6,
                  hits.contains(where: { fromToWords.contains($0.word) && $0.range.lowerBound >= aEnd
                                         && $0.range.upperBound <= bStart }) else { continue }
            // 由 or 从 before the first figure in its clause opens the statement.
            let clause = sentence.clauses.first { $0.contains(a.range.lowerBound) } ?? sentence.range
            guard slice[clause.lowerBound..<a.range.lowerBound].contains(where: { $0 == "由" || $0 == "从" }) else { continue }
            previous.insert(k)
            previousValue[k + 1] = a.value
        }
        return (previous, previousValue)
    }

    /// The keyword id of the group (法律明白人, 网格员…) whose own work the number at `start` counts:
    /// the group is named in the number's clause before it, or earlier in the sentence with a clause
    /// opened by a participation word (参与, 协助) between it and the number. Nil for the township's own.
    private func actorOwning(_ start: Int, clause: Range<Int>, sentence: Sentence,
                             hits: [KeywordIndex.Hit]) -> Int? {
        guard let actor = hits.last(where: { actorWords.contains($0.word) && $0.range.upperBound <= start }) else { return nil }
        if clause.contains(actor.range.lowerBound) { return actor.word }
        let opened = sentence.clauses.contains { c in
            c.lowerBound > actor.range.lowerBound && c.lowerBound <= clause.lowerBound
                && hits.contains { participationWords.contains($0.word) && $0.range.lowerBound >= c.lowerBound
                                   && $0.range.lowerBound <= c.lowerBound + 4 }
        }
        return opened ? actor.word : nil
    }

    /// Marks a candidate for review where the sentence gives a reason to doubt it: 其中 earlier in the
    /// sentence before a count (its parts may reach this number across a comma), a count beyond what a township reports
    /// (the catalog's `typicalMax`), a rate over 100. Measured on the labelled real passages, these are
    /// the doubts that catch wrong values; a subject carried over from an earlier clause did not.
    private func flagDoubts(_ candidate: inout Finding, rule: CompiledRule, number: NumberToken,
                            hits: [KeywordIndex.Hit], in slice: ArraySlice<Unicode.Scalar>) {
        // A part by nature right after its 其中 (其中调解成功119件) is what the sentence says it is.
        let ownMarker = rule.indicator.partOfWhole && hits.contains(where: { subsetMarkers.contains($0.word)
            && $0.range.upperBound <= number.range.lowerBound && !Self.hasComma(slice, from: $0.range.upperBound, to: number.range.lowerBound) })
        // A rate is a ratio, not a part: 其中持证人员30人，持证率达93.75% states the whole's rate.
        if !ownMarker, rule.indicator.kind == .count,
           hits.contains(where: { subsetMarkers.contains($0.word) && $0.range.upperBound <= number.range.lowerBound }) {
            candidate.flagForReview("前有分项词“其中” (a subset word nearby)")
        }
        switch rule.indicator.kind {
        case .count:
            if let limit = rule.indicator.typicalMax, number.value > limit {
                candidate.flagForReview("数值远超一般乡镇 (far above a township's usual figure)")
            }
        case .rate:
            if number.value > 100 { candidate.flagForReview("比率超过100 (rate over 100)") }
        }
    }

    /// 每月, 每周, 每季度, 每半年, 每天 before the number in its clause: the number is how often, not how many.
    /// A rate per time or per place: 每月开展3场, 每村培育法律明白人3名 (one village's share, not the total).
    private static let frequencyWords: [[Unicode.Scalar]] = ["每月", "每周", "每季度", "每季", "每半年", "每天", "每日", "每星期", "每个月",
                                                            "每村", "每个村", "每社区", "每个社区", "每户", "每名", "每人", "每位", "每个网格", "每网格"]
        .map { Array($0.unicodeScalars) }

    private static func isFrequency(before start: Int, in clause: Range<Int>, slice: ArraySlice<Unicode.Scalar>) -> Bool {
        var i = clause.lowerBound
        while i < start {
            if slice[i] == "每" {
                for word in frequencyWords where i + word.count <= start && slice[i..<(i + word.count)].elementsEqual(word) {
                    return true
                }
            }
            i += 1
        }
        return false
    }

    /// A word standing in an enumeration: 、 on either side, or 等 right after it.
    private static func isListed(_ range: Range<Int>, in slice: ArraySlice<Unicode.Scalar>) -> Bool {
        let before = range.lowerBound > slice.startIndex ? slice[range.lowerBound - 1] : " "
        let after = range.upperBound < slice.endIndex ? slice[range.upperBound] : " "
        return before == "、" || after == "、" || after == "等"
    }

    /// The keyword ids of some hits, built without intermediate arrays: this runs several times per number.
    private func words(of hits: some Sequence<KeywordIndex.Hit>) -> IDSet {
        var set = IDSet(capacity: keywords.words.count)
        for hit in hits { set.insert(hit.word) }
        return set
    }

    /// A change from the previous year stated after a value: `较上年增加58人,增长率109%`.
    private struct StatedChange {
        /// Signed, with the keyword id of its measure word.
        var absolute: Double?
        var absoluteUnit: Int?
        /// Signed: `提高2个百分点`.
        var percentagePoints: Double?
        /// Signed, in percent: `增长率109%`, `同比下降12%`.
        var growthPercent: Double?
    }

    /// Words that give a change its direction, longest first; a number follows one of them closely.
    private static let directionWords: [([Unicode.Scalar], Double)] = [
        ("增加", 1), ("增长", 1), ("增多", 1), ("上升", 1), ("提高", 1), ("提升", 1),
        ("减少", -1), ("下降", -1), ("降低", -1), ("回落", -1), ("多", 1), ("少", -1), ("减", -1),
    ].map { (Array($0.0.unicodeScalars), $0.1) }
    /// What may stand between a direction word and its figure: 增长率达109%, 下降了12%, 增长幅度为15%.
    private static let changeGap: Set<Unicode.Scalar> = ["率", "了", "达", "为", "幅", "度", "是", " "]

    /// The change stated right after a number: in the rest of its clause and in the clauses that follow
    /// it, as long as each of them opens with a change word (较上年, 同比, 增加…). A clause about anything
    /// else ends the statement, so a change written after another figure never reaches this one.
    private func statedChange(after number: NumberToken, unitID: Int?, clause: Range<Int>, sentence: Sentence,
                              slice: ArraySlice<Unicode.Scalar>, hits: [KeywordIndex.Hit],
                              numbers: [NumberToken]) -> StatedChange? {
        var valueEnd = number.range.upperBound
        if let q = number.qualifierRange { valueEnd = max(valueEnd, q.upperBound) }
        if let unitID, let unitHit = hits.first(where: {
            $0.word == unitID && ($0.range.lowerBound == valueEnd || $0.range.lowerBound == valueEnd + 1)
        }) {
            valueEnd = unitHit.range.upperBound
        }
        if let q = number.qualifierRange { valueEnd = max(valueEnd, q.upperBound) }
        var stretches: [Range<Int>] = []
        var start = valueEnd
        while start < clause.upperBound, slice[start] == " " { start += 1 }
        if start < clause.upperBound { stretches.append(start..<clause.upperBound) }
        if let k = sentence.clauses.firstIndex(of: clause) {
            stretches += sentence.clauses[(k + 1)...]
        }
        var change = StatedChange()
        var any = false
        for stretch in stretches {
            guard hits.contains(where: { $0.range.lowerBound == stretch.lowerBound && changeWords.contains($0.word) })
            else { break }
            for figure in numbers where stretch.contains(figure.range.lowerBound) {
                let figureStart = min(figure.range.lowerBound, figure.qualifierRange?.lowerBound ?? .max)
                guard let sign = Self.direction(before: figureStart, from: stretch.lowerBound, in: slice) else { continue }
                let value = sign * figure.value
                if figure.role == .percent {
                    if change.growthPercent == nil { change.growthPercent = value; any = true }
                } else if Self.isPercentagePoint(figure, in: slice, end: stretch.upperBound) {
                    if change.percentagePoints == nil { change.percentagePoints = value; any = true }
                } else if change.absolute == nil, let unit = measureWord(after: figure, hits: hits, in: slice) {
                    change.absolute = value
                    change.absoluteUnit = unit
                    any = true
                }
            }
        }
        return any ? change : nil
    }

    /// The sign of the direction word that ends just before `position` (a few linking characters apart).
    private static func direction(before position: Int, from lower: Int, in slice: ArraySlice<Unicode.Scalar>) -> Double? {
        var end = position
        var gap = 0
        while true {
            for (word, sign) in directionWords where end - word.count >= lower {
                if slice[(end - word.count)..<end].elementsEqual(word) { return sign }
            }
            guard gap < 3, end > lower, changeGap.contains(slice[end - 1]) else { return nil }
            end -= 1
            gap += 1
        }
    }

    /// `2个百分点`, `2百分点`: a change of a rate in percentage points.
    private static func isPercentagePoint(_ figure: NumberToken, in slice: ArraySlice<Unicode.Scalar>, end: Int) -> Bool {
        var i = max(figure.range.upperBound, figure.qualifierRange?.upperBound ?? 0)
        while i < end, slice[i] == " " || slice[i] == "个" { i += 1 }
        let word: [Unicode.Scalar] = ["百", "分", "点"]
        return i + word.count <= end && slice[i..<(i + word.count)].elementsEqual(word)
    }

    /// “七五”, “八五”: a quote of one Chinese numeral and 五 (the five-year plans of legal publicity).
    private static func namesFiveYearPlan(closingAt close: Int, in slice: ArraySlice<Unicode.Scalar>) -> Bool {
        guard close - 3 >= slice.startIndex, slice[close - 3] == "“", slice[close - 1] == "五" else { return false }
        return "一二三四五六七八九十".unicodeScalars.contains(slice[close - 2])
    }

    /// The spans between each opening mark and its closing mark.
    /// The quoted (“…”), titled (《…》) and bracketed (（…）, (…)) spans of a sentence, in one pass.
    private static func marks(in scalars: ArraySlice<Unicode.Scalar>) -> (quoted: [Range<Int>], titled: [Range<Int>],
                                                                         bracketed: [Range<Int>]) {
        var quoted: [Range<Int>] = [], titled: [Range<Int>] = [], bracketed: [Range<Int>] = []
        var quote: Int?, title: Int?, bracket: Int?
        for i in scalars.indices {
            // Most scalars are characters (U+3400…U+FF07): none of the marks.
            let v = scalars[i].value
            if v >= 0x3400 && v < 0xFF08 || v < 0x28 { continue }
            switch scalars[i] {
            case "“": quote = i
            case "”": if let q = quote { quoted.append(q..<(i + 1)); quote = nil }
            case "《": title = i
            case "》": if let t = title { titled.append(t..<(i + 1)); title = nil }
            case "（", "(": bracket = i
            case "）", ")": if let b = bracket { bracketed.append(b..<(i + 1)); bracket = nil }
            default: break
            }
        }
        return (quoted, titled, bracketed)
    }

    /// Whether a Chinese word follows the number's measure word in its clause: the number counts that.
    private static func nounFollows(_ number: NumberToken, unit: String?, in scalars: ArraySlice<Unicode.Scalar>,
                                    clauseEnd: Int) -> Bool {
        guard let unit else { return false }
        var i = Self.endOfNumber(number, in: scalars)
        while i < clauseEnd, scalars[i] == " " { i += 1 }
        i += unit.unicodeScalars.count
        guard i < clauseEnd else { return false }
        let v = scalars[i].value
        return (0x4E00...0x9FFF).contains(v) && scalars[i] != "的"
    }

    /// 双100%, 均为100%, 均达100%: the figure belongs to every item listed before it.
    private static func isShared(_ number: NumberToken, in scalars: ArraySlice<Unicode.Scalar>) -> Bool {
        var i = number.range.lowerBound - 1
        while i >= scalars.startIndex, scalars[i] == "达" || scalars[i] == "为" || scalars[i] == " " { i -= 1 }
        return i >= scalars.startIndex && (scalars[i] == "双" || scalars[i] == "均" || scalars[i] == "都")
    }

    /// The stretch between the commas (or semicolons) around a position.
    private static func commaStretch(around position: Int, in scalars: ArraySlice<Unicode.Scalar>) -> Range<Int> {
        func isBreak(_ u: Unicode.Scalar) -> Bool { u == "," || u == ";" || u == "。" || u == ":" }
        var lower = position, upper = position
        while lower > scalars.startIndex, !isBreak(scalars[lower - 1]) { lower -= 1 }
        while upper < scalars.endIndex, !isBreak(scalars[upper]) { upper += 1 }
        return lower..<upper
    }

    private static func hasComma(_ scalars: ArraySlice<Unicode.Scalar>, from: Int, to: Int) -> Bool {
        scalars[from..<to].contains { $0 == "," || $0 == ";" || $0 == "。" }
    }

    /// Where the number ends with a qualifier written right after it (40余 of 40余场, 2万余 of 2万余份);
    /// a qualifier after the measure word (3件以下) is not skipped, so that the measure word is found.
    static func endOfNumber(_ number: NumberToken, in scalars: ArraySlice<Unicode.Scalar>) -> Int {
        let end = number.range.upperBound
        guard let q = number.qualifierRange else { return end }
        // One space may stand before the qualifier: `800 余人次`, as PDF text writes it.
        let next = end < scalars.endIndex && scalars[end] == " " ? end + 1 : end
        return q.contains(next) ? q.upperBound : end
    }

    /// The keyword id of the longest measure word right after the number and its qualifier, spaces skipped.
    private func measureWord(after number: NumberToken, hits: [KeywordIndex.Hit],
                             in scalars: ArraySlice<Unicode.Scalar>) -> Int? {
        let end = Self.endOfNumber(number, in: scalars)
        var best: KeywordIndex.Hit?
        for hit in hits where measureWords.contains(hit.word) {
            // allow one space between a number and its measure word: `调委会 19 个`
            guard hit.range.lowerBound == end || hit.range.lowerBound == end + 1 else { continue }
            if best == nil || hit.range.lowerBound < best!.range.lowerBound
                || (hit.range.lowerBound == best!.range.lowerBound && hit.range.count > best!.range.count) {
                best = hit
            }
        }
        return best?.word
    }

    func finding(_ indicator: Indicator, _ number: NumberToken, sentence: Sentence,
                         text: NormalizedText, original: [Unicode.Scalar]?, score: Int,
                         evidence cached: inout String?) -> Finding {
        var writtenRange = number.range
        if let q = number.qualifierRange {
            writtenRange = min(q.lowerBound, writtenRange.lowerBound)..<max(q.upperBound, writtenRange.upperBound)
        }
        let evidenceStart = text.originalOffset(at: sentence.range.lowerBound)
        let evidence: String
        let written: String
        if let cached {
            evidence = cached
        } else if let original {
            evidence = Self.string(original, text.originalOffset(at: sentence.range.lowerBound),
                                   text.originalOffset(at: sentence.range.upperBound - 1) + 1)
        } else {
            evidence = text.slice(sentence.range)
        }
        cached = evidence
        if let original {
            written = Self.string(original, text.originalOffset(at: writtenRange.lowerBound),
                                  text.originalOffset(at: writtenRange.upperBound - 1) + 1)
        } else {
            written = text.slice(writtenRange)
        }
        return Finding(indicator: indicator.id, value: number.value, unit: indicator.unit,
                       qualifier: number.qualifier, written: written, evidence: evidence,
                       offset: evidenceStart, numberOffset: text.originalOffset(at: number.range.lowerBound),
                       score: score, chosen: false)
    }

    /// The scalars as a String, encoded straight into the string's own UTF-8 storage
    /// (appending to a `UnicodeScalarView` grows and checks it scalar by scalar).
    static func string(_ scalars: [Unicode.Scalar], _ from: Int, _ to: Int) -> String {
        let piece = scalars[max(0, from)..<min(scalars.count, max(from, to))]
        if piece.isEmpty { return "" }
        return String(unsafeUninitializedCapacity: piece.count * 4) { buffer in
            var k = 0
            for scalar in piece {
                let v = scalar.value
                if v < 0x80 {
                    buffer[k] = UInt8(v)
                    k += 1
                } else if v < 0x800 {
                    buffer[k] = UInt8(0xC0 | v >> 6)
                    buffer[k + 1] = UInt8(0x80 | v & 0x3F)
                    k += 2
                } else if v < 0x10000 {
                    buffer[k] = UInt8(0xE0 | v >> 12)
                    buffer[k + 1] = UInt8(0x80 | v >> 6 & 0x3F)
                    buffer[k + 2] = UInt8(0x80 | v & 0x3F)
                    k += 3
                } else {
                    buffer[k] = UInt8(0xF0 | v >> 18)
                    buffer[k + 1] = UInt8(0x80 | v >> 12 & 0x3F)
                    buffer[k + 2] = UInt8(0x80 | v >> 6 & 0x3F)
                    buffer[k + 3] = UInt8(0x80 | v & 0x3F)
                    k += 4
                }
            }
            return k
        }
    }

    /// 12, 90.5: a value as a person writes it, without a trailing .0.
    static func plain(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }

    /// Two counts of one indicator in one sentence that fit equally well (共开展宣传活动30余场，…，累计开展普法
    ///宣传活动130余场): the larger is the one that holds the other, since a part never exceeds its total.
    private static func isLargerInSameSentence(_ candidate: Finding, than other: Finding) -> Bool {
        candidate.offset == other.offset && candidate.unit != "%" && candidate.value > other.value
    }

    /// Marks the best candidate of each indicator chosen: the highest score, then, within a sentence, the
    /// larger count, then the first.
    /// One number claimed by several indicators goes to the one that fits it best.
    private func choose(_ candidates: [Finding]) -> [Finding] {
        var result = candidates
        var best: [String: Int] = [:]
        for (i, candidate) in result.enumerated() {
            if let j = best[candidate.indicator], result[j].score > candidate.score
                || (result[j].score == candidate.score && !Self.isLargerInSameSentence(candidate, than: result[j])) { continue }
            best[candidate.indicator] = i
        }
        for i in best.values { result[i].chosen = true }
        // A rival: another value for the same indicator that scored within a point of the chosen one.
        for i in best.values {
            let chosen = result[i]
            // Or another value for it in the same sentence, whatever its score: parts listed side by side
            // (配备法律顾问1名,村法律顾问9名) or a total beside a part, which only a reader can tell apart.
            if let rival = result.first(where: { $0.indicator == chosen.indicator && !$0.chosen && $0.value != chosen.value
                                                 && ($0.score >= chosen.score - 1 || $0.offset == chosen.offset) }) {
                result[i].flagForReview("另有候选值\(Self.plain(rival.value)) (another candidate: \(Self.plain(rival.value)))")
            }
        }
        return result
    }
}
