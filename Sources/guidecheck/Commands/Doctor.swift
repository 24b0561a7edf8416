import ArgumentParser
import Foundation
import GuideModel
import PythonRuntime
import Reader
import Verifier

/// `guidecheck doctor`: is the embedded Python the one it should be, and can it
/// import what the guide's examples import?
struct Doctor: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the embedded Python and the modules the guide's examples import.",
        discussion: """
            Prints the embedded interpreter's version, prefix, executable, platform and core \
            count, checks that sys.executable is a real interpreter of the same version, and \
            imports every module the examples need. Exits 0 when all is well, 1 otherwise, \
            naming the Debian package that provides each missing module.

            Examples:
              guidecheck doctor
              guidecheck doctor pandas yaml             # also check these modules
              PATH=/tmp/decoy:$PATH guidecheck doctor   # another python3 first on PATH changes nothing
            """)

    @Argument(help: ArgumentHelp("More modules to check, beyond those the guide imports.", valueName: "module"))
    var extraModules: [String] = []

    @OptionGroup var interpreter: InterpreterOptions

    func run() throws {
        let python: PythonInterpreter
        do { python = try interpreter.start() } catch let failure as CommandFailure { Self.exit(with: failure) }
        // Each module once, whether the guide needs it or it was asked for.
        let known = Set(RequiredModule.guide.map(\.name))
        var extra: [RequiredModule] = []
        for name in extraModules where !known.contains(name) && !extra.contains(where: { $0.name == name }) {
            extra.append(RequiredModule(guessingPackageFor: name))
        }
        let modules = RequiredModule.guide + extra
        let facts = try python.withGILBlocking { gil in try DoctorFacts.gather(modules: modules.map(\.name), gil) }
        let info = python.info
        let executableVersion = DoctorFacts.version(ofInterpreter: info.executable)

        var problems: [String] = []
        func row(_ label: String, _ value: String) { print(label.padding(toLength: 12, withPad: " ", startingAt: 0) + value) }
        row("python", info.versionString.replacingOccurrences(of: "\n", with: " "))
        row("libpython", info.linked.library)
        row("prefix", info.prefix)
        row("stdlib", info.stdlib)
        switch executableVersion {
        case .success(let version) where version == info.version:
            row("executable", "\(info.executable) (runs Python \(version): matches)")
        case .success(let version):
            row("executable", "\(info.executable) (runs Python \(version): MISMATCH)")
            problems.append("sys.executable \(info.executable) runs Python \(version), not \(info.version); pass --python-executable")
        case .failure(let error):
            row("executable", "\(info.executable) (cannot run: \(error.message))")
            problems.append("sys.executable \(info.executable) cannot be run: \(error.message)")
        }
        row("platform", "\(info.platform) (\(facts.platform))")
        row("cores", "\(facts.cpuCount) (\(facts.usableCores) usable by this process)")
        if info.version != info.linked.version {
            problems.append("sys.version \(info.version) differs from the linked libpython \(info.linked.version)")
        }
        if !info.stdlib.hasPrefix(info.prefix) {
            problems.append("the standard library \(info.stdlib) is not under sys.prefix \(info.prefix)")
        }

        print("\nmodules the guide's examples import:")
        for module in modules {
            if let failure = facts.importFailures[module.name] {
                print("  missing  \(module.name.padding(toLength: 20, withPad: " ", startingAt: 0)) \(failure)")
                if let package = module.debianPackage {
                    problems.append("\(module.name) cannot be imported: install the Debian package \(package) (apt-get install \(package))")
                } else {
                    let top = module.name.split(separator: ".").first.map(String.init) ?? module.name
                    problems.append("\(module.name) cannot be imported, and no Debian package provides it here: install it with pip (\(info.executable) -m pip install \(top))")
                }
            } else {
                print("  ok       \(module.name)")
            }
        }
        if problems.isEmpty {
            print("\nAll good: guidecheck can run the guide's examples.")
            return
        }
        printError("\n\(counted(problems.count, "problem")):")
        problems.forEach { printError("  - \($0)") }
        throw ExitCode(ExitStatus.failure.rawValue)
    }
}

/// A module the guide's examples import, and the Debian package that provides it.
struct RequiredModule: Sendable {
    var name: String
    /// The Debian package that provides it; nil when there is none to name.
    var debianPackage: String?

    /// A module outside the guide's list: Debian names most `python3-<name>`,
    /// named only when apt knows a package of that name (never invented).
    init(guessingPackageFor name: String) {
        self.name = name
        let top = name.split(separator: ".").first.map(String.init) ?? name
        let candidate = "python3-" + top.lowercased().replacingOccurrences(of: "_", with: "-")
        debianPackage = Self.aptKnows(candidate) ? candidate : nil
    }

    /// Whether `apt-cache show` knows the package.
    static func aptKnows(_ package: String) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/apt-cache")
        process.arguments = ["show", "--no-all-versions", package]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    init(name: String, debianPackage: String?) {
        self.name = name
        self.debianPackage = debianPackage
    }

    /// Everything the guide's examples and guidecheck's benchmarks import.
    static let guide: [RequiredModule] = {
        let standardLibrary = [
            "abc", "array", "asyncio", "collections", "concurrent.futures", "contextlib", "copy",
            "cProfile", "dataclasses", "datetime", "functools", "gc", "itertools", "json", "math",
            "multiprocessing", "pstats", "re", "sys", "threading", "time", "tracemalloc", "typing",
            "weakref",
        ]
        return standardLibrary.map { RequiredModule(name: $0, debianPackage: "libpython3.11-stdlib") } + [
            RequiredModule(name: "requests", debianPackage: "python3-requests"),
            RequiredModule(name: "numpy", debianPackage: "python3-numpy"),
        ]
    }()
}

/// What doctor asks the interpreter.
struct DoctorFacts: Sendable {
    var platform: String
    var cpuCount: Int
    var usableCores: Int
    /// Module name → why it failed to import.
    var importFailures: [String: String]

    static func gather(modules: [String], _ gil: borrowing GIL) throws -> DoctorFacts {
        let os = try gil.importModule("os")
        let platform = try gil.importModule("platform").callMethod("platform", [], gil).string(gil)
        let cpuCount = try os.callMethod("cpu_count", [], gil).int(gil)
        let affinity = try os.callMethod("sched_getaffinity", [0], gil)
        var usable = 0
        try affinity.forEach(gil) { _ in usable += 1 }
        var failures: [String: String] = [:]
        for module in modules {
            do { _ = try gil.importModule(module) } catch { failures[module] = error.summary }
        }
        return DoctorFacts(platform: platform, cpuCount: cpuCount, usableCores: usable, importFailures: failures)
    }

    struct SpawnError: Error { var message: String }

    /// Runs `executable` and asks which Python it is.
    static func version(ofInterpreter executable: String) -> Result<String, SpawnError> {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-I", "-c", "import sys; print(sys.version.split()[0])"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return .failure(SpawnError(message: "\(error.localizedDescription)")) }
        let data: Data
        do { data = try pipe.fileHandleForReading.readToEnd() ?? Data() } catch {
            process.waitUntilExit()
            return .failure(SpawnError(message: "cannot read its output: \(error.localizedDescription)"))
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return .failure(SpawnError(message: "exit status \(process.terminationStatus)")) }
        return .success(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
