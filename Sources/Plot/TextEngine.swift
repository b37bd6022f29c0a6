import CPangoCairo
import Foundation

/// Pango text measurement for layout. One per render; not shared across threads.
final class TextEngine {
    private let context: OpaquePointer
    private let layout: OpaquePointer
    private var fonts: [FontSpec: OpaquePointer] = [:]
    private var cache: [String: (Double, Double)] = [:]
    let fontList: String

    init(fontList: String, language: String) {
        self.fontList = fontList
        let map = pango_cairo_font_map_get_default()
        context = pango_font_map_create_context(map)
        TextEngine.configure(context, language: language)
        layout = pango_layout_new(context)
    }

    deinit {
        for (_, f) in fonts { pango_font_description_free(f) }
        g_object_unref(UnsafeMutableRawPointer(layout))
        g_object_unref(UnsafeMutableRawPointer(context))
    }

    /// Same font options for measuring and drawing on every surface: no hinting of metrics,
    /// so text measured here has the same size in PNG, SVG and PDF.
    static func configure(_ context: OpaquePointer, language: String) {
        let fo = cairo_font_options_create()
        cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_antialias(fo, CAIRO_ANTIALIAS_GRAY)
        pango_cairo_context_set_font_options(context, fo)
        cairo_font_options_destroy(fo)
        pango_context_set_language(context, pango_language_from_string(language))
    }

    static func makeFont(_ spec: FontSpec, fontList: String) -> OpaquePointer {
        let d = pango_font_description_new()!
        pango_font_description_set_family(d, fontList)
        pango_font_description_set_absolute_size(d, spec.size * Double(PANGO_SCALE))
        pango_font_description_set_weight(d, spec.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        return d
    }

    private func font(_ spec: FontSpec) -> OpaquePointer {
        if let f = fonts[spec] { return f }
        let f = TextEngine.makeFont(spec, fontList: fontList)
        fonts[spec] = f
        return f
    }

    private func setUp(_ text: String, _ spec: FontSpec) {
        pango_layout_set_font_description(layout, font(spec))
        pango_layout_set_text(layout, text, -1)
    }

    /// Logical width and height of one line of text.
    func size(_ text: String, _ spec: FontSpec) -> (w: Double, h: Double) {
        let key = "\(spec.size)|\(spec.bold)|\(text)"
        if let s = cache[key] { return s }
        setUp(text, spec)
        var logical = PangoRectangle()
        pango_layout_get_extents(layout, nil, &logical)
        let s = (Double(logical.width) / Double(PANGO_SCALE), Double(logical.height) / Double(PANGO_SCALE))
        cache[key] = s
        return s
    }

    func width(_ text: String, _ spec: FontSpec) -> Double { size(text, spec).w }

    /// This thread's engine for the font list and language: the Pango context, fonts and measured sizes
    /// carry over from one chart to the next (a batch draws many charts with the same words).
    static func forThisThread(fontList: String, language: String) -> TextEngine {
        let key = "fazhi.TextEngine|" + fontList + "|" + language
        let dict = Thread.current.threadDictionary
        if let e = dict[key] as? TextEngine {
            if e.cache.count > 50_000 { e.cache.removeAll(keepingCapacity: true) }
            return e
        }
        let e = TextEngine(fontList: fontList, language: language)
        dict[key] = e
        return e
    }

    /// Characters Pango could not find in any font (drawn as boxes).
    func unknownGlyphs(_ text: String, _ spec: FontSpec) -> Int {
        setUp(text, spec)
        return Int(pango_layout_get_unknown_glyphs_count(layout))
    }

    /// The text, shortened with an ellipsis only if it is wider than `maxWidth`.
    func fit(_ text: String, _ spec: FontSpec, maxWidth: Double) -> String {
        if width(text, spec) <= maxWidth { return text }
        let chars = Array(text)
        var lo = 0, hi = chars.count - 1
        // Largest prefix that fits with "…".
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if width(String(chars[0..<mid]) + "…", spec) <= maxWidth { lo = mid } else { hi = mid - 1 }
        }
        if lo == 0 { return width("…", spec) <= maxWidth ? "…" : "" }
        return String(chars[0..<lo]) + "…"
    }

    /// Greedy line breaking by characters (Chinese breaks anywhere; Latin words are kept whole
    /// when possible); the last allowed line is ellipsized.
    func wrap(_ text: String, _ spec: FontSpec, maxWidth: Double, maxLines: Int) -> [String] {
        if width(text, spec) <= maxWidth { return [text] }
        var lines: [String] = []
        var rest = Substring(text)
        while !rest.isEmpty {
            if lines.count == maxLines - 1 {
                lines.append(fit(String(rest), spec, maxWidth: maxWidth))
                break
            }
            if width(String(rest), spec) <= maxWidth { lines.append(String(rest)); break }
            let chars = Array(rest)
            var lo = 1, hi = chars.count
            while lo < hi {
                let mid = (lo + hi + 1) / 2
                if width(String(chars[0..<mid]), spec) <= maxWidth { lo = mid } else { hi = mid - 1 }
            }
            var cut = lo
            // Do not split an ASCII word or number if a space or CJK boundary is near.
            if cut < chars.count, chars[cut].isASCII, chars[cut].isLetter || chars[cut].isNumber {
                var c = cut
                while c > 1, chars[c - 1].isASCII, chars[c - 1].isLetter || chars[c - 1].isNumber || chars[c - 1] == "." || chars[c - 1] == "," { c -= 1 }
                if c > cut / 2 { cut = c }
            }
            // Keep closing punctuation with the line before.
            while cut < chars.count, cut > 1, "，。、；：！？）》”".contains(chars[cut]) { cut -= 1 }
            lines.append(String(chars[0..<cut]).trimmingCharacters(in: .whitespaces))
            rest = Substring(String(chars[cut...])).drop(while: { $0 == " " })
        }
        return lines
    }
}

/// Start-up probe: how many characters of `text` have no glyph in the installed fonts (0 means CJK works).
public func unknownGlyphCount(_ text: String, theme: Theme = Theme()) -> Int {
    let e = TextEngine(fontList: theme.fontList, language: theme.language)
    return e.unknownGlyphs(text, FontSpec(size: 14))
}
