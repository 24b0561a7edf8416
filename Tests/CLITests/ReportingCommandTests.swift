import Foundation
import TestSupport
import Testing

/// What CI and reviewers get from a run: JUnit XML, annotations and the step
/// summary, Markdown, shards and their merge, and the terminal's manners.
@Suite("Reports from the command line")
struct ReportingCommandTests {
    static let root = GuideCheckCommand.packageRoot.path
    static let xmllint = JUnitSchema.xmllint
    static let script = ["/usr/bin/script", "/bin/script"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let escape = "\u{1B}["

    /// Committed snippets (no manifest) with their accepted results; `changed` gets line 9's
    /// accepted verdict edited, so the run differs from it.
    static func corpus(_ names: [String], changed: String? = nil) throws -> ScratchDirectory {
        let scratch = ScratchDirectory()
        for name in names {
            scratch.write("snippets/\(name).py", try String(contentsOfFile: "\(root)/snippets/\(name).py", encoding: .utf8))
            // Without the manifest the header names no topic: `question Q5`, not `question Q5 · is vs ==`.
            var accepted = try String(contentsOfFile: "\(root)/expected/\(name).txt", encoding: .utf8)
                .split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.hasPrefix("question ") ? String($0.split(separator: " · ")[0]) : String($0) }
                .joined(separator: "\n")
            // The copy has no checks/: no check may run after the snippet in its accepted results.
            let checks = (try? FileManager.default.contentsOfDirectory(atPath: "\(root)/snippets/checks")) ?? []
            let checked = try checks.contains { file in
                try String(contentsOfFile: "\(root)/snippets/checks/\(file)", encoding: .utf8).contains("snippet: \(name).py")
            }
            precondition(!checked, "\(name) has checks run after it; pick a snippet no check uses")
            if name == changed {
                let edited = accepted.replacingOccurrences(of: "line 9  output  context-dependent", with: "line 9  output  holds")
                precondition(edited != accepted, "the accepted file no longer has the line this test edits")
                accepted = edited
            }
            scratch.write("expected/\(name).txt", accepted)
        }
        return scratch
    }

    static func validate(_ path: String) throws -> (valid: Bool, output: String) { try JUnitSchema.validate(file: path) }

    @Test("report --html with stderr not a terminal: a line per stage, then one page with no script")
    func htmlStages() throws {
        let scratch = try Self.corpus(["q05_interning"])
        let result = try GuideCheckCommand.run(["report", "--html", "site"], directory: scratch.path)
        #expect(result.status == 0, "\(result.stderr)")
        let stages = result.stderr.split(separator: "\n").filter { $0.hasPrefix("guidecheck: ") }
        #expect(stages.contains { $0.hasPrefix("guidecheck: running 1 program in ") }, "\(result.stderr)")
        #expect(stages.contains { $0.hasPrefix("guidecheck: ran them in ") })
        #expect(stages.contains("guidecheck: writing the HTML report into site"))
        let page = try String(contentsOfFile: scratch.path + "/site/index.html", encoding: .utf8)
        #expect(page.contains("q05_interning") && !page.contains("<script"))
        let quiet = try GuideCheckCommand.run(["report", "--quiet", "--html", "site"], directory: scratch.path)
        #expect(!quiet.stderr.contains("guidecheck: "), "--quiet: no stage lines: \(quiet.stderr)")
    }

    @Test("on GitHub Actions: ::error lines on the claim's line, the summary appended to the step summary, valid JUnit, no colour",
          .enabled(if: xmllint != nil, "xmllint (Debian's libxml2-utils) is not installed; .ci/install installs it"))
    func githubActions() throws {
        let scratch = try Self.corpus(["q05_interning"], changed: "q05_interning")
        let summary = scratch.write("step-summary.md", "## an earlier step\n")
        let result = try GuideCheckCommand.run(
            ["verify", "--junit", "junit.xml", "--json", "report.json"],
            environment: ["GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": summary], directory: scratch.path)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout.contains("::error file=snippets/q05_interning.py,line=9,title=guidecheck%3A context-dependent::"))
        #expect(result.stdout.contains("::error file=expected/q05_interning.txt,title=guidecheck%3A expected/ differs::--- expected/q05_interning.txt%0A"))
        #expect(!result.stdout.contains(Self.escape) && !result.stderr.contains(Self.escape), "piped output has no colour")

        let appended = try String(contentsOfFile: summary, encoding: .utf8)
        #expect(appended.hasPrefix("## an earlier step\n"), "appended, not overwritten")
        #expect(appended.contains("## guidecheck: 1 snippet, 7 claims"))
        #expect(appended.contains("| ◐ context-dependent | 2 |"))
        #expect(appended.contains("| `snippets/q05_interning.py:9` | ◐ context-dependent, changed from expected/ |"))

