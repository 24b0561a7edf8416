import Verifier

/// How each verdict is shown: a symbol and a word, so reports read without colour.
public enum VerdictSymbol {
    public static func of(_ verdict: String) -> String {
        switch verdict {
        case "holds", "reproduced": return "✓"
        case "normalised": return "≈"
        case "context-dependent": return "◐"
        case "wrong", "not-reproduced": return "✗"
        case "not-checkable": return "–"
        default: return "?"
        }
    }

    /// The verification verdicts, in the order reports list them.
    public static let order = Verdict.allCases.map(\.rawValue)
}
