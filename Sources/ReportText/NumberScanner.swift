/// Finds and classifies every number in normalized report text, in one forward pass.
///
/// Arabic numbers are always emitted (as a quantity unless their context says date,
/// document number, list marker, name or percent). A Chinese numeral is emitted only
/// where it is a quantity (followed, possibly after 余/多/来, by a measure word or unit),
/// a percent (百分之…), or a recognisable non-count (一是, (三), 第一, 二十大, 三中全会,
/// “八五”, 二〇二四年, 三月); in words such as 统一, 进一步, 一把手 it yields nothing.
public enum NumberScanner {
    /// Every number in the slice, in order, classified. Indices are the slice's own (absolute) indices.
    public static func scan(_ scalars: ArraySlice<Unicode.Scalar>) -> [NumberToken] {
        var scanner = Scanner(scalars)
        scanner.run()
        return scanner.tokens
    }

    /// Convenience for tests and callers with a String: scans its scalars.
    public static func scan(_ string: String) -> [NumberToken] {
        scan(Array(string.unicodeScalars)[...])
    }
}

// MARK: - Word lists

private func w(_ s: String) -> [UInt32] { s.unicodeScalars.map(\.value) }
private func sv(_ s: Unicode.Scalar) -> UInt32 { s.value }

private enum Words {
    /// Single-character measure words and units that make a Chinese numeral a quantity.
    static let measure: Set<UInt32> = Set(
        "个件起宗场次份人名户家所期篇条项册本张处支批元天年周座块间栋台辆套类例单封轮组队位米亩吨节课堂讲幅则段桩遍趟倍岁只头棵株校版栏".unicodeScalars.map(\.value))
    /// Multi-character units.
    static let multiMeasure: [[UInt32]] = ["小时", "分钟", "公里", "平方", "公顷", "余人", "多人"].map(w)
    /// Qualifiers before a number, longest first, with their meaning.
    static let before: [([UInt32], Qualifier)] = [
        (w("不少于"), .atLeast), (w("不低于"), .atLeast), (w("不超过"), .atMost), (w("不高于"), .atMost),
        (w("不多于"), .atMost), (w("将近"), .nearly), (w("接近"), .nearly), (w("大约"), .about),
        (w("超过"), .moreThan), (w("多于"), .moreThan), (w("至少"), .atLeast), (w("最多"), .atMost),
        (w("不足"), .lessThan), (w("不到"), .lessThan), (w("少于"), .lessThan), (w("低于"), .lessThan),
        (w("约"), .about), (w("近"), .nearly), (w("超"), .moreThan), (w("逾"), .moreThan),
    ]
    /// Characters before 约 that make it a word (签约, 节约), not "about".
    static let notAbout: Set<UInt32> = Set("签合预契节制公条违履特邀婚租解".unicodeScalars.map(\.value))
    /// Characters before 近 that make it a word (最近, 附近), not "nearly".
    static let notNearly: Set<UInt32> = Set("最附就邻靠亲临贴".unicodeScalars.map(\.value))
    /// Characters before a lone 一 that make it part of a word (统一, 唯一, 每一).
    static let wordBeforeOne: Set<UInt32> = Set("统唯进同万专单划逐合之归纯整均齐如始终守惟择不为每任".unicodeScalars.map(\.value))
    /// Characters before a Chinese numeral that make it vague (数十, 几百, 上百) or part of a phrase (上一年).
    static let vagueBefore: Set<UInt32> = Set("数几上下".unicodeScalars.map(\.value))
    /// After a number: it names a hotline or platform.
    static let hotline: [[UInt32]] = ["热线", "电话", "平台", "专线", "政务", "便民", "公共法律", "法律服务", "报警", "举报", "投诉", "服务热线"].map(w)
    /// After a Chinese numeral: it is part of a name (二十大, 十九届, 三中全会, 八五普法).
    static let nameAfter: [[UInt32]] = ["大", "届", "中全会", "中、", "中,", "普法", "规划", "时期", "项制度"].map(w)
    static let digitSequenceName: [[UInt32]] = ["普法", "规划", "时期"].map(w)
    /// After 一起: a case, not "together".
    static let caseAfterYiQi: Set<UInt32> = Set("案纠事矛刑".unicodeScalars.map(\.value))
    /// Between a numeral and a year: a range of years (2021—2025).
    static let rangeDash: Set<UInt32> = [0x2D, 0x2014, 0x2013, 0x2012, 0x2015, 0x7E, 0x2212, sv("至"), sv("到")]
    /// Middle dots of 4·15, 12·4.
    static let middleDot: Set<UInt32> = [0xB7, 0x30FB, 0x2022, 0xFF65, 0x2027, 0x22C5]
    /// Scalars after which a list marker may start (start of line or clause).
    static let clauseEnd: Set<UInt32> = [0x0A, 0x0D, sv("。"), 0x3B, 0x3A, 0x21, 0x3F]

