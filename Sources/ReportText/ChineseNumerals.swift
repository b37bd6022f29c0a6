/// Values of numbers written in Chinese numerals: 一百二十三, 三万五, 两千六, 壹仟贰佰, 九十点五二.
public enum ChineseNumeral {
    /// The value of a Chinese numeral, or nil when it is not one.
    ///
    /// Plain (一百零五 → 105), colloquial (三万五 → 35000, 两千六 → 2600, 一百二 → 120),
    /// financial (壹仟贰佰 → 1200), decimals with 点 (九十点五二 → 90.52) and digit
    /// sequences (二〇二四 → 2024).
    public static func value(of numeral: String) -> Double? {
        let scalars = Array(numeral.unicodeScalars)
        guard !scalars.isEmpty else { return nil }
        let parsed = parse(scalars[...], scalars.startIndex, scalars.endIndex)
        switch parsed.kind {
        case .invalid: return nil
        case .number, .digitSequence: return parsed.value
        }
    }

    // MARK: - Internal

    enum Kind { case number, digitSequence, invalid }

    /// Numeral codes: 1...10 is digit 0...9 plus one; `ten` and up are units.
    static let ten: UInt8 = 20, hundred: UInt8 = 21, thousand: UInt8 = 22,
               tenThousand: UInt8 = 23, hundredMillion: UInt8 = 24,
               /// 廿 (twenty) and 卅 (thirty): a digit and 十 in one character (廿三 = 23).
               twenty: UInt8 = 25, thirty: UInt8 = 26

    /// The numeral code of a scalar value, 0 when it is not a numeral character.
    /// The number scanner asks this for nearly every Chinese character: a table lookup
    /// replaces the switch's chain of comparisons.
    @inline(__always)
    static func code(_ v: UInt32) -> UInt8 {
        if v == 0x3007 { return 1 }  // 〇
        guard v >= 0x4E00, v <= 0x9FFF else { return 0 }
        return hanCodes[Int(v - 0x4E00)]
    }

    /// `slowCode` for U+4E00...U+9FFF.
    private static let hanCodes: [UInt8] = (UInt32(0x4E00)...0x9FFF).map(slowCode)

    private static func slowCode(_ v: UInt32) -> UInt8 {
        switch v {
        case 0x96F6: return 1                    // 零
        case 0x4E00, 0x58F9: return 2            // 一 壹
        case 0x4E8C, 0x4E24, 0x5169, 0x8D30, 0x8CB3: return 3  // 二 两 兩 贰 貳
        case 0x4E09, 0x53C1, 0x53C3: return 4    // 三 叁 參
        case 0x56DB, 0x8086: return 5            // 四 肆
        case 0x4E94, 0x4F0D: return 6            // 五 伍
        case 0x516D, 0x9646, 0x9678: return 7    // 六 陆 陸
        case 0x4E03, 0x67D2: return 8            // 七 柒
        case 0x516B, 0x634C: return 9            // 八 捌
        case 0x4E5D, 0x7396: return 10           // 九 玖
        case 0x5341, 0x62FE: return ten          // 十 拾
        case 0x767E, 0x4F70: return hundred      // 百 佰
        case 0x5343, 0x4EDF: return thousand     // 千 仟
        case 0x4E07, 0x842C: return tenThousand  // 万 萬
        case 0x5EFF: return twenty               // 廿
        case 0x5345: return thirty               // 卅
        case 0x4EBF, 0x5104: return hundredMillion  // 亿 億
        default: return 0
        }
    }

    @inline(__always) static func isDigitCode(_ c: UInt8) -> Bool { c >= 1 && c <= 10 }

    static let pointScalar: UInt32 = 0x70B9  // 点

