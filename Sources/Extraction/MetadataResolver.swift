import Foundation
import ReportText

/// Finds which township, county, city, province and year a report is about.
///
/// The text is scanned once for gazetteer names (at the scalars that end a name, looking back
/// through a hash index), for index numbers (索引号) carrying an area code, and for years. Each
/// mention is weighted by where it stands: the title and the issuing body count most, the
/// opening next, later text least. The report's township is the best-weighted township name;
/// among the units of that name, the ones consistent with the counties, cities and provinces the
/// text names or codes are kept, and a field is filled only when all that remain agree on it.
public struct MetadataResolver: Sendable {
    public let gazetteer: Gazetteer

    public init(gazetteer: Gazetteer) {
        self.gazetteer = gazetteer
    }

    /// A report says who it is and which year it covers in its head: page furniture, index number,
    /// title, issuer, opening. Reading only that keeps a long report as cheap as a short one.
    public static let headLength = 3_000

    public func resolve(_ text: NormalizedText, fileName: String? = nil) -> ReportMetadata {
        var scan = Scan(gazetteer: gazetteer, text: text.scalars.prefix(Self.headLength), fileName: fileName)
        scan.run()
        return scan.result()
    }
}

// MARK: - Zones

/// Where a mention stands, and how much it says about what the report is about.
enum Zone: Int, Comparable {
    case body = 1, opening = 3, addressee = 5, issuer = 6, fileName = 7, title = 10
    static func < (a: Zone, b: Zone) -> Bool { a.rawValue < b.rawValue }
}

struct Mention {
    let start: Int
    let end: Int  // exclusive
    let entry: Int
    let units: [Int]
    let zone: Zone
}

struct Scan {
    let gz: Gazetteer
    /// Simplified, half-width scalars of the text, then a newline and the file name.
    var s: [Unicode.Scalar]
    let bodyCount: Int
    var zones: [Zone] = []
    var lines: [Range<Int>] = []
    var lineZone: [Zone] = []

    /// Short names of counties, cities and provinces in the title, the issuer and the file name, noted
    /// as evidence once the township is known (`result`): inside the name of a township the gazetteer
    /// lacks (东坡 of 东坡街道) a short form says nothing about the county.
    var titleShortForms: [(unit: Int, range: Range<Int>, zone: Zone)] = []
    /// Every full or reduced name the text holds, in order of where it ends, longest first at one end.
    var namesFound: [Mention] = []
    var townshipMentions: [Mention] = []
    /// Evidence per unit index (county, city or province): the best zone that names it.
    var strong: [Int: Zone] = [:]
    /// Area mentions that stand directly before a township mention: township start → area units.
    var prefixAreas: [Int: [Int]] = [:]
    /// Areas written as the path to a township in the body (与四川省内江市石子镇…建立协作): evidence only
    /// when that township is the report's, noted in `result` once it is known. Another township's path
    /// names a partner or a place visited, not the report's own region.
    var townshipPaths: [(units: [Int], zone: Zone, township: String)] = []
    /// Township mentions (by start) written as a partner or a destination in the body (与四川省内江市石子镇,
    /// 赴安铺镇): another township than the report's, whatever their count.
    var partnerMentions = Set<Int>()

    static let openingLength = 1500

    init(gazetteer: Gazetteer, text: ArraySlice<Unicode.Scalar>, fileName: String?) {
        gz = gazetteer
        // Filled in place: this runs for every scalar of the head.
        var s = [Unicode.Scalar](unsafeUninitializedCapacity: text.count + 64) { buffer, count in
            for (k, scalar) in text.enumerated() { buffer[k] = Scan.fold(gazetteer.simplified(scalar)) }
            count = text.count
        }
        bodyCount = s.count
        if let fileName {
            s.append("\n")
            let stem = (fileName as NSString).lastPathComponent
            for scalar in stem.unicodeScalars { s.append(Scan.fold(gazetteer.simplified(scalar))) }
        }
        self.s = s
    }

    static func fold(_ c: Unicode.Scalar) -> Unicode.Scalar {
        switch c.value {
        case 0xFF01...0xFF5E: return Unicode.Scalar(c.value - 0xFEE0)!
        case 0x3000: return " "
        default: return c
        }
    }

    // MARK: Lines and zones

    mutating func classifyLines() {
        var start = 0
        for i in 0...s.count where i == s.count || s[i] == "\n" || s[i] == "\r" {
            lines.append(start..<i)
            start = i + 1
        }
        lineZone = lines.map { line in classify(line) }
        zones = [Zone](repeating: .body, count: s.count)
        zones.withUnsafeMutableBufferPointer { zones in
            for (n, line) in lines.enumerated() {
                for i in line { zones[i] = lineZone[n] }
            }
        }
    }

    func has(_ word: String, in range: Range<Int>) -> Bool { find(word, in: range) != nil }

    /// Compares in place: the words are short literals, and building an array of each per call
    /// cost more than the search. The text is read through a buffer pointer: this runs over every
    /// line of the head several times, and checked subscripts cost as much as the comparison.
    func find(_ word: String, in range: Range<Int>) -> Int? {
        let w = word.unicodeScalars
        guard let first = w.first, range.lowerBound >= 0, range.upperBound <= s.count else { return nil }
        return s.withUnsafeBufferPointer { text in
            var i = range.lowerBound
            while i < range.upperBound {
                if text[i] == first {
                    var k = i
                    var matched = true
                    for c in w {
                        guard k < range.upperBound, text[k] == c else { matched = false; break }
                        k += 1
                    }
                    if matched { return i }
                }
                i += 1
            }
            return nil
        }
    }

