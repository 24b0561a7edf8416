import Foundation
import TestSupport
import Testing
@testable import Reports

@Suite("The HTML report")
struct HTMLReportTests {
    static let page = HTMLReport(
        document: Documents.verification,
        sources: ["q05_interning.py": (1...16).map { "print(\($0))  # line \($0) <tag> & more" }.joined(separator: "\n") + "\n"],
        questionTitles: ["Q5": "What is the difference between is and ==?"],
        topics: ["q05_interning.py": "is vs =="], benchmarks: Documents.benchmarks)

    @Test("self-contained: no script, no external resource; verdicts as colour and symbol; charts present")
    func content() {
        let html = Self.page.render()
        #expect(!html.contains("<script"))
        #expect(!html.contains("http://") && !html.contains("https://"), "nothing is fetched")
        #expect(html.contains("<h2>Q5. What is the difference between is and ==?</h2>"))
        #expect(html.contains("<span class=\"line v-wrong\""))
        #expect(html.contains("<span class=\"mark\">✗</span>print(12)  # line 12 &lt;tag&gt; &amp; more"))
        #expect(html.contains("<span class=\"symbol\">◐</span> context-dependent"))
        #expect(html.contains("statement by statement</span> False"))
        #expect(html.components(separatedBy: "<svg class=\"chart figure-chart\"").count - 1 == 2, "a chart for each figure with a number")
        #expect(html.components(separatedBy: "<svg class=\"chart complexity-chart\"").count - 1 == 1)
        #expect(html.contains("class=\"expected\""), "the band the guide's claim accepts")
        #expect(html.contains("<polyline points="), "the line of the measured exponent")
        #expect(html.contains("95 % interval 9.1–9.9"), "the interval is drawn")
        #expect(html.contains("fixtures: none"))
    }

    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }

    static func chromium(_ arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium!)
        process.arguments = ["--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = try output.fileHandleForReading.readToEnd() ?? Data()
        process.waitUntilExit()
        return data
    }

    @Test("headless Chromium renders it from file://: not blank, charts in the rendered page",
          .enabled(if: chromium != nil, "Debian's chromium is not installed (.ci/install installs it)"))
    func rendered() throws {
        let scratch = ScratchDirectory()
        let index = try Self.page.write(to: scratch.path + "/site")
        let blank = scratch.write("blank.html", "<!doctype html><title>blank</title>")
        for (page, image) in [(index, "page.png"), (blank, "blank.png")] {
            _ = try Self.chromium(["--window-size=1000,1400", "--screenshot=\(scratch.path)/\(image)", "file://\(page)"])
        }
        let page = try Data(contentsOf: URL(fileURLWithPath: scratch.path + "/page.png"))
        let empty = try Data(contentsOf: URL(fileURLWithPath: scratch.path + "/blank.png"))
        #expect(page.starts(with: [0x89, 0x50, 0x4E, 0x47]), "a PNG")
        #expect(page.count > empty.count * 5, "a blank page of the same size compresses to \(empty.count) bytes; this one is \(page.count)")
        let dom = String(decoding: try Self.chromium(["--dump-dom", "file://\(index)"]), as: UTF8.self)
        #expect(dom.components(separatedBy: "<svg class=\"chart").count - 1 == 3, "every chart is in the rendered DOM")
        #expect(dom.contains("<circle"))
    }
}
