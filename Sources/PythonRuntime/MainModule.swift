import CPython

/// How guidecheck gives a script its own `__main__`, written once: `guidecheck
/// run`, every snippet run (through `_guidecheck_native.fresh_main`) and every
/// benchmark process use this.
///
/// A fresh module is installed as `sys.modules['__main__']` (runpy's
/// temporary-module pattern): `__name__ == '__main__'` holds, `__file__` is set,
/// and `multiprocessing` can pickle the script's module-level functions by name.
/// `sys.argv` and `sys.path[0]` are set as `python3 file.py` sets them.
extension GIL {
    /// Installs a fresh `__main__` for `file` and returns it; the previous state
    /// is not kept (a forked child that ends with the script).
    public func installFreshMain(file: String) throws(PythonException) -> PyRef {
        let sys = try importModule("sys")
        let modules = PyRef(borrowing: PyImport_GetModuleDict())
        let module = try PyRef.checked(PyModule_New("__main__"), self)
        try module.setAttribute("__file__", to: PythonValue.string(file).object(self), self)
        try module.setAttribute("__builtins__", to: importModule("builtins"), self)
        try module.setAttribute("__cached__", to: PythonValue.none.object(self), self)
        if PyDict_SetItemString(modules.pointer, "__main__", module.pointer) != 0 { throw PythonException.fetch(self) }
        try sys.setAttribute("argv", to: PythonValue.list([.string(file)]).object(self), self)
        _ = try sys.attribute("path", self).callMethod("insert", [0, .string(Self.scriptDirectory(of: file))], self)
        return module
    }

    /// Installs a fresh `__main__` for `file` while `body` runs, and puts back
    /// the previous `__main__`, `sys.argv` and `sys.path` afterwards.
    public func withMainModule(file: String, _ body: (borrowing PyRef) throws(PythonException) -> Void) throws(PythonException) {
        let sys = try importModule("sys")
        let modules = PyRef(borrowing: PyImport_GetModuleDict())
        let previousMain = try modules.item("__main__", self)
        let previousArgv = try sys.attribute("argv", self)
        let path = try sys.attribute("path", self)
        let directory = Self.scriptDirectory(of: file)
        let module = try installFreshMain(file: file)
        defer {
            PyDict_SetItemString(modules.pointer, "__main__", previousMain.pointer)
            _ = try? sys.setAttribute("argv", to: previousArgv, self)
            // Remove the entry this run added, wherever the script moved it.
            if let index = try? path.callMethod("index", [.string(directory)], self) {
                _ = try? path.callMethod("pop", [.int((try? index.int(self)) ?? 0)], self)
            }
            PyErr_Clear()
        }
        try body(module)
    }

    /// `sys.path[0]` for a script: its folder (`''`, the working directory, for a bare name).
    static func scriptDirectory(of file: String) -> String {
        guard let slash = file.lastIndex(of: "/") else { return "" }
        return slash == file.startIndex ? "/" : String(file[..<slash])
    }
}
