#pragma once
// Fetches both gateways' /models lists through gwnet and keeps each answer that parses as a new
// snapshot in the workspace (catalogs/<gateway>-models-<UTC time>.json, written atomically), so
// the Models page can say what changed since the previous sync. Nothing is written for an answer
// that does not parse: the last good snapshot stays the newest.

#include "config/config.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

namespace gw::net {
class GatewayClient;
class ModelsReply;
} // namespace gw::net

namespace gw::app {

class CatalogSync : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    ~CatalogSync() override;

    // Starts one request per non-null client; progress(0, n) follows at once.
    void start(gw::net::GatewayClient *openrouter, gw::net::GatewayClient *vercel, const QString &workspaceDir);
    void cancel();
    bool isRunning() const { return m_pending > 0; }

    // catalogs/<gateway>-models-<yyyy-MM-ddTHHmmssZ>.json: sorts after the dated sample snapshots.
    static QString snapshotName(gw::Gateway gateway, const QDateTime &utc);

Q_SIGNALS:
    void progress(int done, int total);
    // `written`: the snapshot files (relative to the workspace); `errors`: one line per failure.
    void finished(const QStringList &written, const QStringList &errors);

private:
    void onReply(gw::net::ModelsReply *reply);

    QString m_dir;
    QList<QPointer<gw::net::ModelsReply>> m_replies;
    int m_total = 0;
    int m_pending = 0;
    QStringList m_written;
    QStringList m_errors;
};

} // namespace gw::app
