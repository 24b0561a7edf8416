/// `1 snippet`, `62 snippets`: counts read as English in every report and message.
public func counted(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
