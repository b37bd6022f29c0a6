/// The readable text of an HTML page, in one pass over the markup without a parser.
///
/// Keeps the `<title>` as the first line, drops scripts, styles, the head, navigation,
/// headers, footers, forms and elements whose class or id names them (nav, menu,
/// breadcrumb, …); block elements become line breaks; entities are decoded, each
/// decoded character pointing at the offset of its `&`. Offsets are scalar offsets
/// into the markup string. A table row becomes one line of bar-separated cells
/// (`| 项目 | 数量 |`, as `TableFinder` reads it), a cell spanning columns or rows leaving
/// an empty cell in each place it covers.
public enum HTMLText {
    public static func extract(_ html: String) -> NormalizedText {
        var scanner = HTMLScanner(markup: Array(html.unicodeScalars))
        return scanner.run()
    }
}

private let droppedElements: Set<String> = [
    "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "select",
    "button", "iframe", "svg", "template", "object", "canvas", "textarea", "option", "datalist",
]
private let rawTextElements: Set<String> = ["script", "style", "textarea", "xmp", "noscript", "iframe", "template"]
private let voidElements: Set<String> = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr",
]
private let blockElements: Set<String> = [
    "p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section",
    "article", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "hr", "tbody", "thead",
    "tfoot", "caption", "figure", "figcaption", "address", "center", "main", "body", "html",
    "title", "fieldset", "legend", "details", "summary",
]
private let implicitlyClosed: Set<String> = ["li", "p", "dt", "dd", "option", "td", "th", "tr"]
private let cellElements: Set<String> = ["td", "th"]
/// Never dropped for their class or id: dropping them would drop the whole page.
private let protectedElements: Set<String> = ["html", "body", "main"]
private let droppedClassWords = ["nav", "menu", "breadcrumb", "footer", "header", "sidebar", "share", "crumb"]

private struct HTMLScanner {
    let m: [Unicode.Scalar]
    var out: NormalizingBuilder
    var i = 0
    var inHead = false
    var titleDone = false
    /// The element being dropped and how deeply it is nested in itself.
    var dropName: String? = nil
    var dropDepth = 0
    /// Other elements opened and not yet closed inside the dropped one.
    var dropInnerDepth = 0
    /// The tables open around the scanner, innermost last.
    var tables: [TableState] = []
    /// Empty cells to write after the open cell for the columns it spans.
    var pendingSpan = 0

    /// Where the scanner is in one table: the row's cells so far and the cells spanning down from above.
    struct TableState {
        var rowOpen = false
        var cellOpen = false
        /// Where the open cell's text begins in the output.
        var cellStart = 0
        var column = 0
        /// Per column, how many more rows a cell from above covers.
        var rowsCovered: [Int] = []
    }

    init(markup: [Unicode.Scalar]) {
        m = markup
        out = NormalizingBuilder(capacity: markup.count / 3 + 16, maxNewlines: 1)
    }

    var dropping: Bool { dropName != nil || inHead }

    mutating func run() -> NormalizedText {
        let n = m.count
        while i < n {
            let c = m[i]
            if c == "<" {
                if tag() { continue }
                if !dropping { out.append(c, at: i) }
                i += 1
            } else if c == "&" {
                if dropping { i += 1; continue }
                let start = i
                if let (decoded, next) = entity(at: i) {
                    for s in decoded { out.append(s, at: start) }
                    i = next
                } else {
                    out.append(c, at: i)
                    i += 1
                }
            } else {
                if !dropping {
                    switch c {
                    case "\n", "\r", "\t", "\u{0C}": out.append(" ", at: i)
                    default: out.append(c, at: i)
                    }
                }
                i += 1
            }
        }
        return out.finish()
    }

    // MARK: Tags

    @inline(__always) static func isASCIILetter(_ s: Unicode.Scalar) -> Bool {
        (s.value | 0x20) >= 0x61 && (s.value | 0x20) <= 0x7A
    }
    @inline(__always) static func isSpace(_ s: Unicode.Scalar) -> Bool {
        s == " " || s == "\n" || s == "\t" || s == "\r" || s == "\u{0C}"
    }
    @inline(__always) static func lower(_ s: Unicode.Scalar) -> Unicode.Scalar {
        (s.value >= 0x41 && s.value <= 0x5A) ? Unicode.Scalar(s.value | 0x20)! : s
    }

