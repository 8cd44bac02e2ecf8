import DashConfig
import Foundation
import Pipeline

extension Doctor {
    /// The checks that need no network: config file, theme, terminal and audit log.
    /// - Parameter environment: The process environment.
    /// - Returns: The checks, in order.
    static func localChecks(environment: [String: String]) -> [DoctorCheck] {
        var checks: [DoctorCheck] = []
        let path = ConfigFile.url(environment: environment).path
        var themeName: String?
        do {
            let config = try ConfigFile.load(environment: environment)
            themeName = config.theme
            let exists = FileManager.default.fileExists(atPath: path)
            checks.append(
                DoctorCheck(
                    name: "config", status: .ok, detail: exists ? "\(path) parses" : "none at \(path): defaults",
                    fix: nil))
        } catch {
            checks.append(
                DoctorCheck(name: "config", status: .fail, detail: error.description, fix: "correct \(path)"))
        }
        checks.append(themeCheck(themeName, environment: environment))
        checks.append(terminalCheck(environment))
        checks.append(auditCheck(AuditLog.defaultURL(environment: environment)))
        return checks
    }

    static func themeCheck(_ name: String?, environment: [String: String]) -> DoctorCheck {
        switch ThemeLookup.find(named: name, environment: environment) {
        case .builtIn(let name):
            return DoctorCheck(name: "theme", status: .ok, detail: "\(name) (built in)", fix: nil)
        case .file(let path):
            return DoctorCheck(name: "theme", status: .ok, detail: "\(path) parses", fix: nil)
        case .invalid(let path, let message):
            return DoctorCheck(
                name: "theme", status: .fail, detail: "\(path): \(message)", fix: "correct the file, or drop it")
        case .missing(let name):
            return DoctorCheck(
                name: "theme", status: .warn, detail: "no theme named \(name): the default is used",
                fix: "put \(name).json in themes/ or $XDG_CONFIG_HOME/alpaca-dash/themes/")
        }
    }

    static func terminalCheck(_ environment: [String: String]) -> DoctorCheck {
        let term = environment["TERM"] ?? ""
        let locale =
            environment["LC_ALL"].flatMap { $0.isEmpty ? nil : $0 } ?? environment["LC_CTYPE"]
            .flatMap { $0.isEmpty ? nil : $0 } ?? environment["LANG"] ?? ""
        let utf8 = locale.uppercased().contains("UTF-8") || locale.uppercased().contains("UTF8")
        if term.isEmpty || term == "dumb" {
            return DoctorCheck(
                name: "terminal", status: .warn,
                detail: term.isEmpty ? "TERM is not set: only the headless commands work" : "TERM=dumb cannot draw",
                fix: "run the dashboard in a terminal emulator (TERM=xterm-256color)")
        }
        guard utf8 else {
            return DoctorCheck(
                name: "terminal", status: .warn,
                detail: "locale \(locale.isEmpty ? "unset" : locale) is not UTF-8: box drawing and sparklines break",
                fix: "export LANG=C.UTF-8 (or another UTF-8 locale)")
        }
        let colours: String
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty {
            colours = "NO_COLOR set: glyphs and bold only"
        } else if term.contains("256color") || environment["COLORTERM"] != nil {
            colours = "256 colours"
        } else {
            colours = "basic colours"
        }
        return DoctorCheck(name: "terminal", status: .ok, detail: "TERM=\(term), \(colours), \(locale)", fix: nil)
    }

    static func auditCheck(_ url: URL) -> DoctorCheck {
        let manager = FileManager.default
        if let attributes = try? manager.attributesOfItem(atPath: url.path) {
            let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? 0
            guard manager.isWritableFile(atPath: url.path) else {
                return DoctorCheck(
                    name: "audit log", status: .fail, detail: "\(url.path) is not writable",
                    fix: "chown it to this user, or set XDG_STATE_HOME")
            }
            guard mode & 0o077 == 0 else {
                return DoctorCheck(
                    name: "audit log", status: .warn,
                    detail: "\(url.path) has mode \(String(mode, radix: 8)): others can read it",
                    fix: "chmod 600 \(url.path) (the dashboard also does it when it next writes)")
            }
            return DoctorCheck(name: "audit log", status: .ok, detail: "\(url.path), mode 600", fix: nil)
        }
        // Not there yet: the nearest existing folder must let us create it.
        var folder = url.deletingLastPathComponent()
        while !manager.fileExists(atPath: folder.path) && folder.path != "/" { folder.deleteLastPathComponent() }
        guard manager.isWritableFile(atPath: folder.path) else {
            return DoctorCheck(
                name: "audit log", status: .fail, detail: "cannot create \(url.path): \(folder.path) is not writable",
                fix: "set XDG_STATE_HOME to a writable folder")
        }
        return DoctorCheck(
            name: "audit log", status: .ok, detail: "\(url.path) will be created with mode 600", fix: nil)
    }
}
