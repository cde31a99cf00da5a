// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <string>

namespace tracedelta {

struct FileContent
{
    std::string text;
    QString error; // empty when the file was read
    bool wasCompressed = false;
};

// Reads a whole file, inflating it when it starts with the gzip magic bytes
// (whatever its name says).
FileContent readFileContent(const QString& path);

} // namespace tracedelta
