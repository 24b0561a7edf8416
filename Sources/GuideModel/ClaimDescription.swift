/// How a claim's expectation reads to a person.
extension Expectation {
    public var summary: String {
        switch self {
        case .text(let text): return text
        case .lines(let lines): return lines.joined(separator: " ⏎ ")
        case .raises(let type, let message): return "raises \(type)" + (message.map { ": \($0)" } ?? "")
        case .noException: return "raises nothing"
        case .computed(let python, let meaning): return "\(meaning) (= \(python))"
        }
    }
}

extension ClaimTarget {
    public var summary: String {
        switch self {
        case .statement: return "the statement"
        case .nested: return "the nested statement"
        case .value(let expression): return expression.map { "the value of \($0) after the statement" } ?? "the expression's value"
        case .evaluation(let expression): return "evaluating \(expression) here"
        case .spans(let spans):
            let runs = spans.map { "statements \($0.first)–\($0.last)" + ($0.context.map { " (\($0))" } ?? "") }
            return runs.joined(separator: ", ")
        }
    }
}
