/// A table of a report as rows of cells: where each cell stands in the normalized text.
///
/// Every reader writes a table the same way into the normalized text, one row a line with its cells
/// between bars (`| 项目 | 数量 |`): HTML `<table>`, DOCX `<w:tbl>`, and plain text that already
/// looks so (what portals and converters print). Merged cells are filled in: a cell spanning columns
/// repeats across them, one spanning rows repeats down them (`TableFinder`).
public struct TextTable: Sendable, Equatable {
    /// The lines of the table in the normalized text, from its first bar to the end of its last row.
    public let range: Range<Int>
    /// The rows, each a list of cells; a cell is a range of the normalized text, trimmed (empty where
    /// the cell is). All rows have the same number of cells.
    public let rows: [[Range<Int>]]
    /// Each row's whole line in the normalized text.
    public let rowLines: [Range<Int>]

    public init(range: Range<Int>, rows: [[Range<Int>]], rowLines: [Range<Int>]) {
        self.range = range
        self.rows = rows
        self.rowLines = rowLines
    }
}

/// Finds the tables written as bar-separated lines in normalized text.
public enum TableFinder {
    /// Tables of at least two rows: consecutive lines that begin with `|` (or hold a bar between cells)
    /// and split into at least two cells. A markdown rule line (`|---|---|`) is skipped. Rows with
    /// fewer cells than the widest are padded at the front (the cells a row span covers) and empty
    /// cells take the text of a merged cell: in the first rows (headers) from the left, in the first
    /// column from above.
    public static func tables(in text: NormalizedText) -> [TextTable] {
        let s = text.scalars
        // Most reports hold no table: one pass for a bar spares the per-line work.
        guard s.contains("|") else { return [] }
        var tables: [TextTable] = []
        var rows: [[Range<Int>]] = []
        var lines: [Range<Int>] = []
        func close() {
            if rows.count >= 2 { tables.append(table(rows, lines, in: s)) }
            rows.removeAll()
            lines.removeAll()
        }
        var start = 0
        while start < s.count {
            var end = start
            var hasBar = false
            while end < s.count && s[end] != "\n" {
                if s[end] == "|" { hasBar = true }
                end += 1
            }
            if hasBar, let cells = cells(of: start..<end, in: s) {
                if !cells.isEmpty {
                    rows.append(cells)
                    lines.append(start..<end)
                }
            } else {
                close()
            }
            start = end + 1
        }
        close()
        return tables
    }

    /// The cells of a line that is a table row, trimmed; empty for a rule line; nil for no row.
    static func cells(of line: Range<Int>, in s: [Unicode.Scalar]) -> [Range<Int>]? {
        var bars: [Int] = []
        for i in line where s[i] == "|" { bars.append(i) }
        var a = line.lowerBound
        while a < line.upperBound && s[a] == " " { a += 1 }
        let startsWithBar = a < line.upperBound && s[a] == "|"
        // `| a | b |`, or `a | b` (a bar between cells only).
        guard startsWithBar ? bars.count >= 2 : !bars.isEmpty else { return nil }
        var edges = bars
        if !startsWithBar { edges.insert(a - 1, at: 0) }
        var b = line.upperBound
        while b > line.lowerBound && s[b - 1] == " " { b -= 1 }
        // `a | b |` without a leading bar: the last bar opens an empty cell (备注 left blank), not a frame.
        if b > line.lowerBound && (s[b - 1] != "|" || !startsWithBar) { edges.append(b) }
        var cells: [Range<Int>] = []
        for k in 0..<(edges.count - 1) {
            var lo = edges[k] + 1, hi = edges[k + 1]
            while lo < hi && s[lo] == " " { lo += 1 }
            while hi > lo && s[hi - 1] == " " { hi -= 1 }
            cells.append(lo..<hi)
        }
        guard cells.count >= 2 else { return nil }
        // |---|:--:|: a markdown rule between the header and the body.
        if cells.allSatisfy({ c in !c.isEmpty && s[c].allSatisfy { $0 == "-" || $0 == ":" || $0 == " " } }) { return [] }
        return cells
    }

    static func table(_ rows: [[Range<Int>]], _ lines: [Range<Int>], in s: [Unicode.Scalar]) -> TextTable {
        let width = rows.map(\.count).max() ?? 0
        // A row short of cells lost its first ones to a cell spanning rows above it.
        var grid = rows.map { row -> [Range<Int>] in
            let missing = width - row.count
            return Array(repeating: row.first.map { $0.lowerBound..<$0.lowerBound } ?? 0..<0, count: missing) + row
        }
        let isNumeric = { (cell: Range<Int>) -> Bool in s[cell].contains { ("0"..."9").contains($0) } }
        // Headers: the leading rows without figures take a merged cell's text from the left.
        for r in grid.indices {
            guard !grid[r].contains(where: isNumeric) || r == 0 else { break }
            for c in grid[r].indices.dropFirst() where grid[r][c].isEmpty { grid[r][c] = grid[r][c - 1] }
        }
        // The first column: an empty cell below a filled one is the same merged cell.
        for r in grid.indices.dropFirst() where grid[r][0].isEmpty { grid[r][0] = grid[r - 1][0] }
        let range = (lines.first?.lowerBound ?? 0)..<(lines.last?.upperBound ?? 0)
        return TextTable(range: range, rows: grid, rowLines: lines)
    }
}
