/// Pages of laid-out text (PDF, OFD, OCR) to one running text, as the report was written:
/// headers, footers and page numbers that repeat on the pages dropped, and a line the layout
/// broke inside a sentence or inside a number joined again.
public enum PageAssembler {
    /// The running text and where each page starts in it (Unicode scalars, one per page).
    public static func assemble(_ pages: [String]) -> (text: String, pageStarts: [Int]) {
        let lined = pages.map { page in
            page.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" || $0 == "\u{0C}" }
                .map { trimmed(String($0)) }
                .filter { !$0.isEmpty }
        }
        let kept = dropFurniture(lined)
        var text = String.UnicodeScalarView()
        var count = 0
        var starts: [Int] = []
        var previous: String?
        var previousFull = false
        // A full line's width: the third widest of the document, so that a page of two short lines
        // (a title over a sentence) has no "full" line, while a page of running text has many.
        let widths = kept.joined().map(width).sorted(by: >)
        let widest = widths.count >= 3 ? widths[2] : Int.max
        for lines in kept {
            var first = true
            for line in lines {
                if let previous {
                    if !joins(previous, line, previousFull: previousFull) {
                        text.append("\n")
                        count += 1
                    } else if needsSpace(previous, line) {
                        text.append(" ")
                        count += 1
                    }
                }
                if first { starts.append(count); first = false }
                text.append(contentsOf: line.unicodeScalars)
                count += line.unicodeScalars.count
                previous = line
                // A line that runs (nearly) to the page's widest is one the layout broke.
                previousFull = widest < Int.max && width(line) * 10 >= widest * 9 && width(line) >= 20
            }
            if first { starts.append(count) }   // a page with no text left starts where the next would
        }
        return (String(text), starts)
    }

    // MARK: - Furniture

    /// Lines at the top or bottom two of a page that repeat on the pages (digits aside: a header
    /// with the page's number in it), and page numbers, are dropped. A page number in words or
    /// dashes (`第3页`, `- 3 -`) always is; a bare number only where the bare numbers at the pages'
    /// edges count the pages (3 on page 3, 4 on page 4…): a table's last figure stays.
    static func dropFurniture(_ pages: [[String]]) -> [[String]] {
        let edge = 2
        func atEdge(_ i: Int, _ lines: [String]) -> Bool { i < edge || i >= lines.count - edge }
        var seen: [String: Int] = [:]
        var bareOffsets: [Int: Int] = [:]   // number − page, counted once a page
        for (p, lines) in pages.enumerated() {
            var keys = Set<String>(), offsets = Set<Int>()
            for (i, line) in lines.enumerated() where atEdge(i, lines) {
                keys.insert(key(line))
                if let number = pageNumber(line), !number.marked { offsets.insert(number.value - (p + 1)) }
            }
            for k in keys { seen[k, default: 0] += 1 }
            for o in offsets { bareOffsets[o, default: 0] += 1 }
        }
        // On every page; with four pages or more a title page without the header is allowed.
        let needed = pages.count >= 4 ? pages.count - 1 : pages.count
        return pages.enumerated().map { p, lines in
            lines.enumerated().compactMap { i, line in
                guard atEdge(i, lines) else { return line }
                if let number = pageNumber(line) {
                    if number.marked { return nil }
                    let offset = number.value - (p + 1)
                    if bareOffsets[offset, default: 0] >= 2 || (pages.count == 1 && offset == 0) { return nil }
                    return line
                }
                if pages.count >= 2 && seen[key(line), default: 0] >= needed { return nil }
                return line
            }
        }
    }

    /// The number of a page-number line (`3`, `- 3 -`, `— 3 —`, `第3页`, `第 3 页 共 12 页`, `3/12`,
    /// `Page 3 of 12`), and whether anything beside digits marks it as one.
    static func pageNumber(_ line: String) -> (value: Int, marked: Bool)? {
        guard isPageNumber(line) else { return nil }
        let digits = line.unicodeScalars.drop { !isDigit($0) }.prefix { isDigit($0) }
        let ascii = String(String.UnicodeScalarView(digits.map { $0.value >= 0xFF10 ? Unicode.Scalar($0.value - 0xFF10 + 0x30)! : $0 }))
        guard let value = Int(ascii) else { return nil }
        let marked = line.unicodeScalars.contains { !isDigit($0) && !$0.properties.isWhitespace }
        return (value, marked)
    }

