import Foundation

public struct Point: Sendable, Hashable { public var x: Double, y: Double
    public init(_ x: Double, _ y: Double) { self.x = x; self.y = y } }

public struct Rect: Sendable, Hashable {
    public var x: Double, y: Double, w: Double, h: Double
    public init(x: Double, y: Double, w: Double, h: Double) { self.x = x; self.y = y; self.w = w; self.h = h }
    public var maxX: Double { x + w }
    public var maxY: Double { y + h }
    public func intersects(_ o: Rect, tolerance t: Double = 0.5) -> Bool {
        x + t < o.maxX && o.x + t < maxX && y + t < o.maxY && o.y + t < maxY
    }
    public func contains(_ o: Rect, tolerance t: Double = 0.5) -> Bool {
        o.x >= x - t && o.y >= y - t && o.maxX <= maxX + t && o.maxY <= maxY + t
    }
}

public struct FontSpec: Sendable, Hashable {
    public var size: Double
    public var bold: Bool
    public init(size: Double, bold: Bool = false) { self.size = size; self.bold = bold }
}

public enum HAnchor: Sendable { case start, middle, end }
public enum VAnchor: Sendable { case top, middle, bottom }

public struct TextMark: Sendable {
    public var text: String
    public var x: Double, y: Double
    public var anchor: HAnchor, vAnchor: VAnchor
    public var font: FontSpec
    public var color: Color
    /// Measured size of the text (Pango logical extents).
    public var width: Double, height: Double
    /// Labels that must not overlap others (all text but decorations).
    public var box: Rect {
        let left: Double = anchor == .start ? x : (anchor == .middle ? x - width / 2 : x - width)
        let top: Double = vAnchor == .top ? y : (vAnchor == .middle ? y - height / 2 : y - height)
        return Rect(x: left, y: top, w: width, h: height)
    }
    /// The box the glyphs occupy: the logical box without the font's generous line gap (CJK ascent/descent).
    public var inkBox: Rect {
        let b = box
        let h = min(b.h, font.size * 1.2)
        return Rect(x: b.x, y: b.y + (b.h - h) / 2, w: b.w, h: h)
    }
}

public enum MarkerShape: Sendable { case circle, square, diamond }

public enum Mark: Sendable {
    case rect(Rect, fill: Color?, stroke: Color?, lineWidth: Double)
    case line([Point], color: Color, width: Double, dash: [Double])
    case marker(Point, shape: MarkerShape, radius: Double, fill: Color?, stroke: Color?, lineWidth: Double)
    case text(TextMark)
}

/// A chart laid out in device units: what the Cairo backend draws.
public struct Scene: Sendable {
    public var width: Double, height: Double
    public var background: Color
    public var fontList: String
    public var language: String
    public var marks: [Mark] = []
    public var title: String
    public var description: String

    public var texts: [TextMark] { marks.compactMap { if case .text(let t) = $0 { return t } else { return nil } } }
}

extension Mark {
    /// The same mark moved by (dx, dy).
    public func offsetBy(_ dx: Double, _ dy: Double) -> Mark {
        switch self {
        case let .rect(r, fill, stroke, lw):
            return .rect(Rect(x: r.x + dx, y: r.y + dy, w: r.w, h: r.h), fill: fill, stroke: stroke, lineWidth: lw)
        case let .line(pts, color, width, dash):
            return .line(pts.map { Point($0.x + dx, $0.y + dy) }, color: color, width: width, dash: dash)
        case let .marker(p, shape, r, fill, stroke, lw):
            return .marker(Point(p.x + dx, p.y + dy), shape: shape, radius: r, fill: fill, stroke: stroke, lineWidth: lw)
        case var .text(t):
            t.x += dx; t.y += dy
            return .text(t)
        }
    }
}

extension Scene {
    /// The scene's marks placed with its top-left corner at `origin` of a larger scene (a page).
    /// A background different from the page's is drawn as a rectangle first.
    public func marks(placedAt origin: Point, onBackground page: Color? = nil) -> [Mark] {
        var out: [Mark] = []
        out.reserveCapacity(marks.count + 1)
        if let page, page != background, background.a > 0 {
            out.append(.rect(Rect(x: origin.x, y: origin.y, w: width, h: height), fill: background, stroke: nil, lineWidth: 0))
        }
        for m in marks { out.append(m.offsetBy(origin.x, origin.y)) }
        return out
    }
}