    func find(_ w: [Unicode.Scalar], in range: Range<Int>) -> Int? {
        guard let first = w.first, range.count >= w.count, range.lowerBound >= 0, range.upperBound <= s.count else { return nil }
        return s.withUnsafeBufferPointer { text in
            var i = range.lowerBound
            while i + w.count <= range.upperBound {
                if text[i] == first {
                    var k = 1
                    while k < w.count && text[i + k] == w[k] { k += 1 }
                    if k == w.count { return i }
                }
                i += 1
            }
            return nil
        }
    }

    func starts(_ word: String, at i: Int) -> Bool {
        var k = i
        for c in word.unicodeScalars {
            guard k < s.count, s[k] == c else { return false }
            k += 1
        }
        return true
    }

    func ends(_ word: String, at end: Int) -> Bool {
        let w = Array(word.unicodeScalars)
        guard end - w.count >= 0 else { return false }
        return s[(end - w.count)..<end].elementsEqual(w)
    }

    func trimmed(_ r: Range<Int>) -> Range<Int> {
        var a = r.lowerBound, b = r.upperBound
        while a < b && (Scan.isSpace(s[a]) || s[a] == "|" || s[a] == "•") { a += 1 }
        while b > a && (Scan.isSpace(s[b - 1]) || s[b - 1] == "|") { b -= 1 }
        return a..<b
    }

    /// Unicode's white space, without a property lookup for every Han character that starts a line.
    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// Labels of the issuer field, as scalars once rather than per line.
    static let issuerLabels: [[Unicode.Scalar]] = ["发布机构", "发文机关", "发文单位", "发布单位", "机构名称", "信息来源", "来源", "编辑", "公开责任部门"]
        .map { Array($0.unicodeScalars) }

    func classify(_ line: Range<Int>) -> Zone {
        if line.lowerBound >= bodyCount { return .fileName }
        let t = trimmed(line)
        let early = line.lowerBound < Scan.openingLength * 2
        if !early || t.isEmpty { return line.lowerBound < Scan.openingLength ? .opening : .body }
        let sentence = has("。", in: t)
        // A labelled field (发布机构: …, [ 发布机构 ] …, | 来源 | …), not a sentence that says 来源.
        if t.count <= 160 && hasIssuerLabel(in: t) { return .issuer }
        // 首页 > 浙江 > 台州 > 临海: a page's breadcrumb names its region as its issuer does.
        if t.count <= 160 && isBreadcrumb(t) { return .issuer }
        // 标题：…法治…报告 is a field of page furniture: on a short line, not in a paragraph of the body.
        if t.count <= 300 {
            for label in ["标题", "名称"] where has(label, in: t) && has("法治", in: t) { return .title }
        }
        let last = s[t.upperBound - 1]
        if (last == ":" || last == "：") && t.count <= 40 && (has("委", in: t) || has("政府", in: t)) && !sentence {
            return .addressee
        }
        if t.count <= 120 && !sentence && line.lowerBound < Scan.openingLength && !startsWithListMarker(t)
            && (has("法治政府", in: t) || has("法治建设", in: t))
            && (t.count <= 60 || has("报告", in: t)) {
            return .title
        }
        if t.count <= 40 && !sentence && line.lowerBound < Scan.openingLength {
            for word in ["人民政府", "人民政府文件", "委员会", "办事处"] where ends(word, at: t.upperBound) {
                return .title
            }
        }
        return line.lowerBound < Scan.openingLength ? .opening : .body
    }

    /// A line of two or more `>` (or `»`, `›`, `→`) separators, or a short one of Han names around a slash
    /// (浙江/台州): the path to a page on a portal.
    func isBreadcrumb(_ t: Range<Int>) -> Bool {
        var separators = 0
        var i = t.lowerBound
        while i < t.upperBound {
            if s[i] == ">" || s[i] == "»" || s[i] == "›" || s[i] == "→" {
                separators += 1
                while i < t.upperBound && (s[i] == ">" || s[i] == "»" || s[i] == "›" || s[i] == "→") { i += 1 }
            } else {
                i += 1
            }
        }
        if separators >= 2 { return true }
        // 浙江/台州: a portal's short path, Han names on both sides of each slash.
        guard t.count <= 40 else { return false }
        return t.contains { k in
            s[k] == "/" && k > t.lowerBound && k + 1 < t.upperBound && Gazetteer.isHan(s[k - 1]) && Gazetteer.isHan(s[k + 1])
        }
    }

    /// Whether an issuer label stands in the line as a field name: at its end, or before a colon,
    /// a bar, a bracket or a space. One pass over the line, trying the labels that start with each scalar.
    func hasIssuerLabel(in t: Range<Int>) -> Bool {
        for at in t where Scan.issuerLabelStarts.contains(s[at]) {
            for label in Scan.issuerLabels where label[0] == s[at] && starts(label, at: at, before: t.upperBound) {
                let after = at + label.count
                if after >= t.upperBound || Scan.fieldSeparators.contains(s[after]) { return true }
            }
        }
        return false
    }

    /// Arrays, not sets: a handful of scalars compared beats hashing one at every position.
    static let issuerLabelStarts = Array(Set(issuerLabels.map { $0[0] }))
    static let fieldSeparators = Array(":：|] 】\t".unicodeScalars)

    func starts(_ word: [Unicode.Scalar], at i: Int, before end: Int) -> Bool {
        guard i + word.count <= end else { return false }
        for k in word.indices where s[i + k] != word[k] { return false }
        return true
    }

