#pragma once
// What a GatewayClient call returns: a reply object that emits finished() exactly once (always
// asynchronously), then holds the result. The caller owns it (deleteLater() when done); it is a
// child of the client, so a forgotten reply goes away with its client.

#include "catalog/catalog.h"
#include "client_settings.h"
#include "protocol/normalized.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <memory>

namespace gw {
class StreamNormalizer;
}

namespace gw::net {

class HttpExchange;

struct CallTiming {
    qint64 ttftMs = -1;      // first text/reasoning delta (streaming only; -1 otherwise)
    qint64 firstByteMs = -1; // first body byte, keep-alive comments included
    qint64 totalMs = -1;     // request sent -> result ready
};

class GatewayReply : public QObject {
    Q_OBJECT
public:
    ~GatewayReply() override;
    Gateway gateway() const { return m_gateway; }
    bool isFinished() const { return m_finished; }
    bool isCancelled() const { return m_cancelled; }
    const GatewayError &error() const { return m_error; } // cls None on success
    int httpStatus() const { return m_httpStatus; }
    const CallTiming &timing() const { return m_timing; }
    void cancel(); // no-op once finished; else finished() follows with error code "cancelled"

Q_SIGNALS:
    void finished();

protected:
    GatewayReply(Gateway gateway, QObject *parent);
    void track(HttpExchange *exchange);       // the HTTP exchange currently in flight
    void complete(const GatewayError &error); // records timing, emits finished() once
    virtual void onCancel() {}

    Gateway m_gateway;
    GatewayError m_error;
    int m_httpStatus = 0;
    CallTiming m_timing;
    QPointer<HttpExchange> m_exchange;
    QElapsedTimer m_clock; // from the call, across retries
    bool m_finished = false;
    bool m_cancelled = false;
};

class ChatReply : public GatewayReply {
    Q_OBJECT
public:
    ChatReply(Gateway gateway, bool streaming, const Catalog *catalog, QObject *parent);
    ~ChatReply() override;
    void start(HttpExchange *exchange);
    bool isStreaming() const { return m_streaming; }
    const NormalizedResponse &result() const { return m_result; } // error mirrors error()

Q_SIGNALS:
    void textDelta(const QString &text);
    void reasoningDelta(const QString &text);

private:
    void onBytes(const QByteArray &bytes);
    void onExchangeFinished();

    bool m_streaming;
    const Catalog *m_catalog; // for an estimate when the gateway reports no cost; may be null
    std::unique_ptr<StreamNormalizer> m_normalizer;
    NormalizedResponse m_result;
};

// GET /models: the raw bytes (to store as a snapshot) and the parsed catalog.
class ModelsReply : public GatewayReply {
    Q_OBJECT
public:
    ModelsReply(Gateway gateway, QObject *parent) : GatewayReply(gateway, parent) {}
    void start(HttpExchange *exchange);
    const QByteArray &raw() const { return m_raw; }
    const CatalogParseResult &parsed() const { return m_parsed; }

private:
    QByteArray m_raw;
    CatalogParseResult m_parsed;
};

class EndpointsReply : public GatewayReply {
    Q_OBJECT
public:
    EndpointsReply(Gateway gateway, QObject *parent) : GatewayReply(gateway, parent) {}
    void start(HttpExchange *exchange);
    const QByteArray &raw() const { return m_raw; }
    const EndpointListResult &parsed() const { return m_parsed; }

private:
    QByteArray m_raw;
    EndpointListResult m_parsed;
};

struct Balance {
    std::optional<double> remainingUsd; // OpenRouter limit_remaining (null = no limit); Vercel balance
    double usedUsd = 0;                 // OpenRouter usage; Vercel total_used
    std::optional<double> limitUsd;     // OpenRouter only
    std::optional<double> usedTodayUsd; // OpenRouter only
    bool freeTier = false;              // OpenRouter only
};
QJsonObject toJson(const Balance &balance);

class BalanceReply : public GatewayReply {
    Q_OBJECT
public:
    BalanceReply(Gateway gateway, QObject *parent) : GatewayReply(gateway, parent) {}
    void start(HttpExchange *exchange);
    const Balance &balance() const { return m_balance; }

private:
    Balance m_balance;
};

} // namespace gw::net
