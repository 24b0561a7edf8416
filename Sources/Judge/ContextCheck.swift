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

    /// The same check, `name` named first among its normalisations when it passes.
    func naming(_ name: Normalisation) -> ContextCheck {
        var check = self
        switch result {
        case .holds: check.result = .normalised([name])
        case .normalised(let names): check.result = .normalised([name] + names)
        case .fails, .broken: break
        }
        return check
    }
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
            // An output block shows what running the code showed: a compiler
            // warning it leaves out is named and shown, as in a session.
            return claim.source == .outputBlock ? warned(outputCheck(), "running it also shows") : outputCheck()
        case .session:
            return sessionCheck()
        }
    }

    /// What the code printed (or, printing nothing, its value) against the documented lines.
    private func outputCheck() -> ContextCheck {
        let output = TextMatcher.trimmedOutput(evidence.output)
        if let raised = evidence.exception, output.isEmpty {
            return claim.source == .check ? failedCheck(raised) : ContextCheck(result: .fails, observed: "raised \(raised.summary)")
        }
        // Nothing printed, and the code ends in an expression: the lines
        // documented under it are its value, as a REPL or notebook shows it.
        if output.isEmpty, let value = evidence.value, !value.isNone {
            return TextCheck(claim: claim, evidence: evidence).compare(observed: value.repr, value: value).naming(.valueNotOutput)
        }
        let printed = TextCheck(claim: claim, evidence: evidence).compare(observed: output, value: nil)
        // A notebook cell shows what it printed, then its last expression's value.
        if !printed.passes, claim.source == .outputBlock, let value = evidence.value, !value.isNone {
            let cell = TextCheck(claim: claim, evidence: evidence).compare(observed: output + "\n" + value.repr, value: nil)
            if cell.passes { return cell.naming(.valueAfterOutput) }
        }
        return printed
    }

    /// A check that passed without the compiler's warnings the code also showed:
    /// `undocumented warning`, the warnings shown before the observed text.
    private func warned(_ check: ContextCheck, _ words: String) -> ContextCheck {
        let warnings = TextMatcher.trimmedOutput(evidence.warnings)
        guard check.passes, !warnings.isEmpty else { return check }
        var check = check.naming(.undocumentedWarning)
        check.observed = warnings + (check.observed.isEmpty ? "" : "\n" + check.observed)
        let shown = warnings.replacingOccurrences(of: "\n", with: "⏎")
        check.detail = [check.detail, "\(words) \(shown)"].compactMap { $0 }.joined(separator: "; ")
        return check
    }

    /// What a `>>>` example showed, as the REPL shows it: the compiler's
    /// warnings, then its output and the echo of every expression statement's
    /// value, in the order written. A warning the guide leaves out is named
    /// (`undocumented warning`) and shown, never dropped silently.
    private func sessionCheck() -> ContextCheck {
        let shown = TextMatcher.trimmedOutput(evidence.shown)
        if let raised = evidence.exception {
            return ContextCheck(result: .fails, observed: (shown.isEmpty ? "" : shown + "\n") + "raised \(raised.summary)")
        }
        let warnings = evidence.warnings
        let unwarned = TextMatcher.trimmedOutput(evidence.shown.hasPrefix(warnings) ? String(evidence.shown.dropFirst(warnings.count)) : evidence.shown)
        // The value's own rules apply when the example shows nothing but one value.
        let value = evidence.value.flatMap { $0.isNone ? nil : $0 }
        let printedNothing = TextMatcher.trimmedOutput(evidence.output).isEmpty
        let onlyValue = { (text: String) in value.flatMap { printedNothing && text == $0.repr ? $0 : nil } }
        let whole = TextCheck(claim: claim, evidence: evidence).compare(observed: shown, value: onlyValue(shown))
        guard !whole.passes, !warnings.isEmpty else { return whole }
        let check = TextCheck(claim: claim, evidence: evidence).compare(observed: unwarned, value: onlyValue(unwarned))
        return check.passes ? warned(check, "the session also shows") : whole
    }

    /// A check that raised: a failed assertion is evidence against the claim;
    /// anything else means the check itself is broken.
    private func failedCheck(_ raised: ObservedException) -> ContextCheck {
        if raised.bases.contains("AssertionError") {
            return ContextCheck(result: .fails, observed: raised.summary.isEmpty ? "AssertionError" : raised.summary)
        }
        return ContextCheck(result: .broken, observed: "the check raised \(raised.summary)")
    }

    /// The part of a documented exception message that must begin the observed
    /// one, when the documentation says the rest is left out: the guide's text
    /// before a final `...` or `…` (an elision a reader can see); a check's
    /// `raises:` message, which names a prefix (docs/checks.md); a comment's
    /// message that stops where a word of the observed one ends. Otherwise nil:
    /// the message must be the one a traceback shows, whole.
    static func keptPart(of documented: String, observed: String, source: ClaimSource) -> String? {
        if source == .check { return documented }
        let text = documented.trimmingWhitespace()
        for marker in ["...", "…"] where text.hasSuffix(marker) {
            return String(text.dropLast(marker.count)).trimmingWhitespace()
        }
        // A comment is shorthand beside the code, not a transcript: `→ TypeError:
        // Can't instantiate abstract class Shape` for "… Shape with abstract
        // methods area, perimeter" says less, not something else. Output blocks
        // and sessions show what Python printed: their message must be whole.
        if source == .comment, Self.isShorterMessage(text, of: observed) { return text }
        return nil
    }

    /// Words after which the rest of a message qualifies what came before: a
    /// message cut just before them says something else, not less.
    static let qualifiers: Set<String> = ["not", "unless", "except", "only", "if", "when", "without", "but"]

    /// Whether a comment's message is the observed one cut where a thought ends:
    /// at the end of a word (not `ValueError: inv`), outside quotes and brackets
    /// (not `'12` for `'12 34'`, not `(1` for `(1, 2)`), not inside a number (not
    /// `limit 1` for `limit 1,000`, nor `1` for `1.5`), keeping at least three
    /// words and a third of the message's words (not `ValueError: invalid`), and
    /// not just before a qualifier (not `x is` for `x is not …`).
    static func isShorterMessage(_ text: String, of observed: String) -> Bool {
        guard !text.isEmpty, observed.count > text.count, observed.hasPrefix(text) else { return false }
        let rest = observed.dropFirst(text.count)
        guard let next = rest.first, next.isWhitespace || ",;:(".contains(next) else { return false }
        // Inside a number: `limit 1` for `limit 1,000`, `1` for `1.5` (not `10` before `: 'x'`).
        if let last = text.last, last.isNumber, ",.:".contains(next), rest.dropFirst().first?.isNumber == true { return false }
        for (open, close) in [("(", ")"), ("[", "]"), ("{", "}")] where text.filter({ String($0) == open }).count != text.filter({ String($0) == close }).count {
            return false
        }
        // Quotes, not apostrophes (`Can't`): a quote mark between two letters is a word's.
        let characters = Array(text)
        let quotes = characters.indices.filter { index in
            "'\"".contains(characters[index])
                && !(index > 0 && index + 1 < characters.count && characters[index - 1].isLetter && characters[index + 1].isLetter)
        }
        if quotes.count % 2 != 0 { return false }
        let keptWords = text.split(whereSeparator: \.isWhitespace).count
        let allWords = observed.split(whereSeparator: \.isWhitespace).count
        guard keptWords >= 3, keptWords * 3 >= allWords else { return false }
        let following = rest.drop { !$0.isLetter }.prefix { $0.isLetter }.lowercased()
        return !qualifiers.contains(following)
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
                // A traceback's last line names the very class; a comment or a
                // check may name a base (`# raises LookupError`).
                guard raised.bases.contains(leaf), claim.source == .comment || claim.source == .check else {
                    if claim.source == .check && !raised.bases.contains("AssertionError") {
                        return ContextCheck(result: .broken, observed: "the check raised \(raised.summary), not \(type)")
                    }
                    return ContextCheck(result: .fails, observed: raised.summary)
                }
                names.append(.exceptionSubclass)
                detail = "\(raised.qualified) is a \(leaf)"
            }
            if let message, raised.displayedMessage != message {
                guard let kept = Self.keptPart(of: message, observed: raised.displayedMessage, source: claim.source),
                      raised.displayedMessage.hasPrefix(kept) else { return ContextCheck(result: .fails, observed: raised.summary) }
                names.append(.exceptionMessagePrefix)
                let elided = "\"\(raised.displayedMessage.dropFirst(kept.count).trimmingWhitespace())\" left out"
                detail = detail.map { "\($0); \(elided)" } ?? elided
            }
            return ContextCheck(result: names.isEmpty ? .holds : .normalised(names), observed: raised.summary, detail: detail)
        default:
            return ContextCheck(result: .fails, observed: raised.map { "raised \($0.summary)" } ?? "raised nothing")
        }
    }
}
