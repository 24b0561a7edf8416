import GuideModel

/// How each verdict is shown: a symbol beside its word, so reports read without colour.
public protocol VerdictSymbolic {
    var symbol: String { get }
}

extension Verdict: VerdictSymbolic {
    public var symbol: String {
        switch self {
        case .holds: return "✓"
        case .normalised: return "≈"
        case .contextDependent: return "◐"
        case .wrong: return "✗"
        case .notCheckable: return "–"
        case .brokenCheck: return "!"
        }
    }
}

extension BenchVerdict: VerdictSymbolic {
    public var symbol: String {
        switch self {
        case .reproduced: return "✓"
        case .contextDependent: return "◐"
        case .notReproduced: return "✗"
        case .inconclusive: return "?"
        case .notCheckable: return "–"
        }
    }
}
