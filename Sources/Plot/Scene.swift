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
    /// Rotation in radians about (x, y), clockwise on the page: −π/4 reads upwards to the right.
    /// The anchors place the unrotated text relative to (x, y), then it turns about that point.
    public var rotation: Double = 0

    /// The unrotated logical box.
    var localBox: Rect {
        let left: Double = anchor == .start ? x : (anchor == .middle ? x - width / 2 : x - width)
        let top: Double = vAnchor == .top ? y : (vAnchor == .middle ? y - height / 2 : y - height)
        return Rect(x: left, y: top, w: width, h: height)
    }
    var localInkBox: Rect {
        let b = localBox
        let h = min(b.h, font.size * 1.2)
        return Rect(x: b.x, y: b.y + (b.h - h) / 2, w: b.w, h: h)
    }
    /// The corners of a box turned by `rotation` about (x, y).
    func turned(_ r: Rect) -> [Point] {
        let c = cos(rotation), s = sin(rotation)
        return [Point(r.x, r.y), Point(r.maxX, r.y), Point(r.maxX, r.maxY), Point(r.x, r.maxY)].map { p in
            let dx = p.x - x, dy = p.y - y
            return Point(x + dx * c - dy * s, y + dx * s + dy * c)
        }
    }
    static func bounds(_ pts: [Point]) -> Rect {
        let xs = pts.map(\.x), ys = pts.map(\.y)
        return Rect(x: xs.min()!, y: ys.min()!, w: xs.max()! - xs.min()!, h: ys.max()! - ys.min()!)
    }
    /// Labels that must not overlap others (all text but decorations); for rotated text the upright box around it.
    public var box: Rect { rotation == 0 ? localBox : TextMark.bounds(turned(localBox)) }
    /// The box the glyphs occupy: the logical box without the font's generous line gap (CJK ascent/descent).
    /// For rotated text the upright box around the turned glyph box.
    public var inkBox: Rect { rotation == 0 ? localInkBox : TextMark.bounds(turned(localInkBox)) }
    /// The corners of the glyph box as drawn (turned when rotated).
    public var inkCorners: [Point] { turned(localInkBox) }

    /// Whether the glyph boxes of two labels overlap by more than `t` (separating axes, so rotated labels
    /// side by side do not count as overlapping just because their upright boxes do).
    public func inkOverlaps(_ o: TextMark, tolerance t: Double = 0.5) -> Bool {
        if rotation == 0 && o.rotation == 0 { return inkBox.intersects(o.inkBox, tolerance: t) }
        let a = inkCorners, b = o.inkCorners
        for poly in [a, b] {
            for i in 0..<2 {
                let e = Point(poly[i + 1].x - poly[i].x, poly[i + 1].y - poly[i].y)
                let len = (e.x * e.x + e.y * e.y).squareRoot()
                guard len > 0 else { continue }
                let axis = Point(-e.y / len, e.x / len)
                let pa = a.map { $0.x * axis.x + $0.y * axis.y }, pb = b.map { $0.x * axis.x + $0.y * axis.y }
                if pa.max()! <= pb.min()! + t || pb.max()! <= pa.min()! + t { return false }
            }
        }
        return true
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
