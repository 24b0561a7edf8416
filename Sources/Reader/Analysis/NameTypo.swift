/// Whether an undefined name is a typo of one the program binds: the same
/// name but for its case, or one letter added, dropped or changed
/// (`totl_items` for `total_items`). Stricter than CPython's "Did you mean …?",
/// which would take `timeit` (never imported) for `time`: a name the guide
/// leaves out is not a typo. Short names are left alone (`df` for `d`).
enum NameTypo {
    static func isTypo(_ name: String, of bound: [String]) -> Bool {
        guard name.count >= 5 else { return false }
        let lowered = name.lowercased()
        return bound.contains { candidate in
            guard candidate != name, candidate.count >= 5 else { return false }
            return candidate.lowercased() == lowered || distance(Array(name), Array(candidate), limit: 1) <= 1
        }
    }

    /// Levenshtein distance, stopping once it exceeds `limit`.
    static func distance(_ a: [Character], _ b: [Character], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, y) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))
            }
            if current.min()! > limit { return limit + 1 }
            previous = current
        }
        return previous[b.count]
    }
}
