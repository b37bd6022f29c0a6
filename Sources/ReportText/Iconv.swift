import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Conversions between character encodings through glibc iconv, all or nothing.
public enum Iconv {
    /// The whole input converted, or nil for any invalid or incomplete sequence.
    public static func convert(_ bytes: [UInt8], from source: String, to target: String) -> [UInt8]? {
        #if canImport(Glibc)
        let cd = iconv_open(target, source)
        if cd == iconv_t(bitPattern: -1) { return nil }
        defer { iconv_close(cd) }
        var input = bytes
        // Between UTF-8 and the Chinese encodings a character grows at most fourfold.
        var output = [UInt8](repeating: 0, count: input.count * 4 + 16)
        let produced: Int? = input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuf.baseAddress)?
                    .assumingMemoryBound(to: CChar.self)
                var inLeft = inBuf.count
                var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuf.baseAddress)?
                    .assumingMemoryBound(to: CChar.self)
                var outLeft = outBuf.count
                if inLeft > 0 {
                    let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                    if r == -1 || inLeft != 0 { return nil }
                }
                if iconv(cd, nil, nil, &outPtr, &outLeft) == -1 { return nil }
                return outBuf.count - outLeft
            }
        }
        return produced.map { Array(output[..<$0]) }
        #else
        return nil
        #endif
    }

    /// Text written in another encoding ("GB18030", "GBK"), or nil where it cannot be.
    public static func encode(_ text: String, to encoding: String) -> Data? {
        convert(Array(text.utf8), from: "UTF-8", to: encoding).map { Data($0) }
    }
}
