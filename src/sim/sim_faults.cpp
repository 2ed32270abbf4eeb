#include "sim_faults.h"

#include <QJsonArray>

namespace gw::sim {

const QStringList &errorKinds()
{
    static const QStringList kinds{u"400"_qs,
                                   u"context_length"_qs,
                                   u"401"_qs,
                                   u"402"_qs,
                                   u"quota_exceeded"_qs,
                                   u"403"_qs,
                                   u"404"_qs,
                                   u"408"_qs,
                                   u"429"_qs,
                                   u"500"_qs,
                                   u"502"_qs,
                                   u"503"_qs,
                                   u"504"_qs,
                                   u"524"_qs,
                                   u"529"_qs};
    return kinds;
}

std::optional<DelayRange> parseDelay(const QString &text)
{
    const QStringList parts = text.split(u'-');
    bool okMin = false;
    bool okMax = true;
    DelayRange range;
    range.minMs = parts.value(0).toInt(&okMin);
    range.maxMs = parts.size() > 1 ? parts.value(1).toInt(&okMax) : range.minMs;
    if (!okMin || !okMax || parts.size() > 2 || range.minMs < 0 || range.maxMs < range.minMs)
        return std::nullopt;
    return range;
}

namespace {

bool readDelay(const QJsonValue &value, DelayRange &range)
{
    if (value.isDouble()) {
        range.minMs = range.maxMs = value.toInt();
        return range.minMs >= 0;
    }
    const QJsonArray pair = value.toArray();
    if (pair.size() != 2)
        return false;
    range.minMs = pair.at(0).toInt(-1);
    range.maxMs = pair.at(1).toInt(-1);
    return range.minMs >= 0 && range.maxMs >= range.minMs;
}

QJsonValue delayToJson(const DelayRange &range)
{
    if (range.minMs == range.maxMs)
        return range.minMs;
    return QJsonArray{range.minMs, range.maxMs};
}

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

} // namespace

bool applyGatewayFaults(const QJsonObject &json, GatewayFaults &f, QString *error)
{
    for (auto it = json.begin(); it != json.end(); ++it) {
        const QString key = it.key();
        const QJsonValue v = it.value();
        if (key == u"error_rates") {
            const QJsonObject rates = v.toObject();
            for (auto r = rates.begin(); r != rates.end(); ++r) {
                if (!errorKinds().contains(r.key()))
                    return fail(error, u"unknown error kind \"%1\""_qs.arg(r.key()));
                const double p = r.value().toDouble(-1);
                if (p < 0 || p > 1)
                    return fail(error, u"error rate for %1 must be 0..1"_qs.arg(r.key()));
                f.errorRates.insert(r.key(), p);
            }
        } else if (key == u"latency_ms" || key == u"ttft_ms") {
            if (!readDelay(v, key == u"latency_ms" ? f.latency : f.ttft))
                return fail(error, u"%1 takes milliseconds or [min, max]"_qs.arg(key));
        } else if (key == u"chunk_interval_ms") {
            f.chunkIntervalMs = v.toInt();
        } else if (key == u"keepalive_interval_ms") {
            f.keepAliveIntervalMs = v.toInt();
        } else if (key == u"mid_stream_error_after") {
            f.midStreamErrorAfterChunks = v.toInt(-1);
        } else if (key == u"truncate_after") {
            f.truncateAfterChunks = v.toInt(-1);
        } else if (key == u"generation_delay_ms") {
            f.generationDelayMs = v.toInt();
        } else if (key == u"payment_required_after") {
            f.paymentRequiredAfter = v.toInt(-1);
        } else if (key == u"hang") {
            f.hang = v.toBool();
        } else if (key == u"retry_after_s") {
            f.retryAfterSeconds = v.toInt();
        } else {
            return fail(error, u"unknown fault \"%1\""_qs.arg(key));
        }
    }
    return true;
}

std::optional<SimFaults> faultsFromJson(const QJsonObject &json, QString *error)
{
    SimFaults faults;
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (it.key() != u"both" && it.key() != u"openrouter" && it.key() != u"vercel") {
            fail(error, u"unknown gateway \"%1\" (openrouter, vercel or both)"_qs.arg(it.key()));
            return std::nullopt;
        }
    }
    const QJsonObject both = json.value(u"both").toObject();
    if (!applyGatewayFaults(both, faults.openrouter, error) || !applyGatewayFaults(both, faults.vercel, error))
        return std::nullopt;
    if (!applyGatewayFaults(json.value(u"openrouter").toObject(), faults.openrouter, error)
        || !applyGatewayFaults(json.value(u"vercel").toObject(), faults.vercel, error))
        return std::nullopt;
    return faults;
}

namespace {

QJsonObject gatewayToJson(const GatewayFaults &f)
{
    QJsonObject rates;
    for (auto it = f.errorRates.begin(); it != f.errorRates.end(); ++it)
        rates.insert(it.key(), it.value());
    return QJsonObject{{u"error_rates"_qs, rates},
                       {u"latency_ms"_qs, delayToJson(f.latency)},
                       {u"ttft_ms"_qs, delayToJson(f.ttft)},
                       {u"chunk_interval_ms"_qs, f.chunkIntervalMs},
                       {u"keepalive_interval_ms"_qs, f.keepAliveIntervalMs},
                       {u"mid_stream_error_after"_qs, f.midStreamErrorAfterChunks},
                       {u"truncate_after"_qs, f.truncateAfterChunks},
                       {u"generation_delay_ms"_qs, f.generationDelayMs},
                       {u"payment_required_after"_qs, f.paymentRequiredAfter},
                       {u"hang"_qs, f.hang},
                       {u"retry_after_s"_qs, f.retryAfterSeconds}};
}

} // namespace

QJsonObject faultsToJson(const SimFaults &faults)
{
    return QJsonObject{{u"openrouter"_qs, gatewayToJson(faults.openrouter)},
                       {u"vercel"_qs, gatewayToJson(faults.vercel)}};
}

} // namespace gw::sim
