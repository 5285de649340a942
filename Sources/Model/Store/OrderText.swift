import Glibc

/// An order's text as it stands in a file, as a dictionary key: hashed and compared as a
/// block of bytes, not a byte at a time.
struct OrderText: Hashable {
    let bytes: ArraySlice<UInt8>

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
    }

    func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }

    static func == (lhs: OrderText, rhs: OrderText) -> Bool {
        lhs.bytes.count == rhs.bytes.count && lhs.bytes.withUnsafeBytes { left in
            rhs.bytes.withUnsafeBytes { right in
                guard let first = left.baseAddress, let second = right.baseAddress else { return left.count == 0 }
                return memcmp(first, second, left.count) == 0
            }
        }
    }
}
