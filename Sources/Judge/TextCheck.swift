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
        let first = compare(documented, observed: observed, value: value, adding: reading)
        guard !first.passes, !isTranscript, claim.readingNote == nil else { return first }
        // A comment may be the very text printed, though read as a value with a
        // condition or an explanation (`print(f"{n} in stock")  # 5 in stock`).
        if claim.kind == .output, case .text = claim.expectation, claim.documented != documented {
            let whole = compare(claim.documented, observed: observed, value: value, adding: [])
            if whole.passes { return whole }
        }
        // `# Output: ~3.14`: every rule again, on the text after the marker.
        if let stripped = ResultMarker.stripped(documented) {
            let marked = compare(stripped, observed: observed, value: value, adding: [.resultMarker])
            if marked.passes { return marked }
        }
        return first
    }

    /// One documented text against what was observed: exactly, after the text
    /// normalisations, then by the rules for values; `adding` names what made it.
    private func compare(_ documented: String, observed: String, value: ObservedValue?, adding: [Normalisation]) -> ContextCheck {
        var excluded: Set<Normalisation> = isTranscript ? [.reprQuotes, .commaJoinedLines] : []
        if isTranscript && !Self.mayWrap(documented: documented, observed: observed) { excluded.insert(.whitespace) }
        switch TextMatcher.compare(documented: documented, observed: observed, allowing: Set(claim.extraNormalisations),
                                   excluding: excluded) {
        case .exact:
            return ContextCheck(result: adding.isEmpty ? .holds : .normalised(adding), observed: observed)
        case .normalised(let names):
            return ContextCheck(result: .normalised(adding + names), observed: observed)
        case .different:
            guard let (name, detail) = valueRule(documented: documented.trimmingWhitespace(), observed: observed, value: value) else {
                return ContextCheck(result: .fails, observed: observed)
            }
            return ContextCheck(result: .normalised(adding + [name]), observed: observed, detail: detail)
        }
    }

    /// The claim shows text as it appeared (a session, an output block, a
    /// check's `output:`), not a comment's shorthand for it. Only a comment may
    /// abbreviate: a transcript that shows quotes print() never writes, lines
    /// joined by commas, a number with fewer digits (`0.3` for `0.1 + 0.2`), a
    /// string's str() where the REPL shows its repr, an int for a float or
    /// another order of a dict, shows something Python did not print.
    private var isTranscript: Bool { claim.source != .comment }

    /// Whether whitespace runs may stand for line breaks in a transcript: only
    /// when it keeps the printed lines (spacing inside them aside), or a printed
    /// line is long enough (over 79 characters) for a guide to wrap it.
    /// `print(name)` then `print(age)` shown as `Ada 36` is another output.
    static func mayWrap(documented: String, observed: String) -> Bool {
        let lines = { (text: String) in TextMatcher.trimmedOutput(text.trimmingWhitespace()).split(separator: "\n", omittingEmptySubsequences: false) }
        let printed = lines(observed)
        // An ellipsis may stand for lines: then the counts say nothing.
        return documented.contains("...") || documented.contains("…") || lines(documented).count == printed.count
            || printed.contains { $0.count > 79 }
    }

    /// The value rule under which `documented` says what was observed, if any.
    private func valueRule(documented: String, observed: String, value: ObservedValue?) -> (Normalisation, String?)? {
        // `~` or `about` says so in so many words, in a transcript too.
        if !isTranscript || ApproximateNumber(documented) != nil, Self.rounded(documented: documented, observed: observed) {
            return (.rounded, nil)
        }
        if let value, let names = value.classNames, value.repr == observed, names.contains(documented) {
            return (.classByName, "IPython shows \(observed) as \(documented)")
        }
        if let evaluated = evidence.documentedValue, evaluated.error == nil {
            // `==` is not enough: `[0.0] == [-0.0]`, `[1] == [True]`; the values must be alike throughout.
            if let value, evaluated.equal == true, evaluated.alike == true, Self.comparableTypes(evaluated.type, value.type) {
                let difference = ValueDifference(documented: documented, documentedType: evaluated.type,
                                                 observed: observed, observedType: value.type)
                // A dict keeps its insertion order: another order is another result, in a comment too.
                if (!isTranscript || difference.transcriptMayShow) && difference != .dictOrder {
                    return (.equalValue, difference.description)
                }
            }
            // A print: the documented value prints what was printed (a string's
            // quotes only in a comment: a transcript shows no quotes print did not write).
            // Not a number: how it prints is the claim (`0.0000001` for a printed `1e-07`).
            if value == nil, TextMatcher.trimmedOutput(evaluated.str) == observed, !observed.isEmpty,
               !(isTranscript && evaluated.type == "str"), !Self.numberTypes.contains(evaluated.type) {
                return (.equalValue, "prints the same")
            }
        }
        if !isTranscript, let value, !value.isNone, value.str.trimmingWhitespace() == documented, !documented.isEmpty {
            return (.printedForm, value.type == "str" ? "a string written without its quotes" : "str() of the \(value.type)")
        }
        return nil
    }

    /// `1.72727` for 1.7272727…, `~3.1416` for π: rounded to the digits shown.
    /// Without a `~`, an abbreviation drops at least two digits, and is not the
    /// float error itself: `0.1 + 0.2  # 0.3`, `sum([0.1] * 10)  # 1.0` and
    /// `math.sin(math.pi)  # 0.0` differ from what is written by a few units in
    /// the last place, the error guides teach; `3.14` for a printed `3.142` is
    /// another precision, not fewer digits. `99.99999  # 100.0` and `1 / 3  # 0.3`
    /// are roundings.
    static func rounded(documented: String, observed: String) -> Bool {
        let approximate = ApproximateNumber(documented)
        if approximate?.scaled == true { return false }
        let text = approximate?.digits ?? documented
        let observedText = observed.trimmingWhitespace()
        guard let point = text.firstIndex(of: "."), text.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" }),
              let expected = Double(text), let actual = Double(observedText) else { return false }
        let decimals = text.distance(from: text.index(after: point), to: text.endIndex)
        guard decimals > 0, actual != expected else { return false }
        // Without `~` or `about`: fewer digits of the same number, not the float
        // error itself (a few units in the last place of the number written).
        let floatError = abs(actual - expected) <= 1e-12 * max(abs(expected), 1)
        guard approximate != nil || (!floatError && significantDigits(observedText) >= significantDigits(text) + 2) else { return false }
        return String(format: "%.\(decimals)f", actual) == String(format: "%.\(decimals)f", expected)
    }

    /// `3.1429` → 5, `0.30000000000000004` → 17, `1.0` → 1, `1.2e-16` → 2.
    static func significantDigits(_ number: String) -> Int {
        let mantissa = number.prefix { $0 != "e" && $0 != "E" }.filter(\.isNumber)
        return mantissa.drop { $0 == "0" }.reversed().drop { $0 == "0" }.count
    }

    static let numberTypes: Set<String> = ["int", "float", "complex", "Decimal", "Fraction"]

    /// The same type, or both plain numbers (`189` documented for `189.0`); never a bool.
    static func comparableTypes(_ documented: String, _ observed: String) -> Bool {
        documented == observed || (["int", "float"].contains(documented) && ["int", "float"].contains(observed))
    }
}