    /// 一、 (一) 1. 第一: a section heading, not a title.
    func startsWithListMarker(_ t: Range<Int>) -> Bool {
        guard let first = t.first.map({ s[$0] }) else { return false }
        if "(（".unicodeScalars.contains(first) { return true }
        if "一二三四五六七八九十".unicodeScalars.contains(first), t.count > 1,
           "、.．是".unicodeScalars.contains(s[t.lowerBound + 1]) { return true }
        if ("0"..."9").contains(first), t.count > 1, "、.．".unicodeScalars.contains(s[t.lowerBound + 1]) { return true }
        return starts("第", at: t.lowerBound)
    }

    // MARK: Scanning names

    mutating func run() {
        classifyLines()
        var raw: [Mention] = []
        for end in 0..<s.count {
            for (start, entryID) in gz.names(endingAt: end, in: s) {
                let entry = gz.entries[entryID]
                let units = entry.officialUnits
                if units.isEmpty { continue }
                raw.append(Mention(start: start, end: end + 1, entry: entryID, units: units, zone: zones[start]))
            }
        }
        // Drop mentions inside a longer one.
        namesFound = raw
        raw.sort { $0.start != $1.start ? $0.start < $1.start : $0.end > $1.end }
        var mentions: [Mention] = []
        var coveredTo = -1
        for m in raw where m.end > coveredTo {
            mentions.append(m)
            coveredTo = m.end
        }
        // Township mentions and strong evidence for the levels above.
        var aboveEnds: [Int: [Int]] = [:]
        var areas: [Mention] = []
        for m in mentions {
            if m.units.contains(where: { gz.units[$0].level == .township }) {
                // 北城街 (of 北城街道) inside 北城街街道: the name goes on, so it is another street's.
                if m.end < s.count, s[m.end - 1] == "街", s[m.end] == "街" || s[m.end] == "道" { continue }
                townshipMentions.append(Mention(start: m.start, end: m.end, entry: m.entry,
                                                units: m.units.filter { gz.units[$0].level == .township },
                                                zone: m.zone))
                continue
            }
            let length = m.end - m.start
            if length <= 2 && !standsAsPlace(m.start, m.end) { continue }
            areas.append(m)
            aboveEnds[m.end, default: []].append(contentsOf: m.units)
        }
        // An area in the body that leads, name after name, into a township (四川省内江市石子镇) is evidence only
        // for that township; the rest is evidence as it stands.
        let townshipAt = Dictionary(townshipMentions.map { ($0.start, gz.units[$0.units[0]].name) }, uniquingKeysWith: { a, _ in a })
        var leadsTo: [Int: String] = [:]  // area mention end → the township its path ends in
        for m in areas.reversed() {
            if let name = townshipAt[m.end] ?? leadsTo[areas.first { $0.start == m.end }?.end ?? -1] { leadsTo[m.end] = name }
        }
        // The start of each township's written path (its areas before it, name after name), for the word before it.
        var pathStart: [Int: Int] = [:]  // an area's or township's start → where its path begins
        for m in areas.sorted(by: { $0.start < $1.start }) { pathStart[m.end] = pathStart[m.start] ?? m.start }
        var previousPartnerEnd: Int?
        for m in townshipMentions where m.zone < .issuer {
            let begin = pathStart[m.start] ?? m.start
            // 与…石子镇、…元坝镇: the list goes on with partners.
            let continuesList = previousPartnerEnd.map { $0 == begin - 1 && ends("、", at: begin) } ?? false
            if continuesList || Scan.partnerWords.contains(where: { ends($0, at: begin) }) {
                partnerMentions.insert(m.start)
                previousPartnerEnd = m.end
            }
        }
        for m in areas {
            if m.zone < .issuer, let township = leadsTo[m.end] {
                townshipPaths.append((m.units, m.zone, township))
            } else {
                for u in m.units { note(u, m.zone) }
            }
        }
        // Short forms where they stand as a place.
        for m in townshipMentions {
            if let above = aboveEnds[m.start] { prefixAreas[m.start] = above }
            for (start, entryID) in gz.shortNamesEnding(before: m.start, in: s) {
                let units = shortUnits(entryID)
                if zones[start] < .issuer {
                    townshipPaths.append((units, zones[start], gz.units[m.units[0]].name))
                } else {
                    for u in units { note(u, zones[start]) }
                }
                if prefixAreas[m.start] == nil { prefixAreas[m.start] = units }
            }
        }
        // 廉江 + 市委, 平坝 + 区人民政府: a short name before its level word and 委/政府.
        // The first scalar is checked before `starts`, which walks a String's scalars: this runs at every position.
        for i in 1..<max(s.count, 1) where s[i] == "委" || (s[i] == "政" && starts("政府", at: i))
            || (s[i] == "人" && starts("人民政府", at: i)) {
            let level = s[i - 1]
            guard "县市区州旗盟省".unicodeScalars.contains(level) else { continue }
            for (start, entryID) in gz.shortNamesEnding(before: i - 1, in: s) {
                for u in shortUnits(entryID) where levelMatches(gz.units[u], level) { note(u, zones[start]) }
            }
        }
        // Short forms anywhere in the title, the issuer and the file name.
        for (n, line) in lines.enumerated() where [.title, .issuer, .fileName].contains(lineZone[n]) {
            for end in line.lowerBound..<line.upperBound {
                for (start, entryID) in gz.shortNamesEnding(before: end + 1, in: s) where start >= line.lowerBound {
                    // Inside a full name (廉江 of 廉江市, or part of a township's name) it adds nothing.
                    if mentions.contains(where: { $0.start <= start && end < $0.end }) { continue }
                    for u in shortUnits(entryID) { titleShortForms.append((u, start..<(end + 1), lineZone[n])) }
                }
            }
        }
        readIndexNumbers()
    }

