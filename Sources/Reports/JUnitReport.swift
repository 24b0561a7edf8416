import Foundation
import GuideModel
import Harness
import Judge
import Reader
import Verifier

/// JUnit XML, in the Ant/Jenkins form most CI systems read: `<testsuites>`, one
/// `<testsuite>` per snippet (or one for the benchmarks), one `<testcase>` per claim.
///
/// A claim passes when it holds or holds after its named normalisations (listed
/// in the case's output); it fails when it is wrong or context-dependent, or, under
/// `verify`, when its record differs from `expected/` (the diff is in the failure).
/// A not-checkable claim is skipped with its reason. Each snippet also has a case
/// for its run: an error when it crashed, timed out or could not run; a failure
/// when its `expected/` file is missing or differs; skipped when it is not runnable.
public enum JUnitReport {
    public static func verification(_ document: VerificationDocument, snippetsDirectory: String, command: String, updateCommand: String) -> String {
        var suites: [Suite] = []
        for snippet in document.snippets {
            let classname = (snippet.file as NSString).deletingPathExtension
            var suite = Suite(name: snippet.file, properties: [
                ("question", snippet.question), ("python", document.python),
                ("fixtures", snippet.fixtures.joined(separator: ", ")), ("file", "\(snippetsDirectory)/\(snippet.file)"),
            ])
            var run = Case(classname: classname, name: "runs", time: snippet.timing.workerSeconds)
            if let reason = snippet.notRunnable {
                run.outcome = .skipped(reason)
            } else if snippet.runFailed {
                run.outcome = .error(type: snippet.status.rawValue, message: snippet.problem ?? snippet.status.rawValue, text: snippet.problem ?? "")
            } else if snippet.differsFromExpected, let comparison = snippet.expected {
                run.name = "runs, as accepted in expected/"
                let status = comparison.status.rawValue
                run.outcome = .failure(type: "expected-\(status)", message: "\(comparison.path): \(status)",
                                       text: comparison.diff ?? "\(comparison.path) is \(status); run \(updateCommand)")
            }
            suite.cases.append(run)
            for claim in snippet.claims {
                var test = Case(classname: classname, name: "line \(claim.line): \(claim.kind.rawValue): \(claim.documented)", time: 0)
                var details = "at: \(claim.place)\ndocumented: \(claim.documented)\nexpected: \(claim.expected)\nobserved: \(claim.observed)"
                if let interactive = claim.observedInteractive { details += "\nstatement by statement: \(interactive)" }
                if let reason = claim.reason { details += "\nreason: \(reason)" }
                let verdict = claim.verdict.rawValue
                test.file = claim.guide
                test.line = claim.guideLine
                if claim.verdict.standing == .broken {
                    test.outcome = .error(type: verdict, message: claim.reason ?? verdict, text: details)
                } else if claim.verdict.standing == .open {
                    test.outcome = .skipped(claim.reason ?? "not checkable here")
                } else if claim.isFalse {
                    test.outcome = .failure(type: verdict, message: "\(verdict): documented \(claim.documented), observed \(claim.observed)",
                                            text: details + (claim.expectedDiff.map { "\n\n" + $0 } ?? ""))
                } else if let diff = claim.expectedDiff {
                    test.outcome = .failure(type: "changed", message: "\(verdict), but not as accepted in expected/", text: details + "\n\n" + diff)
                } else {
                    test.output = verdict + (claim.normalisation.map { " after: \($0)" } ?? "") + "\n" + details
                }
                suite.cases.append(test)
            }
            suites.append(suite)
        }
        return render(name: "guidecheck \(command)", suites: suites)
    }

