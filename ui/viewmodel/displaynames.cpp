// SPDX-License-Identifier: GPL-3.0-or-later
#include "displaynames.h"

#include <QCoreApplication>

namespace tracedelta {

namespace {
// lupdate files these strings under "DisplayNames"; the struct only gives them that context.
struct DisplayNamesText
{
    Q_DECLARE_TR_FUNCTIONS(DisplayNames)
};
} // namespace

QString changeDisplayName(NodeChange change)
{
    switch (change) {
    case NodeChange::Unchanged: return DisplayNamesText::tr("unchanged");
    case NodeChange::Added: return DisplayNamesText::tr("added in the target");
    case NodeChange::Removed: return DisplayNamesText::tr("missing from the target");
    case NodeChange::Slower: return DisplayNamesText::tr("slower");
    case NodeChange::Faster: return DisplayNamesText::tr("faster");
    case NodeChange::CountChanged: return DisplayNamesText::tr("call count changed");
    }
    return {};
}

QString candidateKindDisplayName(CandidateKind kind)
{
    switch (kind) {
    case CandidateKind::SelfTime: return DisplayNamesText::tr("disproportionate self time");
    case CandidateKind::Added: return DisplayNamesText::tr("new in the target");
    case CandidateKind::Removed: return DisplayNamesText::tr("missing from the target");
    case CandidateKind::CountChanged: return DisplayNamesText::tr("call count changed");
    case CandidateKind::Slower: return DisplayNamesText::tr("slower");
    case CandidateKind::Faster: return DisplayNamesText::tr("faster");
    case CandidateKind::Concurrency: return DisplayNamesText::tr("concurrency changed");
    case CandidateKind::Error: return DisplayNamesText::tr("failed");
    case CandidateKind::Wait: return DisplayNamesText::tr("waited longer");
    case CandidateKind::Overhang: return DisplayNamesText::tr("outlives its parent");
    }
    return {};
}

QString severityDisplayName(Diagnostic::Severity severity)
{
    switch (severity) {
    case Diagnostic::Severity::Info: return DisplayNamesText::tr("note");
    case Diagnostic::Severity::Warning: return DisplayNamesText::tr("warning");
    case Diagnostic::Severity::Error: return DisplayNamesText::tr("error");
    }
    return {};
}

} // namespace tracedelta
