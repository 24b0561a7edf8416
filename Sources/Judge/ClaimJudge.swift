import GuideModel

/// Decides each claim's verdict from the runs of its program: a function of
/// (claims, runs), nothing else.
///
/// A claim is checked in every context it was run in: as a module and statement
/// by statement, and for a check, in each of its named contexts. It holds when
/// it passes in all of them, is wrong when it passes in none, and depends on the
/// context when it passes in some. When the program was also run once more with
/// another hash seed, random state and clock, a claim whose observation changed
/// depends on the run, whatever this run said.
public struct ClaimJudge {
    let runs: [ModeRun]
    let statementLines: [Int]
    /// Why the program did not run at all, when it did not.
    let problem: String?
    /// Names the program uses that nothing defines (`Reading.undefinedNames`).
    let undefinedNames: [String]
    /// Of those, the ones only a block that does not compile defines, with that block.
    var brokenDefinitions: [String: String] = [:]
    /// Names the program misspells (`Reading.typoNames`): a NameError on one is its own error.
    var typoNames: [String] = []

    /// - Parameters:
    ///   - statementLines: the first line of each top-level statement (`Reading.statementLines`).
    ///   - problem: why the program did not run, when it did not.
    ///   - undefinedNames: names the program uses and never defines.
    ///   - brokenDefinitions: of those, the ones only a block that does not compile defines.
    ///   - typoNames: names the program misspells.
    public static func judge(_ claims: [Claim], runs: [ModeRun], statementLines: [Int], problem: String? = nil,
                             undefinedNames: [String] = [], brokenDefinitions: [String: String] = [:],
                             typoNames: [String] = []) -> [ClaimResult] {
        let judge = ClaimJudge(runs: runs, statementLines: statementLines, problem: problem, undefinedNames: undefinedNames,
                               brokenDefinitions: brokenDefinitions, typoNames: typoNames)
        return claims.map(judge.judge)
    }

    /// The checks of one claim: each (mode, context) it ran in.
    private struct Checked {
        var mode: RunMode
        var context: String?
        var check: ContextCheck

        var label: String {
            let mode = self.mode == .module ? "as a module" : "statement by statement"
            return context.map { "\(mode), \($0)" } ?? mode
        }
    }

    func judge(_ claim: Claim) -> ClaimResult {
        if let reason = claim.notCheckable {
            return ClaimResult(claim: claim, verdict: .notCheckable, observed: "", reason: reason)
        }
        let checked = [RunMode.module, .interactive].compactMap { mode in runs.first { $0.mode == mode } }
            .flatMap { run in contexts(of: claim).map { Checked(mode: run.mode, context: $0.span?.context, check: check(claim, in: run, $0)) } }
        guard let primary = checked.first(where: { $0.mode == .module }) else {
            return ClaimResult(claim: claim, verdict: .wrong, observed: "", reason: problem ?? "the snippet did not run")
        }
        let interactive = checked.first { $0.mode == .interactive && $0.context == primary.context }
        var result = ClaimResult(claim: claim, verdict: .wrong, observed: primary.check.observed,
                                 observedInteractive: interactive.flatMap { $0.check.observed != primary.check.observed ? $0.check.observed : nil })
        // A check that did not run to its end (it hung, or one before it in its
        // run crashed) says nothing about the guide: fix the check.
        if claim.source == .check, let stopped = checked.first(where: { $0.check.notRun != nil }) {
            result.verdict = .brokenCheck
            result.reason = "\(stopped.check.notRun!) (\(stopped.label)); fix the check"
            return result
        }
        if let broken = checked.first(where: { $0.check.result == .broken }) {
            result.verdict = .brokenCheck
            result.reason = "\(broken.check.observed) (\(broken.label)); fix the check"
            return result
        }
        if !primary.check.passes, let missing = missing(claim, in: runs.first { $0.mode == .module }!) ?? capped(claim) {
            result.verdict = .notCheckable
            result.reason = missing
            return result
        }
        let names = checked.flatMap { item -> [Normalisation] in
            if case .normalised(let names) = item.check.result { return names }
            return []
        }
        result.normalisations = Array(Set(names)).sorted { $0.rawValue < $1.rawValue }
        let twoModesOnly = checked.allSatisfy { $0.context == nil }
        if checked.allSatisfy(\.check.passes) {
            result.verdict = names.isEmpty ? .holds : .normalised
            if !names.isEmpty {
                result.reason = "holds after: \(result.normalisationLabels.joined(separator: ", "))"
                    + (checked.compactMap(\.check.detail).first.map { " (\($0))" } ?? "")
            }
        } else if checked.contains(where: \.check.passes) {
            result.verdict = .contextDependent
            result.reason = twoModesOnly && checked.count == 2
                ? "as a module: \(describe(primary.check)); statement by statement: \(describe(interactive!.check))"
                : contextReason(checked)
        } else {
            result.verdict = .wrong
            let failing = checked.first { !$0.check.passes }!.check
            result.reason = failing.notRun ?? "observed \(describe(failing))"
        }
        return varied(result, claim: claim, primary: primary.check)
    }

