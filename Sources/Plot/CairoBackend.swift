import CPNG
import CPangoCairo
import Foundation

/// Draws a scene with Cairo. Pointers stay inside these functions.
enum CairoBackend {
    static func draw(_ scene: Scene, on cr: OpaquePointer, backgroundPainted: Bool = false) {
        let ctx = pango_cairo_create_context(cr)!
        TextEngine.configure(ctx, language: scene.language)
        let layout = pango_layout_new(ctx)!
        var fonts: [FontSpec: OpaquePointer] = [:]
        defer {
            for (_, f) in fonts { pango_font_description_free(f) }
            g_object_unref(UnsafeMutableRawPointer(layout))
            g_object_unref(UnsafeMutableRawPointer(ctx))
        }
        func set(_ c: Color) { cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a) }

        if !backgroundPainted {
            set(scene.background)
            cairo_rectangle(cr, 0, 0, scene.width, scene.height)
            cairo_fill(cr)
        }
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND)
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT)

        for mark in scene.marks {
            switch mark {
            case let .rect(r, fill, stroke, lw):
                cairo_rectangle(cr, r.x, r.y, r.w, r.h)
                if let f = fill { set(f); if stroke != nil { cairo_fill_preserve(cr) } else { cairo_fill(cr) } }
                if let s = stroke { set(s); cairo_set_line_width(cr, lw); cairo_stroke(cr) }
            case let .line(pts, color, width, dash):
                guard let first = pts.first else { continue }
                cairo_move_to(cr, first.x, first.y)
                for p in pts.dropFirst() { cairo_line_to(cr, p.x, p.y) }
                set(color)
                cairo_set_line_width(cr, width)
                dash.withUnsafeBufferPointer { cairo_set_dash(cr, $0.baseAddress, Int32(dash.count), 0) }
                cairo_stroke(cr)
                if !dash.isEmpty { cairo_set_dash(cr, nil, 0, 0) }
            case let .marker(p, shape, r, fill, stroke, lw):
                switch shape {
                case .circle: cairo_new_sub_path(cr); cairo_arc(cr, p.x, p.y, r, 0, 2 * Double.pi)
                case .square: cairo_rectangle(cr, p.x - r, p.y - r, 2 * r, 2 * r)
                case .diamond:
                    let d = r * 1.3
                    cairo_move_to(cr, p.x, p.y - d); cairo_line_to(cr, p.x + d, p.y)
                    cairo_line_to(cr, p.x, p.y + d); cairo_line_to(cr, p.x - d, p.y); cairo_close_path(cr)
                }
                if let f = fill { set(f); if stroke != nil { cairo_fill_preserve(cr) } else { cairo_fill(cr) } }
                if let s = stroke { set(s); cairo_set_line_width(cr, lw); cairo_stroke(cr) }
            case let .text(t):
                let f: OpaquePointer
                if let x = fonts[t.font] { f = x } else { f = TextEngine.makeFont(t.font, fontList: scene.fontList); fonts[t.font] = f }
                pango_layout_set_font_description(layout, f)
                pango_layout_set_text(layout, t.text, -1)
                var logical = PangoRectangle()
                pango_layout_get_extents(layout, nil, &logical)
                let w = Double(logical.width) / Double(PANGO_SCALE), h = Double(logical.height) / Double(PANGO_SCALE)
                // Rotated text turns about its anchor point.
                let ox = t.rotation == 0 ? 0 : t.x, oy = t.rotation == 0 ? 0 : t.y
                if t.rotation != 0 { cairo_save(cr); cairo_translate(cr, ox, oy); cairo_rotate(cr, t.rotation) }
                let left: Double = t.anchor == .start ? t.x : (t.anchor == .middle ? t.x - w / 2 : t.x - w)
                let top: Double = t.vAnchor == .top ? t.y : (t.vAnchor == .middle ? t.y - h / 2 : t.y - h)
                set(t.color)
                cairo_move_to(cr, left - ox - Double(logical.x) / Double(PANGO_SCALE), top - oy - Double(logical.y) / Double(PANGO_SCALE))
                pango_cairo_show_layout(cr, layout)
                cairo_new_path(cr)
                if t.rotation != 0 { cairo_restore(cr) }
            }
        }
    }


    /// `timing` receives the drawing and encoding times (ns, thread CPU time) for the benchmark.
    static func png(_ scene: Scene, scale: Double, level: Int, timing: ((UInt64, UInt64) -> Void)?) throws -> Data {
        let pw = Int32((scene.width * scale).rounded()), ph = Int32((scene.height * scale).rounded())
        guard pw > 0, ph > 0, pw <= 32767, ph <= 32767 else { throw PlotError("PNG size \(pw)×\(ph) is out of range") }
        let t0 = timing == nil ? 0 : PlotBenchmark.cpuNow()
        // The pixels live in this thread's buffer, reused from chart to chart: no fresh pages to fault in and zero.
        let stride = cairo_format_stride_for_width(CAIRO_FORMAT_ARGB32, pw)
        let buffer = PixelBuffer.forThisThread(bytes: Int(stride) * Int(ph))
        defer { buffer.release() }
        let surface = cairo_image_surface_create_for_data(buffer.pointer, CAIRO_FORMAT_ARGB32, pw, ph, stride)!
        defer { cairo_surface_destroy(surface) }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else { throw PlotError("cannot create a \(pw)×\(ph) image") }
        let cr = cairo_create(surface)!
        // Every pixel gets the background (whatever the buffer held before), then the marks go over it.
        cairo_set_operator(cr, CAIRO_OPERATOR_SOURCE)
        cairo_set_source_rgba(cr, scene.background.r, scene.background.g, scene.background.b, scene.background.a)
        cairo_paint(cr)
        cairo_set_operator(cr, CAIRO_OPERATOR_OVER)
        cairo_scale(cr, scale, scale)
        draw(scene, on: cr, backgroundPainted: true)
        cairo_destroy(cr)
        cairo_surface_flush(surface)

        let t1 = timing == nil ? 0 : PlotBenchmark.cpuNow()
        guard let pixels = cairo_image_surface_get_data(surface) else { throw PlotError("no image data") }
        var out: UnsafeMutablePointer<UInt8>?
        var len = 0
        guard fz_png_encode_argb32(pixels, pw, ph, stride, Int32(min(9, max(0, level))), scene.background.a >= 1 ? 1 : 0, &out, &len) == 0, let bytes = out else {
            throw PlotError("PNG encoding failed")
        }
        defer { fz_png_free(bytes) }
        let data = Data(bytes: bytes, count: len)
        if let timing { timing(t1 - t0, PlotBenchmark.cpuNow() - t1) }
        return data
    }

    final class Sink { var data = Data() }

    private static let writeFunc: cairo_write_func_t = { closure, bytes, length in
        let sink = Unmanaged<Sink>.fromOpaque(closure!).takeUnretainedValue()
        if let b = bytes { sink.data.append(b, count: Int(length)) }
        return CAIRO_STATUS_SUCCESS
    }

    static func vector(_ scene: Scene, pdf: Bool) throws -> Data {
        let sink = Sink()
        let box = Unmanaged.passRetained(sink)
        defer { box.release() }
        let surface: OpaquePointer
        if pdf {
            surface = cairo_pdf_surface_create_for_stream(writeFunc, box.toOpaque(), scene.width, scene.height)
            cairo_pdf_surface_restrict_to_version(surface, CAIRO_PDF_VERSION_1_5)
            // No timestamps: the same chart gives the same bytes.
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, "2000-01-01T00:00:00Z")
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, "2000-01-01T00:00:00Z")
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, scene.title)
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, scene.description)
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "fazhi")
        } else {
            surface = cairo_svg_surface_create_for_stream(writeFunc, box.toOpaque(), scene.width, scene.height)
            cairo_svg_surface_restrict_to_version(surface, CAIRO_SVG_VERSION_1_1)
            cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PX)
        }
        let cr = cairo_create(surface)!
        draw(scene, on: cr)
        let status = cairo_status(cr)
        cairo_destroy(cr)
        cairo_surface_finish(surface)
        let sstatus = cairo_surface_status(surface)
        cairo_surface_destroy(surface)
        guard status == CAIRO_STATUS_SUCCESS, sstatus == CAIRO_STATUS_SUCCESS else {
            throw PlotError("cairo: \(String(cString: cairo_status_to_string(status == CAIRO_STATUS_SUCCESS ? sstatus : status)))")
        }
        if pdf { return sink.data }
        return insertTitle(into: sink.data, title: scene.title, description: scene.description)
    }

    /// Cairo names groups after a process-wide surface counter ("surface21"): renumber them in order of appearance.
    static func stableSurfaceIDs(_ svg: String) -> String {
        guard svg.contains("surface") else { return svg }
        var map: [Substring: String] = [:]
        var out = ""
        out.reserveCapacity(svg.utf8.count)
        var rest = Substring(svg)
        while let r = rest.range(of: "surface") {
            out += rest[..<r.upperBound]
            var end = r.upperBound
            while end < rest.endIndex, rest[end].isASCII, rest[end].isNumber { end = rest.index(after: end) }
            let digits = rest[r.upperBound..<end]
            if !digits.isEmpty {
                if map[digits] == nil { map[digits] = String(map.count + 1) }
                out += map[digits]!
            }
            rest = rest[end...]
        }
        out += rest
        return out
    }

    /// Cairo's SVG surface writes no <title> or <desc>: put them right after the root element.
    static func insertTitle(into svg: Data, title: String, description: String) -> Data {
        guard var text = String(data: svg, encoding: .utf8), let root = text.range(of: "<svg") else { return svg }
        text = stableSurfaceIDs(text)
        guard let close = text[root.upperBound...].firstIndex(of: ">") else { return svg }
        let insert = "\n<title>\(xmlEscaped(title))</title>\n<desc>\(xmlEscaped(description))</desc>"
        text.insert(contentsOf: insert, at: text.index(after: close))
        return Data(text.utf8)
    }
}

