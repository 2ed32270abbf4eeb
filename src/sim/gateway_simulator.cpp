#include "gateway_simulator.h"

#include "sim_catalog.h"
#include "sim_chat.h"
#include "sim_errors.h"
#include "sim_response.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpServer>
#include <QUrlQuery>

namespace gw::sim {

namespace {

const QString kOpenRouterPrefix = u"/openrouter/api/v1"_qs;
const QString kVercelPrefix = u"/vercel/v1"_qs;

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace

int SimStats::total() const
{
    int n = 0;
    for (const auto &perEndpoint : requests)
        for (int count : perEndpoint)
            n += count;
    return n;
}

QJsonObject SimStats::toJson() const
{
    QJsonObject req;
    for (auto it = requests.begin(); it != requests.end(); ++it) {
        QJsonObject perEndpoint;
        for (auto e = it.value().begin(); e != it.value().end(); ++e)
            perEndpoint.insert(e.key(), e.value());
        req.insert(it.key(), perEndpoint);
    }
    QJsonObject status;
    for (auto it = statuses.begin(); it != statuses.end(); ++it)
        status.insert(QString::number(it.key()), it.value());
    return QJsonObject{{u"total"_qs, total()},
                       {u"requests"_qs, req},
                       {u"statuses"_qs, status},
                       {u"streams_started"_qs, streamsStarted},
                       {u"streams_completed"_qs, streamsCompleted},
                       {u"client_disconnects"_qs, clientDisconnects}};
}

GatewaySimulator::GatewaySimulator(QObject *parent) : GatewaySimulator(Options(), parent) {}

GatewaySimulator::GatewaySimulator(const Options &options, QObject *parent)
    : QObject(parent), m_options(options), m_rng(options.seed)
{
    m_clock.start();
}

GatewaySimulator::~GatewaySimulator()
{
    stop();
}

QString GatewaySimulator::defaultKey(Gateway gateway)
{
    return gateway == Gateway::OpenRouter ? u"sk-or-v1-sim-local"_qs : u"vck_sim_local"_qs;
}

bool GatewaySimulator::start(quint16 port)
{
    stop();
    m_server = std::make_unique<QHttpServer>();
    // No routes: every request reaches one dispatcher that knows both dialects' paths.
    m_server->setMissingHandler([this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        dispatch(request, std::move(responder));
    });
    // Our own QTcpServer for a deep accept backlog: with Qt's default of 50, a burst of 100 new
    // connections overflows it and the kernel drops SYNs, which clients retry a second later.
    // It also puts a guard on every connection: head-size and idle limits, HTTP/1.0 and close.
    auto *tcp = new SimTcpServer(m_options.httpLimits, m_server.get());
    tcp->setListenBacklogSize(1024);
    if (!tcp->listen(QHostAddress(QHostAddress::LocalHost), port)) {
        m_server.reset();
        return false;
    }
    m_server->bind(tcp);
    m_port = tcp->serverPort();
    return true;
}

void GatewaySimulator::stop()
{
    const QList<SimResponse *> inFlight = findChildren<SimResponse *>(Qt::FindDirectChildrenOnly);
    qDeleteAll(inFlight);
    m_server.reset();
    m_port = 0;
}

bool GatewaySimulator::isListening() const
{
    return m_server && m_port != 0;
}

quint16 GatewaySimulator::port() const
{
    return m_port;
}

QUrl GatewaySimulator::baseUrl() const
{
    QUrl url;
    url.setScheme(u"http"_qs);
    url.setHost(u"127.0.0.1"_qs);
    url.setPort(m_port);
    return url;
}

QUrl GatewaySimulator::baseUrl(Gateway gateway) const
{
    QUrl url = baseUrl();
    url.setPath(gateway == Gateway::OpenRouter ? kOpenRouterPrefix : kVercelPrefix);
    return url;
}

QUrl GatewaySimulator::openrouterBaseUrl() const
{
    return baseUrl(Gateway::OpenRouter);
}

QUrl GatewaySimulator::vercelBaseUrl() const
{
    return baseUrl(Gateway::Vercel);
}

void GatewaySimulator::reseed(quint64 seed)
{
    m_options.seed = seed;
    m_rng.seed(seed);
}

void GatewaySimulator::reset()
{
    m_faults = SimFaults();
    m_stats = SimStats();
    m_generations.clear();
    m_freeModelRequests = 0;
    m_chatCount.clear();
    m_spent.clear();
    m_nextId = 1;
    m_rng.seed(m_options.seed);
}

double GatewaySimulator::spentUsd(Gateway gateway) const
{
    return m_spent.value(gateway);
}

GatewayFaults &GatewaySimulator::faultsFor(Gateway gateway)
{
    return gateway == Gateway::OpenRouter ? m_faults.openrouter : m_faults.vercel;
}

int GatewaySimulator::drawDelay(const DelayRange &range)
{
    if (range.maxMs <= range.minMs)
        return std::max(0, range.minMs);
    return int(std::uniform_int_distribution<int>(range.minMs, range.maxMs)(m_rng));
}

bool GatewaySimulator::roll(double probability)
{
    return std::uniform_real_distribution<double>(0.0, 1.0)(m_rng) < probability;
}

bool GatewaySimulator::authorized(Gateway gateway, const QHttpServerRequest &request) const
{
    const QString &key = gateway == Gateway::OpenRouter ? m_options.openrouterKey : m_options.vercelKey;
    return request.value("Authorization") == "Bearer " + key.toUtf8();
}

void GatewaySimulator::sendJson(SimResponse *response, int status, const QByteArray &body, int delayMs,
                                const QList<std::pair<QByteArray, QByteArray>> &headers)
{
    ++m_stats.statuses[status];
    response->complete(delayMs, status, "application/json", body, headers);
}

void GatewaySimulator::dispatch(const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    auto *response = new SimResponse(std::move(responder), this);
    response->onClientGone = [this] { ++m_stats.clientDisconnects; };
    const QString path = request.url().path();
    if (path.startsWith(kOpenRouterPrefix + u'/'))
        return handleGateway(Gateway::OpenRouter, path.mid(kOpenRouterPrefix.size()), request, response);
    if (path.startsWith(kVercelPrefix + u'/'))
        return handleGateway(Gateway::Vercel, path.mid(kVercelPrefix.size()), request, response);
    ++m_stats.requests[u"control"_qs][path.section(u'/', 1, 2)];
    if (path.startsWith(u"/_control/"))
        return handleControl(path.mid(10), request, response);
    if (path.startsWith(u"/_redirect/")) {
        QUrl target = baseUrl();
        target.setPath(path.mid(10));
        target.setQuery(request.url().query());
        return sendJson(response, 307, "{}", 0, {{"Location", target.toEncoded()}});
    }
    sendJson(response, 404, R"({"error":{"message":"Not found: use /openrouter/api/v1 or /vercel/v1"}})");
}

void GatewaySimulator::handleControl(const QString &path, const QHttpServerRequest &request, SimResponse *response)
{
    const bool post = request.method() == QHttpServerRequest::Method::Post;
    if (path == u"stats")
        return sendJson(response, 200, compact(m_stats.toJson()));
    if (path == u"faults" && !post)
        return sendJson(response, 200, compact(faultsToJson(m_faults)));
    if (path == u"faults") {
        // Anything but a JSON object is refused and the faults stay: reading a broken body as
        // "{}" would clear them, and a fault test would run fault-free without noticing.
        QString error;
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(request.body(), &parseError);
        if (parseError.error != QJsonParseError::NoError)
            error = u"faults body is not JSON: %1 at offset %2"_qs.arg(parseError.errorString()).arg(parseError.offset);
        else if (!document.isObject())
            error = u"faults body must be a JSON object"_qs;
        QJsonObject json = document.object();
        const QJsonValue seed = json.take(u"seed");
        const std::optional<SimFaults> faults = error.isEmpty() ? faultsFromJson(json, &error) : std::nullopt;
        if (!faults)
            return sendJson(response, 400, compact(QJsonObject{{u"error"_qs, QJsonObject{{u"message"_qs, error}}}}));
        m_faults = *faults;
        if (seed.isDouble())
            reseed(quint64(seed.toInteger()));
        return sendJson(response, 200, compact(faultsToJson(m_faults)));
    }
    if (path == u"reset" && post) {
        reset();
        return sendJson(response, 200, "{}");
    }
    sendJson(response, 404, R"({"error":{"message":"unknown control endpoint"}})");
}

void GatewaySimulator::handleGateway(Gateway gateway, const QString &path, const QHttpServerRequest &request,
                                     SimResponse *response)
{
    const SimCatalog &catalog = SimCatalog::forGateway(gateway);
    const bool get = request.method() == QHttpServerRequest::Method::Get;
    auto &counts = m_stats.requests[gatewayName(gateway)];
    if (path == u"/chat/completions" && request.method() == QHttpServerRequest::Method::Post) {
        ++counts[u"chat"_qs];
        return handleChat(gateway, request, response);
    }
    if (path == u"/models" && get) {
        ++counts[u"models"_qs];
        return sendJson(response, 200, catalog.modelsListJson());
    }
    const QStringList parts = path.split(u'/', Qt::SkipEmptyParts);
    if (get && parts.size() == 4 && parts.at(0) == u"models" && parts.at(3) == u"endpoints") {
        ++counts[u"endpoints"_qs];
        const QString id = parts.at(1) + u'/' + parts.at(2);
        if (const SimModel *model = catalog.find(id))
            return sendJson(response, 200, compact(catalog.endpointsJson(*model)));
        const SimError e = notFound(gateway, u"Model %1 not found"_qs.arg(id));
        return sendJson(response, e.status, e.body);
    }
    if (path == u"/generation" && get) {
        ++counts[u"generation"_qs];
        return handleGeneration(gateway, request, response);
    }
    const bool balance =
        (gateway == Gateway::OpenRouter && path == u"/key") || (gateway == Gateway::Vercel && path == u"/credits");
    if (balance && get) {
        ++counts[gateway == Gateway::OpenRouter ? u"key"_qs : u"credits"_qs];
        if (!authorized(gateway, request)) {
            const SimError e = unauthorized(gateway);
            return sendJson(response, e.status, e.body);
        }
        return handleBalance(gateway, response);
    }
    ++counts[u"other"_qs];
    const SimError e = notFound(gateway, u"No such endpoint: %1"_qs.arg(path));
    sendJson(response, e.status, e.body);
}

void GatewaySimulator::handleGeneration(Gateway gateway, const QHttpServerRequest &request, SimResponse *response)
{
    if (!authorized(gateway, request)) {
        const SimError e = unauthorized(gateway);
        return sendJson(response, e.status, e.body);
    }
    const QString id = request.query().queryItemValue(u"id"_qs);
    const auto it = m_generations.constFind(id);
    // Like the real gateways, a generation is only visible a while after its call.
    if (it == m_generations.cend() || m_clock.elapsed() - it->createdMs < faultsFor(gateway).generationDelayMs) {
        const SimError e = notFound(gateway, u"Generation %1 not found"_qs.arg(id));
        return sendJson(response, e.status, e.body);
    }
    const QJsonObject data = generationJson(gateway, id, *it);
    sendJson(response, 200, compact(QJsonObject{{u"data"_qs, data}}));
}

void GatewaySimulator::handleBalance(Gateway gateway, SimResponse *response)
{
    const double spent = m_spent.value(gateway);
    if (gateway == Gateway::OpenRouter) {
        const QJsonObject data = openrouterKeyJson(spent, m_options.openrouterLimitUsd, m_freeModelRequests);
        return sendJson(response, 200, compact(QJsonObject{{u"data"_qs, data}}));
    }
    sendJson(response, 200, compact(vercelCreditsJson(m_options.vercelCreditsUsd - spent, spent)));
}

} // namespace gw::sim
