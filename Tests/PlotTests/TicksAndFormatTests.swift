import Foundation
import Testing
@testable import Plot

@Test func percentAxisFromZeroToHundredStepsByTwenty() {
    #expect(Ticks.nice(0, 100, target: 6) == [0, 20, 40, 60, 80, 100])
    #expect(Ticks.nice(0, 96.5, target: 6) == [0, 20, 40, 60, 80, 100])
}

@Test func tickStepsAreNeverTwoAndAHalf() {
    for hi in stride(from: 1.0, through: 1000, by: 7.3) {
        for m in 3...8 {
            let t = Ticks.nice(0, hi, target: m)
            #expect(t.count >= 2)
            let step = t[1] - t[0]
            let mant = step / pow(10, floor(log10(step)))
            #expect([1, 2, 3, 4, 5].contains { abs($0 - mant) < 1e-6 }, "step \(step) for 0–\(hi)")
            #expect(t.first! <= 0 && t.last! >= hi)
        }
    }
}

@Test func integerTicksForSmallCounts() {
    let t = Ticks.nice(0, 3, target: 6, integer: true)
    #expect(t.allSatisfy { $0 == $0.rounded() })
    #expect(t.first == 0 && t.last! >= 3)
}

@Test func yearTicksAreWholeYears() {
    #expect(Ticks.years(2019, 2024, maxTicks: 10) == [2019, 2020, 2021, 2022, 2023, 2024])
    #expect(Ticks.years(2001, 2024, maxTicks: 6) == [2005, 2010, 2015, 2020])
    #expect(Ticks.years(2024, 2024, maxTicks: 5) == [2024])
}

@Test func ticksAtTheEdges() {
    #expect(Ticks.nice(0, 0) == [0, 0.2, 0.4, 0.6, 0.8, 1] || Ticks.nice(0, 0).first == 0)
    let single = Ticks.nice(7, 7)
    #expect(single.first! <= 0 && single.last! >= 7)
    let neg = Ticks.nice(-5, -5)
    #expect(neg.first! <= -5 && neg.last! >= 0)
    let big = Ticks.nice(0, 1e9)
    #expect(big.first == 0 && big.last! >= 1e9 && big.count >= 3)
    #expect(NumberFormat.ticks(big, style: .number).last!.hasSuffix("亿"))
    let nan = Ticks.nice(.nan, 3)
    #expect(nan.count == 2)
    let tiny = Ticks.nice(0.001, 0.004)
    #expect(tiny.count >= 3 && tiny.last! >= 0.004)
}

@Test func chineseNumberFormats() {
    #expect(NumberFormat.value(3456, style: .number) == "3,456")
    #expect(NumberFormat.value(12000, style: .number) == "1.2万")
    #expect(NumberFormat.value(3.5e8, style: .number) == "3.5亿")
    #expect(NumberFormat.value(96.5, style: .percent) == "96.5%")
    #expect(NumberFormat.value(0, style: .number) == "0")
    #expect(NumberFormat.value(-1234.5, style: .number) == "-1,234.5")
    #expect(NumberFormat.year(2024) == "2024年")
    #expect(NumberFormat.grouped(1234567, decimals: 0) == "1,234,567")
}

@Test func tickLabelsTakeDecimalsFromTheStep() {
    #expect(NumberFormat.ticks([0, 20, 40, 60, 80, 100], style: .percent) == ["0%", "20%", "40%", "60%", "80%", "100%"])
    #expect(NumberFormat.ticks([0, 0.5, 1, 1.5], style: .number) == ["0", "0.5", "1.0", "1.5"])
    #expect(NumberFormat.ticks([0, 5000, 10000, 15000], style: .number) == ["0", "0.5万", "1.0万", "1.5万"])
    #expect(NumberFormat.ticks([0, 2e8, 4e8], style: .number) == ["0", "2亿", "4亿"])
    #expect(NumberFormat.ticks([0, 1000, 2000], style: .number) == ["0", "1,000", "2,000"])
}
