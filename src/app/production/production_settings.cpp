#include "production/production_settings.h"

#include <QSettings>

namespace gw::app {

namespace {

QString prefixOf(ProductionRole role)
{
    return role == ProductionRole::Writer ? QStringLiteral("production/writer/") : QStringLiteral("production/reader/");
}

gw::production::PgConnectionSpec loadSpec(const QSettings &s, ProductionRole role)
{
    const QString p = prefixOf(role);
    gw::production::PgConnectionSpec spec;
    spec.host = s.value(p + QStringLiteral("host")).toString();
    spec.port = s.value(p + QStringLiteral("port"), 5432).toInt();
    spec.database = s.value(p + QStringLiteral("database")).toString();
    spec.user = s.value(p + QStringLiteral("user")).toString();
    spec.sslMode = s.value(p + QStringLiteral("sslMode")).toString();
    return spec;
}

void saveSpec(QSettings &s, ProductionRole role, const gw::production::PgConnectionSpec &spec)
{
    const QString p = prefixOf(role);
    s.setValue(p + QStringLiteral("host"), spec.host.trimmed());
    s.setValue(p + QStringLiteral("port"), spec.port);
    s.setValue(p + QStringLiteral("database"), spec.database.trimmed());
    s.setValue(p + QStringLiteral("user"), spec.user.trimmed());
    s.setValue(p + QStringLiteral("sslMode"), spec.sslMode);
}

} // namespace

ProductionSettings ProductionSettings::load()
{
    const QSettings s;
    ProductionSettings settings;
    settings.writer = loadSpec(s, ProductionRole::Writer);
    settings.reader = loadSpec(s, ProductionRole::Reader);
    settings.readerSameAsWriter = s.value(QStringLiteral("production/readerSameAsWriter"), true).toBool();
    return settings;
}

void ProductionSettings::save() const
{
    QSettings s;
    saveSpec(s, ProductionRole::Writer, writer);
    saveSpec(s, ProductionRole::Reader, reader);
    s.setValue(QStringLiteral("production/readerSameAsWriter"), readerSameAsWriter);
}

QString productionAccount(ProductionRole role)
{
    return role == ProductionRole::Writer ? QStringLiteral("production-writer") : QStringLiteral("production-reader");
}

} // namespace gw::app
