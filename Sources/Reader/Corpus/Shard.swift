/// `--shard K/N`: the part of the snippets this CI job runs.
///
/// The split is deterministic (snippets in name order, dealt round-robin), and
/// the exclusive snippets, which run alone and take the longest, are dealt first
/// and separately, so no shard gets them all; the others continue the deal, so
/// every shard has nearly the same count.
public struct Shard: Sendable, Equatable, CustomStringConvertible {
    /// 1-based.
    public var index: Int
    public var count: Int

    public init?(_ text: String) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1, (1...count).contains(index) else {
            return nil
        }
        self.index = index
        self.count = count
    }

    public var description: String { "\(index)/\(count)" }

    public func select(_ snippets: [Snippet]) -> [Snippet] {
        let sorted = snippets.sorted { $0.name < $1.name }
        let exclusive = sorted.filter { $0.entry?.exclusive == true }
        let others = sorted.filter { $0.entry?.exclusive != true }
        let dealt = exclusive.enumerated().map { ($0.offset, $0.element) }
            + others.enumerated().map { ($0.offset + exclusive.count, $0.element) }
        return dealt.filter { $0.0 % count == index - 1 }.map(\.1).sorted { $0.name < $1.name }
    }
}
