#include "production/pg_url.h"

#include <QUrl>
#include <QUrlQuery>

namespace gw::production {

QString PgConnectionSpec::describe() const
{
    QString s = u"postgresql://%1@%2:%3/%4"_qs.arg(user, host).arg(port).arg(database);
    if (!sslMode.isEmpty())
        s += u"?sslmode="_qs + sslMode;
    return s;
}

QString PgConnectionSpec::sourceId() const
{
    return u"%1:%2/%3"_qs.arg(host).arg(port).arg(database);
}

PgUrlResult parsePgUrl(const QString &url, const QString &fallbackPassword)
{
    PgUrlResult r;
    if (!url.startsWith(u"postgresql://") && !url.startsWith(u"postgres://")) {
        r.error = u"the database URL must start with postgresql://"_qs;
        return r;
    }
    const QUrl u(url, QUrl::StrictMode);
    if (!u.isValid()) {
        // QUrl's message quotes the URL, password and all: say which rule broke, not the text.
        r.error =
            u"the database URL is malformed (expected postgresql://USER[:PASSWORD]@HOST[:PORT]/DB[?sslmode=MODE])"_qs;
        return r;
    }
    PgConnectionSpec spec;
    spec.user = u.userName(QUrl::FullyDecoded);
    spec.password = u.password(QUrl::FullyDecoded);
    spec.host = u.host(QUrl::FullyDecoded);
    spec.port = u.port(5432);
    spec.database = u.path(QUrl::FullyDecoded).mid(1);
    if (spec.user.isEmpty())
        r.error = u"the database URL names no user (postgresql://USER@HOST/DB)"_qs;
    else if (spec.host.isEmpty())
        r.error = u"the database URL names no host"_qs;
    else if (spec.database.isEmpty() || spec.database.contains(u'/'))
        r.error = u"the database URL names no database (postgresql://USER@HOST/DB)"_qs;
    else if (spec.port <= 0 || spec.port > 65535)
        r.error = u"the database URL's port is out of range"_qs;
    if (!r.error.isEmpty())
        return r;
    const QUrlQuery query(u);
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (key != u"sslmode") {
            r.error = u"the database URL has an unsupported parameter \"%1\" (only sslmode)"_qs.arg(key);
            return r;
        }
        static const QStringList modes{u"disable"_qs, u"allow"_qs,     u"prefer"_qs,
                                       u"require"_qs, u"verify-ca"_qs, u"verify-full"_qs};
        if (!modes.contains(value)) {
            r.error = u"sslmode \"%1\" is not one of %2"_qs.arg(value, modes.join(u", "_qs));
            return r;
        }
        spec.sslMode = value;
    }
    if (spec.password.isEmpty())
        spec.password = fallbackPassword;
    r.value = spec;
    return r;
}

QString redactSecret(QString text, const QString &secret)
{
    if (!secret.isEmpty())
        text.replace(secret, u"***"_qs);
    return text;
}

} // namespace gw::production