    /// A line with its digits as '#' and no white space: the same header on every page.
    static func key(_ line: String) -> String {
        var out = String.UnicodeScalarView()
        for s in line.unicodeScalars where !s.properties.isWhitespace {
            out.append(s.properties.numericType == .decimal ? "#" : s)
        }
        return String(out)
    }

    /// `3`, `- 3 -`, `— 3 —`, `第3页`, `第 3 页 共 12 页`, `3/12`, `Page 3 of 12`.
    static func isPageNumber(_ line: String) -> Bool {
        let k = key(line).lowercased()
        guard k.contains("#") else { return false }
        let stripped = k.unicodeScalars.filter { !"#-—–_·.,，/／()（）第页共page of".unicodeScalars.contains($0) }
        return stripped.isEmpty
    }

    // MARK: - Joining lines

    /// Whether `next` continues `previous`'s sentence.
    static func joins(_ previous: String, _ next: String, previousFull: Bool) -> Bool {
        guard let last = previous.unicodeScalars.last, let first = next.unicodeScalars.first else { return false }
        if sentenceEnds(previous) { return false }
        // Inside a number (1,15 / 2件 / 96.5%): a digit or a separator after a digit, then a digit or a unit.
        let scalars = Array(previous.unicodeScalars)
        let beforeLast = scalars.count >= 2 ? scalars[scalars.count - 2] : " "
        let lastIsDigit = isDigit(last)
        let lastIsSeparator = ",.，．".unicodeScalars.contains(last) && isDigit(beforeLast)
        if (lastIsDigit || lastIsSeparator) && isDigit(first) { return true }
        if lastIsDigit && "件起人次个场份%％万亿元名户家条项余多批期所余天小时".unicodeScalars.contains(first) { return true }
        // 办结率为 / 90.52%: a word that leads into a figure, at a page's or a line's end, is never a sentence's end.
        if "为达是至约近共计逾超".unicodeScalars.contains(last) && isDigit(first) { return true }
        if startsHeading(next) { return false }
        return previousFull
    }

    /// Ends in 。！？；： (or one of them before a closing quote or bracket).
    static func sentenceEnds(_ line: String) -> Bool {
        var scalars = Array(line.unicodeScalars)
        while let s = scalars.last, "”’」』）)】".unicodeScalars.contains(s) { scalars.removeLast() }
        guard let s = scalars.last else { return true }
        return "。！？；：!?;:".unicodeScalars.contains(s)
    }

    /// 一、 / （一） / 1. / 第一 — a new heading or list item starts a line of its own.
    static func startsHeading(_ line: String) -> Bool {
        let s = Array(line.unicodeScalars.prefix(6))
        guard let first = s.first else { return false }
        if first == "（" || first == "(" {
            return s.count > 2 && (ChineseNumeralsCheck.isNumeral(s[1]) || isDigit(s[1]))
        }
        if first == "第" { return s.count > 1 && ChineseNumeralsCheck.isNumeral(s[1]) }
        if ChineseNumeralsCheck.isNumeral(first) { return s.count > 1 && (s[1] == "、" || s[1] == "是") }
        if isDigit(first) {
            var i = 0
            while i < s.count, isDigit(s[i]) { i += 1 }
            return i < s.count && (s[i] == "." || s[i] == "、" || s[i] == "．") && i + 1 < s.count && !isDigit(s[i + 1])
        }
        return false
    }

    static func needsSpace(_ previous: String, _ next: String) -> Bool {
        guard let a = previous.unicodeScalars.last, let b = next.unicodeScalars.first else { return false }
        return a.isASCII && b.isASCII && a.properties.isAlphabetic && b.properties.isAlphabetic
    }

    static func isDigit(_ s: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(s) || ("０"..."９").contains(s)
    }

    /// Display width: two for CJK and full-width, one otherwise.
    static func width(_ line: String) -> Int {
        line.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x2E80 ? 2 : 1) }
    }

    static func trimmed(_ line: String) -> String {
        var scalars = Substring(line).unicodeScalars[...]
        while let s = scalars.first, s.properties.isWhitespace { scalars.removeFirst() }
        while let s = scalars.last, s.properties.isWhitespace { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}

/// The small Chinese numerals that open headings (一 … 十).
enum ChineseNumeralsCheck {
    static func isNumeral(_ s: Unicode.Scalar) -> Bool { "一二三四五六七八九十".unicodeScalars.contains(s) }
}
