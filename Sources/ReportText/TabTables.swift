/// Tables typed with tabs or aligned with runs of spaces (a table copied out of Word into a text file:
/// `项目\t2022年\t2023年`, or columns lined up with full-width spaces `项目　　　2022年　　2023年`): the
/// first character of each gap between cells, so that normalization writes it as a bar and `TableFinder`
/// reads the table like any other. Normalization otherwise collapses the gap to one space, and the
/// columns are lost.
enum TabTables {
    /// The scalar offsets of the first character of each gap between cells (a run of tabs, or of two or
    /// more spaces), in lines that form a table: at least two consecutive lines that each split at gaps
    /// into the same number (two or more) of non-empty cells. A lone line with a gap (an indent, a tab
    /// after a heading number) is no table; an indent before the first cell is no gap.
    static func cellTabs<C: Collection>(in scalars: C) -> Set<Int> where C.Element == Unicode.Scalar {
        var result: Set<Int> = []
        var block: [[Int]] = []
        var blockCells = 0
        func closeBlock() {
            if block.count >= 2 { for tabs in block { result.formUnion(tabs) } }
            block.removeAll()
            blockCells = 0
        }
        var tabs: [Int] = []
        var cells = 0
        var inCell = false
        var pendingTab: Int?
        // A run of spaces: where it starts and how long it is (one space is inside a cell).
        var spaceStart: Int?
        var spaceCount = 0
        // A line with a bar is already a table row of its own kind (`| 项目 |  | 2023年 |`): its spaces are no gaps.
        var hasBar = false
        func endLine() {
            if hasBar { cells = 0 }
            if cells >= 2 && cells == blockCells {
                block.append(tabs)
            } else {
                closeBlock()
                if cells >= 2 { block = [tabs]; blockCells = cells }
            }
            tabs.removeAll()
            cells = 0
            inCell = false
            pendingTab = nil
            spaceStart = nil
            spaceCount = 0
            hasBar = false
        }
        for (offset, scalar) in scalars.enumerated() {
            switch scalar {
            case "\n", "\r":
                endLine()
            case "\t":
                if inCell && pendingTab == nil { pendingTab = spaceStart ?? offset }
            case " ", "\u{3000}":
                if spaceStart == nil { spaceStart = offset }
                spaceCount += 1
                if inCell && pendingTab == nil && spaceCount >= 2 { pendingTab = spaceStart }
            default:
                if scalar == "|" || scalar == "｜" { hasBar = true }
                if !inCell { cells += 1; inCell = true }
                else if let tab = pendingTab { tabs.append(tab); cells += 1 }
                pendingTab = nil
                spaceStart = nil
                spaceCount = 0
            }
        }
        endLine()
        closeBlock()
        return result
    }

    /// The same over UTF-8 bytes, counting offsets in scalars as the normalizer does.
    static func cellTabs(in bytes: UnsafeBufferPointer<UInt8>) -> Set<Int> {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(bytes.count / 2)
        var i = 0
        while i < bytes.count { scalars.append(Unicode.Scalar.decodingValidUTF8(bytes, at: &i)) }
        return cellTabs(in: scalars)
    }
}
