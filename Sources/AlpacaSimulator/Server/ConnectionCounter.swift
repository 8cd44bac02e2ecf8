import HummingbirdCore

/// Counts accepted TCP connections: Hummingbird calls its delegate once per accepted child channel.
struct ConnectionCounter: AvailableConnectionsDelegate {
    /// Where the count goes.
    let state: ServerState

    /// Counts the connection.
    func connectionOpened() { state.connectionAccepted() }

    /// Nothing to do on close.
    func connectionClosed() {}

    /// The simulator never refuses connections.
    func isAcceptingNewConnections() -> Bool { true }
}
