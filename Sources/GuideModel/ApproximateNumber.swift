/// `~48 bytes`, `~800,056 bytes`, `~1s`: a number the guide gives loosely. The
/// reader takes such text for a value; the judge compares it within
/// `Normalisation.approximateTolerance`.
public struct ApproximateNumber: Sendable, Equatable {
    public var value: Double
    /// The text as written.
    public var written: String
    /// Digits written after the decimal point (0 for `~48 bytes`).
    public var decimals: Int

    public init?(_ text: String) {
        guard text.hasPrefix("~") else { return nil }
        let digits = text.dropFirst().prefix(while: { $0.isNumber || $0 == "," || $0 == "." || $0 == "_" })
        guard let value = Double(digits.filter { $0 != "," && $0 != "_" }) else { return nil }
        let unit = text.dropFirst(1 + digits.count).trimmingWhitespace()
        guard unit.allSatisfy({ $0.isLetter }) else { return nil }
        self.value = value
        written = text
        decimals = digits.split(separator: ".", maxSplits: 1).dropFirst().first?.count ?? 0
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
