import Foundation

/// Nice tick values by the extended Wilkinson algorithm (Talbot, Lin and Hanrahan 2010).
/// The step multipliers leave out 2.5, so 0–100 gets 0, 20, …, 100.
public enum Ticks {
    static let Q: [Double] = [1, 5, 2, 4, 3]
    static let w: (Double, Double, Double, Double) = (0.25, 0.2, 0.5, 0.05)

    /// Ticks covering [dmin, dmax] (the first and last tick enclose the data), about `target` of them.
    /// `integer` keeps steps whole (counts, years).
    public static func nice(_ dmin: Double, _ dmax: Double, target: Int = 5, integer: Bool = false) -> [Double] {
        guard dmin.isFinite, dmax.isFinite else { return [0, 1] }
        var lo = min(dmin, dmax), hi = max(dmin, dmax)
        if hi - lo < 1e-12 * max(1, abs(hi)) {
            // All values equal: a range around the value that includes zero when it is near.
            if lo == 0 { hi = 1 } else if lo > 0 { lo = 0 } else { hi = 0 }
        }
        let m = Double(max(2, target))
        guard let (lmin, lmax, step) = extended(lo, hi, m: m, integer: integer) else {
            return [lo, hi]
        }
        var out: [Double] = []
        let n = Int(((lmax - lmin) / step).rounded())
        for i in 0...max(0, n) {
            var v = lmin + Double(i) * step
            // Clean floating noise: round to the step's precision.
            let d = decimals(forStep: step)
            let p = pow(10, Double(d))
            v = (v * p).rounded() / p
            if v == 0 { v = 0 } // no -0
            out.append(v)
        }
        return out
    }

    /// Decimal places that the tick step needs: 20 → 0, 0.5 → 1, 0.25 → 2.
    public static func decimals(forStep step: Double) -> Int {
        let s = abs(step)
        guard s > 0, s.isFinite else { return 0 }
        for d in 0...8 {
            let x = s * pow(10, Double(d))
            if abs(x - x.rounded()) < 1e-6 * max(1, x) { return d }
        }
        return 8
    }

    /// Whole-year ticks: every year when they fit, else every 2, 5, 10 … years.
    public static func years(_ first: Int, _ last: Int, maxTicks: Int) -> [Int] {
        let lo = min(first, last), hi = max(first, last)
        let span = hi - lo
        for step in [1, 2, 5, 10, 20, 50, 100] {
            let start = Int((Double(lo) / Double(step)).rounded(.up)) * step
            let ticks = Array(stride(from: start, through: hi, by: step))
            if ticks.count <= max(1, maxTicks) || step == 100 {
                if step == 1 || span == 0 { return ticks }
                return ticks
            }
        }
        return [lo, hi]
    }

    private static func fmod(_ a: Double, _ b: Double) -> Double { a - b * (a / b).rounded(.down) }

    private static func simplicity(_ qi: Int, _ j: Double, _ lmin: Double, _ lmax: Double, _ step: Double) -> Double {
        let n = Double(Q.count)
        let eps = 1e-10
        let r = fmod(lmin, step)
        let v: Double = ((r < eps || step - r < eps) && lmin <= 0 && lmax >= 0) ? 1 : 0
        return 1 - Double(qi) / (n - 1) - j + v
    }
    private static func simplicityMax(_ qi: Int, _ j: Double) -> Double {
        1 - Double(qi) / (Double(Q.count) - 1) - j + 1
    }
    private static func coverage(_ dmin: Double, _ dmax: Double, _ lmin: Double, _ lmax: Double) -> Double {
        let range = dmax - dmin
        return 1 - 0.5 * (pow(dmax - lmax, 2) + pow(dmin - lmin, 2)) / pow(0.1 * range, 2)
    }
    private static func coverageMax(_ dmin: Double, _ dmax: Double, _ span: Double) -> Double {
        let range = dmax - dmin
        if span > range {
            let half = (span - range) / 2
            return 1 - 0.5 * (2 * half * half) / pow(0.1 * range, 2)
        }
        return 1
    }
    private static func density(_ k: Double, _ m: Double, _ dmin: Double, _ dmax: Double, _ lmin: Double, _ lmax: Double) -> Double {
        let r = (k - 1) / (lmax - lmin)
        let rt = (m - 1) / (max(lmax, dmax) - min(dmin, lmin))
        return 2 - max(r / rt, rt / r)
    }
    private static func densityMax(_ k: Double, _ m: Double) -> Double {
        k >= m ? 2 - (k - 1) / (m - 1) : 1
    }

