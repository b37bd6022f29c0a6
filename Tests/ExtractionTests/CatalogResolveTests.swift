import Extraction
import Foundation
import Testing

private let catalog = try! Catalog.load(from: URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Data/catalog.json"))

@Test func anIndicatorResolvesByItsIdItsChineseNameAndItsEnglishName() throws {
    #expect(try catalog.resolve("mediation.resolved").id == "mediation.resolved")
    #expect(try catalog.resolve("调解成功数").id == "mediation.resolved")
    #expect(try catalog.resolve("petition closure rate").id == "petitions.closure_rate")
    #expect(try catalog.resolve(" 信访办结率 ").id == "petitions.closure_rate")
}

@Test func anUnambiguousPartOfANameResolves() throws {
    #expect(try catalog.resolve("办结率").id == "petitions.closure_rate")
    #expect(try catalog.resolve("出庭应诉").id == "review.head_appearance_rate")
    #expect(try catalog.resolve("closure_rate").id == "petitions.closure_rate")
}

@Test func aPartThatFitsSeveralIndicatorsIsAmbiguousAndNamesThem() {
    #expect(throws: Catalog.ResolveError.self) { try catalog.resolve("信访") }
    do {
        _ = try catalog.resolve("执法证")
        Issue.record("执法证 fits 新领执法证 and 注销执法证")
    } catch let error as Catalog.ResolveError {
        let text = error.description
        #expect(text.contains("新领执法证") && text.contains("注销执法证"), "\(text)")
    } catch { Issue.record("\(error)") }
}

@Test func anUnknownIndicatorNamesTheNearestInChineseAndEnglish() {
    do {
        _ = try catalog.resolve("信访办节率")
        Issue.record("a misspelt name resolved")
    } catch let error as Catalog.ResolveError {
        guard case .unknown(_, let nearest) = error else { Issue.record("\(error)"); return }
        #expect(nearest.first?.id == "petitions.closure_rate")
        #expect(error.description.contains("信访办结率") && error.description.contains("Petition closure rate"),
                "\(error.description)")
    } catch { Issue.record("\(error)") }
    #expect(throws: Catalog.ResolveError.self) { try catalog.resolve("") }
}