    /// Handles the markup at `i` (a `<`); returns false when it is a literal `<`.
    mutating func tag() -> Bool {
        let n = m.count
        guard i + 1 < n else { return false }
        let next = m[i + 1]
        if next == "!" {
            if i + 3 < n && m[i + 2] == "-" && m[i + 3] == "-" {
                i = find("-->", from: i + 4).map { $0 + 3 } ?? n
            } else {
                i = find(">", from: i + 2).map { $0 + 1 } ?? n
            }
            return true
        }
        if next == "?" {
            i = find(">", from: i + 2).map { $0 + 1 } ?? n
            return true
        }
        let isEnd = next == "/"
        var j = isEnd ? i + 2 : i + 1
        guard j < n, HTMLScanner.isASCIILetter(m[j]) else {
            if isEnd {  // `</>` or `</ junk>`: ignored like a browser does
                i = find(">", from: j).map { $0 + 1 } ?? n
                return true
            }
            return false
        }
        let tagStart = i
        var name = ""
        while j < n, !HTMLScanner.isSpace(m[j]), m[j] != ">", m[j] != "/" {
            name.unicodeScalars.append(HTMLScanner.lower(m[j]))
            j += 1
        }
        // Attributes: remember class and id values, respect quotes.
        var classAndID = ""
        var colspan = 1, rowspan = 1
        var selfClosing = false
        while j < n, m[j] != ">" {
            let c = m[j]
            if c == "/" { selfClosing = true; j += 1; continue }
            if HTMLScanner.isSpace(c) { j += 1; continue }
            selfClosing = false
            var attr = ""
            while j < n, !HTMLScanner.isSpace(m[j]), m[j] != ">", m[j] != "=", m[j] != "/" {
                attr.unicodeScalars.append(HTMLScanner.lower(m[j]))
                j += 1
            }
            if attr.isEmpty { j += 1; continue }
            while j < n, HTMLScanner.isSpace(m[j]) { j += 1 }
            guard j < n, m[j] == "=" else { continue }
            j += 1
            while j < n, HTMLScanner.isSpace(m[j]) { j += 1 }
            var value = ""
            if j < n, m[j] == "\"" || m[j] == "'" {
                let quote = m[j]
                j += 1
                while j < n, m[j] != quote { value.unicodeScalars.append(HTMLScanner.lower(m[j])); j += 1 }
                j += 1
            } else {
                while j < n, !HTMLScanner.isSpace(m[j]), m[j] != ">" { value.unicodeScalars.append(HTMLScanner.lower(m[j])); j += 1 }
            }
            if attr == "class" || attr == "id" { classAndID += " " + value }
            if attr == "colspan", let n = Int(value), n > 1 { colspan = min(n, 50) }
            if attr == "rowspan", let n = Int(value), n > 1 { rowspan = min(n, 500) }
        }
        i = min(j + 1, n)
        if isEnd { endTag(name, at: tagStart) } else {
            startTag(name, classAndID: classAndID, selfClosing: selfClosing, at: tagStart, colspan: colspan, rowspan: rowspan)
        }
        return true
    }

    mutating func startTag(_ name: String, classAndID: String, selfClosing: Bool, at offset: Int,
                           colspan: Int = 1, rowspan: Int = 1) {
        if name == "title" && !titleDone && dropName == nil {
            titleDone = true
            let end = findEndTag("title", from: i)
            emitText(from: i, to: end.contentEnd)
            out.newline(at: end.contentEnd)
            i = end.after
            return
        }
        if rawTextElements.contains(name) {
            i = findEndTag(name, from: i).after
            return
        }
        if name == "head" { inHead = true; return }
        if name == "body" { inHead = false }
        let isVoid = voidElements.contains(name) || selfClosing
        if let dropped = dropName {
            // Elements whose end tag may be left out (a menu of `<li>` without `</li>`)
            // do not nest in themselves here.
            if name == dropped && !isVoid && !implicitlyClosed.contains(name) { dropDepth += 1 }
            else if name != dropped && !isVoid && !implicitlyClosed.contains(name) { dropInnerDepth += 1 }
            return
        }
        if inHead { return }
        if !isVoid && (droppedElements.contains(name) || (!protectedElements.contains(name) && classNamesNoise(classAndID))) {
            dropName = name
            dropDepth = 1
            dropInnerDepth = 0
            out.newline(at: offset)
            return
        }
        switch name {
        case "table": tables.append(TableState()); out.newline(at: offset); return
        case "tr": startRow(at: offset); return
        case "td", "th":
            if !tables.isEmpty { startCell(at: offset, colspan: colspan, rowspan: rowspan); return }
        default: break
        }
        if blockElements.contains(name) {
            if inShortCell { out.append(" ", at: offset) } else { out.newline(at: offset) }
        }
        else if cellElements.contains(name) { out.append("\t", at: offset) }
    }

    // MARK: Tables

    mutating func startRow(at offset: Int) {
        guard !tables.isEmpty else { out.newline(at: offset); return }
        endRow(at: offset)
        out.newline(at: offset)
        out.append("|", at: offset)
        tables[tables.count - 1].rowOpen = true
        tables[tables.count - 1].column = 0
    }