    static let yu = sv("余"), duo = sv("多"), lai = sv("来")
    static let wan = sv("万"), wanT = sv("萬"), yi = sv("亿"), yiT = sv("億")
    static let nian = sv("年"), yue = sv("月"), ri = sv("日"), hao = sv("号"), du = sv("度")
    static let di = sv("第"), qi = sv("其"), shi = sv("是"), dun = sv("、")
    static let yiShang = w("以上"), yiXia = w("以下"), yiNei = w("以内"), zuoYou = w("左右"), baiFenZhi = w("百分之"), boDa = w("拨打")
    static let guoJia = w("国家")
    /// Service numbers that are names even on their own: 110, 12345, 12348.
    static let hotlineNumbers: Set<Double> = [110, 119, 120, 122, 12110, 12309, 12315, 12319, 12333,
                                              12338, 12345, 12348, 12351, 12355, 12368, 12369, 12380, 12388]
    static let one = sv("一"), qiTogether = sv("起"), ci = sv("次"), xing = sv("性"), tiao = sv("条"), long = sv("龙")
    static let bai = sv("百"), bai2 = sv("佰"), qian = sv("千")
    static let quoteOpen = sv("“"), quoteClose = sv("”"), cornerOpen = sv("「"), cornerClose = sv("」")
    static let titleOpen = sv("《"), titleClose = sv("》")
    static let lenticularOpen = sv("〔"), lenticularClose = sv("〕")
    static let hundredQualifier: Set<UInt32> = Set("近逾超约过".unicodeScalars.map(\.value))
}

// MARK: - Scanner

private struct Scanner {
    let s: ArraySlice<Unicode.Scalar>
    let lo: Int
    let hi: Int
    var tokens: [NumberToken] = []
    /// Positions below these are inside “…” quotes or 《…》 titles.
    var quoteEnd = Int.min
    var titleEnd = Int.min
    var asciiQuoteClose = Int.min

    init(_ s: ArraySlice<Unicode.Scalar>) {
        self.s = s
        lo = s.startIndex
        hi = s.endIndex
    }

    @inline(__always) func c(_ i: Int) -> UInt32 { i >= lo && i < hi ? s[i].value : 0 }
    @inline(__always) func isDigit(_ i: Int) -> Bool { let v = c(i); return v >= 0x30 && v <= 0x39 }
    @inline(__always) func isLetter(_ i: Int) -> Bool {
        let v = c(i) | 0x20
        return v >= 0x61 && v <= 0x7A
    }
    @inline(__always) func isAlnum(_ i: Int) -> Bool { isDigit(i) || isLetter(i) }
    @inline(__always) func cn(_ i: Int) -> UInt8 { ChineseNumeral.code(c(i)) }

    func matches(_ i: Int, _ word: [UInt32]) -> Bool {
        guard i >= lo, i + word.count <= hi else { return false }
        for k in 0..<word.count where s[i + k].value != word[k] { return false }
        return true
    }
    func matchesBefore(_ end: Int, _ word: [UInt32]) -> Bool { matches(end - word.count, word) }
    func matchesAny(_ i: Int, _ words: [[UInt32]]) -> Bool { words.contains { matches(i, $0) } }
    /// A space as the normalizer leaves it, or one it may have missed (no-break, ideographic, tab).
    @inline(__always) func isSpace(_ i: Int) -> Bool {
        let v = c(i)
        return v == 0x20 || v == 0xA0 || v == 0x3000 || v == 0x09
    }
    @inline(__always) func skipSpace(_ i: Int) -> Int { isSpace(i) ? i + 1 : i }
    @inline(__always) func skipSpaceBack(_ i: Int) -> Int { isSpace(i - 1) ? i - 1 : i }

