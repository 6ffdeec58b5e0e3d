"""Independent, slow xxHash64 written from the algorithm description (not from any C source),
used only to generate/cross-check the vectors in XxHash64Tests.cs.
Run: python3 xxh64_reference.py"""
M = (1 << 64) - 1
P1, P2, P3, P4, P5 = (0x9E3779B185EBCA87, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9,
                      0x85EBCA77C2B2AE63, 0x27D4EB2F165667C5)


def rotl(x, r):
    return ((x << r) | (x >> (64 - r))) & M


def rnd(acc, lane):
    acc = (acc + lane * P2) & M
    return (rotl(acc, 31) * P1) & M


def merge(acc, v):
    acc ^= rnd(0, v)
    return (acc * P1 + P4) & M


def xxh64(data, seed=0):
    n, i = len(data), 0
    le = lambda a, w: int.from_bytes(data[a:a + w], 'little')
    if n >= 32:
        v = [(seed + P1 + P2) & M, (seed + P2) & M, seed, (seed - P1) & M]
        while i + 32 <= n:
            v = [rnd(v[k], le(i + 8 * k, 8)) for k in range(4)]
            i += 32
        h = (rotl(v[0], 1) + rotl(v[1], 7) + rotl(v[2], 12) + rotl(v[3], 18)) & M
        for x in v:
            h = merge(h, x)
    else:
        h = (seed + P5) & M
    h = (h + n) & M
    while i + 8 <= n:
        h = (rotl(h ^ rnd(0, le(i, 8)), 27) * P1 + P4) & M
        i += 8
    if i + 4 <= n:
        h = (rotl(h ^ (le(i, 4) * P1 & M), 23) * P2 + P3) & M
        i += 4
    while i < n:
        h = (rotl(h ^ (data[i] * P5 & M), 11) * P1) & M
        i += 1
    h ^= h >> 33
    h = (h * P2) & M
    h ^= h >> 29
    h = (h * P3) & M
    return h ^ (h >> 32)


def sanity_buffer(n):
    """xxhsum's XSUM_fillTestBuffer: byteGen starts at PRIME32, top byte, times PRIME64."""
    out, gen = bytearray(), 2654435761
    for _ in range(n):
        out.append(gen >> 56)
        gen = (gen * 11400714785074694797) & M  # xsum PRIME64, not PRIME64_1
    return bytes(out)


if __name__ == '__main__':
    print('empty', hex(xxh64(b'')))
    for s in [b'a', b'abc', b'xxhash', b'Nobody inspects the spammish repetition']:
        print(s, hex(xxh64(s)), hex(xxh64(s, 2654435761)))
    buf = sanity_buffer(4096 + 64 + 1)
    for n in [0, 1, 4, 14, 31, 32, 33, 63, 64, 100, 222, 1024, 4096 + 64 + 1]:
        print(n, hex(xxh64(buf[:n])), hex(xxh64(buf[:n], 2654435761)))