    func shortUnits(_ entryID: Int) -> [Int] {
        let e = gz.entries[entryID]
        return zip(e.units, e.forms).filter { $0.1 == .short && gz.units[$0.0].level != .township }.map { $0.0 }
    }

    func levelMatches(_ unit: Gazetteer.Unit, _ word: Unicode.Scalar) -> Bool {
        unit.name.unicodeScalars.last == word || (word == "州" && unit.level == .city)
            || (word == "区" && unit.name.hasSuffix("自治区"))
    }

    /// A two-character name (渠县, 城区) counts only before 委/政府/人大 or a township, or right after its parent.
    func standsAsPlace(_ start: Int, _ end: Int) -> Bool {
        if zones[start] == .title || zones[start] == .issuer || zones[start] == .fileName { return true }
        for word in ["委", "人民政府", "政府", "党委", "县委", "市委", "区委", "人大", "法院", "检察院"] where starts(word, at: end) {
            return true
        }
        return ends("中共", at: start)
    }

    mutating func note(_ unit: Int, _ zone: Zone) {
        if let z = strong[unit], z >= zone { return }
        strong[unit] = zone
    }

    // MARK: Index numbers

    mutating func readIndexNumbers() {
        var i = 0
        let limit = min(s.count, bodyCount)
        while i < limit {
            guard s[i] == "索" else { i += 1; continue }
            var k = i + 1
            func skipSpaces() { while k < limit && (s[k] == " " || s[k] == "\t") { k += 1 } }
            skipSpaces()
            guard k < limit, s[k] == "引" else { i += 1; continue }
            k += 1
            skipSpaces()
            guard k < limit, s[k] == "号" else { i += 1; continue }
            k += 1
            var skipped = 0
            while k < limit && skipped < 16 && !isAlnum(s[k]) && s[k] != "\n" { k += 1; skipped += 1 }
            var token = ""
            while k < limit && (isAlnum(s[k]) || s[k] == "-" || s[k] == "/" || s[k] == "_") {
                token.unicodeScalars.append(s[k])
                k += 1
            }
            if let unit = unitOfIndexNumber(token) {
                var u: Int? = unit
                while let current = u {
                    if gz.units[current].level != .township { note(current, .issuer) }
                    u = gz.units[current].parent
                }
                if gz.units[unit].level == .township {
                    townshipMentions.append(Mention(start: i, end: k, entry: -1, units: [unit], zone: .issuer))
                }
            }
            i = k
        }
    }

    func isAlnum(_ c: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(c) || ("A"..."Z").contains(c) || ("a"..."z").contains(c)
    }

    /// The unit an index number's code names: characters 3–8 of a unified social credit code,
    /// or a leading 6-, 9- or 12-digit code.
    func unitOfIndexNumber(_ token: String) -> Int? {
        let head = token.split(separator: "/").first.map(String.init) ?? token
        let chars = Array(head.unicodeScalars)
        if chars.count == 18, chars[0] != "0" {
            let code = String(String.UnicodeScalarView(chars[2..<8]))
            if code.allSatisfy(\.isNumber), let u = areaOrAbove(code) { return u }
        }
        // Digit runs: the first run of 6, 9 or 12 digits that the gazetteer knows.
        var runs: [String] = []
        var current = ""
        for c in chars {
            if ("0"..."9").contains(c) { current.unicodeScalars.append(c) } else {
                if !current.isEmpty { runs.append(current) }
                current = ""
            }
        }
        if !current.isEmpty { runs.append(current) }
        for run in runs.prefix(2) {
            switch run.count {
            case 6: if let u = areaOrAbove(run) { return u }
            case 9, 12:
                if let t = gz.unit(code: String(run.prefix(9))), t.level == .township { return t.index }
            default: break
            }
        }
        return nil
    }

    func areaOrAbove(_ code: String) -> Int? {
        if let u = gz.unit(code: code) { return u.index }
        if code.hasSuffix("0000"), let p = gz.unit(code: String(code.prefix(2))) { return p.index }
        if code.hasSuffix("00"), let c = gz.unit(code: String(code.prefix(4))) { return c.index }
        return nil
    }

    // MARK: Deciding

    func townshipBonus(_ m: Mention) -> Int {
        for word in ["人民政府", "党委", "办事处", "党工委", "委员会", "政府"] where starts(word, at: m.end) { return 2 }
        return 0
    }