    /// Length of the measure word at `i`, 0 when there is none.
    func measureLength(at i: Int) -> Int {
        for word in Words.multiMeasure where matches(i, word) { return word.count }
        return Words.measure.contains(c(i)) ? 1 : 0
    }

    /// Whether `i` starts a line or clause (only spaces between it and the previous break).
    func atClauseStart(_ i: Int, allowComma: Bool = false) -> Bool {
        var p = i - 1
        while isSpace(p) { p -= 1 }
        if p < lo { return true }
        let v = c(p)
        return Words.clauseEnd.contains(v) || (allowComma && v == 0x2C)
    }

    func isYear(_ value: Double, digits: Int) -> Bool { digits == 4 && value >= 1900 && value < 2100 }

    /// Digits of a plain run of ASCII digits at `i`.
    func digitRun(_ i: Int) -> Int {
        var j = i
        while isDigit(j) { j += 1 }
        return j - i
    }

    func intValue(_ a: Int, _ b: Int) -> Double {
        var v = 0.0
        for k in a..<b { v = v * 10 + Double(c(k) - 0x30) }
        return v
    }

    mutating func emit(_ range: Range<Int>, _ value: Double, _ role: NumberRole,
                       _ qualifier: Qualifier = .exact, _ qualifierRange: Range<Int>? = nil) {
        tokens.append(NumberToken(range: range, value: value, role: role,
                                  qualifier: qualifier, qualifierRange: qualifierRange))
    }

    // MARK: Main loop

    mutating func run() {
        var i = lo
        while i < hi {
            let v = s[i].value
            if v < 0x80 {
                if (v >= 0x30 && v <= 0x39) || isLetter(i) {
                    if isAlnum(i - 1) { i += 1; continue }  // inside a run already handled
                    i = scanASCIIRun(i)
                    continue
                }
                if v == 0x22 { noteASCIIQuote(i) }
                i += 1
                continue
            }
            if v == Words.quoteOpen || v == Words.cornerOpen {
                noteQuote(i, close: v == Words.quoteOpen ? Words.quoteClose : Words.cornerClose)
            } else if v == Words.titleOpen {
                noteTitle(i)
            } else if v == Words.bai, matches(i, Words.baiFenZhi) {
                if let next = scanBaiFenZhi(i) { i = next; continue }
            } else if ChineseNumeral.code(v) != 0 {
                i = scanChinese(i)
                continue
            }
            i += 1
        }
    }

    mutating func noteQuote(_ i: Int, close: UInt32) {
        var j = i + 1
        let limit = min(hi, i + 48)
        while j < limit {
            let v = s[j].value
            if v == close { quoteEnd = j; return }
            if v == Words.quoteOpen || v == 0x0A || v == sv("。") { return }
            j += 1
        }
    }

    mutating func noteASCIIQuote(_ i: Int) {
        if i == asciiQuoteClose || i < quoteEnd { return }
        var j = i + 1
        let limit = min(hi, i + 48)
        while j < limit {
            let v = s[j].value
            if v == 0x22 { quoteEnd = j; asciiQuoteClose = j; return }
            if v == 0x0A || v == sv("。") { return }
            j += 1
        }
    }

    mutating func noteTitle(_ i: Int) {
        var j = i + 1
        let limit = min(hi, i + 120)
        while j < limit {
            let v = s[j].value
            if v == Words.titleClose { titleEnd = j; return }
            if v == Words.titleOpen || v == 0x0A { return }
            j += 1
        }
    }

    @inline(__always) func inQuote(_ i: Int) -> Bool { i < quoteEnd }
    @inline(__always) func inTitle(_ i: Int) -> Bool { i < titleEnd }