/// How the texts of two equal values differ, said in the reason.
enum ValueDifference: Equatable {
    case types(documented: String, observed: String)
    case whitespace
    case quotes
    case qualifiedName(String)
    case dictOrder
    case setOrder
    case otherRepr

    init(documented: String, documentedType: String, observed: String, observedType: String) {
        let squeezed = { (text: String) in text.filter { !$0.isWhitespace } }
        if documentedType != observedType {
            self = .types(documented: documentedType, observed: observedType)
        } else if squeezed(documented) == squeezed(observed) {
            self = .whitespace
        } else if documentedType == "str" || Self.requoted(documented) == Self.requoted(observed) {
            self = .quotes
        } else if observed.hasSuffix(documented), observed.dropLast(documented.count).hasSuffix(".") {
            self = .qualifiedName("\(observed.dropLast(documented.count))\(documented.prefix { $0 != "(" })")
        } else if documentedType.hasSuffix("dict") || documentedType.hasSuffix("Dict") {
            self = .dictOrder
        } else if documentedType == "set" || documentedType == "frozenset" {
            self = .setOrder
        } else {
            self = .otherRepr
        }
    }

    /// The text with every double quote a single one, spacing aside: `["wtf"]`
    /// and `['wtf']` are one list written with other quotes.
    static func requoted(_ text: String) -> String {
        String(text.filter { !$0.isWhitespace }.map { $0 == "\"" ? "'" : $0 })
    }

    var description: String {
        switch self {
        case .types(let documented, let observed): "\(documented) documented, \(observed) observed"
        case .whitespace: "whitespace"
        case .quotes: "the string's quotes"
        case .qualifiedName(let name): "a qualified name (\(name))"
        case .dictOrder: "dict order"
        case .setOrder: "set order"
        case .otherRepr: "equal by =="
        }
    }

    /// What a transcript may show differently from Python's own repr of an
    /// equal value: spacing, a string's other quotes, a qualified name, a set's
    /// order (arbitrary, by hash). Not an int for a float, nor a dict's order
    /// (the insertion order Python keeps), nor another repr of an equal value
    /// (`Decimal('10')` for `Decimal('10.00')`, `Fraction(2, 4)`).
    var transcriptMayShow: Bool {
        switch self {
        case .whitespace, .quotes, .qualifiedName, .setOrder: true
        case .types, .dictOrder, .otherRepr: false
        }
    }
}
