import Foundation
import TestSupport
import Testing
@testable import Reports

@Suite("JUnit XML")
struct JUnitReportTests {
    static let xmllint = JUnitSchema.xmllint

    static func validate(_ xml: String) throws -> (valid: Bool, output: String) {
        let scratch = ScratchDirectory()
        return try withExtendedLifetime(scratch) { try JUnitSchema.validate(file: scratch.write("report.xml", xml)) }
    }

    @Test("a case per claim and per snippet, with the verdict rules", .enabled(if: xmllint != nil, "xmllint (Debian's libxml2-utils) is not installed"))
    func verification() throws {
        let xml = JUnitReport.verification(Documents.verification, snippetsDirectory: "snippets", command: "verify", updateCommand: "guidecheck update")
        let validation = try Self.validate(xml)
        #expect(validation.valid, "\(validation.output)")
        // 3 run cases + 6 claims; failures: the changed file, wrong, context-dependent, the changed claim.
        #expect(xml.contains("<testsuites name=\"guidecheck verify\" tests=\"9\" failures=\"4\" errors=\"1\" skipped=\"2\""))
        #expect(xml.contains("classname=\"q05_interning\" name=\"line 12: output: [(&apos;s&apos;, 4), (&apos;i&apos;, 4)]\""))
        // Each claim's case points at the guide's line, where its words are.
        #expect(xml.contains("name=\"line 12: output: [(&apos;s&apos;, 4), (&apos;i&apos;, 4)]\" time=\"0.000\" file=\"guide.txt\" line=\"111\""))
        #expect(xml.contains("<failure type=\"wrong\""))
        #expect(xml.contains("<failure type=\"context-dependent\""))
        #expect(xml.contains("<failure type=\"changed\""), "a claim that holds but changed from expected/ fails under verify")
        #expect(xml.contains("<failure type=\"expected-differs\""))
        #expect(xml.contains("<skipped message=\"because not-checkable\"/>"))
        #expect(xml.contains("<skipped message=\"a shell command\"/>"))
        #expect(xml.contains("<error type=\"crashed\" message=\"killed by SIGSEGV in the statement at line 3 &lt;&amp;&gt;\u{FFFD}\""))
        #expect(xml.contains("<system-out>normalised after: repr quotes"), "a normalised claim passes, its normalisation named")
    }

    @Test("benchmarks: not-reproduced and context-dependent fail, inconclusive and not-checkable are skipped; each at its guide line",
          .enabled(if: xmllint != nil, "xmllint is not installed"))
    func benchmarks() throws {
        let xml = JUnitReport.benchmarks(Documents.benchmarks)
        #expect(try Self.validate(xml).valid)
        #expect(xml.contains("tests=\"5\" failures=\"2\" errors=\"0\" skipped=\"2\""), "\(xml)")
        #expect(xml.contains("file=\"guide.txt\" line=\"40\""))
    }

    @Test("the schema check can fail: a case without a name, or outcomes out of order", .enabled(if: xmllint != nil, "xmllint is not installed"))
    func schemaRejects() throws {
        #expect(try !Self.validate("<testsuites><testsuite name=\"s\" tests=\"1\"><testcase classname=\"c\"/></testsuite></testsuites>").valid)
        #expect(try !Self.validate("<testsuites><testsuite name=\"s\" tests=\"1\"><testcase name=\"n\"><failure/><skipped/></testcase></testsuite></testsuites>").valid)
    }
}
