#pragma once
// Error bodies exactly in each gateway's shape (GATEWAY-APIS.md "Errors"):
//   OpenRouter {"error": {"code": 429, "message": "...", "metadata": {"error_type": ..., ...}}}
//   Vercel     {"error": {"message": "...", "type": "rate_limit_exceeded"}}

#include "config/config.h" // gw::Gateway

#include <QByteArray>
#include <QString>

namespace gw::sim {

struct SimError {
    int status = 500;
    QByteArray body;
};

// `kind` is one of errorKinds() (sim_faults.h); `detail` names the model or path where it helps.
SimError gatewayError(Gateway gateway, const QString &kind, const QString &detail = {});
SimError unauthorized(Gateway gateway);
SimError unknownModel(Gateway gateway, const QString &model);
SimError badRequest(Gateway gateway, const QString &message);
SimError notFound(Gateway gateway, const QString &message);
SimError contextLength(Gateway gateway, int limit, int requested);

// The chunk OpenRouter sends under HTTP 200 when the provider fails after streaming began.
QByteArray midStreamErrorChunk(Gateway gateway, const QString &id, const QString &model, qint64 created);

} // namespace gw::sim
