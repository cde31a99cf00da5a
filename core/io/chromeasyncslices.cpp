// SPDX-License-Identifier: GPL-3.0-or-later
// ChromeEventReader's async slices: Chrome JSON's "b"/"e"/"n" events and Perfetto's slices
// on unnamed async tracks.
#include "chromeeventreader.h"

#include <QCoreApplication>

#include <algorithm>
#include <tuple>

namespace tracedelta {

// Async slices of one id nest (a frame and its stages), but slices of different ids overlap
// freely (two requests in flight): each is paired within its id (pairAsync) and becomes a
// complete slice on the category's lane, where nestAndEmit nests what nests and sets the
// rest beside.
void ChromeEventReader::readAsync(char phase, const ChromeEvent& event)
{
    std::int32_t lane = -1; // an end's: its begin's
    if (phase != 'e') {
        const std::string_view category = event.cat.empty() ? std::string_view("async") : event.cat;
        m_asyncLaneKey.assign("async ").append(category);
        lane = laneOf(event.pid, m_asyncLaneKey);
        m_threadNames.try_emplace({std::string(event.pid), m_asyncLaneKey}, std::string(category));
    }
    const auto [argBegin, argEnd] = keepArgs(event);
    const Mark mark{*event.ts, lane, phase == 'n' ? 'i' : phase, m_builder.intern(event.name), m_builder.intern(event.cat), argBegin,
                    argEnd, static_cast<std::uint32_t>(m_eventCount)};
    if (phase == 'n') { // an instant, hosted by the slice around it as a thread's are
        m_marks.push_back(mark);
        if (m_pairing == Pairing::WhileReading)
            m_instants.push_back(static_cast<std::uint32_t>(m_marks.size() - 1));
        return;
    }
    // Chrome's JSON scopes an id by its category; Perfetto's ids are track uuids, and its
    // slice ends carry no category: a slice's lane is its begin's.
    std::string key(event.pid);
    key.append(1, '\x1f').append(m_source == TraceEventSource::Perfetto ? std::string_view() : event.cat).append(1, '\x1f').append(event.id);
    const auto [id, added] = m_asyncIds.try_emplace(std::move(key), static_cast<std::uint32_t>(m_asyncIds.size()));
    m_asyncMarks.emplace_back(id->second, mark);
}

void ChromeEventReader::pairAsync()
{
    std::sort(m_asyncMarks.begin(), m_asyncMarks.end(), [](const auto& a, const auto& b) {
        return std::tie(a.first, a.second.time, a.second.order) < std::tie(b.first, b.second.time, b.second.order);
    });
    std::vector<Mark> open;
    for (std::size_t i = 0; i < m_asyncMarks.size(); ++i) {
        if (i > 0 && m_asyncMarks[i - 1].first != m_asyncMarks[i].first) {
            m_asyncUnclosed += static_cast<int>(open.size());
            open.clear();
        }
        const Mark& mark = m_asyncMarks[i].second;
        if (mark.phase == 'b') {
            open.push_back(mark);
            continue;
        }
        // An end names its slice, or closes the latest of its id.
        auto begin = open.end();
        for (auto it = open.rbegin(); it != open.rend() && begin == open.end(); ++it) {
            if (mark.name == 0 || it->name == mark.name)
                begin = std::prev(it.base());
        }
        if (begin == open.end()) {
            ++m_asyncEndsWithoutBegin;
            continue;
        }
        const auto [argBegin, argEnd] = mergedArgs(*begin, mark);
        const Slice slice{begin->time, mark.time, begin->lane, begin->name, begin->category, argBegin, argEnd, begin->order};
        laneSlices(begin->lane).push_back(slice);
        open.erase(begin);
    }
    m_asyncUnclosed += static_cast<int>(open.size());
    std::vector<std::pair<std::uint32_t, Mark>>().swap(m_asyncMarks);
    std::map<std::string, std::uint32_t>().swap(m_asyncIds);
}

void ChromeEventReader::reportAsync()
{
    noteCount(m_asyncUnclosed, QCoreApplication::translate("Importer", "%n async slice(s) still open when tracing stopped are not shown",
                                                           nullptr, m_asyncUnclosed));
    noteCount(m_asyncEndsWithoutBegin, QCoreApplication::translate("Importer",
                                                                   "%n async slice end(s) without a begin of their id were ignored (their "
                                                                   "begin came before tracing started)",
                                                                   nullptr, m_asyncEndsWithoutBegin));
}

} // namespace tracedelta
