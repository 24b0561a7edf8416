import Foundation
import GuideModel
import Judge
import Reader
import Runner

/// The settings every verifying command shares.
public struct VerificationSettings: Sendable {
    /// `--timeout`: seconds per run, unless the manifest sets one for the snippet.
    public var timeout: Double?
    public var memoryLimit: Int
    public var outputLimit: Int
    public var scratchRoot: String
    /// The loopback HTTP server's base URL, for the `network` fixture.
    public var httpBase: String?
    public var isolation: RunSettings.Isolation

    public static let defaultTimeout = 60.0
    public static let defaultMemoryLimit = 4 << 30
    public static let defaultOutputLimit = 1 << 20

    public init(timeout: Double? = nil, memoryLimit: Int = defaultMemoryLimit, outputLimit: Int = defaultOutputLimit,
                scratchRoot: String = NSTemporaryDirectory(), httpBase: String? = nil, isolation: RunSettings.Isolation = .namespaces) {
        self.isolation = isolation
        self.timeout = timeout
        self.memoryLimit = memoryLimit
        self.outputLimit = outputLimit
        self.scratchRoot = scratchRoot
        self.httpBase = httpBase
    }
}

/// The results of verifying a folder of snippets.
public struct VerificationReport: Codable, Sendable {
    public var python: String
    public var snippets: [SnippetResult]
    /// Problems with the folder itself (a manifest entry without a file).
    public var corpusProblems: [CorpusError]
    /// The guide's question titles (`Q5` → `What is the difference …`), when it is known.
    public var questionTitles: [String: String]
    /// Wall-clock seconds for the whole run.
    public var seconds: Double
    /// Of which: snippets running side by side, then exclusive snippets alone.
    public var sharedPhaseSeconds: Double = 0
    public var exclusivePhaseSeconds: Double = 0
    /// Then the programs run once more, varied.
    public var variationPhaseSeconds: Double = 0

    public func count(_ verdict: Verdict) -> Int { snippets.reduce(0) { $0 + $1.count(verdict) } }
    public var claimCount: Int { snippets.reduce(0) { $0 + $1.claims.count } }
}

/// Snippets → jobs → runs → verdicts.
public enum Verification {
    /// Runs every snippet of `corpus` (in both modes) and judges every claim.
    public static func run(_ corpus: SnippetCorpus, settings: VerificationSettings, runner: SnippetRunner,
                           progress: @escaping @Sendable (SnippetOutcome) -> Void = { _ in }) throws -> VerificationReport {
        let started = Date()
        let python = try runner.pythonVersion()
        var jobs: [String: SnippetJob] = [:]
        for snippet in corpus.snippets where snippet.language == .python {
            guard snippet.problem == nil, let program = snippet.program(guide: corpus.guidePath) else { continue }
            let timeout = snippet.entry?.timeout ?? settings.timeout ?? corpus.manifest?.defaults?.timeout ?? VerificationSettings.defaultTimeout
            let limits = RunLimits(timeout: timeout, memory: settings.memoryLimit, output: settings.outputLimit)
            jobs[snippet.name] = SnippetJob(program: program, annotations: snippet.entry?.annotations ?? [],
                                            settings: RunSettings(fixtures: snippet.entry?.fixtures ?? [], limits: limits,
                                                                  modes: snippet.notRunnable == nil ? [.module, .interactive] : [],
                                                                  scratchRoot: settings.scratchRoot, httpBase: settings.httpBase,
                                                                  files: snippet.guideProgram?.files ?? [:], isolation: settings.isolation))
        }
        let exclusive = Set(corpus.snippets.filter { $0.entry?.exclusive == true }.map(\.name))
        let ordered = corpus.snippets.compactMap { jobs[$0.name] }
        var outcomes = runner.run(ordered, exclusive: exclusive, varied: false, progress: progress)
        var results = corpus.snippets.map { snippet -> SnippetResult in
            if snippet.language == .shell {
                return SnippetResult(snippet: snippet, outcome: ShellSyntax.check(snippet), claims: [], notRunnable: snippet.notRunnable)
            }
            let outcome = outcomes[snippet.name] ?? SnippetOutcome(snippet: snippet.name, problem: snippet.problem?.description ?? "it was never run")
            return SnippetResult(snippet: snippet, outcome: outcome, claims: judge(outcome), notRunnable: snippet.notRunnable)
        }
        // Before a claim is called wrong, or trusted where chance could have made
        // it hold, its program runs once more with another hash seed, random state
        // and clock (`Variation`); an observation that changes is reported as such.
        let variationStarted = Date()
        let again = results.filter(Variation.isNeeded).compactMap { result -> SnippetJob? in
            guard var job = jobs[result.snippet.name] else { return nil }
            job.settings.modes = [.varied]
            return job
        }
        if !again.isEmpty {
            let varied = runner.run(again, exclusive: exclusive, varied: true, progress: { _ in })
            for index in results.indices {
                guard let again = varied[results[index].snippet.name], let run = again.run(.varied) else { continue }
                results[index].outcome.runs.append(run)
                // The varied run's job read the program again: its time is this snippet's too.
                results[index].outcome.workerSeconds += again.workerSeconds
                results[index].outcome.analysisSeconds += again.analysisSeconds
                results[index].claims = judge(results[index].outcome)
                outcomes[results[index].snippet.name] = results[index].outcome
            }
        }
        let titles = corpus.guidePath.flatMap { try? Guide(path: $0).questionTitles } ?? [:]
        let phases = runner.phaseSeconds
        return VerificationReport(python: python, snippets: results, corpusProblems: corpus.problems,
                                  questionTitles: titles, seconds: Date().timeIntervalSince(started),
                                  sharedPhaseSeconds: phases.shared, exclusivePhaseSeconds: phases.exclusive,
                                  variationPhaseSeconds: again.isEmpty ? 0 : Date().timeIntervalSince(variationStarted))
    }

