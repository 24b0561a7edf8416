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
    /// The figure's interval lies inside what the claim accepts.
    case reproduced
    /// It holds under some of the claim's conditions and not under others
    /// (typecodes, sizes, a second reference), or on another machine's terms
    /// (an absolute time).
    case contextDependent = "context-dependent"
    /// The interval lies outside what the claim accepts.
    case notReproduced = "not-reproduced"
    /// The interval straddles a bound even after measuring more, or the values
    /// were unstable, or the machine busy.
    case inconclusive
    /// It cannot be checked on this machine; the reason says why.
    case notCheckable = "not-checkable"

    public var standing: Standing {
        switch self {
        case .reproduced: return .holds
        case .contextDependent, .notReproduced: return .fails
        case .inconclusive, .notCheckable: return .open
        }
    }
}