    mutating func result() -> ReportMetadata {
        var meta = ReportMetadata()
        meta.year = year()
        let unlisted = unlistedTownship()
        let unlistedSpans = unlisted.map { occurrences(of: Array($0.name.unicodeScalars)) } ?? []
        // 银杏大街街道 holds 大街街道, a street of 张店区: a township that is the tail of a longer name the
        // report gives itself is not the report's township. A place written before it (湛江良垌镇) is no
        // such longer name.
        townshipMentions.removeAll { m in
            unlistedSpans.contains { $0.lowerBound < m.start && m.end == $0.upperBound }
                && gz.shortNamesEnding(before: m.start, in: s).isEmpty
                && !namesFound.contains { $0.end == m.start && $0.units.contains { gz.units[$0].level != .township } }
        }
        for form in titleShortForms
        where !unlistedSpans.contains(where: { $0.lowerBound <= form.range.lowerBound && form.range.upperBound <= $0.upperBound }) {
            note(form.unit, form.zone)
        }

        // The township the report is about.
        var score: [String: Int] = [:]
        var firstAt: [String: Int] = [:]
        var unitsOf: [String: Set<Int>] = [:]
        for m in townshipMentions where !partnerMentions.contains(m.start) {
            let name = gz.units[m.units[0]].name
            score[name, default: 0] += m.zone.rawValue + townshipBonus(m)
            if firstAt[name] == nil { firstAt[name] = m.start }
            unitsOf[name, default: []].formUnion(m.units)
        }
        let best = score.max { a, b in
            a.value != b.value ? a.value < b.value : firstAt[a.key]! > firstAt[b.key]!
        }
        let bestZone = best.map { b in townshipMentions.filter { gz.units[$0.units[0]].name == b.key }.map(\.zone).max()! }
        let preferUnlisted = unlisted.map { u in bestZone.map { $0 < u.zone } ?? true } ?? false
        if let best, !preferUnlisted {
            meta.township = best.key
            for path in townshipPaths where path.township == best.key { for u in path.units { note(u, path.zone) } }
            // A county written directly before the township that holds no unit of this name: renamed or merged.
            let named = townshipMentions.filter { gz.units[$0.units[0]].name == best.key }
            var candidates = Array(unitsOf[best.key]!).sorted()
            for m in named where m.zone >= .issuer {
                if let areas = prefixAreas[m.start], !areas.isEmpty {
                    let inside = candidates.filter { t in areas.contains { a in isAncestor(a, of: t) } }
                    if inside.isEmpty { fill(&meta, fromAbove: areas); return meta }
                    candidates = inside
                    break
                }
            }
            fill(&meta, fromTownships: filter(candidates))
        } else if let unlisted {
            meta.township = unlisted.name
            let above = topAreas()
            fill(&meta, fromAbove: above)
            // A county written with the township (示例县青石镇) that the gazetteer lacks: taken as
            // written. What the gazetteer says of another county named elsewhere does not apply.
            if let county = unlisted.county {
                if above.contains(where: { gz.units[$0].level == .county }) { meta.city = nil; meta.province = nil }
                meta.county = county
                // A city the gazetteer lacks written with them (例石溪市例松竹县例山镇), and its province.
                if let city = unlisted.city {
                    meta.city = city
                    meta.province = unlisted.province ?? meta.province
                }
            }
        } else {
            let above = topAreas()
            if let township = townshipByShortName(inside: above) {
                meta.township = gz.units[township].name
                fill(&meta, fromTownships: [township])
            } else {
                fill(&meta, fromAbove: above)
            }
        }
        return meta
    }

    /// The one township of the county the report names whose name the text writes without its level
    /// word (海安市 named, 为李堡“全力打造…”: 李堡镇). Nil unless exactly one county is named and exactly
    /// one of its townships is written so.
    func townshipByShortName(inside above: [Int]) -> Int? {
        guard above.count == 1, gz.units[above[0]].level == .county else { return nil }
        let county = above[0]
        var found: [Int] = []
        for unit in gz.units where unit.level == .township && unit.parent == county {
            var stem = unit.name
            for suffix in ["街道", "镇", "乡", "苏木"] where stem.hasSuffix(suffix) {
                stem = String(stem.dropLast(suffix.count))
                break
            }
            guard stem.count >= 2, stem != unit.name else { continue }
            // 海安 of 海安市委 names the county, not its 海安街道.
            let written = occurrences(of: Array(stem.unicodeScalars)).contains { at in
                at.upperBound <= bodyCount && !namesFound.contains { m in
                    m.start <= at.lowerBound && at.upperBound <= m.end && m.units.contains { gz.units[$0].level != .township }
                }
            }
            if written { found.append(unit.index) }
        }
        return found.count == 1 ? found[0] : nil
    }

    /// Every place the text writes these scalars.
    func occurrences(of word: [Unicode.Scalar]) -> [Range<Int>] {
        var found: [Range<Int>] = []
        var from = 0
        while let at = find(word, in: from..<s.count) {
            found.append(at..<(at + word.count))
            from = at + 1
        }
        return found
    }

    func isAncestor(_ a: Int, of t: Int) -> Bool {
        var u: Int? = gz.units[t].parent
        while let c = u {
            if c == a { return true }
            u = gz.units[c].parent
        }
        return false
    }

    /// Keeps the township units most consistent with the places the text names.
    func filter(_ candidates: [Int]) -> [Int] {
        guard candidates.count > 1 else { return candidates }
        func ancestors(_ t: Int) -> (Int?, Int?, Int?) {
            let u = gz.units[t]
            return (gz.ancestor(of: u, at: .county)?.index, gz.ancestor(of: u, at: .city)?.index,
                    gz.ancestor(of: u, at: .province)?.index)
        }
        func strongScore(_ t: Int) -> Int {
            let (c, ci, p) = ancestors(t)
            var v = 0
            if let c, strong[c] != nil { v += 4 }
            if let ci, strong[ci] != nil { v += 2 }
            if let p, strong[p] != nil { v += 1 }
            return v
        }
        var kept = keepBest(candidates, strongScore)
        if kept.count > 1 {
            // Short names anywhere (法治杭州, 考察浙江) only choose among what remains.
            kept = keepBest(kept) { t in
                let (c, ci, p) = ancestors(t)
                var v = 0
                if let c, mentionsShortName(of: c) { v += 4 }
                if let ci, mentionsShortName(of: ci) { v += 2 }
                if let p, mentionsShortName(of: p) { v += 1 }
                return v
            }
        }
        return kept
    }

    func keepBest(_ list: [Int], _ f: (Int) -> Int) -> [Int] {
        let scored = list.map { ($0, f($0)) }
        let top = scored.map(\.1).max() ?? 0
        if top == 0 { return list }
        return scored.filter { $0.1 == top }.map(\.0)
    }