    /// The judge's verdicts on an outcome's claims.
    static func judge(_ outcome: SnippetOutcome) -> [ClaimResult] {
        ClaimJudge.judge(outcome.reading.claims, runs: outcome.runs, statementLines: outcome.reading.statementLines,
                         problem: outcome.problem, undefinedNames: outcome.reading.undefinedNames,
                         brokenDefinitions: outcome.reading.brokenDefinitions, typoNames: outcome.reading.typoNames)
    }
}

/// When a program is run once more, varied.
enum Variation {
    /// Modules whose results change from run to run: randomness and the clock.
    static let nondeterministic: Set<String> = ["random", "secrets", "uuid", "time", "datetime", "numpy.random"]

    /// A claim fails (it may only vary), or the program imports what varies, or
    /// makes sets, whose order of strings is the hash seed's (a claim may hold by
    /// chance).
    static func isNeeded(_ result: SnippetResult) -> Bool {
        guard result.notRunnable == nil, result.outcome.problem == nil, !result.outcome.runs.isEmpty else { return false }
        if result.claims.contains(where: { $0.verdict.standing == .fails }) { return true }
        // guidecheck's own checks are written to be deterministic; the guide's code may not be.
        let onlyChecks = result.snippet.guideProgram?.program.chunks.allSatisfy { $0.kind == .check } ?? false
        let reading = result.outcome.reading
        return !onlyChecks && (reading.buildsSets || !nondeterministic.isDisjoint(with: reading.imports))
    }
}

/// Shell snippets are not run (they start programs the guide does not provide);
/// their syntax is checked with `sh -n`.
enum ShellSyntax {
    static func check(_ snippet: Snippet) -> SnippetOutcome {
        var outcome = SnippetOutcome(snippet: snippet.name)
        guard snippet.problem == nil else {
            outcome.problem = snippet.problem!.description
            return outcome
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-n", snippet.path]
        let errors = Pipe()
        process.standardError = errors
        do {
            try process.run()
            let message = String(decoding: (try errors.fileHandleForReading.readToEnd() ?? Data()), as: UTF8.self)
            process.waitUntilExit()
            if process.terminationStatus != 0 {
                outcome.problem = "shell syntax error: " + message.trimmingWhitespace()
            }
        } catch {
            outcome.problem = "cannot check the shell syntax: \(error.localizedDescription)"
        }
        return outcome
    }
}
