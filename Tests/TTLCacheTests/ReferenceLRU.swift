/// A slow, obviously right LRU to check the cache's linked list against.
struct ReferenceLRU {
    let capacity: Int
    /// Most recent first.
    private(set) var keys: [Int] = []
    private var values: [Int: Int] = [:]
    private(set) var evictions = 0
    private(set) var hits = 0
    private(set) var misses = 0

    init(capacity: Int) { self.capacity = capacity }

    mutating func set(_ key: Int, _ value: Int) {
        if values[key] == nil, keys.count == capacity {
            values[keys.removeLast()] = nil
            evictions += 1
        }
        keys.removeAll { $0 == key }
        keys.insert(key, at: 0)
        values[key] = value
    }

    mutating func get(_ key: Int) -> Int? {
        guard let value = values[key] else {
            misses += 1
            return nil
        }
        hits += 1
        keys.removeAll { $0 == key }
        keys.insert(key, at: 0)
        return value
    }

    mutating func remove(_ key: Int) -> Int? {
        keys.removeAll { $0 == key }
        return values.removeValue(forKey: key)
    }
}
