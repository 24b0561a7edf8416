/// `~48 bytes`, `~800,056 bytes`, `~1s`, `about 3.14`, `≈ 1.414`, `~80 MB`: a
/// number the guide gives loosely. The reader takes such text for a value; the
/// judge compares it within `Normalisation.approximateTolerance`, or rounded to
/// the digits shown.
public struct ApproximateNumber: Sendable, Equatable {
    /// The number in bytes for a unit of size (`~80 MB`), else as written.
    public var value: Double
    /// The number as written, in its own unit (80 for `~80 MB`).
    public var unscaled: Double
    /// The text as written.
    public var written: String
    /// Whether the unit is one of time (`~1 s`, `about 2 seconds`): a duration,
    /// which the benchmarks measure, not a value.
    public var isDuration: Bool
    /// The number as written, without its marker and unit (`3.14`).
    public var digits: String
    /// Digits written after the decimal point (0 for `~48 bytes`).
    public var decimals: Int
    /// Whether a unit scaled it (`MB`, `KiB`): then it is compared scaled, not rounded.
    public var scaled: Bool

    /// What says "about" before a number.
    static let markers = ["~", "≈", "about ", "approximately ", "approx. ", "around ", "roughly "]

    /// Units of size a guide writes after a number of bytes.
    static let sizeUnits: [String: Double] = [
        "kb": 1e3, "mb": 1e6, "gb": 1e9, "kib": 1024, "mib": 1_048_576, "gib": 1_073_741_824,
    ]

    /// Units of time: a number of them is a duration.
    static let timeUnits: Set<String> = ["s", "sec", "secs", "second", "seconds", "ms", "millisecond", "milliseconds",
                                         "us", "µs", "microseconds", "ns", "nanoseconds", "min", "mins", "minute", "minutes",
                                         "h", "hour", "hours", "day", "days"]

    public init?(_ text: String) {
        guard let marker = Self.markers.first(where: { text.lowercased().hasPrefix($0) }) else { return nil }
        let number = text.dropFirst(marker.count).drop { $0 == " " }
        let digits = number.prefix(while: { $0.isNumber || $0 == "," || $0 == "." || $0 == "_" })
        guard let value = Double(digits.filter { $0 != "," && $0 != "_" }) else { return nil }
        let unit = number.dropFirst(digits.count).trimmingWhitespace()
        guard unit.allSatisfy({ $0.isLetter }) else { return nil }
        let scale = Self.sizeUnits[unit.lowercased()]
        self.value = value * (scale ?? 1)
        unscaled = value
        written = text
        self.digits = String(digits)
        decimals = digits.split(separator: ".", maxSplits: 1).dropFirst().first?.count ?? 0
        scaled = scale != nil
        isDuration = Self.timeUnits.contains(unit.lowercased())
    }
}

extension StringProtocol {
    /// Without leading and trailing Unicode whitespace.
    public func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(String.UnicodeScalarView(scalars[start...end]))
    }
}
