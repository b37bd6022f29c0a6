import Foundation

/// `fazhi bench plot`: median time to lay out, draw, encode and write a 1200×750 PNG.
public enum PlotBenchmark {
    /// CPU time of this thread in nanoseconds: what the chart costs on one core, whatever else the machine runs.
    static func cpuNow() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
    }

    static let names = ["甲镇", "乙镇", "东湖街道", "甲垌镇", "西山乡", "南岭镇", "北港街道", "青石镇", "白沙镇", "红旗乡",
                        "新城街道", "石门镇", "龙潭镇", "桃源乡", "清水镇", "黄坡镇", "大垌镇", "长岭乡", "金星街道", "马山镇"]

    static func value(_ i: Int, _ j: Int) -> Double {
        var x = UInt64(i &* 7919 &+ j &* 104729 &+ 12345)
        x ^= x >> 13; x = x &* 0x5DEECE66D; x ^= x >> 17
        return Double(x % 1000) / 10
    }

    /// A 12-line trend over 2013–2024 and a 40-bar rank, as benchmark inputs.
    public static func sampleCharts() -> [(String, Chart)] {
        var trend: [Row] = []
        for i in 0..<12 {
            for y in 2013...2024 { trend.append(Row(township: names[i], year: y, value: 20 + value(i, y) / 2 + Double(y - 2013) * Double(i % 4))) }
        }
        let rank = (0..<40).map { i in
            Row(township: i < names.count ? names[i] : "第\(i + 1)镇", year: 2024, value: i == 39 ? nil : value(i, 1), flags: i == 5 ? .approximate : [])
        }
        return [
            ("trend-12", Chart(kind: .trend, title: "十二个乡镇行政复议案件数", subtitle: "2013—2024年", unit: "件",
                               sourceLine: "资料来源：12个乡镇法治政府建设年度报告（2013—2024年）", rows: trend)),
            ("rank-40", Chart(kind: .rank, title: "四十个乡镇行政复议案件数", subtitle: "2024年", unit: "件",
                              sourceLine: "资料来源：40个乡镇2024年法治政府建设年度报告", rows: rank)),
        ]
    }

    public static func run(iterations: Int = 50) -> String {
        let n = max(1, iterations)
        let dir = FileManager.default.temporaryDirectory
        var lines = ["Plot benchmark: 1200×750 PNG, layout + draw + encode + write, median CPU time of \(n) on one core"]
        for (name, chart, level) in sampleCharts().flatMap({ c in [(c.0, c.1, 3), (c.0, c.1, 1)] }) {
            let url = dir.appendingPathComponent("fazhi-bench-\(name)-\(getpid()).png")
            var times: [Double] = []
            var layoutTimes: [Double] = [], drawTimes: [Double] = [], encodeTimes: [Double] = []
            var bytes = 0
            for i in 0..<(n + 2) {
                let t0 = cpuNow()
                do {
                    let scene = try layout(chart, width: 1200, height: 750)
                    let t1 = cpuNow()
                    var dt: UInt64 = 0, et: UInt64 = 0
                    let data = try CairoBackend.png(scene, scale: 1, level: level) { dt = $0; et = $1 }
                    let t15 = cpuNow()
                    try data.write(to: url)
                    let t2 = cpuNow()
                    bytes = data.count
                    if i >= 2 { // warm-up: fonts loaded
                        times.append(Double(t2 - t0) / 1e6)
                        layoutTimes.append(Double(t1 - t0) / 1e6)
                        drawTimes.append(Double(dt) / 1e6)
                        encodeTimes.append(Double(et) / 1e6)
                        _ = t15
                    }
                } catch {
                    return "Plot benchmark failed: \(error)"
                }
            }
            try? FileManager.default.removeItem(at: url)
            func median(_ v: [Double]) -> Double { v.sorted()[v.count / 2] }
            lines.append(String(format: "  %@ (level %d): %.2f ms per chart (layout %.2f, draw %.2f, PNG encode %.2f), %d bytes",
                                name, level, median(times), median(layoutTimes), median(drawTimes), median(encodeTimes), bytes))
        }
        return lines.joined(separator: "\n")
    }
}