    // MARK: Qualifiers

    /// The qualifier written just before `start` (one space allowed between).
    func qualifierBefore(_ start: Int) -> (Qualifier, Range<Int>)? {
        let end = skipSpaceBack(start)
        for (word, q) in Words.before where matchesBefore(end, word) {
            let qs = end - word.count
            if word.count == 1 {
                let prev = c(qs - 1)
                if word[0] == sv("约") && Words.notAbout.contains(prev) { continue }
                if word[0] == sv("近") && Words.notNearly.contains(prev) { continue }
            }
            return (q, qs..<end)
        }
        return nil
    }

    /// 以上 / 以下 / 以内 / 左右 at `i` (after a number, a percent sign or a measure word).
    func qualifierAfter(_ i: Int) -> (Qualifier, Range<Int>)? {
        let p = skipSpace(i)
        if matches(p, Words.yiShang) { return (.atLeast, p..<(p + 2)) }
        if matches(p, Words.yiXia) || matches(p, Words.yiNei) { return (.atMost, p..<(p + 2)) }
        if matches(p, Words.zuoYou) { return (.about, p..<(p + 2)) }
        return nil
    }

    static func merge(_ a: (Qualifier, Range<Int>)?, _ b: (Qualifier, Range<Int>)?) -> (Qualifier, Range<Int>)? {
        guard let a else { return b }
        guard let b else { return a }
        return (a.0, min(a.1.lowerBound, b.1.lowerBound)..<max(a.1.upperBound, b.1.upperBound))
    }

    // MARK: ASCII runs: codes, dates, plain numbers

    /// Handles a run of ASCII letters, digits, '-', '/', '_' starting at `i`; returns where to go on.
    mutating func scanASCIIRun(_ i: Int) -> Int {
        var r = i
        var hasLetter = false, hasDigit = false, slashes = 0, dashes = 0
        while r < hi {
            if isDigit(r) { hasDigit = true } else if isLetter(r) { hasLetter = true } else {
                let v = c(r)
                guard (v == 0x2D || v == 0x2F || v == 0x5F) && isAlnum(r + 1) else { break }
                if v == 0x2F { slashes += 1 } else if v == 0x2D { dashes += 1 }
            }
            r += 1
        }
        if !hasDigit { return r }
        if !hasLetter && slashes == 0 && dashes == 0 { return scanArabic(i) }
        // Digit groups of the run.
        var groups: [Range<Int>] = []
        var k = i
        while k < r {
            if isDigit(k) {
                let a = k
                while k < r && isDigit(k) { k += 1 }
                groups.append(a..<k)
            } else { k += 1 }
        }
        if !hasLetter && (slashes > 0 || dashes > 0) && slashes * dashes == 0 && groups.count >= 2 {
            let values = groups.map { intValue($0.lowerBound, $0.upperBound) }
            let first = groups[0]
            // 2025-01-06, 2025/01/06
            if groups.count == 3 && isYear(values[0], digits: first.count)
                && groups[1].count <= 2 && values[1] >= 1 && values[1] <= 12
                && groups[2].count <= 2 && values[2] >= 1 && values[2] <= 31 {
                for (g, v) in zip(groups, values) { emit(g, v, .date) }
                return r
            }
            // 2021-2025
            if groups.count == 2 && slashes == 0 && isYear(values[0], digits: first.count)
                && isYear(values[1], digits: groups[1].count) && values[1] >= values[0] {
                for (g, v) in zip(groups, values) { emit(g, v, .date) }
                return r
            }
            // 3-5次, 1-6月: each number on its own.
            if groups.count == 2 && slashes == 0 && groups.allSatisfy({ $0.count <= 4 })
                && !(first.count >= 3 && c(first.lowerBound) == 0x30) {
                _ = scanArabic(groups[0].lowerBound, rangePartner: groups[1])
                return scanArabic(groups[1].lowerBound)
            }
        }
        // A code: index numbers, phone numbers, 5G.
        for g in groups { emit(g, intValue(g.lowerBound, g.upperBound), .documentNumber) }
        return r
    }