    static func extended(_ dmin: Double, _ dmax: Double, m: Double, integer: Bool) -> (Double, Double, Double)? {
        var best = -2.0
        var result: (Double, Double, Double)?
        var j = 1.0
        outer: while j < 50 {
            for (qi, q) in Q.enumerated() {
                let sm = simplicityMax(qi, j)
                if w.0 * sm + w.1 + w.2 + w.3 < best { break outer }
                var k = 2.0
                while k < 100 {
                    let dm = densityMax(k, m)
                    if w.0 * sm + w.1 + w.2 * dm + w.3 < best { break }
                    let delta = (dmax - dmin) / (k + 1) / j / q
                    var z = ceil(log10(delta))
                    var zi = 0
                    while zi < 40 {
                        zi += 1
                        let step = j * q * pow(10, z)
                        let cm = coverageMax(dmin, dmax, step * (k - 1))
                        if w.0 * sm + w.1 * cm + w.2 * dm + w.3 < best { break }
                        if integer && (step < 1 || abs(step - step.rounded()) > 1e-9) { z += 1; continue }
                        // Skipping (j > 1) may only give steps of 1, 2, 3, 4 or 5 times a power of ten.
                        let mant = j * q / pow(10, floor(log10(j * q)))
                        if j > 1 && ![1.0, 2, 3, 4, 5].contains(where: { abs($0 - mant) < 1e-9 }) { z += 1; continue }
                        let minStart = (dmax / step).rounded(.down) * j - (k - 1) * j
                        let maxStart = (dmin / step).rounded(.up) * j
                        if minStart > maxStart { z += 1; continue }
                        var start = minStart
                        while start <= maxStart {
                            let lmin = start * (step / j)
                            let lmax = lmin + step * (k - 1)
                            let s = simplicity(qi, j, lmin, lmax, step)
                            let c = coverage(dmin, dmax, lmin, lmax)
                            let g = density(k, m, dmin, dmax, lmin, lmax)
                            let score = w.0 * s + w.1 * c + w.2 * g + w.3
                            let eps = 1e-9 * max(abs(dmin), abs(dmax), 1)
                            if score > best && lmin <= dmin + eps && lmax >= dmax - eps {
                                best = score
                                result = (lmin, lmax, step)
                            }
                            start += 1
                        }
                        z += 1
                    }
                    k += 1
                }
            }
            j += 1
        }
        return result
    }
}

/// Number formats for Chinese briefings.
public enum NumberFormat {
    /// Unit for a set of numbers: 万 from 10,000, 亿 from 100,000,000 (by the largest magnitude).
    static func divisor(forMax m: Double, magnitudes: [ChartWords.Magnitude] = ChartWords.chinese.magnitudes) -> (Double, String) {
        let a = abs(m)
        for magnitude in magnitudes where a >= magnitude.value { return (magnitude.value, magnitude.suffix) }
        return (1, "")
    }

    /// 3,456 with thousands separators and `decimals` places.
    public static func grouped(_ v: Double, decimals: Int) -> String {
        let s = String(format: "%.\(max(0, decimals))f", v)
        var intPart = Substring(s), frac = Substring("")
        if let dot = s.firstIndex(of: ".") { intPart = s[..<dot]; frac = s[dot...] }
        var neg = false
        if intPart.hasPrefix("-") { neg = true; intPart = intPart.dropFirst() }
        var out = ""
        for (i, ch) in intPart.enumerated() {
            if i > 0 && (intPart.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        let r = (neg ? "-" : "") + out + frac
        return r == "-0" || r.hasPrefix("-0") && Double(r) == 0 ? String(r.dropFirst()) : r
    }

    /// Tick labels: one unit (万/亿) for the whole axis, decimals from the step.
    public static func ticks(_ values: [Double], style: ValueStyle,
                             magnitudes: [ChartWords.Magnitude] = ChartWords.chinese.magnitudes) -> [String] {
        guard !values.isEmpty else { return [] }
        let step = values.count > 1 ? abs(values[1] - values[0]) : (values[0] == 0 ? 1 : abs(values[0]))
        if style == .percent {
            let d = Ticks.decimals(forStep: step)
            return values.map { grouped($0, decimals: d) + "%" }
        }
        let (div, suffix) = divisor(forMax: values.map { abs($0) }.max() ?? 0, magnitudes: magnitudes)
        let d = Ticks.decimals(forStep: step / div)
        return values.map { $0 == 0 ? "0" : grouped($0 / div, decimals: d) + suffix }
    }

    /// A single value: 3,456; 12.5; 1.2万; 3.5亿; 96.5%.
    /// `extraDecimals` adds places beyond these, for labels that must tell close values apart (1.09万, 1.12万).
    public static func value(_ v: Double, style: ValueStyle, maxDecimals: Int = 1,
                             magnitudes: [ChartWords.Magnitude] = ChartWords.chinese.magnitudes, extraDecimals: Int = 0) -> String {
        if style == .percent { return trimmed(v, maxDecimals + extraDecimals) + "%" }
        let (div, suffix) = divisor(forMax: v, magnitudes: magnitudes)
        if div == 1 { return trimmed(v, maxDecimals + extraDecimals) }
        let x = v / div
        // 1.2万, 12.3万, 123万, 3.56亿: about three significant digits.
        let d = abs(x) >= 100 ? 0 : (abs(x) >= 10 ? 1 : (div == 1e8 ? 2 : 1))
        return trimmed(x, d + extraDecimals) + suffix
    }

    /// Labels for a set of values with the fewest extra decimals (up to 4) at which different values get
    /// different labels: 10900 and 11200 are 1.09万 and 1.12万, not both 1.1万.
    public static func distinct(_ values: [Double], style: ValueStyle,
                                magnitudes: [ChartWords.Magnitude] = ChartWords.chinese.magnitudes) -> [String] {
        var labels: [String] = []
        for extra in 0...4 {
            labels = values.map { value($0, style: style, magnitudes: magnitudes, extraDecimals: extra) }
            var seen: [String: Double] = [:]
            var clash = false
            for (l, v) in zip(labels, values) {
                if let other = seen.updateValue(v, forKey: l), other != v { clash = true; break }
            }
            if !clash { break }
        }
        return labels
    }

    /// 2024年
    public static func year(_ y: Int) -> String { "\(y)年" }

    static func trimmed(_ v: Double, _ maxDecimals: Int) -> String {
        var s = grouped(v, decimals: maxDecimals)
        if s.contains(".") {
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
        }
        return s
    }
}
