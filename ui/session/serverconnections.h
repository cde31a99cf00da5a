// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/remote/serverfetch.h"

#include <functional>

namespace tracedelta {

class SecretStore;

// The connection for a server the user fetched from before: its remembered profile
// (headers, CA file, user) and its secret from the keyring; without a profile, no
// authentication. `done` is called on the GUI thread, perhaps later (the keyring answers
// asynchronously).
void connectionFor(const TraceServer& server, SecretStore* secrets, std::function<void(const ServerConnection&)> done);

} // namespace tracedelta
