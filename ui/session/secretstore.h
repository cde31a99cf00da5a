// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

#include <functional>

namespace tracedelta {

// Where server secrets (tokens, passwords) are kept between sessions: the desktop keyring,
// never QSettings or workspace files. Calls answer asynchronously (the keyring may ask
// the user to unlock it); an empty error means success.
class SecretStore : public QObject
{
    Q_OBJECT
public:
    using ReadDone = std::function<void(const QString& secret, const QString& error)>;
    using WriteDone = std::function<void(const QString& error)>;

    using QObject::QObject;
    virtual void read(const QString& key, ReadDone done) = 0;
    virtual void write(const QString& key, const QString& secret, WriteDone done) = 0;
    virtual void remove(const QString& key) = 0;
};

// The desktop keyring through QtKeychain (Secret Service / KWallet), service "TraceDelta".
// Without a keyring, reads and writes fail with QtKeychain's message: the secret then
// lasts for this session only (never a plain-text fallback).
class KeyringSecretStore : public SecretStore
{
    Q_OBJECT
public:
    using SecretStore::SecretStore;
    void read(const QString& key, ReadDone done) override;
    void write(const QString& key, const QString& secret, WriteDone done) override;
    void remove(const QString& key) override;
};

} // namespace tracedelta
