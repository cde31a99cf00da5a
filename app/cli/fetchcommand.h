// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace tracedelta::cli {

// `tracedelta fetch --server URL [--kind jaeger|tempo|zipkin] TRACE_ID… -o DIR`: fetches
// traces by id (or from pasted UI links) and writes each as DIR/ID.json. Credentials come
// from the environment: TRACEDELTA_TOKEN (bearer), TRACEDELTA_USER / TRACEDELTA_PASSWORD
// (basic), TRACEDELTA_HEADERS ("Name: value" lines, e.g. X-Scope-OrgID for Tempo).
int runFetch(const QStringList& arguments);

} // namespace tracedelta::cli
