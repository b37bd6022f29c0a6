// libFuzzer target: TextDecoder.decode on any bytes (compiled with the ReportText sources by Scripts/fuzz.sh).
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Data(bytes: bytes, count: count)
    if let (text, _) = TextDecoder.decode(data) { _ = TextNormalizer.normalize(text) }
    return 0
}