    /// Scans an Arabic number starting at `start` (a digit not preceded by a letter or digit).
    /// `rangePartner` is the second number of a 3-5 range, whose unit decides the first's role.
    mutating func scanArabic(_ start: Int, rangePartner: Range<Int>? = nil) -> Int {
        var e = start
        while isDigit(e) { e += 1 }
        let intDigits = e - start
        var value = intValue(start, e)
        var plain = true  // digits only: no separators, no decimals
        // Thousands separators: 1,152 / 12,345,678
        if intDigits <= 3 {
            while c(e) == 0x2C && digitRun(e + 1) == 3 {
                value = value * 1000 + intValue(e + 1, e + 4)
                e += 4
                plain = false
            }
        }
        // yyyy.mm.dd
        if plain && intDigits == 4 && isYear(value, digits: 4) && c(e) == 0x2E {
            let m = digitRun(e + 1)
            if m >= 1 && m <= 2 && c(e + 1 + m) == 0x2E {
                let d = digitRun(e + 2 + m)
                if d >= 1 && d <= 2 {
                    emit(start..<e, value, .date)
                    emit((e + 1)..<(e + 1 + m), intValue(e + 1, e + 1 + m), .date)
                    emit((e + 2 + m)..<(e + 2 + m + d), intValue(e + 2 + m, e + 2 + m + d), .date)
                    return e + 2 + m + d
                }
            }
        }
        var dotted = false
        if c(e) == 0x2E && isDigit(e + 1) {
            var f = e + 1, scale = 0.1, frac = 0.0
            while isDigit(f) { frac += Double(c(f) - 0x30) * scale; scale /= 10; f += 1 }
            value += frac
            e = f
            plain = false
            dotted = true
        }
        let numberEnd = e

        // Names: quoted, 1+6+N, 4·15, 12.4国家宪法日
        if inQuote(start) || c(start - 1) == 0x2B || c(e) == 0x2B {
            emit(start..<e, value, .name); return e
        }
        if (Words.middleDot.contains(c(e)) && isDigit(e + 1))
            || (Words.middleDot.contains(c(start - 1)) && isDigit(start - 2)) {
            emit(start..<e, value, .name); return e
        }
        if dotted && matches(skipSpace(e), Words.guoJia) { emit(start..<e, value, .name); return e }

        let after = skipSpace(e)
        let next = c(after)
        let prev = c(start - 1)

        // Document numbers: 〔2024〕, [2024], (2024)58号, 58号
        if plain && isYear(value, digits: intDigits) {
            if prev == Words.lenticularOpen && next == Words.lenticularClose
                || prev == 0x5B && next == 0x5D {
                emit(start..<e, value, .documentNumber); return e
            }
            if prev == 0x28 && next == 0x29 && isDigit(after + 1) {
                emit(start..<e, value, .documentNumber); return e
            }
        }

        // Dates
        if plain {
            if isYear(value, digits: intDigits) {
                if next == Words.nian { emit(start..<e, value, .date); return e }
                // 2021—2025年: first of a year range
                if Words.rangeDash.contains(c(e)) && digitRun(e + 1) == 4
                    && isYear(intValue(e + 1, e + 5), digits: 4) {
                    emit(start..<e, value, .date); return e
                }
                // second of a year range
                if Words.rangeDash.contains(prev) && digitRun(start - 5) == 4 && !isDigit(start - 6)
                    && isYear(intValue(start - 5, start - 1), digits: 4) {
                    emit(start..<e, value, .date); return e
                }
                // (2021—2025) inside parentheses
                if prev == 0x28 && next == 0x29 { emit(start..<e, value, .date); return e }
            }
            let unitAfter: UInt32
            if let partner = rangePartner { unitAfter = c(skipSpace(partner.upperBound)) } else {
                // 1-6月, 1至6月
                if Words.rangeDash.contains(c(e)) && isDigit(e + 1) {
                    unitAfter = c(e + 1 + digitRun(e + 1))
                } else { unitAfter = next }
            }
            if unitAfter == Words.yue && value >= 1 && value <= 12 {
                emit(start..<e, value, .date); return e
            }
            if unitAfter == Words.ri && value >= 1 && value <= 31 {
                emit(start..<e, value, .date); return e
            }
            if next == Words.hao && prev == Words.yue && value >= 1 && value <= 31 {
                emit(start..<e, value, .date); return e
            }
            if next == Words.hao { emit(start..<e, value, .documentNumber); return e }
        }

        // Ordinals: 第3次, 第一
        if prev == Words.di { emit(start..<e, value, .listMarker); return e }

        // Hotlines: 12345热线, 拨打110
        if plain && intDigits >= 3 && (matchesAny(after, Words.hotline) || matchesBefore(skipSpaceBack(start), Words.boDa)) {
            emit(start..<e, value, .name); return e
        }

        if plain && Words.hotlineNumbers.contains(value) && measureLength(at: after) == 0
            && c(after) != 0x25 && !(c(after) == Words.yu || c(after) == Words.duo) {
            emit(start..<e, value, .name); return e
        }

        // Percent
        if next == 0x25 {
            let end = after + 1
            let q = Scanner.merge(qualifierBefore(start), qualifierAfter(end))
            emit(start..<end, value, .percent, q?.0 ?? .exact, q?.1)
            return end
        }

        // List markers: (3), 1. 1、 1) at the start of a line or clause
        if plain {
            if prev == 0x28 && c(e) == 0x29 { emit(start..<e, value, .listMarker); return e }
            let v = c(e)
            if (v == 0x2E || v == Words.dun || v == 0x29) && !isDigit(e + 1) && atClauseStart(start) {
                emit(start..<e, value, .listMarker); return e
            }
        }

        // Quantity: multipliers, 余/多, measure word, 以上/左右
        var qualifier = qualifierBefore(start)
        var end = numberEnd
        var p = after
        var role = NumberRole.quantity
        var moreThan: Range<Int>? = nil
        if c(p) == Words.yu || c(p) == Words.duo {
            let m = c(p + 1)
            if m == Words.wan || m == Words.wanT || m == Words.yi || m == Words.yiT {
                // 10余万: the 余 sits inside the number as written
                moreThan = p..<(p + 1)
                value *= (m == Words.wan || m == Words.wanT) ? 1e4 : 1e8
                end = p + 2
                p = end
            }
        }
        // A space may stand before the unit (`2 万余份`, as PDF text writes it).
        if moreThan == nil, p <= numberEnd + 1, let mixed = mixedNumber(value, start, numberEnd, unitAt: p) {
            // 2万, 1.5万, 3千5百, 1百01, 1万600, 100万三千
            value = mixed.value
            end = mixed.end
            p = end
        }
        if moreThan == nil && (c(p) == Words.yu || c(p) == Words.duo) {
            moreThan = p..<(p + 1)
            p += 1
        }
        if let m = moreThan { qualifier = Scanner.merge(qualifier, (.moreThan, m)) }
        if qualifier?.0 != nil && moreThan != nil { qualifier?.0 = .moreThan }
        let measure = measureLength(at: skipSpace(p))
        if measure > 0 { p = skipSpace(p) + measure }
        // 7+ digit runs without a unit: telephone and other codes
        if plain && intDigits >= 7 && measure == 0 && end == numberEnd {
            emit(start..<e, value, .documentNumber); return e
        }
        if let q = qualifierAfter(p) {
            qualifier = Scanner.merge(qualifier, q)
            if qualifier?.1 == q.1 { qualifier?.0 = q.0 }
        }
        if inTitle(start) { role = .name; qualifier = nil }
        emit(start..<end, value, role, qualifier?.0 ?? .exact, qualifier?.1)
        return end
    }

