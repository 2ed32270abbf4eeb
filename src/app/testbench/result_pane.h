#pragma once
// One gateway's side of a test bench case: the answer as it streams, the reasoning (collapsible),
// then TTFT, latency, tokens, cost with its source, provider, generation id and the normalized
// error; and the request body this gateway got, with what the translation dropped.

#include "bench/types.h"

#include <QJsonObject>
#include <QWidget>

#include <memory>

namespace Ui {
class ResultPane;
}

namespace gw::app {

class ResultPane : public QWidget {
    Q_OBJECT
public:
    explicit ResultPane(gw::Gateway gateway, QWidget *parent = nullptr);
    ~ResultPane() override;

    void clear();
    // While it runs: what streamed so far (the panes refresh at most ~30 times a second).
    void showLive(const QString &text, const QString &reasoning, const QJsonObject &request,
                  const QStringList &warnings);
    void showResult(const gw::BenchResult &result);
    void showWaiting(const QString &why);

    QString text() const;
    QString reasoning() const;
    QString metrics() const;
    QString error() const;
    static QString metricsText(const gw::BenchResult &result);
    // The body this gateway got (empty before it was built) and what the translation dropped.
    const QJsonObject &request() const { return m_request; }
    const QStringList &warnings() const { return m_warnings; }

Q_SIGNALS:
    void requestViewRequested(); // "Request…": the page shows both gateways' bodies together

private:
    void setReasoning(const QString &reasoning);

    std::unique_ptr<Ui::ResultPane> ui;
    gw::Gateway m_gateway;
    QJsonObject m_request;
    QStringList m_warnings;
};

} // namespace gw::app
