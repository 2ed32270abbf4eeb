#pragma once
// One simulated chat completion: what the model "says" (derived from the request, so the same
// request always gets the same answer), its tokens and cost from the catalog price, and the
// bodies in each gateway's shape, non-stream and as SSE events.

#include "sim_catalog.h"

#include <QJsonObject>
#include <QStringList>

namespace gw::sim {

struct ChatPlan {
    Gateway gateway = Gateway::OpenRouter;
    QString id;    // gen-... (OpenRouter) / gen_... (Vercel)
    QString model; // as requested
    SimProvider provider;
    qint64 created = 0;
    QStringList contentPieces;   // one per stream delta
    QStringList reasoningPieces; // empty unless reasoning was asked for and not excluded
    QString reasoningSignature;
    int promptTokens = 0;
    int completionTokens = 0; // includes reasoning tokens
    int reasoningTokens = 0;
    double costUsd = 0; // promptCostUsd + completionCostUsd
    double promptCostUsd = 0;
    double completionCostUsd = 0;
};

// `providers` must not be empty; the request's provider order (OpenRouter `provider.order/only`,
// Vercel `providerOptions.gateway.order/only`) picks among them, else the first serves.
ChatPlan planChat(Gateway gateway, const SimModel &model, const QList<SimProvider> &providers,
                  const QJsonObject &request, const QString &id, qint64 created);
int estimatePromptTokens(const QJsonObject &request);

QByteArray nonStreamBody(const ChatPlan &plan);

// The stream as SSE events ("data: ...\n\n"): `deltas` carry reasoning and content, `tail` the
// finish chunk, the usage chunk (empty choices) and "data: [DONE]".
struct StreamEvents {
    QList<QByteArray> deltas;
    QList<QByteArray> tail;
};
StreamEvents streamEvents(const ChatPlan &plan);
QByteArray sseEvent(const QByteArray &json);

QString formatUsd(double usd); // "0.000123", never exponent notation

} // namespace gw::sim
