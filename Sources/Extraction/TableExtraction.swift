import ReportText

/// Figures in tables: `项目 | 数量`, a column per year, units in the header (`件数（件）`), merged cells.
///
/// Each figure is read as the sentence its row and column say: the row's label cells, the column's
/// header (without its year) and the cell, joined without commas (`排查化解矛盾纠纷 件数 158`), so the
/// catalog's rules judge it as they judge prose. A column headed by a year is read only for the
/// report's year (the latest year when the report's is unknown). The evidence quotes the header
/// row(s) and the figure's row.
extension IndicatorExtractor {
    func findings(in table: TextTable, text: NormalizedText, original: [Unicode.Scalar]?, year: Int?,
                  simplified: [UInt32]? = nil) -> [Finding] {
        let s = text.scalars
        let rows = table.rows
        guard let width = rows.first?.count, width >= 2 else { return [] }
        func figures(_ cell: Range<Int>) -> Bool {
            NumberScanner.scan(s[cell]).contains { $0.role == .quantity || $0.role == .percent }
        }
        // Header rows: the leading rows without a figure. Label columns: the leading columns without one.
        let headerCount = rows.prefix { !$0.contains(where: figures) }.count
        guard headerCount < rows.count else { return [] }
        let body = rows[headerCount...]
        let labelCount = (0..<width).prefix { c in !body.contains { figures($0[c]) } }.count
        guard labelCount < width else { return [] }
        // A unit column (单位: 件, 场次, %) gives each row's measure word.
        let unitColumns = Set((0..<labelCount).filter { c in
            rows.prefix(headerCount).contains { row in
                ["单位", "计量单位", "单 位"].contains(String(String.UnicodeScalarView(s[row[c]])))
            }
        })
        // A remarks column (备注: 乡级1个、村级8个) explains a row; its figures are not the row's value.
        let remarkColumns = Set((0..<width).filter { c in
            rows.prefix(headerCount).contains { Self.isRemarkHeader($0[c], of: s) }
        })

        // The year each column's header names, and the one column year this report is about.
        let columnYears: [Int?] = (0..<width).map { c in
            rows.prefix(headerCount).lazy.compactMap { Self.year(in: $0[c], of: s) }.first
        }
        let yearsGiven = Set(columnYears.compactMap { $0 })
        let wantedYear = year.flatMap { yearsGiven.contains($0) ? $0 : nil } ?? yearsGiven.max()
        let headerUnit = (0..<width).map { c in rows.prefix(headerCount).lazy.compactMap { Self.unit(in: $0[c], of: s) }.first }

        var found: [Finding] = []
        var wholeLabel: [Range<Int>] = []
        for (r, row) in zip(rows.indices, rows) where r >= headerCount {
            // A row labelled 其中 (其中：调解成功（件）) is a part of the row above it, whose label names
            // what both count: it is read after that label.
            // So is a row whose label names no indicator's subject (调解成功（件） under 受理矛盾纠纷（件）).
            let isPart = r > headerCount && (Self.opensWithSubsetMarker(row[0], of: s)
                || !(0..<labelCount).contains { labelNamesSubject(row[$0], of: s, simplified: simplified) })
            if !isPart { wholeLabel = (0..<labelCount).map { row[$0] } }
            for c in labelCount..<width where figures(row[c]) && !remarkColumns.contains(c) {
                // With columns by year, only the report year's: not other years, nor a change column (增减).
                if !yearsGiven.isEmpty && columnYears[c] != wantedYear { continue }
                let rowUnit = (0..<labelCount).lazy.compactMap { Self.unit(in: row[$0], of: s, wholeCell: unitColumns.contains($0)) }.first
                var pieces: [Range<Int>] = (isPart ? wholeLabel : []) + (0..<labelCount).map { row[$0] }
                pieces += rows.prefix(headerCount).map { $0[c] }.filter { Self.year(in: $0, of: s) == nil }
                // 矛盾纠纷化解率 | 97.9 | 100 under a note (单位：件、%): a rate's row gives percentages.
                let unit = headerUnit[c] ?? rowUnit
                    ?? ((0..<labelCount).contains { Self.labelNamesRate(row[$0], of: s) } ? ["%"] : nil)
                let (sentenceText, cellRange) = Self.sentence(pieces: pieces, cell: row[c], unit: unit, text: text)
                let sentences = SentenceSplitter.split(sentenceText)
                guard let sentence = sentences.last else { continue }
                var cellFindings = findings(in: sentence, text: sentenceText, original: original, unitImplied: unit == nil, inTable: true,
                                            simplified: simplified)
                // Only the figures of this cell: a label's own numbers (“八五”普法) are not the row's value.
                cellFindings.removeAll { f in !cellRange.contains(Self.position(of: f, in: sentenceText)) }
                let evidence = Self.quote(Array(rows.prefix(headerCount)) + [row], text: text, original: original)
                for var f in cellFindings {
                    // A report's table of figures states its year's totals, as 全年 does in prose.
                    f.score += 2
                    f.evidence = evidence
                    f.offset = text.originalOffset(at: table.rowLines[r].lowerBound)
                    found.append(f)
                }
            }
        }
        return found
    }

    /// Whether a label cell names a rate: it ends in 率 (化解率, 办结率), brackets aside.
    static func labelNamesRate(_ cell: Range<Int>, of s: [Unicode.Scalar]) -> Bool {
        let word = s[cell].prefix { $0 != "(" && $0 != "（" }.filter { $0 != " " }
        return word.last == "率"
    }

