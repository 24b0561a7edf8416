import GuideModel
import Harness
import Judge
import Reader
import Verifier

/// The claim records of an `expected/` file, one block each, so a change can be
/// pinned on the claim it belongs to (for JUnit, annotations, the review).
public enum ClaimBlocks {
    /// The blocks of the `== claims` section, in order: each starts at a line
    /// `line N  kind  verdict` and runs to the next.
    public static func parse(_ text: String) -> [[String]] {
        var blocks: [[String]] = []
        var inClaims = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("== ") {
                inClaims = line.hasPrefix("== claims")
                continue
            }
            guard inClaims, !line.isEmpty else { continue }
            if line.hasPrefix("line ") { blocks.append([line]) } else if !blocks.isEmpty { blocks[blocks.count - 1].append(line) }
        }
        return blocks
    }

    /// `line 9  output`: a block's identity, without its verdict.
    static func key(_ block: [String]) -> String {
        block.first.map { String($0.split(separator: " ", omittingEmptySubsequences: true).prefix(3).joined(separator: " ")) } ?? ""
    }

    /// For each claim of this run, in order, a unified diff of its block against
    /// the accepted one (nil where they are the same).
    public static func diffs(accepted: String, rendered: String, name: String) -> [String?] {
        var remaining = parse(accepted)
        return parse(rendered).map { block in
            let key = key(block)
            guard let index = remaining.firstIndex(where: { Self.key($0) == key }) else {
                return UnifiedDiff.render(from: "", to: block.joined(separator: "\n") + "\n", oldName: name, newName: "this run")
            }
            let old = remaining.remove(at: index)
            guard old != block else { return nil }
            return UnifiedDiff.render(from: old.joined(separator: "\n") + "\n", to: block.joined(separator: "\n") + "\n",
                                      oldName: name, newName: "this run")
        }
    }
}