    /// Parses `scalars[start..<end]` as a Chinese numeral (with an optional 点 decimal part).
    static func parse(_ s: ArraySlice<Unicode.Scalar>, _ start: Int, _ end: Int) -> (value: Double, kind: Kind) {
        // Digit sequences without units: 二〇二四, 八五.
        var hasUnit = false
        var hasPoint = false
        for i in start..<end {
            let c = code(s[i].value)
            if c >= ten { hasUnit = true } else if c == 0 {
                if s[i].value == pointScalar { hasPoint = true } else { return (0, .invalid) }
            }
        }
        if !hasUnit && !hasPoint {
            var v = 0.0
            for i in start..<end { v = v * 10 + Double(code(s[i].value) - 1) }
            return (v, end - start >= 2 ? .digitSequence : .number)
        }
        var total = 0.0        // whole 亿 groups
        var wan = 0.0          // the 万 group under the current 亿
        var section = 0.0      // below 万
        var pending: Double? = nil
        var lastUnit = 0.0     // the unit just before the pending digit
        var lastSmall = 1e9    // smallest 十/百/千 so far in this section
        var zero = false
        var sawWan = false
        var i = start
        while i < end {
            let v = s[i].value
            if v == pointScalar {
                guard i > start, i + 1 < end else { return (0, .invalid) }
                if let p = pending { section += p; pending = nil }
                var frac = 0.0, scale = 0.1
                var j = i + 1
                while j < end {
                    let c = code(s[j].value)
                    guard isDigitCode(c) else { return (0, .invalid) }
                    frac += Double(c - 1) * scale
                    scale /= 10
                    j += 1
                }
                return (total + wan + section + frac, .number)
            }
            let c = code(v)
            if isDigitCode(c) {
                let d = Double(c - 1)
                if d == 0 {
                    if pending != nil { return (0, .invalid) }
                    zero = true
                } else {
                    if pending != nil { return (0, .invalid) }
                    pending = d
                }
            } else {
                switch c {
                case ten, hundred, thousand:
                    let u: Double = c == ten ? 10 : (c == hundred ? 100 : 1000)
                    if u >= lastSmall { return (0, .invalid) }
                    section += (pending ?? 1) * u
                    pending = nil
                    lastSmall = u
                    lastUnit = u
                    zero = false
                case twenty, thirty:
                    // 廿三 = 二十三: a digit and 十 at once, so no digit may stand before it.
                    if pending != nil || 10 >= lastSmall { return (0, .invalid) }
                    section += c == twenty ? 20 : 30
                    lastSmall = 10
                    lastUnit = 10
                    zero = false
                case tenThousand:
                    if sawWan { return (0, .invalid) }
                    section += pending ?? 0
                    pending = nil
                    if section == 0 { section = 1 }
                    wan = section * 1e4
                    section = 0
                    sawWan = true
                    lastSmall = 1e9
                    lastUnit = 1e4
                    zero = false
                default:  // 亿
                    if total != 0 { return (0, .invalid) }
                    var group = wan + section + (pending ?? 0)
                    if group == 0 { group = 1 }
                    total = group * 1e8
                    wan = 0; section = 0; pending = nil
                    sawWan = false
                    lastSmall = 1e9
                    lastUnit = 1e8
                    zero = false
                }
            }
            i += 1
        }
        if let p = pending {
            // 三万五 = 35000, 两千六 = 2600, 一百二 = 120; 十五 and 一百零五 are plain.
            if !zero && lastUnit >= 100 { section += p * lastUnit / 10 } else { section += p }
        }
        return (total + wan + section, .number)
    }

    // MARK: - Arabic digits mixed with Chinese units

    /// The value of a number that mixes Arabic digit groups with Chinese units and numerals:
    /// `1万600` → 10600, `1百01` → 101, `3千5百` → 3500, `1.5万` → 15000, `2万三千` → 23000.
    ///
    /// `groups` are the run's pieces in order. An Arabic group after a unit is taken as written
    /// (`1万600` is 10600, not 1.6万), except a lone digit after 百 or more with no 零 between, which
    /// the colloquial reading scales as the Chinese would (`1万5` = 15000, as 一万五).
    /// Nil when the pieces do not form one number (two groups side by side, units out of order).
    static func mixedValue(_ groups: [MixedPiece]) -> Double? {
        var total = 0.0, wan = 0.0, section = 0.0
        var pending: Double? = nil
        var pendingColloquial = false
        var lastUnit = 0.0, lastSmall = 1e9
        var zero = false, sawWan = false
        for piece in groups {
            switch piece {
            case .arabic(let value, let digits, let leadingZero):
                if pending != nil { return nil }
                pending = value
                pendingColloquial = digits == 1 && !leadingZero
                if leadingZero { zero = true }
            case .digit(let d):
                if d == 0 { if pending != nil { return nil }; zero = true; continue }
                if pending != nil { return nil }
                pending = d
                pendingColloquial = true
            case .unit(let u):
                if u < 1e4 {
                    if u >= lastSmall { return nil }
                    section += (pending ?? 1) * u
                    lastSmall = u
                } else if u == 1e4 {
                    if sawWan { return nil }
                    let group = section + (pending ?? 0)
                    wan = (group == 0 ? 1 : group) * 1e4
                    section = 0
                    sawWan = true
                    lastSmall = 1e9
                } else {
                    if total != 0 { return nil }
                    let group = wan + section + (pending ?? 0)
                    total = (group == 0 ? 1 : group) * 1e8
                    wan = 0; section = 0
                    sawWan = false
                    lastSmall = 1e9
                }
                pending = nil
                lastUnit = u
                zero = false
            }
        }
        if let p = pending {
            if pendingColloquial && !zero && lastUnit >= 100 { section += p * lastUnit / 10 } else { section += p }
        }
        return total + wan + section
    }

    /// One piece of a number that mixes Arabic digits with Chinese units.
    enum MixedPiece: Equatable {
        /// An Arabic digit group: its value, how many digits, and whether it begins with 0 (`01`).
        case arabic(Double, digits: Int, leadingZero: Bool)
        /// A Chinese digit 零…九.
        case digit(Double)
        /// 十 百 千 万 亿 as 10, 100, 1000, 1e4, 1e8.
        case unit(Double)
    }
}