    // MARK: Arabic digits with Chinese units

    /// The Chinese unit (十 百 千 万 亿) at `i` as its value, or nil.
    func unitValue(_ i: Int) -> Double? {
        switch ChineseNumeral.code(c(i)) {
        case ChineseNumeral.ten: return 10
        case ChineseNumeral.hundred: return 100
        case ChineseNumeral.thousand: return 1e3
        case ChineseNumeral.tenThousand: return 1e4
        case ChineseNumeral.hundredMillion: return 1e8
        default: return nil
        }
    }

    /// A number that an Arabic group at `start` (ending at `numberEnd`, worth `first`) begins and Chinese units go on
    /// with, from `unitStart` (the group's end, or one space after it): `2万`, `3千5百`, `1百01`, `1万600`,
    /// `2 万`. Nil when no unit follows the Arabic group. A 百 that
    /// 分 follows is a percentage point (`2百分点`), and 十 alone after digits is no unit.
    func mixedNumber(_ first: Double, _ start: Int, _ numberEnd: Int, unitAt unitStart: Int) -> (value: Double, end: Int)? {
        guard let firstUnit = unitValue(unitStart), firstUnit > 10,
              !(firstUnit == 100 && c(unitStart + 1) == sv("分")) else { return nil }
        var pieces: [ChineseNumeral.MixedPiece] = [
            .arabic(first, digits: numberEnd - start, leadingZero: false)]
        var i = unitStart
        var end = unitStart
        var lastUnit = Double.infinity
        while i < hi {
            if let u = unitValue(i) {
                if u == 100 && c(i + 1) == sv("分") { break }
                pieces.append(.unit(u))
                lastUnit = u
                i += 1
                end = i
            } else if isDigit(i) {
                // An Arabic group after a unit is part of the number only when it is smaller than that unit.
                let n = digitRun(i)
                let v = intValue(i, i + n)
                guard v < lastUnit, c(i + n) != 0x2E, c(i + n) != 0x2C else { break }
                pieces.append(.arabic(v, digits: n, leadingZero: n > 1 && c(i) == 0x30))
                i += n
                end = i
            } else if ChineseNumeral.isDigitCode(cn(i)) {
                pieces.append(.digit(Double(cn(i) - 1)))
                i += 1
                end = i
            } else {
                break
            }
        }
        // Trailing pieces that do not make a number are left for the scanner (2万 then 三月…).
        while pieces.count > 1 {
            if let v = ChineseNumeral.mixedValue(pieces) { return (v, end) }
            switch pieces.removeLast() {
            case .arabic(_, let digits, _): end -= digits
            case .digit, .unit: end -= 1
            }
        }
        return nil
    }

