// SPDX-License-Identifier: GPL-3.0-or-later
#include "serverconnections.h"

#include "secretstore.h"
#include "serverprofiles.h"

#include <QSettings>

namespace tracedelta {

void connectionFor(const TraceServer& server, SecretStore* secrets, std::function<void(const ServerConnection&)> done)
{
    ServerConnection connection;
    connection.server = server;
    QSettings settings;
    const std::vector<ServerProfile> profiles = loadServerProfiles(settings);
    const auto profile = std::find_if(profiles.begin(), profiles.end(), [&server](const ServerProfile& p) {
        return QUrl::fromUserInput(p.url) == server.base || p.url == server.base.toString();
    });
    if (profile == profiles.end()) {
        done(connection);
        return;
    }
    connection.auth.headers = ServerAuth::parseHeaders(profile->headers);
    connection.caFile = profile->caFile;
    if (profile->auth == ServerProfile::Auth::None || !secrets) {
        done(connection);
        return;
    }
    const ServerProfile p = *profile;
    secrets->read(p.secretKey(), [connection, p, done = std::move(done)](const QString& secret, const QString&) mutable {
        if (p.auth == ServerProfile::Auth::Bearer)
            connection.auth.bearerToken = secret;
        else {
            connection.auth.user = p.user;
            connection.auth.password = secret;
        }
        done(connection);
    });
}

} // namespace tracedelta
