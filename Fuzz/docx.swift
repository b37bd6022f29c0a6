// libFuzzer target: the DOCX reader, through ReportReader.read(data:url:) with a .docx URL.
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    _ = try? ReportReader.read(data: Data(bytes: bytes, count: count), url: URL(fileURLWithPath: "/fuzz/report.docx"))
    return 0
}
