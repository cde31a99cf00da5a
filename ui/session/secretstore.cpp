// SPDX-License-Identifier: GPL-3.0-or-later
#include "secretstore.h"

#include <qt6keychain/keychain.h>

namespace tracedelta {

namespace {
const QString Service = QStringLiteral("TraceDelta");
} // namespace

void KeyringSecretStore::read(const QString& key, ReadDone done)
{
    auto* job = new QKeychain::ReadPasswordJob(Service, this);
    job->setKey(key);
    job->setInsecureFallback(false);
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job* finished) {
        auto* read = static_cast<QKeychain::ReadPasswordJob*>(finished);
        if (read->error() == QKeychain::NoError)
            done(read->textData(), QString());
        else if (read->error() == QKeychain::EntryNotFound)
            done(QString(), QString());
        else
            done(QString(), read->errorString());
    });
    job->start();
}

void KeyringSecretStore::write(const QString& key, const QString& secret, WriteDone done)
{
    auto* job = new QKeychain::WritePasswordJob(Service, this);
    job->setKey(key);
    job->setInsecureFallback(false);
    job->setTextData(secret);
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job* finished) {
        done(finished->error() == QKeychain::NoError ? QString() : finished->errorString());
    });
    job->start();
}

void KeyringSecretStore::remove(const QString& key)
{
    auto* job = new QKeychain::DeletePasswordJob(Service, this);
    job->setKey(key);
    job->start();
}

} // namespace tracedelta
