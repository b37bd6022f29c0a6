import Extraction
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import ReportText
@testable import Review
import Store
import Testing

/// A store of one report of the example county whose text holds markup, and its workbench.
private func workbench() throws -> (Workbench, URL) {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fazhi-review-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let source = try String(contentsOfFile: "Data/example/reports/示例县-例乐镇-2024.txt", encoding: .utf8)
    let report = dir.appendingPathComponent("示例县-例乐镇-2024.txt")
    try (source + "\n附：<script>alert(1)</script><img src=x onerror=alert(2)>\n").write(to: report, atomically: true, encoding: .utf8)
    let extractor = ReportExtractor(catalog: try Catalog.standard(), gazetteer: try Gazetteer.standard())
    let extracted = extractor.extract(try ReportReader.read(report), source: report.path)
    let store = try ReportStore(path: dir.appendingPathComponent("fazhi.sqlite").path)
    try store.ingest([(extracted, contentHash: "test")])
    let settings = ReviewSettings(storePath: store.path, correctionsPath: dir.appendingPathComponent("corrections.csv").path,
                                  reviewer: "测试")
    return (try Workbench(settings: settings), dir)
}

private func server(_ bench: Workbench, _ dir: URL, host: String = "127.0.0.1") throws -> ReviewServer {
    try ReviewServer(bench: bench, host: host, port: 8765, resultsFolder: dir.appendingPathComponent("charts"))
}

/// The session cookie and CSRF token a page load gives.
private func session(_ client: some TestClientProtocol) async throws -> (cookie: String, csrf: String) {
    let page = try await client.execute(uri: "/", method: .get)
    #expect(page.status == .ok)
    let setCookie = try #require(page.headers[.setCookie])
    let cookie = String(setCookie.split(separator: ";")[0])
    let html = String(buffer: page.body)
    let start = try #require(html.range(of: "name=\"csrf-token\" content=\""))
    let csrf = String(html[start.upperBound...].prefix(64))
    return (cookie, csrf)
}

