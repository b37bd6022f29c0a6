import Foundation
import Testing
@testable import Extraction
import ReportText
@testable import SampleReports

private let small = CountryGenerator(provinces: 3, citiesPerProvince: 2, countiesPerCity: 2, years: 2023...2025, seed: 4)

func isRealPlaceAtAnyLevel(_ name: String) -> Bool {
    isRealPlace(name) || !gazetteer.provinces(named: name).isEmpty
}

@Test func aGeneratedCountryIsTheSameBytesForTheSameArguments() {
    var a: [Data] = [], b: [Data] = []
    small.generate(isReserved: isRealPlaceAtAnyLevel) { _, reports in a += reports.map { $0.bytes() } }
    small.generate(isReserved: isRealPlaceAtAnyLevel) { _, reports in b += reports.map { $0.bytes() } }
    #expect(a == b)
    #expect(!a.isEmpty)
    var other = small
    other.seed = 5
    var c: [Data] = []
    other.generate(isReserved: isRealPlaceAtAnyLevel) { _, reports in c += reports.map { $0.bytes() } }
    #expect(a != c)
}

@Test func aGeneratedCountrysNamesAreNoRealPlacesNorEndInOne() {
    let counties = CountryGenerator(provinces: 12, citiesPerProvince: 6, countiesPerCity: 8, years: 2025...2025)
        .counties(isReserved: isRealPlaceAtAnyLevel)
    #expect(counties.count == 576)
    var names = Set<String>()
    for c in counties {
        names.insert(c.area.county)
        names.insert(c.area.city!)
        names.insert(c.area.province!)
    }
    // Counties are told apart by name alone (a roster keys them so): no two share one.
    #expect(Set(counties.map(\.area.county)).count == counties.count)
    for name in names {
        #expect(name.hasPrefix("例"), "\(name)")
        for k in 0..<(name.count - 1) { #expect(!isRealPlaceAtAnyLevel(String(name.dropFirst(k))), "\(name)") }
    }
}

@Test func aGeneratedCountrysCountiesVaryInSizeAndReportingRate() {
    let counties = CountryGenerator(provinces: 4, citiesPerProvince: 5, countiesPerCity: 5, years: 2025...2025)
        .counties(isReserved: isRealPlaceAtAnyLevel)
    let sizes = counties.map(\.townships.count)
    #expect(sizes.allSatisfy { (5...40).contains($0) })
    #expect(sizes.min()! <= 8 && sizes.max()! >= 32, "\(sizes)")
    let rates = counties.map(\.reportingRate)
    #expect(rates.min()! < 0.85 && rates.max()! > 0.95, "\(rates)")
    for c in counties { #expect(Set(c.townships).count == c.townships.count) }
}

@Test func extractionPlacesEveryReportOfAGeneratedCountryInItsProvinceCityAndCounty() throws {
    let extractor = ReportExtractor(catalog: catalog, gazetteer: gazetteer)
    var wrong: [String] = [], count = 0
    try small.generate(isReserved: isRealPlaceAtAnyLevel) { county, reports in
        for (n, report) in reports.enumerated() {
            // A file name that says nothing: the text alone must place the report.
            let document = try ReportReader.read(data: report.bytes(), url: URL(fileURLWithPath: "/country/\(n).txt"))
            let got = extractor.extract(document, source: report.fileName).metadata
            let t = report.truth
            #expect(t.county == county.area.county && t.city == county.area.city && t.province == county.area.province)
            let expected = ReportMetadata(township: t.township, county: t.county, city: t.city, province: t.province, year: t.year)
            if got != expected { wrong.append("\(t.file): \(got)") }
            count += 1
        }
    }
    #expect(count > 300)
    #expect(wrong.isEmpty, "\(wrong.prefix(5))")
}