        let validation = try Self.validate(scratch.path + "/junit.xml")
        #expect(validation.valid, "\(validation.output)")
        let junit = try String(contentsOfFile: scratch.path + "/junit.xml", encoding: .utf8)
        #expect(junit.contains("<failure type=\"expected-differs\""))
        #expect(junit.contains("<failure type=\"context-dependent\""))
        let json = try jsonObject(at: scratch.path + "/report.json")
        let snippet = try #require(cast(json["snippets"], as: [[String: Any]].self).first)
        #expect((snippet["expected"] as? [String: Any])?["status"] as? String == "differs")
    }

    @Test("--format markdown prints the summary anywhere; without GITHUB_ACTIONS there are no annotations")
    func markdown() throws {
        let scratch = try Self.corpus(["q05_interning"])
        let result = try GuideCheckCommand.run(["verify", "--format", "markdown"], environment: ["GITHUB_ACTIONS": ""], directory: scratch.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("| verdict | claims |"))
        #expect(result.stdout.contains("| ◐ context-dependent | 2 |"))
        #expect(!result.stdout.contains("::error"))
    }

    @Test("colour on a terminal, none with NO_COLOR",
          .enabled(if: script != nil, "script(1) from util-linux is needed to give the binary a terminal"))
    func colourOnlyOnATerminal() throws {
        let scratch = try Self.corpus(["q05_interning"], changed: "q05_interning")
        func onTerminal(_ environment: [String: String]) throws -> String {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: Self.script!)
            process.arguments = ["-qec", "\(GuideCheckCommand.binary) verify", "/dev/null"]
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
            process.currentDirectoryURL = URL(fileURLWithPath: scratch.path)
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = pipe
            process.standardInput = FileHandle.nullDevice
            try process.run()
            let output = String(decoding: (try pipe.fileHandleForReading.readToEnd() ?? Data()), as: UTF8.self)
            process.waitUntilExit()
            return output
        }
        let coloured = try onTerminal(["NO_COLOR": "", "TERM": "xterm"])
        #expect(coloured.contains("\(Self.escape)31m-line 9  output  holds"), "\(coloured)")
        #expect(coloured.contains("\(Self.escape)32m+line 9  output  context-dependent"))
        let plain = try onTerminal(["NO_COLOR": "1", "TERM": "xterm"])
        #expect(plain.contains("-line 9  output  holds"))
        #expect(!plain.contains("\(Self.escape)3"), "\(plain)")
    }

    @Test("report --timings: where the time went, on stderr and in the JSON")
    func timings() throws {
        let scratch = try Self.corpus(["q05_interning", "q06_legb"])
        let result = try GuideCheckCommand.run(["report", "--timings", "--json", "report.json"], directory: scratch.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("timings (2 snippets):"))
        #expect(result.stderr.contains("runs outside the code"))
        let json = try jsonObject(at: scratch.path + "/report.json")
        let timings = try #require(json["timings"] as? [String: Double])
        for key in ["workers_wall", "worker_read", "worker_runs_overhead", "worker_code", "judge", "guidecheck_user_seconds",
                    "workers_sys_seconds", "guidecheck_peak_rss_mb", "workers_peak_rss_mb"] {
            #expect(timings[key] != nil, "no \(key)")
        }
        #expect((timings["worker_runs_overhead"] ?? 0) > 0 && (timings["workers_peak_rss_mb"] ?? 0) > 1)
        let plain = try GuideCheckCommand.run(["report", "--json", "plain.json"], directory: scratch.path)
        let untimed = try jsonObject(at: scratch.path + "/plain.json")
        #expect(untimed["timings"] == nil && !plain.stderr.contains("timings ("), "only when asked")
    }

    @Test("report --timings lists the programs whose runs took 0.5 s or more, with the CPU their code used: a sleeper's share is small")
    func cpuShares() throws {
        let scratch = ScratchDirectory()
        scratch.write("snippets/sleeps.py", "import time\ntime.sleep(0.3)\n")
        scratch.write("snippets/spins.py", """
            import time
            end = time.process_time() + 0.3
            while time.process_time() < end:
                pass

            """)
        scratch.write("snippets/quick.py", "x = 1\n")
        let result = try GuideCheckCommand.run(["report", "--timings"], directory: scratch.path)
        #expect(result.status == 0, "\(result.stderr)")
        let rows = result.stderr.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init) }
        // "sleeps.py  0.61 s wall  0.00 s CPU  0 %": CPU time, not wall time, so the bounds hold under any load.
        let sleeps = try #require(rows.first { $0.first == "sleeps.py" }, "\(result.stderr)")
        let spins = try #require(rows.first { $0.first == "spins.py" }, "\(result.stderr)")
        #expect(try #require(Double(sleeps[4])) < 0.1, "\(sleeps)")
        #expect(try #require(Double(spins[4])) >= 0.4, "\(spins): two runs of 0.3 s of CPU")
        #expect(!rows.contains { $0.first == "quick.py" }, "a program under 0.5 s is not listed")
    }

    @Test("--quiet prints only what failed; --quiet with --verbose is a usage error")
    func quiet() throws {
        let passing = try Self.corpus(["q05_interning"])
        let silent = try GuideCheckCommand.run(["verify", "--quiet"], directory: passing.path)
        #expect(silent.status == 0)
        #expect(silent.stdout.isEmpty && silent.stderr.isEmpty, "\(silent.stdout)\(silent.stderr)")
        let failing = try Self.corpus(["q05_interning"], changed: "q05_interning")
        let diff = try GuideCheckCommand.run(["verify", "-q"], directory: failing.path)
        #expect(diff.status == 1)
        #expect(diff.stdout.contains("-line 9  output  holds"))
        let verbose = try GuideCheckCommand.run(["verify", "--verbose"], directory: passing.path)
        #expect(verbose.stderr.contains("q05_interning.py"), "--verbose names each snippet as it finishes: \(verbose.stderr)")
        let both = try GuideCheckCommand.run(["verify", "-q", "-v"], directory: passing.path)
        #expect(both.status == 64)
        #expect(both.stderr.contains("--quiet and --verbose cannot be used together"))
    }

    @Test("two shards, merged: every snippet once, one JUnit file; overlapping shards are refused",
          .enabled(if: xmllint != nil, "xmllint (Debian's libxml2-utils) is not installed"))
    func shardsAndMerge() throws {
        let names = ["q05_interning", "q06_legb", "q12_positive_int", "q21_defaultdict_counter"]
        let scratch = try Self.corpus(names)
        var shardFiles: [[String]] = []
        for shard in 1...2 {
            let result = try GuideCheckCommand.run(["verify", "--shard", "\(shard)/2", "--json", "shard-\(shard).json"], directory: scratch.path)
            #expect(result.status == 0, "\(result.stderr)")
            let json = try jsonObject(at: "\(scratch.path)/shard-\(shard).json")
            shardFiles.append(try cast(json["snippets"], as: [[String: Any]].self).map { try cast($0["file"], as: String.self) })
        }
        #expect(shardFiles.allSatisfy { !$0.isEmpty }, "both shards have work: \(shardFiles)")
        #expect(Set(shardFiles[0]).isDisjoint(with: shardFiles[1]))

        let merged = try GuideCheckCommand.run(["merge", "shard-1.json", "shard-2.json", "--json", "all.json", "--junit", "all.xml"], directory: scratch.path)
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(merged.stdout.contains("merged 2 reports: 4 snippets"))
        let all = try jsonObject(at: scratch.path + "/all.json")
        #expect(try cast(all["snippets"], as: [[String: Any]].self).map { try cast($0["file"], as: String.self) } == names.map { $0 + ".py" })
        let validation = try Self.validate(scratch.path + "/all.xml")
        #expect(validation.valid, "\(validation.output)")

        let overlapping = try GuideCheckCommand.run(["merge", "shard-1.json", "shard-1.json"], directory: scratch.path)
        #expect(overlapping.status == 2)
        #expect(overlapping.stderr.contains("shard-1.json"), "\(overlapping.stderr)")
        scratch.write("broken.json", "{\"python\": ")
        let broken = try GuideCheckCommand.run(["merge", "shard-1.json", "broken.json"], directory: scratch.path)
        #expect(broken.status == 2)
        #expect(broken.stderr.contains("broken.json: not a guidecheck JSON report"))
        let badShard = try GuideCheckCommand.run(["verify", "--shard", "3/2"], directory: scratch.path)
        #expect(badShard.status == 64)
    }

    @Test("every subcommand's --help shows an example of itself",
          arguments: ["verify", "update", "report", "merge", "claims", "coverage", "bench", "fixtures", "run", "doctor"])
    func helpHasExamples(_ command: String) throws {
        let result = try GuideCheckCommand.run([command, "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Examples:\n  guidecheck \(command)"), "\(result.stdout)")
    }

    @Test("shell completions for bash, zsh and fish name the subcommands", arguments: ["bash", "zsh", "fish"])
    func completions(_ shell: String) throws {
        let result = try GuideCheckCommand.run(["--generate-completion-script", shell])
        #expect(result.status == 0, "\(result.stderr)")
        for word in ["verify", "update", "report", "merge", "bench"] { #expect(result.stdout.contains(word)) }
        #expect(!result.stdout.contains("__worker"), "internal commands are hidden")
    }
}
