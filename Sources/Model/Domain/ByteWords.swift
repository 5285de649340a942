/// Eight bytes taken as one word, for looking at text eight bytes at a time.
extension UInt64 {
    /// A word whose eight bytes are each `byte`.
    static func repeating(_ byte: UInt8) -> UInt64 { 0x0101_0101_0101_0101 &* UInt64(byte) }

    /// The top bit of each byte of this word that is zero, and no other bit.
    @inline(__always)
    var zeroByteMarks: UInt64 {
        let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        // A byte's top bit is set here exactly when the byte is not zero.
        let nonzero = ((self & lows) &+ lows) | self
        return ~nonzero & ~lows
    }
}
