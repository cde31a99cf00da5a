// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/remote/traceserver.h"

#include <QString>

#include <vector>

class QSettings;

namespace tracedelta {

// A server the user fetched from, remembered (most recent first) in the settings — its
// URL, kind, how it authenticates, the user name, extra headers and CA file, but never the
// token or password (those go to the SecretStore under secretKey()).
struct ServerProfile
{
    enum class Auth { None, Bearer, Basic };

    QString url;
    TraceServerKind kind = TraceServerKind::Jaeger;
    Auth auth = Auth::None;
    QString user;
    QString headers; // "Name: value" lines
    QString caFile;

    QString secretKey() const;
    bool operator==(const ServerProfile&) const = default;
};

std::vector<ServerProfile> loadServerProfiles(QSettings& settings);
// Puts `profile` first (replacing the one with the same URL), keeps ten.
void rememberServerProfile(QSettings& settings, const ServerProfile& profile);

} // namespace tracedelta
