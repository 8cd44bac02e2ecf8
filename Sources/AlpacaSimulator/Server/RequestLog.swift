import Synchronization

/// The simulator's request log: the last ``capacity`` requests, oldest first.
final class RequestLog: Sendable {
    /// How many records are kept.
    static let capacity = 10_000
    private let storage = Mutex((records: [SimRequestRecord](), next: 0))

    /// Appends a record, dropping the oldest past the capacity.
    func append(_ record: SimRequestRecord) {
        storage.withLock { s in
            if s.records.count < Self.capacity {
                s.records.append(record)
            } else {
                s.records[s.next] = record
                s.next = (s.next + 1) % Self.capacity
            }
        }
    }

    /// The records, oldest first.
    var records: [SimRequestRecord] {
        storage.withLock { s in Array(s.records[s.next...] + s.records[..<s.next]) }
    }

    /// Empties the log.
    func clear() { storage.withLock { $0 = ([], 0) } }
}
