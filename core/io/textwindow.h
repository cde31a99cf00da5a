// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace tracedelta {

// A text read front to back through a window: what has arrived and is still needed is in
// memory, positions are offsets into the whole text. A reader that scans forward asks for
// more and says what it still needs; the rest goes. Made from a text already in memory
// (then nothing more arrives), or from a source that fills a piece at a time (a file, an
// inflater), so a file of any size is parsed in the memory of one batch.
class TextWindow
{
public:
    // Fills [into, into + room) and says how much; 0 when nothing more comes.
    using Source = std::function<std::size_t(char* into, std::size_t room)>;

    explicit TextWindow(std::string_view whole);
    TextWindow(Source source, std::size_t pieceBytes);

    // The byte at `pos`, reading on when it has not arrived yet (dropping what lies before
    // `keepFrom`); -1 past the end of the text.
    int at(std::size_t pos, std::size_t keepFrom)
    {
        if (pos >= m_base && pos - m_base < m_view.size())
            return static_cast<unsigned char>(m_view[pos - m_base]);
        return arrive(pos, keepFrom);
    }
    // The text in [from, to); valid until the window next reads on.
    std::string_view range(std::size_t from, std::size_t to) const { return m_view.substr(from - m_base, to - from); }
    // Reads on to the end of the text (keeping what lies from `keepFrom`); the text from
    // `keepFrom` to the end.
    std::string_view rest(std::size_t keepFrom);
    // The first text that arrived: up to `bytes` from the start (less when the text is shorter).
    std::string_view head(std::size_t bytes);
    // Everything has arrived.
    bool complete() const { return !m_source; }
    // Frees the window's memory once the reader is done with the text: a big load builds
    // its model next, and the window's pieces would count in its peak.
    void release()
    {
        std::string().swap(m_buffer);
        m_base += m_view.size();
        m_view = {};
        m_source = nullptr;
    }

private:
    int arrive(std::size_t pos, std::size_t keepFrom);
    bool readPiece(std::size_t keepFrom);

    Source m_source;
    std::size_t m_pieceBytes = 0;
    std::string m_buffer;
    std::string_view m_view; // the window's text, starting at m_base
    std::size_t m_base = 0;
};

} // namespace tracedelta
