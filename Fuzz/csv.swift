// libFuzzer target: the strict CSV reader (StrictCSVReader over yaslab/CSV.swift) on any bytes.
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    guard let reader = try? StrictCSVReader(data: Data(bytes: bytes, count: count)) else { return 0 }
    var previous = 0
    while let record = try? reader.next() {
        // Lines only go forward.
        precondition(record.line > previous, "line \(record.line) after \(previous)")
        previous = record.line
    }
    return 0
}