    /// Whether a label cell names any indicator's subject (矛盾纠纷, 信访, 法律明白人).
    func labelNamesSubject(_ cell: Range<Int>, of s: [Unicode.Scalar], simplified: [UInt32]?) -> Bool {
        keywords.hits(in: s[cell], simplified: simplified).contains { !subjectOwners[$0.word].isEmpty }
    }

    /// Whether a header cell heads remarks (备注, 说明): notes on a row, not its value.
    static func isRemarkHeader(_ cell: Range<Int>, of s: [Unicode.Scalar]) -> Bool {
        let word = String(String.UnicodeScalarView(s[cell].filter { $0 != " " }))
        return ["备注", "说明", "备注说明", "情况说明"].contains(word)
    }

    /// Whether a label cell opens with 其中 (其中：调解成功, 其中调解成功).
    static func opensWithSubsetMarker(_ cell: Range<Int>, of s: [Unicode.Scalar]) -> Bool {
        let lead = s[cell].drop { $0 == " " }
        return lead.starts(with: "其中".unicodeScalars)
    }

    /// The year a header cell names: `2024年`, `2024`, `2024年度`.
    static func year(in cell: Range<Int>, of s: [Unicode.Scalar]) -> Int? {
        var i = cell.lowerBound
        while i + 4 <= cell.upperBound {
            let digits = s[i..<(i + 4)]
            if digits.allSatisfy({ ("0"..."9").contains($0) }), i == cell.lowerBound || !("0"..."9").contains(s[i - 1]),
               i + 4 == cell.upperBound || !("0"..."9").contains(s[i + 4]),
               let y = Int(String(String.UnicodeScalarView(digits))), (1990...2099).contains(y) {
                return y
            }
            i += 1
        }
        return nil
    }

    /// The measure word a header or label writes in brackets (`件数（件）`, `人数(人)`, `化解率（%）`), or the
    /// whole cell where it stands in a unit column (`单位`: `件`, `%`).
    static func unit(in cell: Range<Int>, of s: [Unicode.Scalar], wholeCell: Bool = false) -> [Unicode.Scalar]? {
        func isUnit(_ word: [Unicode.Scalar]) -> Bool {
            word == ["%"] || word == ["％"]
                || ((1...3).contains(word.count) && word.allSatisfy(Gazetteer.isHan))
        }
        if wholeCell {
            let whole = Array(s[cell].filter { $0 != " " })
            return isUnit(whole) ? (whole == ["％"] ? ["%"] : whole) : nil
        }
        guard let open = cell.first(where: { s[$0] == "(" || s[$0] == "（" }),
              let close = cell.first(where: { $0 > open && (s[$0] == ")" || s[$0] == "）") }) else { return nil }
        let word = Array(s[(open + 1)..<close])
        guard isUnit(word) else { return nil }
        return word == ["％"] ? ["%"] : word
    }

    /// The row's labels and the column's header, then the cell and the header's unit where the cell
    /// writes none, as one clause of normalized text mapped back to the original of each piece.
    /// Returns the text and where the cell stands in it.
    static func sentence(pieces: [Range<Int>], cell: Range<Int>, unit: [Unicode.Scalar]?,
                         text: NormalizedText) -> (NormalizedText, Range<Int>) {
        var scalars: [Unicode.Scalar] = []
        var offsets: [Int] = []
        for piece in pieces where !piece.isEmpty {
            // Brackets around a unit (件数（件）) would read as a clause of their own: left out.
            for i in piece where !"()（）".unicodeScalars.contains(text.scalars[i]) {
                scalars.append(text.scalars[i])
                offsets.append(text.originalOffsets[i])
            }
            scalars.append(" ")
            offsets.append(text.originalOffset(at: piece.upperBound))
        }
        let cellStart = scalars.count
        for i in cell {
            scalars.append(text.scalars[i])
            offsets.append(text.originalOffsets[i])
        }
        let cellRange = cellStart..<scalars.count
        if let unit, !cellHasUnit(cell, text.scalars) {
            for u in unit {
                scalars.append(u)
                offsets.append(text.originalOffset(at: cell.upperBound))
            }
        }
        return (NormalizedText(scalars: scalars, originalOffsets: offsets), cellRange)
    }

    /// Whether the cell writes a unit after its number (158件, 96%); 1.5万 and 2万余 write none yet.
    static func cellHasUnit(_ cell: Range<Int>, _ s: [Unicode.Scalar]) -> Bool {
        guard let last = cell.last else { return false }
        return !("0"..."9").contains(s[last]) && !".万亿余多".unicodeScalars.contains(s[last])
    }

    /// Where a finding's number stands in the sentence it was found in: by its original offset.
    static func position(of f: Finding, in text: NormalizedText) -> Int {
        text.originalOffsets.firstIndex(of: f.numberOffset) ?? -1
    }

    /// The rows quoted as written, merged cells filled in, cells joined by ` | ` and rows by ` / `:
    /// the header row(s), then the figure's row (`项目 | 数量 / 排查化解矛盾纠纷（件） | 158`).
    static func quote(_ rows: [[Range<Int>]], text: NormalizedText, original: [Unicode.Scalar]?) -> String {
        rows.map { row in
            row.map { cell -> String in
                guard let original, !cell.isEmpty else { return text.slice(cell) }
                return string(original, text.originalOffset(at: cell.lowerBound), text.originalOffset(at: cell.upperBound - 1) + 1)
            }.joined(separator: " | ")
        }.joined(separator: " / ")
    }
}
