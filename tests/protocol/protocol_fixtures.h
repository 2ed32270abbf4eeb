#pragma once
// Fixture files of the protocol tests (tests/protocol/data) and the real catalog snapshots.

#include <QFile>
#include <QString>
#include <QTest>

namespace gw::test {

inline QString protocolDataPath(const QString &name)
{
    return QStringLiteral(GW_SOURCE_DIR "/tests/protocol/data/") + name;
}

inline QString sampleCatalogPath(const QString &name)
{
    return QStringLiteral(GW_SOURCE_DIR "/resources/sample-workspace/catalogs/") + name;
}

inline QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read fixture %s: %s", qPrintable(path), qPrintable(file.errorString()));
    return file.readAll();
}

inline QByteArray protocolFixture(const char *name)
{
    return readFile(protocolDataPath(QString::fromLatin1(name)));
}

} // namespace gw::test
