/// Tables typed with tabs or aligned with runs of spaces (a table copied out of Word into a text file:
/// `项目\t2022年\t2023年`, or columns lined up with full-width spaces `项目　　　2022年　　2023年`).
/// Normalization collapses each gap to one space and notes where it kept one for a gap (a tab, or two
/// or more spaces); here the gaps of lines that form a table become bars, so that `TableFinder` reads
/// the table like any other, each cell still pointing at its original text.
enum TabTables {
    /// Turns into `|` the gap spaces (`gaps`, ascending indices of spaces in `scalars`) of lines that form a
    /// table: at least two consecutive lines that each split at gaps into the same number (two or more) of
    /// cells. A lone line with a gap (a tab after a heading number) is no table, and a line that already
    /// holds a bar (`| 项目 |  | 2023年 |`) is a table row of its own kind whose spaces are no gaps.
    static func markCells(in scalars: inout [Unicode.Scalar], gaps: [Int]) {
        // Each line as (gap indices in it, whether it holds a bar), only for lines with a gap.
        var lines: [(start: Int, gaps: [Int], bar: Bool)] = []
        var g = 0
        while g < gaps.count {
            var start = gaps[g]
            while start > 0 && scalars[start - 1] != "\n" { start -= 1 }
            var end = gaps[g]
            while end < scalars.count && scalars[end] != "\n" { end += 1 }
            var inLine: [Int] = []
            while g < gaps.count && gaps[g] < end { inLine.append(gaps[g]); g += 1 }
            let bar = scalars[start..<end].contains { $0 == "|" || $0 == "｜" }
            lines.append((start, inLine, bar))
        }
        // Consecutive lines: the next table line starts right after this one's line break.
        var block: [Int] = []
        func close() {
            if block.count >= 2 { for l in block { for i in lines[l].gaps { scalars[i] = "|" } } }
            block.removeAll()
        }
        for (l, line) in lines.enumerated() {
            if line.bar { close(); continue }
            if let last = block.last {
                var next = lines[last].gaps.last ?? lines[last].start
                while next < scalars.count && scalars[next] != "\n" { next += 1 }
                if next + 1 == line.start && lines[last].gaps.count == line.gaps.count {
                    block.append(l)
                    continue
                }
                close()
            }
            block = [l]
        }
        close()
    }
}
