// SPDX-License-Identifier: GPL-3.0-or-later
#include "filecontent.h"

#include <QCoreApplication>
#include <QFile>

#include <zlib.h>

#include <new>

namespace tracedelta {

namespace {

// lupdate files these strings under "FileContent"; the struct only gives them that context.
struct FileContentText
{
    Q_DECLARE_TR_FUNCTIONS(FileContent)
};

bool isGzip(const QByteArray& bytes)
{
    return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f
        && static_cast<unsigned char>(bytes[1]) == 0x8b;
}

QString inflateGzip(const QByteArray& compressed, std::string& out)
{
    z_stream stream{};
    if (inflateInit2(&stream, 15 + 32) != Z_OK)
        return FileContentText::tr("cannot start gzip decompression");
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.constData()));
    stream.avail_in = static_cast<uInt>(compressed.size());
    out.reserve(static_cast<std::size_t>(compressed.size()) * 8);
    char buffer[1 << 16];
    int status = Z_OK;
    while (true) {
        stream.next_out = reinterpret_cast<Bytef*>(buffer);
        stream.avail_out = sizeof buffer;
        status = inflate(&stream, Z_NO_FLUSH);
        out.append(buffer, sizeof buffer - stream.avail_out);
        if (status == Z_STREAM_END) {
            // Concatenated gzip members are one file by the format's rules.
            if (stream.avail_in == 0)
                break;
            inflateReset(&stream);
            continue;
        }
        if (status != Z_OK) {
            break;
        }
        if (stream.avail_in == 0 && stream.avail_out != 0)
            break;
    }
    inflateEnd(&stream);
    if (status == Z_STREAM_END)
        return {};
    if (status == Z_OK || status == Z_BUF_ERROR)
        return FileContentText::tr("the gzip data is truncated (the file ends before the compressed stream does)");
    return FileContentText::tr("the gzip data is corrupt");
}

} // namespace

FileContent readFileContent(const QString& path)
{
    FileContent content;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        content.error = FileContentText::tr("cannot open the file: %1").arg(file.errorString());
        return content;
    }
    try {
        const QByteArray bytes = file.readAll();
        if (file.error() != QFileDevice::NoError) {
            content.error = FileContentText::tr("cannot read the file: %1").arg(file.errorString());
            return content;
        }
        if (isGzip(bytes)) {
            content.wasCompressed = true;
            content.error = inflateGzip(bytes, content.text);
        } else {
            content.text.assign(bytes.constData(), static_cast<std::size_t>(bytes.size()));
        }
    } catch (const std::bad_alloc&) {
        content.text.clear();
        content.error = FileContentText::tr("the file is too large to load into memory");
    }
    return content;
}

} // namespace tracedelta