    /// Which contexts hold and which do not: a context both modes agree on is
    /// named once; one where they differ is named with each mode.
    private func contextReason(_ checked: [Checked]) -> String {
        var parts: [String] = []
        var seen: Set<String> = []
        for item in checked where !seen.contains(item.context ?? "") {
            seen.insert(item.context ?? "")
            let same = checked.filter { $0.context == item.context }
            if Set(same.map { describe($0.check) }).count == 1, let name = item.context {
                parts.append("\(name): \(describe(item.check))")
            } else {
                parts += same.map { "\($0.label): \(describe($0.check))" }
            }
        }
        return parts.joined(separator: "; ")
    }

    /// Compared with the run that varied the hash seed, random state and clock.
    private func varied(_ result: ClaimResult, claim: Claim, primary: ContextCheck) -> ClaimResult {
        guard let run = runs.first(where: { $0.mode == .varied }), let context = contexts(of: claim).first,
              primary.notRun == nil else { return result }
        let other = check(claim, in: run, context)
        // Changed: it passes in one run and not the other, or fails in both with
        // different observations (addresses, which always change, aside).
        // When the two modes disagree, the same mode observing something else in
        // another run changes it too, pass or fail: the modes' difference may be
        // chance (`random.random()  # 0.5` rounds to 0.5 in one run, not in the next).
        // It may be the mode's too (a duration that varies and passes, and a
        // statement-by-statement run that fails for another reason): the reason
        // then keeps what the modes gave, beside what varied.
        // A check's message carries its own measurements: only its outcome counts.
        let observedOther = MemoryAddress.masked(other.observed) != MemoryAddress.masked(primary.observed)
        let modesDisagree = result.verdict == .contextDependent && result.observedInteractive != nil
        let changed = other.passes != primary.passes
            || (claim.source != .check && observedOther && (!other.passes || modesDisagree))
        guard other.notRun == nil, changed else { return result }
        var result = result
        result.variesBetweenRuns = true
        var gave = "this run observed \(describe(primary)); a run with another hash seed, random state and clock observed \(describe(other))"
        if modesDisagree, let modes = result.reason { gave += " (and in this run, \(modes))" }
        switch result.verdict {
        case .holds, .normalised, .wrong, .contextDependent:
            result.reason = "varies between runs: " + gave
            result.verdict = .contextDependent
        case .notCheckable, .brokenCheck:
            break
        }
        return result
    }

    /// What the guide leaves out, when that is why the claim's code failed: a
    /// name it never defines, a module not installed here, or what this machine
    /// does not give a run (stdin, the network, a file the guide does not
    /// provide), there or at a statement before it. Not evidence either way.
    private func missing(_ claim: Claim, in run: ModeRun) -> String? {
        let context = contexts(of: claim)[0]
        func isAbout(_ raised: ObservedException) -> Bool {
            guard case .raises(let type, _) = claim.expectation else { return false }
            return raised.bases.contains(type.split(separator: ".").last.map(String.init) ?? type)
        }
        let own = Evidence(claim: claim, run: run, span: context.span, spanIndex: context.index).exception
        // For want of what this machine does not give a run: the claim's own
        // statement raised it, or a statement before it did and the claim's then
        // never ran or met a name it left unbound (a check's code is guidecheck's: never).
        if claim.source != .check {
            if let own, !isAbout(own), let needs = Self.environmentNeed(own) { return "\(needs): \(own.summary)" }
            let ran = run.statements.contains { $0.index == claim.top }
            // A name nothing binds, or a typo of one, was never left unbound by an earlier failure.
            let unboundByFailure = own.map { $0.type == "NameError" && !(undefinedNames + typoNames).contains(Self.quotedName(in: $0.message)) } ?? false
            if !ran || unboundByFailure,
               let earlier = run.statements.last(where: { $0.index < claim.top && $0.exception.flatMap(Self.environmentNeed) != nil }),
               let raised = earlier.exception, !isAbout(raised), let needs = Self.environmentNeed(raised) {
                return "\(needs): \(raised.summary) at line \(line(of: earlier.index))"
            }
        }
        guard let raised = own else { return nil }
        if isAbout(raised) { return nil }  // the exception is what the claim is about
        // CPython's own words for Python 2's print and exec statements.
        if raised.type == "SyntaxError", raised.message.hasPrefix("Missing parentheses in call to 'print'")
            || raised.message.hasPrefix("Missing parentheses in call to 'exec'") {
            return "it is Python 2 code (\(raised.displayedMessage)), not Python 3"
        }
        let name = Self.quotedName(in: raised.message)
        if raised.type == "NameError", let block = brokenDefinitions[name] {
            return "it uses `\(name)`, defined only by \(block)"
        }
        if raised.type == "NameError", undefinedNames.contains(name) {
            return "it uses `\(name)`, which the guide never defines (a fixture can provide it)"
        }
        if raised.bases.contains("ImportError"), raised.type == "ModuleNotFoundError" {
            return "it needs the module `\(name)`, which is not installed here"
        }
        return nil
    }

