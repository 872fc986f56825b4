import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What went wrong with a file, in words an admin can act on ("permission denied", "is a
/// directory", "a symbolic link loop"), never a raw `NSCocoaErrorDomain Code=513`.
public enum FileProblem {
    /// Words for a POSIX error number.
    public static func describe(errno code: Int32) -> String {
        switch code {
        case EACCES, EPERM: "permission denied"
        case ENOENT: "no such file or directory"
        case ELOOP: "too many symbolic links (a symlink loop?)"
        case EISDIR: "it is a directory"
        case ENOTDIR: "a component of the path is not a directory"
        case EROFS: "read-only file system"
        case ENOSPC: "no space left on the device"
        case EEXIST: "it already exists"
        default: String(cString: strerror(code))
        }
    }

    /// Words for any error from Foundation's file APIs: the POSIX cause when there is one.
    public static func describe(_ error: any Error) -> String {
        if let posix = error as? POSIXError { return describe(errno: posix.code.rawValue) }
        let ns = error as NSError
        if ns.domain == NSPOSIXErrorDomain { return describe(errno: Int32(ns.code)) }
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError {
            return describe(underlying)
        }
        if ns.domain == NSCocoaErrorDomain {
            switch ns.code {
            case NSFileReadNoPermissionError, NSFileWriteNoPermissionError: return "permission denied"
            case NSFileNoSuchFileError, NSFileReadNoSuchFileError: return "no such file or directory"
            case NSFileWriteOutOfSpaceError: return "no space left on the device"
            case NSFileWriteVolumeReadOnlyError: return "read-only file system"
            case NSFileWriteFileExistsError: return "it already exists"
            default: break
            }
        }
        return ns.localizedDescription
    }

    /// Why `path` cannot be used as a regular file to read, or nil if it can: missing,
    /// a directory, a FIFO or device, a symlink loop, or not readable.
    public static func unreadableRegularFile(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return describe(errno: errno) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return "it is a directory, not a file"
        case S_IFIFO: return "it is a FIFO (named pipe), not a regular file"
        case S_IFCHR, S_IFBLK: return "it is a device, not a regular file"
        case S_IFSOCK: return "it is a socket, not a regular file"
        default: return "it is not a regular file"
        }
        guard access(path, R_OK) == 0 else { return describe(errno: errno) }
        return nil
    }
}
