import CPython
import Glibc

/// `_guidecheck_native`: what guidecheck's Python helpers need from the Swift
/// side, so that each rule exists once.
///
/// - `flush_c_stdio()`: output written by C code through stdio (`printf`,
///   `puts`) sits in C's own buffer, which Python cannot flush; the helpers call
///   this before they mark a boundary in the output stream.
/// - `line_buffer_c_stdout()`: snippets run as if on a terminal, so C output
///   keeps its order.
/// - `fresh_main(path)`: installs a fresh `__main__` for `path`
///   (`GIL.installFreshMain`) and returns it.
/// - `describe_exception(error)`: an exception as guidecheck describes it
///   (`PythonException.describe`): a dict of `name`, `qualified`, `bases`,
///   `message`, `traceback`, `frames` (`[file, line]`, outermost first),
///   `syntax` (`[file, line, column]` or None) and `exit_code` (or None).
enum NativeModule {
    static let name = "_guidecheck_native"

    static func install(_ gil: inout GIL) throws(PythonException) {
        let flush: gc_cfunction = { _, _ in
            fflush(nil)
            return Py_NewRef(gc_none())
        }
        let lineBuffer: gc_cfunction = { _, _ in
            gc_line_buffer_stdout()
            return Py_NewRef(gc_none())
        }
        let freshMain: gc_cfunction = { _, argument in
            // Called from Python, so this thread holds the GIL.
            let gil = GIL()
            guard let argument else { return nil }
            do throws(PythonException) {
                let path = try PyRef(borrowing: argument).string(gil)
                return try gil.installFreshMain(file: path).stolen()
            } catch {
                return error.restore(gil)
            }
        }
        let describe: gc_cfunction = { _, argument in
            let gil = GIL()
            guard let argument else { return nil }
            let exception = PyRef(borrowing: argument)
            let type = PyRef(owning: gc_type_of(argument))
            let described = PythonException.describe(exception, type: type, gil)
            do throws(PythonException) {
                return try described.dictionary.object(gil).stolen()
            } catch {
                return error.restore(gil)
            }
        }
        let names = ["flush_c_stdio", "line_buffer_c_stdout", "fresh_main", "describe_exception"]
        let functions: [gc_cfunction?] = [flush, lineBuffer, freshMain, describe]
        let flags: [Int32] = [gc_meth_noargs(), gc_meth_noargs(), gc_meth_o(), gc_meth_o()]
        let cNames = names.map { strdup($0) }
        defer { cNames.forEach { free($0) } }
        let created = cNames.withUnsafeBufferPointer { namePointers in
            namePointers.withMemoryRebound(to: UnsafePointer<CChar>?.self) { names in
                gc_make_native_module(name, names.baseAddress, functions, flags, Int32(functions.count))
            }
        }
        let module = try PyRef.checked(created, gil)
        let modules = PyImport_GetModuleDict()
        if PyDict_SetItemString(modules, name, module.pointer) != 0 { throw PythonException.fetch(gil) }
    }
}

extension PythonException {
    /// `describe_exception`'s dict.
    var dictionary: PythonValue {
        .dictionary([
            ("name", .string(name)),
            ("qualified", .string(typeName)),
            ("bases", .list(bases.map { .string($0) })),
            ("message", .string(message)),
            ("traceback", .string(traceback)),
            ("frames", .list(frames.map { .list([.string($0.file), .int($0.line)]) })),
            ("syntax", syntaxLocation.map { .list([.string($0.file), .int($0.line), .int($0.column)]) } ?? .none),
            ("exit_code", exitCode.map { .int($0) } ?? .none),
        ])
    }

    /// Raises this exception's description in Python as a RuntimeError; returns
    /// the NULL a C function returns when it raises.
    func restore(_ gil: borrowing GIL) -> UnsafeMutablePointer<PyObject>? {
        gc_raise_runtime_error("guidecheck: \(summary)")
        return nil
    }
}