/// Decodes a PNG to 8-bit RGBA (used by golden tests to compare pixels).
func decodePNG(_ data: Data) -> (width: Int, height: Int, rgba: [UInt8])? {
    var out: UnsafeMutablePointer<UInt8>?
    var w: Int32 = 0, h: Int32 = 0
    let rc = data.withUnsafeBytes { raw -> Int32 in
        fz_png_decode_rgba(raw.bindMemory(to: UInt8.self).baseAddress, data.count, &out, &w, &h)
    }
    guard rc == 0, let p = out else { return nil }
    defer { fz_png_free(p) }
    return (Int(w), Int(h), Array(UnsafeBufferPointer(start: p, count: Int(w) * Int(h) * 4)))
}

/// Whether two PNG files hold the same image: the same size and the same pixels, however each was
/// compressed. fazhi promises the same pixels for the same chart (igzip may pick another, equally valid
/// match on another run), so a chart set compares its PNGs by this, not by their bytes.
public func samePNGImage(_ a: Data, _ b: Data) -> Bool {
    guard let x = decodePNG(a), let y = decodePNG(b) else { return false }
    return x.width == y.width && x.height == y.height && x.rgba == y.rgba
}

/// A pixel buffer kept per thread for PNG drawing. Images up to 16 MB reuse it; larger ones get their own.
final class PixelBuffer {
    private(set) var pointer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private let shared: Bool
    private init(bytes: Int, shared: Bool) {
        pointer = .allocate(capacity: max(1, bytes))
        capacity = max(1, bytes)
        self.shared = shared
    }
    deinit { pointer.deallocate() }

    static let maxShared = 16 << 20
    static func forThisThread(bytes: Int) -> PixelBuffer {
        guard bytes <= maxShared else { return PixelBuffer(bytes: bytes, shared: false) }
        let dict = Thread.current.threadDictionary
        let key = "fazhi.PixelBuffer"
        if let b = dict[key] as? PixelBuffer {
            if b.capacity < bytes {
                b.pointer.deallocate()
                b.pointer = .allocate(capacity: bytes)
                b.capacity = bytes
            }
            return b
        }
        let b = PixelBuffer(bytes: bytes, shared: true)
        dict[key] = b
        return b
    }
    /// Keeps an unshared buffer alive until here.
    func release() { withExtendedLifetime(self) {} }
}

/// Text safe inside XML and HTML: element content and double-quoted attributes.
public func xmlEscaped(_ s: String) -> String {
    var o = ""
    for c in s {
        switch c {
        case "&": o += "&amp;"
        case "<": o += "&lt;"
        case ">": o += "&gt;"
        case "\"": o += "&quot;"
        default: o.append(c)
        }
    }
    return o
}
