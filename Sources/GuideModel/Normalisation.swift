/// A named way in which documented text may differ from what Python produced
/// and still say the same thing. Every one used is reported by name; nothing is
/// relaxed silently. The matching rules live in the judge (`TextMatcher`); here
/// are only the names, which the manifest, the JSON and the reports share.
public enum Normalisation: String, Codable, Sendable, CaseIterable, Hashable {
    /// `'zeroth'` documented, `zeroth` printed: the comment shows the repr of a
    /// string that print() shows without quotes. Only in a comment: a session or
    /// an output block that shows quotes print() did not write is wrong.
    case reprQuotes = "repr quotes"
    /// `<class 'D'>` documented, `<class '__main__.D'>` printed.
    case mainQualification = "__main__ qualification"
    /// `0x...` in the comment stands for any memory address (and the detail a
    /// repr prints after it, up to the next documented character); an address the
    /// guide printed after ` at ` stands for any address (each process has its own).
    case memoryAddress = "memory address"
    /// `~N` (a whole number, `~48 bytes`) is within ±10 % of the printed number.
    case approximately
    /// `0, 1, 2` documented, three lines printed.
    case commaJoinedLines = "comma-joined lines"
    /// A number of seconds stands for any number of seconds (opt-in per claim:
    /// durations are this machine's; the benchmarks compare them).
    case duration
    /// Runs of whitespace, newlines included, count as one space (doctest's
    /// NORMALIZE_WHITESPACE): `array([[1, 3],⏎   [5, 7]])` as printed with other
    /// indentation. Never inside a quoted string (`'a  b'` is not `'a b'`).
    case whitespace = "whitespace runs"
    /// `...` in the documented text stands for any text there (doctest's
    /// ELLIPSIS): `<function f at ...>`, `2222…`. Not `[...]` or `{...}` written
    /// whole: CPython's marker for a container that contains itself, which only
    /// that marker matches.
    case ellipsis = "ellipsis (...)"
    /// `# Output: 42`, `# => 42`: the text after a marker guides write before a
    /// result (`ResultMarker`) is what was printed, the text with it is not.
    case resultMarker = "result marker"
    /// The exception raised is a subclass of the one documented.
    case exceptionSubclass = "exception subclass"
    /// The documented message ends with `...` or `…`, and what comes before it
    /// begins the observed message (a check's `raises:` names a prefix). Any other
    /// documented message must be the one a traceback's last line shows, whole
    /// (a SyntaxError's without the ` (file, line N)` its str() adds).
    case exceptionMessagePrefix = "exception message prefix"
    /// A manifest annotation, not the documented words, gives what is expected.
    case manifestReading = "manifest reading"
    /// The documented text, evaluated where the claim stands, is the value
    /// observed, though the texts differ (`[ 1, 2 ]`, `date(…)` for
    /// `datetime.date(…)`, `189` for `189.0`, a dict in another order); the
    /// reason says what differed. `==` is not enough: the values must be alike
    /// throughout (the same types, an int and a float aside, never a bool for a
    /// number; the same sign of a float zero). A list in another order is not equal.
    case equalValue = "equal value"
    /// `1.72727`, `~3.1416`: the value, rounded to the digits shown, is the
    /// number documented.
    case rounded
    /// The documented text is `str()` of the value (`2020-10-28 12:30:59` for a
    /// datetime, a string written without its quotes).
    case printedForm = "printed form"
    /// Lines documented under an expression that printed nothing are its value,
    /// as a REPL or a notebook shows it.
    case valueNotOutput = "value, nothing printed"
    /// An output block shows what the code printed, then the value of the
    /// expression it ends with, as a notebook shows a cell's output and `Out`.
    case valueAfterOutput = "output, then the value"
    /// `int` documented for `<class 'int'>`, `(int, str)` for a tuple of classes:
    /// IPython and notebooks display a class by its qualified or plain name. Only
    /// when the value observed is a class (or a tuple or list of classes).
    case classByName = "class by name"
    /// A `>>>` session also showed a warning of the compiler's the guide leaves
    /// out (`<stdin>:1: SyntaxWarning: "is" with a literal…`); the report shows it.
    case undocumentedWarning = "undocumented warning"

    /// The tolerance `~` allows.
    public static let approximateTolerance = 0.10

    /// Normalisations a claim must be allowed explicitly (`normalise:` in the manifest).
    public static let optIn: Set<Normalisation> = [.duration]

    /// Those a manifest may name in `normalise:`.
    public static let allowable: [Normalisation] = [.reprQuotes, .mainQualification, .memoryAddress, .approximately,
                                                    .commaJoinedLines, .duration, .whitespace, .ellipsis]

    /// The name with the rule's parameter, as reports print it: `approximately (±10 %)`.
    public var label: String {
        switch self {
        case .approximately: return "approximately (±\(Int(Self.approximateTolerance * 100)) %)"
        default: return rawValue
        }
    }

    /// The normalisation a manifest names, by its name or its Swift case name.
    public static func named(_ name: String) -> Normalisation? {
        allCases.first { $0.rawValue == name || "\($0)" == name || $0.label == name }
    }
}