    /// A city's or province's short name where it plainly stands as a place: 法治杭州, 考察浙江,
    /// 广东、湛江. County short names count only in the stricter places of `run()`.
    func mentionsShortName(of unit: Int) -> Bool {
        let u = gz.units[unit]
        guard u.level == .city || u.level == .province, u.name != "市辖区", u.name != "县" else { return false }
        for (alias, form) in Gazetteer.aliases(of: u.name, level: u.level) where form == .short {
            let length = alias.unicodeScalars.count
            var from = 0
            while let at = find(alias, in: from..<s.count) {
                from = at + 1
                let end = at + length
                if ["考察", "视察", "法治", "平安", "《", "“"].contains(where: { ends($0, at: at) }) { return true }
                if ["、", "重要讲话", "系列重要讲话", "工作要求", "市委", "省委"].contains(where: { starts($0, at: end) }) { return true }
            }
        }
        return false
    }

    /// One township unit gives its county, city and province. Several (店上镇 of 潞城区 and of 壶关县) give
    /// a city or province only where the text names it: labeling.md settles a field by the text, or by
    /// the township's name matching exactly one row of the gazetteer, and two rows that share a city do
    /// not settle it by themselves.
    func fill(_ meta: inout ReportMetadata, fromTownships list: [Int]) {
        guard !list.isEmpty else { return }
        let units = list.map { gz.units[$0] }
        meta.county = agreed(units.map { gz.ancestor(of: $0, at: .county)?.name })
        guard units.count > 1 else {
            meta.city = gz.cityName(of: units[0])
            meta.province = gz.ancestor(of: units[0], at: .province)?.name
            return
        }
        func named(_ level: Gazetteer.Level) -> Bool {
            guard let unit = gz.ancestor(of: units[0], at: level) else { return false }
            return strong[unit.index] != nil || mentionsShortName(of: unit.index)
        }
        let city = agreed(units.map { gz.cityName(of: $0) })
        let province = agreed(units.map { gz.ancestor(of: $0, at: .province)?.name })
        // A named city settles its province; a municipality's districts have the province as their city (上海市).
        let cityNamed = named(.city)
        meta.province = province != nil && (named(.province) || cityNamed) ? province : nil
        meta.city = city != nil && (cityNamed || (city == province && meta.province != nil)) ? city : nil
    }

    func fill(_ meta: inout ReportMetadata, fromAbove list: [Int]) {
        guard !list.isEmpty else { return }
        let units = list.map { gz.units[$0] }
        meta.county = agreed(units.map { $0.level == .county ? $0.name : nil })
        if units.allSatisfy({ $0.level >= .city }) { meta.city = agreed(units.map { gz.cityName(of: $0) }) }
        meta.province = agreed(units.map { gz.ancestor(of: $0, at: .province)?.name })
    }

    func agreed(_ names: [String?]) -> String? {
        guard let first = names.first, let value = first else { return nil }
        return names.allSatisfy { $0 == value } ? value : nil
    }

    /// The counties (else cities, else provinces) the title, issuer, addressee or opening name most strongly.
    func topAreas() -> [Int] {
        for level in [Gazetteer.Level.county, .city, .province] {
            let named = strong.filter { gz.units[$0.key].level == level && $0.value >= .opening }
            guard let top = named.values.max() else { continue }
            var list = named.filter { $0.value == top }.map(\.key).sorted()
            if list.count > 1 {
                // Narrow ambiguous names (普陀区) by the city or province the text names.
                let narrowed = list.filter { u in
                    let unit = gz.units[u]
                    return [Gazetteer.Level.city, .province].contains { l in
                        l < level && gz.ancestor(of: unit, at: l).map { strong[$0.index] != nil } == true
                    }
                }
                if !narrowed.isEmpty { list = narrowed }
            }
            return list
        }
        return []
    }

    /// Words before a place that make it a partner or a destination: 与, 同, 和, 赴, 前往, 联合, 携手 (not 到:
    /// 区委书记到吴家镇调研 comes to the report's own township).
    static let partnerWords = ["与", "同", "和", "赴", "前往", "联合", "携手"]

    /// Words of a clause, not of a place name: a township name the gazetteer lacks never holds them.
    static let clauseWords = ["一是", "二是", "三是", "四是", "五是", "成立", "发挥", "开展", "推进", "落实", "组织",
                              "加强", "建立", "健全", "深入", "充分", "坚持", "召开", "印发", "制定", "全面", "各村"]

