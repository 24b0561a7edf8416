import Foundation
import GuideModel

/// Compares a claim's documented text with what was observed: exactly, after the
/// text normalisations (`TextMatcher`), then by the rules for values as real
/// guides write them: rounded numbers, equal values, the printed form.
struct TextCheck {
    let claim: Claim
    let evidence: Evidence

    /// - Parameter value: the value observed, when the claim is about a value.
    func compare(observed: String, value: ObservedValue?) -> ContextCheck {
        let documented: String
        switch claim.expectation {
        case .text(let text): documented = text
        case .lines(let lines): documented = lines.joined(separator: "\n")
        case .computed(let python, _):
            guard let expected = evidence.run.probe(ProbePlan.expectationProbe(of: claim.id))?.value?.str else {
                return ContextCheck(result: .fails, observed: observed, notRun: "the manifest's reading (\(python)) could not be evaluated")
            }
            documented = expected
        case .raises, .noException:
            return ContextCheck(result: .fails, observed: observed)
        }
        // The manifest, not the words, says what is expected: never a plain `holds`.
        let reading: [Normalisation] = claim.readingNote == nil ? [] : [.manifestReading]
        switch TextMatcher.compare(documented: documented, observed: observed, allowing: Set(claim.extraNormalisations),
                                   excluding: isTranscript ? [.reprQuotes] : []) {
        case .exact:
            return ContextCheck(result: reading.isEmpty ? .holds : .normalised(reading), observed: observed)
        case .normalised(let names):
            return ContextCheck(result: .normalised(names + reading), observed: observed)
        case .different:
            guard let (name, detail) = valueRule(documented: documented.trimmingWhitespace(), observed: observed, value: value) else {
                return ContextCheck(result: .fails, observed: observed)
            }
            return ContextCheck(result: .normalised([name] + reading), observed: observed, detail: detail)
        }
    }

    /// The claim shows text as it appeared (a session, an output block, a
    /// check's `output:`), not a comment's description of it: `repr quotes` do
    /// not apply (print() never writes them).
    private var isTranscript: Bool { claim.source != .comment }

    /// The value rule under which `documented` says what was observed, if any.
    private func valueRule(documented: String, observed: String, value: ObservedValue?) -> (Normalisation, String?)? {
        if Self.rounded(documented: documented, observed: observed) { return (.rounded, nil) }
        if let value, let names = value.classNames, value.repr == observed, names.contains(documented) {
            return (.classByName, "IPython shows \(observed) as \(documented)")
        }
        if let evaluated = evidence.documentedValue, evaluated.error == nil {
            // `==` is not enough: `[0.0] == [-0.0]`, `[1] == [True]`; the values must be alike throughout.
            if let value, evaluated.equal == true, evaluated.alike == true, Self.comparableTypes(evaluated.type, value.type) {
                return (.equalValue, Self.difference(documented: documented, documentedType: evaluated.type,
                                                     observed: observed, observedType: value.type))
            }
            // A print: the documented value prints what was printed (a string's
            // quotes only in a comment: a transcript shows no quotes print did not write).
            if value == nil, TextMatcher.trimmedOutput(evaluated.str) == observed, !observed.isEmpty,
               !(isTranscript && evaluated.type == "str") {
                return (.equalValue, "prints the same")
            }
        }
        if let value, !value.isNone, value.str.trimmingWhitespace() == documented, !documented.isEmpty {
            return (.printedForm, value.type == "str" ? "a string written without its quotes" : "str() of the \(value.type)")
        }
        return nil
    }

    /// `1.72727` for 1.7272727…, `~3.1416` for π: rounded to the digits shown.
    static func rounded(documented: String, observed: String) -> Bool {
        let text = documented.hasPrefix("~") ? String(documented.dropFirst()) : documented
        guard let point = text.firstIndex(of: "."), text.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" }),
              let expected = Double(text), let actual = Double(observed.trimmingWhitespace()) else { return false }
        let decimals = text.distance(from: text.index(after: point), to: text.endIndex)
        guard decimals > 0, actual != expected else { return false }
        return String(format: "%.\(decimals)f", actual) == String(format: "%.\(decimals)f", expected)
    }

    /// The same type, or both plain numbers (`189` documented for `189.0`); never a bool.
    static func comparableTypes(_ documented: String, _ observed: String) -> Bool {
        documented == observed || (["int", "float"].contains(documented) && ["int", "float"].contains(observed))
    }

    /// What differed between two texts of equal values, for the reason.
    static func difference(documented: String, documentedType: String, observed: String, observedType: String) -> String {
        if documentedType != observedType { return "\(documentedType) documented, \(observedType) observed" }
        let squeezed = { (text: String) in text.filter { !$0.isWhitespace } }
        if squeezed(documented) == squeezed(observed) { return "whitespace" }
        if documentedType == "str" { return "the string's quotes" }
        if observed.hasSuffix(documented), observed.dropLast(documented.count).hasSuffix(".") {
            return "a qualified name (\(observed.dropLast(documented.count))\(documented.prefix { $0 != "(" }))"
        }
        if documentedType.hasSuffix("dict") || documentedType.hasSuffix("Dict") { return "dict order" }
        if documentedType == "set" || documentedType == "frozenset" { return "set order" }
        return "equal by =="
    }
}
