// SPDX-License-Identifier: GPL-3.0-or-later
// The protobuf wire format written by hand, for tests and benchmarks that make Perfetto (or
// other protobuf) input of their own: a varint, a varint field, a length-delimited field.
#pragma once

#include <cstdint>
#include <string>

namespace tracedelta::protowriter {

inline void appendVarint(std::string& out, std::uint64_t v)
{
    do {
        out += static_cast<char>((v & 0x7f) | (v > 0x7f ? 0x80 : 0));
        v >>= 7;
    } while (v);
}

inline std::string varint(std::uint64_t v)
{
    std::string out;
    appendVarint(out, v);
    return out;
}

// Field `field` as a varint (wire type 0).
inline std::string num(std::uint32_t field, std::uint64_t v)
{
    return varint(std::uint64_t(field) << 3) + varint(v);
}

// Field `field` as length-delimited bytes (wire type 2): a string or a nested message.
inline std::string msg(std::uint32_t field, const std::string& bytes)
{
    return varint(std::uint64_t(field) << 3 | 2) + varint(bytes.size()) + bytes;
}

} // namespace tracedelta::protowriter
