// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QMap>

#include <cstdint>

namespace tracedelta {

// Reads one HTTP/1.1 request at a time from the bytes of a connection as they arrive:
// request line, headers, and a body by Content-Length or chunked transfer encoding.
// Sizes are checked before anything is buffered, so a client cannot make the receiver
// hold more than the limits however it frames the request.
class HttpRequestParser
{
public:
    enum class State { Incomplete, Complete, Failed };
    struct Request
    {
        QByteArray method;
        QByteArray path;
        QMap<QByteArray, QByteArray> headers; // lower-case names
        QByteArray body;
        bool keepAlive = true;
    };

    explicit HttpRequestParser(std::int64_t maxBodyBytes, int maxHeaderBytes = 64 * 1024);

    // Appends bytes and parses as far as they go. After Complete, take() the request;
    // bytes of the next request stay buffered. After Failed, status()/error() say why.
    State feed(const QByteArray& bytes);
    Request take();
    // After take(): whether the next (pipelined) request is already complete, or failed.
    State state() const { return m_failureStatus != 0 ? State::Failed : m_complete ? State::Complete : State::Incomplete; }
    int failureStatus() const { return m_failureStatus; }
    const QByteArray& failureReason() const { return m_failureReason; }

private:
    enum class Phase { Head, FixedBody, ChunkSize, ChunkData, ChunkTrailer };
    State fail(int status, const QByteArray& reason);
    State parseHead();
    State parseBody();

    std::int64_t m_maxBody;
    int m_maxHeader;
    QByteArray m_buffer;
    Phase m_phase = Phase::Head;
    Request m_request;
    std::int64_t m_remaining = 0;
    bool m_complete = false;
    int m_failureStatus = 0;
    QByteArray m_failureReason;
};

} // namespace tracedelta
