#pragma once
// Shared by the gwnet tests: an in-process gateway-sim on a free loopback port and clients that
// point at it with its fake keys and test-sized timeouts.

#include "gateway_client.h"
#include "gateway_simulator.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace gw::test {

inline constexpr int kWaitMs = 20'000; // generous: the CI machine has 2 shared cores

inline net::ClientSettings simSettings(const sim::GatewaySimulator &sim, Gateway gateway)
{
    net::ClientSettings s;
    s.baseUrl = sim.baseUrl(gateway);
    s.apiKey = sim::GatewaySimulator::defaultKey(gateway);
    s.attribution = {u"https://console.example.test"_qs, u"Gateway Console Tests"_qs, {u"cli-agent"_qs}};
    s.timeouts = {5'000, 10'000, 10'000, 30'000};
    return s;
}

inline std::unique_ptr<net::GatewayClient> simClient(const sim::GatewaySimulator &sim, Gateway gateway)
{
    return net::makeGatewayClient(gateway, simSettings(sim, gateway));
}

inline QJsonObject chatRequest(const QString &model, bool stream, const QString &prompt = u"Say hello"_qs)
{
    QJsonObject request{{u"model"_qs, model},
                        {u"messages"_qs, QJsonArray{QJsonObject{{u"role"_qs, u"user"_qs}, {u"content"_qs, prompt}}}}};
    if (stream)
        request.insert(u"stream"_qs, true);
    return request;
}

// Waits for a reply's finished(); fails the test (returns false) if it never comes.
template <typename Reply>
bool waitFinished(Reply *reply, int timeoutMs = kWaitMs)
{
    if (reply->isFinished())
        return true;
    QSignalSpy spy(reply, &net::GatewayReply::finished);
    return spy.wait(timeoutMs) || reply->isFinished();
}

} // namespace gw::test
