// SPDX-License-Identifier: GPL-3.0-or-later
#include "perfettonotes.h"

#include <QCoreApplication>

#include <unordered_map>

namespace tracedelta {

namespace {

QString translated(const char* text)
{
    return QCoreApplication::translate("Importer", text);
}

QString countedList(const std::map<std::string, int>& counts, bool translateKeys, int& total)
{
    QString list;
    total = 0;
    for (const auto& [kind, count] : counts) {
        total += count;
        if (!list.isEmpty())
            list += QStringLiteral(", ");
        list += QStringLiteral("%1: %2").arg(translateKeys ? translated(kind.c_str()) : QString::fromStdString(kind)).arg(count);
    }
    return list;
}

} // namespace

const char* packetKind(std::uint32_t field)
{
    static const std::unordered_map<std::uint32_t, const char*> kinds = [] {
        std::unordered_map<std::uint32_t, const char*> k;
        const auto add = [&k](std::initializer_list<std::uint32_t> fields, const char* kind) {
            for (const std::uint32_t f : fields)
                k[f] = kind;
        };
        add({7, 9, 34, 35, 38, 40, 52, 71, 84, 91, 117, 118, 119, 129, 115},
            QT_TRANSLATE_NOOP("Importer", "counters and statistics"));
        add({4, 37, 62, 68, 73, 74, 75}, QT_TRANSLATE_NOOP("Importer", "memory"));
        add({54, 61, 64, 66, 135}, QT_TRANSLATE_NOOP("Importer", "CPU samples and profiles"));
        add({39, 63, 132}, QT_TRANSLATE_NOOP("Importer", "logs"));
        add({53, 57, 65}, QT_TRANSLATE_NOOP("Importer", "GPU and graphics"));
        add({99, 100, 101, 102, 103}, QT_TRANSLATE_NOOP("Importer", "JavaScript code maps"));
        add({50, 133}, QT_TRANSLATE_NOOP("Importer", "compressed packets (not read)"));
        add({5}, QT_TRANSLATE_NOOP("Importer", "legacy Chrome JSON events"));
        add({33, 36, 45, 46, 47, 48, 51, 67, 69, 70, 72, 78, 82, 86, 89, 90, 109, 113, 120, 122, 123, 124, 126, 127, 128,
             130, 131, 134},
            QT_TRANSLATE_NOOP("Importer", "metadata"));
        return k;
    }();
    const auto found = kinds.find(field);
    return found != kinds.end() ? found->second : QT_TRANSLATE_NOOP("Importer", "other");
}

std::string ftraceEventName(std::uint32_t field)
{
    static const std::unordered_map<std::uint32_t, const char*> names = {
        {4, "sched_switch"}, {11, "cpu_frequency"}, {12, "cpu_frequency_limits"}, {13, "cpu_idle"}, {14, "clock_enable"},
        {15, "clock_disable"}, {16, "clock_set_rate"}, {17, "sched_wakeup"}, {18, "sched_blocked_reason"},
        {19, "sched_cpu_hotplug"}, {20, "sched_waking"}, {21, "ipi_entry"}, {22, "ipi_exit"}, {23, "ipi_raise"},
        {24, "softirq_entry"}, {25, "softirq_exit"}, {26, "softirq_raise"}, {27, "i2c_read"}, {28, "i2c_write"},
        {29, "i2c_result"}, {30, "i2c_reply"}, {31, "smbus_read"}, {32, "smbus_write"}, {33, "smbus_result"},
        {34, "smbus_reply"}, {35, "lowmemory_kill"}, {36, "irq_handler_entry"}, {37, "irq_handler_exit"},
        {38, "sync_pt"}, {39, "sync_timeline"}, {40, "sync_wait"}, {47, "sched_process_exec"},
        {48, "sched_process_exit"}, {49, "sched_process_fork"}, {50, "sched_process_free"},
        {51, "sched_process_hang"}, {52, "sched_process_wait"}, {53, "task_newtask"}, {54, "task_rename"},
    };
    const auto found = names.find(field);
    return found != names.end() ? std::string(found->second) : "ftrace event " + std::to_string(field);
}

std::string chromeProcessTypeName(int type)
{
    switch (type) {
    case 1: return "Browser";
    case 2: return "Renderer";
    case 3: return "Utility";
    case 4: return "Zygote";
    case 6: return "GPU Process";
    default: return {};
    }
}

QString wireProblemText(const protowire::Reader& reader)
{
    using protowire::Problem;
    switch (reader.problem()) {
    case Problem::TruncatedVarint: return QCoreApplication::translate("Importer", "a number runs past the end of its data");
    case Problem::OverlongVarint: return QCoreApplication::translate("Importer", "a number is longer than 10 bytes (a bad varint)");
    case Problem::TruncatedField:
        return QCoreApplication::translate("Importer", "a field claims %1 bytes, more than remain").arg(static_cast<qulonglong>(reader.claimedLength()));
    case Problem::BadWireType: return QCoreApplication::translate("Importer", "a field has an unknown wire type");
    case Problem::FieldZero: return QCoreApplication::translate("Importer", "a field has number 0");
    case Problem::None: break;
    }
    return {};
}

void reportPerfettoNotes(const PerfettoNotes& notes, TraceBuilder& builder)
{
    using S = Diagnostic::Severity;
    int total = 0;
    if (const QString list = countedList(notes.skipped, true, total); total > 0)
        builder.addDiagnostic(S::Info, QCoreApplication::translate("Importer", "%n packet(s) or event(s) that are not spans were skipped",
                                                                   nullptr, total)
                                           + QStringLiteral(" (") + list + QLatin1Char(')'));
    if (const QString list = countedList(notes.skippedFtrace, false, total); total > 0)
        builder.addDiagnostic(S::Info, QCoreApplication::translate("Importer", "%n kernel (ftrace) event(s) that are not spans were skipped",
                                                                   nullptr, total)
                                           + QStringLiteral(" (") + list + QLatin1Char(')'));
    if (notes.unknownInterned > 0)
        builder.addDiagnostic(S::Warning, QCoreApplication::translate("Importer",
                                                                      "%n event(s) refer to interned names never defined on "
                                                                      "their packet sequence; shown as “unknown name”",
                                                                      nullptr, notes.unknownInterned));
    if (notes.lostState > 0)
        builder.addDiagnostic(S::Warning, QCoreApplication::translate("Importer",
                                                                      "%n packet(s) depend on interned data or clocks lost "
                                                                      "before them (data loss) and were skipped",
                                                                      nullptr, notes.lostState));
    if (notes.unconverted > 0)
        builder.addDiagnostic(S::Warning, QCoreApplication::translate("Importer",
                                                                      "%n packet(s) are timed on a clock that no clock "
                                                                      "snapshot relates to the trace clock (%1) and were skipped",
                                                                      nullptr, notes.unconverted)
                                              .arg(notes.unconvertedClock));
    if (notes.malformedPackets > 0)
        builder.addDiagnostic(S::Warning, QCoreApplication::translate("Importer",
                                                                      "%n malformed packet(s) were skipped (the first at byte %1)",
                                                                      nullptr, notes.malformedPackets)
                                              .arg(static_cast<qulonglong>(notes.firstMalformedOffset)));
}

} // namespace tracedelta