    /// A township the gazetteer does not list, as the title, issuer or opening writes it:
    /// 北城街街道办事处…, 发布机构：示例县青石镇人民政府. A county the gazetteer lacks, written
    /// directly before it at the start of such a line (示例县青石镇), comes with it; when the line
    /// that names the township does not, another title, issuer or opening line that writes the
    /// two together supplies it.
    func unlistedTownship() -> (name: String, zone: Zone, county: String?, city: String?, province: String?)? {
        var found: [(name: String, zone: Zone, county: String?, city: String?, province: String?)] = []
        for (n, line) in lines.enumerated() where lineZone[n] == .title || lineZone[n] == .issuer
            || (lineZone[n] == .opening && lines[n].lowerBound < 600) {
            let t = trimmed(line)
            var from = t.lowerBound
            // A labelled field: 发布机构：…
            for label in Scan.issuerLabels where starts(label, at: from, before: t.upperBound) {
                var after = from + label.count
                while after < t.upperBound && ":：| \t".unicodeScalars.contains(s[after]) { after += 1 }
                if after > from + label.count { from = after }
                break
            }
            // Start after a year (2025年,XX镇) or a named place (遂溪县XX镇).
            if let y = find("年,", in: t), y - from == 4 { from = y + 2 }
            for (uStart, uEnd) in strongRanges(in: from..<t.upperBound) where uStart <= from + 12 { from = max(from, uEnd) }
            var skipping = true
            while skipping {
                skipping = false
                for word in ["中共", "关于", "人民政府", "委员会"] where starts(word, at: from) {
                    from += word.unicodeScalars.count
                    skipping = true
                }
            }
            for suffix in ["街道", "镇", "乡", "苏木"] {
                guard let at = find(suffix, in: from..<t.upperBound) else { continue }
                let end = at + suffix.unicodeScalars.count
                guard s[from..<end].allSatisfy(Gazetteer.isHan) else { continue }
                let rest = end..<min(end + 8, s.count)
                guard ["人民政府", "办事处", "党委", "党工委", "工作委员会", "政府", "20", "关于", "法治", "坚持", "在"].contains(where: { w in
                    find(w, in: rest) == rest.lowerBound
                }) else { continue }
                // 示例县 + 青石镇: a county of three to six characters, then a township of its own.
                var start = from, county: String?
                let minimum = suffix == "街道" ? 3 : 2
                let chain = unlistedChain(from: from, end: end, minimum: minimum)
                if let chain {
                    county = chain.county
                    start = chain.townshipStart
                } else {
                    for p in (from + 2)..<max(from + 2, min(from + 6, end - minimum)) where "县区市旗".unicodeScalars.contains(s[p]) {
                        county = String(String.UnicodeScalarView(s[from...p]))
                        start = p + 1
                        break
                    }
                }
                guard minimum...7 ~= end - start else { continue }
                let name = String(String.UnicodeScalarView(s[start..<end]))
                // 我镇, 全乡, 现将我街道: a pronoun before the level word, not a name.
                if at > start && "我本全该各此".unicodeScalars.contains(s[at - 1]) { continue }
                // 一是充分发挥镇…, 成立镇法治建设领导小组: a clause running into the level word, not a name.
                if Scan.clauseWords.contains(where: { w in (start..<end).contains { starts(w, at: $0) } }) { continue }
                found.append((name, lineZone[n], county, chain?.city, chain?.province))
                break
            }
        }
        guard let first = found.first else { return nil }
        // The county, city and province from one line: the first that writes the township with its county.
        let areas = first.county != nil ? first : found.first { $0.name == first.name && $0.county != nil }
        return (first.name, first.zone, areas?.county, areas?.city, areas?.province)
    }

    /// Places the gazetteer lacks written from the top down before a township, each of two to five
    /// characters and its level word: 例山省例石溪市例松竹县 + 例山镇 (a generated country), or a city
    /// and county: 例石溪市例松竹县. Nil unless at least a city and a county are written so; a county
    /// alone is read by the caller as before.
    func unlistedChain(from: Int, end: Int, minimum: Int) -> (county: String, city: String, province: String?, townshipStart: Int)? {
        var segments: [Range<Int>] = []
        var at = from
        while segments.count < 3 {
            var next: Int?
            for p in (at + 2)..<max(at + 2, min(at + 6, end - minimum)) where "省市州盟县区旗".unicodeScalars.contains(s[p]) {
                next = p
                break
            }
            guard let p = next else { break }
            segments.append(at..<(p + 1))
            at = p + 1
        }
        func name(_ r: Range<Int>) -> String { String(String.UnicodeScalarView(s[r])) }
        func ends(_ r: Range<Int>, _ words: String) -> Bool { words.unicodeScalars.contains(s[r.upperBound - 1]) }
        guard segments.count >= 2, let last = segments.last, ends(last, "县区市旗"),
              ends(segments[segments.count - 2], "市州盟") else { return nil }
        var province: String?
        if segments.count == 3 {
            guard ends(segments[0], "省") else { return nil }
            province = name(segments[0])
        }
        return (name(last), name(segments[segments.count - 2]), province, last.upperBound)
    }

    /// Names of a county, city or province that lie inside `t`, as found by the scan in `run`.
    func strongRanges(in t: Range<Int>) -> [(Int, Int)] {
        namesFound.filter { m in
            t.contains(m.end - 1) && m.start >= t.lowerBound && m.units.contains { gz.units[$0].level != .township }
        }.map { ($0.start, $0.end) }
    }

    // MARK: Year

    /// Years written as 2024年 / 2024年度 / 2024法治…, not ranges (2021—2025年), dates or plans.
    func years(in range: Range<Int>) -> [(pos: Int, year: Int)] {
        var out: [(Int, Int)] = []
        var i = range.lowerBound
        let end = min(range.upperBound, s.count)
        func digit(_ k: Int) -> Bool { k >= 0 && k < s.count && ("0"..."9").contains(s[k]) }
        func dash(_ k: Int) -> Bool { k >= 0 && k < s.count && "-—–~～至－―‐.．/".unicodeScalars.contains(s[k]) }
        while i + 4 <= end {
            guard let year = fourDigitYear(at: i) else { i += 1; continue }
            defer { i += 4 }
            guard (1990...2099).contains(year) else { continue }
            var after = i + 4
            while after < s.count && s[after] == " " { after += 1 }
            let marked = after < s.count && (s[after] == "年" || starts("法治", at: after) || starts("度", at: after)
                                            || starts("以来", at: after))
            guard marked else { continue }
            // Range: 2021-2025年 / 2021—2025.
            var before = i - 1
            while before >= 0 && s[before] == " " { before -= 1 }
            if dash(before) && (digit(before - 1) || (before >= 2 && s[before - 1] == "年" && digit(before - 2))) { continue }
            if dash(i + 4) { continue }
            // Dates (2025年1月) and ranges written 2021年—2025年.
            if s[after] == "年" {
                var k = after + 1
                while k < s.count && s[k] == " " { k += 1 }
                if digit(k) || (dash(k) && digit(k + 1)) { continue }
                // 二〇二五年一月六日, 二〇二四年十二月: a date in Chinese numerals.
                if (k..<min(k + 3, s.count)).contains(where: { s[$0] == "月" })
                    && (Self.chineseDigits[s[k]] != nil || s[k] == "十") { continue }
            }
            // Plans for the next year.
            let look = (i + 4)..<min(i + 18, s.count)
            if ["计划", "要点", "思路", "打算", "展望"].contains(where: { find($0, in: look) != nil }) { continue }
            out.append((i, year))
        }
        return out
    }

