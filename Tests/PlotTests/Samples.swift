import Foundation
@testable import Plot

/// Fictional townships and figures, deterministic.
enum Samples {
    static let townships = ["甲镇", "乙镇", "东湖街道", "甲垌镇", "西山乡", "南岭镇", "北港街道", "青石镇",
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

extension Samples {
    static let indicators = ["行政复议案件", "行政诉讼案件", "败诉率", "重大决策合法性审查"]

    static func indicatorRows(townships n: Int) -> [Row] {
        var rows: [Row] = []
        for i in 0..<n {
            let t = i < townships.count ? townships[i] : "第\(i + 1)镇"
            for (j, ind) in indicators.enumerated() {
                let scale = [120.0, 40, 30, 15][j]
                var v = (scale * (0.2 + noise(i, j + 20))).rounded()
                if j == 2 { v = (v * 10).rounded() / 10 }
                if i == 4 && j == 1 { v = 140 }
                if i == 7 && j == 0 { v = 260 }
                if i == 2 && j == 3 { rows.append(Row(township: t, year: 2024, indicator: ind, value: nil)); continue }
                rows.append(Row(township: t, year: 2024, indicator: ind, value: v, flags: i == 1 && j == 0 ? .approximate : []))
            }
        }
        return rows
    }

    /// One chart of each kind, as a briefing would draw it.
    static func all(townships n: Int = 8) -> [(String, Chart)] {
        var list: [(String, Chart)] = []
        for kind in ChartKind.allCases {
            var c: Chart
            switch kind {
            case .rank: c = chart(kind, rows: rank(townships: n), title: "东湖街道行政复议案件数居首")
            case .scatter:
                c = chart(kind, rows: indicatorRows(townships: n), title: "复议多的乡镇诉讼也多")
                c.subtitle = "2024年"
            case .heatmap: c = chart(kind, rows: trend(townships: n))
            default: c = chart(kind, rows: trend(townships: n))
            }
            list.append((kind.rawValue, c))
        }
        var h = chart(.heatmap, rows: indicatorRows(townships: n), title: "各乡镇四项指标", unit: nil)
        h.subtitle = "2024年，每项指标按各自范围着色"
        list.append(("heatmap-indicators", h))
        return list
    }
}

extension Samples {
    /// Eight indicators with long names, for column headers that do not fit side by side.
    static func longIndicatorRows(townships n: Int) -> [Row] {
        let names = ["行政复议案件", "行政诉讼案件", "行政机关负责人出庭应诉率", "重大行政决策合法性审查", "行政规范性文件备案审查",
                     "矛盾纠纷化解率", "法律顾问覆盖率", "执法人员持证上岗率"]
        return (0..<n).flatMap { i in names.enumerated().map { j, ind in
            Row(township: townships[i], year: 2024, indicator: ind, value: (100 * noise(i, j + 40)).rounded())
        } }
    }
}
