import Testing
@testable import Extraction

@Test func missingMetadataFieldsAreNil() {
    let meta = ReportMetadata(township: "良垌镇")
    #expect(meta.county == nil && meta.year == nil)
}