    // MARK: 百分之…

    mutating func scanBaiFenZhi(_ i: Int) -> Int? {
        let n = i + 3
        var e = n
        var value: Double
        if isDigit(n) {
            while isDigit(e) { e += 1 }
            value = intValue(n, e)
            if c(e) == 0x2E && isDigit(e + 1) {
                var f = e + 1, scale = 0.1
                while isDigit(f) { value += Double(c(f) - 0x30) * scale; scale /= 10; f += 1 }
                e = f
            }
        } else {
            while ChineseNumeral.code(c(e)) != 0
                    || (c(e) == ChineseNumeral.pointScalar && e > n && ChineseNumeral.isDigitCode(cn(e + 1))) { e += 1 }
            guard e > n else { return nil }
            let parsed = ChineseNumeral.parse(s, n, e)
            guard parsed.kind == .number else { return nil }
            value = parsed.value
        }
        if inQuote(i) { emit(i..<e, value, .name); return e }
        let q = Scanner.merge(qualifierBefore(i), qualifierAfter(e))
        emit(i..<e, value, .percent, q?.0 ?? .exact, q?.1)
        return e
    }

    // MARK: Chinese numerals

    mutating func scanChinese(_ start: Int) -> Int {
        let first = cn(start)
        // Runs start on a digit or 十; 百, 千 and 万 only after 近/逾/超/约/过 (近百场, 近千人次, 近万份).
        if first >= ChineseNumeral.hundred && first != ChineseNumeral.twenty && first != ChineseNumeral.thirty {
            let isHundred = c(start) == Words.bai || c(start) == Words.bai2 || c(start) == Words.qian || c(start) == Words.wan
            // …and 百余场, 千余份: 余 or 多 after a bare 百, 千 or 万.
            let qualified = Words.hundredQualifier.contains(c(start - 1)) || c(start + 1) == Words.yu || c(start + 1) == Words.duo
            if !(isHundred && qualified) { return start + 1 }
        }
        var e = start
        while e < hi {
            if cn(e) != 0 { e += 1; continue }
            if c(e) == ChineseNumeral.pointScalar && ChineseNumeral.isDigitCode(cn(e + 1)) { e += 1; continue }
            break
        }
        let prev = c(start - 1)
        if Words.vagueBefore.contains(prev) { return e }
        let parsed = ChineseNumeral.parse(s, start, e)
        let single = e - start == 1
        var value = parsed.value
        let next = c(e)
        let range = start..<e

        // Ordinals and list markers: 第一, 其一, 一是, (三), 一、
        if parsed.kind == .number {
            if prev == Words.di { emit(range, value, .listMarker); return e }
            if prev == Words.qi && single { emit(range, value, .listMarker); return e }
            if next == Words.shi { emit(range, value, .listMarker); return e }
            if (prev == 0x28 && next == 0x29) || (prev == Words.lenticularOpen && next == Words.lenticularClose)
                || (prev == 0x5B && next == 0x5D) {
                emit(range, value, .listMarker); return e
            }
            if (next == Words.dun || next == 0x2E) && atClauseStart(start, allowComma: true) {
                emit(range, value, .listMarker); return e
            }
        }

        // Names: 二十大, 十九届, 三中全会, 八五普法, 十四五规划
        if matchesAny(e, Words.nameAfter) && (parsed.kind != .digitSequence || matchesAny(e, Words.digitSequenceName)) {
            emit(range, value, .name); return e
        }
        if parsed.kind == .invalid {
            if inQuote(start) { emit(range, 0, .name) }
            return e
        }
        if parsed.kind == .digitSequence {
            if e - start == 4 && value >= 1900 && value < 2100 && next == Words.nian {
                emit(range, value, .date)
            } else if inQuote(start) {
                emit(range, value, .name)
            }
            return e
        }

        // Dates: 三月, 十五日
        if next == Words.yue && value >= 1 && value <= 12 && value == value.rounded() {
            emit(range, value, .date); return e
        }
        if next == Words.ri && value >= 1 && value <= 31 && value == value.rounded() {
            emit(range, value, .date); return e
        }
        if next == Words.hao { emit(range, value, .name); return e }

        // Quantities: a measure word after, possibly after 余/多/来
        var p = e
        var after: (Qualifier, Range<Int>)? = nil
        let m = c(p)
        var end = e
        if m == Words.yu || m == Words.duo || m == Words.lai {
            after = (m == Words.lai ? .about : .moreThan, p..<(p + 1))
            p += 1
            // 十余万, 三百多万: the 万 after 余 belongs to the number
            let u = c(p)
            if u == Words.wan || u == Words.wanT || u == Words.yi || u == Words.yiT {
                value *= (u == Words.wan || u == Words.wanT) ? 1e4 : 1e8
                p += 1
                end = p
            }
        }
        p = skipSpace(p)
        let measure = measureLength(at: p)
        if measure == 0 && end == e {
            if inQuote(start) && !single { emit(range, value, .name) }
            return e
        }
        // A lone 一 inside a word: 统一, 唯一, 一起 (together), 一次性, 一条龙
        if single && c(start) == Words.one {
            if Words.wordBeforeOne.contains(prev) { return e }
            let mw = c(p)
            if mw == Words.qiTogether && !Words.caseAfterYiQi.contains(c(p + 1)) { return e }
            if mw == Words.ci && c(p + 1) == Words.xing { return e }
            if mw == Words.tiao && c(p + 1) == Words.long { return e }
        }
        if inQuote(start) || inTitle(start) { emit(start..<end, value, .name); return end }
        var q = qualifierBefore(start)
        if let a = after { q = Scanner.merge(q, a); q?.0 = a.0 }
        if let a = qualifierAfter(p + measure) { q = Scanner.merge(q, a); q?.0 = a.0 }
        emit(start..<end, value, .quantity, q?.0 ?? .exact, q?.1)
        return end
    }
}
