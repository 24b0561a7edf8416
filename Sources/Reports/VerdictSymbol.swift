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

    public static let order = ["holds", "normalised", "context-dependent", "wrong", "not-checkable"]
}
