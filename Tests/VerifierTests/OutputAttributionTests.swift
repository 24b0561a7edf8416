import Testing
@testable import GuideModel
@testable import Judge
@testable import Reader
@testable import Reports
@testable import Runner
@testable import Verifier

@Suite("Attributing output to statements")
struct OutputAttributionTests {
    static func marker(_ event: String) -> String { "\u{1}GCnonce|\(event)\u{1}" }

    static let stream = marker("S0") + "zero\n" + marker("s0") + "late\n" + marker("S1") + "one\n"
        + marker("P7") + "in probe\n" + marker("p7") + marker("D") + "echo\n" + marker("d") + marker("s1") + marker("E")

    @Test("each byte goes to the statement running when it was written, whatever the chunking")
    func attribution() {
        let bytes = Array(Self.stream.utf8)
        for size in [1, 2, 3, 7, 16, bytes.count] {
            var attribution = OutputAttribution(nonce: "nonce", limit: 1 << 20)
            var offset = 0
            while offset < bytes.count {
                attribution.feed(bytes[offset..<min(bytes.count, offset + size)])
                offset += size
            }
            attribution.finish()
            let statements = attribution.statements()
            #expect(statements.map(\.output) == ["zero\n", "one\nin probe\n"], "chunks of \(size)")
            #expect(statements.map(\.trailing) == ["late\n", ""])
            #expect(statements.map(\.echo) == ["", "echo\n"])
            #expect(statements.allSatisfy { $0.finished })
            #expect(attribution.probe(7).runs == 1)
            #expect(attribution.probe(7).output == "in probe\n")
            #expect(attribution.ended)
            #expect(attribution.text == "zero\nlate\none\nin probe\necho\n")
        }
    }

    @Test("a marker with another nonce is output, not a marker")
    func foreignMarker() {
        var attribution = OutputAttribution(nonce: "nonce", limit: 1 << 20)
        attribution.feed(ArraySlice(Array((Self.marker("S0") + "\u{1}GCother|s0\u{1}x" + Self.marker("s0")).utf8)))
        attribution.finish()
        #expect(attribution.statements().first?.output == "\u{1}GCother|s0\u{1}x")
    }

    @Test("output past the limit is counted; a statement cut short is not finished")
    func limit() {
        var attribution = OutputAttribution(nonce: "nonce", limit: 4)
        attribution.feed(ArraySlice(Array((Self.marker("S0") + "123456789").utf8)))
        attribution.finish()
        #expect(attribution.text == "1234")
        #expect(attribution.dropped == 5)
        #expect(attribution.statements().first?.finished == false)
        #expect(!attribution.ended)
    }
}
