import Foundation
@testable import Plot

/// Fictional townships and figures, deterministic.
enum Samples {
    static let townships = ["甲镇", "乙镇", "东湖街道", "良垌镇", "西山乡", "南岭镇", "北港街道", "青石镇",
                            "白沙镇", "红旗乡", "新城街道", "石门镇", "龙潭镇", "桃源乡", "清水镇", "黄坡镇",
                            "大垌镇", "长岭乡", "金星街道", "马山镇", "高桥镇", "平安乡", "云岩镇", "望江街道",
                            "柳塘镇", "梅林乡", "双河镇", "凤凰街道", "沙湾镇", "横山乡", "太平镇", "兴隆镇",
                            "坪山乡", "龙门镇", "三江街道", "河口镇", "古城乡", "安乐镇", "永和镇", "东坡街道"]

    /// A small deterministic pseudo-random sequence.
    static func noise(_ i: Int, _ j: Int) -> Double {
        var x = UInt64(i &* 7919 &+ j &* 104729 &+ 12345)
        x ^= x >> 13; x = x &* 0x5DEECE66D; x ^= x >> 17
        return Double(x % 1000) / 1000
    }

    static func trend(townships n: Int, years: ClosedRange<Int> = 2019...2024, gaps: Bool = true) -> [Row] {
        var rows: [Row] = []
        for i in 0..<n {
            let t = i < townships.count ? townships[i] : "第\(i + 1)镇"
            let base = 20 + 60 * noise(i, 0)
            for y in years {
                if gaps && i % 5 == 3 && y == years.lowerBound + 2 { continue }
                var v = base + Double(y - years.lowerBound) * (noise(i, 1) * 8 - 3) + noise(i, y) * 6
                v = (v * 10).rounded() / 10
                var f: ValueFlags = []
                if i == 1 && y == years.upperBound { f.insert(.approximate) }
                if i == 2 && y == years.upperBound - 1 { f.insert(.derived) }
                if i == 0 && y == years.lowerBound + 1 { f.insert(.corrected) }
                rows.append(Row(township: t, year: y, indicator: "行政复议案件", value: v, flags: f))
            }
        }
        return rows
    }

    static func rank(townships n: Int, missing: Int = 2) -> [Row] {
        (0..<n).map { i in
            let t = i < townships.count ? townships[i] : "第\(i + 1)镇"
            if i >= n - missing { return Row(township: t, year: 2024, value: nil) }
            let v = (20 + 180 * noise(i, 9)).rounded()
            return Row(township: t, year: 2024, value: v, flags: i == 3 ? .approximate : (i == 5 ? .derived : []))
        }
    }

    static func chart(_ kind: ChartKind, rows: [Row], title: String = "行政复议案件数", unit: String? = "件") -> Chart {
        Chart(kind: kind, title: title, subtitle: "各乡镇2019—2024年", unit: unit,
              sourceLine: "资料来源：\(Set(rows.map(\.township)).count)个乡镇法治政府建设年度报告（2019—2024年）", rows: rows)
    }
}
