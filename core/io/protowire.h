// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace tracedelta {

// The protobuf wire format read by hand, for messages whose readers want no generated code
// (Perfetto's TracePacket has ~150 kinds of payload, TraceDelta reads a dozen): fields one
// at a time as views into the bytes, with the first structural error and where it is.
namespace protowire {

enum class WireType : std::uint8_t { Varint = 0, Fixed64 = 1, Bytes = 2, Fixed32 = 5 };

enum class Problem : std::uint8_t { None, TruncatedVarint, OverlongVarint, TruncatedField, BadWireType, FieldZero };

// The varint at `at` (advanced past it); a problem when it runs off the end or over 10 bytes.
inline Problem readVarint(std::string_view data, std::size_t& at, std::uint64_t& value)
{
    value = 0;
    for (int shift = 0; shift < 70; shift += 7) {
        if (at >= data.size())
            return Problem::TruncatedVarint;
        const auto byte = static_cast<unsigned char>(data[at++]);
        value |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
        if ((byte & 0x80) == 0)
            return Problem::None;
    }
    return Problem::OverlongVarint;
}

struct Field
{
    std::uint32_t number = 0;
    WireType type = WireType::Varint;
    std::uint64_t value = 0;   // varint, fixed64 or fixed32
    std::string_view bytes;    // length-delimited
    std::size_t offset = 0;    // of the tag, within the reader's data
    std::int64_t asInt() const { return static_cast<std::int64_t>(value); }
};

// Walks the fields of one message. next() is false at the end or at the first problem.
class Reader
{
public:
    explicit Reader(std::string_view data)
        : m_data(data)
    {
    }

    bool next(Field& field)
    {
        if (m_at >= m_data.size() || m_problem != Problem::None)
            return false;
        field.offset = m_at;
        std::uint64_t tag = 0;
        if ((m_problem = readVarint(m_data, m_at, tag)) != Problem::None)
            return failAt(field.offset);
        field.number = static_cast<std::uint32_t>(tag >> 3);
        if (field.number == 0 || (tag >> 3) > 0x1fffffff) {
            m_problem = Problem::FieldZero;
            return failAt(field.offset);
        }
        field.bytes = {};
        switch (tag & 7) {
        case 0:
            field.type = WireType::Varint;
            m_problem = readVarint(m_data, m_at, field.value);
            break;
        case 1: field.type = WireType::Fixed64; return fixed(field, 8);
        case 5: field.type = WireType::Fixed32; return fixed(field, 4);
        case 2: {
            field.type = WireType::Bytes;
            std::uint64_t length = 0;
            if ((m_problem = readVarint(m_data, m_at, length)) != Problem::None)
                break;
            if (length > m_data.size() - m_at) {
                m_problem = Problem::TruncatedField;
                m_claimed = length;
                break;
            }
            field.bytes = m_data.substr(m_at, static_cast<std::size_t>(length));
            m_at += static_cast<std::size_t>(length);
            break;
        }
        default: m_problem = Problem::BadWireType; break;
        }
        return m_problem == Problem::None || failAt(field.offset);
    }

    Problem problem() const { return m_problem; }
    // Where the field with the problem starts, within the reader's data.
    std::size_t problemOffset() const { return m_problemOffset; }
    // The length a truncated field claimed.
    std::uint64_t claimedLength() const { return m_claimed; }

private:
    bool fixed(Field& field, std::size_t size)
    {
        if (m_data.size() - m_at < size) {
            m_problem = Problem::TruncatedField;
            m_claimed = size;
            return failAt(field.offset);
        }
        std::uint64_t value = 0;
        for (std::size_t i = 0; i < size; ++i) // little-endian on the wire, whatever the host
            value |= static_cast<std::uint64_t>(static_cast<unsigned char>(m_data[m_at + i])) << (8 * i);
        field.value = value;
        m_at += size;
        return true;
    }

    bool failAt(std::size_t offset)
    {
        m_problemOffset = offset;
        return false;
    }

    std::string_view m_data;
    std::size_t m_at = 0;
    Problem m_problem = Problem::None;
    std::size_t m_problemOffset = 0;
    std::uint64_t m_claimed = 0;
};

// Each value of a repeated integer field, whether written packed (one length-delimited
// field) or one field per value; false when a packed run is malformed.
template <class Fn>
bool forEachPacked(const Field& field, Fn&& fn)
{
    if (field.type != WireType::Bytes) {
        fn(field.value);
        return true;
    }
    std::size_t at = 0;
    while (at < field.bytes.size()) {
        std::uint64_t value = 0;
        if (readVarint(field.bytes, at, value) != Problem::None)
            return false;
        fn(value);
    }
    return true;
}

// Fixed64 values of a repeated fixed64 field, packed or not.
template <class Fn>
bool forEachFixed64(const Field& field, Fn&& fn)
{
    if (field.type != WireType::Bytes) {
        fn(field.value);
        return true;
    }
    if (field.bytes.size() % 8 != 0)
        return false;
    for (std::size_t at = 0; at < field.bytes.size(); at += 8) {
        std::uint64_t value = 0;
        for (std::size_t i = 0; i < 8; ++i)
            value |= static_cast<std::uint64_t>(static_cast<unsigned char>(field.bytes[at + i])) << (8 * i);
        fn(value);
    }
    return true;
}

inline double asDouble(const Field& field)
{
    double d = 0;
    const std::uint64_t bits = field.value;
    std::memcpy(&d, &bits, sizeof d);
    return d;
}

} // namespace protowire

} // namespace tracedelta
