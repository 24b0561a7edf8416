import CPython

/// A plain Swift value that can cross into Python.
///
/// Jobs hand data to Python as these values and get data back as Swift types,
/// never as Python objects, so nothing that needs the GIL leaves the job.
public enum PythonValue: Sendable, Equatable {
    case none
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case bytes([UInt8])
    case list([PythonValue])
    case tuple([PythonValue])
    case dictionary([(String, PythonValue)])

    public static func == (lhs: PythonValue, rhs: PythonValue) -> Bool {
        switch (lhs, rhs) {
        case (.none, .none): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.int(a), .int(b)): return a == b
        case let (.double(a), .double(b)): return a == b
        case let (.string(a), .string(b)): return a == b
        case let (.bytes(a), .bytes(b)): return a == b
        case let (.list(a), .list(b)), let (.tuple(a), .tuple(b)): return a == b
        case let (.dictionary(a), .dictionary(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    /// A new Python object holding this value.
    public func object(_ gil: borrowing GIL) throws(PythonException) -> PyRef {
        switch self {
        case .none:
            return PyRef(borrowing: gc_none())
        case .bool(let value):
            return PyRef(borrowing: value ? gc_true() : gc_false())
        case .int(let value):
            return try PyRef.checked(PyLong_FromLongLong(Int64(value)), gil)
        case .double(let value):
            return try PyRef.checked(PyFloat_FromDouble(value), gil)
        case .string(let value):
            let utf8 = Array(value.utf8)
            return try PyRef.checked(utf8.withUnsafeBufferPointer {
                $0.withMemoryRebound(to: CChar.self) { PyUnicode_DecodeUTF8($0.baseAddress, $0.count, "surrogateescape") }
            }, gil)
        case .bytes(let value):
            return try PyRef.checked(value.withUnsafeBufferPointer {
                $0.withMemoryRebound(to: CChar.self) { PyBytes_FromStringAndSize($0.baseAddress, $0.count) }
            }, gil)
        case .list(let elements):
            let list = try PyRef.checked(PyList_New(elements.count), gil)
            for (index, element) in elements.enumerated() {
                PyList_SetItem(list.pointer, index, try element.object(gil).stolen())
            }
            return list
        case .tuple(let elements):
            let tuple = try PyRef.checked(PyTuple_New(elements.count), gil)
            for (index, element) in elements.enumerated() {
                PyTuple_SetItem(tuple.pointer, index, try element.object(gil).stolen())
            }
            return tuple
        case .dictionary(let entries):
            let dictionary = try PyRef.checked(PyDict_New(), gil)
            for (key, value) in entries {
                let object = try value.object(gil)
                if PyDict_SetItemString(dictionary.pointer, key, object.pointer) != 0 { throw PythonException.fetch(gil) }
            }
            return dictionary
        }
    }
}

extension PythonValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}
