import Foundation
import GuideModel
import PythonRuntime
import PythonSyntax

/// What the reader asks CPython's own `ast`, `tokenize` and `symtable` about
/// source text (`analysis.py`, `guide_regions.py`).
public enum PythonReading {
    static let helpers = HelperModules(bundle: .module, [
        ("_guidecheck_regions", "guide_regions"),
        ("_guidecheck_analysis", "analysis"),
    ])

    /// Loads the reader's helper modules (once per interpreter; again is harmless).
    public static func install(_ gil: borrowing GIL) throws { try helpers.install(gil) }

    /// The facts of a program's source.
    public static func analyse(_ chunks: [Chunk], filename: String, isolatesSyntaxErrors: Bool = false,
                               _ gil: borrowing GIL) throws -> SnippetAnalysis {
        let json = String(decoding: try JSONEncoder().encode(chunks), as: UTF8.self)
        let text = try HelperModules.call("_guidecheck_analysis", "analyse",
                                          [.string(json), .string(filename), .bool(isolatesSyntaxErrors)], gil)
        return try JSONDecoder().decode(SnippetAnalysis.self, from: Data(text.utf8))
    }

    /// Whether `text` parses as Python statements.
    public static func parses(_ text: String, _ gil: borrowing GIL) -> Bool {
        (try? HelperModules.call("_guidecheck_analysis", "parses", [.string(text)], gil)) == "1"
    }

    /// How `text` parses as one Python expression; nil when it does not.
    public static func shape(of text: String, _ gil: borrowing GIL) -> ExpressionShape? {
        guard let line = try? HelperModules.call("_guidecheck_analysis", "shape_line", [.string(text)], gil), !line.isEmpty else { return nil }
        let fields = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        guard fields.count == 3 else { return nil }
        return ExpressionShape(kind: fields[0], name: fields[1].isEmpty ? nil : fields[1], literal: fields[2] == "1")
    }

    /// A plain-text guide's code-looking regions, as CPython's compiler sees its lines.
    public static func codeRegions(in text: String, _ gil: borrowing GIL) throws -> [GuideCoverage.Region] {
        let json = try HelperModules.call("_guidecheck_regions", "regions_json", [.string(text)], gil)
        let rows = try JSONDecoder().decode([[RegionField]].self, from: Data(json.utf8))
        return rows.compactMap { row in
            guard row.count == 3, case .number(let first) = row[0], case .number(let last) = row[1],
                  case .text(let kind) = row[2] else { return nil }
            return GuideCoverage.Region(firstLine: first, lastLine: last, kind: kind)
        }
    }

    private enum RegionField: Decodable {
        case number(Int)
        case text(String)

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let number = try? container.decode(Int.self) { self = .number(number) } else { self = .text(try container.decode(String.self)) }
        }
    }
}
