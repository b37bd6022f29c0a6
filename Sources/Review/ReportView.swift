import Extraction
import Foundation
import Plot
import ReportText
import Store

/// The text a report page shows, read once per content hash: the decoded file, as extraction's offsets
/// count it (Unicode scalars) — but for a web page, whose decoded original is its markup, the text
/// extraction read, with a map from the markup's offsets to it.
struct DocumentText {
    let scalars: [Unicode.Scalar]
    /// Where each page starts, for PDF and OFD; empty otherwise.
    let pageStarts: [Int]
    /// For a web page: the original (markup) offset of each shown scalar, ascending; nil when the shown
    /// text is the original.
    var originalOffsets: [Int]? = nil

    /// Where an offset into the original stands in the shown text: the first shown scalar at or after it.
    func shown(_ originalOffset: Int) -> Int {
        guard let map = originalOffsets else { return originalOffset }
        var low = 0, high = map.count
        while low < high {
            let mid = (low + high) / 2
            if map[mid] < originalOffset { low = mid + 1 } else { high = mid }
        }
        return low
    }
}

/// Report texts read so far, by report id and content hash: a .doc is converted by LibreOffice (seconds),
/// so each report is read once per version of its file.
final class DocumentCache: @unchecked Sendable {
    private var texts: [String: Result<DocumentText, ReadError>] = [:]
    private let lock = NSLock()

    func text(for report: ReportRecord) -> Result<DocumentText, ReadError> {
        let key = "\(report.id ?? 0)|\(report.contentHash)"
        if let known = lock.withLock({ texts[key] }) { return known }
        let path = report.resolvedPath ?? report.sourcePath
        let result = Result {
            let document = try ReportReader.read(URL(fileURLWithPath: path))
            if document.format == .html {
                return DocumentText(scalars: document.text.scalars, pageStarts: [], originalOffsets: document.text.originalOffsets)
            }
            return DocumentText(scalars: Array(document.original.unicodeScalars), pageStarts: document.pageStarts)
        }.mapError { $0 as? ReadError ?? ReadError(url: URL(fileURLWithPath: path), reason: .unreadable("\($0)")) }
        lock.withLock { texts[key] = result }
        return result
    }
}

/// HTML-escapes text from outside (reports, file names, notes): `<script>` shows as text.
func escapeHTML(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for c in text.unicodeScalars {
        switch c {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        default: out.unicodeScalars.append(c)
        }
    }
    return out
}

/// A figure with the report's qualifier words (1900余, 约2500) and its unit.
func valueText(_ value: Double, qualifier: String, unit: String) -> String {
    ValueFlags.qualifier(qualifier).qualify(formatNumber(value), english: false) + unit
}

/// Where a finding's number stands in the text: the written figure inside its sentence, found in the
/// original from the sentence's offset (full-width digits folded), else the whole sentence.
func numberSpan(of f: ReportFinding, in document: DocumentText) -> Range<Int>? {
    let text = document.scalars
    let start = max(0, min(document.shown(f.offset), text.count))
    let sentenceLength = f.evidence.unicodeScalars.count
    let end = min(text.count, start + sentenceLength + 40)
    guard start < end else { return nil }
    let written = Array(f.written.unicodeScalars)
    func folded(_ s: Unicode.Scalar) -> Unicode.Scalar {
        (0xFF01...0xFF5E).contains(s.value) ? Unicode.Scalar(s.value - 0xFEE0)! : s
    }
    if !written.isEmpty && written.count <= end - start {
        var i = start
        while i + written.count <= end {
            var match = true
            for j in 0..<written.count where folded(text[i + j]) != folded(written[j]) { match = false; break }
            if match { return i..<(i + written.count) }
            i += 1
        }
    }
    return start..<min(text.count, start + sentenceLength)
}

/// One mark in the report's text.
struct TextMark {
    var range: Range<Int>
    var id: String
    var chosen: Bool
    var tip: String
    var item: Int
}

/// The report's text as HTML: every character escaped, the marks as focusable `<mark>`s carrying their
/// indicator, value, qualifier and confidence, the pages' starts as headings. Overlapping marks: the
/// chosen value wins, then the earlier.
func markedText(_ text: DocumentText, marks: [TextMark]) -> String {
    var placed: [TextMark] = []
    for m in marks.sorted(by: { ($0.chosen ? 0 : 1, $0.range.lowerBound) < ($1.chosen ? 0 : 1, $1.range.lowerBound) })
    where !placed.contains(where: { $0.range.overlaps(m.range) }) && !m.range.isEmpty {
        placed.append(m)
    }
    placed.sort { $0.range.lowerBound < $1.range.lowerBound }
    var out = ""
    var position = 0
    var pages = text.pageStarts.enumerated().filter { $0.element > 0 }.makeIterator()
    var nextPage = pages.next()
    func emit(upTo end: Int) {
        while position < end {
            if let page = nextPage, page.element <= position {
                out += "<span class=\"page\">第 \(page.offset + 1) 页</span>"
                nextPage = pages.next()
                continue
            }
            let stop = min(end, nextPage?.element ?? end)
            var chunk = String.UnicodeScalarView()
            chunk.append(contentsOf: text.scalars[position..<stop])
            out += escapeHTML(String(chunk))
            position = stop
        }
    }
    if !text.pageStarts.isEmpty { out += "<span class=\"page\">第 1 页</span>" }
    for m in placed {
        emit(upTo: m.range.lowerBound)
        var chunk = String.UnicodeScalarView()
        chunk.append(contentsOf: text.scalars[m.range])
        out += "<mark id=\"\(m.id)\" class=\"\(m.chosen ? "v" : "c")\" tabindex=\"0\" data-item=\"\(m.item)\" data-tip=\"\(escapeHTML(m.tip))\">"
            + escapeHTML(String(chunk)) + "</mark>"
        position = m.range.upperBound
    }
    emit(upTo: text.scalars.count)
    return out
}
