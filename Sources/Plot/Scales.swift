import Foundation

/// Maps a numeric domain to a device range.
public struct LinearScale: Sendable {
    public var domain: (Double, Double)
    public var range: (Double, Double)
    public init(domain: (Double, Double), range: (Double, Double)) {
        self.domain = domain.0 == domain.1 ? (domain.0, domain.0 + 1) : domain
        self.range = range
    }
    public func callAsFunction(_ v: Double) -> Double {
        range.0 + (v - domain.0) / (domain.1 - domain.0) * (range.1 - range.0)
    }
    /// Nice scale whose domain is the tick extent.
    static func nice(_ lo: Double, _ hi: Double, range: (Double, Double), target: Int, integer: Bool = false) -> (LinearScale, [Double]) {
        let t = Ticks.nice(lo, hi, target: target, integer: integer)
        return (LinearScale(domain: (t.first!, t.last!), range: range), t)
    }
}

/// Discrete categories in equal bands with inner padding.
public struct BandScale: Sendable {
    public var count: Int
    public var range: (Double, Double)
    public var padding: Double
    public init(count: Int, range: (Double, Double), padding: Double = 0.2) {
        self.count = max(1, count); self.range = range; self.padding = padding
    }
    public var step: Double { (range.1 - range.0) / Double(count) }
    public var bandwidth: Double { step * (1 - padding) }
    public func start(_ i: Int) -> Double { range.0 + step * Double(i) + step * padding / 2 }
    public func center(_ i: Int) -> Double { range.0 + step * (Double(i) + 0.5) }
}

/// Whole years at points; a single year sits in the middle.
public struct YearScale: Sendable {
    public var first: Int, last: Int
    public var range: (Double, Double)
    public init(first: Int, last: Int, range: (Double, Double)) { self.first = first; self.last = last; self.range = range }
    public func callAsFunction(_ y: Int) -> Double {
        if first == last { return (range.0 + range.1) / 2 }
        return range.0 + Double(y - first) / Double(last - first) * (range.1 - range.0)
    }
}

/// Sequential colour: value in the domain to a light-to-dark ramp.
public struct SequentialColorScale: Sendable {
    public var domain: (Double, Double)
    public var colors: [Color]
    public init(domain: (Double, Double), colors: [Color]) { self.domain = domain; self.colors = colors }
    public func callAsFunction(_ v: Double) -> Color {
        let span = domain.1 - domain.0
        let t = span == 0 ? 0.5 : min(1, max(0, (v - domain.0) / span))
        return Self.ramp(colors, t)
    }
    static func ramp(_ colors: [Color], _ t: Double) -> Color {
        guard colors.count > 1 else { return colors.first ?? Color(r: 0, g: 0, b: 0) }
        let x = t * Double(colors.count - 1)
        let i = min(colors.count - 2, Int(x))
        return colors[i].mix(colors[i + 1], x - Double(i))
    }
}

/// Categorical colour: the i-th category gets the i-th palette colour, cycling.
public struct CategoricalColorScale: Sendable {
    public var colors: [Color]
    public init(colors: [Color]) { self.colors = colors }
    public func callAsFunction(_ i: Int) -> Color { colors[((i % colors.count) + colors.count) % colors.count] }
}
