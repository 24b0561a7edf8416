import Foundation

/// A JSON report of the wrong shape: one failed test, where `as!` would trap
/// and take every other test of the process with it.
public struct JSONShapeError: Error, CustomStringConvertible {
    public let description: String
}

/// `value` as a `T`, or an error that says what was there instead.
public func cast<T>(_ value: Any?, as type: T.Type = T.self) throws -> T {
    guard let typed = value as? T else {
        throw JSONShapeError(description: "expected \(T.self), found \(value.map { "\(Swift.type(of: $0)): \($0)" } ?? "nothing")")
    }
    return typed
}

/// The JSON object in the file at `path`.
public func jsonObject(at path: String) throws -> [String: Any] {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    do {
        return try cast(JSONSerialization.jsonObject(with: data), as: [String: Any].self)
    } catch let error as JSONShapeError {
        throw JSONShapeError(description: "\(path): \(error.description)")
    }
}