    mutating func endRow(at offset: Int) {
        guard var t = tables.last, t.rowOpen else { return }
        if t.cellOpen { endCell(at: offset); t = tables.last! }
        // Columns still covered from above at the row's end.
        while t.column < t.rowsCovered.count && t.rowsCovered[t.column] > 0 {
            t.rowsCovered[t.column] -= 1
            t.column += 1
            out.append(" ", at: offset)
            out.append("|", at: offset)
        }
        t.rowOpen = false
        tables[tables.count - 1] = t
        out.newline(at: offset)
    }

    mutating func startCell(at offset: Int, colspan: Int, rowspan: Int) {
        if !tables[tables.count - 1].rowOpen { startRow(at: offset) }
        if tables[tables.count - 1].cellOpen { endCell(at: offset) }
        var t = tables[tables.count - 1]
        // A cell of a row above that spans down into this row: an empty cell in its place.
        while t.column < t.rowsCovered.count && t.rowsCovered[t.column] > 0 {
            t.rowsCovered[t.column] -= 1
            t.column += 1
            out.append(" ", at: offset)
            out.append("|", at: offset)
        }
        if t.rowsCovered.count < t.column + colspan {
            t.rowsCovered += Array(repeating: 0, count: t.column + colspan - t.rowsCovered.count)
        }
        for c in t.column..<(t.column + colspan) { t.rowsCovered[c] = rowspan - 1 }
        t.column += colspan
        t.cellOpen = true
        t.cellStart = out.scalars.count
        // The columns a cell spans beyond its first: empty cells after it (written when it closes).
        pendingSpan = colspan - 1
        tables[tables.count - 1] = t
        out.append(" ", at: offset)
    }

    mutating func endCell(at offset: Int) {
        guard !tables.isEmpty, tables[tables.count - 1].cellOpen else { return }
        tables[tables.count - 1].cellOpen = false
        out.append(" ", at: offset)
        out.append("|", at: offset)
        for _ in 0..<max(0, pendingSpan) {
            out.append(" ", at: offset)
            out.append("|", at: offset)
        }
        pendingSpan = 0
    }

    mutating func endTag(_ name: String, at offset: Int) {
        if name == "head" { inHead = false; return }
        if let dropped = dropName {
            if name == dropped {
                dropDepth -= 1
                if dropDepth == 0 { dropName = nil; dropInnerDepth = 0 }
                return
            }
            if implicitlyClosed.contains(name) || voidElements.contains(name) { return }
            if dropInnerDepth > 0 { dropInnerDepth -= 1; return }
            // The end tag of an element opened before the dropped one: the dropped element
            // was left unclosed (`<li class="menu">…</ul>`), so the drop ends here.
            dropName = nil
            dropDepth = 0
        }
        if inHead { return }
        switch name {
        case "table":
            if !tables.isEmpty { endRow(at: offset); tables.removeLast() }
            out.newline(at: offset)
            return
        case "tr": endRow(at: offset); return
        case "td", "th":
            if !tables.isEmpty { endCell(at: offset); return }
        default: break
        }
        if blockElements.contains(name) {
            if inShortCell { out.append(" ", at: offset) } else { out.newline(at: offset) }
        }
        else if cellElements.contains(name) { out.append("\t", at: offset) }
    }

    /// Inside a short table cell a paragraph or line break is a space, so that the row stays one line;
    /// a long cell (a page laid out in a table) keeps its lines.
    var inShortCell: Bool {
        guard let t = tables.last, t.cellOpen else { return false }
        return out.scalars.count - t.cellStart < 200
    }

    func classNamesNoise(_ value: String) -> Bool {
        if value.isEmpty { return false }
        for word in droppedClassWords where value.contains(word) { return true }
        return false
    }

    /// Text of an RCDATA element (the title): entities decoded, whitespace as spaces.
    mutating func emitText(from start: Int, to end: Int) {
        var k = start
        while k < end {
            let c = m[k]
            if c == "&", let (decoded, next) = entity(at: k), next <= end {
                for s in decoded { out.append(s, at: k) }
                k = next
            } else {
                out.append(HTMLScanner.isSpace(c) ? " " : c, at: k)
                k += 1
            }
        }
    }

    func find(_ needle: String, from start: Int) -> Int? {
        let pattern = Array(needle.unicodeScalars)
        var k = start
        let n = m.count
        while k + pattern.count <= n {
            if m[k] == pattern[0] {
                var ok = true
                for t in 1..<pattern.count where m[k + t] != pattern[t] { ok = false; break }
                if ok { return k }
            }
            k += 1
        }
        return nil
    }

