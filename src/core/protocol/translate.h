#pragma once
// OpenRouter chat request -> Vercel AI Gateway chat request, exactly as the routing contract's
// "Translation" section says. Everything Vercel cannot express is dropped and named in the
// warnings by its JSON path, so an operator sees what a rerouted request loses.

#include "config/config.h"

#include <QJsonObject>
#include <QStringList>

namespace gw {

struct TranslationResult {
    QJsonObject request;
    QStringList warnings; // "/provider/max_price: no Vercel equivalent, dropped"
};

TranslationResult translateToVercel(const QJsonObject &openrouterRequest, const RoutingConfig &config);

// Provider sort values: price -> cost, throughput -> tps, latency -> ttft; empty when unknown.
QString vercelSortFor(QStringView openrouterSort);

} // namespace gw
