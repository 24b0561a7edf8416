import GuideModel
import Harness
import Judge
import Reader
import Verifier

// What fails, in every report made from the JSON (JUnit, annotations, the
// Markdown summary, merge's exit status): one rule, written down in the README.

extension VerificationDocument.ClaimEntry {
    /// Wrong or context-dependent: the guide's claim does not hold as written.
    public var isFalse: Bool { verdict.standing == .fails }

    /// `guide:line`, where a reader finds the documented text.
    public var place: String { "\(guide):\(guideLine)" }

    /// Under `verify`: its record is not as accepted in `expected/`.
    public var changed: Bool { expectedDiff != nil }

    /// A check of guidecheck's own that errored: to fix before it says anything.
    public var isBroken: Bool { verdict.standing == .broken }

    public var fails: Bool { isFalse || changed || isBroken }
}

extension VerificationDocument.SnippetEntry {
    /// It was run, and the run crashed, timed out or could not start.
    public var runFailed: Bool { status != .ok && status != .notRun }

    /// Under `verify`: its `expected/` file is missing, malformed or different.
    public var differsFromExpected: Bool { expected.map { $0.status != .same } ?? false }

    public var fails: Bool { runFailed || differsFromExpected }
}