    public static func benchmarks(_ document: BenchDocument) -> String {
        var suite = Suite(name: "benchmarks", properties: [
            ("python", document.python), ("cores", String(document.machine.cores)), ("cpu", document.machine.cpu),
            ("quick", String(document.quick)),
        ])
        for claim in document.claims {
            var test = Case(classname: claim.question, name: "\(claim.benchmark): \(claim.claim)", time: 0)
            if let line = claim.guideLine {
                test.file = claim.guideFile
                test.line = line
            }
            let details = "guide: \(claim.guide)\nmeasured: \(claim.measuredText)\npredicate: \(claim.predicate ?? "-")\nreason: \(claim.reason ?? "-")"
            switch claim.verdict.standing {
            case .open: test.outcome = .skipped(claim.reason ?? "not checkable here")
            case .fails: test.outcome = .failure(type: claim.verdict.rawValue, message: claim.reason ?? claim.verdict.rawValue, text: details)
            case .holds: test.output = details
            case .broken: test.outcome = .error(type: claim.verdict.rawValue, message: claim.reason ?? "", text: details)
            }
            suite.cases.append(test)
        }
        return render(name: "guidecheck bench", suites: [suite])
    }

    // MARK: - The document

    struct Suite {
        var name: String
        var properties: [(String, String)]
        var cases: [Case] = []
    }

    struct Case {
        enum Outcome {
            case passed
            case failure(type: String, message: String, text: String)
            case error(type: String, message: String, text: String)
            case skipped(String)

            /// The element that records it, nil for a pass.
            var element: String? {
                switch self {
                case .passed: return nil
                case .failure: return "failure"
                case .error: return "error"
                case .skipped: return "skipped"
                }
            }
        }

        var classname: String
        var name: String
        var time: Double
        var outcome: Outcome = .passed
        var output: String?
        /// Where the claim is in the guide (the `file`/`line` attributes pytest writes too).
        var file: String?
        var line: Int?
    }

    static func render(name: String, suites: [Suite]) -> String {
        func count(_ cases: [Case], _ element: String) -> Int { cases.filter { $0.outcome.element == element }.count }
        let all = suites.flatMap(\.cases)
        var lines = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>"]
        lines.append("<testsuites name=\"\(XML.escape(name))\" tests=\"\(all.count)\" failures=\"\(count(all, "failure"))\" errors=\"\(count(all, "error"))\" skipped=\"\(count(all, "skipped"))\" time=\"\(seconds(all.map(\.time).reduce(0, +)))\">")
        for (index, suite) in suites.enumerated() {
            let time = suite.cases.map(\.time).reduce(0, +)
            lines.append("  <testsuite name=\"\(XML.escape(suite.name))\" id=\"\(index)\" tests=\"\(suite.cases.count)\" failures=\"\(count(suite.cases, "failure"))\" errors=\"\(count(suite.cases, "error"))\" skipped=\"\(count(suite.cases, "skipped"))\" time=\"\(seconds(time))\">")
            if !suite.properties.isEmpty {
                lines.append("    <properties>")
                for (key, value) in suite.properties {
                    lines.append("      <property name=\"\(XML.escape(key))\" value=\"\(XML.escape(value))\"/>")
                }
                lines.append("    </properties>")
            }
            for test in suite.cases {
                var open = "    <testcase classname=\"\(XML.escape(test.classname))\" name=\"\(XML.escape(test.name))\" time=\"\(seconds(test.time))\""
                if let file = test.file { open += " file=\"\(XML.escape(file))\"" }
                if let line = test.line { open += " line=\"\(line)\"" }
                var body: [String] = []
                switch test.outcome {
                case .passed: break
                case .skipped(let reason): body.append("      <skipped message=\"\(XML.escape(reason))\"/>")
                case .failure(let type, let message, let text):
                    body.append("      <failure type=\"\(XML.escape(type))\" message=\"\(XML.escape(message))\">\(XML.escape(text))</failure>")
                case .error(let type, let message, let text):
                    body.append("      <error type=\"\(XML.escape(type))\" message=\"\(XML.escape(message))\">\(XML.escape(text))</error>")
                }
                if let output = test.output { body.append("      <system-out>\(XML.escape(output))</system-out>") }
                if body.isEmpty {
                    lines.append(open + "/>")
                } else {
                    lines.append(open + ">")
                    lines += body
                    lines.append("    </testcase>")
                }
            }
            lines.append("  </testsuite>")
        }
        lines.append("</testsuites>")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func seconds(_ value: Double) -> String { String(format: "%.3f", value) }
}
