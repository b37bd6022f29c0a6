import CXLSXWriter
import Foundation
import Plot

/// An XLSX workbook of a table through libxlsxwriter: the data sheet with numbers as numbers (the
/// qualifier and marks are in each cell's number format, so 约2500 shows as written and sums as 2500),
/// its header row and key columns frozen; a sheet of evidence (the sentence each figure came from);
/// and a sheet that says what each column means.
public enum XLSX {
    public struct WriteError: Error, CustomStringConvertible {
        public let file: String
        public let reason: String
        public var description: String { "\(file)：无法写入 XLSX (cannot write the workbook): \(reason)" }
    }

    public static func write(_ table: DataTable, to path: String) throws {
        guard let workbook = workbook_new(path) else { throw WriteError(file: path, reason: "workbook_new") }
        let english = table.language == .en
        let bold = workbook_add_format(workbook)
        format_set_bold(bold)
        let wrap = workbook_add_format(workbook)
        format_set_text_wrap(wrap)
        var formats: [String: UnsafeMutablePointer<lxw_format>] = [:]
        func numberFormat(_ code: String) -> UnsafeMutablePointer<lxw_format>? {
            if let f = formats[code] { return f }
            let f = workbook_add_format(workbook)
            format_set_num_format(f, code)
            formats[code] = f
            return f
        }

        // The data.
        let data = workbook_add_worksheet(workbook, english ? "Data" : "数据")
        worksheet_write_string(data, 0, 0, CellText.safe(table.title), bold)
        for (c, column) in table.columns.enumerated() {
            let header = column.header + (column.percent ? (english ? " (%)" : "（%）") : "")
            worksheet_write_string(data, 1, lxw_col_t(c), CellText.safe(header), bold)
            worksheet_set_column(data, lxw_col_t(c), lxw_col_t(c), c < table.keyColumns ? 14 : 12, nil)
        }
        for (r, row) in table.rows.enumerated() {
            let line = lxw_row_t(r + 2)
            for (c, cell) in row.enumerated() {
                switch cell {
                case .text(let s), .none(let s):
                    if !s.isEmpty { worksheet_write_string(data, line, lxw_col_t(c), CellText.safe(s), nil) }
                case let .number(v, q, derived, corrected):
                    let code = Self.numberFormat(decimals: table.columns[c].decimals, percent: table.columns[c].percent,
                                                 qualifier: q, derived: derived, corrected: corrected, english: english)
                    worksheet_write_number(data, line, lxw_col_t(c), v, numberFormat(code))
                }
            }
        }
        worksheet_freeze_panes(data, 2, lxw_col_t(table.keyColumns))
        var noteRow = lxw_row_t(table.rows.count + 3)
        for note in table.notes {
            worksheet_write_string(data, noteRow, 0, CellText.safe(note), nil)
            noteRow += 1
        }

        // Where each figure came from.
        let evidence = workbook_add_worksheet(workbook, english ? "Evidence" : "出处")
        let evidenceHeader = english ? ["township", "county", "year", "indicator", "value", "source", "sentence"]
            : ["镇街", "县区", "年份", "指标", "数值", "来源", "原文"]
        for (c, h) in evidenceHeader.enumerated() { worksheet_write_string(evidence, 0, lxw_col_t(c), h, bold) }
        for (r, e) in table.evidence.enumerated() {
            let line = lxw_row_t(r + 1)
            worksheet_write_string(evidence, line, 0, CellText.safe(e.township), nil)
            worksheet_write_string(evidence, line, 1, CellText.safe(e.county), nil)
            worksheet_write_number(evidence, line, 2, Double(e.year), nil)
            worksheet_write_string(evidence, line, 3, CellText.safe(e.indicator), nil)
            worksheet_write_string(evidence, line, 4, CellText.safe(e.value), nil)
            worksheet_write_string(evidence, line, 5, CellText.safe(e.source), nil)
            worksheet_write_string(evidence, line, 6, CellText.safe(e.sentence), nil)
        }
        worksheet_set_column(evidence, 5, 5, 30, nil)
        worksheet_set_column(evidence, 6, 6, 80, wrap)
        worksheet_freeze_panes(evidence, 1, 0)

        // What the columns mean.
        let about = workbook_add_worksheet(workbook, english ? "Columns" : "说明")
        worksheet_write_string(about, 0, 0, english ? "column" : "列", bold)
        worksheet_write_string(about, 0, 1, english ? "meaning" : "含义", bold)
        for (r, column) in table.columns.enumerated() {
            worksheet_write_string(about, lxw_row_t(r + 1), 0, CellText.safe(column.header), nil)
            worksheet_write_string(about, lxw_row_t(r + 1), 1, CellText.safe(column.meaning), nil)
        }
        let legend = english
            ? "about, nearly, over, at least, at most and under are the report's words, kept in the cell's format; * derived; † corrected."
            : "约、近、余、以上、不超过、不足照报告原文，写在单元格格式中，数值可直接计算；* 推算值；† 人工更正。"
        worksheet_write_string(about, lxw_row_t(table.columns.count + 2), 0, legend, nil)
        worksheet_set_column(about, 0, 0, 24, nil)
        worksheet_set_column(about, 1, 1, 90, nil)

        let status = workbook_close(workbook)
        guard status == LXW_NO_ERROR else {
            throw WriteError(file: path, reason: String(cString: lxw_strerror(status)))
        }
    }

    /// An Excel number format that writes the figure as the report did: `"约"#,##0`, `0.0"%余"`, `#,##0"*"`.
    static func numberFormat(decimals: Int, percent: Bool, qualifier: String, derived: Bool, corrected: Bool, english: Bool) -> String {
        var number = decimals == 0 ? "#,##0" : "#,##0." + String(repeating: "0", count: decimals)
        if percent { number += "\"%\"" }
        var code = qualifier == "exact" ? number : quotedQualifier(number, qualifier: qualifier, english: english)
        if derived { code += "\"*\"" }
        if corrected { code += "\"†\"" }
        return code
    }

    /// The qualifier's words as quoted literals around a number format.
    static func quotedQualifier(_ number: String, qualifier: String, english: Bool) -> String {
        let marker = "\u{1}"
        let written = ValueFlags.qualifier(qualifier).qualify(marker, english: english)
        let parts = written.components(separatedBy: marker)
        let before = parts.first ?? "", after = parts.count > 1 ? parts[1] : ""
        return (before.isEmpty ? "" : "\"\(before)\"") + number + (after.isEmpty ? "" : "\"\(after)\"")
    }
}
