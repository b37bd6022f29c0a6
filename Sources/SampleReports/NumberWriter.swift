/// Numbers as the reports write them: Arabic (sometimes full-width, with thousands separators
/// or spaces around), Chinese numerals, 万, and the qualifiers 余/多/近/约. Every form says
/// which value a reader (and the extractor) should take from it.
struct Written {
    /// The number with its qualifier, as it stands before the measure word: `2万余`, `一百二十三`.
    var text: String
    /// The value the text states: 20000 for `2万余`.
    var value: Double
}

enum NumberWriter {
    static let digits: [Character] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]

    /// 0...99999 in Chinese numerals: 十二, 一百零五, 三千二百, 两万三千.
    static func chinese(_ n: Int) -> String {
        precondition(n >= 0 && n < 100_000)
        if n == 0 { return "零" }
        if n < 20 && n >= 10 { return "十" + (n % 10 == 0 ? "" : String(digits[n % 10])) }
        let units: [(Int, String)] = [(10_000, "万"), (1_000, "千"), (100, "百"), (10, "十"), (1, "")]
        var out = ""
        var rest = n
        var pendingZero = false
        for (size, name) in units {
            let d = rest / size
            rest %= size
            if d == 0 {
                if !out.isEmpty { pendingZero = true }
                continue
            }
            if pendingZero { out += "零"; pendingZero = false }
            out += (d == 2 && (size == 1_000 || size == 10_000) ? "两" : String(digits[d])) + name
        }
        return out
    }

    static func fullWidth(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.map { c in
            if ("0"..."9").contains(c) { return Unicode.Scalar(c.value + 0xFEE0)! }
            if c == "%" { return "％" }
            if c == "." { return "．" }
            return c
        }))
    }

    static func grouped(_ n: Int) -> String {
        let s = String(n)
        guard n >= 1000 else { return s }
        var out = ""
        for (i, c) in s.enumerated() {
            if i > 0 && (s.count - i) % 3 == 0 { out += "," }
            out.append(c)
        }
        return out
    }

    /// A rate as written: 100, 96, 98.5, 90.52.
    static func rate(_ value: Double) -> String {
        if value == value.rounded() { return String(Int(value)) }
        let hundredths = Int((value * 100).rounded())
        if hundredths % 10 == 0 { return "\(hundredths / 100).\(hundredths % 100 / 10)" }
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }

    /// An exact count in one of the plain forms: mostly Arabic, some Chinese numerals,
    /// a few full-width. `spaced` puts spaces around Arabic digits (`调解矛盾纠纷 40 起`).
    static func exact(_ n: Int, _ g: inout SplitMix64, chineseShare: Double = 0.12) -> Written {
        if n < 1000 && n > 0 && g.chance(chineseShare) { return Written(text: chinese(n), value: Double(n)) }
        let roll = g.unit()
        if roll < 0.04 { return Written(text: fullWidth(String(n)), value: Double(n)) }
        if roll < 0.09 { return Written(text: " \(n) ", value: Double(n)) }
        if n >= 1000 && roll < 0.3 { return Written(text: grouped(n), value: Double(n)) }
        return Written(text: String(n), value: Double(n))
    }

    /// A rounded count with a qualifier (`800余`, `近300`, `约1200`, `2万余`, `三十余`) or,
    /// now and then, exact. The value is the number written, the qualifier aside.
    static func approximate(_ n: Int, _ g: inout SplitMix64) -> Written {
        guard n >= 20 else { return exact(n, &g) }
        let magnitude = n >= 10_000 ? 1000 : n >= 1000 ? 100 : 10
        let down = n / magnitude * magnitude
        let up = (n + magnitude - 1) / magnitude * magnitude
        switch g.int(0...9) {
        case 0...3:
            if n >= 10_000, g.chance(0.6) {
                let wan = Double(down / 1000) / 10
                let w = wan == wan.rounded() ? String(Int(wan)) : String(wan)
                return Written(text: w + "万余", value: wan * 10_000)
            }
            return Written(text: "\(down)余", value: Double(down))
        case 4: return Written(text: "\(down)多", value: Double(down))
        case 5: return Written(text: "近\(up)", value: Double(up))
        case 6: return Written(text: "约\(down)", value: Double(down))
        case 7:
            if down < 1000 { return Written(text: chinese(down) + "余", value: Double(down)) }
            return Written(text: "\(down)余", value: Double(down))
        default: return exact(n, &g, chineseShare: 0.05)
        }
    }

    /// A percent: `96%`, `98.5%`, `９６％`, now and then `百分之百` for 100.
    static func percent(_ value: Double, _ g: inout SplitMix64) -> String {
        if value == 100 && g.chance(0.06) { return "百分之百" }
        let s = rate(value) + "%"
        if g.chance(0.05) { return fullWidth(s) }
        return s
    }
}
