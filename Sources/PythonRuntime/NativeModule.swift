import CPython
import Glibc

/// `_guidecheck_native`: the few things Python code of guidecheck's needs from C.
///
/// Output written by C code through stdio (`printf`, `puts`) sits in C's own
/// buffer, which Python cannot flush; the helper modules call
/// `flush_c_stdio()` before they mark a boundary in the output stream.
enum NativeModule {
    static let name = "_guidecheck_native"

    static func install(_ gil: inout GIL) throws(PythonException) {
        let flush: gc_cfunction = { _, _ in
            fflush(nil)
            return Py_NewRef(gc_none())
        }
        let lineBuffer: gc_cfunction = { _, _ in
            // Snippets run as if on a terminal, so C output keeps its order.
            gc_line_buffer_stdout()
            return Py_NewRef(gc_none())
        }
        let names = ["flush_c_stdio", "line_buffer_c_stdout"]
        let functions: [gc_cfunction?] = [flush, lineBuffer]
        let flags: [Int32] = [gc_meth_noargs(), gc_meth_noargs()]
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
