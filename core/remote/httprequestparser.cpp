// SPDX-License-Identifier: GPL-3.0-or-later
#include "httprequestparser.h"

#include <QList>

namespace tracedelta {

HttpRequestParser::HttpRequestParser(std::int64_t maxBodyBytes, int maxHeaderBytes)
    : m_maxBody(maxBodyBytes)
    , m_maxHeader(maxHeaderBytes)
{
}

HttpRequestParser::State HttpRequestParser::fail(int status, const QByteArray& reason)
{
    m_failureStatus = status;
    m_failureReason = reason;
    m_buffer.clear();
    return State::Failed;
}

HttpRequestParser::State HttpRequestParser::feed(const QByteArray& bytes)
{
    if (m_failureStatus != 0)
        return State::Failed;
    m_buffer += bytes;
    if (m_complete)
        return State::Complete;
    if (m_phase == Phase::Head) {
        const State head = parseHead();
        if (head != State::Complete)
            return head;
    }
    return parseBody();
}

HttpRequestParser::Request HttpRequestParser::take()
{
    Request request = std::move(m_request);
    m_request = Request();
    m_complete = false;
    m_phase = Phase::Head;
    // A pipelined request may already be buffered.
    if (!m_buffer.isEmpty())
        feed(QByteArray());
    return request;
}

HttpRequestParser::State HttpRequestParser::parseHead()
{
    const qsizetype end = m_buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return m_buffer.size() > m_maxHeader ? fail(431, "request headers too large") : State::Incomplete;
    if (end > m_maxHeader)
        return fail(431, "request headers too large");
    const QList<QByteArray> lines = m_buffer.left(end).split('\n');
    m_buffer.remove(0, end + 4);
    const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
    if (requestLine.size() != 3 || !requestLine[2].startsWith("HTTP/1."))
        return fail(400, "malformed HTTP request line");
    m_request.method = requestLine[0];
    m_request.path = requestLine[1];
    const bool http10 = requestLine[2] == "HTTP/1.0";
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return fail(400, "malformed HTTP header");
        m_request.headers.insert(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
    }
    const QByteArray connection = m_request.headers.value("connection").toLower();
    m_request.keepAlive = http10 ? connection == "keep-alive" : connection != "close";
    if (m_request.headers.value("transfer-encoding").toLower().contains("chunked")) {
        m_phase = Phase::ChunkSize;
    } else {
        bool ok = true;
        const QByteArray length = m_request.headers.value("content-length", "0");
        m_remaining = length.toLongLong(&ok);
        if (!ok || m_remaining < 0)
            return fail(400, "invalid Content-Length");
        if (m_remaining > m_maxBody)
            return fail(413, "request body larger than the receiver's limit");
        m_phase = Phase::FixedBody;
    }
    return State::Complete;
}

HttpRequestParser::State HttpRequestParser::parseBody()
{
    for (;;) {
        switch (m_phase) {
        case Phase::Head:
            return State::Incomplete;
        case Phase::FixedBody: {
            const qsizetype take = std::min<qsizetype>(m_buffer.size(), m_remaining);
            m_request.body += m_buffer.left(take);
            m_buffer.remove(0, take);
            m_remaining -= take;
            if (m_remaining > 0)
                return State::Incomplete;
            m_complete = true;
            return State::Complete;
        }
        case Phase::ChunkSize: {
            const qsizetype end = m_buffer.indexOf("\r\n");
            if (end < 0)
                return m_buffer.size() > 1024 ? fail(400, "malformed chunk size") : State::Incomplete;
            bool ok = false;
            const QByteArray sizeText = m_buffer.left(end).split(';').first().trimmed();
            m_remaining = sizeText.toLongLong(&ok, 16);
            m_buffer.remove(0, end + 2);
            if (!ok || m_remaining < 0)
                return fail(400, "malformed chunk size");
            if (m_request.body.size() + m_remaining > m_maxBody)
                return fail(413, "request body larger than the receiver's limit");
            m_phase = m_remaining == 0 ? Phase::ChunkTrailer : Phase::ChunkData;
            break;
        }
        case Phase::ChunkData: {
            if (m_buffer.size() < m_remaining + 2)
                return State::Incomplete;
            m_request.body += m_buffer.left(m_remaining);
            m_buffer.remove(0, m_remaining + 2);
            m_phase = Phase::ChunkSize;
            break;
        }
        case Phase::ChunkTrailer: {
            const qsizetype end = m_buffer.indexOf("\r\n");
            if (end < 0)
                return State::Incomplete;
            m_buffer.remove(0, end + 2);
            if (end == 0) {
                m_complete = true;
                return State::Complete;
            }
            break;
        }
        }
    }
}

} // namespace tracedelta
