import GuideModel

/// A claim with its verdict and the evidence for it.
public struct ClaimResult: Codable, Sendable, Equatable {
    public var claim: Claim
    public var verdict: Verdict
    /// What the module run produced for it (in its first context).
    public var observed: String
    /// What the interactive run produced, when it differs from the module run.
    public var observedInteractive: String?
    /// The normalisations the verdict needed.
    public var normalisations: [Normalisation]
    /// Why, in words, for every verdict but `holds`.
    public var reason: String?
    /// True when another run (another hash seed, random state and clock) observed
    /// something else: what is observed here is this run's, not the program's.
    public var variesBetweenRuns: Bool

    public init(claim: Claim, verdict: Verdict, observed: String, observedInteractive: String? = nil,
                normalisations: [Normalisation] = [], reason: String? = nil, variesBetweenRuns: Bool = false) {
        self.claim = claim
        self.verdict = verdict
        self.observed = observed
        self.observedInteractive = observedInteractive
        self.normalisations = normalisations
        self.reason = reason
        self.variesBetweenRuns = variesBetweenRuns
    }

    /// Each normalisation as reports print it: its label, and for a manifest
    /// reading what the manifest says the claim means.
    public var normalisationLabels: [String] {
        normalisations.map { normalisation in
            normalisation == .manifestReading ? "manifest reading: \(claim.readingNote ?? "")" : normalisation.label
        }
    }
}
