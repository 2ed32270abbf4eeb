// gateway-sim: both gateways' dialects on a loopback port, for demos, manual testing and tests
// that want a separate process. The first stdout line is always "listening 127.0.0.1:PORT".

#include "gateway_simulator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSocketNotifier>
#include <QTextStream>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

using gw::Gateway;
using namespace gw::sim;

namespace {

int g_signalPipe[2] = {-1, -1};

// Async-signal-safe: only write(2). The event loop sees the byte and quits cleanly.
void onTerminationSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const ssize_t n = ::write(g_signalPipe[0], &byte, 1);
}

bool installSignalHandlers(QObject *parent)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) != 0)
        return false;
    auto *notifier = new QSocketNotifier(g_signalPipe[1], QSocketNotifier::Read, parent);
    QObject::connect(notifier, &QSocketNotifier::activated, parent, [notifier] {
        notifier->setEnabled(false);
        char byte = 0;
        [[maybe_unused]] const ssize_t n = ::read(g_signalPipe[1], &byte, 1);
        QCoreApplication::quit();
    });
    struct sigaction action = {};
    action.sa_handler = onTerminationSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    return ::sigaction(SIGTERM, &action, nullptr) == 0 && ::sigaction(SIGINT, &action, nullptr) == 0;
}

QString envOr(const char *name, const QString &fallback)
{
    const QString value = qEnvironmentVariable(name);
    return value.isEmpty() ? fallback : value;
}

