import GuideModel

/// One claim's evidence in one run and one context, and what it says.
struct ContextCheck: Equatable {
    enum Result: Equatable {
        case holds
        case normalised([Normalisation])
        case fails
        /// The check written for the claim errored: no evidence either way.
        case broken
    }

    var result: Result
    var observed: String
    /// Set when the claim's code never ran here.
    var notRun: String?
    /// What a normalisation found, in words (`KeyError is a LookupError`, `whitespace`).
    var detail: String?

    var passes: Bool { result != .fails && result != .broken }
}

/// Judges one claim in one run and context: the rules per kind of claim.
struct ContextJudge {
    let claim: Claim
    let evidence: Evidence
    let line: (Int) -> Int

    func check() -> ContextCheck {
        if let notRun = evidence.notRun(lineOf: line) {
            return ContextCheck(result: .fails, observed: "", notRun: notRun)
        }
        switch claim.kind {
        case .exception:
            return exceptionCheck()
        case .check:
            guard let raised = evidence.exception else { return ContextCheck(result: .holds, observed: "raised nothing") }
            return failedCheck(raised)
        case .value:
            if let raised = evidence.exception, claim.source == .check { return failedCheck(raised) }
            guard let value = evidence.value else {
                let raised = evidence.exception.map { "raised \($0.summary)" } ?? "no value was recorded"
                return ContextCheck(result: .fails, observed: raised)
            }
            return TextCheck(claim: claim, evidence: evidence).compare(observed: value.repr, value: value)
        case .output, .block:
            let output = TextMatcher.trimmedOutput(evidence.output)
            if let raised = evidence.exception, output.isEmpty {
                return claim.source == .check ? failedCheck(raised) : ContextCheck(result: .fails, observed: "raised \(raised.summary)")
            }
            // Nothing printed, and the code ends in an expression: the lines
            // documented under it are its value, as a REPL or notebook shows it.
            if output.isEmpty, let value = evidence.value, !value.isNone {
                var check = TextCheck(claim: claim, evidence: evidence).compare(observed: value.repr, value: value)
                if case .normalised(let names) = check.result { check.result = .normalised([.valueNotOutput] + names) }
                if check.result == .holds { check.result = .normalised([.valueNotOutput]) }
                return check
            }
            return TextCheck(claim: claim, evidence: evidence).compare(observed: output, value: nil)
        case .session:
            var shown = TextMatcher.trimmedOutput(evidence.output)
            // A session shows the compiler's warnings too; compared only when
            // the guide shows one (most leave them out).
            if claim.documented.contains("Warning"), !evidence.warnings.isEmpty {
                shown = TextMatcher.trimmedOutput(evidence.warnings) + (shown.isEmpty ? "" : "\n" + shown)
            }
            if let raised = evidence.exception {
                return ContextCheck(result: .fails, observed: (shown.isEmpty ? "" : shown + "\n") + "raised \(raised.summary)")
            }
            let value = evidence.value.flatMap { $0.isNone ? nil : $0 }
            if let value { shown += (shown.isEmpty ? "" : "\n") + value.repr }
            // The value's own rules apply when the session shows only the value.
            let printedNothing = TextMatcher.trimmedOutput(evidence.output).isEmpty
            return TextCheck(claim: claim, evidence: evidence).compare(observed: shown, value: printedNothing ? value : nil)
        }
    }

    /// A check that raised: a failed assertion is evidence against the claim;
    /// anything else means the check itself is broken.
    private func failedCheck(_ raised: ObservedException) -> ContextCheck {
        if raised.bases.contains("AssertionError") {
            return ContextCheck(result: .fails, observed: raised.summary.isEmpty ? "AssertionError" : raised.summary)
        }
        return ContextCheck(result: .broken, observed: "the check raised \(raised.summary)")
    }

    private func exceptionCheck() -> ContextCheck {
        let raised = evidence.exception
        switch claim.expectation {
        case .noException:
            if let raised { return ContextCheck(result: .fails, observed: "raised \(raised.summary)") }
            return ContextCheck(result: .holds, observed: "raised nothing")
        case .raises(let type, let message):
            guard let raised else { return ContextCheck(result: .fails, observed: "raised nothing") }
            var names: [Normalisation] = []
            var detail: String?
            let leaf = type.split(separator: ".").last.map(String.init) ?? type
            if raised.type != leaf && raised.qualified != type {
                guard raised.bases.contains(leaf) else {
                    if claim.source == .check && !raised.bases.contains("AssertionError") {
                        return ContextCheck(result: .broken, observed: "the check raised \(raised.summary), not \(type)")
                    }
                    return ContextCheck(result: .fails, observed: raised.summary)
                }
                names.append(.exceptionSubclass)
                detail = "\(raised.qualified) is a \(leaf)"
            }
            if let message, raised.message != message {
                guard raised.message.hasPrefix(message) else { return ContextCheck(result: .fails, observed: raised.summary) }
                names.append(.exceptionMessagePrefix)
            }
            return ContextCheck(result: names.isEmpty ? .holds : .normalised(names), observed: raised.summary, detail: detail)
        default:
            return ContextCheck(result: .fails, observed: raised.map { "raised \($0.summary)" } ?? "raised nothing")
        }
    }
}
