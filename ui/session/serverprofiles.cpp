// SPDX-License-Identifier: GPL-3.0-or-later
#include "serverprofiles.h"

#include <QSettings>

#include <algorithm>

namespace tracedelta {

namespace {
const QString Group = QStringLiteral("servers");
constexpr std::size_t MaxProfiles = 10;
} // namespace

QString ServerProfile::secretKey() const
{
    return QStringLiteral("server %1 %2 %3").arg(url, auth == Auth::Basic ? QStringLiteral("basic") : QStringLiteral("bearer"), user);
}

std::vector<ServerProfile> loadServerProfiles(QSettings& settings)
{
    std::vector<ServerProfile> profiles;
    const int count = settings.beginReadArray(Group);
    for (int i = 0; i < count; ++i) {
        settings.setArrayIndex(i);
        ServerProfile p;
        p.url = settings.value(QStringLiteral("url")).toString();
        p.kind = kindFromName(settings.value(QStringLiteral("kind")).toString()).value_or(TraceServerKind::Jaeger);
        const QString auth = settings.value(QStringLiteral("auth")).toString();
        p.auth = auth == QLatin1String("bearer") ? ServerProfile::Auth::Bearer
                 : auth == QLatin1String("basic") ? ServerProfile::Auth::Basic
                                                  : ServerProfile::Auth::None;
        p.user = settings.value(QStringLiteral("user")).toString();
        p.headers = settings.value(QStringLiteral("headers")).toString();
        p.caFile = settings.value(QStringLiteral("caFile")).toString();
        if (!p.url.isEmpty())
            profiles.push_back(p);
    }
    settings.endArray();
    return profiles;
}

void rememberServerProfile(QSettings& settings, const ServerProfile& profile)
{
    std::vector<ServerProfile> profiles = loadServerProfiles(settings);
    std::erase_if(profiles, [&profile](const ServerProfile& p) { return p.url == profile.url; });
    profiles.insert(profiles.begin(), profile);
    if (profiles.size() > MaxProfiles)
        profiles.resize(MaxProfiles);
    settings.remove(Group);
    settings.beginWriteArray(Group, static_cast<int>(profiles.size()));
    for (int i = 0; i < static_cast<int>(profiles.size()); ++i) {
        const ServerProfile& p = profiles[static_cast<std::size_t>(i)];
        settings.setArrayIndex(i);
        settings.setValue(QStringLiteral("url"), p.url);
        settings.setValue(QStringLiteral("kind"), kindName(p.kind));
        settings.setValue(QStringLiteral("auth"), p.auth == ServerProfile::Auth::Bearer  ? QStringLiteral("bearer")
                                                  : p.auth == ServerProfile::Auth::Basic ? QStringLiteral("basic")
                                                                                         : QStringLiteral("none"));
        settings.setValue(QStringLiteral("user"), p.user);
        settings.setValue(QStringLiteral("headers"), p.headers);
        settings.setValue(QStringLiteral("caFile"), p.caFile);
    }
    settings.endArray();
}

} // namespace tracedelta
