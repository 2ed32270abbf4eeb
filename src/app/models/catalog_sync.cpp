#include "models/catalog_sync.h"
#include "config/per_gateway.h"

#include "gateway_client.h"

#include <QDateTime>
#include <QDir>
#include <QSaveFile>

namespace gw::app {

CatalogSync::~CatalogSync()
{
    cancel();
}

QString CatalogSync::snapshotName(gw::Gateway gateway, const QDateTime &utc)
{
    return QStringLiteral("catalogs/") + gw::gatewayName(gateway) + QStringLiteral("-models-")
           + utc.toUTC().toString(QStringLiteral("yyyy-MM-ddTHHmmss")) + QStringLiteral("Z.json");
}

void CatalogSync::start(gw::net::GatewayClient *openrouter, gw::net::GatewayClient *vercel, const QString &workspaceDir)
{
    cancel();
    m_dir = workspaceDir;
    m_written.clear();
    m_errors.clear();
    m_replies.clear();
    for (gw::net::GatewayClient *client : {openrouter, vercel}) {
        if (!client)
            continue;
        gw::net::ModelsReply *reply = client->models();
        connect(reply, &gw::net::GatewayReply::finished, this, [this, reply] { onReply(reply); });
        m_replies << reply;
    }
    m_total = m_pending = int(m_replies.size());
    Q_EMIT progress(0, m_total);
    if (m_total == 0)
        Q_EMIT finished({}, {tr("No gateway to sync from: check the settings.")});
}

void CatalogSync::cancel()
{
    const QList<QPointer<gw::net::ModelsReply>> replies = m_replies;
    for (const QPointer<gw::net::ModelsReply> &reply : replies)
        if (reply)
            reply->cancel(); // finished() follows with "cancelled"
}

void CatalogSync::onReply(gw::net::ModelsReply *reply)
{
    reply->deleteLater();
    const gw::Gateway gateway = reply->gateway();
    const QString name = gw::gatewayDisplayName(gateway);
    if (reply->error().isError()) {
        m_errors << tr("%1: %2").arg(name,
                                     reply->error().message.isEmpty() ? reply->error().code : reply->error().message);
    } else if (reply->parsed().catalog.models.isEmpty()) {
        m_errors << tr("%1: the model list had no usable models; the previous snapshot stays in use.").arg(name);
    } else {
        const QString relative = snapshotName(gateway, QDateTime::currentDateTimeUtc());
        QDir().mkpath(m_dir + QStringLiteral("/catalogs"));
        QSaveFile file(m_dir + QLatin1Char('/') + relative);
        if (file.open(QIODevice::WriteOnly) && file.write(reply->raw()) == reply->raw().size() && file.commit())
            m_written << relative;
        else
            m_errors << tr("%1: could not write %2: %3").arg(name, relative, file.errorString());
    }
    --m_pending;
    Q_EMIT progress(m_total - m_pending, m_total);
    if (m_pending == 0) {
        m_replies.clear();
        Q_EMIT finished(m_written, m_errors);
    }
}

} // namespace gw::app
