/// How a verdict stands, whatever produced it: all a report needs to decide
/// whether a claim fails, passes or stays open.
public enum Standing: Sendable, Equatable {
    /// The claim holds (perhaps after a named normalisation).
    case holds
    /// The claim does not hold as written.
    case fails
    /// Nothing could be concluded here (not checkable, inconclusive); the reason says why.
    case open
    /// guidecheck's own check of the claim failed: a fault to fix, not a verdict on the guide.
    case broken
}

/// The verdict family: every verdict guidecheck gives, from `verify` or `bench`,
/// is a value of one of these enums, spelled in reports by its raw value.
public protocol VerdictValue: RawRepresentable, CaseIterable, Codable, Sendable, Hashable where RawValue == String {
    var standing: Standing { get }
}

/// What guidecheck concludes about a claim it checked by running the guide's code.
public enum Verdict: String, VerdictValue {
    /// The documented text is what Python produced, in every context run.
    case holds
    /// It is, after the named normalisations.
    case normalised
    /// It holds in some contexts and not in others (module vs statement by statement).
    case contextDependent = "context-dependent"
    /// It is not what Python produced (or the line never ran).
    case wrong
    /// It cannot be checked on this machine; the reason says why.
    case notCheckable = "not-checkable"
    /// The check written for it errored: no verdict on the guide until it is fixed.
    case brokenCheck = "broken-check"

    public var standing: Standing {
        switch self {
        case .holds, .normalised: return .holds
        case .contextDependent, .wrong: return .fails
        case .notCheckable: return .open
        case .brokenCheck: return .broken
        }
    }
}

/// What guidecheck concludes about a performance or memory claim it measured.
public enum BenchVerdict: String, VerdictValue {
    case reproduced
    case notReproduced = "not-reproduced"
    case notCheckable = "not-checkable"

    public var standing: Standing {
        switch self {
        case .reproduced: return .holds
        case .notReproduced: return .fails
        case .notCheckable: return .open
        }
    }
}
