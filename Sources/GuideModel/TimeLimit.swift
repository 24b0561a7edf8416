/// What a run's time limit may be, wherever it is given (`--timeout`, a
/// manifest's `timeout`): a finite number of seconds above zero. NaN or
/// infinity would mean no limit at all, and the bound keeps every deadline
/// computed from it a representable time.
public enum TimeLimit {
    public static let maximum = 1_000_000.0

    public static func accepts(_ seconds: Double) -> Bool {
        seconds.isFinite && seconds > 0 && seconds <= maximum
    }

    /// For error messages: "must be …".
    public static let rule = "a number of seconds above 0 and at most 1000000"
}
