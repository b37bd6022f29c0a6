// libFuzzer target: the number scanner on any text (bytes read as UTF-8, invalid sequences repaired).
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    _ = NumberScanner.scan(text)
    return 0
}
