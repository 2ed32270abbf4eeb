#pragma once
// The app's two gateway connections: where each gateway is (its base URL, or the local
// simulator started in-process on a free loopback port), with which key (keychain, else the
// environment), and whether it answers. Pages borrow the clients; the status bar shows the state.

#include "client_settings.h"
#include "common/latest_job.h"
#include "config/config.h"
#include "config/per_gateway.h"
#include "gateway_replies.h"

#include <QObject>

#include <array>
#include <memory>

namespace gw {
namespace net {
class GatewayClient;
}
namespace sim {
class GatewaySimulator;
}
} // namespace gw

namespace gw::app {

class KeyStore;

class GatewayConnections : public QObject {
    Q_OBJECT
public:
    enum class State { Unknown, NoKey, Checking, Connected, AuthFailed, Unreachable, Failed };

    // `keys` is borrowed and may be null (environment variables only).
    explicit GatewayConnections(KeyStore *keys, QObject *parent = nullptr);
    ~GatewayConnections() override;

    // Reads the settings (QSettings "gateways/…", "attribution/…") and the keys, starts or stops
    // the local simulator, rebuilds the clients and checks both gateways. Asynchronous.
    void reload();
    void checkAll();
    void setKeyStore(KeyStore *keys); // borrowed; takes effect at the next reload()

    bool usesSimulator(gw::Gateway gateway) const { return m_slots[gateway].local; }
    gw::sim::GatewaySimulator *simulator() const { return m_simulator.get(); }
    // Null until the first reload() has its keys. Owned here; valid until the next reload().
    gw::net::GatewayClient *client(gw::Gateway gateway) const;
    gw::net::ClientSettings settings(gw::Gateway gateway) const { return m_slots[gateway].settings; }

    State state(gw::Gateway gateway) const { return m_slots[gateway].state; }
    QString stateText(gw::Gateway gateway) const;
    QString summaryText() const; // "OpenRouter: connected (local simulator) · Vercel: no key"
    QString toolTipText() const; // base URLs, masked keys and the last check's message
    // The credit balance from the last successful check (GET /key or /credits); none before it
    // answers or when it failed. The Monitor's balance chart and runway read it.
    std::optional<gw::net::Balance> balance(gw::Gateway gateway) const { return m_slots[gateway].balance; }

Q_SIGNALS:
    void clientsChanged(); // new clients (settings or keys changed): drop borrowed pointers
    void stateChanged();

private:
    struct Slot {
        bool local = false;
        bool keyKnown = false;
        gw::net::ClientSettings settings;
        std::unique_ptr<gw::net::GatewayClient> client;
        State state = State::Unknown;
        QString detail;
        std::optional<gw::net::Balance> balance;
    };
    void onKeyRead(const QString &account, const QString &secret, const QString &error);
    void keyKnown(gw::Gateway gateway, const QString &key);
    void check(gw::Gateway gateway);

    KeyStore *m_keys = nullptr;
    std::unique_ptr<gw::sim::GatewaySimulator> m_simulator;
    gw::PerGateway<Slot> m_slots;
    LatestJob<gw::net::Balance> m_checks{this}; // a check answering for older settings is ignored
};

QString connectionStateName(GatewayConnections::State state);

} // namespace gw::app
