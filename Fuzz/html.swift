// libFuzzer target: the HTML reader, through ReportReader.read(data:url:) with an .html URL.
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Data(bytes: bytes, count: count)
    _ = try? ReportReader.read(data: data, url: URL(fileURLWithPath: "/fuzz/report.html"))
    if let text = String(data: data, encoding: .utf8) { _ = HTMLText.extract(text) }
    return 0
}