private func decision(_ indicator: String, value: String) -> ByteBuffer {
    ByteBuffer(string: #"{"report":1,"indicator":"\#(indicator)","action":"edit","value":"\#(value)","note":"t"}"#)
}

private func correctionCount(_ bench: Workbench) throws -> Int {
    let file = URL(fileURLWithPath: bench.settings.correctionsPath)
    let inFile = FileManager.default.fileExists(atPath: file.path)
        ? try String(contentsOf: file, encoding: .utf8).split(separator: "\n").count - 1 : 0
    return inFile + (try bench.store.corrections().count)
}

@Test func aDecisionWithTheSessionsTokenFromThisServerIsWritten() async throws {
    let (bench, dir) = try workbench()
    defer { try? FileManager.default.removeItem(at: dir) }
    let app = try server(bench, dir).application()
    try await app.test(.router) { client in
        let (cookie, csrf) = try await session(client)
        let answer = try await client.execute(uri: "/api/decision", method: .post,
                                              headers: [.cookie: cookie, HTTPField.Name("X-CSRF-Token")!: csrf, .origin: "http://127.0.0.1:8765",
                                                        .contentType: "application/json"],
                                              body: decision("mediation.disputes", value: "160"))
        #expect(answer.status == .ok, "\(String(buffer: answer.body))")
        #expect(try bench.store.corrections().map(\.value) == [160])
        #expect(try String(contentsOfFile: bench.settings.correctionsPath, encoding: .utf8).contains(",160,t,"))
    }
}

@Test(arguments: ["no token", "wrong token", "foreign origin", "cross-site fetch", "no session"])
func aStateChangingRequestWithoutTheTokenOrFromAnotherOriginChangesNothing(_ attack: String) async throws {
    let (bench, dir) = try workbench()
    defer { try? FileManager.default.removeItem(at: dir) }
    let app = try server(bench, dir).application()
    try await app.test(.router) { client in
        let (cookie, csrf) = try await session(client)
        var headers: HTTPFields = [.cookie: cookie, HTTPField.Name("X-CSRF-Token")!: csrf, .contentType: "application/json"]
        switch attack {
        case "no token": headers[HTTPField.Name("X-CSRF-Token")!] = nil
        case "wrong token": headers[HTTPField.Name("X-CSRF-Token")!] = String(repeating: "0", count: 64)
        case "foreign origin": headers[.origin] = "http://evil.example"
        case "cross-site fetch": headers[HTTPField.Name("Sec-Fetch-Site")!] = "cross-site"
        default: headers[.cookie] = nil
        }
        for uri in ["/api/decision", "/api/undo"] {
            let answer = try await client.execute(uri: uri, method: .post, headers: headers, body: decision("mediation.disputes", value: "1"))
            #expect(answer.status == .forbidden, "\(attack) \(uri): \(String(buffer: answer.body))")
        }
        #expect(try correctionCount(bench) == 0)
    }
}

@Test func aForeignHostNameIsRefusedAndLoopbackNamesAreNot() {
    let policy = AccessPolicy(host: "127.0.0.1", port: 8765, accessToken: nil)
    #expect(!policy.hostAllowed("rebound.example:8765"))
    #expect(!policy.hostAllowed("127.0.0.1.evil.example"))
    #expect(!policy.hostAllowed(nil))
    #expect(policy.hostAllowed("127.0.0.1:8765") && policy.hostAllowed("localhost:8765") && policy.hostAllowed("[::1]:8765"))
    #expect(!policy.originAllowed("http://127.0.0.1:9999") && !policy.originAllowed("https://127.0.0.1:8765"))
    #expect(policy.originAllowed("http://localhost:8765") && policy.originAllowed(nil))
    #expect(AccessPolicy(host: "192.0.2.7", port: 80, accessToken: "t").hostAllowed("192.0.2.7"))
}

@Test func aReportHoldingMarkupShowsItAsText() async throws {
    let (bench, dir) = try workbench()
    defer { try? FileManager.default.removeItem(at: dir) }
    let app = try server(bench, dir).application()
    try await app.test(.router) { client in
        let page = try await client.execute(uri: "/report/1", method: .get)
        #expect(page.status == .ok)
        let html = String(buffer: page.body)
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;"))
        #expect(!html.contains("<script>alert") && !html.contains("<img src=x"))
        // The only scripts are the server's own, and the policy forbids inline ones.
        #expect(page.headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true)
        #expect(html.components(separatedBy: "<script").count == 2)
    }
}

@Test func beyondLoopbackEveryRequestNeedsTheTokenPrintedAtStart() async throws {
    let (bench, dir) = try workbench()
    defer { try? FileManager.default.removeItem(at: dir) }
    let review = try server(bench, dir, host: "localhost.example")
    let token = try #require(review.accessToken)
    #expect(review.address(port: 8765).hasSuffix("?token=\(token)"))
    // The router test client addresses `localhost`: allowed by name, but not without the token.
    try await review.application().test(.router) { client in
        #expect(try await client.execute(uri: "/", method: .get).status == .unauthorized)
        #expect(try await client.execute(uri: "/?token=\(String(repeating: "f", count: 64))", method: .get).status == .unauthorized)
        let opened = try await client.execute(uri: "/?token=\(token)", method: .get)
        #expect(opened.status == .ok)
        let cookies = opened.headers[values: .setCookie].map { String($0.split(separator: ";")[0]) }
        let access = try #require(cookies.first { $0.hasPrefix("fazhi_access=") })
        #expect(try await client.execute(uri: "/report/1", method: .get, headers: [.cookie: access]).status == .ok)
    }
}

@Test func acceptingAValueMarksItReviewedAndUndoTakesItBack() async throws {
    let (bench, dir) = try workbench()
    defer { try? FileManager.default.removeItem(at: dir) }
    let app = try server(bench, dir).application()
    try await app.test(.router) { client in
        let (cookie, csrf) = try await session(client)
        let headers: HTTPFields = [.cookie: cookie, HTTPField.Name("X-CSRF-Token")!: csrf, .contentType: "application/json"]
        let accepted = try await client.execute(uri: "/api/decision", method: .post, headers: headers,
                                                body: ByteBuffer(string: #"{"report":1,"indicator":"mediation.disputes","action":"accept"}"#))
        #expect(accepted.status == .ok, "\(String(buffer: accepted.body))")
        #expect(String(buffer: accepted.body).contains("已接受"))
        let value = try #require(try bench.store.values().first { $0.indicator == "mediation.disputes" })
        #expect(value.reviewed && value.source != "correction")
        let undone = try await client.execute(uri: "/api/undo", method: .post, headers: headers)
        #expect(undone.status == .ok, "\(String(buffer: undone.body))")
        #expect(try bench.store.corrections().isEmpty)
        // Another session has nothing of its own to undo.
        let (other, otherCSRF) = try await session(client)
        let refused = try await client.execute(uri: "/api/undo", method: .post,
                                               headers: [.cookie: other, HTTPField.Name("X-CSRF-Token")!: otherCSRF])
        #expect(refused.status == .unprocessableContent)
    }
}

@Test func aWebPageReportShowsTheTextExtractionReadWithItsValuesMarkedNotItsMarkup() async throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fazhi-review-html-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let lines = try String(contentsOfFile: "Data/example/reports/示例县-例乐镇-2024.txt", encoding: .utf8)
        .split(separator: "\n").map { "<p style=\"text-indent:2em\">\($0)</p>" }
    let page = dir.appendingPathComponent("示例县-例乐镇-2024.html")
    try ("<html><head><meta charset=\"utf-8\"><title>报告</title></head><body>\n" + lines.joined(separator: "\n") + "\n</body></html>")
        .write(to: page, atomically: true, encoding: .utf8)
    let extractor = ReportExtractor(catalog: try Catalog.standard(), gazetteer: try Gazetteer.standard())
    let extracted = extractor.extract(try ReportReader.read(page), source: page.path)
    let store = try ReportStore(path: dir.appendingPathComponent("fazhi.sqlite").path)
    try store.ingest([(extracted, contentHash: "html")])
    let bench = try Workbench(settings: ReviewSettings(storePath: store.path, correctionsPath: dir.appendingPathComponent("c.csv").path,
                                                       reviewer: "测试"))
    let disputes = try #require(extracted.findings.first { $0.chosen && $0.indicator == "mediation.disputes" })
    try await server(bench, dir).application().test(.router) { client in
        let html = String(buffer: try await client.execute(uri: "/report/1", method: .get).body)
        let text = try #require(html.range(of: "<div class=\"text\" id=\"text\">").map { String(html[$0.upperBound...]) })
        #expect(!text.contains("&lt;p style"), "the markup is not shown")
        // The chosen value is marked where it stands: its written figure, inside its mark.
        let mark = try #require(text.range(of: #"<mark id="m\d+" class="v"[^>]*>"#, options: .regularExpression))
        #expect(text.contains(">\(disputes.written)</mark>"), "\(text[mark.lowerBound...].prefix(300))")
    }
}