    /// The four digits at `i` as a number, when they stand alone: `2024`, or in Chinese numerals as
    /// titles write it, `二〇二四`, `二零二三`.
    func fourDigitYear(at i: Int) -> Int? {
        guard i >= 0, i + 4 <= s.count else { return nil }
        // Every year this tool reads begins with 1 or 2: most positions are ruled out by one comparison.
        let first = s[i]
        if first == "1" || first == "2" { return digits(at: i, Self.arabicDigit) }
        if first == "一" || first == "二" { return digits(at: i, Self.chineseDigit) }
        return nil
    }

    private func digits(at i: Int, _ digit: (Unicode.Scalar) -> Int?) -> Int? {
        if i > 0, digit(s[i - 1]) != nil { return nil }
        if i + 4 < s.count, digit(s[i + 4]) != nil { return nil }
        var year = 0
        for k in i..<(i + 4) {
            guard let d = digit(s[k]) else { return nil }
            year = year * 10 + d
        }
        return year
    }

    private static func arabicDigit(_ u: Unicode.Scalar) -> Int? {
        u.value >= 0x30 && u.value <= 0x39 ? Int(u.value - 0x30) : nil
    }

    private static func chineseDigit(_ u: Unicode.Scalar) -> Int? { chineseDigits[u] }

    private static let chineseDigits: [Unicode.Scalar: Int] = [
        "〇": 0, "零": 0, "○": 0, "Ｏ": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5,
        "六": 6, "七": 7, "八": 8, "九": 9,
    ]

    func year() -> Int? {
        // 1. The title.
        for (n, line) in lines.enumerated() where lineZone[n] == .title {
            if let y = years(in: line).first { return y.year }
        }
        // 2. The sentence that says what follows (现将我镇2024年法治政府建设情况报告如下): the year it names,
        // whatever other years the opening mentions first (在2023年工作基础上).
        if let y = yearAnnounced() { return y }
        // 3. The opening: a paragraph that begins with the year.
        for (n, line) in lines.enumerated() where lineZone[n] != .fileName && line.lowerBound < Scan.openingLength * 2 {
            let t = trimmed(line)
            if let y = years(in: t).first, y.pos == t.lowerBound { return y.year }
        }
        // 4. The file name.
        if bodyCount < s.count {
            let name = bodyCount..<s.count
            var i = name.lowerBound
            while i + 4 <= name.upperBound {
                let run = s[i..<(i + 4)]
                if run.allSatisfy({ ("0"..."9").contains($0) }),
                   i == name.lowerBound || !isAlnum(s[i - 1]),
                   i + 4 == name.upperBound || !isAlnum(s[i + 4]),
                   let y = Int(String(String.UnicodeScalarView(run))), (1990...2099).contains(y) {
                    return y
                }
                i += 1
            }
        }
        // 5. The year the opening mentions most.
        let found = years(in: 0..<min(bodyCount, Scan.openingLength * 2))
        if !found.isEmpty {
            var count: [Int: Int] = [:]
            for y in found { count[y.year, default: 0] += 1 }
            let top = count.values.max()!
            return found.first { count[$0.year] == top }!.year
        }
        // 6. The publication date, minus one.
        if let published = publicationYear() { return published - 1 }
        return nil
    }

    /// The year of the opening's sentence that announces the report (…报告如下, …汇报如下, …总结如下):
    /// the last year it names before 如下.
    func yearAnnounced() -> Int? {
        let end = min(bodyCount, Scan.openingLength * 2)
        var from = 0
        while let at = find("如下", in: from..<end) {
            from = at + 2
            guard at >= 2, ["报告", "汇报", "总结"].contains(where: { ends($0, at: at) }) else { continue }
            var start = at
            while start > 0 && s[start - 1] != "。" && s[start - 1] != "\n" { start -= 1 }
            if let y = years(in: start..<at).last { return y.year }
        }
        return nil
    }

    func publicationYear() -> Int? {
        var i = 0
        let end = min(bodyCount, Scan.openingLength * 2)
        func digit(_ k: Int) -> Bool { k < s.count && ("0"..."9").contains(s[k]) }
        while i + 8 < end {
            // A date (2025-01-06, 2025年1月): one or two digits of a month, then a separator; not 2021-2025.
            let month = digit(i + 5) ? (digit(i + 6) ? 2 : 1) : 0
            if digit(i), digit(i + 1), digit(i + 2), digit(i + 3), (i == 0 || !digit(i - 1)),
               "-./年".unicodeScalars.contains(s[i + 4]), month > 0,
               i + 5 + month < s.count, "-./月".unicodeScalars.contains(s[i + 5 + month]) {
                let y = Int(String(String.UnicodeScalarView(s[i..<(i + 4)])))!
                if (1990...2099).contains(y) { return y }
            }
            i += 1
        }
        return nil
    }
}