    /// The end tag `</name` (any case) from `start`: where the content ends and after the `>`.
    func findEndTag(_ name: String, from start: Int) -> (contentEnd: Int, after: Int) {
        let pattern = Array(name.unicodeScalars)
        let n = m.count
        var k = start
        while k + 1 < n {
            if m[k] == "<" && m[k + 1] == "/" {
                var t = 0
                while t < pattern.count, k + 2 + t < n, HTMLScanner.lower(m[k + 2 + t]) == pattern[t] { t += 1 }
                if t == pattern.count {
                    let after = k + 2 + t
                    if after >= n || HTMLScanner.isSpace(m[after]) || m[after] == ">" {
                        return (k, find(">", from: after).map { $0 + 1 } ?? n)
                    }
                }
            }
            k += 1
        }
        return (n, n)
    }

    // MARK: Entities

    /// The character(s) of the entity at `start` (an `&`) and the index after it.
    func entity(at start: Int) -> ([Unicode.Scalar], Int)? {
        let n = m.count
        var k = start + 1
        guard k < n else { return nil }
        if m[k] == "#" {
            k += 1
            var hex = false
            if k < n, m[k] == "x" || m[k] == "X" { hex = true; k += 1 }
            var value: UInt32 = 0
            var digits = 0
            while k < n, let d = hexValue(m[k]), hex || d < 10 {
                value = value &* (hex ? 16 : 10) &+ d
                if value > 0x10FFFF { value = 0x110000 }
                digits += 1
                k += 1
            }
            guard digits > 0 else { return nil }
            if k < n, m[k] == ";" { k += 1 }
            let scalar = (value == 0 ? nil : Unicode.Scalar(value)) ?? "\u{FFFD}"
            return ([scalar], k)
        }
        var name = ""
        while k < n, k - start <= 32, HTMLScanner.isASCIILetter(m[k]) || (m[k].value >= 0x30 && m[k].value <= 0x39) {
            name.unicodeScalars.append(m[k])
            k += 1
        }
        guard !name.isEmpty else { return nil }
        if k < n, m[k] == ";" {
            if let s = namedEntities[name] { return (s, k + 1) }
            return nil
        }
        // Legacy entities written without `;`.
        if let s = namedEntities[name], ["nbsp", "amp", "lt", "gt", "quot", "copy", "reg"].contains(name) {
            return (s, k)
        }
        return nil
    }

    @inline(__always) func hexValue(_ s: Unicode.Scalar) -> UInt32? {
        switch s.value {
        case 0x30...0x39: return s.value - 0x30
        case 0x41...0x46: return s.value - 0x41 + 10
        case 0x61...0x66: return s.value - 0x61 + 10
        default: return nil
        }
    }
}

private let namedEntities: [String: [Unicode.Scalar]] = [
    "nbsp": ["\u{A0}"], "amp": ["&"], "lt": ["<"], "gt": [">"], "quot": ["\""], "apos": ["'"],
    "ldquo": ["\u{201C}"], "rdquo": ["\u{201D}"], "lsquo": ["\u{2018}"], "rsquo": ["\u{2019}"],
    "mdash": ["\u{2014}"], "ndash": ["\u{2013}"], "hellip": ["\u{2026}"], "middot": ["\u{B7}"],
    "bull": ["\u{2022}"], "times": ["\u{D7}"], "divide": ["\u{F7}"], "copy": ["\u{A9}"],
    "reg": ["\u{AE}"], "trade": ["\u{2122}"], "ensp": ["\u{2002}"], "emsp": ["\u{2003}"],
    "thinsp": ["\u{2009}"], "zwj": ["\u{200D}"], "zwnj": ["\u{200C}"], "deg": ["\u{B0}"],
    "plusmn": ["\u{B1}"], "yen": ["\u{A5}"], "laquo": ["\u{AB}"], "raquo": ["\u{BB}"],
    "sect": ["\u{A7}"], "para": ["\u{B6}"], "permil": ["\u{2030}"], "larr": ["\u{2190}"],
    "rarr": ["\u{2192}"], "uarr": ["\u{2191}"], "darr": ["\u{2193}"], "lsaquo": ["\u{2039}"],
    "rsaquo": ["\u{203A}"], "sbquo": ["\u{201A}"], "bdquo": ["\u{201E}"], "prime": ["\u{2032}"],
    "Prime": ["\u{2033}"], "le": ["\u{2264}"], "ge": ["\u{2265}"], "ne": ["\u{2260}"],
    "frac12": ["\u{BD}"], "frac14": ["\u{BC}"], "frac34": ["\u{BE}"], "sup2": ["\u{B2}"],
    "sup3": ["\u{B3}"], "micro": ["\u{B5}"], "cent": ["\u{A2}"], "pound": ["\u{A3}"],
    "euro": ["\u{20AC}"], "iexcl": ["\u{A1}"], "iquest": ["\u{BF}"], "shy": ["\u{AD}"],
    "AMP": ["&"], "LT": ["<"], "GT": [">"], "QUOT": ["\""], "NBSP": ["\u{A0}"],
]
