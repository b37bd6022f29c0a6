import Testing
@testable import SampleReports

@Test func sameSeedGivesIdenticalBytes() {
    let a = SampleGenerator(townships: 6, years: 2021...2023, seed: 42).generate()
    let b = SampleGenerator(townships: 6, years: 2021...2023, seed: 42).generate()
    #expect(a.truthJSON() == b.truthJSON())
    #expect(a.reports.map { $0.bytes() } == b.reports.map { $0.bytes() })
}
