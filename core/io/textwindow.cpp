// SPDX-License-Identifier: GPL-3.0-or-later
#include "textwindow.h"

#include <stdexcept>

namespace tracedelta {

TextWindow::TextWindow(std::string_view whole)
    : m_view(whole)
{
}

TextWindow::TextWindow(Source source, std::size_t pieceBytes)
    : m_source(std::move(source))
    , m_pieceBytes(pieceBytes)
{
}

int TextWindow::arrive(std::size_t pos, std::size_t keepFrom)
{
    if (pos < m_base)
        throw std::logic_error("TextWindow: a position before the window was asked for");
    while (pos >= m_base + m_view.size()) {
        if (!readPiece(keepFrom))
            return -1;
    }
    return static_cast<unsigned char>(m_view[pos - m_base]);
}

bool TextWindow::readPiece(std::size_t keepFrom)
{
    if (!m_source)
        return false;
    // What is no longer needed goes first, so the window stays a batch and a piece wide.
    if (keepFrom > m_base) {
        const std::size_t drop = std::min(keepFrom - m_base, m_view.size());
        m_buffer.erase(0, drop);
        m_base += drop;
    }
    const std::size_t kept = m_buffer.size();
    m_buffer.resize(kept + m_pieceBytes);
    const std::size_t got = m_source(m_buffer.data() + kept, m_pieceBytes);
    m_buffer.resize(kept + got);
    m_view = m_buffer;
    if (got == 0) {
        m_source = nullptr;
        return false;
    }
    return true;
}

std::string_view TextWindow::rest(std::size_t keepFrom)
{
    while (readPiece(keepFrom))
        keepFrom = std::max(keepFrom, m_base);
    return m_view.substr(std::min(keepFrom - m_base, m_view.size()));
}

std::string_view TextWindow::head(std::size_t bytes)
{
    while (m_base == 0 && m_view.size() < bytes && readPiece(0)) {
    }
    return m_base == 0 ? m_view.substr(0, bytes) : std::string_view();
}

} // namespace tracedelta
