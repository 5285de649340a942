/// Why the store could not be read or saved, written for the person at the keyboard:
/// what is wrong, where, and what to do.
public enum StoreError: Error, Sendable, Equatable {
    case unreadable(path: String, reason: String)
    case syntax(path: String, JSONSyntaxError)
    case invalid(path: String, StoreValidationError)
    case notSaved(path: String, reason: String)
    /// The change cannot be saved, ever: what it changes is gone, or the file would not read.
    case refused(String)
    /// The file was there when opened and has been deleted or moved since.
    case gone(path: String)
    case alreadyExists(path: String)
    case readOnly(path: String, reason: String)

    /// What is wrong and where, without the advice on what to do: for a message that
    /// gives its own.
    public var problem: String {
        switch self {
        case .syntax(let path, let error): "\(path):\(error.position): \(error.problem)"
        case .invalid(let path, let error): error.located(in: path)
        default: message
        }
    }

    public var message: String {
        switch self {
        case .unreadable(let path, let reason):
            "cannot read \(path): \(reason)"
        case .syntax(let path, let error):
            "\(path):\(error.position): \(error.problem). Fix the file (it was left untouched), "
                + "or move it aside to start a new store"
        case .invalid(let path, let error):
            "\(error.located(in: path)). Fix the file (it was left untouched); `fours check` lists every problem"
        case .notSaved(let path, let reason):
            "not saved to \(path): \(reason)"
        case .refused(let reason):
            reason
        case .gone(let path):
            "\(path) is gone (deleted or moved). What is on screen is kept; "
                + "press W to write it back there, or q to quit"
        case .readOnly(_, let reason):
            "read-only: \(reason); nothing is saved"
        case .alreadyExists(let path):
            "\(path) already exists; choose another path or remove it first"
        }
    }
}