    /// `name 'x' is not defined` → `x`.
    static func quotedName(in message: String) -> String {
        let quoted = message.split(separator: "'", omittingEmptySubsequences: false)
        return quoted.count >= 3 ? String(quoted[1]) : ""
    }

    /// What a run needed that this machine does not give it, from the exception
    /// that stopped it: input() at the end of an empty stdin, a network that is not
    /// there (runs have only the loopback), a file the guide never provides.
    static func environmentNeed(_ raised: ObservedException) -> String? {
        // input()'s own words at the end of stdin (pickle's EOFError is another).
        if raised.type == "EOFError", raised.message == "EOF when reading a line" {
            return "it reads stdin (input()), which is empty here"
        }
        // The system's words, not a guide's `raise ConnectionError("refused")`.
        let network: Set<String> = ["ConnectionError", "gaierror", "URLError", "NewConnectionError", "MaxRetryError", "Timeout"]
        let systemWords = ["[Errno", "Max retries exceeded", "Name or service not known", "Temporary failure in name resolution",
                           "Network is unreachable"]
        if (!network.isDisjoint(with: raised.bases) && systemWords.contains(where: raised.message.contains))
            || (raised.bases.contains("OSError") && raised.message.hasPrefix("[Errno 101] Network is unreachable")) {
            return "it needs the network, which this run could not reach"
        }
        if raised.type == "FileNotFoundError" { return "it needs a file the guide does not provide" }
        return nil
    }

    /// The claim's statements wrote more than guidecheck keeps: what it dropped
    /// might have held what the claim says, so no verdict either way.
    private func capped(_ claim: Claim) -> String? {
        guard let run = runs.first(where: { $0.mode == .module }) else { return nil }
        let tops: [Int]
        if case .spans(let spans) = claim.target { tops = spans.flatMap { Array($0.first...$0.last) } } else { tops = [claim.top] }
        let dropped = run.statements.filter { tops.contains($0.index) }.map(\.droppedBytes).reduce(0, +)
        guard dropped > 0 else { return nil }
        return "guidecheck kept only the start of its output (\(dropped) bytes more were written); what it documents may be in the rest"
    }

    /// The claim's contexts: one per span for claims about runs of statements.
    private func contexts(of claim: Claim) -> [(span: Span?, index: Int)] {
        if case .spans(let spans) = claim.target, !spans.isEmpty { return spans.enumerated().map { ($0.element, $0.offset) } }
        return [(nil, 0)]
    }

    private func check(_ claim: Claim, in run: ModeRun, _ context: (span: Span?, index: Int)) -> ContextCheck {
        let evidence = Evidence(claim: claim, run: run, span: context.span, spanIndex: context.index)
        return ContextJudge(claim: claim, evidence: evidence, line: line(of:)).check()
    }

    private func describe(_ check: ContextCheck) -> String {
        if let notRun = check.notRun { return notRun }
        let shown = check.observed.isEmpty ? "nothing" : check.observed.replacingOccurrences(of: "\n", with: "⏎")
        return check.passes ? "\(shown) (holds)" : shown
    }

    private func line(of top: Int) -> Int {
        top >= 0 && top < statementLines.count ? statementLines[top] : 0
    }
}