int usage(const QString &message)
{
    QTextStream(stderr) << u"gateway-sim: "_qs << message << u"\n(see gateway-sim --help)\n"_qs;
    return 2;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"gateway-sim"_qs);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Simulates OpenRouter and Vercel AI Gateway on 127.0.0.1 (never other addresses).\n"
        "  OpenRouter: http://127.0.0.1:PORT/openrouter/api/v1  (models, models/A/B/endpoints, chat/completions,\n"
        "              generation?id=, key)\n"
        "  Vercel:     http://127.0.0.1:PORT/vercel/v1          (models, models/A/B/endpoints, chat/completions,\n"
        "              generation?id=, credits)\n"
        "  Control:    POST /_control/faults (JSON), GET /_control/faults, GET /_control/stats, POST /_control/reset\n"
        "The first stdout line is \"listening 127.0.0.1:PORT\". SIGTERM or SIGINT stops it (exit code 0).\n"
        "Fault flags apply to both gateways; --faults takes the full per-gateway JSON."_qs);
    parser.addHelpOption();
    const QCommandLineOption port(u"port"_qs, u"TCP port on 127.0.0.1; 0 picks a free one (default 0)."_qs, u"PORT"_qs,
                                  u"0"_qs);
    const QCommandLineOption orKey(
        u"openrouter-key"_qs,
        u"Key OpenRouter requests must bear (env GATEWAY_SIM_OPENROUTER_KEY; default sk-or-v1-sim-local)."_qs,
        u"KEY"_qs);
    const QCommandLineOption vKey(
        u"vercel-key"_qs, u"Key Vercel requests must bear (env GATEWAY_SIM_VERCEL_KEY; default vck_sim_local)."_qs,
        u"KEY"_qs);
    const QCommandLineOption seed(u"seed"_qs, u"Random seed: same seed and requests, same answers (default 1)."_qs,
                                  u"N"_qs, u"1"_qs);
    const QCommandLineOption faults(u"faults"_qs, u"Faults as JSON, or @FILE with JSON (see /_control/faults)."_qs,
                                    u"JSON"_qs);
    const QCommandLineOption errorRate(
        u"error-rate"_qs,
        u"KIND=P: answer chat with error KIND (400, context_length, 401, 402, quota_exceeded, 403, 404, 408, 429, 500, 502, 503, 504, 524, 529) with probability P. Repeatable."_qs,
        u"KIND=P"_qs);
    const QCommandLineOption latency(u"latency-ms"_qs, u"Delay before the response head: MS or MIN-MAX."_qs, u"MS"_qs);
    const QCommandLineOption ttft(u"ttft-ms"_qs, u"Time to first token: MS or MIN-MAX."_qs, u"MS"_qs);
    const QCommandLineOption chunk(u"chunk-interval-ms"_qs, u"Delay between stream chunks."_qs, u"MS"_qs);
    const QCommandLineOption keepAlive(u"keepalive-ms"_qs, u"Send SSE keep-alive comments this often while waiting."_qs,
                                       u"MS"_qs);
    const QCommandLineOption midError(u"mid-stream-error-after"_qs,
                                      u"Send an error chunk under HTTP 200 after N chunks."_qs, u"N"_qs);
    const QCommandLineOption truncate(u"truncate-after"_qs, u"Close the connection after N chunks, before [DONE]."_qs,
                                      u"N"_qs);
    const QCommandLineOption generationDelay(u"generation-delay-ms"_qs,
                                             u"GET /generation answers 404 this long after the call."_qs, u"MS"_qs);
    const QCommandLineOption payment(u"payment-required-after"_qs, u"Answer 402 after N chat requests per gateway."_qs,
                                     u"N"_qs);
    const QCommandLineOption hang(u"hang"_qs, u"Accept chat requests and never answer."_qs);
    parser.addOptions({port, orKey, vKey, seed, faults, errorRate, latency, ttft, chunk, keepAlive, midError, truncate,
                       generationDelay, payment, hang});
    parser.process(app);

    GatewaySimulator::Options options;
    options.openrouterKey =
        parser.isSet(orKey) ? parser.value(orKey) : envOr("GATEWAY_SIM_OPENROUTER_KEY", options.openrouterKey);
    options.vercelKey = parser.isSet(vKey) ? parser.value(vKey) : envOr("GATEWAY_SIM_VERCEL_KEY", options.vercelKey);
    bool ok = false;
    options.seed = parser.value(seed).toULongLong(&ok);
    if (!ok)
        return usage(u"--seed takes a number"_qs);

    // Flags become one "both" JSON object so they go through the same validation as /_control.
    QJsonObject both;
    QJsonObject rates;
    for (const QString &spec : parser.values(errorRate))
        rates.insert(spec.section(u'=', 0, 0), spec.section(u'=', 1).toDouble());
    if (!rates.isEmpty())
        both.insert(u"error_rates"_qs, rates);
    for (const auto &[option, key] : {std::pair{&latency, u"latency_ms"_qs}, std::pair{&ttft, u"ttft_ms"_qs}}) {
        if (!parser.isSet(*option))
            continue;
        const auto range = parseDelay(parser.value(*option));
        if (!range)
            return usage(u"--%1 takes MS or MIN-MAX"_qs.arg(option->names().first()));
        both.insert(key, QJsonArray{range->minMs, range->maxMs});
    }
    for (const auto &[option, key] :
         {std::pair{&chunk, u"chunk_interval_ms"_qs}, std::pair{&keepAlive, u"keepalive_interval_ms"_qs},
          std::pair{&midError, u"mid_stream_error_after"_qs}, std::pair{&truncate, u"truncate_after"_qs},
          std::pair{&generationDelay, u"generation_delay_ms"_qs}, std::pair{&payment, u"payment_required_after"_qs}}) {
        if (parser.isSet(*option))
            both.insert(key, parser.value(*option).toInt());
    }
    if (parser.isSet(hang))
        both.insert(u"hang"_qs, true);

    QJsonObject faultJson;
    if (parser.isSet(faults)) {
        QByteArray text = parser.value(faults).toUtf8();
        if (text.startsWith('@')) {
            QFile file(QString::fromUtf8(text.mid(1)));
            if (!file.open(QIODevice::ReadOnly))
                return usage(u"cannot read %1"_qs.arg(file.fileName()));
            text = file.readAll();
        }
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(text, &parseError);
        if (parseError.error != QJsonParseError::NoError)
            return usage(
                u"--faults is not JSON: %1 at offset %2"_qs.arg(parseError.errorString()).arg(parseError.offset));
        if (!document.isObject())
            return usage(u"--faults must be a JSON object"_qs);
        faultJson = document.object();
    }
    if (!both.isEmpty()) {
        QJsonObject merged = faultJson.value(u"both").toObject();
        for (auto it = both.begin(); it != both.end(); ++it)
            merged.insert(it.key(), it.value());
        faultJson.insert(u"both"_qs, merged);
    }
    QString error;
    const std::optional<SimFaults> parsedFaults = faultsFromJson(faultJson, &error);
    if (!parsedFaults)
        return usage(error);

    const uint portNumber = parser.value(port).toUInt(&ok);
    if (!ok || portNumber > 65535)
        return usage(u"--port takes 0..65535"_qs);

    GatewaySimulator simulator(options);
    simulator.setFaults(*parsedFaults);
    if (!simulator.start(quint16(portNumber))) {
        QTextStream(stderr) << u"gateway-sim: cannot listen on 127.0.0.1:"_qs << portNumber << u'\n';
        return 1;
    }
    if (!installSignalHandlers(&app)) {
        QTextStream(stderr) << u"gateway-sim: cannot install signal handlers\n"_qs;
        return 1;
    }
    QTextStream(stdout) << u"listening 127.0.0.1:"_qs << simulator.port() << Qt::endl;
    const int code = app.exec();
    simulator.stop();
    return code;
}
